import { type Expression, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { LoginProvider, StaffRole } from '../../db/schema.ts';
import { activeOn } from '../period.ts';

/** One staff role the person holds, with where it applies. */
export interface StaffGrant {
  membershipId: number;
  role: StaffRole;
  municipalityId: number;
  schoolId: number | null;
  sfoId: number | null;
  /** Kindergarten roles: the kindergarten, and the department (a pedagogical leader's; staff may have one). */
  kindergartenId: number | null;
  departmentId: number | null;
  classIds: number[];
  groupIds: number[];
  compositeGroupIds: number[];
}

/**
 * Who is asking. Loaded fresh on every request, so a block or an ended affiliation takes effect at once.
 * The login decides the capacity: ID-porten → guardian; Feide → staff and pupil. A teacher who is also a
 * parent sees their own children only when logged in with ID-porten.
 */
export interface Actor {
  personId: number;
  givenName: string;
  familyName: string;
  via: LoginProvider;
  staff: StaffGrant[];
  /** Schools of the municipalities where the person is school owner (skoleeier). */
  ownerSchoolIds: number[];
  /** Children the person is an unblocked guardian of (contact persons excluded). Enrolment is checked per pupil. */
  guardianOf: number[];
  /** The person is a pupil with an active enrolment (Feide login). */
  isPupil: boolean;
}

export const actorName = (actor: Actor) => `${actor.givenName} ${actor.familyName}`;

// Built once: a DateTimeFormat costs far more to make than to use (issue 18, item 4: 9 % of a page's CPU).
const OSLO_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' });

/** YYYY-MM-DD for today in Norway. */
export function todayInOslo(now = new Date()): string {
  return OSLO_DATE.format(now);
}

const OSLO_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });

/** The time of day in Norway, 'HH:MM' (as lessons' starts_at and ends_at are written). */
export function timeInOslo(now = new Date()): string {
  return OSLO_TIME.format(now);
}

/** The row actorQuery returns (the aggregates as JSON, the staff grants one object per membership and assignment). */
export interface ActorRow {
  actor_id: number | null;
  actor_given_name: string;
  actor_family_name: string;
  actor_guardian_of: number[] | null;
  actor_staff: StaffRow[] | null;
  actor_owner_schools: number[] | null;
  actor_is_pupil: boolean;
}

interface StaffRow {
  id: number;
  role: StaffRole;
  municipality_id: number;
  school_id: number | null;
  sfo_id: number | null;
  kindergarten_id: number | null;
  department_id: number | null;
  class_id: number | null;
  teaching_group_id: number | null;
  composite_group_id: number | null;
}

/**
 * Everything an Actor is made of in one statement (issue 18, item 4): the person, and — by the login — the children
 * they are an unblocked guardian of (ID-porten), or their active staff grants, the schools they own and whether they
 * are a pupil (Feide). `personId` and `via` are SQL: parameters, or the columns of an outer session row, so the
 * session middleware loads the session and its actor together (sessions.ts).
 */
export function actorQuery(personId: Expression<unknown>, via: Expression<unknown>, today: string) {
  const activeMembership = activeOn('m', today);
  return sql<ActorRow>`select p.id as actor_id, p.given_name as actor_given_name, p.family_name as actor_family_name,
    case when ${via} = 'idporten' then (
      select coalesce(json_agg(g.pupil_id order by g.pupil_id), '[]'::json) from guardian_relation g
      where g.guardian_id = p.id and not g.blocked and not g.contact_person_only
    ) end as actor_guardian_of,
    case when ${via} <> 'idporten' then (
      select coalesce(json_agg(json_build_object('id', m.id, 'role', m.role, 'municipality_id', m.municipality_id,
        'school_id', m.school_id, 'sfo_id', m.sfo_id, 'kindergarten_id', m.kindergarten_id,
        'department_id', m.department_id, 'class_id', a.class_id, 'teaching_group_id', a.teaching_group_id,
        'composite_group_id', a.composite_group_id) order by m.id, a.id), '[]'::json)
      from staff_membership m left join staff_assignment a on a.staff_membership_id = m.id
      where m.person_id = p.id and ${activeMembership}
    ) end as actor_staff,
    case when ${via} <> 'idporten' then (
      select coalesce(json_agg(s.id order by s.id), '[]'::json) from school s
      where s.municipality_id in (
        select m.municipality_id from staff_membership m
        where m.person_id = p.id and m.role = 'school_owner' and ${activeMembership}
      )
    ) end as actor_owner_schools,
    (${via} <> 'idporten' and exists (
      select 1 from enrolment e where e.pupil_id = p.id and ${activeOn('e', today)}
    )) as actor_is_pupil
    from person p where p.id = ${personId}`;
}

/** The Actor of an actorQuery row (null when the person does not exist). */
export function actorFromRow(row: ActorRow, via: LoginProvider): Actor | null {
  if (row.actor_id === null || row.actor_id === undefined) return null;
  const grants = new Map<number, StaffGrant>();
  for (const r of row.actor_staff ?? []) {
    let grant = grants.get(r.id);
    if (!grant) {
      grant = {
        membershipId: r.id,
        role: r.role,
        municipalityId: r.municipality_id,
        schoolId: r.school_id,
        sfoId: r.sfo_id,
        kindergartenId: r.kindergarten_id ?? null,
        departmentId: r.department_id ?? null,
        classIds: [],
        groupIds: [],
        compositeGroupIds: [],
      };
      grants.set(r.id, grant);
    }
    if (r.class_id !== null) grant.classIds.push(r.class_id);
    if (r.teaching_group_id !== null) grant.groupIds.push(r.teaching_group_id);
    if (r.composite_group_id !== null) grant.compositeGroupIds.push(r.composite_group_id);
  }
  return {
    personId: Number(row.actor_id),
    givenName: row.actor_given_name,
    familyName: row.actor_family_name,
    via,
    staff: [...grants.values()],
    ownerSchoolIds: row.actor_owner_schools ?? [],
    guardianOf: row.actor_guardian_of ?? [],
    isPupil: Boolean(row.actor_is_pupil),
  };
}

/** Loads the actor afresh (one statement), or null when the person does not exist. */
export async function loadActor(
  db: Db,
  personId: number,
  via: LoginProvider,
  today = todayInOslo(),
): Promise<Actor | null> {
  const { rows } = await actorQuery(sql`${personId}::bigint`, sql`${via}::text`, today).execute(db);
  return rows[0] ? actorFromRow(rows[0], via) : null;
}

/** The ids an actor's grants of some roles cover (school, sfo, class, group ids). */
export function grantIds(actor: Actor, roles: StaffRole[], pick: (grant: StaffGrant) => (number | null)[]): number[] {
  const ids = new Set<number>();
  for (const grant of actor.staff) {
    if (!roles.includes(grant.role)) continue;
    for (const id of pick(grant)) if (id !== null) ids.add(id);
  }
  return [...ids];
}
