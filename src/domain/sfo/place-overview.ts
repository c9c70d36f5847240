import type { Db } from '../../db/database.ts';
import type { ApplicationStatus, SfoPlaceKind } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { confirmationsOf, ownVedtakOf } from '../applications/confirm.ts';
import type { GuardianChild } from '../guardian/child.ts';
import { guardiansWithAccess } from '../guardian/guardians.ts';
import { earliestTerminationDate } from './notice.ts';
import { openOffers, type Offer } from './offers.ts';
import { loadSfoPlaceDetails, type SfoPlaceDetails } from './place-details.ts';
import { SFO_PLACE_KINDS } from './place-form.ts';
import { placeOn, placesOf, sfoOfChild, type ChildSfo, type SfoPlace } from './place-state.ts';

export const SFO_PLACE_LIST_LIMIT = 20;

/** One of the child's SFO applications as the guardian's page lists it. */
export interface SfoPlaceItem {
  id: number;
  kind: SfoPlaceKind;
  status: ApplicationStatus;
  createdAt: Date;
  applicantName: string;
  details: SfoPlaceDetails;
  /** Who still has to confirm (person id and name); the actor may be one of them. */
  waitingFor: { personId: number; name: string }[];
  declinedBy: string[];
  /** This guardian's own vedtak letter, once decided. */
  documentId: number | null;
}

/** The child's SFO screen (G8): the SFO, the place, the open offers, the applications, the notice period. */
export interface SfoPlaceOverview {
  sfo: ChildSfo;
  /** The place in force today, else the next to start. */
  place: SfoPlace | null;
  /** Every place not ended (a granted change or a later start shows as its own row). */
  places: SfoPlace[];
  offers: Offer[];
  items: SfoPlaceItem[];
  /** The earliest first day without a place a termination given today may ask for. */
  earliestTermination: string;
  /** The other guardians with parental responsibility who must confirm (DOMAIN-FACTS §4). */
  others: { givenName: string; name: string }[];
}

/**
 * G8: the child's SFO screen, or null when the child's school has no SFO. A fixed number of queries: the SFO, its
 * places, its offers, the applications (newest first, bounded), their details, confirmations and this guardian's
 * vedtak letters, and the guardians.
 */
export async function loadSfoPlaceOverview(
  db: Db,
  actor: Actor,
  child: GuardianChild,
  today: string,
): Promise<SfoPlaceOverview | null> {
  const sfo = await sfoOfChild(db, child, today);
  if (!sfo) return null;
  const [places, offers, rows, guardians] = await Promise.all([
    placesOf(db, child.pupilId, sfo.sfoId, today),
    openOffers(db, sfo.sfoId, today),
    db
      .selectFrom('application as a')
      .innerJoin('person as p', 'p.id', 'a.applicant_id')
      .select(['a.id', 'a.kind', 'a.status', 'a.created_at', 'p.given_name', 'p.family_name'])
      .where('a.pupil_id', '=', child.pupilId)
      .where('a.kind', 'in', SFO_PLACE_KINDS)
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(SFO_PLACE_LIST_LIMIT)
      .execute(),
    guardiansWithAccess(db, child.pupilId),
  ]);
  const ids = rows.map((r) => r.id);
  const [details, confirmations, documents] = await Promise.all([
    loadSfoPlaceDetails(db, ids),
    confirmationsOf(db, ids),
    ownVedtakOf(db, ids, actor.personId),
  ]);
  const items = rows.flatMap((r): SfoPlaceItem[] => {
    const d = details.get(r.id);
    if (!d) return [];
    const own = confirmations.filter((c) => c.application_id === r.id);
    return [
      {
        id: r.id,
        kind: r.kind as SfoPlaceKind,
        status: r.status,
        createdAt: r.created_at,
        applicantName: `${r.given_name} ${r.family_name}`,
        details: d,
        waitingFor: own
          .filter((c) => c.answer === null)
          .map((c) => ({ personId: c.guardian_id, name: `${c.given_name} ${c.family_name}` })),
        declinedBy: own.filter((c) => c.answer === 'declined').map((c) => `${c.given_name} ${c.family_name}`),
        documentId: documents.find((doc) => doc.application_id === r.id)?.document_id ?? null,
      },
    ];
  });
  return {
    sfo,
    place: placeOn(places, today),
    places,
    offers,
    items,
    earliestTermination: earliestTerminationDate(today, sfo.noticeMonths),
    others: guardians
      .filter((g) => g.personId !== actor.personId)
      .map((g) => ({ givenName: g.givenName, name: `${g.givenName} ${g.familyName}` })),
  };
}
