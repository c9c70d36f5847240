import type { Db } from '../../db/database.ts';
import type { ConsentAnswerState } from '../../db/schema.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { canViewConsents, canViewProtectionMarker } from '../access/policy.ts';
import { loadPupilFactsMany } from '../access/pupil-facts.ts';
import { findClassForActor } from '../school/units.ts';
import { effectiveStates, matchesFilter, type ConsentState, type StateFilter } from './state.ts';
import { listConsentTypes, municipalityOfSchool, type ConsentTypeInfo } from './types.ts';

export interface OverviewRow {
  /** null when the pupil's name is hidden from this viewer (protected address, DOMAIN-FACTS §3). */
  pupilId: number | null;
  givenName: string | null;
  familyName: string | null;
  /** Effective state per type, in the order of `types`. */
  states: ConsentState[];
}

export interface OverviewFilter {
  typeKey?: string;
  state?: StateFilter;
}

export interface ClassConsentOverview {
  classId: number;
  className: string;
  schoolName: string;
  types: ConsentTypeInfo[];
  rows: OverviewRow[];
  /** Pupils in the overview before filtering (hidden ones included). */
  total: number;
  /** The filter as applied: an unknown type key is dropped. */
  filter: OverviewFilter;
}

/**
 * S5: pupils × consent types with the effective state, for one class. The class is reached exactly as the
 * class page reaches it (findClassForActor, else 404); each pupil is listed only if the actor may view their
 * consents. A pupil with a protected address is listed by name only to those who may see the protection
 * marker (leadership, contact teacher); to anyone else as an unnamed row at the end, so the count stays
 * right without telling which pupil it is. A fixed number of queries (12), whatever the class size.
 */
export async function classConsentOverview(
  db: Db,
  actor: Actor,
  classId: number,
  filter: OverviewFilter = {},
  today = todayInOslo(),
): Promise<ClassConsentOverview> {
  const found = await findClassForActor(db, actor, classId, today);
  const facts = await loadPupilFactsMany(
    db,
    found.pupils.map((p) => p.id),
    today,
  );
  const types = await listConsentTypes(db, await municipalityOfSchool(db, found.school_id), found.school_id);
  const visible = found.pupils.filter((p) => {
    const f = facts.get(p.id);
    return f !== undefined && canViewConsents(actor, f.facts);
  });
  const answers = await answersOf(
    db,
    visible.map((p) => p.id),
    types,
  );
  const { rows, shown, applied } = overviewRows(
    types,
    visible.map((pupil) => {
      const f = facts.get(pupil.id)!;
      return {
        id: pupil.id,
        givenName: pupil.given_name,
        familyName: pupil.family_name,
        countedGuardianIds: f.countedGuardianIds,
        hidden: f.facts.protection !== 'none' && !canViewProtectionMarker(actor, f.facts),
      };
    }),
    answers,
    filter,
  );
  return {
    classId: found.id,
    className: found.name,
    schoolName: found.schoolName,
    types,
    rows: shown,
    total: rows.length,
    filter: applied,
  };
}

type AnswerRow = { pupil_id: number; guardian_id: number; consent_type_id: number; state: ConsentAnswerState };

/** Every answer to these types for these children (one statement; none when either list is empty). */
export async function answersOf(db: Db, childIds: number[], types: ConsentTypeInfo[]): Promise<AnswerRow[]> {
  if (childIds.length === 0 || types.length === 0) return [];
  return db
    .selectFrom('consent_answer')
    .select(['pupil_id', 'guardian_id', 'consent_type_id', 'state'])
    .where('pupil_id', 'in', childIds)
    .where(
      'consent_type_id',
      'in',
      types.map((t) => t.id),
    )
    .execute();
}

/** A child in an overview: the guardians whose answers count, and whether the name is hidden from this viewer. */
export interface OverviewChild {
  id: number;
  givenName: string;
  familyName: string;
  countedGuardianIds: number[];
  hidden: boolean;
}

/**
 * The overview's rows (a class's or a kindergarten's): each child's effective state per type, the named first and the
 * hidden ones as unnamed rows at the end; then the filter (an unknown type key is dropped).
 */
export function overviewRows(
  types: ConsentTypeInfo[],
  children: OverviewChild[],
  answers: AnswerRow[],
  filter: OverviewFilter,
): { rows: OverviewRow[]; shown: OverviewRow[]; applied: OverviewFilter } {
  const index = new Map(answers.map((a) => [`${a.pupil_id}:${a.consent_type_id}:${a.guardian_id}`, a.state]));
  const named: OverviewRow[] = [];
  const hidden: OverviewRow[] = [];
  for (const child of children) {
    const effective = effectiveStates(types, child.countedGuardianIds, (typeId, guardianId) =>
      index.get(`${child.id}:${typeId}:${guardianId}`),
    );
    const states = types.map((t) => effective.get(t.id) ?? 'unanswered');
    if (child.hidden) hidden.push({ pupilId: null, givenName: null, familyName: null, states });
    else named.push({ pupilId: child.id, givenName: child.givenName, familyName: child.familyName, states });
  }
  const rows = [...named, ...hidden];
  const column = filter.typeKey ? types.findIndex((t) => t.key === filter.typeKey) : -1;
  const applied: OverviewFilter = { typeKey: column >= 0 ? filter.typeKey : undefined, state: filter.state };
  const wanted = filter.state;
  const shown = wanted
    ? rows.filter((r) =>
        column >= 0 ? matchesFilter(r.states[column]!, wanted) : r.states.some((s) => matchesFilter(s, wanted)),
      )
    : rows;
  return { rows, shown, applied };
}
