import type { SfoPlaceKind } from '../../db/schema.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { sfoVedtakText, type SfoVedtakMessages } from '../../i18n/sfo-places.ts';
import type { ApplicationCase, VedtakDecision, VedtakParts } from '../applications/definition.ts';
import { addDays } from '../calendar/dates.ts';
import type { PlaceOffer, SfoPlaceDetails } from './place-details.ts';
import type { SfoPlaceGrant } from './place-decision.ts';

type PlaceCase = ApplicationCase<SfoPlaceDetails>;
const kindOf = (app: PlaceCase) => app.kind as SfoPlaceKind;

/** "mandag, tirsdag og torsdag"; an offer not by days: "alle dager" (full time) or nothing to say. */
export function daysText(
  t: { weekdays: Record<number, string>; fullTime: string },
  days: number[] | null,
  and = 'og',
): string {
  if (!days || days.length === 0) return t.fullTime;
  const names = days.map((d) => t.weekdays[d] ?? String(d));
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}

const offerName = (offer: PlaceOffer | null) => offer?.name ?? '–';

/**
 * The SFO kinds' parts of the vedtak, in the school's hovudmål: what was applied for (offer, days, date, comment,
 * the shared-invoice request), the outcome and a statement naming the child, the offer, the days and the date, the
 * legal basis (opplæringslova § 4-5 and the owner's SFO vedtekter), and the appeal body (the school owner's
 * appeal body: NEEDS LEGAL REVIEW — fvl. § 28 second paragraph for municipal SFO; a private school's owner differs).
 */
export function sfoPlaceVedtakParts(app: PlaceCase, decision: VedtakDecision<SfoPlaceGrant>): VedtakParts {
  const t: SfoVedtakMessages = sfoVedtakText[app.hovudmaal];
  const d = app.details;
  const title = t.titles[kindOf(app)];
  const dateLabel = kindOf(app) === 'sfo_place' ? t.start : kindOf(app) === 'sfo_change' ? t.change : t.termination;
  const applied = [
    { label: t.sfo, value: d.sfoName || app.schoolName },
    ...(kindOf(app) === 'sfo_termination'
      ? []
      : [
          { label: t.offer, value: offerName(d.offer) },
          { label: t.days, value: daysText(t, d.days) },
        ]),
    { label: dateLabel, value: formatDate(d.from) },
    ...(d.comment ? [{ label: t.comment, value: d.comment }] : []),
    ...(d.sharedInvoice ? [{ label: t.sharedInvoice, value: t.yes }] : []),
    ...(kindOf(app) === 'sfo_place' ? [{ label: t.payer, value: app.applicantName }] : []),
  ];
  const { outcome } = decision;
  const grantedFrom = decision.grant.grantedFrom ?? d.from;
  const values = {
    name: app.pupilName,
    sfo: d.sfoName || 'SFO',
    offer: offerName(d.offer),
    days: daysText(t, decision.grant.grantedDays ?? d.days),
    from: formatDate(grantedFrom),
    last: formatDate(addDays(grantedFrom, -1)),
  };
  if (outcome !== 'refused' && kindOf(app) !== 'sfo_termination') {
    values.offer = decision.grant.grantedOfferName ?? offerName(d.offer);
    values.days = daysText(t, decision.grant.grantedDays);
  }
  const statements = t.statement[kindOf(app)];
  const statement =
    outcome === 'refused'
      ? fill(statements.refused, values)
      : `${fill(statements.granted, values)}${outcome === 'partly_granted' ? ` ${t.partly}` : ''}`;
  const given = app.pupilName.split(' ')[0]!.toLowerCase();
  return {
    title,
    documentTitle: fill(t.documentTitle, { title, name: app.pupilName }),
    filename: `${t.filenames[kindOf(app)]}-${given}-${formatDate(decision.decidedAt)}.pdf`,
    intro: fill(t.intro, {
      name: app.pupilName,
      received: formatDate(app.submittedAt ?? decision.decidedAt),
      applicant: app.applicantName,
    }),
    applied,
    outcome:
      outcome === 'refused'
        ? t.outcome.refused
        : `${t.outcome[outcome]}: ${kindOf(app) === 'sfo_termination' ? values.last : `${values.offer}, ${values.days}, ${values.from}`}`,
    statement,
    legal: [fill(t.legal, { municipality: app.municipalityName })],
    sections: [],
    appealBody: fill(t.appealBody, { municipality: app.municipalityName }),
  };
}
