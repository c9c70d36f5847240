import type { GuardianRelationType, StaffRole } from '../schema.ts';

/**
 * The fixed people of the demo, layered on top of the generated data. They are added to the
 * plan before anything else, on birth dates no one else has been given yet, so their
 * fødselsnumre and Feide ids are the constants in DEMO_LOGINS (the seed test checks this).
 */

export type DemoLoginKey =
  | 'guardian'
  | 'guardian-private'
  | 'guardian-blocked'
  | 'guardian-left'
  | 'contact-teacher'
  | 'teacher'
  | 'leadership'
  | 'school-owner'
  | 'sfo-leader'
  | 'sfo-staff'
  | 'kindergarten-leader'
  | 'pedagogical-leader'
  | 'kindergarten-staff'
  | 'pupil';

export interface DemoLogin {
  key: DemoLoginKey;
  role: 'guardian' | 'pupil' | StaffRole;
  name: string;
  /** For ID-porten (guardians). Staff have one too; pupils' depend on the school year, so are left out. */
  fodselsnummer?: string;
  /** For Feide (staff and pupils). */
  feideId?: string;
  description: string;
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    key: 'guardian',
    role: 'guardian',
    name: 'Kari Nordmann',
    fodselsnummer: '14838400052',
    description:
      'Guardian (mor) of Sofie in Bjørkelia skole 3A, Jonas in Fjellheim skule 6A and Nora in Bjørkelia barnehage (Bjørnehiet), with Anders Nordmann.',
  },
  {
    key: 'guardian-private',
    role: 'guardian',
    name: 'Ola Nordmann',
    fodselsnummer: '01928000059',
    description:
      'Guardian (far) of Emil in Bjørkelia skole 4B (Demo kommune) and Hedda in Nordlys montessoriskole 2A (Stiftelsen Nordlys).',
  },
  {
    key: 'guardian-blocked',
    role: 'guardian',
    name: 'Geir Brattli',
    fodselsnummer: '05848100058',
    description: 'Far of Maja in Bjørkelia skole 6B, but blocked: his only guardian relation gives no access.',
  },
  {
    key: 'guardian-left',
    role: 'guardian',
    name: 'Hanne Lystad',
    fodselsnummer: '12908500073',
    description: 'Mor of Oskar, who left Bjørkelia skole (4A) during the autumn: no current child.',
  },
  {
    key: 'contact-teacher',
    role: 'contact_teacher',
    name: 'Marius Fossum',
    fodselsnummer: '03898600024',
    feideId: 'feide:marius.fossum@demo-kommune.example',
    description: 'Contact teacher of Bjørkelia skole 5A; also teaches 5A Matematikk and 5A Norsk.',
  },
  {
    key: 'teacher',
    role: 'teacher',
    name: 'Ingvild Rasten',
    fodselsnummer: '17819000034',
    feideId: 'feide:ingvild.rasten@demo-kommune.example',
    description: 'Teacher (no class of her own) at Bjørkelia skole: the elective, the choir and a few class groups.',
  },
  {
    key: 'leadership',
    role: 'leadership',
    name: 'Torunn Holmvik',
    fodselsnummer: '22857100054',
    feideId: 'feide:torunn.holmvik@demo-kommune.example',
    description: 'Rektor at Bjørkelia skole.',
  },
  {
    key: 'school-owner',
    role: 'school_owner',
    name: 'Randi Kolstad',
    fodselsnummer: '09826800094',
    feideId: 'feide:randi.kolstad@demo-kommune.example',
    description: 'Kommunalsjef oppvekst in Demo kommune (school owner).',
  },
  {
    key: 'sfo-leader',
    role: 'sfo_leader',
    name: 'Berit Sandnes',
    fodselsnummer: '28917900185',
    feideId: 'feide:berit.sandnes@demo-kommune.example',
    description: 'Leader of Bjørkelia SFO.',
  },
  {
    key: 'sfo-staff',
    role: 'sfo_staff',
    name: 'Jonas Eng',
    fodselsnummer: '30869600098',
    feideId: 'feide:jonas.eng@demo-kommune.example',
    description: 'Staff at Bjørkelia SFO.',
  },
  {
    key: 'kindergarten-leader',
    role: 'kindergarten_leader',
    name: 'Hilde Moen',
    fodselsnummer: '11847506212',
    feideId: 'feide:hilde.moen@demo-kommune.example',
    description: 'Styrer of Bjørkelia barnehage (three departments: Maurtua, Bjørnehiet, Revehiet).',
  },
  {
    key: 'pedagogical-leader',
    role: 'pedagogical_leader',
    name: 'Sondre Lie',
    fodselsnummer: '23908806492',
    feideId: 'feide:sondre.lie@demo-kommune.example',
    description: 'Pedagogisk leder of Bjørnehiet, Bjørkelia barnehage (where Nora Nordmann is).',
  },
  {
    key: 'kindergarten-staff',
    role: 'kindergarten_staff',
    name: 'Amina Haddad',
    fodselsnummer: '16829906248',
    feideId: 'feide:amina.haddad@demo-kommune.example',
    description: 'Barnehagelærer at Bjørnehiet, Bjørkelia barnehage.',
  },
  {
    key: 'pupil',
    role: 'pupil',
    name: 'Emma Solvang',
    feideId: 'feide:emma.solvang1@demo-kommune.example',
    description: 'Pupil in Bjørkelia skole 7A.',
  },
];

interface FixedAdult {
  login?: DemoLoginKey;
  given: string;
  family: string;
  birthDate: string;
}

/** `slot` names the place the generator would otherwise fill with a random person. */
export interface FixedStaff extends FixedAdult {
  slot: string;
}

export interface FixedGuardian extends FixedAdult {
  relation: GuardianRelationType;
  blocked?: boolean;
  livesElsewhere?: boolean;
}

export interface FixedChild {
  login?: DemoLoginKey;
  given: string;
  girl: boolean;
  /** MM-DD; the year follows from the trinn. */
  birthday: string;
  school: string;
  className: string;
  left?: boolean;
}

export interface FixedFamily {
  familyName: string;
  /** Where the family lives (a Demo kommune place). */
  place: string;
  guardians: FixedGuardian[];
  children: FixedChild[];
}

export const FIXED_STAFF: readonly FixedStaff[] = [
  { login: 'school-owner', given: 'Randi', family: 'Kolstad', birthDate: '1968-02-09', slot: 'demo:owner' },
  { login: 'leadership', given: 'Torunn', family: 'Holmvik', birthDate: '1971-05-22', slot: 'bjorkelia:leadership:0' },
  {
    login: 'contact-teacher',
    given: 'Marius',
    family: 'Fossum',
    birthDate: '1986-09-03',
    slot: 'bjorkelia:contact:5A',
  },
  { login: 'teacher', given: 'Ingvild', family: 'Rasten', birthDate: '1990-01-17', slot: 'bjorkelia:teacher:0' },
  { login: 'sfo-leader', given: 'Berit', family: 'Sandnes', birthDate: '1979-11-28', slot: 'bjorkelia:sfo_leader:0' },
  { login: 'sfo-staff', given: 'Jonas', family: 'Eng', birthDate: '1996-06-30', slot: 'bjorkelia:sfo_staff:0' },
];

export const FIXED_FAMILIES: readonly FixedFamily[] = [
  {
    familyName: 'Nordmann',
    place: 'Bjørkelia',
    guardians: [
      { login: 'guardian', given: 'Kari', family: 'Nordmann', birthDate: '1984-03-14', relation: 'mor' },
      { given: 'Anders', family: 'Nordmann', birthDate: '1982-07-08', relation: 'far' },
    ],
    children: [
      { given: 'Sofie', girl: true, birthday: '04-21', school: 'bjorkelia', className: '3A' },
      { given: 'Jonas', girl: false, birthday: '10-02', school: 'fjellheim', className: '6A' },
    ],
  },
  {
    familyName: 'Nordmann',
    place: 'Sølvberg',
    guardians: [
      { login: 'guardian-private', given: 'Ola', family: 'Nordmann', birthDate: '1980-12-01', relation: 'far' },
      { given: 'Liv', family: 'Nordmann', birthDate: '1983-05-19', relation: 'mor' },
    ],
    children: [
      { given: 'Emil', girl: false, birthday: '08-11', school: 'bjorkelia', className: '4B' },
      { given: 'Hedda', girl: true, birthday: '02-27', school: 'nordlys', className: '2A' },
    ],
  },
  {
    familyName: 'Bakkeli',
    place: 'Bjørkelia',
    guardians: [
      { given: 'Trine', family: 'Bakkeli', birthDate: '1987-08-24', relation: 'mor' },
      {
        login: 'guardian-blocked',
        given: 'Geir',
        family: 'Brattli',
        birthDate: '1981-04-05',
        relation: 'far',
        blocked: true,
        livesElsewhere: true,
      },
    ],
    children: [{ given: 'Maja', girl: true, birthday: '03-09', school: 'bjorkelia', className: '6B' }],
  },
  {
    familyName: 'Lystad',
    place: 'Elvetun',
    guardians: [{ login: 'guardian-left', given: 'Hanne', family: 'Lystad', birthDate: '1985-10-12', relation: 'mor' }],
    children: [{ given: 'Oskar', girl: false, birthday: '06-15', school: 'bjorkelia', className: '4A', left: true }],
  },
  {
    familyName: 'Solvang',
    place: 'Bjørkelia',
    guardians: [
      { given: 'Siri', family: 'Solvang', birthDate: '1983-02-14', relation: 'mor' },
      { given: 'Knut', family: 'Solvang', birthDate: '1981-11-30', relation: 'far' },
    ],
    children: [{ login: 'pupil', given: 'Emma', girl: true, birthday: '09-19', school: 'bjorkelia', className: '7A' }],
  },
];
