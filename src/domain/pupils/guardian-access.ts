import type { Db } from '../../db/database.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { reachOf } from '../access/policy.ts';
import type { PupilFacts } from '../access/pupil-facts.ts';
import { requireVisiblePupil } from '../access/scope.ts';
import { recordAudit } from '../audit.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { invalidateSessionsForPerson } from '../identity/sessions.ts';

/** Blocking a guardian's access (sperring, S11) is for the leadership of the pupil's current school. */
export function canBlockGuardian(actor: Actor, pupil: PupilFacts): boolean {
  return reachOf(actor, pupil).has('leadership');
}

/**
 * Blocks or unblocks one guardian's access to one pupil. A block takes effect at once: the guardian's
 * sessions end in the same transaction (their access is recomputed on the next login anyway).
 */
export async function setGuardianBlocked(
  db: Db,
  actor: Actor,
  input: { pupilId: number; guardianId: number; blocked: boolean; reason: string },
  today = todayInOslo(),
): Promise<void> {
  const facts = await requireVisiblePupil(db, actor, input.pupilId, today);
  if (!canBlockGuardian(actor, facts)) throw new ForbiddenError();
  if (!facts.guardians.some((g) => g.guardianId === input.guardianId)) throw new NotFoundError();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('guardian_relation')
      .set({ blocked: input.blocked })
      .where('pupil_id', '=', input.pupilId)
      .where('guardian_id', '=', input.guardianId)
      .execute();
    if (input.blocked) await invalidateSessionsForPerson(trx, input.guardianId);
    await recordAudit(trx, {
      actor,
      role: 'leadership',
      action: input.blocked ? 'guardian.block' : 'guardian.unblock',
      subjectPersonId: input.pupilId,
      record: { type: 'guardian_relation', id: `${input.pupilId}:${input.guardianId}` },
      reason: input.reason,
    });
  });
}

/** What the blocking page shows: the pupil, the guardian and whether access is blocked now. */
export interface BlockingTarget {
  pupilId: number;
  pupilName: string;
  guardianId: number;
  guardianName: string;
  blocked: boolean;
}

/**
 * The guardian relation the blocking page is about, for the leadership of the pupil's school only (anyone else, a
 * contact person or another family's guardian: 404).
 */
export async function findBlockingTarget(
  db: Db,
  actor: Actor,
  pupilId: number,
  guardianId: number,
  today = todayInOslo(),
): Promise<BlockingTarget> {
  const facts = await requireVisiblePupil(db, actor, pupilId, today);
  if (!canBlockGuardian(actor, facts)) throw new NotFoundError();
  const row = await db
    .selectFrom('guardian_relation as g')
    .innerJoin('person as p', 'p.id', 'g.guardian_id')
    .innerJoin('person as c', 'c.id', 'g.pupil_id')
    .select([
      'p.given_name',
      'p.family_name',
      'c.given_name as pupil_given',
      'c.family_name as pupil_family',
      'g.blocked',
    ])
    .where('g.pupil_id', '=', pupilId)
    .where('g.guardian_id', '=', guardianId)
    .where('g.contact_person_only', '=', false)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  return {
    pupilId,
    pupilName: `${row.pupil_given} ${row.pupil_family}`,
    guardianId,
    guardianName: `${row.given_name} ${row.family_name}`,
    blocked: row.blocked,
  };
}
