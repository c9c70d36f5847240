import { FreeText } from '../text.ts';
import * as v from 'valibot';
import type { Db } from '../../db/database.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import { enqueueNotifications, leadershipIdsForSchool, type NewNotification } from '../notifications/outbox.ts';
import { activeOn } from '../period.ts';
import type { Checked } from '../result.ts';

export interface AddressReportInput {
  whatIsWrong: string;
  correctAddress: string;
}

export type AddressReportErrors = Partial<Record<'what' | 'correct', 'what' | 'correct'>>;

const What = FreeText(1000, 1);
const Correct = FreeText(300);

export function parseAddressReport(
  input: AddressReportInput,
): Checked<{ whatIsWrong: string; correctAddress: string | null }, AddressReportErrors> {
  const what = v.safeParse(What, input.whatIsWrong);
  const correct = v.safeParse(Correct, input.correctAddress);
  if (!what.success || !correct.success) {
    return {
      ok: false,
      errors: { ...(what.success ? {} : { what: 'what' }), ...(correct.success ? {} : { correct: 'correct' }) },
    };
  }
  return { ok: true, values: { whatIsWrong: what.output, correctAddress: correct.output || null } };
}

/** Schools where the guardian has an active child through an unblocked relation, with one such child each. */
export async function schoolsOfGuardian(
  db: Db,
  guardianId: number,
  today = todayInOslo(),
): Promise<{ schoolId: number; pupilId: number }[]> {
  const rows = await db
    .selectFrom('guardian_relation as g')
    .innerJoin('enrolment as e', 'e.pupil_id', 'g.pupil_id')
    .select(['e.school_id', 'g.pupil_id'])
    .where('g.guardian_id', '=', guardianId)
    .where('g.blocked', '=', false)
    .where('g.contact_person_only', '=', false)
    .where(activeOn('e', today))
    .orderBy('e.school_id')
    .orderBy('g.pupil_id')
    .limit(50)
    .execute();
  const bySchool = new Map<number, number>();
  for (const row of rows) if (!bySchool.has(row.school_id)) bySchool.set(row.school_id, row.pupil_id);
  return [...bySchool].map(([schoolId, pupilId]) => ({ schoolId, pupilId }));
}

/**
 * "The address Folkeregisteret has for me is wrong": stores the report and tells the leadership of each
 * school of the guardian's children, in one transaction. A strictly confidential address is never passed
 * on, so the correct address is dropped for such a guardian. No school (no active child) → 404.
 */
export async function reportWrongAddress(
  db: Db,
  actor: Actor,
  input: { whatIsWrong: string; correctAddress: string | null },
  today = todayInOslo(),
  now = new Date(),
): Promise<{ reportId: number; notified: number }> {
  if (actor.via !== 'idporten') throw new NotFoundError();
  return db.transaction().execute(async (trx) => {
    const schools = await schoolsOfGuardian(trx, actor.personId, today);
    if (schools.length === 0) throw new NotFoundError();
    const person = await trx
      .selectFrom('person')
      .select('address_protection')
      .where('id', '=', actor.personId)
      .executeTakeFirstOrThrow();
    const correctAddress = person.address_protection === 'strengt_fortrolig' ? null : input.correctAddress;
    const report = await trx
      .insertInto('address_report')
      .values({
        person_id: actor.personId,
        what_is_wrong: input.whatIsWrong,
        correct_address: correctAddress,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const notifications: NewNotification[] = [];
    for (const { schoolId, pupilId } of schools) {
      for (const recipient of await leadershipIdsForSchool(trx, schoolId, today)) {
        notifications.push({
          recipientPersonId: recipient,
          category: 'contact',
          eventType: 'address.reported',
          schoolId,
          pupilId,
          payload: { reportId: report.id, guardianId: actor.personId },
          idempotencyKey: `address.reported:${report.id}:${schoolId}:${recipient}`,
        });
      }
    }
    await enqueueNotifications(trx, notifications);
    await recordAudit(
      trx,
      {
        actor,
        role: 'guardian',
        action: 'address.report',
        subjectPersonId: actor.personId,
        record: { type: 'address_report', id: report.id },
        details: {
          fields: correctAddress ? ['what_is_wrong', 'correct_address'] : ['what_is_wrong'],
          schools: schools.length,
        },
      },
      now,
    );
    return { reportId: report.id, notified: notifications.length };
  });
}
