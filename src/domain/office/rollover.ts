import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { officeRoleOf } from '../access/policy.ts';
import { STARTER_TRINN } from '../access/pupil-facts.ts';
import type { ManagedSchool } from '../access/scope.ts';
import { recordAudit } from '../audit.ts';
import { notEndedBy } from '../period.ts';
import type { Invalid, Ok, Refused } from '../result.ts';
import { checkText, type TextError } from '../text.ts';
import { listSchoolYears, type SchoolYearOption } from './classes.ts';

/**
 * The year rollover of one school (D8, S11), run by its office: every open class of the year gets a class one trinn up
 * in the next school year (created for the school owner when missing), every pupil enrolled to the year's end goes
 * with their class (the old enrolment ends on the year's last day, 'class_change'; the new one starts on the next
 * year's first day), and 10. trinn leaves ('finished'). The office may rename a proposed class, place a pupil in
 * another one or leave them out (their enrolment is left as it is, for the office to move or end by hand). One
 * transaction; a school whose next year already has classes is refused, so a second apply changes nothing.
 */

export interface NextYear {
  /** Null when the school owner has no such year yet: apply creates it. */
  id: number | null;
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface ProposedClass {
  fromClassId: number;
  fromName: string;
  /** The trinn in the next year (one up). */
  trinn: number;
  name: string;
}

export interface RolloverPupil {
  enrolmentId: number;
  pupilId: number;
  givenName: string;
  familyName: string;
  fromClassId: number;
  fromClassName: string;
}

export interface RolloverProposal {
  from: SchoolYearOption;
  to: NextYear;
  classes: ProposedClass[];
  /** Pupils going one trinn up, by class and name. */
  pupils: RolloverPupil[];
  /** 10. trinn: their enrolment ends on the year's last day, 'finished'. */
  leavers: RolloverPupil[];
  /**
   * The next year already has classes above 1. trinn at this school: the rollover is done (or was made by hand). Its
   * 1. trinn classes alone (the skolestartere admitted before the summer) are not.
   */
  done: boolean;
}

const DAY_MS = 86_400_000;
const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, days: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** The usual skolerute frame (as the seed makes it): the third Monday of August to the Friday nearest 19 June. */
export function schoolYearDates(startYear: number): Omit<NextYear, 'id'> {
  const first = `${startYear}-08-01`;
  const startsOn = addDays(first, ((8 - weekday(first)) % 7) + 14);
  const june = `${startYear + 1}-06-19`;
  const offset = 5 - weekday(june);
  return { name: `${startYear}–${startYear + 1}`, startsOn, endsOn: addDays(june, offset > 3 ? offset - 7 : offset) };
}

/** "5A" → "6A" when the name starts with the trinn; any other name stays. */
export function nextClassName(name: string, trinn: number): string {
  const match = new RegExp(`^${trinn}(?!\\d)(.*)$`).exec(name);
  return match ? `${trinn + 1}${match[1]}` : name;
}

/** The year a rollover starts from: the newest school year that has started by `today` and has classes here. */
async function fromYearOf(db: Db, school: ManagedSchool, today: string) {
  const years = await listSchoolYears(db, school);
  const classes = await db
    .selectFrom('class')
    .select(['school_year_id', 'trinn'])
    .distinct()
    .where('school_id', '=', school.id)
    .execute();
  const withClasses = new Set(classes.map((r) => r.school_year_id));
  // Only a class above 1. trinn comes from a rollover: the office makes next year's 1. trinn classes before the summer
  // to admit the skolestartere (summer SFO, an SFO place from the first school day), and that is no rollover done.
  const rolledInto = new Set(classes.filter((r) => r.trinn > STARTER_TRINN).map((r) => r.school_year_id));
  const from = years.find((y) => y.startsOn <= today && withClasses.has(y.id));
  if (!from) return undefined;
  // Years are newest first: the next one is the last of those that start after this one ends.
  const next = years.filter((y) => y.startsOn > from.endsOn).at(-1);
  const to: NextYear = next ?? { id: null, ...schoolYearDates(Number(from.startsOn.slice(0, 4)) + 1) };
  return { from, to, done: next !== undefined && rolledInto.has(next.id) };
}

/** The rollover as it would be applied without changes; undefined when the school has no year to start from. */
export async function rolloverProposal(
  db: Db,
  school: ManagedSchool,
  today: string,
): Promise<RolloverProposal | undefined> {
  const years = await fromYearOf(db, school, today);
  if (!years) return undefined;
  const { from } = years;
  const classes = await db
    .selectFrom('class')
    .select(['id', 'name', 'trinn'])
    .where('school_id', '=', school.id)
    .where('school_year_id', '=', from.id)
    .where('closed_on', 'is', null)
    .orderBy('trinn')
    .orderBy('name')
    .execute();
  const enrolled = classes.length
    ? await db
        .selectFrom('enrolment as e')
        .innerJoin('person as p', 'p.id', 'e.pupil_id')
        .select(['e.id', 'e.pupil_id', 'e.class_id', 'p.given_name', 'p.family_name'])
        .where(
          'e.class_id',
          'in',
          classes.map((c) => c.id),
        )
        .where(notEndedBy('e', from.endsOn))
        .where('e.starts_on', '<=', from.endsOn)
        // A pupil already placed after this year (admitted by hand) is not moved again.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('enrolment as later')
                .select('later.id')
                .whereRef('later.pupil_id', '=', 'e.pupil_id')
                .where('later.starts_on', '>', from.endsOn),
            ),
          ),
        )
        .orderBy('p.family_name')
        .orderBy('p.given_name')
        .orderBy('e.id')
        .execute()
    : [];
  const byClass = new Map(classes.map((c) => [c.id, c]));
  const pupil = (e: (typeof enrolled)[number]): RolloverPupil => ({
    enrolmentId: e.id,
    pupilId: e.pupil_id,
    givenName: e.given_name,
    familyName: e.family_name,
    fromClassId: e.class_id,
    fromClassName: byClass.get(e.class_id)!.name,
  });
  const order = (a: RolloverPupil, b: RolloverPupil) =>
    classes.findIndex((c) => c.id === a.fromClassId) - classes.findIndex((c) => c.id === b.fromClassId);
  return {
    ...years,
    classes: classes
      .filter((c) => c.trinn < 10)
      .map((c) => ({ fromClassId: c.id, fromName: c.name, trinn: c.trinn + 1, name: nextClassName(c.name, c.trinn) })),
    pupils: enrolled
      .filter((e) => byClass.get(e.class_id)!.trinn < 10)
      .map(pupil)
      .sort(order),
    leavers: enrolled
      .filter((e) => byClass.get(e.class_id)!.trinn === 10)
      .map(pupil)
      .sort(order),
  };
}

/** The office's changes: a name per proposed class, a placement per pupil (a proposed class's fromClassId, or 'out'). */
export interface RolloverInput {
  names: Record<number, string>;
  placements: Record<number, string>;
}

export interface RolloverErrors {
  names?: Record<number, TextError | 'taken'>;
  placements?: Record<number, 'choice'>;
}

export const OUT = 'out';
const NAME = { max: 20, required: true } as const;

/** The input the proposal gives unchanged: every class its derived name, every pupil with their class. */
export function proposalInput(proposal: RolloverProposal): RolloverInput {
  return {
    names: Object.fromEntries(proposal.classes.map((c) => [c.fromClassId, c.name])),
    placements: Object.fromEntries(proposal.pupils.map((p) => [p.enrolmentId, String(p.fromClassId)])),
  };
}

function checkInput(proposal: RolloverProposal, input: RolloverInput) {
  const errors: RolloverErrors = {};
  const names = new Map<number, string>();
  const seen = new Set<string>();
  for (const cls of proposal.classes) {
    const name = checkText(input.names[cls.fromClassId] ?? '', NAME);
    if (name.error) (errors.names ??= {})[cls.fromClassId] = name.error;
    else if (seen.has(name.text.toLowerCase())) (errors.names ??= {})[cls.fromClassId] = 'taken';
    seen.add(name.text.toLowerCase());
    names.set(cls.fromClassId, name.text);
  }
  const placements = new Map<number, number | null>();
  for (const pupil of proposal.pupils) {
    const value = (input.placements[pupil.enrolmentId] ?? '').trim();
    const target = proposal.classes.find((c) => String(c.fromClassId) === value);
    if (value === OUT) placements.set(pupil.enrolmentId, null);
    else if (target) placements.set(pupil.enrolmentId, target.fromClassId);
    else (errors.placements ??= {})[pupil.enrolmentId] = 'choice';
  }
  return { errors, names, placements };
}

export interface RolloverDone {
  toYearId: number;
  classes: number;
  moved: number;
  finished: number;
  leftOut: number;
}

/**
 * Applies the (adjusted) proposal in one transaction: the next year (created when missing), its classes, the pupils'
 * enrolments, 10. trinn's ending, one audit row. The school row is locked and the next year checked again inside, so
 * two offices pressing at once roll over once; a school whose next year has classes is refused ('done').
 */
export async function applyRollover(
  db: Db,
  actor: Actor,
  school: ManagedSchool,
  input: RolloverInput,
  today: string,
  now = new Date(),
): Promise<Ok<RolloverDone> | Invalid<RolloverErrors> | Refused<'done' | 'nothing'>> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('school').select('id').where('id', '=', school.id).forUpdate().execute();
    // The pupils' person rows too, as an admission does (enrolments.ts): an admission of one of them elsewhere waits
    // for this transaction and then sees the new enrolment (a field error there), never a unique-index failure here.
    await trx
      .selectFrom('person')
      .select('id')
      .where(
        'id',
        'in',
        trx
          .selectFrom('enrolment as e')
          .select('e.pupil_id')
          .where('e.school_id', '=', school.id)
          .where(notEndedBy('e', today)),
      )
      .orderBy('id')
      .forUpdate()
      .execute();
    const proposal = await rolloverProposal(trx, school, today);
    if (!proposal) return { ok: false, reason: 'nothing' } as const;
    if (proposal.done) return { ok: false, reason: 'done' } as const;
    const { errors, names, placements } = checkInput(proposal, input);
    if (Object.keys(errors).length) return { ok: false, errors } as const;
    const toYearId = proposal.to.id ?? (await ensureYear(trx, school, proposal.to));
    const newClassOf = new Map<number, number>();
    for (const cls of proposal.classes) {
      const row = await trx
        .insertInto('class')
        .values({ school_id: school.id, school_year_id: toYearId, name: names.get(cls.fromClassId)!, trinn: cls.trinn })
        .returning('id')
        .executeTakeFirstOrThrow();
      newClassOf.set(cls.fromClassId, row.id);
    }
    const moving = proposal.pupils.filter((p) => placements.get(p.enrolmentId) != null);
    await endEnrolments(
      trx,
      moving.map((p) => p.enrolmentId),
      proposal.from.endsOn,
      'class_change',
    );
    await endEnrolments(
      trx,
      proposal.leavers.map((p) => p.enrolmentId),
      proposal.from.endsOn,
      'finished',
    );
    if (moving.length)
      await trx
        .insertInto('enrolment')
        .values(
          moving.map((p) => ({
            pupil_id: p.pupilId,
            school_id: school.id,
            class_id: newClassOf.get(placements.get(p.enrolmentId)!)!,
            starts_on: proposal.to.startsOn,
          })),
        )
        .execute();
    const done: RolloverDone = {
      toYearId,
      classes: proposal.classes.length,
      moved: moving.length,
      finished: proposal.leavers.length,
      leftOut: proposal.pupils.length - moving.length,
    };
    await recordAudit(
      trx,
      {
        actor,
        role: officeRoleOf(actor, school.id),
        action: 'school_year.rollover',
        record: { type: 'school', id: school.id },
        details: {
          fromSchoolYearId: proposal.from.id,
          toSchoolYearId: toYearId,
          created: proposal.to.id === null,
          ...done,
        },
      },
      now,
    );
    return { ok: true, ...done } as const;
  });
}

async function ensureYear(db: Db, school: ManagedSchool, year: NextYear): Promise<number> {
  await db
    .insertInto('school_year')
    .values({ municipality_id: school.municipalityId, name: year.name, starts_on: year.startsOn, ends_on: year.endsOn })
    .onConflict((oc) => oc.columns(['municipality_id', 'starts_on']).doNothing())
    .execute();
  const row = await db
    .selectFrom('school_year')
    .select('id')
    .where('municipality_id', '=', school.municipalityId)
    .where('starts_on', '=', year.startsOn)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function endEnrolments(db: Db, ids: number[], endsOn: string, reason: 'class_change' | 'finished') {
  if (ids.length === 0) return;
  await db.updateTable('enrolment').set({ ends_on: endsOn, end_reason: reason }).where('id', 'in', ids).execute();
}

/** What the school's latest rollover did (its audit row), for the receipt after apply. */
export async function lastRollover(db: Db, school: ManagedSchool): Promise<RolloverDone | undefined> {
  const row = await db
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', 'school_year.rollover')
    .where('record_type', '=', 'school')
    .where('record_id', '=', String(school.id))
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const details = typeof row?.details === 'string' ? JSON.parse(row.details) : row?.details;
  return details ? (details as RolloverDone) : undefined;
}

export interface FormerPupil {
  pupilId: number;
  givenName: string;
  familyName: string;
  className: string;
  endsOn: string;
  endReason: string | null;
}

/**
 * The archive (D8): pupils whose last enrolment at the school has ended by `today` and who have none there now or
 * later, newest leavers first. Read-only; a page of `perPage` (one more fetched to know about a next page).
 */
export async function listFormerPupils(
  db: Db,
  school: ManagedSchool,
  today: string,
  window: { limit: number; offset: number },
): Promise<FormerPupil[]> {
  const rows = await db
    .selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.pupil_id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'c.name as class_name', 'e.ends_on', 'e.end_reason'])
    .where('e.school_id', '=', school.id)
    .where('e.ends_on', '<', today)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('enrolment as other')
            .select('other.id')
            .whereRef('other.pupil_id', '=', 'e.pupil_id')
            .where('other.school_id', '=', school.id)
            .where(notEndedBy('other', today)),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('enrolment as later')
            .select('later.id')
            .whereRef('later.pupil_id', '=', 'e.pupil_id')
            .where('later.school_id', '=', school.id)
            .whereRef('later.ends_on', '>', 'e.ends_on'),
        ),
      ),
    )
    .orderBy('e.ends_on', 'desc')
    .orderBy('p.family_name')
    .orderBy('p.id')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
  return rows.map((r) => ({
    pupilId: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    className: r.class_name,
    endsOn: r.ends_on ?? '',
    endReason: r.end_reason,
  }));
}
