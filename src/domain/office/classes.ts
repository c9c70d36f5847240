import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { officeRoleOf } from '../access/policy.ts';
import type { ManagedClass, ManagedSchool } from '../access/scope.ts';
import { recordAudit } from '../audit.ts';
import { activeOn, isActiveOn, notEndedBy } from '../period.ts';
import type { Invalid, Ok } from '../result.ts';
import { checkText, type TextError } from '../text.ts';

/** The school office's classes (basisgrupper) per school year: list, create, rename, close. */

export interface ClassInput {
  name: string;
  trinn: string;
  schoolYearId: string;
}

export interface ClassErrors {
  name?: TextError | 'taken';
  trinn?: 'trinn';
  schoolYearId?: 'year';
}

export interface SchoolYearOption {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
}

/** The school years of the school's owner, newest first. */
export async function listSchoolYears(db: Db, school: ManagedSchool): Promise<SchoolYearOption[]> {
  const rows = await db
    .selectFrom('school_year')
    .select(['id', 'name', 'starts_on', 'ends_on'])
    .where('municipality_id', '=', school.municipalityId)
    .orderBy('starts_on', 'desc')
    .execute();
  return rows.map((y) => ({ id: y.id, name: y.name, startsOn: y.starts_on, endsOn: y.ends_on }));
}

/** The year a list opens on: the one running today, else the next, else the newest. */
export function currentYear(years: SchoolYearOption[], today: string): SchoolYearOption | undefined {
  return (
    years.find((y) => isActiveOn({ starts_on: y.startsOn, ends_on: y.endsOn }, today)) ??
    [...years].reverse().find((y) => y.startsOn > today) ??
    years[0]
  );
}

export interface ClassRow {
  id: number;
  name: string;
  trinn: number;
  closedOn: string | null;
  /** Pupils enrolled today. */
  pupils: number;
}

/** The classes of a school in one school year, by trinn and name, with how many pupils are enrolled today. */
export async function listClasses(db: Db, school: ManagedSchool, schoolYearId: number, today: string) {
  const rows = await db
    .selectFrom('class as c')
    .leftJoin('enrolment as e', (join) => join.onRef('e.class_id', '=', 'c.id').on(activeOn('e', today)))
    .select(['c.id', 'c.name', 'c.trinn', 'c.closed_on'])
    .select((eb) => eb.fn.count<number>('e.id').as('pupils'))
    .where('c.school_id', '=', school.id)
    .where('c.school_year_id', '=', schoolYearId)
    .groupBy(['c.id', 'c.name', 'c.trinn', 'c.closed_on'])
    .orderBy('c.trinn')
    .orderBy('c.name')
    .execute();
  return rows.map(
    (r): ClassRow => ({ id: r.id, name: r.name, trinn: r.trinn, closedOn: r.closed_on, pupils: Number(r.pupils) }),
  );
}

const NAME = { max: 20, required: true } as const;

function parseTrinn(value: string): number | null {
  const text = value.trim();
  return /^(10|[1-9])$/.test(text) ? Number(text) : null;
}

/** Whether another class of the school and year already has the name (names are unique per school and year). */
async function nameTaken(db: Db, schoolId: number, schoolYearId: number, name: string, exceptId?: number) {
  const row = await db
    .selectFrom('class')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('school_year_id', '=', schoolYearId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId!))
    .executeTakeFirst();
  return row !== undefined;
}

/** Creates a class in one of the owner's school years; audited. Nothing is stored when any field is wrong. */
export async function createClass(
  db: Db,
  actor: Actor,
  school: ManagedSchool,
  input: ClassInput,
  now = new Date(),
): Promise<Ok<{ classId: number }> | Invalid<ClassErrors>> {
  const errors: ClassErrors = {};
  const name = checkText(input.name, NAME);
  if (name.error) errors.name = name.error;
  const trinn = parseTrinn(input.trinn);
  if (trinn === null) errors.trinn = 'trinn';
  const years = await listSchoolYears(db, school);
  const year = years.find((y) => String(y.id) === input.schoolYearId.trim());
  if (!year) errors.schoolYearId = 'year';
  if (!errors.name && year && (await nameTaken(db, school.id, year.id, name.text))) errors.name = 'taken';
  if (Object.keys(errors).length || trinn === null || !year) return { ok: false, errors };
  const classId = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('class')
      .values({ school_id: school.id, school_year_id: year.id, name: name.text, trinn })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actor,
        role: officeRoleOf(actor, school.id),
        action: 'class.create',
        record: { type: 'class', id: row.id },
        details: { schoolId: school.id, schoolYearId: year.id, name: name.text, trinn },
      },
      now,
    );
    return row.id;
  });
  return { ok: true, classId };
}

/** Gives a class a new name (unique in its school and year); audited with the old and the new name. */
export async function renameClass(
  db: Db,
  actor: Actor,
  cls: ManagedClass,
  input: { name: string },
  now = new Date(),
): Promise<Ok | Invalid<Pick<ClassErrors, 'name'>>> {
  const name = checkText(input.name, NAME);
  if (name.error) return { ok: false, errors: { name: name.error } };
  if (await nameTaken(db, cls.school.id, cls.schoolYear.id, name.text, cls.id))
    return { ok: false, errors: { name: 'taken' } };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('class').set({ name: name.text }).where('id', '=', cls.id).execute();
    await recordAudit(
      trx,
      {
        actor,
        role: officeRoleOf(actor, cls.school.id),
        action: 'class.rename',
        record: { type: 'class', id: cls.id },
        details: { from: cls.name, to: name.text },
      },
      now,
    );
  });
  return { ok: true };
}

export type CloseError = 'has_pupils' | 'closed';

/**
 * Closes a class: it is no longer offered for admissions or moves. Only when no pupil is enrolled in it today or
 * later (notEndedBy); otherwise a field error, and nothing changes. Audited.
 */
export async function closeClass(
  db: Db,
  actor: Actor,
  cls: ManagedClass,
  today: string,
  now = new Date(),
): Promise<Ok | Invalid<{ close: CloseError }>> {
  if (cls.closedOn !== null) return { ok: false, errors: { close: 'closed' } };
  return db.transaction().execute(async (trx) => {
    // The class row is locked, as an admission into it locks it: no pupil slips in while it closes.
    await trx.selectFrom('class').select('id').where('id', '=', cls.id).forUpdate().execute();
    const enrolled = await trx
      .selectFrom('enrolment as e')
      .select('e.id')
      .where('e.class_id', '=', cls.id)
      .where(notEndedBy('e', today))
      .executeTakeFirst();
    if (enrolled) return { ok: false, errors: { close: 'has_pupils' as const } };
    await trx.updateTable('class').set({ closed_on: today }).where('id', '=', cls.id).execute();
    await recordAudit(
      trx,
      {
        actor,
        role: officeRoleOf(actor, cls.school.id),
        action: 'class.close',
        record: { type: 'class', id: cls.id },
        details: { closedOn: today },
      },
      now,
    );
    return { ok: true as const };
  });
}
