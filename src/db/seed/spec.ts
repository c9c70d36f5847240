import type { Maalform } from '../schema.ts';
import { DEMO_POSTAL_PLACES, NORDLYS_POSTAL_PLACE, SCHOOL_STEMS, slug, type PostalPlace } from './names.ts';
import { Random } from './random.ts';

export type SeedSize = 'demo' | 'municipality';

/** What the generator builds for one school. */
export interface SchoolSpec {
  key: string;
  /** "Bjørkelia" — used for "Bjørkelia SFO" and the e-mail domain. */
  stem: string;
  name: string;
  orgNumber: string;
  hovudmaal: Maalform;
  firstTrinn: number;
  lastTrinn: number;
  classesPerTrinn: number;
  pupilsPerClass: readonly [min: number, max: number];
  postal: PostalPlace;
  leadershipTitles: readonly string[];
  extraTeachers: number;
  /** SFO staff besides the leader; no SFO at all when the school has no trinn 1–4 or this is null. */
  sfoStaff: number | null;
}

/** A school owner (kommune or private owner) with its schools. */
export interface OwnerSpec {
  key: string;
  name: string;
  orgNumber: string;
  kind: 'kommune' | 'private_owner';
  leaveLimitDays: number;
  /** Feide realm and staff e-mail domain, e.g. demo-kommune.example. */
  realm: string;
  /** Title of the school_owner person, or null for none. */
  ownerTitle: string | null;
  postalPlaces: readonly PostalPlace[];
  schools: SchoolSpec[];
  /** Generated special cases (the fixed demo people come on top). */
  special: { blocked: number; fortrolig: number; strengtFortrolig: number };
}

const DEMO_REALM = 'demo-kommune.example';
const place = (name: string): PostalPlace => DEMO_POSTAL_PLACES.find((p) => p.place === name) ?? DEMO_POSTAL_PLACES[0]!;

function bjorkelia(classesPerTrinn: number, pupils: readonly [number, number]): SchoolSpec {
  return {
    key: 'bjorkelia',
    stem: 'Bjørkelia',
    name: 'Bjørkelia skole',
    orgNumber: '921000011',
    hovudmaal: 'nb',
    firstTrinn: 1,
    lastTrinn: 10,
    classesPerTrinn,
    pupilsPerClass: pupils,
    postal: place('Bjørkelia'),
    leadershipTitles: ['Rektor', 'Inspektør'],
    extraTeachers: 3,
    sfoStaff: 2,
  };
}

function fjellheim(classesPerTrinn: number, pupils: readonly [number, number]): SchoolSpec {
  return {
    key: 'fjellheim',
    stem: 'Fjellheim',
    name: 'Fjellheim skule',
    orgNumber: '921000012',
    hovudmaal: 'nn',
    firstTrinn: 1,
    lastTrinn: 10,
    classesPerTrinn,
    pupilsPerClass: pupils,
    postal: place('Fjellheim'),
    leadershipTitles: ['Rektor', 'Inspektør'],
    extraTeachers: 3,
    sfoStaff: 2,
  };
}

function nordlys(): OwnerSpec {
  return {
    key: 'nordlys',
    name: 'Stiftelsen Nordlys',
    orgNumber: '921000101',
    kind: 'private_owner',
    leaveLimitDays: 10,
    realm: 'nordlys.example',
    ownerTitle: null,
    postalPlaces: [NORDLYS_POSTAL_PLACE, ...DEMO_POSTAL_PLACES.slice(0, 3)],
    special: { blocked: 0, fortrolig: 0, strengtFortrolig: 0 },
    schools: [
      {
        key: 'nordlys',
        stem: 'Nordlys',
        name: 'Nordlys montessoriskole',
        orgNumber: '921000111',
        hovudmaal: 'nb',
        firstTrinn: 1,
        lastTrinn: 7,
        classesPerTrinn: 1,
        pupilsPerClass: [5, 5],
        postal: NORDLYS_POSTAL_PLACE,
        leadershipTitles: ['Rektor'],
        extraTeachers: 0,
        sfoStaff: null,
      },
    ],
  };
}

function demoKommune(schools: SchoolSpec[], special: OwnerSpec['special']): OwnerSpec {
  return {
    key: 'demo',
    name: 'Demo kommune',
    orgNumber: '921000001',
    kind: 'kommune',
    leaveLimitDays: 10,
    realm: DEMO_REALM,
    ownerTitle: 'Kommunalsjef oppvekst',
    postalPlaces: DEMO_POSTAL_PLACES,
    schools,
    special,
  };
}

export function ownersFor(size: SeedSize): OwnerSpec[] {
  if (size === 'demo') {
    const schools = [bjorkelia(2, [11, 13]), fjellheim(1, [15, 17])];
    return [demoKommune(schools, { blocked: 4, fortrolig: 3, strengtFortrolig: 2 }), nordlys()];
  }
  const schools = [bjorkelia(3, [20, 25]), fjellheim(2, [20, 25]), ...generatedSchools(38)];
  return [demoKommune(schools, { blocked: 60, fortrolig: 40, strengtFortrolig: 20 }), nordlys()];
}

/** The extra schools of the municipality-size seed: barneskoler, ungdomsskoler and 1–10 schools. */
function generatedSchools(count: number): SchoolSpec[] {
  const rng = new Random(0x5c4001);
  return SCHOOL_STEMS.slice(0, count).map((stem, i) => {
    const hovudmaal: Maalform = rng.chance(0.3) ? 'nn' : 'nb';
    const kind = rng.pick(['barne', 'barne', 'ungdom', 'kombinert'] as const);
    const [firstTrinn, lastTrinn, classesPerTrinn] =
      kind === 'barne' ? [1, 7, rng.int(2, 4)] : kind === 'ungdom' ? [8, 10, rng.int(4, 7)] : [1, 10, rng.int(2, 3)];
    const suffix =
      kind === 'ungdom'
        ? hovudmaal === 'nb'
          ? 'ungdomsskole'
          : 'ungdomsskule'
        : hovudmaal === 'nb'
          ? 'skole'
          : 'skule';
    const classes = (lastTrinn - firstTrinn + 1) * classesPerTrinn;
    return {
      key: slug(stem),
      stem,
      name: `${stem} ${suffix}`,
      orgNumber: String(921000013 + i),
      hovudmaal,
      firstTrinn,
      lastTrinn,
      classesPerTrinn,
      pupilsPerClass: [21, 26] as const,
      postal: DEMO_POSTAL_PLACES[i % DEMO_POSTAL_PLACES.length]!,
      leadershipTitles: ['Rektor', 'Inspektør', hovudmaal === 'nb' ? 'Avdelingsleder' : 'Avdelingsleiar'].slice(
        0,
        classes > 20 ? 3 : 2,
      ),
      extraTeachers: Math.max(3, Math.round(classes / 4)),
      sfoStaff: firstTrinn === 1 ? Math.max(2, Math.round(classesPerTrinn * 1.5)) : null,
    };
  });
}
