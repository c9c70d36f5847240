import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import type { CareFacts } from '../access/care-facts.ts';
import type { PupilFacts } from '../access/pupil-facts.ts';
import { careReachOf, reachOf } from '../access/policy.ts';
import { recordAudit, type StaffReadAction } from '../audit.ts';

/**
 * D9: a staff member read a child's data — its absence, its message book or a thread in it, an application about it.
 * One audit row per page view, with the child as the subject and the capacities the reader had (as the pupil card
 * records), so the guardians and the pupil see it in My data. Called by the domain function a page's GET uses, never by
 * the re-render after a form (the write is audited already).
 */
export async function recordStaffRead(
  db: Db,
  actor: Actor,
  child: { pupil: PupilFacts } | { care: CareFacts },
  action: StaffReadAction,
  record: { type: string; id: number },
  details?: Record<string, unknown>,
): Promise<void> {
  const [subject, reach] =
    'pupil' in child
      ? [child.pupil.pupilId, reachOf(actor, child.pupil)]
      : [child.care.childId, careReachOf(actor, child.care)];
  await recordAudit(db, {
    actor,
    role: [...reach].join(',') || null,
    action,
    subjectPersonId: subject,
    record,
    details,
  });
}
