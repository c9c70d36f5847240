import type { Db } from '../db/database.ts';
import type { ApplicationKind } from '../db/schema.ts';
import type { Actor } from './access/actor.ts';

/** What the audit log records (D9): who, what, when, about whom, and why. */
export interface AuditEntry {
  actor: Pick<Actor, 'personId' | 'via'> | null;
  /** The capacity the actor acted in, e.g. 'contact_teacher', 'guardian'. */
  role?: string | null;
  action: AuditAction;
  subjectPersonId?: number | null;
  record?: { type: string; id: string | number };
  reason?: string | null;
  details?: Record<string, unknown>;
}

export type AuditAction =
  | StaffReadAction
  | 'care_board.view'
  | 'archive.extract'
  | 'person.update'
  | 'contact_info.update'
  | 'notification_settings.update'
  | 'address.report'
  | 'guardian.block'
  | 'guardian.unblock'
  | 'login'
  | 'logout'
  | 'consent.answer'
  | 'general_consent.give'
  | 'general_consent.withdraw'
  | 'document.download'
  | 'absence.report'
  | 'absence.withdraw'
  | 'absence.documented'
  | 'attendance.register'
  | `${ApplicationKind}.${'apply' | 'confirm' | 'decline' | 'withdraw' | 'decide'}`
  | 'vitnemal_absence.view'
  | 'municipality.settings'
  | 'privacy_statement.update'
  | 'message.send'
  | 'message_thread.create'
  | 'message.inbound'
  | 'broadcast.send'
  | 'news.publish'
  | 'news.delete'
  | 'form.create'
  | 'form.send'
  | 'form.answer'
  | 'form.export'
  | 'letter.dispatch'
  | 'letter.print_batch'
  | 'freg.import'
  | 'freg_report.view'
  | 'class.create'
  | 'class.rename'
  | 'class.close'
  | 'enrolment.admit'
  | 'enrolment.move'
  | 'enrolment.end'
  | 'teaching_group.create'
  | 'teaching_group.update'
  | 'teaching_group.close'
  | 'teaching_group.member_add'
  | 'teaching_group.member_remove'
  | 'staff.grant'
  | 'staff.end'
  | 'lesson.create'
  | 'lesson.update'
  | 'lesson.delete'
  | 'timetable.copy'
  | 'timetable.import'
  | 'staff.import'
  | 'school_year.rollover'
  | 'skolerute.add'
  | 'skolerute.rename'
  | 'skolerute.remove'
  | 'contact_person.add'
  | 'contact_person.update'
  | 'contact_person.remove'
  | 'sfo_invoice.export'
  | 'sfo.settings'
  | 'kindergarten.admit'
  | 'kindergarten.move'
  | 'kindergarten.end'
  | 'kindergarten.department_add'
  | 'kindergarten.staff_add'
  | 'kindergarten.staff_end'
  | 'sfo_offer.create'
  | 'sfo_offer.update'
  | 'sfo_offer.close'
  | 'sfo_reduction.record'
  | 'sfo_reduction.end'
  | 'sfo_summer.save'
  | 'sfo_summer.send'
  | 'sfo_summer.answer'
  | 'care.week'
  | 'care.day_change'
  | 'care.holiday'
  | 'care.pickup_person'
  | 'care.walk_alone'
  | 'care.day_note'
  | 'care_day.check_in'
  | 'care_day.check_out'
  | 'care_day.undo'
  | 'care_day.note';

/**
 * A staff member read a pupil's data (D9): one row per page view, with the pupil as the subject, so the guardians and
 * the pupil see it in My data. Fragments that only refresh a page already read (a reply re-rendering the thread) are
 * not views; neither are the guardians' and pupils' reads of their own data.
 */
export const STAFF_READ_ACTIONS = [
  'pupil_card.view',
  'address.reveal',
  'pupil_absence.view',
  'message_book.view',
  'message_thread.view',
  'application.view',
] as const;
export type StaffReadAction = (typeof STAFF_READ_ACTIONS)[number];

export const isStaffRead = (action: string): action is StaffReadAction =>
  (STAFF_READ_ACTIONS as readonly string[]).includes(action);

/** Writes one audit row; pass the transaction when the change it describes runs in one. */
export async function recordAudit(db: Db, entry: AuditEntry, at = new Date()): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at,
      actor_person_id: entry.actor?.personId ?? null,
      actor_role: entry.role ?? null,
      action: entry.action,
      subject_person_id: entry.subjectPersonId ?? null,
      record_type: entry.record?.type ?? null,
      record_id: entry.record ? String(entry.record.id) : null,
      reason: entry.reason ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}

/** The newest entries about one person (bounded), with the actor's name: who has looked at this child. */
export async function listAuditForSubject(db: Db, subjectPersonId: number, limit = 100) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('person as actor', 'actor.id', 'a.actor_person_id')
    .select([
      'a.id',
      'a.at',
      'a.action',
      'a.actor_role',
      'a.reason',
      'a.record_type',
      'a.record_id',
      'actor.given_name',
      'actor.family_name',
    ])
    .where('a.subject_person_id', '=', subjectPersonId)
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(Math.min(limit, 500))
    .execute();
}
