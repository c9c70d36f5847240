import type { Db } from '../../db/database.ts';
import { DEMO_LOGINS } from '../../db/seed/seed.ts';

/** A person the built-in test IdP can log in as. */
export interface TestUser {
  id: string;
  name: string;
  role: string;
  email?: string;
}

const ROLE_LABEL: Record<string, string> = {
  guardian: 'Foresatt',
  school_owner: 'Skoleeier',
  leadership: 'Skoleledelse',
  contact_teacher: 'Kontaktlærer',
  teacher: 'Lærer',
  sfo_leader: 'SFO-leder',
  sfo_staff: 'SFO-ansatt',
  kindergarten_leader: 'Styrer',
  pedagogical_leader: 'Pedagogisk leder',
  kindergarten_staff: 'Barnehageansatt',
  pupil: 'Elev',
};

const EXTRA = 20;

/**
 * The login page of the test IdP lists the demo people first, then a bounded number of others.
 * ID-porten lists guardians (by fødselsnummer); Feide lists staff and pupils (by Feide id).
 */
export async function listTestUsers(db: Db, kind: 'idporten' | 'feide'): Promise<TestUser[]> {
  const demo = DEMO_LOGINS.filter((login) => (kind === 'idporten' ? login.role === 'guardian' : login.feideId));
  const users: TestUser[] = demo.map((login) => ({
    id: kind === 'idporten' ? login.fodselsnummer! : login.feideId!,
    name: login.name,
    role: ROLE_LABEL[login.role] ?? login.role,
  }));
  const known = new Set(users.map((u) => u.id));
  if (kind === 'idporten') {
    const more = await db
      .selectFrom('person as p')
      .select(['p.fodselsnummer', 'p.given_name', 'p.family_name'])
      .where('p.fodselsnummer', 'is not', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('guardian_relation as g')
            .select('g.id')
            .whereRef('g.guardian_id', '=', 'p.id')
            .where('g.blocked', '=', false),
        ),
      )
      .orderBy('p.id')
      .limit(EXTRA + users.length)
      .execute();
    for (const p of more)
      if (!known.has(p.fodselsnummer!))
        users.push({ id: p.fodselsnummer!, name: `${p.given_name} ${p.family_name}`, role: ROLE_LABEL.guardian! });
  } else {
    const more = await db
      .selectFrom('person as p')
      .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
      .select(['p.feide_id', 'p.given_name', 'p.family_name'])
      .where('p.feide_id', 'is not', null)
      .where('e.ends_on', 'is', null)
      .orderBy('p.id')
      .limit(EXTRA)
      .execute();
    for (const p of more)
      if (!known.has(p.feide_id!))
        users.push({ id: p.feide_id!, name: `${p.given_name} ${p.family_name}`, role: ROLE_LABEL.pupil! });
  }
  return users.slice(0, demo.length + EXTRA);
}

export async function findTestUser(db: Db, kind: 'idporten' | 'feide', id: string): Promise<TestUser | null> {
  const column = kind === 'idporten' ? 'p.fodselsnummer' : 'p.feide_id';
  const person = await db
    .selectFrom('person as p')
    .leftJoin('contact_info as c', 'c.person_id', 'p.id')
    .select(['p.given_name', 'p.family_name', 'c.email'])
    .where(column, '=', id.trim())
    .executeTakeFirst();
  if (!person) return null;
  return {
    id: id.trim(),
    name: `${person.given_name} ${person.family_name}`,
    role: '',
    email: person.email ?? undefined,
  };
}
