import type { Db } from '../../db/database.ts';
import type { ApplicationKind, ApplicationStatus } from '../../db/schema.ts';
import { actorName, todayInOslo, type Actor } from '../access/actor.ts';
import { guardiansWithAccess } from '../guardian/guardians.ts';
import { enqueueNotifications } from '../notifications/outbox.ts';
import { deciderIds } from './deciders.ts';
import { APPLICATION_KINDS } from './kinds.ts';
import { eventFieldsOf, eventKey, eventType } from './notify.ts';

/** An application as sending and submitting see it. */
export interface SentApplication {
  id: number;
  kind: ApplicationKind;
  pupilId: number;
  schoolId: number;
  sfoId: number | null;
}

/** The common row of a new application (status awaiting_guardians until sendApplication moves it); its id. */
export async function insertApplication(
  trx: Db,
  app: Omit<SentApplication, 'id'> & { applicantId: number },
  now: Date,
): Promise<number> {
  const { id } = await trx
    .insertInto('application')
    .values({
      kind: app.kind,
      pupil_id: app.pupilId,
      school_id: app.schoolId,
      sfo_id: app.sfoId,
      applicant_id: app.applicantId,
      status: 'awaiting_guardians',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * A new application (common row and the kind's details saved) goes its way: with another guardian holding parental
 * responsibility it waits for their confirmation (DOMAIN-FACTS §4: both must agree), and they are asked; else it is
 * submitted at once. Call it in the application's transaction.
 */
export async function sendApplication(
  trx: Db,
  app: SentApplication,
  actor: Actor,
  now: Date,
): Promise<Extract<ApplicationStatus, 'awaiting_guardians' | 'submitted'>> {
  const others = (await guardiansWithAccess(trx, app.pupilId)).filter((g) => g.personId !== actor.personId);
  const fields = await eventFieldsOf(trx, app.kind, app.id);
  if (others.length === 0) {
    await submitApplication(trx, app, fields, now);
    return 'submitted';
  }
  await trx
    .insertInto('application_confirmation')
    .values(others.map((g) => ({ application_id: app.id, guardian_id: g.personId })))
    .execute();
  await enqueueNotifications(
    trx,
    others.map((g) => ({
      recipientPersonId: g.personId,
      category: APPLICATION_KINDS[app.kind].category,
      eventType: eventType(app.kind, 'confirmation_requested'),
      schoolId: app.schoolId,
      pupilId: app.pupilId,
      payload: { applicationId: app.id, applicantName: actorName(actor), ...fields },
      idempotencyKey: eventKey(app.kind, app.id, 'confirm', g.personId),
    })),
  );
  return 'awaiting_guardians';
}

/** The application goes to its deciders: status submitted, and they are told (S8's queue). */
export async function submitApplication(
  trx: Db,
  app: SentApplication,
  fields: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('application')
    .set({ status: 'submitted', submitted_at: now })
    .where('id', '=', app.id)
    .execute();
  const deciders = await deciderIds(trx, APPLICATION_KINDS[app.kind].decider, app, todayInOslo(now));
  await enqueueNotifications(
    trx,
    deciders.map((id) => ({
      recipientPersonId: id,
      category: APPLICATION_KINDS[app.kind].category,
      eventType: eventType(app.kind, 'submitted'),
      schoolId: app.schoolId,
      pupilId: app.pupilId,
      payload: { applicationId: app.id, ...fields },
      idempotencyKey: eventKey(app.kind, app.id, 'submitted', id),
    })),
  );
}
