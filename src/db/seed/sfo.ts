import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Trx = Transaction<Database>;

/**
 * The demo offers of every SFO (issue 12): full time (5 days, 20 hours a week) and part time by days (3 days, 12 hours;
 * 2 days, 8 hours) and a 60 % place. Prices in øre a month, billed 11 months (July free); food money on top. The
 * prices are of the order Norwegian municipalities charge in 2026.
 */
export const DEMO_OFFERS = [
  {
    name: 'Heltid (5 dager)',
    kind: 'full',
    days_per_week: null,
    percent: null,
    hours_per_week: 20,
    monthly_price_ore: 3_300_00,
    food_ore: 350_00,
  },
  {
    name: '3 dager i uka',
    kind: 'days',
    days_per_week: 3,
    percent: null,
    hours_per_week: 12,
    monthly_price_ore: 2_300_00,
    food_ore: 210_00,
  },
  {
    name: '2 dager i uka',
    kind: 'days',
    days_per_week: 2,
    percent: null,
    hours_per_week: 8,
    monthly_price_ore: 1_600_00,
    food_ore: 140_00,
  },
  {
    name: '60 % plass',
    kind: 'percent',
    days_per_week: null,
    percent: 60,
    hours_per_week: 12,
    monthly_price_ore: 2_300_00,
    food_ore: 210_00,
  },
] as const;

/**
 * Offers, settings and the seeded places' terms: each SFO gets the demo offers, a sibling discount of 30 % and a
 * capacity; each seeded place gets an offer (every third pupil 3 days a week, Monday, Tuesday and Thursday; the rest
 * full time) and its payer (the pupil's guardian with parental responsibility and the lowest id, never a blocked one).
 */
export async function seedSfo(trx: Trx): Promise<void> {
  const sfos = await trx.selectFrom('sfo').select('id').orderBy('id').execute();
  if (sfos.length === 0) return;
  await trx.updateTable('sfo').set({ sibling_discount_percent: 30, capacity: 180 }).execute();
  await trx
    .insertInto('sfo_offer')
    .values(sfos.flatMap((s) => DEMO_OFFERS.map((o) => ({ ...o, sfo_id: s.id }))))
    .execute();
  await sql`
    update sfo_enrolment e set
      offer_id = (select o.id from sfo_offer o where o.sfo_id = e.sfo_id
                  and o.name = case when e.pupil_id % 3 = 0 then ${DEMO_OFFERS[1].name} else ${DEMO_OFFERS[0].name} end),
      days = case when e.pupil_id % 3 = 0 then '{1,2,4}'::smallint[] else null end,
      payer_id = (select min(g.guardian_id) from guardian_relation g
                  where g.pupil_id = e.pupil_id and g.parental_responsibility and not g.blocked and not g.contact_person_only)
  `.execute(trx);
}
