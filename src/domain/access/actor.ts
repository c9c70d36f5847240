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

export async function loadActor(
  db: Db,
  personId: number,
  via: LoginProvider,
  today = todayInOslo(),
): Promise<Actor | null> {
  const person = await db
    .selectFrom('person')
    .select(['id', 'given_name', 'family_name'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) return null;
  const actor: Actor = {
    personId,
    givenName: person.given_name,
    familyName: person.family_name,
    via,
    staff: [],
    ownerSchoolIds: [],
    guardianOf: [],
    isPupil: false,
  };
  if (via === 'idporten') {
    const relations = await db
      .selectFrom('guardian_relation')
      .select('pupil_id')
      .where('guardian_id', '=', personId)
      .where('blocked', '=', false)
      .where('contact_person_only', '=', false)
      .orderBy('pupil_id')
      .execute();
    actor.guardianOf = relations.map((r) => r.pupil_id);
    return actor;
  }
  actor.staff = await loadStaffGrants(db, personId, today);
  const ownerMunicipalities = actor.staff.filter((g) => g.role === 'school_owner').map((g) => g.municipalityId);
  if (ownerMunicipalities.length) {
    const schools = await db
      .selectFrom('school')
      .select('id')
      .where('municipality_id', 'in', ownerMunicipalities)
      .orderBy('id')
      .execute();
    actor.ownerSchoolIds = schools.map((s) => s.id);
  }
  const enrolment = await db
    .selectFrom('enrolment')
    .select('id')
    .where('pupil_id', '=', personId)
    .where(activeOn('enrolment', today))
    .executeTakeFirst();
  actor.isPupil = enrolment !== undefined;
  return actor;
}

async function loadStaffGrants(db: Db, personId: number, today: string): Promise<StaffGrant[]> {
  const rows = await db
    .selectFrom('staff_membership as m')
    .leftJoin('staff_assignment as a', 'a.staff_membership_id', 'm.id')
    .select([
      'm.id',
      'm.role',
      'm.municipality_id',
      'm.school_id',
      'm.sfo_id',
      'a.class_id',
      'a.teaching_group_id',
      'a.composite_group_id',
    ])
    .where('m.person_id', '=', personId)
    .where(activeOn('m', today))
    .orderBy('m.id')
    .execute();
  const grants = new Map<number, StaffGrant>();
  for (const row of rows) {
    let grant = grants.get(row.id);
    if (!grant) {
      grant = {
        membershipId: row.id,
        role: row.role,
        municipalityId: row.municipality_id,
        schoolId: row.school_id,
        sfoId: row.sfo_id,
        classIds: [],
        groupIds: [],
        compositeGroupIds: [],
      };
      grants.set(row.id, grant);
    }
    if (row.class_id !== null) grant.classIds.push(row.class_id);
    if (row.teaching_group_id !== null) grant.groupIds.push(row.teaching_group_id);
    if (row.composite_group_id !== null) grant.compositeGroupIds.push(row.composite_group_id);
  }
  return [...grants.values()];
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
