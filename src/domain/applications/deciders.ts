import type { Db } from '../../db/database.ts';
import { activeOn } from '../period.ts';
import type { StaffRole } from '../../db/schema.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import type { ApplicationPlace, DeciderRule } from '../access/policy.ts';

const ROLE: Record<DeciderRule, StaffRole> = { school_leadership: 'leadership', sfo_leader: 'sfo_leader' };

/**
 * The staff role in which this actor decides under the rule at the place (the audit's role): the rule's own role, or
 * 'leadership' when the school's leadership decides an SFO application without leading that SFO.
 */
export function deciderRole(rule: DeciderRule, actor?: Actor, place?: ApplicationPlace): StaffRole {
  if (rule === 'sfo_leader' && actor && place) {
    const leads = grantIds(actor, ['sfo_leader'], (g) => [g.sfoId]).includes(place.sfoId ?? -1);
    if (!leads) return 'leadership';
  }
  return ROLE[rule];
}

/** Today's staff memberships that decide under the rule at the place (the school's leadership, or the SFO's leader). */
function deciding(db: Db, rule: DeciderRule, place: ApplicationPlace, today: string) {
  return db
    .selectFrom('staff_membership')
    .where('role', '=', ROLE[rule])
    .where((eb) =>
      rule === 'school_leadership' ? eb('school_id', '=', place.schoolId) : eb('sfo_id', '=', place.sfoId ?? -1),
    )
    .where(activeOn('staff_membership', today));
}

/** The people told that an application waits for them (S8's queue). */
export async function deciderIds(db: Db, rule: DeciderRule, place: ApplicationPlace, today: string): Promise<number[]> {
  const rows = await deciding(db, rule, place, today).select('person_id').distinct().execute();
  // An SFO without a leader now: its school's leadership, who decide its applications too, is told instead.
  if (rows.length === 0 && rule === 'sfo_leader') return deciderIds(db, 'school_leadership', place, today);
  return rows.map((r) => r.person_id);
}

/** The decider's title where they decide (e.g. "Rektor"), for the vedtak's signature. */
export async function deciderTitle(
  db: Db,
  actor: Actor,
  rule: DeciderRule,
  place: ApplicationPlace,
  today: string,
): Promise<string | null> {
  const row = await deciding(db, rule, place, today)
    .select('title')
    .where('person_id', '=', actor.personId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  // The school's leadership also decides SFO applications (canDecideApplication): then their title there.
  if (!row && rule === 'sfo_leader') return deciderTitle(db, actor, 'school_leadership', place, today);
  return row?.title ?? null;
}
