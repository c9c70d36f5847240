import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AddressProtection } from '../../db/schema.ts';
import { done, part, type Part } from '../../db/together.ts';
import { activeOn } from '../period.ts';

/**
 * A daily-care unit (issue 13): an SFO at a school, or a kindergarten with departments. `schoolId` is the SFO's
 * school (null for a kindergarten); `municipalityId` the owner (a municipality or a private owner).
 */
export interface CareUnit {
  kind: 'sfo' | 'kindergarten';
  id: number;
  schoolId: number | null;
  municipalityId: number;
}

/** A child's place in a unit that covers today: an SFO place (while enrolled at its school), or a kindergarten place. */
export interface CarePlace extends CareUnit {
  /** The kindergarten department (null for an SFO). */
  departmentId: number | null;
}

/** What the policy needs to know about one child's daily care (careReachOf in policy.ts). */
export interface CareFacts {
  childId: number;
  protection: AddressProtection;
  /** The places that cover today (a child normally has one; after a move, briefly two). */
  places: CarePlace[];
  guardians: { guardianId: number; blocked: boolean; contactOnly: boolean }[];
}

interface CareFactsRow {
  id: number;
  address_protection: AddressProtection;
  places: {
    kind: 'sfo' | 'kindergarten';
    id: number;
    school_id: number | null;
    municipality_id: number;
    department_id: number | null;
  }[];
  guardians: { guardian_id: number; blocked: boolean; contact_person_only: boolean }[];
}

/**
 * The places of a child today as SQL (one row per place: kind, id, school_id, municipality_id, department_id): an
 * active SFO place while the child is enrolled at the SFO's school now, and an active kindergarten place. `child` is
 * the child's id column. The SQL twin of the policy's idea of a place; the board (care/board.ts) uses the same rule.
 */
export function carePlacesSql(child: ReturnType<typeof sql.ref>, today: string) {
  return sql`select 'sfo' as kind, f.sfo_id as id, s.id as school_id, s.municipality_id, null::bigint as department_id
      from sfo_enrolment f join sfo u on u.id = f.sfo_id join school s on s.id = u.school_id
      where f.pupil_id = ${child} and ${activeOn('f', today)}
        and exists (select 1 from enrolment e where e.pupil_id = f.pupil_id and e.school_id = s.id and ${activeOn('e', today)})
    union all
    select 'kindergarten', k.id, null::bigint, k.municipality_id, d.id
      from kindergarten_enrolment ke join kindergarten_department d on d.id = ke.department_id
      join kindergarten k on k.id = d.kindergarten_id
      where ke.child_id = ${child} and ${activeOn('ke', today)}`;
}

function careFactsQuery(childIds: number[], today: string) {
  return sql<CareFactsRow>`select p.id, p.address_protection,
    (select coalesce(json_agg(json_build_object('kind', x.kind, 'id', x.id, 'school_id', x.school_id,
        'municipality_id', x.municipality_id, 'department_id', x.department_id) order by x.kind, x.id), '[]'::json)
      from (${carePlacesSql(sql.ref('p.id'), today)}) x) as places,
    (select coalesce(json_agg(json_build_object('guardian_id', r.guardian_id, 'blocked', r.blocked,
        'contact_person_only', r.contact_person_only) order by r.guardian_id), '[]'::json)
      from guardian_relation r where r.pupil_id = p.id) as guardians
    from person p where p.id = any(${sql.val(childIds)}::bigint[])`;
}

function careFactsFromRows(rows: CareFactsRow[]): Map<number, CareFacts> {
  const result = new Map<number, CareFacts>();
  for (const row of rows) {
    result.set(Number(row.id), {
      childId: Number(row.id),
      protection: row.address_protection,
      places: row.places.map((p) => ({
        kind: p.kind,
        id: Number(p.id),
        schoolId: p.school_id === null ? null : Number(p.school_id),
        municipalityId: Number(p.municipality_id),
        departmentId: p.department_id === null ? null : Number(p.department_id),
      })),
      guardians: row.guardians.map((g) => ({
        guardianId: Number(g.guardian_id),
        blocked: g.blocked,
        contactOnly: g.contact_person_only,
      })),
    });
  }
  return result;
}

/** The care facts of these children as a part of a larger statement (db/together.ts). Unknown ids get no entry. */
export function careFactsPart(childIds: number[], today: string): Part<Map<number, CareFacts>> {
  if (childIds.length === 0) return done(new Map());
  return part({ facts: careFactsQuery(childIds, today) }, ({ facts }) => careFactsFromRows(facts));
}

/** The care facts of many children in one statement. */
export async function loadCareFactsMany(db: Db, childIds: number[], today: string): Promise<Map<number, CareFacts>> {
  if (childIds.length === 0) return new Map();
  const { rows } = await careFactsQuery(childIds, today).execute(db);
  return careFactsFromRows(rows);
}

/** The care facts of one child, or null if no such person. */
export async function loadCareFacts(db: Db, childId: number, today: string): Promise<CareFacts | null> {
  return (await loadCareFactsMany(db, [childId], today)).get(childId) ?? null;
}
