import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDatabase } from '../../src/db/seed/seed.ts';
import { DEV_SMS_PAGE } from '../../src/domain/delivery/dev-store.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const db = await createTestDb();
await seedDatabase(db, { size: 'demo', today: '2026-11-25' });
const client = createTestApp(db);
const kari = { cookie: await sessionCookie(db, await loginPersonId(db, 'guardian'), 'idporten') };
const teacher = { cookie: await sessionCookie(db, await loginPersonId(db, 'contact-teacher'), 'feide') };
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const SCRIPT_SMS = '<script>alert("sms")</script> Ny melding & mer';
const SCRIPT_SUBJECT = '<b onclick="alert(1)">Nytt fra skolen</b>';
const SCRIPT_MAIL = 'Hei\n\n<img src=x onerror="alert(1)">\nLogg inn: https://skolebro.example/home';

test('anonymous visitors are sent to the login', async () => {
  for (const path of ['/dev/sms', '/dev/mail']) {
    const res = await client.get(path);
    assert.equal(res.status, 302, path);
    assert.match(res.headers.get('location') ?? '', /^\/login/, path);
  }
});

test('with nothing received, each page says so', async () => {
  const sms = (await html(await client.get('/dev/sms', kari))).document;
  assert.match(text(sms.querySelector('main')), /Ingen SMS ennå\./);
  const mail = (await html(await client.get('/dev/mail', kari))).document;
  assert.match(text(mail.querySelector('main')), /Ingen e-post ennå\./);
});

test('/dev/sms shows what the development gateway received to a logged-in user, the text escaped', async () => {
  await db
    .insertInto('dev_sms')
    .values({ reference: 'route:1', to_number: '+4791234567', sender: 'Skolebro', text: SCRIPT_SMS })
    .execute();
  for (const who of [kari, teacher]) {
    const res = await client.get('/dev/sms', who);
    assert.equal(res.status, 200);
    const { text: body, document } = await html(res);
    assert.ok(!body.includes('<script>alert'), 'the SMS text is not markup');
    assert.ok(body.includes('&lt;script'), 'but escaped');
    const row = document.querySelector('main tbody tr');
    assert.equal(row?.querySelector('.sms-text')?.textContent, SCRIPT_SMS, 'shown exactly as sent');
    assert.deepEqual(
      Array.from(row?.querySelectorAll('td') ?? [])
        .slice(1, 3)
        .map((td) => td.textContent),
      ['+4791234567', 'Skolebro'],
    );
    assert.equal(document.querySelector('h1')?.textContent, 'SMS sendt i utviklingsmodus');
    assert.equal(
      document.querySelector('main a[href="/dev/mail"]')?.textContent,
      'Se også: E-post sendt i utviklingsmodus',
    );
  }
});

test('/dev/mail shows the received e-mail with subject, sender, recipient and text, escaped', async () => {
  await db
    .insertInto('dev_mail')
    .values({
      message_id: '<route-1@skolebro.invalid>',
      to_address: 'kari@example.org',
      from_address: 'Skolebro <no-reply@skolebro.invalid>',
      subject: SCRIPT_SUBJECT,
      text: SCRIPT_MAIL,
      raw: 'not shown',
    })
    .execute();
  const res = await client.get('/dev/mail', kari);
  assert.equal(res.status, 200);
  const { text: body, document } = await html(res);
  assert.ok(!body.includes('<b onclick') && !body.includes('<img src=x'), 'no markup from the mail');
  const item = document.querySelector('main li');
  assert.equal(item?.querySelector('.mail-subject')?.textContent, SCRIPT_SUBJECT);
  assert.equal(item?.querySelector('.mail-text')?.textContent, SCRIPT_MAIL);
  const [, from, to] = Array.from(item?.querySelectorAll('dd') ?? []).map((dd) => dd.textContent);
  assert.deepEqual([from, to], ['Skolebro <no-reply@skolebro.invalid>', 'kari@example.org']);
  assert.ok(!body.includes('not shown'), 'the raw message is not on the page');
});

test('more SMS than a page: newest first, a link to the older ones and back', async () => {
  await db
    .insertInto('dev_sms')
    .values(
      Array.from({ length: DEV_SMS_PAGE + 5 }, (_, i) => ({
        reference: `page:${i}`,
        to_number: '+4790000000',
        sender: 'Skolebro',
        text: `SMS nummer ${i}`,
      })),
    )
    .execute();
  const first = (await html(await client.get('/dev/sms', kari))).document;
  const rows = Array.from(first.querySelectorAll('main tbody tr'));
  assert.equal(rows.length, DEV_SMS_PAGE);
  assert.equal(rows[0]?.querySelector('.sms-text')?.textContent, `SMS nummer ${DEV_SMS_PAGE + 4}`);
  const older = first.querySelector('main nav a')?.getAttribute('href') ?? '';
  assert.match(older, /^\/dev\/sms\?before=\d+$/);
  const second = (await html(await client.get(older, kari))).document;
  const olderTexts = Array.from(second.querySelectorAll('main tbody .sms-text')).map((td) => td.textContent);
  assert.deepEqual(olderTexts, [
    'SMS nummer 4',
    'SMS nummer 3',
    'SMS nummer 2',
    'SMS nummer 1',
    'SMS nummer 0',
    SCRIPT_SMS,
  ]);
  assert.equal(second.querySelector('main nav a')?.getAttribute('href'), '/dev/sms', 'back to the newest');
  assert.equal((await client.get('/dev/sms?before=abc', kari)).status, 200, 'a bad cursor shows the newest page');
});

test('in production neither page exists, logged in or not', async () => {
  const production = createTestApp(db, { env: 'production' });
  for (const path of ['/dev/sms', '/dev/mail']) {
    assert.equal((await production.get(path, kari)).status, 404, path);
    assert.equal((await production.get(path)).status, 404, `${path} anonymous`);
  }
});
