import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { loadParts, part } from '../../db/together.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { loadCareFacts } from '../access/care-facts.ts';
import { requireCareUnit } from '../access/care-scope.ts';
import { canAnswerKindergartenConsents, canViewKindergartenConsents } from '../access/policy.ts';
import { isRowId } from '../access/scope.ts';
import { placesAt } from '../care/board.ts';
import { NotFoundError } from '../errors.ts';
import { requireGuardianChild } from '../guardian/child.ts';
import { answersOf, overviewRows, type OverviewFilter, type OverviewRow } from './overview.ts';
import { listKindergartenConsentTypes, type ConsentChild, type ConsentTypeInfo } from './types.ts';

/** A kindergarten child as one of its guardians sees the child's consents (issue 13, K1). */
export type KindergartenConsentChild = ConsentChild & { kindergartenId: number };

/**
 * The child through the guardian's care reach with a kindergarten place today (canAnswerKindergartenConsents): staff,
 * another family's child, a blocked relation, a contact person or a child without a kindergarten place → 404.
 * Two statements.
 */
export async function requireKindergartenConsentChild(
  db: Db,
  actor: Actor,
  childId: number,
  today = todayInOslo(),
): Promise<KindergartenConsentChild> {
  if (!isRowId(childId) || actor.via !== 'idporten') throw new NotFoundError();
  const facts = await loadCareFacts(db, childId, today);
  if (!facts || !canAnswerKindergartenConsents(actor, facts)) throw new NotFoundError();
  const place = facts.places.find((p) => p.kind === 'kindergarten')!;
  const row = await db
    .selectFrom('person as p')
    .innerJoin('kindergarten_department as d', (join) => join.on('d.id', '=', place.departmentId ?? 0))
    .innerJoin('kindergarten as k', 'k.id', 'd.kindergarten_id')
    .select([
      'p.given_name',
      'p.family_name',
      'd.name as department_name',
      'k.name as kindergarten_name',
      'k.hovudmaal',
    ])
    .where('p.id', '=', childId)
    .executeTakeFirstOrThrow();
  return {
    pupilId: childId,
    givenName: row.given_name,
    familyName: row.family_name,
    municipalityId: place.municipalityId,
    hovudmaal: row.hovudmaal,
    schoolId: null,
    kindergartenId: place.id,
    schoolName: row.kindergarten_name,
    className: row.department_name,
  };
}

/**
 * Whose consent receipt a guardian may download: a school child they reach (requireGuardianChild), else a kindergarten
 * child they reach; anyone else 404.
 */
export async function requireAnyConsentChild(db: Db, actor: Actor, childId: number, today = todayInOslo()) {
  try {
    return await requireGuardianChild(db, actor, childId, today);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return requireKindergartenConsentChild(db, actor, childId, today);
  }
}

export interface KindergartenConsentOverview {
  kindergartenId: number;
  kindergartenName: string;
  departments: { id: number; name: string }[];
  /** The department shown (null: the whole kindergarten). */
  departmentId: number | null;
  types: ConsentTypeInfo[];
  rows: OverviewRow[];
  /** Children in the overview before filtering. */
  total: number;
  filter: OverviewFilter;
}

interface RosterRow {
  id: number;
  given_name: string;
  family_name: string;
  counted: number[];
}

/**
 * The kindergarten's consents (issue 13, K1): its children with a place today (optionally one department) × the
 * kindergarten's consent types, with the state that applies (state.ts: every guardian with parental responsibility
 * must have given it); a department of another kindergarten → 404. For its styrer, pedagogical leaders and staff (canViewKindergartenConsents); everyone else 404.
 * Children are named — the staff see them by name on the board too. Four statements, whatever the number of children.
 */
export async function kindergartenConsentOverview(
  db: Db,
  actor: Actor,
  kindergartenId: number,
  options: { departmentId?: number | null; filter?: OverviewFilter } = {},
  today = todayInOslo(),
): Promise<KindergartenConsentOverview> {
  if (!isRowId(kindergartenId)) throw new NotFoundError();
  const unit = await requireCareUnit(db, actor, 'kindergarten', kindergartenId);
  if (!canViewKindergartenConsents(actor, unit)) throw new NotFoundError();
  const types = await listKindergartenConsentTypes(db, unit.municipalityId, unit.id);
  const { departments, roster } = await loadParts(db, {
    departments: part(
      {
        rows: sql<{ id: number; name: string }>`select id, name from kindergarten_department
          where kindergarten_id = ${unit.id} order by name limit 50`,
      },
      ({ rows }) => rows.map((r) => ({ id: Number(r.id), name: r.name })),
    ),
    roster: part(
      {
        rows: sql<RosterRow>`select p.id, p.given_name, p.family_name,
            (select coalesce(json_agg(r.guardian_id order by r.guardian_id), '[]'::json) from guardian_relation r
              where r.pupil_id = p.id and r.parental_responsibility and not r.blocked and not r.contact_person_only)
              as counted
          from (${placesAt(unit, today, { departmentId: options.departmentId ?? null })}) k
          join person p on p.id = k.child_id
          order by p.family_name, p.given_name, p.id limit 500`,
      },
      ({ rows }) => rows,
    ),
  });
  // a department of another kindergarten (or none) is not found
  const departmentId = options.departmentId ?? null;
  if (departmentId !== null && !departments.some((d) => d.id === departmentId)) throw new NotFoundError();
  const children = roster;
  const answers = await answersOf(
    db,
    children.map((c) => Number(c.id)),
    types,
  );
  const { rows, shown, applied } = overviewRows(
    types,
    children.map((c) => ({
      id: Number(c.id),
      givenName: c.given_name,
      familyName: c.family_name,
      countedGuardianIds: c.counted.map(Number),
      hidden: false,
    })),
    answers,
    options.filter ?? {},
  );
  return {
    kindergartenId: unit.id,
    kindergartenName: unit.name,
    departments,
    departmentId,
    types,
    rows: shown,
    total: rows.length,
    filter: applied,
  };
}
