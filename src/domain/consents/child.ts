import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { hasGivenGeneralConsent } from './general.ts';
import { effectiveStates, type ConsentState } from './state.ts';
import { consentTypesOf, type ConsentChild, type ConsentTypeInfo } from './types.ts';
import type { Ok, Refused } from '../result.ts';

export interface GuardianAnswer {
  guardianId: number;
  name: string;
  state: ConsentState;
  answeredAt: Date | null;
}

export interface ChildConsentItem {
  type: ConsentTypeInfo;
  parent: ConsentTypeInfo | null;
  mine: GuardianAnswer;
  /** The other guardians who count (read-only here). */
  others: GuardianAnswer[];
  /** What the school acts on (state.ts). */
  effective: ConsentState;
  /** A sub-consent may be given only while this guardian's own answer to its parent is "given". */
  mayGive: boolean;
}

export interface ConsentHistoryEntry {
  at: Date;
  changedBy: string;
  guardian: string;
  typeId: number;
  from: ConsentState;
  to: ConsentState;
  reason: 'answer' | 'general_withdrawn' | null;
}

export interface ChildConsents {
  /** The general consent is not given: nothing can be answered until it is (G2). */
  locked: boolean;
  /** Only a guardian with parental responsibility answers consents. */
  mayAnswer: boolean;
  items: ChildConsentItem[];
  types: ConsentTypeInfo[];
  history: ConsentHistoryEntry[];
}

/** The guardians whose answers count for a child, with names (bounded), and whether each may answer. */
export async function guardiansOfChild(db: Db, pupilId: number) {
  const rows = await db
    .selectFrom('guardian_relation as g')
    .innerJoin('person as p', 'p.id', 'g.guardian_id')
    .select([
      'g.guardian_id',
      'g.parental_responsibility',
      'g.blocked',
      'g.contact_person_only',
      'p.given_name',
      'p.family_name',
    ])
    .where('g.pupil_id', '=', pupilId)
    .orderBy('p.given_name')
    .limit(20)
    .execute();
  return rows.map((r) => ({
    id: r.guardian_id,
    name: `${r.given_name} ${r.family_name}`,
    counts: r.parental_responsibility && !r.blocked && !r.contact_person_only,
  }));
}

/** The child's consents page for one guardian: every consent, both guardians' answers, the history. Five queries. */
export async function loadChildConsents(db: Db, actor: Actor, child: ConsentChild): Promise<ChildConsents> {
  const locked = !(await hasGivenGeneralConsent(db, actor.personId));
  const types = await consentTypesOf(db, child);
  const guardians = await guardiansOfChild(db, child.pupilId);
  const answers = await db
    .selectFrom('consent_answer')
    .select(['guardian_id', 'consent_type_id', 'state', 'answered_at'])
    .where('pupil_id', '=', child.pupilId)
    .execute();
  const history = await db
    .selectFrom('consent_event as e')
    .leftJoin('person as by', 'by.id', 'e.changed_by')
    .innerJoin('person as g', 'g.id', 'e.guardian_id')
    .select([
      'e.at',
      'e.consent_type_id',
      'e.from_state',
      'e.to_state',
      'e.reason',
      'by.given_name as by_given',
      'by.family_name as by_family',
      'g.given_name',
      'g.family_name',
    ])
    .where('e.pupil_id', '=', child.pupilId)
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(50)
    .execute();

  const answerOf = (typeId: number, guardianId: number) =>
    answers.find((a) => a.consent_type_id === typeId && a.guardian_id === guardianId);
  const counted = guardians.filter((g) => g.counts);
  const effective = effectiveStates(
    types,
    counted.map((g) => g.id),
    (t, g) => answerOf(t, g)?.state,
  );
  const view = (typeId: number, guardian: { id: number; name: string }): GuardianAnswer => {
    const answer = answerOf(typeId, guardian.id);
    return {
      guardianId: guardian.id,
      name: guardian.name,
      state: answer?.state ?? 'unanswered',
      answeredAt: answer?.answered_at ?? null,
    };
  };
  const me = guardians.find((g) => g.id === actor.personId) ?? {
    id: actor.personId,
    name: `${actor.givenName} ${actor.familyName}`,
    counts: false,
  };
  return {
    locked,
    mayAnswer: me.counts,
    types,
    items: types.map((type) => {
      const parent = types.find((t) => t.id === type.parentId) ?? null;
      return {
        type,
        parent,
        mine: view(type.id, me),
        others: counted.filter((g) => g.id !== me.id).map((g) => view(type.id, g)),
        effective: effective.get(type.id) ?? 'unanswered',
        mayGive: parent === null || answerOf(parent.id, me.id)?.state === 'given',
      };
    }),
    history: history.map((h) => ({
      at: h.at,
      changedBy: h.by_given ? `${h.by_given} ${h.by_family}` : '',
      guardian: `${h.given_name} ${h.family_name}`,
      typeId: h.consent_type_id,
      from: h.from_state,
      to: h.to_state,
      reason: h.reason,
    })),
  };
}

export type AnswerResult =
  | Ok<{ changed: boolean }>
  | Refused<'locked'>
  | Refused<'no_responsibility'>
  | (Refused<'parent_not_given'> & { type: ConsentTypeInfo; parent: ConsentTypeInfo });
