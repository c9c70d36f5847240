import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { FregChangeKind, GuardianRelationType } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { notEndedBy } from '../period.ts';
import type { FregAddress, FregPerson, Protection } from './document.ts';

/**
 * Applies one run's person documents (D1, D2) in one transaction, in a fixed number of batched queries: persons
 * matched on any identity number they have had (a d-nummer that became a fødselsnummer updates the same person),
 * names, address and protection from the register, guardian relations from foreldreansvar, and a change report.
 * A run that finds nothing new changes no row of person or guardian_relation.
 */
export interface ApplyOptions {
  now: Date;
  actor?: Pick<Actor, 'personId' | 'via'> | null;
  /** The municipality's kommunenummer: a bostedsadresse elsewhere counts as moved out of the municipality. */
  municipalityNumbers?: string[];
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface ApplySummary {
  runId: number;
  documents: number;
  rowsChanged: number;
  personsCreated: number;
  personsUpdated: number;
  relationsChanged: number;
  changes: number;
  /** Parents or guardians named in the register who are neither in the file nor in Skolebro (not linked). */
  unknownGuardians: number;
}

interface PersonRow {
  id: number;
  fodselsnummer: string | null;
  given_name: string;
  family_name: string;
  address_line: string | null;
  postal_code: string | null;
  postal_place: string | null;
  address_protection: Protection;
}

interface Change {
  kind: FregChangeKind;
  personId: number;
  pupilId: number | null;
  details: Record<string, unknown>;
}

const CHUNK = 2000;
const chunks = <T>(items: T[], size = CHUNK): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};
const RANK: Record<Protection, number> = { none: 0, fortrolig: 1, strengt_fortrolig: 2 };
const sameAddress = (a: FregAddress | null, b: FregAddress | null) =>
  a !== null && b !== null && a.line === b.line && a.postalCode === b.postalCode;

export async function applyFregPersons(
  db: Db,
  persons: FregPerson[],
  source: string,
  options: ApplyOptions,
): Promise<ApplySummary> {
  const progress = options.onProgress ?? (() => {});
  const today = options.now.toISOString().slice(0, 10);
  return db.transaction().execute(async (trx) => {
    // One run at a time: a second waits for the first to commit, then sees its rows.
    await sql`select pg_advisory_xact_lock(hashtext('skolebro.freg_import'))`.execute(trx);
    const changes: Change[] = [];
    const byNumber = await loadPersons(trx, persons);
    progress('matched', persons.length, persons.length);

    // Match every document to a person: its current number first, then its earlier ones.
    const idOf = new Map<string, number>();
    for (const [number, row] of byNumber) idOf.set(number, row.id);
    const toCreate: FregPerson[] = [];
    const toUpdate: { row: PersonRow; person: FregPerson }[] = [];
    for (const p of persons) {
      const row = byNumber.get(p.id) ?? p.allIds.map((n) => byNumber.get(n)).find(Boolean);
      if (!row) {
        toCreate.push(p);
        continue;
      }
      for (const n of p.allIds) idOf.set(n, row.id);
      const changed = personChanges(row, p);
      if (changed.length) {
        toUpdate.push({ row, person: p });
        changes.push(...changed);
      }
    }
    let done = persons.length - toCreate.length - toUpdate.length;
    for (const batch of chunks(toCreate, 1000)) {
      const created = await trx
        .insertInto('person')
        .values(
          batch.map((p) => ({
            fodselsnummer: p.id,
            given_name: p.givenName,
            family_name: p.familyName,
            address_line: p.address?.line ?? null,
            postal_code: p.address?.postalCode ?? null,
            postal_place: p.address?.postalPlace ?? null,
            address_protection: p.protection,
          })),
        )
        .returning(['id', 'fodselsnummer'])
        .execute();
      for (const [i, row] of created.entries()) {
        for (const n of batch[i]!.allIds) idOf.set(n, row.id);
        changes.push({ kind: 'new_person', personId: row.id, pupilId: null, details: {} });
      }
      progress('persons', (done += batch.length), persons.length);
    }
    let personsUpdated = 0;
    for (const batch of chunks(toUpdate, 1000)) {
      personsUpdated += await updatePersons(trx, batch, options.now);
      progress('persons', (done += batch.length), persons.length);
    }
    progress('persons', persons.length, persons.length);

    changes.push(...(await lifeEvents(trx, persons, idOf, options.municipalityNumbers)));
    const relations = await applyRelations(trx, persons, idOf, changes);
    progress('guardians', persons.length, persons.length);

    const rowsChanged = toCreate.length + personsUpdated + relations.changed;
    const run = await trx
      .insertInto('freg_import_run')
      .values({
        source,
        started_at: options.now,
        finished_at: new Date(),
        actor_person_id: options.actor?.personId ?? null,
        documents: persons.length,
        rows_changed: rowsChanged,
        persons_created: toCreate.length,
        persons_updated: personsUpdated,
        relations_changed: relations.changed,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reportRows = await storeReport(trx, run.id, changes, today);
    await recordAudit(
      trx,
      {
        actor: options.actor ?? null,
        role: options.actor ? 'school_owner' : 'system',
        action: 'freg.import',
        record: { type: 'freg_import_run', id: run.id },
        details: { source, documents: persons.length, rowsChanged, changes: changes.length },
      },
      options.now,
    );
    return {
      runId: run.id,
      documents: persons.length,
      rowsChanged,
      personsCreated: toCreate.length,
      personsUpdated,
      relationsChanged: relations.changed,
      changes: reportRows,
      unknownGuardians: relations.unknown,
    };
  });
}

async function loadPersons(db: Db, persons: FregPerson[]): Promise<Map<string, PersonRow>> {
  // The file's persons and the guardians their documents name (who may be in Skolebro but not in this file).
  const numbers = [
    ...new Set(persons.flatMap((p) => [...p.allIds, ...p.parents.map((r) => r.id), ...p.responsible.keys()])),
  ];
  const byNumber = new Map<string, PersonRow>();
  for (const batch of chunks(numbers, 5000)) {
    const rows = await db
      .selectFrom('person')
      .select([
        'id',
        'fodselsnummer',
        'given_name',
        'family_name',
        'address_line',
        'postal_code',
        'postal_place',
        'address_protection',
      ])
      .where('fodselsnummer', 'in', batch)
      .execute();
    for (const r of rows) byNumber.set(r.fodselsnummer!, { ...r, id: Number(r.id) });
  }
  return byNumber;
}

/** What differs between the stored person and the register; a protected address is never put in the report. */
function personChanges(row: PersonRow, p: FregPerson): Change[] {
  const out: Change[] = [];
  const change = (kind: FregChangeKind, details: Record<string, unknown> = {}) =>
    out.push({ kind, personId: row.id, pupilId: null, details });
  if (row.fodselsnummer !== p.id) change('identity_changed');
  if (row.given_name !== p.givenName || row.family_name !== p.familyName)
    change('name_changed', {
      from: `${row.given_name} ${row.family_name}`,
      to: `${p.givenName} ${p.familyName}`,
    });
  const a = p.address;
  if (
    row.address_line !== (a?.line ?? null) ||
    row.postal_code !== (a?.postalCode ?? null) ||
    row.postal_place !== (a?.postalPlace ?? null)
  )
    change(
      'address_changed',
      !a
        ? { none: true }
        : p.protection === 'none'
          ? { line: a.line, postalCode: a.postalCode, postalPlace: a.postalPlace }
          : { protected: true },
    );
  if (RANK[p.protection] > RANK[row.address_protection]) change('new_protection', { level: p.protection });
  if (p.protection === 'none' && row.address_protection !== 'none') change('protection_removed');
  return out;
}

async function updatePersons(db: Db, batch: { row: PersonRow; person: FregPerson }[], now: Date): Promise<number> {
  const values = batch.map(
    ({ row, person: p }) =>
      sql`(${row.id}::bigint, ${p.id}::text, ${p.givenName}::text, ${p.familyName}::text, ${p.address?.line ?? null}::text,
        ${p.address?.postalCode ?? null}::text, ${p.address?.postalPlace ?? null}::text, ${p.protection}::text)`,
  );
  const result = await sql`
    update person as p set fodselsnummer = v.fnr, given_name = v.given, family_name = v.family, address_line = v.line,
      postal_code = v.code, postal_place = v.place, address_protection = v.prot, updated_at = ${now}
    from (values ${sql.join(values)}) as v(id, fnr, given, family, line, code, place, prot)
    where p.id = v.id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Deaths and moves out are reported once: not again while an earlier run already reported them. */
async function lifeEvents(
  db: Db,
  persons: FregPerson[],
  idOf: Map<string, number>,
  municipalityNumbers: string[] | undefined,
): Promise<Change[]> {
  const candidates: Change[] = [];
  for (const p of persons) {
    const personId = idOf.get(p.id)!;
    if (p.dead) candidates.push({ kind: 'death', personId, pupilId: null, details: { date: p.dead.date } });
    const elsewhere =
      municipalityNumbers?.length &&
      p.address?.municipalityNumber &&
      !municipalityNumbers.includes(p.address.municipalityNumber);
    if (p.movedOut || elsewhere)
      candidates.push({
        kind: 'moved_out',
        personId,
        pupilId: null,
        details: p.movedOut ? { country: p.movedOut.country, date: p.movedOut.date } : { municipality: true },
      });
  }
  if (!candidates.length) return [];
  const reported = new Set<string>();
  for (const batch of chunks(candidates)) {
    const rows = await db
      .selectFrom('freg_change')
      .select(['person_id', 'kind'])
      .where('kind', 'in', ['death', 'moved_out'])
      .where(
        'person_id',
        'in',
        batch.map((c) => c.personId),
      )
      .execute();
    for (const r of rows) reported.add(`${r.kind}:${r.person_id}`);
  }
  return candidates.filter((c) => !reported.has(`${c.kind}:${c.personId}`));
}

interface Wanted {
  pupilId: number;
  guardianId: number;
  relation: GuardianRelationType;
  responsibility: boolean;
  livesWith: boolean;
}

/**
 * Guardian relations of every child in the run (a person with foreldreansvar): the parents in familierelasjon and
 * whoever holds foreldreansvar. A parent without parental responsibility is kept as a contact person only (the
 * access policy gives such a relation no reach); relations the register no longer names are removed, unless the
 * school office made them.
 */
async function applyRelations(
  db: Db,
  persons: FregPerson[],
  idOf: Map<string, number>,
  changes: Change[],
): Promise<{ changed: number; unknown: number }> {
  const addressOf = new Map(persons.map((p) => [p.id, p.address]));
  const wanted = new Map<string, Wanted>();
  let unknown = 0;
  const children = persons.filter((p) => p.responsible.size > 0);
  for (const child of children) {
    const pupilId = idOf.get(child.id)!;
    const named = new Map<string, GuardianRelationType>(child.parents.map((p) => [p.id, p.role]));
    for (const [id, role] of child.responsible) if (!named.has(id)) named.set(id, role);
    for (const [number, relation] of named) {
      const guardianId = idOf.get(number);
      if (guardianId === undefined) {
        unknown++;
        continue;
      }
      if (guardianId === pupilId) continue;
      wanted.set(`${pupilId}:${guardianId}`, {
        pupilId,
        guardianId,
        relation,
        responsibility: child.responsible.has(number),
        livesWith: sameAddress(child.address, addressOf.get(number) ?? null),
      });
    }
  }
  const pupilIds = children.map((c) => idOf.get(c.id)!);
  const existing = [];
  for (const batch of chunks(pupilIds)) {
    existing.push(
      ...(await db
        .selectFrom('guardian_relation')
        .select([
          'id',
          'pupil_id',
          'guardian_id',
          'relation',
          'parental_responsibility',
          'contact_person_only',
          'lives_with_child',
          'from_register',
        ])
        .where('pupil_id', 'in', batch)
        .execute()),
    );
  }
  const updates: (Wanted & { id: number })[] = [];
  const deletes: number[] = [];
  for (const r of existing) {
    const key = `${r.pupil_id}:${r.guardian_id}`;
    const w = wanted.get(key);
    const pupilId = Number(r.pupil_id);
    const guardianId = Number(r.guardian_id);
    if (!w) {
      if (r.from_register) {
        deletes.push(Number(r.id));
        changes.push({ kind: 'gone_guardian', personId: guardianId, pupilId, details: { relation: r.relation } });
      }
      continue;
    }
    wanted.delete(key);
    const relation = w.relation === 'annet' && !['mor', 'far', 'medmor'].includes(r.relation) ? r.relation : w.relation;
    if (
      r.relation !== relation ||
      r.parental_responsibility !== w.responsibility ||
      r.contact_person_only !== !w.responsibility ||
      r.lives_with_child !== w.livesWith ||
      !r.from_register
    )
      updates.push({ ...w, relation, id: Number(r.id) });
    if (r.parental_responsibility && !w.responsibility)
      changes.push({ kind: 'responsibility_lost', personId: guardianId, pupilId, details: { relation } });
    if (!r.parental_responsibility && w.responsibility)
      changes.push({ kind: 'responsibility_gained', personId: guardianId, pupilId, details: { relation } });
  }
  const inserts = [...wanted.values()];
  for (const w of inserts)
    changes.push({
      kind: 'new_guardian',
      personId: w.guardianId,
      pupilId: w.pupilId,
      details: { relation: w.relation, responsibility: w.responsibility },
    });
  let changed = 0;
  for (const batch of chunks(inserts, 1000)) {
    const result = await db
      .insertInto('guardian_relation')
      .values(
        batch.map((w) => ({
          pupil_id: w.pupilId,
          guardian_id: w.guardianId,
          relation: w.relation,
          parental_responsibility: w.responsibility,
          contact_person_only: !w.responsibility,
          lives_with_child: w.livesWith,
          from_register: true,
        })),
      )
      .executeTakeFirst();
    changed += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  for (const batch of chunks(updates, 1000)) {
    const values = batch.map(
      (w) => sql`(${w.id}::bigint, ${w.relation}::text, ${w.responsibility}::boolean, ${w.livesWith}::boolean)`,
    );
    const result = await sql`
      update guardian_relation as g set relation = v.rel, parental_responsibility = v.resp,
        contact_person_only = not v.resp, lives_with_child = v.lives, from_register = true
      from (values ${sql.join(values)}) as v(id, rel, resp, lives)
      where g.id = v.id`.execute(db);
    changed += Number(result.numAffectedRows ?? 0);
  }
  for (const batch of chunks(deletes)) {
    const result = await db.deleteFrom('guardian_relation').where('id', 'in', batch).executeTakeFirst();
    changed += Number(result.numDeletedRows);
  }
  return { changed, unknown };
}

/**
 * One report row per change and school: a pupil's change goes to the schools the pupil attends (now or from a
 * later date), a guardian's to their children's schools; a change that concerns no school is kept with none.
 */
async function storeReport(db: Db, runId: number, changes: Change[], today: string): Promise<number> {
  if (!changes.length) return 0;
  const personIds = [...new Set(changes.filter((c) => c.pupilId === null).map((c) => c.personId))];
  const childrenOf = new Map<number, number[]>();
  for (const batch of chunks(personIds)) {
    const rows = await db
      .selectFrom('guardian_relation')
      .select(['guardian_id', 'pupil_id'])
      .where('guardian_id', 'in', batch)
      .execute();
    for (const r of rows)
      childrenOf.set(Number(r.guardian_id), [...(childrenOf.get(Number(r.guardian_id)) ?? []), Number(r.pupil_id)]);
  }
  const pupilIds = [...new Set([...changes.map((c) => c.pupilId ?? c.personId), ...[...childrenOf.values()].flat()])];
  const schoolsOf = new Map<number, Set<number>>();
  for (const batch of chunks(pupilIds)) {
    const rows = await db
      .selectFrom('enrolment')
      .select(['pupil_id', 'school_id'])
      .where('pupil_id', 'in', batch)
      .where(notEndedBy('enrolment', today))
      .execute();
    for (const r of rows) {
      const set = schoolsOf.get(Number(r.pupil_id)) ?? new Set<number>();
      set.add(Number(r.school_id));
      schoolsOf.set(Number(r.pupil_id), set);
    }
  }
  const rows: {
    run_id: number;
    school_id: number | null;
    kind: FregChangeKind;
    person_id: number;
    pupil_id: number | null;
    details: string;
  }[] = [];
  for (const c of changes) {
    const targets: { pupil: number | null; school: number }[] = [];
    const pupils =
      c.pupilId !== null ? [c.pupilId] : schoolsOf.has(c.personId) ? [c.personId] : (childrenOf.get(c.personId) ?? []);
    for (const pupil of pupils) for (const school of schoolsOf.get(pupil) ?? []) targets.push({ pupil, school });
    const base = { run_id: runId, kind: c.kind, person_id: c.personId, details: JSON.stringify(c.details) };
    if (!targets.length) rows.push({ ...base, school_id: null, pupil_id: c.pupilId });
    for (const t of targets) rows.push({ ...base, school_id: t.school, pupil_id: t.pupil });
  }
  for (const batch of chunks(rows, 1000)) await db.insertInto('freg_change').values(batch).execute();
  return rows.length;
}
