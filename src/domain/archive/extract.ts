import { createHash } from 'node:crypto';
import { copyFile, mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/database.ts';
import { ROOT_URL } from '../../root.ts';
import { writeTar } from './tar.ts';
import { stableUuid } from './uuid.ts';
import { XML_DECLARATION, XmlWriter } from './xml.ts';

/**
 * D7 (issue 16, item 2): a Noark 5 v5.0 arkivuttrekk for one school owner — arkivstruktur.xml, loependeJournal.xml,
 * offentligJournal.xml, endringslogg.xml, arkivuttrekk.xml (ADDML 8.3 with every file's SHA-256), the six XSDs
 * beside them, the documents in dokumenter/, and the lot packed as a ustar file. What is archived and how it is
 * numbered is decided when a document is stored (migration 0032); the extract only reads it.
 *
 *   arkiv (the school owner, arkivskaper = its organisation number)
 *   └ arkivdel per school year (1 August – 31 July) in which a folder got its first document in the extract
 *     └ klassifikasjonssystem "Skoler og barnehager" └ klasse per school or kindergarten
 *       └ saksmappe: the elevmappe / barnemappe (saksår/sekvensnummer), screened
 *         └ journalpost (journalår/sekvensnummer; a later year's post points to its arkivdel by referanseArkivdel)
 *           └ dokumentbeskrivelse (hoveddokument) └ dokumentobjekt (arkivformat, the file, SHA-256, size)
 *
 * The public journal carries the screened titles only (fixed text + "*****") and "*****" for the correspondent.
 */

export const NOARK_SCHEMAS = [
  'arkivstruktur.xsd',
  'metadatakatalog.xsd',
  'endringslogg.xsd',
  'loependeJournal.xsd',
  'offentligJournal.xsd',
  'addml.xsd',
] as const;
/** Arkivverket's schemas, unchanged (assets/noark5, copied from the standard). */
export const NOARK_SCHEMA_DIR = fileURLToPath(new URL('assets/noark5/', ROOT_URL));

const NS = {
  arkivstruktur: 'http://www.arkivverket.no/standarder/noark5/arkivstruktur',
  loependeJournal: 'http://www.arkivverket.no/standarder/noark5/loependeJournal',
  offentligJournal: 'http://www.arkivverket.no/standarder/noark5/offentligJournal',
  endringslogg: 'http://www.arkivverket.no/standarder/noark5/endringslogg',
  addml: 'http://www.arkivverket.no/standarder/addml',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

const SYSTEM = 'Skolebro';
const SCREENING = {
  tilgangsrestriksjon: 'Offl §13',
  skjermingshjemmel: 'Offl. § 13, jf. fvl. § 13 første ledd nr. 1',
};
const SCREENED = '*****';

export interface ExtractOptions {
  /** The directory to write into: one subdirectory and one .tar per school owner. */
  out: string;
  /** Only this school owner (municipality id); all of them when left out. */
  municipalityId?: number;
  /** Journal dates from–to (ISO, inclusive); all time when left out. */
  period?: { from: string; to: string };
  now?: Date;
}

export interface ExtractResult {
  municipalityId: number;
  name: string;
  directory: string;
  tar: string;
  folders: number;
  registrations: number;
  /** Every file of the extract (relative to `directory`) with its SHA-256 (hex). */
  files: { name: string; sha256: string; bytes: number }[];
}

interface Registration {
  id: number;
  system_id: string;
  description_system_id: string;
  object_system_id: string;
  folder_id: number;
  document_id: number;
  school_year_start: number;
  journal_year: number;
  journal_seq: number;
  number_in_folder: number;
  journalpost_type: 'I' | 'U' | 'X';
  title: string;
  public_title: string;
  journal_date: string;
  registered_at: Date;
  registered_by_name: string | null;
  document_kind: string;
  document_title: string;
  size_bytes: number;
  sha256: string;
  guardian_name: string | null;
  folder_system_id: string;
  folder_title: string;
  case_year: number;
  case_seq: number;
  folder_created_at: Date;
  unit_key: string;
  unit_name: string;
}

/** Writes one extract per school owner that has archived documents in the period; returns what it wrote. */
export async function writeArchiveExtracts(db: Db, options: ExtractOptions): Promise<ExtractResult[]> {
  let owners = db.selectFrom('municipality').select(['id', 'name', 'org_number']).orderBy('id');
  if (options.municipalityId !== undefined) owners = owners.where('id', '=', options.municipalityId);
  const results: ExtractResult[] = [];
  for (const owner of await owners.execute()) {
    const result = await writeOwnerExtract(db, owner, options);
    if (result) results.push(result);
  }
  return results;
}

async function loadRegistrations(db: Db, municipalityId: number, period?: ExtractOptions['period']) {
  let query = db
    .selectFrom('archive_registration as r')
    .innerJoin('archive_folder as f', 'f.id', 'r.folder_id')
    .innerJoin('document as d', 'd.id', 'r.document_id')
    .leftJoin('school as s', 's.id', 'f.school_id')
    .leftJoin('kindergarten as k', 'k.id', 'f.kindergarten_id')
    .leftJoin('person as g', 'g.id', 'd.guardian_id')
    .leftJoin('person as by', 'by.id', 'r.registered_by')
    .select((eb) => [
      'r.id',
      'r.system_id',
      'r.description_system_id',
      'r.object_system_id',
      'r.folder_id',
      'r.document_id',
      'r.school_year_start',
      'r.journal_year',
      'r.journal_seq',
      'r.number_in_folder',
      'r.journalpost_type',
      'r.title',
      'r.public_title',
      'r.journal_date',
      'r.registered_at',
      eb.fn
        .coalesce(eb.fn('concat_ws', [eb.val(' '), 'by.given_name', 'by.family_name']), eb.val(null))
        .as('registered_by_name'),
      'd.kind as document_kind',
      'd.title as document_title',
      'd.size_bytes',
      'd.sha256',
      eb.fn('concat_ws', [eb.val(' '), 'g.given_name', 'g.family_name']).as('guardian_name'),
      'f.system_id as folder_system_id',
      'f.title as folder_title',
      'f.case_year',
      'f.case_seq',
      'f.created_at as folder_created_at',
      'f.unit_key',
      eb.fn.coalesce('s.name', 'k.name').as('unit_name'),
    ])
    .where('f.municipality_id', '=', municipalityId)
    .orderBy('f.id')
    .orderBy('r.number_in_folder');
  if (period) query = query.where('r.journal_date', '>=', period.from).where('r.journal_date', '<=', period.to);
  const rows = (await query.execute()) as unknown as Registration[];
  return rows.map((r) => ({
    ...r,
    registered_by_name: r.registered_by_name || null,
    guardian_name: r.guardian_name || null,
  }));
}

const iso = (d: Date) => d.toISOString();
const schoolYearTitle = (start: number) => `Elev- og barnemapper ${start}–${start + 1}`;
const journalposttype = (t: Registration['journalpost_type']) =>
  t === 'I' ? 'Inngående dokument' : t === 'U' ? 'Utgående dokument' : 'Organinternt dokument uten oppfølging';
const dokumenttype = (kind: string) =>
  kind === 'vedtak' ? 'Vedtak' : kind === 'consent_receipt' ? 'Kvittering' : kind === 'attachment' ? 'Vedlegg' : 'Brev';
const documentFile = (r: Registration) => `dokumenter/${r.journal_year}-${String(r.journal_seq).padStart(6, '0')}.pdf`;
/** Who a post went to (the guardian it was addressed to, or all of them) or came from (the guardian who sent it). */
const correspondent = (r: Registration) =>
  r.journalpost_type === 'I' ? (r.registered_by_name ?? 'Foresatt') : (r.guardian_name ?? 'Foresatte');

async function writeOwnerExtract(
  db: Db,
  owner: { id: number; name: string; org_number: string },
  options: ExtractOptions,
): Promise<ExtractResult | null> {
  const now = options.now ?? new Date();
  const registrations = await loadRegistrations(db, owner.id, options.period);
  if (registrations.length === 0) return null;
  const directory = `${options.out}/arkivuttrekk-${owner.org_number}`;
  await rm(directory, { recursive: true, force: true });
  await mkdir(`${directory}/dokumenter`, { recursive: true });

  // folders in order, each under the school year of its first post in the extract
  const folders = new Map<number, Registration[]>();
  for (const r of registrations) {
    const list = folders.get(r.folder_id);
    if (list) list.push(r);
    else folders.set(r.folder_id, [r]);
  }
  const years = new Map<number, Registration[][]>();
  for (const posts of folders.values()) {
    const year = Math.min(...posts.map((p) => p.school_year_start));
    const list = years.get(year);
    if (list) list.push(posts);
    else years.set(year, [posts]);
  }
  const arkivId = stableUuid(`arkiv:${owner.id}`);
  const arkivdelId = (year: number) => stableUuid(`arkivdel:${owner.id}:${year}`);
  const first = registrations.reduce((a, b) => (a.registered_at < b.registered_at ? a : b));
  const dates = registrations.map((r) => r.journal_date).sort();
  const journalStart = options.period?.from ?? dates[0]!;
  const journalEnd = options.period?.to ?? dates.at(-1)!;

  const writeXml = async (name: string, body: (xml: XmlWriter) => Promise<void>) => {
    const handle = await open(`${directory}/${name}`, 'w');
    const xml = new XmlWriter(async (chunk) => {
      await handle.write(chunk);
    });
    try {
      xml.raw(XML_DECLARATION);
      await body(xml);
      await xml.flush(true);
    } finally {
      await handle.close();
    }
  };

  // arkivstruktur.xml
  await writeXml('arkivstruktur.xml', async (xml) => {
    xml.open('arkiv', {
      xmlns: NS.arkivstruktur,
      'xmlns:xsi': NS.xsi,
      'xsi:schemaLocation': `${NS.arkivstruktur} arkivstruktur.xsd`,
    });
    xml
      .el('systemID', arkivId)
      .el('tittel', `${SYSTEM} – ${owner.name}`)
      .el('beskrivelse', 'Elevmapper og barnemapper: vedtak, samtykker, brev til foresatte og vedlegg til søknader.')
      .el('arkivstatus', 'Avsluttet')
      .el('dokumentmedium', 'Elektronisk arkiv')
      .el('opprettetDato', iso(first.registered_at))
      .el('opprettetAv', SYSTEM)
      .el('avsluttetDato', iso(now))
      .el('avsluttetAv', SYSTEM)
      .open('arkivskaper')
      .el('arkivskaperID', owner.org_number)
      .el('arkivskaperNavn', owner.name)
      .close('arkivskaper');
    // every school year with a post gets its arkivdel (a later post's referanseArkivdel points to one in the extract)
    for (const r of registrations) if (!years.has(r.school_year_start)) years.set(r.school_year_start, []);
    for (const year of [...years.keys()].sort()) {
      const ended = new Date(`${year + 1}-08-01T00:00:00+02:00`) <= now;
      xml
        .open('arkivdel')
        .el('systemID', arkivdelId(year))
        .el('tittel', schoolYearTitle(year))
        .el('arkivdelstatus', ended ? 'Avsluttet periode' : 'Aktiv periode')
        .el('dokumentmedium', 'Elektronisk arkiv')
        .el('opprettetDato', iso(new Date(`${year}-08-01T00:00:00+02:00`)))
        .el('opprettetAv', SYSTEM)
        .el('avsluttetDato', iso(ended ? new Date(`${year + 1}-07-31T23:59:59+02:00`) : now))
        .el('avsluttetAv', SYSTEM)
        .el('arkivperiodeStartDato', `${year}-08-01`)
        .el('arkivperiodeSluttDato', `${year + 1}-07-31`);
      if (years.get(year)!.length === 0) {
        xml.close('arkivdel'); // only later posts of folders begun in an earlier year
        continue;
      }
      xml
        .open('klassifikasjonssystem')
        .el('systemID', stableUuid(`klassifikasjonssystem:${owner.id}:${year}`))
        .el('klassifikasjonstype', 'Objektkoder')
        .el('tittel', 'Skoler og barnehager')
        .el('opprettetDato', iso(new Date(`${year}-08-01T00:00:00+02:00`)))
        .el('opprettetAv', SYSTEM);
      const units = new Map<string, Registration[][]>();
      for (const posts of years.get(year)!) {
        const list = units.get(posts[0]!.unit_key);
        if (list) list.push(posts);
        else units.set(posts[0]!.unit_key, [posts]);
      }
      for (const [unitKey, unitFolders] of units) {
        xml
          .open('klasse')
          .el('systemID', stableUuid(`klasse:${owner.id}:${year}:${unitKey}`))
          .el('klasseID', unitKey)
          .el('tittel', unitFolders[0]![0]!.unit_name)
          .el('opprettetDato', iso(new Date(`${year}-08-01T00:00:00+02:00`)))
          .el('opprettetAv', SYSTEM);
        for (const posts of unitFolders) {
          await writeFolder(xml, posts, now, arkivdelId, year);
          await xml.flush();
        }
        xml.close('klasse');
      }
      xml.close('klassifikasjonssystem').close('arkivdel');
    }
    xml.close('arkiv');
  });

  // the journals' head: the period, the count, the archive creator
  const journalHead = (xml: XmlWriter) =>
    xml
      .open('journalhode')
      .el('journalStartDato', journalStart)
      .el('journalSluttDato', journalEnd)
      .el('antallJournalposter', registrations.length)
      .open('arkivskaper')
      .el('arkivskaperID', owner.org_number)
      .el('arkivskaperNavn', owner.name)
      .close('arkivskaper')
      .close('journalhode');
  const byJournal = [...registrations].sort((a, b) =>
    a.journal_date < b.journal_date ? -1 : a.journal_date > b.journal_date ? 1 : a.id - b.id,
  );
  // the two journals from one writer: the running one with titles and names, the public one screened
  for (const kind of ['loependeJournal', 'offentligJournal'] as const) {
    const open = kind === 'loependeJournal';
    await writeXml(`${kind}.xml`, async (xml) => {
      xml.open(kind, { xmlns: NS[kind], 'xmlns:xsi': NS.xsi, 'xsi:schemaLocation': `${NS[kind]} ${kind}.xsd` });
      journalHead(xml);
      for (const r of byJournal) {
        xml
          .open('journalregistrering')
          .open('klasse')
          .el('klasseID', r.unit_key)
          .el('tittel', r.unit_name)
          .close('klasse')
          .open('saksmappe')
          .el('mappeID', `${r.case_year}/${r.case_seq}`)
          .el('saksaar', r.case_year)
          .el('sakssekvensnummer', r.case_seq)
          .el('tittel', open ? r.folder_title : undefined)
          .el('offentligTittel', publicFolderTitle(r))
          .el('skjermingMetadata', open ? 'tittel' : undefined)
          .el('administrativEnhet', r.unit_name)
          .el('saksansvarlig', open ? saksansvarlig(r) : undefined)
          .el('referanseArkivdel', open ? arkivdelId(r.school_year_start) : undefined)
          .el('tilgangsrestriksjon', open ? undefined : SCREENING.tilgangsrestriksjon)
          .el('skjermingshjemmel', open ? undefined : SCREENING.skjermingshjemmel)
          .close('saksmappe')
          .open('journalpost')
          .el('systemID', r.system_id)
          .el('registreringsID', `${r.journal_year}/${r.journal_seq}`)
          .el('journalaar', r.journal_year)
          .el('journalsekvensnummer', r.journal_seq)
          .el('journalpostnummer', r.number_in_folder)
          .el('tittel', open ? r.title : undefined)
          .el('offentligTittel', r.public_title)
          .el('skjermingMetadata', 'tittel')
          .el('journaldato', r.journal_date)
          .el('dokumentetsDato', r.journal_date)
          .el('administrativEnhet', r.unit_name)
          .el('saksbehandler', open ? (r.registered_by_name ?? SYSTEM) : undefined)
          .el('tilgangsrestriksjon', SCREENING.tilgangsrestriksjon)
          .el('skjermingshjemmel', SCREENING.skjermingshjemmel)
          .open('korrespondansepart')
          .el('korrespondanseparttype', r.journalpost_type === 'I' ? 'Avsender' : 'Mottaker')
          .el('korrespondansepartNavn', open ? correspondent(r) : SCREENED)
          .el('skjermingMetadata', open ? 'korrespondansepart' : undefined)
          .close('korrespondansepart')
          .close('journalpost')
          .close('journalregistrering');
        await xml.flush();
      }
      xml.close(kind);
    });
  }

  // endringslogg: the changes recorded on the folders (a title after a change of name), and the closing of each
  // folder by this extract (the live folder stays open; the extract's copy is closed, as the schema requires)
  const folderIds = [...folders.values()].map((posts) => posts[0]!.folder_system_id);
  const changes = await db
    .selectFrom('archive_change')
    .selectAll()
    .where('entity_system_id', 'in', folderIds)
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
  await writeXml('endringslogg.xml', async (xml) => {
    xml.open('endringslogg', {
      xmlns: NS.endringslogg,
      'xmlns:xsi': NS.xsi,
      'xsi:schemaLocation': `${NS.endringslogg} endringslogg.xsd`,
    });
    const change = (entity: string, metadata: string, at: Date, by: string, previous: string, next: string) =>
      xml
        .open('endring')
        .el('referanseArkivenhet', entity)
        .el('referanseMetadata', metadata)
        .el('endretDato', iso(at))
        .el('endretAv', by)
        .el('tidligereVerdi', previous)
        .el('nyVerdi', next)
        .close('endring');
    for (const c of changes)
      change(c.entity_system_id, c.metadata, c.changed_at, c.changed_by, c.previous_value, c.new_value);
    for (const id of folderIds) {
      change(id, 'saksstatus', now, `${SYSTEM} (arkivuttrekk)`, 'Under behandling', 'Avsluttet');
      await xml.flush();
    }
    xml.close('endringslogg');
  });

  // the documents, one at a time, each checked against the checksum registered with it
  for (const r of registrations) {
    const doc = await db
      .selectFrom('document')
      .select(['content', 'sha256'])
      .where('id', '=', r.document_id)
      .executeTakeFirstOrThrow();
    const sha = createHash('sha256').update(doc.content).digest('hex');
    if (sha !== doc.sha256) throw new Error(`document ${r.document_id}: its bytes do not match its SHA-256`);
    await writeFile(`${directory}/${documentFile(r)}`, doc.content);
  }
  for (const schema of NOARK_SCHEMAS) await copyFile(`${NOARK_SCHEMA_DIR}${schema}`, `${directory}/${schema}`);

  // arkivuttrekk.xml (ADDML): what the extract holds, the counts, and each file's checksum
  const xmlFiles = ['arkivstruktur.xml', 'loependeJournal.xml', 'offentligJournal.xml', 'endringslogg.xml'];
  const checksums = new Map<string, string>();
  for (const name of [...xmlFiles, ...NOARK_SCHEMAS]) checksums.set(name, await sha256File(`${directory}/${name}`));
  await writeXml('arkivuttrekk.xml', async (xml) => {
    const property = (name: string, value: string | number) =>
      xml.open('property', { name }).el('value', value).close('property');
    const file = (name: string, schema: string | null) => {
      xml.open('properties').open('property', { name: 'file' }).open('properties');
      property('name', name);
      property('type', schema ? 'XML' : 'XSD');
      if (schema) {
        xml.open('property', { name: 'schema' }).open('properties');
        property('name', schema);
        property('type', 'XSD');
        xml.close('properties').close('property');
      }
      xml.open('property', { name: 'checksum' }).open('properties');
      property('algorithm', 'SHA256');
      property('value', checksums.get(name)!);
      xml.close('properties').close('property');
      xml.close('properties').close('property').close('properties');
    };
    xml.open('addml', { xmlns: NS.addml, 'xmlns:xsi': NS.xsi, 'xsi:schemaLocation': `${NS.addml} addml.xsd` });
    xml.open('dataset', { name: `${SYSTEM} – ${owner.name}` });
    xml.el(
      'description',
      `Arkivuttrekk fra ${SYSTEM} for ${owner.name}, journalperiode ${journalStart} – ${journalEnd}.`,
    );
    xml.open('reference').open('context').open('additionalElements');
    xml.open('additionalElement', { name: 'recordCreators' }).open('additionalElements');
    xml.open('additionalElement', { name: 'recordCreator' }).open('properties');
    property('name', owner.name);
    property('organisationNumber', owner.org_number);
    xml.close('properties').close('additionalElement').close('additionalElements').close('additionalElement');
    xml.open('additionalElement', { name: 'archivalPeriod' }).open('properties');
    property('startDate', journalStart);
    property('endDate', journalEnd);
    xml.close('properties').close('additionalElement');
    xml.open('additionalElement', { name: 'system' }).open('properties');
    property('name', SYSTEM);
    property('type', 'Noark 5');
    property('typeVersion', 'v5.0');
    xml.close('properties').close('additionalElement');
    xml.close('additionalElements').close('context').close('reference');
    xml.open('dataObjects').open('dataObject', { name: 'Noark 5 arkivuttrekk' });
    xml.open('properties');
    xml.open('property', { name: 'info' }).open('properties');
    property('type', 'Noark 5');
    property('version', 'v5.0');
    property('numberOfOccurrences:mappe', folders.size);
    property('numberOfOccurrences:journalpost', registrations.length);
    property('numberOfOccurrences:dokumentobjekt', registrations.length);
    xml.close('properties').close('property').close('properties');
    xml.open('dataObjects');
    for (const name of xmlFiles) {
      xml.open('dataObject', { name: name.replace(/\.xml$/, '') });
      file(name, name.replace(/\.xml$/, '.xsd'));
      xml.close('dataObject');
    }
    for (const schema of NOARK_SCHEMAS) {
      xml.open('dataObject', { name: schema });
      file(schema, null);
      xml.close('dataObject');
    }
    xml.close('dataObjects').close('dataObject').close('dataObjects').close('dataset').close('addml');
  });

  // the manifest of every file, and the package
  const names = ['arkivuttrekk.xml', ...xmlFiles, ...NOARK_SCHEMAS, ...registrations.map((r) => documentFile(r))];
  const files: ExtractResult['files'] = [];
  for (const name of names) {
    const path = `${directory}/${name}`;
    files.push({ name, sha256: checksums.get(name) ?? (await sha256File(path)), bytes: (await stat(path)).size });
  }
  await writeFile(`${directory}/sha256sums.txt`, files.map((f) => `${f.sha256}  ${f.name}\n`).join(''));
  const tar = `${directory}.tar`;
  await writeTar(tar, directory, [...names, 'sha256sums.txt'], now);
  return {
    municipalityId: owner.id,
    name: owner.name,
    directory,
    tar,
    folders: folders.size,
    registrations: registrations.length,
    files,
  };
}

const publicFolderTitle = (r: Registration) =>
  `${r.unit_key.startsWith('s') ? 'Elevmappe' : 'Barnemappe'} – ${SCREENED} – ${r.unit_name}`;
const saksansvarlig = (r: Registration) => (r.unit_key.startsWith('s') ? 'Rektor' : 'Styrer');

async function writeFolder(
  xml: XmlWriter,
  posts: Registration[],
  now: Date,
  arkivdelId: (year: number) => string,
  folderYear: number,
): Promise<void> {
  const f = posts[0]!;
  xml
    .open('mappe', { 'xsi:type': 'saksmappe' })
    .el('systemID', f.folder_system_id)
    .el('mappeID', `${f.case_year}/${f.case_seq}`)
    .el('tittel', f.folder_title)
    .el('offentligTittel', publicFolderTitle(f))
    .el('dokumentmedium', 'Elektronisk arkiv')
    .el('opprettetDato', iso(f.folder_created_at))
    .el('opprettetAv', SYSTEM)
    .el('avsluttetDato', iso(now))
    .el('avsluttetAv', SYSTEM)
    .open('skjerming')
    .el('tilgangsrestriksjon', SCREENING.tilgangsrestriksjon)
    .el('skjermingshjemmel', SCREENING.skjermingshjemmel)
    .el('skjermingMetadata', 'tittel')
    .close('skjerming');
  for (const r of posts) {
    xml
      .open('registrering', { 'xsi:type': 'journalpost' })
      .el('systemID', r.system_id)
      .el('opprettetDato', iso(r.registered_at))
      .el('opprettetAv', r.registered_by_name ?? SYSTEM)
      .el('arkivertDato', iso(r.registered_at))
      .el('arkivertAv', SYSTEM);
    if (r.school_year_start !== folderYear) xml.el('referanseArkivdel', arkivdelId(r.school_year_start));
    xml
      .open('skjerming')
      .el('tilgangsrestriksjon', SCREENING.tilgangsrestriksjon)
      .el('skjermingshjemmel', SCREENING.skjermingshjemmel)
      .el('skjermingMetadata', 'tittel')
      .el('skjermingMetadata', 'korrespondansepart')
      .close('skjerming')
      .open('dokumentbeskrivelse')
      .el('systemID', r.description_system_id)
      .el('dokumenttype', dokumenttype(r.document_kind))
      .el('dokumentstatus', 'Dokumentet er ferdigstilt')
      .el('tittel', r.document_title)
      .el('opprettetDato', iso(r.registered_at))
      .el('opprettetAv', r.registered_by_name ?? SYSTEM)
      .el('tilknyttetRegistreringSom', 'Hoveddokument')
      .el('dokumentnummer', 1)
      .el('tilknyttetDato', iso(r.registered_at))
      .el('tilknyttetAv', SYSTEM)
      .open('dokumentobjekt')
      .el('systemID', r.object_system_id)
      .el('versjonsnummer', 1)
      .el('variantformat', 'Arkivformat')
      // PRONOM fmt/276 = PDF 1.7: the documents are not yet PDF/A (README, "Archive")
      .el('format', 'fmt/276')
      .el('formatDetaljer', 'PDF 1.7')
      .el('opprettetDato', iso(r.registered_at))
      .el('opprettetAv', SYSTEM)
      .el('referanseDokumentfil', documentFile(r))
      .el('sjekksum', r.sha256)
      .el('sjekksumAlgoritme', 'SHA256')
      .el('filstoerrelse', r.size_bytes)
      .close('dokumentobjekt')
      .close('dokumentbeskrivelse')
      .el('registreringsID', `${r.journal_year}/${r.journal_seq}`)
      .el('tittel', r.title)
      .el('offentligTittel', r.public_title)
      .open('korrespondansepart')
      .el('korrespondanseparttype', r.journalpost_type === 'I' ? 'Avsender' : 'Mottaker')
      .el('korrespondansepartNavn', correspondent(r))
      .close('korrespondansepart')
      .el('journalaar', r.journal_year)
      .el('journalsekvensnummer', r.journal_seq)
      .el('journalpostnummer', r.number_in_folder)
      .el('journalposttype', journalposttype(r.journalpost_type))
      .el('journalstatus', 'Arkivert')
      .el('journaldato', r.journal_date)
      .el('dokumentetsDato', r.journal_date)
      .close('registrering');
  }
  xml
    .el('saksaar', f.case_year)
    .el('sakssekvensnummer', f.case_seq)
    .el('saksdato', iso(f.folder_created_at).slice(0, 10))
    .el('administrativEnhet', f.unit_name)
    .el('saksansvarlig', saksansvarlig(f))
    .el('saksstatus', 'Avsluttet')
    .close('mappe');
}

async function sha256File(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}
