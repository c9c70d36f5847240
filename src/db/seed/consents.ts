import type { Kysely, Transaction } from 'kysely';
import type { ConsentAnswerState, Database } from '../schema.ts';
import { DEMO_LOGINS, type DemoLoginKey } from './demo.ts';
import type { SeedSize } from './spec.ts';

type Trx = Transaction<Database>;

export interface SeedConsentType {
  key: string;
  parent?: string;
  nb: [name: string, description: string];
  nn: [name: string, description: string];
  en: [name: string, description: string];
}

/** The examples from the municipality's help page (seeds/000), in its own words, for every school owner. */
export const SEED_CONSENT_TYPES: readonly SeedConsentType[] = [
  {
    key: 'opplysninger-riktige',
    nb: ['Opplysningene er riktige', 'Jeg bekrefter at informasjonen om eleven og de foresatte er riktig.'],
    nn: ['Opplysningane er rette', 'Eg stadfestar at informasjonen om eleven og dei føresette er rett.'],
    en: ['The information is correct', 'I confirm that the information about the pupil and the guardians is correct.'],
  },
  {
    key: 'bil',
    nb: [
      'Kan sitte på i bil',
      'Mitt barn kan sitte på i bil med ansatte eller andre foresatte på turer og aktiviteter i skolens regi.',
    ],
    nn: [
      'Kan sitje på i bil',
      'Barnet mitt kan sitje på i bil med tilsette eller andre føresette på turar og aktivitetar i regi av skulen.',
    ],
    en: [
      'May ride in a car',
      'My child may ride in a car with staff or other parents on trips and activities organised by the school.',
    ],
  },
  {
    key: 'foto',
    nb: ['Foto', 'Skolen kan ta bilder av mitt barn.'],
    nn: ['Foto', 'Skulen kan ta bilete av barnet mitt.'],
    en: ['Photos', 'The school may take photos of my child.'],
  },
  {
    key: 'foto-klasserom',
    parent: 'foto',
    nb: ['Vises i klasserommet', 'Bilder av mitt barn kan vises i klasserommet.'],
    nn: ['Blir viste i klasserommet', 'Bilete av barnet mitt kan visast i klasserommet.'],
    en: ['Shown in the classroom', 'Photos of my child may be shown in the classroom.'],
  },
  {
    key: 'foto-internett',
    parent: 'foto',
    nb: [
      'Publiseres på internett',
      'Bilder av mitt barn kan publiseres på internett, for eksempel på skolens nettside.',
    ],
    nn: [
      'Blir publiserte på internett',
      'Bilete av barnet mitt kan publiserast på internett, til dømes på nettsida til skulen.',
    ],
    en: [
      'Published on the internet',
      "Photos of my child may be published on the internet, for example on the school's website.",
    ],
  },
  {
    key: 'video',
    nb: ['Video', 'Skolen kan ta video av mitt barn.'],
    nn: ['Video', 'Skulen kan ta video av barnet mitt.'],
    en: ['Video', 'The school may film my child.'],
  },
  {
    key: 'svomming',
    nb: ['Svømming', 'Badetillatelse: mitt barn kan delta i svømmeopplæring og bading.'],
    nn: ['Symjing', 'Badeløyve: barnet mitt kan vere med på symjeopplæring og bading.'],
    en: ['Swimming', 'Permission to swim: my child may take part in swimming lessons and bathing.'],
  },
  {
    key: 'klasseliste',
    nb: [
      'Oppført på klasselisten',
      'Mitt barn kan stå med navn på klasselisten som deles med de andre foresatte i klassen. Svarer du nei, er barnet reservert mot klasselisten.',
    ],
    nn: [
      'Ført opp på klasselista',
      'Barnet mitt kan stå med namn på klasselista som blir delt med dei andre føresette i klassen. Svarar du nei, er barnet reservert mot klasselista.',
    ],
    en: [
      'Listed on the class list',
      'My child may be listed by name on the class list shared with the other parents in the class. Answering no reserves your child against the class list.',
    ],
  },
];

/**
 * What kindergartens ask (issue 13, K1), for every owner's kindergartens; the demo kindergarten adds one of its own
 * (care.ts). Keys are unique within an owner, so they do not share the schools' keys.
 */
export const SEED_KINDERGARTEN_CONSENT_TYPES: readonly SeedConsentType[] = [
  {
    key: 'bhg-foto',
    nb: ['Bilder', 'Barnehagen kan ta bilder av mitt barn til dokumentasjon, permer og oppslag i barnehagen.'],
    nn: ['Bilete', 'Barnehagen kan ta bilete av barnet mitt til dokumentasjon, permar og oppslag i barnehagen.'],
    en: ['Photos', 'The kindergarten may take photos of my child for documentation, folders and notices inside it.'],
  },
  {
    key: 'bhg-foto-foresatte',
    parent: 'bhg-foto',
    nb: [
      'Deles med foresatte på avdelingen',
      'Bilder der mitt barn er med, kan deles med de andre foresatte på avdelingen.',
    ],
    nn: [
      'Blir delte med føresette på avdelinga',
      'Bilete der barnet mitt er med, kan delast med dei andre føresette på avdelinga.',
    ],
    en: [
      'Shared with the department’s parents',
      'Photos with my child in them may be shared with the other parents of the department.',
    ],
  },
  {
    key: 'bhg-foto-internett',
    parent: 'bhg-foto',
    nb: ['Publiseres på internett', 'Bilder av mitt barn kan publiseres på barnehagens nettside.'],
    nn: ['Blir publiserte på internett', 'Bilete av barnet mitt kan publiserast på nettsida til barnehagen.'],
    en: ['Published on the internet', 'Photos of my child may be published on the kindergarten’s website.'],
  },
  {
    key: 'bhg-tur',
    nb: [
      'Turer utenfor barnehagen',
      'Mitt barn kan være med på turer i nærmiljøet og med buss på utflukter i barnehagens regi.',
    ],
    nn: [
      'Turar utanfor barnehagen',
      'Barnet mitt kan vere med på turar i nærmiljøet og med buss på utflukter i regi av barnehagen.',
    ],
    en: [
      'Trips outside the kindergarten',
      'My child may go on walks in the neighbourhood and on bus trips organised by the kindergarten.',
    ],
  },
  {
    key: 'bhg-bil',
    nb: [
      'Kan sitte på i bil',
      'Mitt barn kan sitte på i bil med ansatte, i godkjent bilstol, på turer i barnehagens regi.',
    ],
    nn: [
      'Kan sitje på i bil',
      'Barnet mitt kan sitje på i bil med tilsette, i godkjend bilstol, på turar i regi av barnehagen.',
    ],
    en: [
      'May ride in a car',
      'My child may ride in a car with staff, in an approved child seat, on trips organised by the kindergarten.',
    ],
  },
  {
    key: 'bhg-solkrem',
    nb: ['Solkrem', 'Barnehagen kan smøre mitt barn med barnehagens parfymefrie solkrem med høy faktor.'],
    nn: ['Solkrem', 'Barnehagen kan smørje barnet mitt med den parfymefrie solkremen til barnehagen, med høg faktor.'],
    en: ['Sunscreen', 'The kindergarten may put its own fragrance-free, high-factor sunscreen on my child.'],
  },
];

/**
 * Writes the consent types for every school owner, and for the demo some answers in Bjørkelia skole 5A
 * (the demo contact teacher's class) so the staff overview has something to show. Runs inside the seed's
 * transaction, after the plan is written. Deterministic: no clock, no randomness beyond the ids.
 */
export async function seedConsentTypes(trx: Trx, size: SeedSize): Promise<void> {
  const owners = await trx.selectFrom('municipality').select('id').orderBy('id').execute();
  for (const owner of owners) {
    await insertConsentTypes(trx, owner.id, 'school', null, SEED_CONSENT_TYPES);
    await insertConsentTypes(trx, owner.id, 'kindergarten', null, SEED_KINDERGARTEN_CONSENT_TYPES);
  }
  if (size === 'demo') await seedDemoAnswers(trx);
}

/** One owner's types, a tree in the given order (a sub-consent after its parent). */
export async function insertConsentTypes(
  trx: Trx,
  municipalityId: number,
  appliesTo: 'school' | 'kindergarten',
  kindergartenId: number | null,
  types: readonly SeedConsentType[],
  firstPosition = 10,
): Promise<void> {
  const ids = new Map<string, number>();
  for (const [position, type] of types.entries()) {
    const row = await trx
      .insertInto('consent_type')
      .values({
        municipality_id: municipalityId,
        applies_to: appliesTo,
        kindergarten_id: kindergartenId,
        parent_id: type.parent ? ids.get(type.parent)! : null,
        key: type.key,
        name_nb: type.nb[0],
        description_nb: type.nb[1],
        name_nn: type.nn[0],
        description_nn: type.nn[1],
        name_en: type.en[0],
        description_en: type.en[1],
        position: firstPosition + position * 10,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(type.key, row.id);
  }
}

async function seedDemoAnswers(trx: Trx): Promise<void> {
  const relations = await trx
    .selectFrom('guardian_relation as g')
    .innerJoin('enrolment as e', 'e.pupil_id', 'g.pupil_id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .select(['g.pupil_id', 'g.guardian_id', 's.municipality_id'])
    .where('s.name', '=', 'Bjørkelia skole')
    .where('c.name', '=', '5A')
    .where('e.ends_on', 'is', null)
    .where('g.parental_responsibility', '=', true)
    .where('g.blocked', '=', false)
    .orderBy('g.pupil_id')
    .orderBy('g.guardian_id')
    .execute();
  if (relations.length === 0) return;
  const types = await trx
    .selectFrom('consent_type')
    .select(['id', 'key', 'parent_id'])
    .where('municipality_id', '=', relations[0]!.municipality_id)
    .where('applies_to', '=', 'school')
    .orderBy('position')
    .execute();
  const guardians = [...new Set(relations.map((r) => r.guardian_id))].filter((id) => id % 5 !== 0);
  if (guardians.length === 0) return;
  await trx
    .insertInto('general_consent')
    .values(guardians.map((id) => ({ guardian_id: id, state: 'given' as const })))
    .execute();
  const answers: { pupil_id: number; guardian_id: number; consent_type_id: number; state: ConsentAnswerState }[] = [];
  for (const r of relations.filter((r) => guardians.includes(r.guardian_id))) {
    const own = new Map<number, ConsentAnswerState>();
    for (const type of types) {
      const roll = (r.pupil_id * 31 + type.id * 17 + r.guardian_id * 7) % 10;
      let state: ConsentAnswerState | null = roll < 8 ? 'given' : roll < 9 ? 'refused' : null;
      if (state === 'given' && type.parent_id !== null && own.get(type.parent_id) !== 'given') state = 'refused';
      if (state === null) continue;
      own.set(type.id, state);
      answers.push({ pupil_id: r.pupil_id, guardian_id: r.guardian_id, consent_type_id: type.id, state });
    }
  }
  if (answers.length === 0) return;
  await trx.insertInto('consent_answer').values(answers).execute();
  await trx
    .insertInto('consent_event')
    .values(
      answers.map(({ state, ...a }) => ({
        ...a,
        changed_by: a.guardian_id,
        from_state: 'unanswered' as const,
        to_state: state,
        reason: 'answer' as const,
      })),
    )
    .execute();
}

/**
 * For tests and tours that are not about the gate (G2): these demo guardians have already given the general
 * consent, so /home shows their children at once. The seed itself leaves every guardian undecided.
 */
export async function giveDemoGeneralConsent(
  db: Kysely<Database>,
  keys: readonly DemoLoginKey[] = ['guardian', 'guardian-private'],
): Promise<void> {
  const numbers = DEMO_LOGINS.filter((l) => keys.includes(l.key) && l.fodselsnummer).map((l) => l.fodselsnummer!);
  if (numbers.length === 0) return;
  const people = await db.selectFrom('person').select('id').where('fodselsnummer', 'in', numbers).execute();
  if (people.length === 0) return;
  await db
    .insertInto('general_consent')
    .values(people.map((p) => ({ guardian_id: p.id, state: 'given' as const })))
    .onConflict((oc) => oc.column('guardian_id').doNothing())
    .execute();
}
