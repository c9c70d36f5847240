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
