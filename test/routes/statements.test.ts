import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, html as parse, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { insertStaff, loginPersonId } from '../support/fixtures.ts';

// Issue 16, item 7: each school owner's privacy statement (G16, D9) and the accessibility statement (U2), in bokmål,
// nynorsk and English (U3).

const db = await createDemoTestDb('2026-11-25');
const client = createTestApp(db, {}, { clock: () => new Date('2026-11-25T10:00:00Z') });
const owner = await loginPersonId(db, 'school-owner');
const municipalityId = async (name: string) =>
  (await db.selectFrom('municipality').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const demo = await municipalityId('Demo kommune');
const nordlys = await municipalityId('Stiftelsen Nordlys');

/** The parsed page, and the text of its main element as a reader gets it (entities decoded). */
async function html(response: Response) {
  const { document } = await parse(response);
  return { document, text: document.querySelector('main')?.textContent ?? '' };
}

const valid = {
  controller_name: 'Demo kommune',
  controller_address: 'Rådhusgata 1, 1234 Demo',
  controller_org_number: '964 000 001',
  dpo_name: 'Per Vern',
  dpo_contact: 'personvernombud@demo-kommune.example',
  purpose_0: 'Grunnskoleopplæring',
  legal_basis_0: 'Art. 6 nr. 1 bokstav e, jf. opplæringslova',
  purpose_1: '',
  legal_basis_1: '',
  purpose_2: 'SFO',
  legal_basis_2: 'Art. 6 nr. 1 bokstav b',
  recipients: 'Leverandøren <script>alert(1)</script> & ingen andre',
  retention: 'Så lenge loven krever.',
};

test('G16: /privacy lists every school owner; an owner who has not edited gets the default, with rights, Mine data and Datatilsynet', async () => {
  const list = await html(await client.get('/privacy'));
  assert.equal(list.document.querySelector('h1')?.textContent, 'Personvern');
  const links = Array.from(list.document.querySelectorAll('main a')).map((a) => a.getAttribute('href'));
  assert.ok(links.includes(`/privacy/${demo}`) && links.includes(`/privacy/${nordlys}`), links.join(' '));
  assert.ok(list.document.querySelector('footer a[href="/privacy"]'), 'the footer link');

  const res = await client.get(`/privacy/${nordlys}`);
  assert.equal(res.status, 200);
  const { document, text } = await html(res);
  assert.equal(document.querySelector('h1')?.textContent, 'Personvernerklæring for Stiftelsen Nordlys');
  assert.match(text, /Dette er Skolebros standardtekst/);
  const headings = Array.from(document.querySelectorAll('main h2')).map((h) => h.textContent);
  for (const heading of [
    'Behandlingsansvarlig',
    'Personvernombud',
    'Formål og rettslig grunnlag',
    'Hvem opplysningene deles med',
    'Hvor lenge opplysningene lagres',
    'Dine rettigheter',
    'Klage til Datatilsynet',
  ])
    assert.ok(headings.includes(heading), heading);
  assert.match(text, /art\. 6 nr\. 1 bokstav c og e, jf\. opplæringslova/);
  assert.match(text, /barnehageloven/);
  assert.match(text, /arkivloven/);
  for (const right of ['Innsyn', 'Retting', 'Sletting', 'Begrensning', 'Innsigelse', 'Dataportabilitet'])
    assert.match(text, new RegExp(`${right}:`), right);
  assert.ok(document.querySelector('a[href="/me/data"]'), 'Mine data');
  assert.ok(document.querySelector('a[href="https://www.datatilsynet.no"]'), 'Datatilsynet');
  assert.match(text, /Kontakt Stiftelsen Nordlys for å nå personvernombudet/);

  assert.equal((await client.get('/privacy/999999')).status, 404);
  assert.equal((await client.get('/privacy/abc')).status, 404);
});

test('U3: the statement and the list in nynorsk and English', async () => {
  const nn = await html(await client.get(`/privacy/${demo}`, { cookie: 'skolebro_lang=nn' }));
  assert.match(nn.text, /Rettane dine/);
  assert.match(nn.text, /Dette er standardteksten til Skolebro/);
  const en = await html(await client.get(`/privacy/${demo}`, { cookie: 'skolebro_lang=en' }));
  assert.equal(en.document.querySelector('h1')?.textContent, 'Privacy statement for Demo kommune');
  assert.match(en.text, /Complaints to Datatilsynet/);
  assert.match(
    (await html(await client.get('/privacy', { cookie: 'skolebro_lang=en' }))).text,
    /Privacy statement per school owner/,
  );
});

test('D9: the school owner edits the statement from the settings page; saved, audited, and the public page shows it escaped', async () => {
  const cookie = await sessionCookie(db, owner, 'feide');
  const settings = await html(await client.get('/municipalities/settings', { cookie }));
  assert.ok(settings.document.querySelector(`a[href="/municipalities/${demo}/privacy-statement"]`), 'linked');

  const form = await html(await client.get(`/municipalities/${demo}/privacy-statement`, { cookie }));
  assert.equal(form.document.querySelector('#statement-controllerName')?.getAttribute('value'), 'Demo kommune');
  assert.match(form.text, /fylt ut med standardteksten/);
  assert.ok(form.document.querySelector('#statement-purpose-0')?.getAttribute('value'), 'the default purposes');

  const saved = await client.post(`/municipalities/${demo}/privacy-statement`, valid, { cookie });
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get('location'), `/municipalities/${demo}/privacy-statement?saved=1`);
  const row = await db
    .selectFrom('privacy_statement')
    .select(['controller_org_number', 'purposes', 'updated_by'])
    .where('municipality_id', '=', demo)
    .executeTakeFirstOrThrow();
  assert.equal(row.controller_org_number, '964000001');
  assert.deepEqual(row.purposes, [
    { purpose: 'Grunnskoleopplæring', legal_basis: 'Art. 6 nr. 1 bokstav e, jf. opplæringslova' },
    { purpose: 'SFO', legal_basis: 'Art. 6 nr. 1 bokstav b' },
  ]);
  assert.equal(row.updated_by, owner);
  const audit = await db
    .selectFrom('audit_log')
    .select(['actor_person_id', 'record_id'])
    .where('action', '=', 'privacy_statement.update')
    .execute();
  assert.deepEqual(audit, [{ actor_person_id: owner, record_id: String(demo) }]);

  const again = await html(await client.get(`/municipalities/${demo}/privacy-statement?saved=1`, { cookie }));
  assert.match(again.document.querySelector('[role="status"]')?.textContent ?? '', /er lagret/);

  const res = await client.get(`/privacy/${demo}`);
  const raw = await res.clone().text();
  assert.doesNotMatch(raw, /<script>alert/);
  const { document, text } = await html(res);
  assert.equal(document.querySelectorAll('main script').length, 0);
  assert.match(text, /Leverandøren <script>alert\(1\)<\/script> & ingen andre/);
  assert.match(text, /Sist endret 25\.11\.2026\./);
  assert.match(text, /Rådhusgata 1, 1234 Demo/);
  assert.equal(
    document.querySelector('a[href="mailto:personvernombud@demo-kommune.example"]')?.textContent,
    'personvernombud@demo-kommune.example',
  );
  assert.doesNotMatch(text, /standardtekst/);
  // The app's own parts stay: the rights and Datatilsynet.
  assert.ok(document.querySelector('a[href="https://www.datatilsynet.no"]'));
  // Another owner still has the default.
  assert.match((await html(await client.get(`/privacy/${nordlys}`))).text, /standardtekst/);
});

test('bad input: 422 with the typed values, a message per field and a summary; nothing saved', async () => {
  const cookie = await sessionCookie(db, owner, 'feide');
  const res = await client.post(
    `/municipalities/${demo}/privacy-statement`,
    {
      ...valid,
      controller_name: '   ',
      controller_org_number: '12345',
      dpo_contact: 'ikke en adresse',
      purpose_1: 'Bare formål',
      recipients: 'Endret <b>tekst</b>',
    },
    { cookie },
  );
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.equal(document.querySelector('#statement-dpoContact')?.getAttribute('value'), 'ikke en adresse');
  assert.equal(document.querySelector('#statement-controllerOrgNumber')?.getAttribute('value'), '12345');
  assert.equal(document.querySelector('#statement-purpose-1')?.getAttribute('value'), 'Bare formål');
  // The typed text comes back as text (linkedom leaves a textarea's entities as they were sent), never as markup.
  assert.match(document.querySelector('#statement-recipients')?.textContent ?? '', /^Endret (&lt;|<)b>tekst/);
  assert.equal(document.querySelector('#statement-recipients b'), null);
  assert.match(document.querySelector('#statement-controllerName-error')?.textContent ?? '', /Fyll ut feltet/);
  assert.match(document.querySelector('#statement-dpoContact-error')?.textContent ?? '', /e-postadresse/);
  assert.match(document.querySelector('#statement-controllerOrgNumber-error')?.textContent ?? '', /9 siffer/);
  assert.match(document.querySelector('#statement-purpose-1-error')?.textContent ?? '', /både formålet/);
  const summary = Array.from(document.querySelectorAll('[role="alert"] li a')).map((a) => a.getAttribute('href'));
  assert.deepEqual(summary, [
    '#statement-controllerName',
    '#statement-controllerOrgNumber',
    '#statement-dpoContact',
    '#statement-purpose-1',
  ]);
  const row = await db
    .selectFrom('privacy_statement')
    .select('recipients')
    .where('municipality_id', '=', demo)
    .executeTakeFirstOrThrow();
  assert.equal(row.recipients, valid.recipients);

  const none = await client.post(
    `/municipalities/${demo}/privacy-statement`,
    {
      ...valid,
      purpose_0: '',
      legal_basis_0: '',
      purpose_2: '',
      legal_basis_2: '',
      dpo_contact: 'https://demo.example/personvern',
    },
    { cookie },
  );
  assert.equal(none.status, 422, 'no purpose at all');
  assert.match((await html(none)).text, /minst ett formål/);
});

test('nobody else edits: rektor, teacher, guardian, another owner → 404 on the page and the post; an owner not on another owner', async () => {
  const otherOwner = await insertStaff(db, { role: 'school_owner', municipalityId: nordlys });
  const actors: [string, number, 'feide' | 'idporten'][] = [
    ['leadership', await loginPersonId(db, 'leadership'), 'feide'],
    ['contact-teacher', await loginPersonId(db, 'contact-teacher'), 'feide'],
    ['guardian', await loginPersonId(db, 'guardian'), 'idporten'],
    ['school owner via ID-porten', owner, 'idporten'],
    ["Nordlys's owner", otherOwner, 'feide'],
  ];
  for (const [name, personId, via] of actors) {
    const cookie = await sessionCookie(db, personId, via);
    assert.equal((await client.get(`/municipalities/${demo}/privacy-statement`, { cookie })).status, 404, name);
    const post = await client.post(
      `/municipalities/${demo}/privacy-statement`,
      { ...valid, dpo_name: name },
      { cookie },
    );
    assert.equal(post.status, 404, name);
  }
  const cookie = await sessionCookie(db, owner, 'feide');
  assert.equal((await client.get(`/municipalities/${nordlys}/privacy-statement`, { cookie })).status, 404);
  assert.equal((await client.post(`/municipalities/${nordlys}/privacy-statement`, valid, { cookie })).status, 404);
  assert.equal(
    (await client.post(`/municipalities/${nordlys}/privacy-statement`, { ...valid, controller_name: '' }, { cookie }))
      .status,
    404,
  );
  // Nordlys's own owner may edit Nordlys.
  const nordlysCookie = await sessionCookie(db, otherOwner, 'feide');
  assert.equal(
    (await client.get(`/municipalities/${nordlys}/privacy-statement`, { cookie: nordlysCookie })).status,
    200,
  );
  const stored = await db.selectFrom('privacy_statement').select(['municipality_id', 'dpo_name']).execute();
  assert.deepEqual(stored, [{ municipality_id: demo, dpo_name: 'Per Vern' }]);
});

test("U2: /accessibility is the statement in Digdir's structure, with the test method, the dates and the known deviations", async () => {
  const res = await client.get('/accessibility');
  assert.equal(res.status, 200);
  const { document, text } = await html(res);
  assert.equal(document.querySelector('h1')?.textContent, 'Tilgjengelighetserklæring');
  assert.deepEqual(
    Array.from(document.querySelectorAll('main h2')).map((h) => h.textContent),
    [
      'Løsningen og hvem som er ansvarlig',
      'I hvilken grad er løsningen i samsvar med kravene?',
      'Innhold som ikke er universelt utformet',
      'Slik har vi testet',
      'Meld fra om feil og mangler',
      'Tilsyn og klage',
    ],
  );
  assert.match(text, /Erklæringen ble laget \d{2}\.\d{2}\.\d{4}\. Løsningen ble sist testet \d{2}\.\d{2}\.\d{4}\./);
  assert.match(text, /WCAG 2\.1 nivå A og AA/);
  assert.match(text, /brudd på 2 av de 47 kravene/);
  assert.match(text, /2\.2\.1 Justerbar hastighet/);
  assert.match(text, /axe-core/);
  assert.match(text, /ikke gjennomført og dokumentert en manuell test med skjermleser/);
  assert.ok(document.querySelector('a[href="https://www.uutilsynet.no"]'));
  assert.ok(document.querySelector('a[href="/privacy"]'));
  const nn = await html(await client.get('/accessibility', { cookie: 'skolebro_lang=nn' }));
  assert.equal(nn.document.querySelector('h1')?.textContent, 'Tilgjengelegheitserklæring');
  assert.match(nn.text, /Slik har vi testa/);
  const en = await html(await client.get('/accessibility', { cookie: 'skolebro_lang=en' }));
  assert.equal(en.document.querySelector('h1')?.textContent, 'Accessibility statement');
  assert.match(en.text, /How we tested/);
  assert.match(en.text, /Uu-tilsynet/);
});
