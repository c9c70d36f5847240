import type { Db } from '../../db/database.ts';
import type { ConsentAnswerState } from '../../db/schema.ts';
import { actorName, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import type { AnswerResult } from './child.ts';
import { notifyConsentChanges } from './notify.ts';
import { listConsentTypes } from './types.ts';

/**
 * A guardian gives or refuses one consent for one child (G3). Each guardian answers for themself. Refused
 * while the general consent is not given (locked), for a guardian without parental responsibility, and —
 * for a sub-consent — "given" while the guardian's own answer to the parent is not "given". Refusing a
 * parent leaves the sub-answers as they are (they simply do not count, see state.ts).
 * A change writes the answer, a history row, an audit row and a notice to each contact teacher, in one
 * transaction. Answering the same again changes nothing.
 */
export async function answerConsent(
  db: Db,
  actor: Actor,
  child: GuardianChild,
  typeKey: string,
  state: ConsentAnswerState,
  now = new Date(),
): Promise<AnswerResult> {
  const types = await listConsentTypes(db, child.municipalityId, child.schoolId);
  const type = types.find((t) => t.key === typeKey);
  if (!type) throw new NotFoundError();
  const parent = types.find((t) => t.id === type.parentId) ?? null;

  return db.transaction().execute(async (trx): Promise<AnswerResult> => {
    const general = await trx
      .selectFrom('general_consent')
      .select('state')
      .where('guardian_id', '=', actor.personId)
      .executeTakeFirst();
    if (general?.state !== 'given') return { ok: false, reason: 'locked' };
    const relation = await trx
      .selectFrom('guardian_relation')
      .select(['parental_responsibility', 'blocked', 'contact_person_only'])
      .where('pupil_id', '=', child.pupilId)
      .where('guardian_id', '=', actor.personId)
      .executeTakeFirst();
    if (!relation || relation.blocked || relation.contact_person_only) throw new NotFoundError();
    if (!relation.parental_responsibility) return { ok: false, reason: 'no_responsibility' };

    const mine = await trx
      .selectFrom('consent_answer')
      .select(['consent_type_id', 'state'])
      .where('pupil_id', '=', child.pupilId)
      .where('guardian_id', '=', actor.personId)
      .where('consent_type_id', 'in', parent ? [type.id, parent.id] : [type.id])
      .forUpdate()
      .execute();
    if (state === 'given' && parent && mine.find((a) => a.consent_type_id === parent.id)?.state !== 'given') {
      return { ok: false, reason: 'parent_not_given', type, parent };
    }
    const from = mine.find((a) => a.consent_type_id === type.id)?.state ?? 'unanswered';
    if (from === state) return { ok: true, changed: false };

    await trx
      .insertInto('consent_answer')
      .values({
        pupil_id: child.pupilId,
        guardian_id: actor.personId,
        consent_type_id: type.id,
        state,
        answered_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['pupil_id', 'guardian_id', 'consent_type_id']).doUpdateSet({ state, answered_at: now }),
      )
      .execute();
    const event = await trx
      .insertInto('consent_event')
      .values({
        at: now,
        pupil_id: child.pupilId,
        guardian_id: actor.personId,
        consent_type_id: type.id,
        changed_by: actor.personId,
        from_state: from,
        to_state: state,
        reason: 'answer',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actor,
        role: 'guardian',
        action: 'consent.answer',
        subjectPersonId: child.pupilId,
        record: { type: 'consent_event', id: event.id },
        details: { consent: type.key, from, to: state },
      },
      now,
    );
    await notifyConsentChanges(
      trx,
      [
        {
          eventId: event.id,
          pupilId: child.pupilId,
          schoolId: child.schoolId,
          guardianName: actorName(actor),
          typeKey: type.key,
          typeName: type.name,
          from,
          to: state,
        },
      ],
      now,
    );
    return { ok: true, changed: true };
  });
}
