import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import type { DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';
import { pdfText } from '../support/pdf.ts';

const db = await createDemoTestDb('2026-11-25');
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
  // Sofie and Jonas at school, Nora in the kindergarten
  assert.deepEqual(data.children.map((c: { school: string }) => c.school).sort(), [
    'Bjørkelia barnehage',
    'Bjørkelia skole',
    'Fjellheim skule',
  ]);
  const text = JSON.stringify(data);
  // nobody outside Kari's children and their guardians appears
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
  // the areas' data is there too: documents (the school children's), consent state, settings
  assert.ok(
    data.children
      .filter((c: { school: string }) => c.school !== 'Bjørkelia barnehage')
      .every((c: { extra: { documents: { title: string }[] } }) =>
        c.extra.documents.some((d) => /Velkom/.test(d.title)),
      ),
  );
  assert.ok('generalConsent' in data.guardian.extra);
  assert.ok(Array.isArray(data.guardian.extra.notificationSettings));
});

test('staff get their own data: roles, contact data and what they did, never the pupils they did it to', async () => {
  const teacher = { cookie: await sessionCookie(db, await idOf('contact-teacher'), 'feide') };
  const pupil = await db
    .selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.pupil_id')
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .where(
      'e.school_id',
      '=',
      (await db.selectFrom('school').select('id').where('name', '=', 'Bjørkelia skole').executeTakeFirstOrThrow()).id,
    )
    .executeTakeFirstOrThrow();
  const rektor = { cookie: await sessionCookie(db, await idOf('leadership'), 'feide') };
  assert.equal((await client.get(`/pupils/${pupil.id}`, rektor)).status, 200);
  const { text, document } = await html(await client.get('/me/data', rektor));
  assert.match(text, /Her ser du hva Skolebro lagrer om deg som ansatt/);
  const roles = document.querySelector('section[aria-labelledby="your-roles"]')?.textContent ?? '';
  assert.match(roles, /Skoleledelse/);
  assert.match(roles, /Bjørkelia skole/);
  const actions = document.querySelector('section[aria-labelledby="your-actions"]')?.textContent ?? '';
  assert.match(actions, /Så elevkortet\s*Elev/);
  assert.ok(!actions.includes(`${pupil.given_name} ${pupil.family_name}`), 'the pupil is not named');
  const json = await (await client.get('/me/data.json', teacher)).json();
  assert.equal(json.subject, 'staff');
  assert.ok(json.staff.roles.some((r: { role: string }) => r.role === 'contact_teacher'));
  assert.deepEqual(json.children, []);
  const pdf = await pdfText(Buffer.from(await (await client.get('/me/data.pdf', rektor)).arrayBuffer()));
  assert.match(pdf, /Roller/);
  assert.match(pdf, /Så elevkortet \(Elev\)/);
  // a person with no role (and not a pupil) has no such page
  const nobody = await db
    .insertInto('person')
    .values({ given_name: 'Ingen', family_name: 'Rolle' })
    .returning('id')
    .executeTakeFirstOrThrow();
  assert.equal((await client.get('/me/data', { cookie: await sessionCookie(db, nobody.id, 'feide') })).status, 404);
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

test('daily care is in my data: Nora in the kindergarten, her stay plan, who may fetch her and her days — for her guardians only', async () => {
  const nora = await db
    .selectFrom('person as p')
    .innerJoin('kindergarten_enrolment as e', 'e.child_id', 'p.id')
    .select('p.id')
    .where('p.given_name', '=', 'Nora')
    .where('p.family_name', '=', 'Nordmann')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('care_pickup_person')
    .values({ child_id: nora.id, name: 'Bestefar Per', phone: '+4791112222', relation: 'Bestefar' })
    .execute();
  await db
    .insertInto('care_day')
    .values({
      child_id: nora.id,
      on_date: '2026-11-24',
      checked_in_at: new Date('2026-11-24T07:05:00Z'),
      checked_out_at: new Date('2026-11-24T14:40:00Z'),
      picked_up_by: 'Bestefar Per',
      guardian_note: 'Nora er sliten i dag',
    })
    .execute();

  const { document } = await html(await client.get('/me/data', kari));
  const text = document.querySelector('main')?.textContent ?? '';
  assert.match(text, /Nora Nordmann/);
  assert.match(text, /Bjørkelia barnehage/);
  assert.match(text, /Oppholdsplan \(fast uke\)/);
  assert.match(text, /mandag · \d{2}:\d{2} · \d{2}:\d{2}/, 'the regular week in words and times');
  assert.match(text, /Bestefar Per · \+4791112222 · Bestefar/);
  assert.match(text, /24\.11\.2026 · 08:05 · 15:40 · Bestefar Per · Nora er sliten i dag/, 'the day in Norwegian time');

  const json = await (await client.get('/me/data.json', kari)).json();
  const child = json.children.find((c: { name: string }) => c.name === 'Nora Nordmann');
  assert.equal(child.school, 'Bjørkelia barnehage');
  assert.equal(child.className, 'Bjørnehiet');
  assert.deepEqual(child.extra.careDays[0], {
    date: '2026-11-24',
    checkedIn: '08:05',
    checkedOut: '15:40',
    pickedUpBy: 'Bestefar Per',
    pickupMessage: '',
    guardianNote: 'Nora er sliten i dag',
    staffNote: '',
  });

  const ola = { cookie: await sessionCookie(db, await idOf('guardian-private'), 'idporten') };
  const other = await (await client.get('/me/data', ola)).text();
  assert.doesNotMatch(other, /Nora Nordmann|Bestefar Per/);
});
