import type { Db } from '../../db/database.ts';
import { actorName, todayInOslo, type Actor } from '../access/actor.ts';
import { activeOn } from '../period.ts';
import { notifyConsentChanges } from './notify.ts';

/**
 * Part of withdrawing the general consent (general.ts): this guardian's "given" answers become unanswered,
 * each with a history row (reason general_withdrawn) and a notice to the contact teachers. Bounded by the
 * guardian's children × consent types; a fixed number of queries plus one per child for its teachers.
 */
export async function clearGivenAnswersOnWithdrawal(trx: Db, actor: Actor, now: Date): Promise<void> {
  const cleared = await trx
    .deleteFrom('consent_answer')
    .where('guardian_id', '=', actor.personId)
    .where('state', '=', 'given')
    .returning(['pupil_id', 'consent_type_id'])
    .execute();
  if (cleared.length === 0) return;
  const events = await trx
    .insertInto('consent_event')
    .values(
      cleared.map((c) => ({
        at: now,
        pupil_id: c.pupil_id,
        guardian_id: actor.personId,
        consent_type_id: c.consent_type_id,
        changed_by: actor.personId,
        from_state: 'given' as const,
        to_state: 'unanswered' as const,
        reason: 'general_withdrawn' as const,
      })),
    )
    .returning(['id', 'pupil_id', 'consent_type_id'])
    .execute();
  const types = await trx
    .selectFrom('consent_type')
    .select(['id', 'key', 'name_nb', 'name_nn', 'name_en', 'applies_to'])
    .where('id', 'in', [...new Set(cleared.map((c) => c.consent_type_id))])
    .execute();
  const today = todayInOslo(now);
  const schools = await trx
    .selectFrom('enrolment')
    .select(['pupil_id', 'school_id'])
    .where('pupil_id', 'in', [...new Set(cleared.map((c) => c.pupil_id))])
    .where(activeOn('enrolment', today))
    .execute();
  await notifyConsentChanges(
    trx,
    events.map((e) => {
      const type = types.find((t) => t.id === e.consent_type_id)!;
      return {
        eventId: e.id,
        pupilId: e.pupil_id,
        schoolId: schools.find((s) => s.pupil_id === e.pupil_id)?.school_id ?? null,
        kindergarten: type.applies_to === 'kindergarten',
        guardianName: actorName(actor),
        typeKey: type.key,
        typeName: { nb: type.name_nb, nn: type.name_nn, en: type.name_en },
        from: 'given' as const,
        to: 'unanswered' as const,
      };
    }),
    now,
  );
}
