import { sql, type Transaction } from 'kysely';
import { addDays, isoWeekOf } from '../../domain/calendar/dates.ts';
import { syntheticIdentityNumber } from '../../domain/person/fodselsnummer.ts';
import type { Database, StaffRole } from '../schema.ts';
import { insertConsentTypes, type SeedConsentType } from './consents.ts';
import { DEMO_LOGINS } from './demo.ts';

type Trx = Transaction<Database>;

/**
 * Daily care in the demo (issue 13; K1, G11, S10): Bjørkelia barnehage in Demo kommune with three departments, its
 * staff (the three demo logins below and two more pedagogical leaders), and children who are the younger siblings of
 * Demo kommune pupils (the same guardians and address): Kari Nordmann's Nora among them. Every kindergarten child and
 * every SFO child gets a regular week (stay plan); some kindergarten children a pickup person, some SFO children in
 * 3.–4. trinn may walk home alone. Bjørnehiet has a news post and next week's plan from its pedagogical leader.
 * Deterministic: the siblings are chosen by pupil id.
 */
export const DEMO_KINDERGARTEN = {
  name: 'Bjørkelia barnehage',
  orgNumber: '921000200',
  departments: [
    { name: 'Maurtua', ageGroup: 'small' },
    { name: 'Bjørnehiet', ageGroup: 'big' },
    { name: 'Revehiet', ageGroup: 'big' },
  ],
} as const;

export interface KindergartenStaffSeed {
  key?: 'kindergarten-leader' | 'pedagogical-leader' | 'kindergarten-staff';
  role: StaffRole;
  given: string;
  family: string;
  birthDate: string;
  department: string | null;
  title: string;
}

/** Feide ids and fødselsnumre are derived from these (sequence 51 of the birth date: no generated person has it). */
export const KINDERGARTEN_STAFF: readonly KindergartenStaffSeed[] = [
  {
    key: 'kindergarten-leader',
    role: 'kindergarten_leader',
    given: 'Hilde',
    family: 'Moen',
    birthDate: '1975-04-11',
    department: null,
    title: 'Styrer',
  },
  {
    key: 'pedagogical-leader',
    role: 'pedagogical_leader',
    given: 'Sondre',
    family: 'Lie',
    birthDate: '1988-10-23',
    department: 'Bjørnehiet',
    title: 'Pedagogisk leder',
  },
  {
    key: 'kindergarten-staff',
    role: 'kindergarten_staff',
    given: 'Amina',
    family: 'Haddad',
    birthDate: '1999-02-16',
    department: 'Bjørnehiet',
    title: 'Barnehagelærer',
  },
  {
    role: 'pedagogical_leader',
    given: 'Vilde',
    family: 'Aune',
    birthDate: '1985-07-02',
    department: 'Maurtua',
    title: 'Pedagogisk leder',
  },
  {
    role: 'pedagogical_leader',
    given: 'Per',
    family: 'Rustad',
    birthDate: '1979-12-09',
    department: 'Revehiet',
    title: 'Pedagogisk leder',
  },
];

export const kindergartenStaffFeideId = (s: KindergartenStaffSeed) =>
  `feide:${slug(s.given)}.${slug(s.family)}@demo-kommune.example`;
export const kindergartenStaffNumber = (s: KindergartenStaffSeed) => syntheticIdentityNumber(s.birthDate, 51);

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z]/g, '');
}

const GIVEN = [
  'Nora',
  'Theo',
  'Ella',
  'Lukas',
  'Ingrid',
  'Filip',
  'Maja',
  'Oliver',
  'Selma',
  'Aksel',
  'Frida',
  'Ludvig',
];

/** Bjørkelia barnehage's own consent (issue 13: a unit's own types beside the owner's), after the owner's. */
const OWN_CONSENT_TYPES: readonly SeedConsentType[] = [
  {
    key: 'bjorkelia-bhg-bading',
    nb: [
      'Bading i Bjørkelitjønna',
      'Mitt barn kan bade fra stranda ved Bjørkelitjønna på sommerturene i juni, med redningsvest og voksne i vannet.',
    ],
    nn: [
      'Bading i Bjørkelitjønna',
      'Barnet mitt kan bade frå stranda ved Bjørkelitjønna på sommarturane i juni, med redningsvest og vaksne i vatnet.',
    ],
    en: [
      'Swimming in Bjørkelitjønna',
      'My child may swim from the beach at Bjørkelitjønna on the June summer trips, with a life jacket and adults in the water.',
    ],
  },
];

/** Fixed siblings: Kari Nordmann's Nora (4 years, Bjørnehiet) and Emma Solvang's brother Theo (2 years, Maurtua). */
const FIXED_SIBLINGS = [
  { sibling: 'Sofie', family: 'Nordmann', given: 'Nora', birthDate: '2022-06-14', department: 'Bjørnehiet' },
  { sibling: 'Emma', family: 'Solvang', given: 'Theo', birthDate: '2024-03-05', department: 'Maurtua' },
] as const;

/** How many more siblings (beside the fixed ones) the demo kindergarten gets. */
const MORE_CHILDREN = 40;

export async function seedCare(trx: Trx, today: string): Promise<void> {
  const demo = await trx
    .selectFrom('municipality')
    .select('id')
    .where('org_number', '=', '921000001')
    .executeTakeFirst();
  if (!demo) return;
  const kg = await trx
    .insertInto('kindergarten')
    .values({
      municipality_id: demo.id,
      name: DEMO_KINDERGARTEN.name,
      org_number: DEMO_KINDERGARTEN.orgNumber,
      hovudmaal: 'nb',
      address_line: 'Bjørkeliveien 40',
      postal_code: '7010',
      postal_place: 'Bjørkelia',
      email: 'bjorkelia.barnehage@demo-kommune.example',
      phone: '73 00 12 00',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const departments = new Map<string, number>();
  for (const d of DEMO_KINDERGARTEN.departments) {
    const row = await trx
      .insertInto('kindergarten_department')
      .values({ kindergarten_id: kg.id, name: d.name, age_group: d.ageGroup })
      .returning('id')
      .executeTakeFirstOrThrow();
    departments.set(d.name, row.id);
  }
  const yearStart = await trx
    .selectFrom('school_year')
    .select('starts_on')
    .where('municipality_id', '=', demo.id)
    .where('starts_on', '<=', today)
    .orderBy('starts_on', 'desc')
    .executeTakeFirst();
  const startsOn = `${(yearStart?.starts_on ?? today).slice(0, 4)}-08-01`;

  const staffIds = new Map<string, number>();
  for (const s of KINDERGARTEN_STAFF) {
    const person = await trx
      .insertInto('person')
      .values({
        fodselsnummer: kindergartenStaffNumber(s),
        feide_id: kindergartenStaffFeideId(s),
        given_name: s.given,
        family_name: s.family,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('contact_info')
      .values({ person_id: person.id, email: kindergartenStaffFeideId(s).replace(/^feide:/, '') })
      .execute();
    await trx
      .insertInto('staff_membership')
      .values({
        person_id: person.id,
        municipality_id: demo.id,
        school_id: null,
        sfo_id: null,
        kindergarten_id: kg.id,
        department_id: s.department ? departments.get(s.department)! : null,
        role: s.role,
        title: s.title,
        starts_on: '2020-08-01',
      })
      .execute();
    if (s.key) staffIds.set(s.key, person.id);
  }
  await seedDepartmentNews(trx, kg.id, departments.get('Bjørnehiet')!, staffIds.get('pedagogical-leader')!, today);
  await insertConsentTypes(trx, demo.id, 'kindergarten', kg.id, OWN_CONSENT_TYPES, 100);

  // The siblings: the fixed ones, then one younger child in each of the first families (by pupil id) with a pupil in
  // 1.–4. trinn at Bjørkelia skole, neither blocked nor protected.
  const fixed = await Promise.all(
    FIXED_SIBLINGS.map(async (f) => {
      const pupil = await trx
        .selectFrom('person')
        .select('id')
        .where('given_name', '=', f.sibling)
        .where('family_name', '=', f.family)
        .where((eb) =>
          eb.exists(eb.selectFrom('enrolment as e').select('e.id').whereRef('e.pupil_id', '=', 'person.id')),
        )
        .orderBy('id')
        .executeTakeFirst();
      return pupil ? { ...f, pupilId: pupil.id } : null;
    }),
  );
  const fixedIds = fixed.flatMap((f) => (f ? [f.pupilId] : []));
  const more = await sql<{ pupil_id: number; family_name: string }>`
    select distinct on (p.id) p.id as pupil_id, p.family_name
    from person p join enrolment e on e.pupil_id = p.id join class c on c.id = e.class_id join school s on s.id = e.school_id
    where s.name = 'Bjørkelia skole' and c.trinn between 1 and 4 and e.ends_on is null and p.address_protection = 'none'
      and p.id <> all(${sql.val(fixedIds)}::bigint[])
      and not exists (select 1 from guardian_relation g where g.pupil_id = p.id and (g.blocked or g.contact_person_only))
      and exists (select 1 from guardian_relation g where g.pupil_id = p.id)
    order by p.id limit ${MORE_CHILDREN}`.execute(trx);
  const children = [
    ...fixed.flatMap((f) => (f ? [f] : [])),
    ...more.rows.map((r, i) => {
      const year = 2021 + (i % 5);
      const birthDate = `${year}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 27)).padStart(2, '0')}`;
      const department = year >= 2024 ? 'Maurtua' : i % 2 === 0 ? 'Bjørnehiet' : 'Revehiet';
      return { given: GIVEN[i % GIVEN.length]!, family: r.family_name, birthDate, department, pupilId: r.pupil_id };
    }),
  ];
  const sequence = new Map<string, number>();
  for (const [i, child] of children.entries()) {
    const seq = (sequence.get(child.birthDate) ?? 40) + 1;
    sequence.set(child.birthDate, seq);
    const person = await sql<{ id: number }>`
      insert into person (fodselsnummer, given_name, family_name, address_line, postal_code, postal_place, address_protection)
      select ${syntheticIdentityNumber(child.birthDate, seq)}, ${child.given}, ${child.family}, address_line, postal_code,
        postal_place, address_protection from person where id = ${child.pupilId}
      returning id`.execute(trx);
    const childId = person.rows[0]!.id;
    await sql`insert into guardian_relation (pupil_id, guardian_id, relation, parental_responsibility, blocked,
        contact_person_only, lives_with_child)
      select ${childId}, guardian_id, relation, parental_responsibility, blocked, contact_person_only, lives_with_child
      from guardian_relation where pupil_id = ${child.pupilId}`.execute(trx);
    await trx
      .insertInto('kindergarten_enrolment')
      .values({
        child_id: childId,
        department_id: departments.get(child.department)!,
        percent: i % 9 === 8 ? 80 : 100,
        starts_on: startsOn,
      })
      .execute();
    if (i % 4 === 1) {
      await trx
        .insertInto('care_pickup_person')
        .values({ child_id: childId, name: `Bestemor ${child.family}`, phone: '+4791234567', relation: 'Bestemor' })
        .execute();
    }
  }

  // Stay plans: kindergarten children Monday–Friday (some leave early on Fridays), 80 % places four days; SFO children
  // after school on the days of their place.
  await sql`insert into care_week_day (child_id, weekday, arrives_at, leaves_at)
    select ke.child_id, d, case when ke.child_id % 3 = 0 then '07:30'::time else '08:15'::time end,
      case when d = 5 and ke.child_id % 2 = 0 then '14:30'::time when ke.child_id % 3 = 0 then '15:30'::time
           else '16:00'::time end
    from kindergarten_enrolment ke, generate_series(1, 5) d
    where ke.percent = 100 or d <> 3`.execute(trx);
  await sql`insert into care_week_day (child_id, weekday, arrives_at, leaves_at)
    select distinct f.pupil_id, d, '13:30'::time, case when f.pupil_id % 2 = 0 then '16:00'::time else '15:30'::time end
    from sfo_enrolment f, generate_series(1, 5) d
    where f.ends_on is null and (f.days is null or d = any(f.days))
    on conflict do nothing`.execute(trx);
  await seedKindergartenConsents(trx, demo.id, fixedIds);
  await sql`insert into care_child (child_id, walks_alone, walks_alone_from)
    select distinct f.pupil_id, true, '15:00'::time
    from sfo_enrolment f join enrolment e on e.pupil_id = f.pupil_id join class c on c.id = e.class_id
    where f.ends_on is null and e.ends_on is null and c.trinn >= 3 and f.pupil_id % 2 = 1
    on conflict do nothing`.execute(trx);
}

/** Bjørnehiet's news post and next week's plan (issue 13), by its pedagogical leader; no notifications. */
async function seedDepartmentNews(
  trx: Trx,
  kindergartenId: number,
  departmentId: number,
  authorId: number,
  today: string,
) {
  const base = {
    school_id: null,
    scope: 'department' as const,
    kindergarten_id: kindergartenId,
    kindergarten_department_id: departmentId,
    author_id: authorId,
  };
  await trx
    .insertInto('news_post')
    .values([
      {
        ...base,
        kind: 'news',
        title: 'Tur til gapahuken torsdag',
        body: 'Torsdag går Bjørnehiet til gapahuken i skogen. Ta med ekstra ullklær og gode sko. Vi spiser lunsj ute.',
        week: null,
        published_at: new Date(`${addDays(today, -2)}T08:00:00+01:00`),
      },
      {
        ...base,
        kind: 'weekly_plan',
        title: 'Ukeplan for Bjørnehiet',
        body: 'Mandag: formingsdag. Tirsdag: tur i nærmiljøet. Onsdag: musikk og sang. Torsdag: turdag. Fredag: frilek og fruktfest.',
        week: isoWeekOf(addDays(today, 7)),
        published_at: new Date(`${addDays(today, -1)}T14:00:00+01:00`),
      },
    ])
    .execute();
}

/**
 * Consents in the demo kindergarten (issue 13), so its overview has something to show: the guardians of the siblings
 * beyond the fixed ones (never a demo login, whose gate and answers the tours and tests start from) have given the
 * general consent and answered the top-level kindergarten consents, mostly yes. Deterministic by id.
 */
async function seedKindergartenConsents(trx: Trx, ownerId: number, fixedSiblingPupilIds: number[]) {
  const demoNumbers = DEMO_LOGINS.flatMap((l) => (l.fodselsnummer ? [l.fodselsnummer] : []));
  const relations = sql`select distinct ke.child_id, r.guardian_id
    from kindergarten_enrolment ke
    join guardian_relation r on r.pupil_id = ke.child_id and r.parental_responsibility and not r.blocked
      and not r.contact_person_only
    join person g on g.id = r.guardian_id
    where coalesce(g.fodselsnummer, '') <> all(${sql.val(demoNumbers)}::text[])
      and not exists (select 1 from guardian_relation f where f.guardian_id = r.guardian_id
        and f.pupil_id = any(${sql.val(fixedSiblingPupilIds)}::bigint[]))`;
  await sql`insert into general_consent (guardian_id, state)
    select distinct guardian_id, 'given'::text from (${relations}) x
    on conflict (guardian_id) do nothing`.execute(trx);
  await sql`insert into consent_answer (pupil_id, guardian_id, consent_type_id, state)
    select x.child_id, x.guardian_id, t.id,
      case when (x.child_id * 31 + t.id * 17 + x.guardian_id * 7) % 10 < 8 then 'given' else 'refused' end
    from (${relations}) x join consent_type t on t.municipality_id = ${ownerId} and t.applies_to = 'kindergarten'
      and t.parent_id is null
    where (x.child_id * 13 + t.id * 3 + x.guardian_id) % 10 <> 0`.execute(trx);
  await sql`insert into consent_event (at, pupil_id, guardian_id, consent_type_id, changed_by, from_state, to_state, reason)
    select a.answered_at, a.pupil_id, a.guardian_id, a.consent_type_id, a.guardian_id, 'unanswered', a.state, 'answer'
    from consent_answer a join consent_type t on t.id = a.consent_type_id and t.applies_to = 'kindergarten'
      and t.municipality_id = ${ownerId}
    order by a.pupil_id, a.guardian_id, a.consent_type_id`.execute(trx);
}
