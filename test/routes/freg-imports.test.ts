import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fregFactsFromPlan } from '../../src/db/seed/freg.ts';
import { buildSeedPlan } from '../../src/db/seed/seed.ts';
import { giveDemoGeneralConsent } from '../../src/db/seed/consents.ts';
import { seedDemoFregImports } from '../../src/db/seed/freg-demo.ts';
import { fregDocument, type DocumentFacts } from '../../src/domain/freg/build.ts';
import { importFreg } from '../../src/domain/freg/import.ts';
import { parseFregText } from '../../src/domain/freg/source.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const NOW = new Date(`${TODAY}T09:00:00Z`);
const db = await createDemoTestDb(TODAY);
await giveDemoGeneralConsent(db);
const client = createTestApp(db, {}, { clock: () => NOW });
const facts = fregFactsFromPlan(buildSeedPlan('demo', TODAY));

const run = (list: DocumentFacts[]) =>
  importFreg(
    db,
    {
      name: 'file:test.jsonl',
      read: async () => parseFregText(list.map((f) => JSON.stringify(fregDocument(f))).join('\n')),
    },
    { now: NOW },
  );
const personOf = (given: string, family: string) =>
  db
    .selectFrom('person')
    .selectAll()
    .where('given_name', '=', given)
    .where('family_name', '=', family)
    .executeTakeFirstOrThrow();
const factsOf = (fnr: string) => facts.find((f) => f.id === fnr)!;
const cookie = async (key: Parameters<typeof loginPersonId>[1]) => ({
  cookie: await sessionCookie(db, await loginPersonId(db, key), key.startsWith('guardian') ? 'idporten' : 'feide'),
});

const sofie = await personOf('Sofie', 'Nordmann');
const anders = await personOf('Anders', 'Nordmann');
const pupil5a = await db
  .selectFrom('enrolment as e')
  .innerJoin('class as c', 'c.id', 'e.class_id')
  .innerJoin('school as s', 's.id', 'e.school_id')
  .innerJoin('person as p', 'p.id', 'e.pupil_id')
  .select(['p.id', 'p.fodselsnummer', 'p.address_line'])
  .where('c.name', '=', '5A')
  .where('s.name', '=', 'Bjørkelia skole')
  .where('e.ends_on', 'is', null)
  .where('p.address_protection', '=', 'none')
  .orderBy('p.id')
  .executeTakeFirstOrThrow();

test('the generated file imported over the seed changes nothing, twice', async () => {
  for (const _ of [1, 2]) {
    const result = await run(facts);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems.slice(0, 3)));
    assert.equal(result.rowsChanged, 0);
    assert.equal(result.changes, 0);
  }
});

test('a guardian who loses foreldreansvar loses access to the child at once', async () => {
  const asKari = await cookie('guardian');
  assert.equal((await client.get(`/children/${sofie.id}`, asKari)).status, 200);
  const child = factsOf(sofie.fodselsnummer!);
  const saved = child.responsibility;
  child.responsibility = [{ ansvar: 'far', ansvarlig: anders.fodselsnummer! }];
  const result = await run(facts);
  assert.ok(result.ok);
  assert.equal((await client.get(`/children/${sofie.id}`, asKari)).status, 404);
  const asLeader = await cookie('leadership');
  const page = await html(await client.get(`/freg-imports/${result.runId}`, asLeader));
  assert.match(page.text, /Mistet foreldreansvar/);
  assert.match(page.text, /Har ikke lenger tilgang/);
  child.responsibility = saved;
  assert.ok((await run(facts)).ok);
  assert.equal((await client.get(`/children/${sofie.id}`, asKari)).status, 200, 'foreldreansvar back: access back');
});

test('a new strengt fortrolig marker hides the address from everyone that run, and from the report', async () => {
  const viewers = await Promise.all((['contact-teacher', 'leadership', 'school-owner'] as const).map(cookie));
  for (const who of viewers) {
    const page = await client.get(`/pupils/${pupil5a.id}`, who);
    assert.match(await page.text(), new RegExp(pupil5a.address_line!), 'shown before');
  }
  const child = factsOf(pupil5a.fodselsnummer!);
  child.protection = 'strengtFortrolig';
  child.address = { street: 'Hemmeligveien', number: '7', postalCode: '9999', postalPlace: 'Skjulested' };
  const result = await run(facts);
  assert.ok(result.ok);
  for (const who of viewers) {
    const text = await (await client.get(`/pupils/${pupil5a.id}`, who)).text();
    assert.doesNotMatch(text, new RegExp(pupil5a.address_line!));
    assert.doesNotMatch(text, /Hemmeligveien/);
  }
  const asLeader = await cookie('leadership');
  const report = await client.get(`/freg-imports/${result.runId}`, asLeader);
  const text = await report.text();
  assert.match(text, /Ny adressebeskyttelse/);
  assert.doesNotMatch(text, /Hemmeligveien|Skjulested/);
  const csv = await client.get(`/freg-imports/${result.runId}/report.csv`, asLeader);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
  const body = await csv.text();
  assert.match(body, /Ny adressebeskyttelse/);
  assert.doesNotMatch(body, /Hemmeligveien|Skjulested/);
});

test('leadership and the school owner see the reports; every other role gets a 404', async () => {
  const runs = await db.selectFrom('freg_import_run').select('id').orderBy('id', 'desc').execute();
  const latest = runs[0]!.id;
  for (const key of ['leadership', 'school-owner'] as const) {
    const who = await cookie(key);
    const list = await html(await client.get('/freg-imports', who));
    assert.equal(list.document.querySelectorAll('tbody tr').length, runs.length, key);
    assert.equal((await client.get(`/freg-imports/${latest}`, who)).status, 200, key);
    assert.match(await (await client.get('/home', who)).text(), /href="\/freg-imports"/, `${key}: linked from home`);
    const rows = Array.from(
      (await html(await client.get(`/freg-imports/${latest}`, who))).document.querySelectorAll('tbody tr'),
    );
    assert.ok(
      rows.length > 0 && rows.every((r) => r.textContent?.includes('Bjørkelia skole')),
      `${key}: only its schools`,
    );
  }
  assert.equal((await client.get('/freg-imports/999999', await cookie('leadership'))).status, 404);
  for (const key of ['contact-teacher', 'teacher', 'sfo-leader', 'sfo-staff', 'pupil', 'guardian'] as const) {
    const who = await cookie(key);
    if (key !== 'guardian')
      assert.doesNotMatch(await (await client.get('/home', who)).text(), /href="\/freg-imports"/, key);
    for (const path of ['/freg-imports', `/freg-imports/${latest}`, `/freg-imports/${latest}/report.csv`])
      assert.equal((await client.get(path, who)).status, 404, `${key} ${path}`);
  }
  const anonymous = await client.get('/freg-imports');
  assert.equal(anonymous.status, 302);
});

test('the demo’s second, small import leaves a change report leadership can read', async () => {
  await seedDemoFregImports(db, { today: TODAY, now: NOW });
  const runs = await db
    .selectFrom('freg_import_run')
    .select(['id', 'rows_changed', 'source'])
    .orderBy('id', 'desc')
    .limit(2)
    .execute();
  assert.deepEqual(
    runs.map((r) => r.source),
    ['demo:endringer.jsonl', 'demo:uttrekk-kvartal.jsonl'],
  );
  const page = await html(await client.get(`/freg-imports/${runs[0]!.id}`, await cookie('leadership')));
  const kinds = Array.from(page.document.querySelectorAll('tbody tr th')).map((th) => th.textContent);
  for (const kind of [
    'Mistet foreldreansvar',
    'Ny adresse',
    'Ny adressebeskyttelse',
    'Flyttet ut av kommunen',
    'Dødsfall',
    'Ny foresatt',
  ])
    assert.ok(kinds.includes(kind), `${kind} in ${kinds.join()}`);
  assert.match(page.text, /Fjordvegen 21/, 'an unprotected new address is shown');
  assert.match(page.text, /Ingen adresse i Norge registrert/, 'the pupil who moved abroad');
});

test('a long report is paged (200 lines a page) and the CSV still has every line', async () => {
  const leader = await loginPersonId(db, 'leadership');
  const { school_id: schoolId } = await db
    .selectFrom('staff_membership')
    .select('school_id')
    .where('person_id', '=', leader)
    .where('role', '=', 'leadership')
    .executeTakeFirstOrThrow();
  const { id: runId } = await db
    .insertInto('freg_import_run')
    .values({
      source: 'test:long.jsonl',
      started_at: NOW,
      finished_at: NOW,
      documents: 250,
      rows_changed: 250,
      persons_created: 250,
      persons_updated: 0,
      relations_changed: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pupil = await db
    .selectFrom('enrolment')
    .select('pupil_id')
    .where('school_id', '=', schoolId!)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('freg_change')
    .values(
      Array.from({ length: 250 }, () => ({
        run_id: runId,
        school_id: schoolId,
        kind: 'new_person' as const,
        person_id: pupil.pupil_id,
      })),
    )
    .execute();
  const who = await cookie('leadership');
  const first = await html(await client.get(`/freg-imports/${runId}`, who));
  assert.equal(first.document.querySelectorAll('tbody tr').length, 200);
  const next = first.document.querySelector('a[rel="next"]')?.getAttribute('href');
  assert.equal(next, `/freg-imports/${runId}?page=2`);
  const second = await html(await client.get(next!, who));
  assert.equal(second.document.querySelectorAll('tbody tr').length, 50);
  assert.equal(second.document.querySelector('a[rel="next"]'), null);
  const csv = await (await client.get(`/freg-imports/${runId}/report.csv`, who)).text();
  assert.equal(csv.trim().split('\r\n').length, 251, 'a header and every line');
});
