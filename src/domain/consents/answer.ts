import type { Db } from '../../db/database.ts';
import type { ConsentAnswerState } from '../../db/schema.ts';
import { actorName, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import type { AnswerResult } from './child.ts';
import { notifyConsentChanges, type ConsentChange } from './notify.ts';
import { consentTypesOf, type ConsentChild, type ConsentTypeInfo } from './types.ts';
import type { Ok, Refused } from '../result.ts';

/** One sub-consent "given" while the guardian's own answer to its parent (after this save) is not "given". */
export interface NestedError {
  type: ConsentTypeInfo;
  parent: ConsentTypeInfo;
}

export type AnswersResult =
  | Ok<{ changed: number }>
  | Refused<'locked'>
  | Refused<'no_responsibility'>
  | (Refused<'parent_not_given'> & { errors: NestedError[] });

/**
 * A guardian gives or refuses one consent for one child (G3); answerConsents for one.
 */
export async function answerConsent(
  db: Db,
  actor: Actor,
  child: ConsentChild,
  typeKey: string,
  state: ConsentAnswerState,
  now = new Date(),
): Promise<AnswerResult> {
  const result = await answerConsents(db, actor, child, { [typeKey]: state }, now);
  if (result.ok) return { ok: true, changed: result.changed > 0 };
  if (result.reason === 'parent_not_given') return { ok: false, reason: result.reason, ...result.errors[0]! };
  return result;
}

/**
 * A guardian answers any of a child's consents at once (G3, issue 19: one page, one save). Each guardian answers for
 * themself. Refused while the general consent is not given (locked), for a guardian without parental responsibility,
 * and — for a sub-consent — a new "given" while the guardian's own answer to the parent *after this save* is not "given"
 * (so the parent and its sub-consent can be given together); then nothing is saved and each such sub-consent is named.
 * Refusing a parent leaves the sub-answers as they are (they simply do not count, see state.ts). Each change writes
 * the answer, a history row and an audit row, and the contact teachers get one notice per change, in one transaction.
 * Answering the same again changes nothing. An unknown consent key: 404.
 */
export async function answerConsents(
  db: Db,
  actor: Actor,
  child: ConsentChild,
  answers: Record<string, ConsentAnswerState>,
  now = new Date(),
): Promise<AnswersResult> {
  const types = await consentTypesOf(db, child);
  const byKey = new Map(types.map((t) => [t.key, t]));
  const byId = new Map(types.map((t) => [t.id, t]));
  const submitted = Object.entries(answers).map(([key, state]) => {
    const type = byKey.get(key);
    if (!type) throw new NotFoundError();
    return { type, state };
  });

  return db.transaction().execute(async (trx): Promise<AnswersResult> => {
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
    if (submitted.length === 0) return { ok: true, changed: 0 };

    const mine = await trx
      .selectFrom('consent_answer')
      .select(['consent_type_id', 'state'])
      .where('pupil_id', '=', child.pupilId)
      .where('guardian_id', '=', actor.personId)
      .forUpdate()
      .execute();
    const before = new Map<number, ConsentAnswerState | 'unanswered'>(mine.map((a) => [a.consent_type_id, a.state]));
    const after = new Map(before);
    for (const { type, state } of submitted) after.set(type.id, state);
    const errors: NestedError[] = submitted.flatMap(({ type, state }) => {
      const parent = type.parentId ? byId.get(type.parentId) : undefined;
      // A sub-answer already "given" and left so is kept as it is when its parent is refused (it does not count).
      const newlyGiven = state === 'given' && before.get(type.id) !== 'given';
      return newlyGiven && parent && after.get(parent.id) !== 'given' ? [{ type, parent }] : [];
    });
    if (errors.length) return { ok: false, reason: 'parent_not_given', errors };

    const changes: ConsentChange[] = [];
    for (const { type, state } of submitted) {
      const from = before.get(type.id) ?? 'unanswered';
      if (from === state) continue;
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
      changes.push({
        eventId: event.id,
        pupilId: child.pupilId,
        schoolId: child.schoolId,
        kindergarten: child.kindergartenId !== undefined,
        guardianName: actorName(actor),
        typeKey: type.key,
        typeName: type.name,
        from,
        to: state,
      });
    }
    if (changes.length) await notifyConsentChanges(trx, changes, now);
    return { ok: true, changed: changes.length };
  });
}
