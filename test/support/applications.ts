import type { Insertable } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import type { ApplicationTable, ApplicationStatus, LeaveApplicationTable } from '../../src/db/schema.ts';

/** A leave application as one flat row (the common `application` columns and the `leave_application` details). */
export type LeaveRow = Omit<Insertable<ApplicationTable>, 'kind' | 'id'> &
  Omit<Insertable<LeaveApplicationTable>, 'application_id'>;

/** Writes a leave application straight to the tables (the guardian side or the school side is another test); its id. */
export async function insertLeaveApplication(db: Db, row: LeaveRow): Promise<number> {
  const {
    reason,
    from_date,
    to_date,
    school_days,
    justification,
    rules_confirmed_at,
    granted_from,
    granted_to,
    granted_days,
    ...common
  } = row;
  const { id } = await db
    .insertInto('application')
    .values({ ...common, kind: 'leave' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('leave_application')
    .values({
      application_id: id,
      reason,
      from_date,
      to_date,
      school_days,
      justification,
      rules_confirmed_at,
      granted_from,
      granted_to,
      granted_days,
    })
    .execute();
  return id;
}

/** One leave application as a flat row. */
export function leaveApplication(db: Db, id: number) {
  return db
    .selectFrom('application as a')
    .innerJoin('leave_application as l', 'l.application_id', 'a.id')
    .selectAll('a')
    .selectAll('l')
    .where('a.id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Sets the status (and what was granted) of a leave application. */
export async function setLeaveStatus(
  db: Db,
  id: number,
  status: ApplicationStatus,
  granted: { granted_from?: string; granted_to?: string; granted_days?: number } = {},
) {
  await db.updateTable('application').set({ status }).where('id', '=', id).execute();
  if (Object.keys(granted).length)
    await db.updateTable('leave_application').set(granted).where('application_id', '=', id).execute();
}

/** Deletes these applications (default: every one) with their confirmations, letters' links and details. */
export async function deleteApplications(db: Db, ids?: number[]) {
  if (ids?.length === 0) return;
  await db
    .deleteFrom('application_document')
    .$if(ids !== undefined, (q) => q.where('application_id', 'in', ids!))
    .execute();
  await db
    .deleteFrom('application_confirmation')
    .$if(ids !== undefined, (q) => q.where('application_id', 'in', ids!))
    .execute();
  await db
    .deleteFrom('leave_application')
    .$if(ids !== undefined, (q) => q.where('application_id', 'in', ids!))
    .execute();
  await db
    .deleteFrom('application')
    .$if(ids !== undefined, (q) => q.where('id', 'in', ids!))
    .execute();
}
