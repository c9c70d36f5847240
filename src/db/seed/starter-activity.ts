import { todayInOslo } from '../../domain/access/actor.ts';
import { STARTER_TRINN } from '../../domain/access/pupil-facts.ts';
import { schoolYearDates } from '../../domain/office/rollover.ts';
import { syntheticIdentityNumber } from '../../domain/person/fodselsnummer.ts';
import type { Db } from '../database.ts';
import { DEMO_LOGINS } from './demo.ts';

/** Ida's birth date: she turns six the year she starts school. */
const IDA_BORN = '2021-03-09';

/**
 * A skolestarter for the demo (issue 12): Ida Nordmann, Sofie's little sister (Kari and Anders Nordmann hold parental
 * responsibility together), admitted to 1A at Bjørkelia skole from the first day of the next school year — the class
 * and the school year made as the school office would before the summer. Log in as Kari: her card on the home page
 * says «Skolestarter fra …» and leads to her SFO screen (an SFO place from the first school day, the summer SFO). For
 * `npm start` on an empty database (seedDemoActivity), never the tests' seed. Skips what is there already.
 */
export async function seedDemoStarter(db: Db, now = new Date()): Promise<number | null> {
  const today = todayInOslo(now);
  const kariNumber = DEMO_LOGINS.find((l) => l.key === 'guardian')?.fodselsnummer;
  const sofie = kariNumber
    ? await db
        .selectFrom('person as k')
        .innerJoin('guardian_relation as g', 'g.guardian_id', 'k.id')
        .innerJoin('person as p', 'p.id', 'g.pupil_id')
        .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
        .innerJoin('school as s', 's.id', 'e.school_id')
        .select(['k.id as kari', 'p.id', 'p.address_line', 'p.postal_code', 'p.postal_place', 's.id as school_id'])
        .select('s.municipality_id')
        .where('k.fodselsnummer', '=', kariNumber)
        .where('p.given_name', '=', 'Sofie')
        .where('s.name', '=', 'Bjørkelia skole')
        .executeTakeFirst()
    : undefined;
  if (!sofie) return null;
  const existing = await db
    .selectFrom('guardian_relation as g')
    .innerJoin('person as p', 'p.id', 'g.pupil_id')
    .select('p.id')
    .where('g.guardian_id', '=', sofie.kari)
    .where('p.given_name', '=', 'Ida')
    .executeTakeFirst();
  if (existing) return existing.id;
  // Sofie's guardians with parental responsibility (Kari and Anders) are Ida's.
  const guardians = await db
    .selectFrom('guardian_relation')
    .select(['guardian_id', 'relation', 'lives_with_child'])
    .where('pupil_id', '=', sofie.id)
    .where('parental_responsibility', '=', true)
    .where('contact_person_only', '=', false)
    .where('blocked', '=', false)
    .execute();

  // The next school year (the usual skolerute frame when the owner has not made it yet) and its 1A.
  const nextStart = Number(today.slice(0, 4)) + (today.slice(5) >= '08-01' ? 1 : 0);
  const frame = schoolYearDates(nextStart);
  await db
    .insertInto('school_year')
    .values({
      municipality_id: sofie.municipality_id,
      name: frame.name,
      starts_on: frame.startsOn,
      ends_on: frame.endsOn,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'starts_on']).doNothing())
    .execute();
  const year = await db
    .selectFrom('school_year')
    .select(['id', 'starts_on'])
    .where('municipality_id', '=', sofie.municipality_id)
    .where('starts_on', '=', frame.startsOn)
    .executeTakeFirstOrThrow();
  if (year.starts_on <= today) return null;
  const cls =
    (await db
      .selectFrom('class')
      .select('id')
      .where('school_id', '=', sofie.school_id)
      .where('school_year_id', '=', year.id)
      .where('trinn', '=', STARTER_TRINN)
      .orderBy('name')
      .executeTakeFirst()) ??
    (await db
      .insertInto('class')
      .values({ school_id: sofie.school_id, school_year_id: year.id, name: '1A', trinn: STARTER_TRINN })
      .returning('id')
      .executeTakeFirstOrThrow());

  let fodselsnummer = syntheticIdentityNumber(IDA_BORN, 0);
  for (let sequence = 1; sequence < 50; sequence++) {
    const taken = await db
      .selectFrom('person')
      .select('id')
      .where('fodselsnummer', '=', fodselsnummer)
      .executeTakeFirst();
    if (!taken) break;
    fodselsnummer = syntheticIdentityNumber(IDA_BORN, sequence);
  }
  const ida = await db
    .insertInto('person')
    .values({
      given_name: 'Ida',
      family_name: 'Nordmann',
      fodselsnummer,
      address_line: sofie.address_line,
      postal_code: sofie.postal_code,
      postal_place: sofie.postal_place,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('enrolment')
    .values({ pupil_id: ida.id, school_id: sofie.school_id, class_id: cls.id, starts_on: year.starts_on })
    .execute();
  if (guardians.length)
    await db
      .insertInto('guardian_relation')
      .values(
        guardians.map((g) => ({
          pupil_id: ida.id,
          guardian_id: g.guardian_id,
          relation: g.relation,
          lives_with_child: g.lives_with_child,
        })),
      )
      .execute();
  return ida.id;
}
