import type { Db } from '../../db/database.ts';
import type { EnrolmentEndReason } from '../../db/schema.ts';
import { parseDate } from '../../i18n/index.ts';
import type { Actor } from '../access/actor.ts';
import { officeRoleOf } from '../access/policy.ts';
import { requireManagedClass, type ManagedClass } from '../access/scope.ts';
import { recordAudit } from '../audit.ts';
import { isActiveOn, notEndedBy } from '../period.ts';
import type { Invalid, Ok } from '../result.ts';

/**
 * Enrolment by the school office: admit a pupil to a class from a date, move them to another class from a date (the
 * old enrolment ends the day before), end an enrolment with a reason. A pupil never has two enrolments that overlap:
 * the domain refuses with a field error, and a partial unique index (migration 0017) backs it for open ones.
 */

export interface EnrolledPupil {
  enrolmentId: number;
  pupilId: number;
  givenName: string;
  familyName: string;
  startsOn: string;
  endsOn: string | null;
  /** Enrolled today (else from a later date). */
  active: boolean;
}

/** The pupils of a class today and those admitted from a later date (notEndedBy), by name. */
export async function listClassPupils(db: Db, classId: number, today: string): Promise<EnrolledPupil[]> {
  const rows = await db
    .selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.pupil_id')
    .select(['e.id', 'e.pupil_id', 'p.given_name', 'p.family_name', 'e.starts_on', 'e.ends_on'])
    .where('e.class_id', '=', classId)
    .where(notEndedBy('e', today))
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    enrolmentId: r.id,
    pupilId: r.pupil_id,
    givenName: r.given_name,
    familyName: r.family_name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    active: isActiveOn(r, today),
  }));
}

/** The open classes of the same school and year a pupil can be moved to. */
export async function listMoveTargets(db: Db, cls: ManagedClass) {
  return db
    .selectFrom('class')
    .select(['id', 'name', 'trinn'])
    .where('school_id', '=', cls.school.id)
    .where('school_year_id', '=', cls.schoolYear.id)
    .where('closed_on', 'is', null)
    .where('id', '<>', cls.id)
    .orderBy('trinn')
    .orderBy('name')
    .execute();
}

export type AdmitErrors = {
  personId?: 'required' | 'not_found' | 'already_enrolled';
  startsOn?: 'date' | 'outside_year';
  class?: 'closed';
};

/** The pupil's enrolments (other than `exceptId`) that have not ended by `day`: any one blocks a new one from `day`. */
async function overlapping(db: Db, pupilId: number, day: string, exceptId?: number) {
  return db
    .selectFrom('enrolment as e')
    .select('e.id')
    .where('e.pupil_id', '=', pupilId)
    .where(notEndedBy('e', day))
    .$if(exceptId !== undefined, (q) => q.where('e.id', '<>', exceptId!))
    .executeTakeFirst();
}

const inYear = (cls: ManagedClass, day: string) =>
  isActiveOn({ starts_on: cls.schoolYear.startsOn, ends_on: cls.schoolYear.endsOn }, day);

/** The pupil's person row, locked for the transaction: two admissions of one pupil run one after the other. */
const lockPerson = (db: Db, personId: number) =>
  db.selectFrom('person').select(['id', 'fodselsnummer']).where('id', '=', personId).forUpdate().executeTakeFirst();

const lockOpenClass = async (db: Db, classId: number) =>
  (await db.selectFrom('class').select(['id', 'closed_on']).where('id', '=', classId).forUpdate().executeTakeFirst())
    ?.closed_on === null;

/** Admits a person (from the register: with a fødselsnummer) to an open class from a day in its school year. */
export async function admitPupil(
  db: Db,
  actor: Actor,
  cls: ManagedClass,
  input: { personId: string; startsOn: string },
  now = new Date(),
): Promise<Ok<{ enrolmentId: number }> | Invalid<AdmitErrors>> {
  const errors: AdmitErrors = {};
  const personId = /^\d{1,12}$/.test(input.personId.trim()) ? Number(input.personId.trim()) : null;
  if (personId === null) errors.personId = 'required';
  const startsOn = parseDate(input.startsOn);
  if (!startsOn) errors.startsOn = 'date';
  else if (!inYear(cls, startsOn)) errors.startsOn = 'outside_year';
  if (cls.closedOn !== null) errors.class = 'closed';
  if (Object.keys(errors).length || personId === null || !startsOn) return { ok: false, errors };
  return db.transaction().execute(async (trx) => {
    const person = await lockPerson(trx, personId);
    if (!person?.fodselsnummer) return { ok: false, errors: { personId: 'not_found' } } as const;
    if (!(await lockOpenClass(trx, cls.id))) return { ok: false, errors: { class: 'closed' } } as const;
    if (await overlapping(trx, personId, startsOn))
      return { ok: false, errors: { personId: 'already_enrolled' } } as const;
    const row = await trx
      .insertInto('enrolment')
      .values({ pupil_id: personId, school_id: cls.school.id, class_id: cls.id, starts_on: startsOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actor,
        role: officeRoleOf(actor, cls.school.id),
        action: 'enrolment.admit',
        subjectPersonId: personId,
        record: { type: 'enrolment', id: row.id },
        details: { classId: cls.id, startsOn },
      },
      now,
    );
    return { ok: true, enrolmentId: row.id } as const;
  });
}

export interface ManagedEnrolment {
  id: number;
  pupil_id: number;
  school_id: number;
  class_id: number;
  starts_on: string;
  ends_on: string | null;
}

export type MoveErrors = {
  classId?: 'required' | 'closed';
  on?: 'date' | 'not_after_start' | 'outside_year' | 'ended';
};

/** The day before `day` (yyyy-mm-dd). */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Moves a pupil to another open class of the same school from a day: the old enrolment ends the day before
 * ('class_change'), the new one starts that day and runs as long as the old one would have. Audited once.
 */
export async function movePupil(
  db: Db,
  actor: Actor,
  enrolment: ManagedEnrolment,
  input: { classId: string; on: string },
  now = new Date(),
): Promise<Ok<{ enrolmentId: number; classId: number }> | Invalid<MoveErrors>> {
  const errors: MoveErrors = {};
  const classId = /^\d{1,12}$/.test(input.classId.trim()) ? Number(input.classId.trim()) : 0;
  let target: ManagedClass | undefined;
  if (!classId || classId === enrolment.class_id) errors.classId = 'required';
  else {
    target = await requireManagedClass(db, actor, classId).catch(() => undefined);
    if (!target || target.school.id !== enrolment.school_id) errors.classId = 'required';
    else if (target.closedOn !== null) errors.classId = 'closed';
  }
  const on = parseDate(input.on);
  if (!on) errors.on = 'date';
  else if (on <= enrolment.starts_on) errors.on = 'not_after_start';
  else if (enrolment.ends_on !== null && on > enrolment.ends_on) errors.on = 'ended';
  else if (target && !inYear(target, on)) errors.on = 'outside_year';
  if (Object.keys(errors).length || !target || !on) return { ok: false, errors };
  const to = target;
  return db.transaction().execute(async (trx) => {
    await lockPerson(trx, enrolment.pupil_id);
    if (!(await lockOpenClass(trx, to.id))) return { ok: false, errors: { classId: 'closed' } } as const;
    const endsOld = dayBefore(on);
    await trx
      .updateTable('enrolment')
      .set({ ends_on: endsOld, end_reason: 'class_change' })
      .where('id', '=', enrolment.id)
      .execute();
    const row = await trx
      .insertInto('enrolment')
      .values({
        pupil_id: enrolment.pupil_id,
        school_id: to.school.id,
        class_id: to.id,
        starts_on: on,
        ends_on: enrolment.ends_on,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actor,
        role: officeRoleOf(actor, to.school.id),
        action: 'enrolment.move',
        subjectPersonId: enrolment.pupil_id,
        record: { type: 'enrolment', id: row.id },
        details: { fromEnrolmentId: enrolment.id, fromClassId: enrolment.class_id, toClassId: to.id, on },
      },
      now,
    );
    return { ok: true, enrolmentId: row.id, classId: to.id } as const;
  });
}

export const END_REASONS = ['moved', 'changed_school', 'finished'] as const satisfies EnrolmentEndReason[];
export type EndReason = (typeof END_REASONS)[number];

export type EndErrors = {
  endsOn?: 'date' | 'before_start';
  reason?: 'required' | 'finished_needs_10';
};

/**
 * Ends an enrolment on its last day with a reason: the pupil moved, changed school, or finished 10. trinn. From the day
 * after, every scoped query (they all use the period rule) leaves the pupil out: the guardians' view, every list, every
 * teacher's reach; leadership and the school owner keep the archive. Audited.
 */
export async function endEnrolment(
  db: Db,
  actor: Actor,
  enrolment: ManagedEnrolment,
  cls: ManagedClass,
  input: { endsOn: string; reason: string },
  now = new Date(),
): Promise<Ok | Invalid<EndErrors>> {
  const errors: EndErrors = {};
  const endsOn = parseDate(input.endsOn);
  if (!endsOn) errors.endsOn = 'date';
  else if (endsOn < enrolment.starts_on) errors.endsOn = 'before_start';
  const reason = END_REASONS.find((r) => r === input.reason);
  if (!reason) errors.reason = 'required';
  else if (reason === 'finished' && cls.trinn !== 10) errors.reason = 'finished_needs_10';
  if (Object.keys(errors).length || !endsOn || !reason) return { ok: false, errors };
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('enrolment')
      .set({ ends_on: endsOn, end_reason: reason })
      .where('id', '=', enrolment.id)
      .execute();
    await recordAudit(
      trx,
      {
        actor,
        role: officeRoleOf(actor, cls.school.id),
        action: 'enrolment.end',
        subjectPersonId: enrolment.pupil_id,
        record: { type: 'enrolment', id: enrolment.id },
        details: { classId: cls.id, endsOn, reason, before: enrolment.ends_on },
      },
      now,
    );
  });
  return { ok: true };
}
