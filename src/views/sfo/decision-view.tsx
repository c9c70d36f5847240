import type { DecisionInput } from '../../domain/applications/decide.ts';
import type { CaseOf } from '../../domain/applications/kinds.ts';
import type { PageOf } from '../../domain/applications/queue.ts';
import type { SfoPageFacts, SfoPlaceDecisionErrors, SfoQueueFacts } from '../../domain/sfo/place-decision.ts';
import type { SfoPlaceDetails } from '../../domain/sfo/place-details.ts';
import { WEEKDAYS } from '../../domain/sfo/place-form.ts';
import { daysText } from '../../domain/sfo/place-vedtak.ts';
import type { SfoPlaceKind } from '../../db/schema.ts';
import { fill, formatDate, type Locale } from '../../i18n/index.ts';
import { sfoPlacesText, type SfoPlacesMessages } from '../../i18n/sfo-places.ts';
import { Row } from '../applications/parts.tsx';
import type { KindView } from '../applications/kind-view.ts';
import { Field } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import type { PageContext } from '../page-context.ts';

const and = (locale: Locale) => (locale === 'en' ? 'and' : 'og');
const days = (locale: Locale, value: number[] | null) => daysText(sfoPlacesText[locale], value, and(locale));

/** "Heltid (5 dager), alle dager, fra 01.01.2027" / "fra 01.02.2027" (termination). */
export function appliedText(locale: Locale, kind: SfoPlaceKind, d: SfoPlaceDetails): string {
  const t = sfoPlacesText[locale];
  const date = fill(kind === 'sfo_termination' ? t.ending : kind === 'sfo_place' ? t.starting : t.changing, {
    date: formatDate(kind === 'sfo_termination' ? addDaysIso(d.from, -1) : d.from),
  });
  return kind === 'sfo_termination' ? date : `${d.offer?.name ?? '–'}, ${days(locale, d.days)} · ${date}`;
}

function addDaysIso(iso: string, n: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

function FactsRows({ t, facts }: { t: SfoPlacesMessages; facts: SfoQueueFacts | null }) {
  if (!facts) return '';
  return (
    <>
      <Row label={t.decision.capacity}>
        <span safe>{facts.capacity === null ? t.decision.noCapacity : String(facts.capacity)}</span>
      </Row>
      <Row label={fill(t.decision.taken, { date: formatDate(facts.on) })}>
        <span safe>{String(facts.taken)}</span>
      </Row>
      <Row label={t.decision.waiting}>
        <span safe>{String(facts.waitingBefore)}</span>
      </Row>
    </>
  );
}

const FIELDS = { grantedOffer: 'sfo-granted-offer', grantedDays: 'sfo-granted-day-1', grantedFrom: 'sfo-granted-from' };

function errorMessages(locale: Locale, errors: SfoPlaceDecisionErrors) {
  const t = sfoPlacesText[locale].decision.errors;
  return {
    grantedOffer: errors.grantedOffer ? t.grantedOffer[errors.grantedOffer] : undefined,
    grantedDays: errors.grantedDays
      ? fill(t.grantedDays[errors.grantedDays.code], { count: errors.grantedDays.count ?? 0 })
      : undefined,
    grantedFrom: errors.grantedFrom ? t.grantedFrom[errors.grantedFrom] : undefined,
  };
}

function fieldErrors(locale: Locale, errors: SfoPlaceDecisionErrors) {
  const m = errorMessages(locale, errors);
  return (['grantedOffer', 'grantedDays', 'grantedFrom'] as const).flatMap((f) =>
    m[f] ? [{ field: FIELDS[f], message: m[f]! }] : [],
  );
}

/** A partial grant: another offer (the SFO's offers), other weekdays, another date. */
function DecisionFields<K extends SfoPlaceKind>({
  page,
  app,
  input,
  errors,
}: {
  page: PageContext;
  app: CaseOf<K>;
  input: DecisionInput;
  errors: SfoPlaceDecisionErrors;
}) {
  const t = sfoPlacesText[page.locale];
  const m = errorMessages(page.locale, errors);
  const kind = app.kind as SfoPlaceKind;
  const d = app.details as SfoPlaceDetails;
  const offerValue = input.grantedOffer ?? String(d.offer?.id ?? '');
  const ticked = (n: number) =>
    Object.keys(input).some((k) => k.startsWith('grantedDay_'))
      ? input[`grantedDay_${n}`] === 'yes'
      : (d.days ?? []).includes(n);
  return (
    <div class="space-y-3">
      {kind === 'sfo_termination' ? (
        ''
      ) : (
        <>
          <fieldset class="space-y-1" aria-describedby={m.grantedOffer ? 'sfo-granted-offer-error' : undefined}>
            <legend class="font-semibold" safe>
              {t.decision.grantedOffer}
            </legend>
            {m.grantedOffer ? (
              <p id="sfo-granted-offer-error" class="font-semibold text-red-900" safe>
                {m.grantedOffer}
              </p>
            ) : (
              ''
            )}
            {d.sfoOffers.map((o, i) => (
              <label class="flex items-center gap-2">
                <input
                  type="radio"
                  id={i === 0 ? FIELDS.grantedOffer : `sfo-granted-offer-${o.id}`}
                  name="granted_offer"
                  value={String(o.id)}
                  class="h-5 w-5"
                  checked={offerValue === String(o.id)}
                />
                <span safe>{o.name}</span>
              </label>
            ))}
          </fieldset>
          <fieldset class="space-y-1" aria-describedby={m.grantedDays ? 'sfo-granted-days-error' : undefined}>
            <legend class="font-semibold" safe>
              {t.decision.grantedDays}
            </legend>
            {m.grantedDays ? (
              <p id="sfo-granted-days-error" class="font-semibold text-red-900" safe>
                {m.grantedDays}
              </p>
            ) : (
              ''
            )}
            <div class="flex flex-wrap gap-3">
              {WEEKDAYS.map((n) => (
                <label class="flex items-center gap-2">
                  <input
                    type="checkbox"
                    id={`sfo-granted-day-${n}`}
                    name={`granted_day_${n}`}
                    value="yes"
                    class="h-5 w-5"
                    checked={ticked(n)}
                  />
                  <span safe>{t.weekdays[n as 1]}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </>
      )}
      <Field
        id={FIELDS.grantedFrom}
        name="granted_from"
        label={t.decision.grantedFrom}
        hint={fill(t.decision.grantedHint, { applied: appliedText(page.locale, kind, d) })}
        value={input.grantedFrom ?? ''}
        error={m.grantedFrom}
        inputmode="numeric"
        maxlength={10}
        autocomplete="off"
      />
    </div>
  );
}

/** S8: the SFO place kinds' parts of the decision queue, the application page and the decision form. */
function sfoDecisionView<K extends SfoPlaceKind>(kind: K): KindView<K> {
  const details = (app: CaseOf<K>) => app.details as SfoPlaceDetails;
  return {
    queueTitle: (locale) => sfoPlacesText[locale].decision.queueTitle,
    queueNote: (locale) => sfoPlacesText[locale].decision.queueNote,
    summary: (locale, app) =>
      `${app.pupilName}, ${app.className}: ${sfoPlacesText[locale].kinds[kind]} – ${appliedText(locale, kind, details(app))}`,
    QueueRows({ page, item }) {
      const t = sfoPlacesText[page.locale];
      const d = details(item);
      return (
        <>
          <Row label={t.decision.titles[kind].replace(/ – \{name\}$/, '')}>
            <span safe>{appliedText(page.locale, kind, d)}</span>
          </Row>
          {d.sharedInvoice ? (
            <Row label={t.sharedInvoice}>
              <span safe>{t.sharedInvoiceRequested}</span>
            </Row>
          ) : (
            ''
          )}
          <FactsRows t={t} facts={item.facts as SfoQueueFacts | null} />
        </>
      );
    },
    grantSummary: (locale, app) => {
      const d = details(app);
      if (!d.grantedFrom) return '';
      return ` (${appliedText(locale, kind, { ...d, offer: d.grantedOffer ?? d.offer, days: d.grantedDays, from: d.grantedFrom })})`;
    },
    pageTitle: (locale, app) => fill(sfoPlacesText[locale].decision.titles[kind], { name: app.pupilName }),
    DetailRows({ page, app }) {
      const t = sfoPlacesText[page.locale];
      const d = details(app);
      return (
        <>
          {kind === 'sfo_termination' ? (
            ''
          ) : (
            <>
              <Row label={t.offer}>
                <span safe>{d.offer?.name ?? '–'}</span>
              </Row>
              <Row label={t.days}>
                <span safe>{days(page.locale, d.days)}</span>
              </Row>
            </>
          )}
          <Row label={kind === 'sfo_place' ? t.startDate : kind === 'sfo_change' ? t.changeDate : t.terminationDate}>
            <span safe>{formatDate(d.from)}</span>
          </Row>
          {d.sharedInvoice ? (
            <Row label={t.sharedInvoice}>
              <span safe>{t.sharedInvoiceRequested}</span>
            </Row>
          ) : (
            ''
          )}
          {d.comment ? (
            <Row label={t.decision.comment}>
              <span class="whitespace-pre-line" safe>
                {d.comment}
              </span>
            </Row>
          ) : (
            ''
          )}
        </>
      );
    },
    Sections({ page, view }: { page: PageContext; view: PageOf<K> }) {
      const t = sfoPlacesText[page.locale];
      const facts = view.facts as unknown as SfoPageFacts;
      return (
        <Section id="sfo-facts" heading={t.decision.factsHeading}>
          <dl>
            <FactsRows t={t} facts={facts} />
            <Row label={t.decision.currentPlace}>
              {facts.places.length === 0 ? (
                <span>–</span>
              ) : (
                <ul class="list-disc pl-5">
                  {facts.places.map((p) => (
                    <li
                      safe
                    >{`${p.offerName ?? '–'}, ${days(page.locale, p.days)} · ${formatDate(p.startsOn)}–${p.endsOn ? formatDate(p.endsOn) : ''}`}</li>
                  ))}
                </ul>
              )}
            </Row>
          </dl>
        </Section>
      );
    },
    DecisionFields: DecisionFields as KindView<K>['DecisionFields'],
    fieldErrors: (locale, errors) => fieldErrors(locale, errors as SfoPlaceDecisionErrors),
    GrantRows({ page, app }) {
      const t = sfoPlacesText[page.locale];
      const d = details(app);
      if (!d.grantedFrom) return '';
      return (
        <Row label={t.decision.granted}>
          <span safe>
            {appliedText(page.locale, kind, {
              ...d,
              offer: d.grantedOffer ?? d.offer,
              days: d.grantedDays,
              from: d.grantedFrom,
            })}
          </span>
        </Row>
      );
    },
  };
}

export const sfoPlaceDecisionView = sfoDecisionView('sfo_place');
export const sfoChangeDecisionView = sfoDecisionView('sfo_change');
export const sfoTerminationDecisionView = sfoDecisionView('sfo_termination');
