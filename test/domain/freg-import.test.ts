import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { fregDocument, type DocumentFacts } from '../../src/domain/freg/build.ts';
import { importFreg } from '../../src/domain/freg/import.ts';
import { httpSource, parseFregText, type FregSource } from '../../src/domain/freg/source.ts';
import { syntheticIdentityNumber } from '../../src/domain/person/fodselsnummer.ts';
import { createTestDb } from '../support/db.ts';

const db = await createTestDb();
const NOW = new Date('2026-11-25T09:00:00Z');

const municipality = await db
  .insertInto('municipality')
  .values({ name: 'Prøve kommune', org_number: '999999999' })
  .returning('id')
  .executeTakeFirstOrThrow();
const school = await db
  .insertInto('school')
  .values({ municipality_id: municipality.id, name: 'Prøve skole', org_number: '999999998', hovudmaal: 'nb' })
  .returning('id')
  .executeTakeFirstOrThrow();
const year = await db
  .insertInto('school_year')
  .values({ municipality_id: municipality.id, name: '2026/27', starts_on: '2026-08-17', ends_on: '2027-06-18' })
  .returning('id')
  .executeTakeFirstOrThrow();
const klass = await db
  .insertInto('class')
  .values({ school_id: school.id, school_year_id: year.id, name: '5A', trinn: 5 })
  .returning('id')
  .executeTakeFirstOrThrow();

const mor = syntheticIdentityNumber('1985-03-02', 0);
const far = syntheticIdentityNumber('1983-07-14', 0);
const child = syntheticIdentityNumber('2016-05-09', 0);
const childD = syntheticIdentityNumber('2016-05-09', 0, 'd-nummer');
const home = {
  street: 'Storgata',
  number: '12',
  letter: 'B',
  postalCode: '9990',
  postalPlace: 'Prøvik',
  municipality: '5699',
};
const elsewhere = {
  street: 'Bakkevegen',
  number: '3',
  postalCode: '9991',
  postalPlace: 'Prøvik',
  municipality: '5699',
};

const family = (
  over: { child?: Partial<DocumentFacts>; mor?: Partial<DocumentFacts>; far?: Partial<DocumentFacts> } = {},
) => [
  fregDocument({ id: mor, given: 'Mona', family: 'Prøve', address: home, ...over.mor }),
  fregDocument({ id: far, given: 'Frode', family: 'Prøve', address: elsewhere, ...over.far }),
  fregDocument({
    id: child,
    given: 'Sara',
    middle: 'Lie',
    family: 'Prøve',
    birthDate: '2016-05-09',
    address: home,
    parents: [
      { id: mor, role: 'mor' },
      { id: far, role: 'far' },
    ],
    responsibility: [{ ansvar: 'felles' }],
    ...over.child,
  }),
];
const source = (docs: unknown[], asArray = false): FregSource => ({
  name: 'test',
  read: async () => parseFregText(asArray ? JSON.stringify(docs) : docs.map((d) => JSON.stringify(d)).join('\n')),
});
const run = (docs: unknown[]) => importFreg(db, source(docs), { now: NOW, municipalityNumbers: ['5699'] });
const personBy = (fnr: string) =>
  db.selectFrom('person').selectAll().where('fodselsnummer', '=', fnr).executeTakeFirstOrThrow();
const relations = async () =>
  db
    .selectFrom('guardian_relation as g')
    .innerJoin('person as p', 'p.id', 'g.guardian_id')
    .select([
      'p.fodselsnummer',
      'g.relation',
      'g.parental_responsibility',
      'g.contact_person_only',
      'g.lives_with_child',
    ])
    .orderBy('p.fodselsnummer')
    .execute();
const snapshot = async () =>
  JSON.stringify([
    await db.selectFrom('person').selectAll().orderBy('id').execute(),
    await db.selectFrom('guardian_relation').selectAll().orderBy('id').execute(),
  ]);
const kinds = async (runId: number) =>
  (await db.selectFrom('freg_change').select('kind').where('run_id', '=', runId).orderBy('id').execute()).map(
    (r) => r.kind,
  );

test('a malformed document is reported by its line and nothing of the run is applied', async () => {
  const docs: unknown[] = family();
  const lines = docs.map((d) => JSON.stringify(d));
  lines.splice(
    1,
    0,
    '',
    JSON.stringify({ ...fregDocument({ id: far, given: 'X', family: 'Y' }), navn: [{ fornavn: 'X' }] }),
  );
  lines.push('{not json');
  const result = await importFreg(db, { name: 'bad', read: async () => parseFregText(lines.join('\n')) }, { now: NOW });
  assert.equal(result.ok, false);
  assert.deepEqual(!result.ok && result.problems.map((p) => p.line), [3, 6]);
  assert.match(!result.ok ? result.problems[0]!.message : '', /navn\.0\.etternavn/);
  assert.equal((await db.selectFrom('person').select('id').execute()).length, 0);
  assert.equal((await db.selectFrom('freg_import_run').select('id').execute()).length, 0);
});

test('the first import creates the family with names from the register, guardians from foreldreansvar', async () => {
  const result = await run(family());
  assert.ok(result.ok);
  assert.equal(result.personsCreated, 3);
  const sara = await personBy(child);
  assert.equal(sara.given_name, 'Sara Lie');
  assert.equal(sara.address_line, 'Storgata 12B');
  await db
    .insertInto('enrolment')
    .values({ pupil_id: sara.id, school_id: school.id, class_id: klass.id, starts_on: '2026-08-17' })
    .execute();
  assert.deepEqual(
    (await relations()).map((r) => [r.relation, r.parental_responsibility, r.contact_person_only, r.lives_with_child]),
    [far, mor].sort().map((n) => (n === mor ? ['mor', true, false, true] : ['far', true, false, false])),
  );
  const audit = await db.selectFrom('audit_log').select(['record_id']).where('action', '=', 'freg.import').execute();
  assert.deepEqual(
    audit.map((a) => a.record_id),
    [String(result.runId)],
  );
});

test('a re-import with no change touches no row of person or guardian_relation', async () => {
  const before = await snapshot();
  const result = await run(family());
  assert.ok(result.ok);
  assert.equal(result.rowsChanged, 0);
  assert.equal(result.changes, 0);
  assert.equal(await snapshot(), before);
  const again = await importFreg(db, source(family(), true), { now: NOW, municipalityNumbers: ['5699'] });
  assert.ok(again.ok && again.rowsChanged === 0, 'the JSON array form reads the same');
});

test('a parent losing foreldreansvar keeps no guardian access; it is reported', async () => {
  const result = await run(family({ child: { responsibility: [{ ansvar: 'mor' }] } }));
  assert.ok(result.ok);
  assert.equal(result.relationsChanged, 1);
  const frode = (await relations()).find((r) => r.fodselsnummer === far)!;
  assert.equal(frode.parental_responsibility, false);
  assert.equal(frode.contact_person_only, true);
  assert.deepEqual(await kinds(result.runId), ['responsibility_lost']);
  const back = await run(family());
  assert.ok(back.ok);
  assert.deepEqual(await kinds(back.runId), ['responsibility_gained']);
});

test('a file with only the child links the guardians Skolebro already has; nobody is removed', async () => {
  const [, , sara] = family({ child: { responsibility: [{ ansvar: 'mor' }] } });
  const result = await run([sara!]);
  assert.ok(result.ok);
  assert.deepEqual(await kinds(result.runId), ['responsibility_lost']);
  assert.equal((await relations()).length, 2);
  const back = await run([family()[2]!]);
  assert.ok(back.ok);
  assert.deepEqual(await kinds(back.runId), ['responsibility_gained']);
});

test('a new strengt fortrolig marker applies at once and the report never carries the address', async () => {
  const hidden = { street: 'Skjultvegen', number: '1', postalCode: '9992', postalPlace: 'Skjult' };
  const docs = family({
    child: { address: hidden, protection: 'strengtFortroligUtland' },
    mor: { address: hidden, protection: 'strengtFortrolig' },
  });
  const result = await run(docs);
  assert.ok(result.ok);
  const sara = await personBy(child);
  assert.equal(sara.address_protection, 'strengt_fortrolig');
  assert.equal((await personBy(mor)).address_protection, 'strengt_fortrolig');
  const report = await db
    .selectFrom('freg_change')
    .select(['kind', 'details', 'school_id'])
    .where('run_id', '=', result.runId)
    .execute();
  assert.ok(report.some((r) => r.kind === 'new_protection'));
  assert.ok(
    report.every((r) => r.school_id === school.id),
    'mor’s changes go to her child’s school',
  );
  assert.doesNotMatch(JSON.stringify(report), /Skjult/);
  const again = await run(docs);
  assert.ok(again.ok && again.rowsChanged === 0);
});

test('a d-nummer that became a fødselsnummer keeps one person', async () => {
  const other = syntheticIdentityNumber('2015-02-03', 1);
  const otherD = syntheticIdentityNumber('2015-02-03', 1, 'd-nummer');
  const first = await run([fregDocument({ id: otherD, given: 'Ali', family: 'Ny', address: home })]);
  assert.ok(first.ok && first.personsCreated === 1);
  const before = await db
    .selectFrom('person')
    .select('id')
    .where('fodselsnummer', '=', otherD)
    .executeTakeFirstOrThrow();
  const second = await run([
    fregDocument({ id: other, previousIds: [otherD], given: 'Ali', family: 'Ny', address: home }),
  ]);
  assert.ok(second.ok);
  assert.equal(second.personsCreated, 0);
  assert.equal((await personBy(other)).id, before.id);
  assert.equal((await db.selectFrom('person').select('id').where('family_name', '=', 'Ny').execute()).length, 1);
  assert.deepEqual(await kinds(second.runId), ['identity_changed']);
  assert.notEqual(childD, child);
});

test('deaths and moves out of the municipality are reported once', async () => {
  await run(family());
  const result = await run(
    family({ far: { dead: '2026-11-01' }, child: { address: { ...home, municipality: '0301' } } }),
  );
  assert.ok(result.ok);
  assert.deepEqual((await kinds(result.runId)).sort(), ['death', 'moved_out']);
  const again = await run(
    family({ far: { dead: '2026-11-01' }, child: { address: { ...home, municipality: '0301' } } }),
  );
  assert.ok(again.ok);
  assert.deepEqual(await kinds(again.runId), []);
});

test('the HTTP source sends a Maskinporten token and reads the bulk answer', async () => {
  const seen: { auth?: string; body?: string; path?: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ auth: req.headers.authorization, body, path: req.url });
      if (req.headers.authorization !== 'Bearer token-1') {
        res.writeHead(401).end();
        return;
      }
      const asked = (JSON.parse(body) as { foedselsEllerDNummer: string[] }).foedselsEllerDNummer;
      const docs = family().filter((d) =>
        asked.includes((d.identifikasjonsnummer as { foedselsEllerDNummer: string }[])[0]!.foedselsEllerDNummer),
      );
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ dokumenter: docs.map((dokument) => ({ dokument })) }));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  try {
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/folkeregisteret/offentlig-med-hjemmel`;
    const ok = httpSource({
      baseUrl,
      tokens: {
        token: async (scopes) => (scopes.join() === 'folkeregister:deling/offentligmedhjemmel' ? 'token-1' : 'x'),
      },
      numbers: [child],
      followRelations: true,
      batchSize: 1,
    });
    const docs = await ok.read();
    assert.equal(docs.length, 3, 'the child, then its parents');
    assert.equal(seen.length, 3);
    assert.deepEqual(JSON.parse(seen[0]!.body!), { foedselsEllerDNummer: [child] });
    assert.equal(seen[0]!.path, '/folkeregisteret/offentlig-med-hjemmel/api/v1/personer/bulkoppslag');
    const result = await importFreg(db, ok, { now: NOW });
    assert.ok(result.ok);
    const refused = httpSource({ baseUrl, tokens: { token: async () => 'expired' }, numbers: [mor] });
    await assert.rejects(refused.read(), /401/);
  } finally {
    server.close();
  }
});
