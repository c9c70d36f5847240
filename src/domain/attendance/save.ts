import type { Db } from '../../db/database.ts';
import type { AttendanceStatus } from '../../db/schema.ts';
import { grantIds, todayInOslo, type Actor } from '../access/actor.ts';
import { calendarDays } from '../calendar/school-days.ts';
import { dateProblem, listMembers, listUnitLessons, type DateProblem, type RegisterUnitInfo } from './register.ts';
import type { Ok, Refused } from '../result.ts';

export interface RegisterInput {
  date: string;
  lessonId: number | null;
  /** pupil id → status, as chosen in the form. */
  statuses: Map<number, AttendanceStatus>;
}

export type SaveProblem = DateProblem | 'lesson' | 'not_member';

export type SaveResult = Ok<{ changed: number }> | Refused<SaveProblem>;

/** The capacity the actor registers in (for the audit log). */
function registerRole(actor: Actor, unit: RegisterUnitInfo): string {
  const pick =
    unit.kind === 'class' ? (g: Actor['staff'][number]) => g.classIds : (g: Actor['staff'][number]) => g.groupIds;
  if (grantIds(actor, ['contact_teacher'], pick).includes(unit.id)) return 'contact_teacher';
  if (grantIds(actor, ['teacher'], pick).includes(unit.id)) return 'teacher';
  return 'leadership';
}

/**
 * Saves the register of a day or a lesson (S4): only a school day, not in the future, at most 30 days back; the
 * lesson must be the unit's on that weekday; only the unit's pupils. One multi-row upsert and one multi-row audit
 * insert (a row per pupil whose status changed), in one transaction: a fixed number of queries whatever the size.
 */
export async function saveRegister(
  db: Db,
  actor: Actor,
  unit: RegisterUnitInfo,
  input: RegisterInput,
  now = new Date(),
): Promise<SaveResult> {
  const { date, lessonId } = input;
  const [days, lessons, members] = await Promise.all([
    calendarDays(db, unit.municipalityId, date, date),
    listUnitLessons(db, unit, date),
    listMembers(db, unit, date),
  ]);
  const problem = dateProblem(date, days.get(date) ?? { kind: 'no_school' }, todayInOslo(now));
  if (problem) return { ok: false, reason: problem };
  if (lessonId !== null && !lessons.some((l) => l.id === lessonId)) return { ok: false, reason: 'lesson' };
  const memberIds = new Set(members.map((m) => m.id));
  const pupilIds = [...input.statuses.keys()];
  if (pupilIds.some((id) => !memberIds.has(id))) return { ok: false, reason: 'not_member' };
  if (pupilIds.length === 0) return { ok: true, changed: 0 };

  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('attendance')
      .select(['pupil_id', 'status'])
      .where('pupil_id', 'in', pupilIds)
      .where('date', '=', date)
      .where((eb) => (lessonId === null ? eb('lesson_id', 'is', null) : eb('lesson_id', '=', lessonId)))
      .forUpdate()
      .execute();
    const previous = new Map(before.map((r) => [r.pupil_id, r.status]));
    // Rows whose status did not change are left alone (and not returned): the returned rows are the changes.
    const changed = await trx
      .insertInto('attendance')
      .values(
        pupilIds.map((pupilId) => ({
          pupil_id: pupilId,
          school_id: unit.schoolId,
          date,
          lesson_id: lessonId,
          status: input.statuses.get(pupilId)!,
          registered_by: actor.personId,
          registered_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['pupil_id', 'date', 'lesson_id'])
          .doUpdateSet((eb) => ({
            status: eb.ref('excluded.status'),
            registered_by: eb.ref('excluded.registered_by'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .whereRef('attendance.status', '<>', 'excluded.status'),
      )
      .returning(['id', 'pupil_id', 'status'])
      .execute();
    if (changed.length) {
      const role = registerRole(actor, unit);
      await trx
        .insertInto('audit_log')
        .values(
          changed.map((row) => ({
            at: now,
            actor_person_id: actor.personId,
            actor_role: role,
            action: 'attendance.register',
            subject_person_id: row.pupil_id,
            record_type: 'attendance',
            record_id: String(row.id),
            details: JSON.stringify({ date, lessonId, from: previous.get(row.pupil_id) ?? null, to: row.status }),
          })),
        )
        .execute();
    }
    return { ok: true as const, changed: changed.length };
  });
}
