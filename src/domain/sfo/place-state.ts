import type { Db } from '../../db/database.ts';
import type { SfoOfferKind } from '../../db/schema.ts';
import { notEndedBy } from '../period.ts';

/** The SFO a child applies to: the one of the child's place, else the (first) SFO of the child's school. */
export interface ChildSfo {
  sfoId: number;
  name: string;
  schoolId: number;
  municipalityId: number;
  noticeMonths: number;
  capacity: number | null;
}

/** A place (sfo_enrolment row) not ended by today: the current one and any that starts later. */
export interface SfoPlace {
  enrolmentId: number;
  sfoId: number;
  offerId: number | null;
  offerName: string | null;
  offerKind: SfoOfferKind | null;
  days: number[] | null;
  payerId: number | null;
  payerName: string | null;
  sharedInvoice: boolean;
  startsOn: string;
  endsOn: string | null;
}

/**
 * The SFO of a child at its school now: the SFO of a place not ended by today at that school, else the school's first
 * SFO; null when the school has no SFO (then there is nothing to apply to).
 */
export async function sfoOfChild(
  db: Db,
  child: { pupilId: number; schoolId: number },
  today: string,
): Promise<ChildSfo | null> {
  const row = await db
    .selectFrom('sfo as f')
    .innerJoin('school as s', 's.id', 'f.school_id')
    .select(['f.id', 'f.name', 'f.school_id', 's.municipality_id', 'f.notice_months', 'f.capacity'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('sfo_enrolment as e')
            .select('e.id')
            .whereRef('e.sfo_id', '=', 'f.id')
            .where('e.pupil_id', '=', child.pupilId)
            .where(notEndedBy('e', today)),
        )
        .as('has_place'),
    )
    .where('f.school_id', '=', child.schoolId)
    .orderBy('has_place', 'desc')
    .orderBy('f.id')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        sfoId: row.id,
        name: row.name,
        schoolId: row.school_id,
        municipalityId: row.municipality_id,
        noticeMonths: row.notice_months,
        capacity: row.capacity,
      }
    : null;
}

/** The child's places in the SFO not ended by `today`, earliest first (bounded: a handful at most). */
export async function placesOf(db: Db, pupilId: number, sfoId: number, today: string): Promise<SfoPlace[]> {
  const rows = await db
    .selectFrom('sfo_enrolment as e')
    .leftJoin('sfo_offer as o', 'o.id', 'e.offer_id')
    .leftJoin('person as p', 'p.id', 'e.payer_id')
    .select([
      'e.id',
      'e.sfo_id',
      'e.offer_id',
      'o.name as offer_name',
      'o.kind as offer_kind',
      'e.days',
      'e.payer_id',
      'p.given_name',
      'p.family_name',
      'e.shared_invoice',
      'e.starts_on',
      'e.ends_on',
    ])
    .where('e.pupil_id', '=', pupilId)
    .where('e.sfo_id', '=', sfoId)
    .where(notEndedBy('e', today))
    .orderBy('e.starts_on')
    .orderBy('e.id')
    .limit(10)
    .execute();
  return rows.map((r) => ({
    enrolmentId: r.id,
    sfoId: r.sfo_id,
    offerId: r.offer_id,
    offerName: r.offer_name,
    offerKind: r.offer_kind,
    days: r.days,
    payerId: r.payer_id,
    payerName: r.given_name === null ? null : `${r.given_name} ${r.family_name ?? ''}`.trim(),
    sharedInvoice: r.shared_invoice,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
  }));
}

/** The place in force on `day` among these, else the next one to start. */
export function placeOn(places: SfoPlace[], day: string): SfoPlace | null {
  return (
    places.find((p) => p.startsOn <= day && (p.endsOn === null || p.endsOn >= day)) ??
    places.find((p) => p.startsOn > day) ??
    null
  );
}
