import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import { done, loadPart, part, type Part } from '../../db/together.ts';
import { NotFoundError } from '../errors.ts';
import { grantIds, type Actor } from './actor.ts';
import { carePlacesSql, loadCareFacts, type CareFacts, type CareUnit } from './care-facts.ts';
import { canPlanChildCare, canRegisterChildCare, canViewChildCare, careUnitRoles } from './policy.ts';

/** The units where the actor works as leader or staff (the SQL side of careUnitRoles' 'leader' and 'staff'). */
export function careUnitScope(actor: Actor): { sfoIds: number[]; schoolIds: number[]; kindergartenIds: number[] } {
  if (actor.via !== 'feide') return { sfoIds: [], schoolIds: [], kindergartenIds: [] };
  return {
    sfoIds: grantIds(actor, ['sfo_leader', 'sfo_staff'], (g) => [g.sfoId]),
    schoolIds: grantIds(actor, ['leadership'], (g) => [g.schoolId]),
    kindergartenIds: grantIds(actor, ['kindergarten_leader', 'pedagogical_leader', 'kindergarten_staff'], (g) => [
      g.kindergartenId,
    ]),
  };
}

/**
 * The SQL twin of canViewChildCare: a condition on a child id column (`child`, e.g. `sql.ref('p.id')`) that is true
 * for exactly the children whose daily care the actor reaches today. test/domain/care-policy.test.ts checks that it
 * agrees with the policy for every demo actor and child.
 */
export function careChildCondition(
  child: ReturnType<typeof sql.ref>,
  actor: Actor,
  today: string,
): Expression<SqlBool> {
  const places = carePlacesSql(child, today);
  if (actor.via === 'idporten') {
    if (actor.guardianOf.length === 0) return sql<SqlBool>`false`;
    return sql<SqlBool>`(${child} = any(${sql.val(actor.guardianOf)}::bigint[]) and exists (${places}))`;
  }
  const { sfoIds, schoolIds, kindergartenIds } = careUnitScope(actor);
  if (!sfoIds.length && !schoolIds.length && !kindergartenIds.length) return sql<SqlBool>`false`;
  return sql<SqlBool>`exists (select 1 from (${places}) x where
    (x.kind = 'sfo' and (x.id = any(${sql.val(sfoIds)}::bigint[]) or x.school_id = any(${sql.val(schoolIds)}::bigint[])))
    or (x.kind = 'kindergarten' and x.id = any(${sql.val(kindergartenIds)}::bigint[])))`;
}

export type ChildCareCapability = 'view' | 'register' | 'plan';

/** The child's care facts if the actor may use them in this capability; else 404 (a child out of reach does not exist). */
export async function requireChildCare(
  db: Db,
  actor: Actor,
  childId: number,
  capability: ChildCareCapability,
  today: string,
): Promise<CareFacts> {
  const facts = await loadCareFacts(db, childId, today);
  if (!facts) throw new NotFoundError();
  const allowed =
    capability === 'view'
      ? canViewChildCare(actor, facts)
      : capability === 'register'
        ? canRegisterChildCare(actor, facts)
        : canPlanChildCare(actor, facts);
  if (!allowed) throw new NotFoundError();
  return facts;
}

/** A unit with its name and what its pages show. */
export interface CareUnitInfo extends CareUnit {
  name: string;
  /** The school (SFO) or the owner (kindergarten), for headings. */
  placeName: string;
  hovudmaal: 'nb' | 'nn';
  opensAt: string;
  closesAt: string;
  changeDeadlineDays: number;
  changeDeadlineTime: string;
}

interface UnitRow {
  kind: 'sfo' | 'kindergarten';
  id: number;
  school_id: number | null;
  municipality_id: number;
  name: string;
  place_name: string;
  hovudmaal: 'nb' | 'nn';
  opens_at: string;
  closes_at: string;
  change_deadline_days: number;
  change_deadline_time: string;
}

const unitsSql = sql`select 'sfo' as kind, f.id, s.id as school_id, s.municipality_id, f.name, s.name as place_name,
      s.hovudmaal, to_char(f.opens_at, 'HH24:MI') as opens_at, to_char(f.closes_at, 'HH24:MI') as closes_at,
      f.change_deadline_days, to_char(f.change_deadline_time, 'HH24:MI') as change_deadline_time
    from sfo f join school s on s.id = f.school_id
  union all
  select 'kindergarten', k.id, null, k.municipality_id, k.name, m.name, k.hovudmaal, to_char(k.opens_at, 'HH24:MI'),
      to_char(k.closes_at, 'HH24:MI'), k.change_deadline_days, to_char(k.change_deadline_time, 'HH24:MI')
    from kindergarten k join municipality m on m.id = k.municipality_id`;

const toUnitInfo = (r: UnitRow): CareUnitInfo => ({
  kind: r.kind,
  id: Number(r.id),
  schoolId: r.school_id === null ? null : Number(r.school_id),
  municipalityId: Number(r.municipality_id),
  name: r.name,
  placeName: r.place_name,
  hovudmaal: r.hovudmaal,
  opensAt: r.opens_at,
  closesAt: r.closes_at,
  changeDeadlineDays: r.change_deadline_days,
  changeDeadlineTime: r.change_deadline_time,
});

/** Units by kind and id (unknown ones are missing from the map; key `${kind}:${id}`). */
export async function loadCareUnits(
  db: Db,
  keys: { kind: 'sfo' | 'kindergarten'; id: number }[],
): Promise<Map<string, CareUnitInfo>> {
  if (keys.length === 0) return new Map();
  const sfoIds = keys.filter((k) => k.kind === 'sfo').map((k) => k.id);
  const kgIds = keys.filter((k) => k.kind === 'kindergarten').map((k) => k.id);
  const { rows } = await sql<UnitRow>`select * from (${unitsSql}) u
    where (u.kind = 'sfo' and u.id = any(${sql.val(sfoIds)}::bigint[]))
      or (u.kind = 'kindergarten' and u.id = any(${sql.val(kgIds)}::bigint[]))`.execute(db);
  return new Map(rows.map((r) => [`${r.kind}:${Number(r.id)}`, toUnitInfo(r)]));
}

/** The unit if the actor works there (leader or staff) or, with `statistics`, leads or owns it; else 404. */
export async function requireCareUnit(
  db: Db,
  actor: Actor,
  kind: 'sfo' | 'kindergarten',
  id: number,
  use: 'board' | 'statistics' = 'board',
): Promise<CareUnitInfo> {
  const unit = (await loadCareUnits(db, [{ kind, id }])).get(`${kind}:${id}`);
  if (!unit) throw new NotFoundError();
  const roles = careUnitRoles(actor, unit);
  const allowed =
    use === 'board' ? roles.has('leader') || roles.has('staff') : roles.has('leader') || roles.has('owner');
  if (!allowed) throw new NotFoundError();
  return unit;
}

/** The units whose board the actor uses (their staff home lists them), as a part of a larger statement. Bounded. */
export function careUnitsForPart(actor: Actor): Part<CareUnitInfo[]> {
  const { sfoIds, schoolIds, kindergartenIds } = careUnitScope(actor);
  if (!sfoIds.length && !schoolIds.length && !kindergartenIds.length) return done([]);
  return part(
    {
      units: sql<UnitRow>`select * from (${unitsSql}) u
    where (u.kind = 'sfo' and (u.id = any(${sql.val(sfoIds)}::bigint[]) or u.school_id = any(${sql.val(schoolIds)}::bigint[])))
      or (u.kind = 'kindergarten' and u.id = any(${sql.val(kindergartenIds)}::bigint[]))
    order by u.kind, u.name limit 50`,
    },
    ({ units }) => units.map(toUnitInfo),
  );
}

/** The units whose board the actor uses (their staff home lists them). Bounded: a person works at a few units. */
export const careUnitsFor = (db: Db, actor: Actor): Promise<CareUnitInfo[]> => loadPart(db, careUnitsForPart(actor));
