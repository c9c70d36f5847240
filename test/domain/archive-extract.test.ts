import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { after, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { writeArchiveExtracts, type ExtractResult } from '../../src/domain/archive/extract.ts';
import { parsePeriod } from '../../src/domain/archive/period.ts';
import { validateExtract } from '../../src/domain/archive/validate.ts';
import { storeDocument } from '../../src/domain/documents/store.ts';
import { createDemoTestDb } from '../support/db.ts';
import { childOf, loginPersonId } from '../support/fixtures.ts';

// Issue 16, items 1 and 2 (D7): every document is registered in the Noark 5 structure when it is stored, and the
// extract of a school owner validates against Arkivverket's XSDs (in-process, libxml2 as WebAssembly), its checksums
// match its files, and its public journal names no child.
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const out = await mkdtemp(`${tmpdir()}/skolebro-archive-`);
after(() => rm(out, { recursive: true, force: true }));

const kari = await loginPersonId(db, 'guardian');
const sofie = await childOf(db, kari, 'Sofie');
const nora = await childOf(db, kari, 'Nora'); // in the kindergarten, not at school
const demo = await db
  .selectFrom('municipality')
  .select(['id', 'org_number'])
  .where('name', '=', 'Demo kommune')
  .executeTakeFirstOrThrow();

async function pdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return doc.save();
}
const store = async (
  pupilId: number,
  kind: 'vedtak' | 'consent_receipt' | 'letter' | 'attachment',
  title: string,
  createdAt: Date,
  guardianId: number | null = null,
) =>
  (
    await storeDocument(db, {
      pupilId,
      guardianId,
      kind,
      title,
      filename: `${kind}.pdf`,
      contentType: 'application/pdf',
      content: await pdf(title),
      createdBy: kind === 'attachment' ? kari : null,
      createdAt,
    })
  ).id;

const vedtak = await store(
  sofie,
  'vedtak',
  'Vedtak om permisjon – Sofie Nordmann',
  new Date('2026-11-20T10:00:00Z'),
  kari,
);
const attachment = await store(sofie, 'attachment', 'Skattemelding – Sofie Nordmann', new Date('2026-11-21T10:00:00Z'));
const nextYear = await store(sofie, 'letter', 'Brev om skolestart – Sofie Nordmann', new Date('2027-09-01T08:00:00Z'));
const kindergartenLetter = await store(
  nora,
  'consent_receipt',
  'Samtykkekvittering – Nora',
  new Date('2026-11-22T09:00:00Z'),
);
// Folkeregisteret changes Sofie's name: her folder's title follows, and the change is logged
await db.updateTable('person').set({ family_name: 'Nordmann-Berg' }).where('id', '=', sofie).execute();

const NOW = new Date('2027-10-01T12:00:00Z');
const results = await writeArchiveExtracts(db, { out, municipalityId: demo.id, now: NOW });
const extract = results[0] as ExtractResult;
const read = (name: string) => readFile(`${extract.directory}/${name}`, 'utf8');

test('a stored document is registered at once: folder per child and unit, journal numbers in sequence', async () => {
  const rows = await db
    .selectFrom('archive_registration as r')
    .innerJoin('archive_folder as f', 'f.id', 'r.folder_id')
    .select([
      'r.document_id',
      'r.journal_year',
      'r.journal_seq',
      'r.number_in_folder',
      'r.journalpost_type',
      'r.public_title',
      'f.title',
      'f.unit_key',
      'f.school_id',
      'f.kindergarten_id',
    ])
    .where('r.document_id', 'in', [vedtak, attachment, nextYear, kindergartenLetter])
    .orderBy('r.document_id')
    .execute();
  assert.equal(rows.length, 4, 'every document has its registration');
  const [v, a, n, k] = rows;
  assert.equal(v!.title, a!.title, 'the vedtak and the attachment are in the same elevmappe');
  assert.match(v!.title, /^Elevmappe – Sofie Nordmann-Berg – Bjørkelia skole$/, 'the title follows the new name');
  assert.equal(a!.number_in_folder, v!.number_in_folder + 1);
  assert.equal(a!.journal_seq, v!.journal_seq + 1);
  assert.deepEqual([v!.journalpost_type, a!.journalpost_type], ['U', 'I'], 'a letter goes out, an attachment comes in');
  assert.equal(n!.journal_year, 2027);
  assert.equal(n!.journal_seq, 1, 'the journal numbers start again in a new year');
  assert.match(k!.title, /^Barnemappe – Nora .* – Bjørkelia barnehage$/);
  assert.equal(k!.school_id, null);
  for (const r of rows) assert.match(r.public_title, /\*\*\*\*\*$/);
  for (const r of rows) assert.doesNotMatch(r.public_title, /Sofie|Nora|Nordmann/);
});

test('the extract validates against the Noark 5 XSDs; a broken file does not', async () => {
  assert.equal(results.length, 1, 'one school owner asked for');
  assert.deepEqual(await validateExtract(extract.directory), {});
  // the validator is not a formality: the same file without a required element fails
  const { validateXML } = await import('xmllint-wasm');
  const schemaFiles = ['arkivstruktur.xsd', 'metadatakatalog.xsd'];
  const [structure, catalogue] = await Promise.all(schemaFiles.map((f) => readFile(`${extract.directory}/${f}`)));
  const broken = await validateXML({
    xml: {
      fileName: 'arkivstruktur.xml',
      contents: (await read('arkivstruktur.xml')).replace(/<saksstatus>[^<]*<\/saksstatus>/, ''),
    },
    schema: { fileName: 'arkivstruktur.xsd', contents: structure! },
    preload: [{ fileName: 'metadatakatalog.xsd', contents: catalogue! }],
  });
  assert.equal(broken.valid, false);
  // the XSDs shipped are Arkivverket's, unchanged (their SHA-256 as published in ../shared/standards)
  const published: Record<string, string> = {
    'addml.xsd': 'ae2c4c9be0c1f4f291be36db3dfc069085f35eb515b072d3b1230ac89647d5dd',
    'arkivstruktur.xsd': '77acc0f549f4f3856f56429cb30e6b626ddb05d8b8a3d6cae00cb5911b60f58c',
    'endringslogg.xsd': '07cbc86e8b3c4b42ed831cdd5c09aa402a2c4049bbca2d287e184f3138edf1de',
    'loependeJournal.xsd': 'a631f05eac6496394e78597ac7d20d9e1269fcaccb6d1a8f5c50c75e53384f27',
    'metadatakatalog.xsd': 'c7c0a7e7996f60b4c28eacd0e34e6af0d6ca2cfb76f58080221e163fb972a305',
    'offentligJournal.xsd': 'e3d9befccf53255be8233d2836ef1de35d9270d95bb3bcbd58ca63544fe170b3',
  };
  for (const [schema, sum] of Object.entries(published))
    assert.equal(
      createHash('sha256')
        .update(await readFile(`${extract.directory}/${schema}`))
        .digest('hex'),
      sum,
      schema,
    );
});

test("each document's checksum in arkivstruktur.xml and arkivuttrekk.xml matches its file", async () => {
  const structure = await read('arkivstruktur.xml');
  const objects = [
    ...structure.matchAll(
      /<referanseDokumentfil>([^<]+)<\/referanseDokumentfil><sjekksum>([0-9a-f]{64})<\/sjekksum><sjekksumAlgoritme>SHA256<\/sjekksumAlgoritme><filstoerrelse>(\d+)<\/filstoerrelse>/g,
    ),
  ];
  assert.equal(objects.length, extract.registrations);
  assert.ok(
    extract.registrations >= 7,
    `${extract.registrations} journal posts: the demo's letters and the four above`,
  );
  for (const [, file, sum, size] of objects) {
    const bytes = await readFile(`${extract.directory}/${file}`);
    assert.equal(createHash('sha256').update(bytes).digest('hex'), sum, file);
    assert.equal(bytes.byteLength, Number(size), file);
  }
  const addml = await read('arkivuttrekk.xml');
  for (const name of ['arkivstruktur.xml', 'loependeJournal.xml', 'offentligJournal.xml', 'endringslogg.xml']) {
    const sum = createHash('sha256')
      .update(await readFile(`${extract.directory}/${name}`))
      .digest('hex');
    assert.ok(
      addml.includes(`<value>${name}</value>`) && addml.includes(`<value>${sum}</value>`),
      `${name} and its checksum in the ADDML`,
    );
  }
});

test('the structure: a school year per arkivdel, a later post pointing to its own year, the change in the log', async () => {
  const structure = await read('arkivstruktur.xml');
  assert.match(structure, /<tittel>Elev- og barnemapper 2026–2027<\/tittel><arkivdelstatus>Avsluttet periode</);
  // the later year's post is in Sofie's folder (2026–2027) and points to the arkivdel of its own year, in the extract
  const later =
    /<systemID>([0-9a-f-]{36})<\/systemID><tittel>Elev- og barnemapper 2027–2028<\/tittel><arkivdelstatus>Aktiv periode</.exec(
      structure,
    );
  assert.ok(later, 'the arkivdel 2027–2028 is in the extract');
  assert.ok(structure.includes(`<referanseArkivdel>${later[1]}</referanseArkivdel>`));
  assert.match(structure, /<klasseID>k\d+<\/klasseID><tittel>Bjørkelia barnehage<\/tittel>/);
  assert.match(
    structure,
    /<registrering xsi:type="journalpost">(?:(?!<\/registrering>).)*<referanseArkivdel>[0-9a-f-]{36}<\/referanseArkivdel>(?:(?!<\/registrering>).)*Brev om skolestart/s,
  );
  assert.match(structure, /<journalposttype>Inngående dokument<\/journalposttype>/);
  const log = await read('endringslogg.xml');
  assert.match(
    log,
    /<referanseMetadata>tittel<\/referanseMetadata>(?:(?!<\/endring>).)*<tidligereVerdi>Elevmappe – Sofie Nordmann – Bjørkelia skole<\/tidligereVerdi><nyVerdi>Elevmappe – Sofie Nordmann-Berg – Bjørkelia skole<\/nyVerdi>/s,
  );
  const running = await read('loependeJournal.xml');
  assert.match(running, /Vedtak om permisjon – Sofie Nordmann/, 'the running journal keeps the real titles');
  assert.match(
    running,
    /<korrespondanseparttype>Mottaker<\/korrespondanseparttype><korrespondansepartNavn>Kari Nordmann</,
  );
  assert.match(
    running,
    /<korrespondanseparttype>Avsender<\/korrespondanseparttype><korrespondansepartNavn>Kari Nordmann</,
  );
});

test('the public journal names no child or guardian and carries no fødselsnummer', async () => {
  const text = await read('offentligJournal.xml');
  assert.match(text, /<offentligTittel>Vedtak – \*\*\*\*\*<\/offentligTittel>/);
  const people = await db.selectFrom('person').select(['given_name', 'family_name', 'fodselsnummer']).execute();
  assert.ok(people.length > 20);
  for (const p of people) {
    assert.ok(!text.includes(`${p.given_name} ${p.family_name}`), `${p.given_name} ${p.family_name}`);
    if (p.fodselsnummer) assert.ok(!text.includes(p.fodselsnummer));
  }
  assert.doesNotMatch(text, /Sofie|Nora|Nordmann/);
});

test('the package: a ustar file of every file and the checksum list', async () => {
  const tar = await readFile(extract.tar);
  const entries = new Map<string, Buffer>();
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, length: number) =>
      header
        .subarray(from, from + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    assert.equal(field(257, 5), 'ustar');
    const name = [field(345, 155), field(0, 100)].filter(Boolean).join('/');
    const size = Number.parseInt(field(124, 12), 8);
    entries.set(name, tar.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  for (const file of extract.files) {
    const bytes = entries.get(file.name);
    assert.ok(bytes, `${file.name} is in the package`);
    assert.equal(createHash('sha256').update(bytes).digest('hex'), file.sha256, file.name);
  }
  const sums = entries.get('sha256sums.txt')?.toString('utf8') ?? '';
  assert.equal(sums.trim().split('\n').length, extract.files.length);
});

test('a period selects by journal date; a school owner with nothing in it gets no extract', async () => {
  const [autumn] = await writeArchiveExtracts(db, {
    out: `${out}/period`,
    municipalityId: demo.id,
    period: parsePeriod('2027-08-01..2027-12-31')!,
    now: NOW,
  });
  assert.equal(autumn!.registrations, 1);
  assert.deepEqual(await validateExtract(autumn!.directory), {});
  assert.deepEqual(
    await writeArchiveExtracts(db, {
      out: `${out}/none`,
      municipalityId: demo.id,
      period: parsePeriod('2020-01-01..2020-12-31')!,
    }),
    [],
  );
  assert.equal(parsePeriod('2027-12-31..2027-08-01'), null);
  assert.equal(parsePeriod('2027-02-30..2027-03-01'), null);
});
