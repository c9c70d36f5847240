import { loadActor, todayInOslo, type Actor } from '../../domain/access/actor.ts';
import { answerConfirmation } from '../../domain/applications/confirm.ts';
import { requireGuardianChild } from '../../domain/guardian/child.ts';
import { guardiansWithAccess } from '../../domain/guardian/guardians.ts';
import { earliestTerminationDate } from '../../domain/sfo/notice.ts';
import { openOffers, type Offer } from '../../domain/sfo/offers.ts';
import { applyForSfoPlace } from '../../domain/sfo/place-apply.ts';
import type { SfoPlaceInput } from '../../domain/sfo/place-form.ts';
import type { SfoPlaceKind } from '../schema.ts';
import type { Db } from '../database.ts';
import { DEMO_LOGINS } from './demo.ts';

/** The first of the month after `today` (YYYY-MM-DD). */
const firstOfNextMonth = (today: string) => {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
const typed = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const daysOf = (offer: Offer) =>
  offer.kind === 'days' ? ['1', '2', '4', '3', '5'].slice(0, offer.daysPerWeek ?? 0) : [];

/**
 * SFO place applications for the demo (issue 12), written through the domain functions so the outbox rows, the
 * confirmations and the audit exist — for `npm start` on an empty database (seedDemoActivity), never the tests' seed:
 * - Anders Nordmann applies for a part-time place for Jonas (Fjellheim SFO); it waits for Kari to confirm (log in as
 *   Kari to confirm it);
 * - a place for a Bjørkelia pupil in trinn 1–4 without one, a change of a place and a termination (with the notice
 *   period), each confirmed by every other guardian so they wait in Berit Sandnes's queue.
 * Returns the ids of the applications made.
 */
export async function seedSfoActivity(db: Db, now = new Date()): Promise<number[]> {
  const today = todayInOslo(now);
  const made: number[] = [];
  const guardian = async (personId: number): Promise<Actor | null> => loadActor(db, personId, 'idporten', today);
  const kariLogin = DEMO_LOGINS.find((l) => l.key === 'guardian')!;
  const kari = await db
    .selectFrom('person')
    .select('id')
    .where('fodselsnummer', '=', kariLogin.fodselsnummer!)
    .executeTakeFirst();

  /** One application by `applicantId` for the pupil; the others confirm unless `waitForOthers`. */
  async function apply(
    applicantId: number,
    pupilId: number,
    kind: SfoPlaceKind,
    input: (offers: Offer[]) => SfoPlaceInput | null,
    waitForOthers = false,
  ): Promise<boolean> {
    const actor = await guardian(applicantId);
    if (!actor) return false;
    const child = await requireGuardianChild(db, actor, pupilId, today).catch(() => null);
    if (!child) return false;
    const sfo = await db
      .selectFrom('sfo')
      .select('id')
      .where('school_id', '=', child.schoolId)
      .orderBy('id')
      .executeTakeFirst();
    if (!sfo) return false;
    const values = input(await openOffers(db, sfo.id, today));
    if (!values) return false;
    const result = await applyForSfoPlace(db, actor, child, kind, values, now);
    if (!result.ok) return false;
    made.push(result.applicationId);
    if (waitForOthers) return true;
    for (const other of await guardiansWithAccess(db, pupilId)) {
      if (other.personId === applicantId) continue;
      const otherActor = await guardian(other.personId);
      if (!otherActor) continue;
      const otherChild = await requireGuardianChild(db, otherActor, pupilId, today);
      await answerConfirmation(db, kind, otherActor, otherChild, result.applicationId, 'confirmed', now);
    }
    return true;
  }
  const partTime = (offers: Offer[]) => offers.find((o) => o.kind === 'days' && (o.daysPerWeek ?? 0) >= 3) ?? offers[0];
  const start = typed(firstOfNextMonth(today));

  // Jonas Nordmann: Anders applies, Kari must confirm.
  if (kari) {
    const jonas = await db
      .selectFrom('guardian_relation as r')
      .innerJoin('person as p', 'p.id', 'r.pupil_id')
      .select('p.id')
      .where('r.guardian_id', '=', kari.id)
      .where('p.given_name', '=', 'Jonas')
      .executeTakeFirst();
    const anders = jonas
      ? await db
          .selectFrom('guardian_relation as r')
          .innerJoin('person as p', 'p.id', 'r.guardian_id')
          .select('p.id')
          .where('r.pupil_id', '=', jonas.id)
          .where('p.given_name', '=', 'Anders')
          .executeTakeFirst()
      : undefined;
    if (jonas && anders)
      await apply(
        anders.id,
        jonas.id,
        'sfo_place',
        (offers) => {
          const offer = partTime(offers);
          return offer
            ? { offer: String(offer.id), days: daysOf(offer), from: start, comment: '', sharedInvoice: true }
            : null;
        },
        true,
      );
  }

  const bjorkelia = await db
    .selectFrom('sfo as f')
    .innerJoin('school as s', 's.id', 'f.school_id')
    .select(['f.id', 'f.school_id'])
    .where('s.name', '=', 'Bjørkelia skole')
    .executeTakeFirst();
  if (!bjorkelia) return made;
  /** Pupils of the school in trinn 1–4 (with or without a place) and a guardian with parental responsibility. */
  const candidates = async (withPlace: boolean) =>
    db
      .selectFrom('enrolment as e')
      .innerJoin('class as c', 'c.id', 'e.class_id')
      .innerJoin('guardian_relation as g', 'g.pupil_id', 'e.pupil_id')
      .select(['e.pupil_id', 'g.guardian_id'])
      .where('e.school_id', '=', bjorkelia.school_id)
      .where('c.trinn', '<=', 4)
      .where('e.starts_on', '<=', today)
      .where((eb) => eb.or([eb('e.ends_on', 'is', null), eb('e.ends_on', '>=', today)]))
      .where('g.parental_responsibility', '=', true)
      .where('g.blocked', '=', false)
      .where('g.contact_person_only', '=', false)
      .where(({ exists, selectFrom, not }) => {
        const place = exists(
          selectFrom('sfo_enrolment as s')
            .select('s.id')
            .whereRef('s.pupil_id', '=', 'e.pupil_id')
            .where((eb) => eb.or([eb('s.ends_on', 'is', null), eb('s.ends_on', '>=', today)])),
        );
        return withPlace ? place : not(place);
      })
      .where(
        'e.pupil_id',
        'not in',
        kari ? db.selectFrom('guardian_relation').select('pupil_id').where('guardian_id', '=', kari.id) : [0],
      )
      .orderBy('e.pupil_id')
      .orderBy('g.guardian_id')
      .limit(40)
      .execute();

  for (const c of await candidates(false)) {
    const ok = await apply(c.guardian_id, c.pupil_id, 'sfo_place', (offers) => {
      const offer = offers.find((o) => o.kind === 'full') ?? offers[0];
      return offer
        ? { offer: String(offer.id), days: [], from: start, comment: 'Starter etter jul.', sharedInvoice: false }
        : null;
    });
    if (ok) break;
  }
  const placed = await candidates(true);
  const changer = placed[0];
  if (changer)
    await apply(changer.guardian_id, changer.pupil_id, 'sfo_change', (offers) => {
      const offer = offers.find((o) => o.kind === 'days' && o.daysPerWeek === 2);
      return offer
        ? { offer: String(offer.id), days: ['1', '3'], from: start, comment: '', sharedInvoice: false }
        : null;
    });
  const leaver = placed.find((p) => p.pupil_id !== changer?.pupil_id);
  if (leaver)
    await apply(leaver.guardian_id, leaver.pupil_id, 'sfo_termination', () => ({
      offer: '',
      days: [],
      from: typed(earliestTerminationDate(today, 1)),
      comment: 'Vi flytter i februar.',
      sharedInvoice: false,
    }));
  return made;
}
