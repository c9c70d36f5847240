import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { DEV_SMS_PAGE } from '../../src/domain/delivery/dev-store.ts';
import { messageIdFor } from '../../src/domain/delivery/mailer.ts';
import { createDeliveryChannels } from '../../src/domain/delivery/setup.ts';
import { runOutbox } from '../../src/domain/delivery/worker.ts';
import { dispatchLetters } from '../../src/domain/letters/dispatch.ts';
import { enqueueNotifications } from '../../src/domain/notifications/outbox.ts';
import { createTestApp, html, sessionCookie, testConfig } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { testDeliveryDeps } from '../support/delivery.ts';
import { loginPersonId } from '../support/fixtures.ts';
import { addVedtak, devDeps, dispatchOf, NOW, setKrr, TODAY } from '../support/letters.ts';

const db = await createDemoTestDb(TODAY);
const client = createTestApp(db, {}, { clock: () => NOW });
const kariId = await loginPersonId(db, 'guardian');
const kari = { cookie: await sessionCookie(db, kariId, 'idporten') };
const teacher = { cookie: await sessionCookie(db, await loginPersonId(db, 'contact-teacher'), 'feide') };
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const MAIL_FROM = 'Skolebro <no-reply@skolebro.invalid>';

const SCRIPT_SMS = '<script>alert("sms")</script> Ny melding & mer';
const SCRIPT_SUBJECT = '<b onclick="alert(1)">Nytt fra skolen</b>';
const SCRIPT_MAIL = 'Hei\n\n<img src=x onerror="alert(1)">\nLogg inn: https://skolebro.example/home';

/**
 * The family the issue is about: a child with a strengt fortrolig address, her mother, and her father, who is
 * blocked (sperret) and lives elsewhere. The seed makes exactly this family (src/db/seed/families.ts).
 */
const family = await db
  .selectFrom('guardian_relation as father')
  .innerJoin('person as child', 'child.id', 'father.pupil_id')
  .innerJoin('guardian_relation as mother', (join) =>
    join.onRef('mother.pupil_id', '=', 'father.pupil_id').onRef('mother.guardian_id', '!=', 'father.guardian_id'),
  )
  .innerJoin('person as m', 'm.id', 'mother.guardian_id')
  .innerJoin('enrolment as e', 'e.pupil_id', 'child.id')
  .select([
    'child.id as childId',
    'father.guardian_id as fatherId',
    'mother.guardian_id as motherId',
    'm.fodselsnummer as motherFnr',
    'e.school_id as schoolId',
  ])
  .where('child.address_protection', '=', 'strengt_fortrolig')
  .where('father.relation', '=', 'far')
  .where('father.blocked', '=', true)
  .where('mother.blocked', '=', false)
  .executeTakeFirstOrThrow();
const father = { cookie: await sessionCookie(db, family.fatherId, 'idporten') };
const mother = { cookie: await sessionCookie(db, family.motherId, 'idporten') };
const MOTHER_MOBILE = '+4741234598';
const MOTHER_EMAIL = 'mor.fortrolig@example.org';

/** An outbox row to `personId` and its SMS and e-mail deliveries, as the planner writes them; returns their keys. */
async function deliveriesTo(personId: number, key: string) {
  await enqueueNotifications(db, [
    { recipientPersonId: personId, category: 'messages', eventType: 'message.sent', idempotencyKey: key },
  ]);
  const { id } = await db
    .selectFrom('outbox')
    .select('id')
    .where('idempotency_key', '=', key)
    .executeTakeFirstOrThrow();
  const sms = `${key}:sms`;
  const email = `${key}:email`;
  await db
    .insertInto('delivery')
    .values(
      [
        ['sms', sms],
        ['email', email],
      ].map(([channel, idempotencyKey]) => ({
        outbox_id: id,
        channel: channel as 'sms' | 'email',
        status: 'sent' as const,
        idempotency_key: idempotencyKey!,
        next_attempt_at: NOW,
        created_at: NOW,
        updated_at: NOW,
      })),
    )
    .execute();
  return { sms, email };
}

test('anonymous visitors are sent to the login', async () => {
  for (const path of ['/dev/sms', '/dev/mail', '/dev/digital-post']) {
    const res = await client.get(path);
    assert.equal(res.status, 302, path);
    assert.match(res.headers.get('location') ?? '', /^\/login/, path);
  }
});

test('with nothing received, each page says so', async () => {
  const sms = (await html(await client.get('/dev/sms', kari))).document;
  assert.match(text(sms.querySelector('main')), /Ingen SMS til deg ennå\./);
  const mail = (await html(await client.get('/dev/mail', kari))).document;
  assert.match(text(mail.querySelector('main')), /Ingen e-post til deg ennå\./);
});

test("the blocked father of a child with a strengt fortrolig address sees none of the family's SMS, e-mail or letters; the mother sees hers", async () => {
  await db
    .updateTable('contact_info')
    .set({ mobile: MOTHER_MOBILE, email: MOTHER_EMAIL, sms_enabled: true, updated_at: NOW })
    .where('person_id', '=', family.motherId)
    .execute();
  // A message in the child's book, as the school writes one: the mother is told by SMS and e-mail, through the
  // development gateway and real SMTP to the development mail server.
  await enqueueNotifications(db, [
    {
      recipientPersonId: family.motherId,
      category: 'messages',
      eventType: 'message.sent',
      schoolId: family.schoolId,
      pupilId: family.childId,
      idempotencyKey: `protected-family:${family.motherId}`,
    },
  ]);
  const channels = await createDeliveryChannels(db, testConfig(), () => {});
  after(() => channels.close());
  const deps = testDeliveryDeps(db, { sms: channels.sms, mailer: channels.mailer, mailFrom: MAIL_FROM });
  while ((await runOutbox(db, deps, NOW)).claimed > 0);
  const sent = await db.selectFrom('dev_sms').select('to_number').where('to_number', '=', MOTHER_MOBILE).execute();
  assert.equal(sent.length, 1, 'the SMS went to the mother');
  // And a vedtak to the mother by digital post.
  await setKrr(db, family.motherFnr!, { postkasseadresse: 'mor#1234', postkasseleverandoeradresse: '984661185' });
  const vedtak = await addVedtak(db, family.childId, family.motherId, { title: 'Vedtak om permisjon (fortrolig)' });
  await dispatchLetters(db, devDeps(db), NOW);
  assert.equal((await dispatchOf(db, vedtak)).status, 'sent');
  const letter = await db
    .selectFrom('dev_digital_post')
    .select('id')
    .where('reference', '=', `skolebro-vedtak-${vedtak}`)
    .executeTakeFirstOrThrow();

  for (const path of ['/dev/sms', '/dev/mail', '/dev/digital-post']) {
    const res = await client.get(path, father);
    assert.equal(res.status, 200, path);
    const page = await res.text();
    for (const secret of [MOTHER_MOBILE, '+47 412 34 598', MOTHER_EMAIL, 'Vedtak om permisjon (fortrolig)'])
      assert.ok(!page.includes(secret), `${path} does not show the father ${secret}`);
  }
  const fatherMail = (await html(await client.get('/dev/mail', father))).document;
  assert.equal(fatherMail.querySelectorAll('main li').length, 0, 'no e-mail for the father');
  assert.equal((await client.get(`/dev/digital-post/${letter.id}.pdf`, father)).status, 404, 'nor her letter');
  assert.equal(
    (await db.selectFrom('dev_digital_post').select('opened_at').where('id', '=', letter.id).executeTakeFirstOrThrow())
      .opened_at,
    null,
    'his try did not mark it opened',
  );
  for (const other of [kari, teacher]) {
    const page = await (await client.get('/dev/sms', other)).text();
    assert.ok(!page.includes(MOTHER_MOBILE), 'nor anyone else');
    assert.equal((await client.get(`/dev/digital-post/${letter.id}.pdf`, other)).status, 404);
  }

  const sms = (await html(await client.get('/dev/sms', mother))).document;
  assert.deepEqual(
    Array.from(sms.querySelectorAll('main tbody tr td:nth-child(2)')).map((td) => td.textContent),
    [MOTHER_MOBILE],
    'the mother sees her SMS',
  );
  const mail = (await html(await client.get('/dev/mail', mother))).document;
  assert.equal(mail.querySelectorAll('main li').length, 1, 'and her e-mail');
  assert.match(text(mail.querySelector('main li')), new RegExp(MOTHER_EMAIL));
  const post = (await html(await client.get('/dev/digital-post', mother))).document;
  assert.match(text(post.querySelector('main li')), /Vedtak om permisjon \(fortrolig\)/);
  const open = await client.get(`/dev/digital-post/${letter.id}.pdf`, mother);
  assert.equal(open.status, 200);
  assert.equal(open.headers.get('content-type'), 'application/pdf');
});

test('/dev/sms shows a person the SMS sent to them, the text escaped', async () => {
  const keys = await deliveriesTo(kariId, 'route:1');
  await db
    .insertInto('dev_sms')
    .values({ reference: keys.sms, to_number: '+4791234567', sender: 'Skolebro', text: SCRIPT_SMS })
    .execute();
  const res = await client.get('/dev/sms', kari);
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
  const other = (await html(await client.get('/dev/sms', teacher))).document;
  assert.equal(other.querySelectorAll('main tbody tr').length, 0, "Kari's SMS is not the teacher's");
});

test('/dev/mail shows the e-mail with subject, sender, recipient and text, escaped (matched by its Message-ID)', async () => {
  const keys = await deliveriesTo(kariId, 'route:2');
  await db
    .insertInto('dev_mail')
    .values({
      message_id: messageIdFor(keys.email, MAIL_FROM),
      to_address: 'kari@example.org',
      from_address: MAIL_FROM,
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
  assert.deepEqual([from, to], [MAIL_FROM, 'kari@example.org']);
  assert.ok(!body.includes('not shown'), 'the raw message is not on the page');
  const other = (await html(await client.get('/dev/mail', teacher))).document;
  assert.equal(other.querySelectorAll('main li').length, 0, "Kari's e-mail is not the teacher's");
});

test('more SMS than a page: newest first, a link to the older ones and back', async () => {
  const references = [];
  for (let i = 0; i < DEV_SMS_PAGE + 5; i++) references.push((await deliveriesTo(kariId, `page:${i}`)).sms);
  await db
    .insertInto('dev_sms')
    .values(
      references.map((reference, i) => ({
        reference,
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

test('in production none of the pages exists, logged in or not', async () => {
  const production = createTestApp(db, { env: 'production' }, { clock: () => NOW });
  const letter = await db.selectFrom('dev_digital_post').select('id').executeTakeFirstOrThrow();
  for (const path of ['/dev/sms', '/dev/mail', '/dev/digital-post', `/dev/digital-post/${letter.id}.pdf`]) {
    assert.equal((await production.get(path, mother)).status, 404, path);
    assert.equal((await production.get(path)).status, 404, `${path} anonymous`);
  }
});
