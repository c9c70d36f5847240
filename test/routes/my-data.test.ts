import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDatabase } from '../../src/db/seed/seed.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import type { DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';
import { pdfText } from '../support/pdf.ts';

const db = await createTestDb();
await seedDatabase(db, { size: 'demo', today: '2026-11-25' });
const client = createTestApp(db);

const idOf = (key: string) => loginPersonId(db, key as DemoLoginKey);
const kariId = await idOf('guardian');
const kari = { cookie: await sessionCookie(db, kariId, 'idporten') };

test('the guardian sees her own data, her children, and who has viewed their pupil cards', async () => {
  const child = await db
    .selectFrom('guardian_relation as g')
    .innerJoin('enrolment as e', 'e.pupil_id', 'g.pupil_id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .select('g.pupil_id')
    .where('g.guardian_id', '=', kariId)
    .where('s.name', '=', 'Bjørkelia skole')
    .executeTakeFirstOrThrow();
  const rektor = { cookie: await sessionCookie(db, await idOf('leadership'), 'feide') };
  assert.equal((await client.get(`/pupils/${child.pupil_id}`, rektor)).status, 200);

  const { text, document } = await html(await client.get('/me/data', kari));
  assert.match(document.querySelector('h1')?.textContent ?? '', /Mine data/);
  assert.match(text, /Kari Nordmann/);
  assert.match(text, /14838400052/);
  assert.match(text, /Bjørkelia skole/);
  assert.match(text, /Fjellheim skule/);
  assert.match(text, /Torunn Holmvik/, 'the rektor who viewed the card is listed');
  assert.match(text, /Så elevkortet/);
});

test("the JSON export is a download with only this family's data", async () => {
  const res = await client.get('/me/data.json', kari);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="skolebro-mine-data-/);
  assert.match(res.headers.get('cache-control') ?? '', /no-store/);
  const data = await res.json();
  assert.equal(data.guardian.name, 'Kari Nordmann');
  assert.equal(data.children.length, 2);
  const text = JSON.stringify(data);
  // nobody outside Kari's two children and their guardians appears
  const outsiders = await db
    .selectFrom('person')
    .select(['given_name', 'family_name', 'fodselsnummer'])
    .where('family_name', '<>', 'Nordmann')
    .where('fodselsnummer', 'is not', null)
    .limit(300)
    .execute();
  for (const other of outsiders)
    assert.ok(!text.includes(other.fodselsnummer!), `no fødselsnummer of ${other.given_name}`);
  for (const child of data.children) for (const g of child.guardians) assert.match(g.name, /Nordmann/);
  // the areas' data is there too: documents, consent state, settings
  assert.ok(
    data.children.every((c: { extra: { documents: { title: string }[] } }) =>
      c.extra.documents.some((d) => /Velkom/.test(d.title)),
    ),
  );
  assert.ok('generalConsent' in data.guardian.extra);
  assert.ok(Array.isArray(data.guardian.extra.notificationSettings));
});

test('staff and pupils have no guardian data page', async () => {
  const teacher = { cookie: await sessionCookie(db, await idOf('contact-teacher'), 'feide') };
  assert.equal((await client.get('/me/data', teacher)).status, 404);
  assert.equal((await client.get('/me/data.json', teacher)).status, 404);
});

test('a guardian whose only child left still gets her own data and no child', async () => {
  const hanne = { cookie: await sessionCookie(db, await idOf('guardian-left'), 'idporten') };
  const data = await (await client.get('/me/data.json', hanne)).json();
  assert.equal(data.children.length, 0);
  assert.equal(data.guardian.name, 'Hanne Lystad');
});

test('the PDF export is a readable PDF with the same data (Norwegian letters intact)', async () => {
  const res = await client.get('/me/data.pdf', kari);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  const text = await pdfText(bytes);
  assert.match(text, /Mine data/);
  assert.match(text, /Kari Nordmann/);
  assert.match(text, /Bjørkelia skole/);
  assert.match(text, /Fjellheim skule/);
});

test("the areas' data reads in words on the page and in the PDF: no stored key (letter, consent_receipt, sms, true)", async () => {
  await db
    .insertInto('notification_setting')
    .values({ person_id: kariId, channel: 'sms', category: 'news', enabled: false })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const raw = /\b(consent_receipt|letter|attachment|email|sms|news|messages|decisions|true|false|given|unanswered)\b/;
  for (const [locale, settingLine] of [
    ['nb', /SMS · nyheter · av/],
    ['nn', /SMS · nyheiter · av/],
  ] as const) {
    const { document } = await html(
      await client.get('/me/data', { cookie: `${kari.cookie}; skolebro_lang=${locale}` }),
    );
    const main = document.querySelector('main')?.textContent ?? '';
    assert.match(main, settingLine, locale);
    assert.doesNotMatch(main.replace(/Kari Nordmann|@[\w.-]+/g, ''), raw, `${locale}: no stored key on the page`);
  }
  const pdf = await pdfText(Buffer.from(await (await client.get('/me/data.pdf', kari)).arrayBuffer()));
  assert.match(pdf, /SMS · nyheter · av/);
  assert.doesNotMatch(pdf, /generalConsent|notificationSettings|consent_receipt|decidedAt/);
});
