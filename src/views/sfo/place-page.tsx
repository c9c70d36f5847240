import { mayWithdraw } from '../../domain/applications/status.ts';
import type { GuardianChild } from '../../domain/guardian/child.ts';
import { formatKroner } from '../../domain/sfo/money.ts';
import type { Offer } from '../../domain/sfo/offers.ts';
import {
  SFO_PLACE_KINDS,
  WEEKDAYS,
  type SfoPlaceErrors,
  type SfoPlaceField,
  type SfoPlaceInput,
} from '../../domain/sfo/place-form.ts';
import type { SfoPlaceItem, SfoPlaceOverview } from '../../domain/sfo/place-overview.ts';
import { daysText } from '../../domain/sfo/place-vedtak.ts';
import type { SfoPlaceKind } from '../../db/schema.ts';
import { applicationsText } from '../../i18n/applications.ts';
import { fill, formatDate, type Locale } from '../../i18n/index.ts';
import { sfoPlacesText, type SfoPlacesMessages } from '../../i18n/sfo-places.ts';
import { documentPaths } from '../../paths/documents.ts';
import { SFO_FORM_SEGMENT, sfoPlacePaths, type SfoPlaceNotice } from '../../paths/sfo-places.ts';
import { appliedText } from './decision-view.tsx';
import { card, link, primaryButton, secondaryButton, smallButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';

export const SFO_NOTICES = ['sent', 'answered', 'withdrawn'] as const satisfies readonly SfoPlaceNotice[];

/** One form's state after a 422: the kind, what was typed and what was wrong. */
export interface SfoFormState {
  kind: SfoPlaceKind;
  input: SfoPlaceInput;
  errors: SfoPlaceErrors;
}

export interface SfoPageState {
  notice?: { kind: SfoPlaceNotice; applicationId: number };
  alert?: string;
  form?: SfoFormState;
}

const and = (locale: Locale) => (locale === 'en' ? 'and' : 'og');
const hxPost = (path: string) => ({ 'hx-post': path, 'hx-target': '#child-section' });
const idOf = (kind: SfoPlaceKind, field: string) => `sfo-${SFO_FORM_SEGMENT[kind]}-${field}`;

/** The anchor of a field's error in the summary. */
function anchorOf(kind: SfoPlaceKind, field: SfoPlaceField, offers: Offer[]): string {
  switch (field) {
    case 'offer':
      return offers[0] ? idOf(kind, `offer-${offers[0].id}`) : idOf(kind, 'place');
    case 'days':
      return idOf(kind, 'day-1');
    default:
      return idOf(kind, field);
  }
}

function message(t: SfoPlacesMessages, errors: SfoPlaceErrors, field: SfoPlaceField, name: string) {
  const error = errors[field];
  if (!error) return undefined;
  const template = (t.errors[field] as Record<string, string>)[error.code]!;
  return fill(template, { name, date: error.date ? formatDate(error.date) : '', count: error.count ?? 0 });
}

function offerLabel(t: SfoPlacesMessages, o: Offer): string {
  return `${o.name} – ${fill(t.price, { price: formatKroner(o.monthlyPriceOre), food: formatKroner(o.foodOre) })}`;
}

/** The place now (and any later row): offer, days, payer, from–to, the shared-invoice request. */
function PlaceCard({ page, child, overview }: { page: PageContext; child: GuardianChild; overview: SfoPlaceOverview }) {
  const t = sfoPlacesText[page.locale];
  return (
    <section aria-labelledby="sfo-current-heading" class={`${card} space-y-2`}>
      <h3 id="sfo-current-heading" class="text-xl font-semibold" safe>
        {`${t.placeHeading} – ${overview.sfo.name}`}
      </h3>
      {overview.places.length === 0 ? (
        <p id="sfo-no-place" safe>
          {fill(t.noPlace, { name: child.givenName })}
        </p>
      ) : (
        overview.places.map((p) => (
          <dl class="sfo-place grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt class="font-semibold" safe>
              {t.offer}
            </dt>
            <dd safe>{p.offerName ?? '–'}</dd>
            <dt class="font-semibold" safe>
              {t.days}
            </dt>
            <dd safe>{daysText(t, p.days, and(page.locale))}</dd>
            <dt class="font-semibold" safe>
              {t.payer}
            </dt>
            <dd safe>{p.payerName ?? '–'}</dd>
            <dt class="font-semibold" safe>
              {t.from}
            </dt>
            <dd safe>{formatDate(p.startsOn)}</dd>
            <dt class="font-semibold" safe>
              {t.to}
            </dt>
            <dd safe>{p.endsOn ? formatDate(p.endsOn) : t.untilFurther}</dd>
            {p.sharedInvoice ? (
              <>
                <dt class="font-semibold" safe>
                  {t.sharedInvoice}
                </dt>
                <dd safe>{t.sharedInvoiceRequested}</dd>
              </>
            ) : (
              ''
            )}
          </dl>
        ))
      )}
    </section>
  );
}

function statusText(page: PageContext, item: SfoPlaceItem): string {
  const t = sfoPlacesText[page.locale];
  const status = applicationsText[page.locale].statuses[item.status];
  if (item.status === 'awaiting_guardians' && item.waitingFor.length)
    return `${status}. ${fill(t.waitingFor, { names: item.waitingFor.map((w) => w.name).join(', ') })}`;
  if (item.status === 'declined' && item.declinedBy.length)
    return `${status}. ${fill(t.declinedBy, { names: item.declinedBy.join(', ') })}`;
  return status;
}

function ItemCard({
  page,
  child,
  item,
  actorId,
}: {
  page: PageContext;
  child: GuardianChild;
  item: SfoPlaceItem;
  actorId: number;
}) {
  const t = sfoPlacesText[page.locale];
  const id = `sfo-application-${item.id}`;
  const mustAnswer = item.status === 'awaiting_guardians' && item.waitingFor.some((w) => w.personId === actorId);
  const confirmation = sfoPlacePaths.confirmation(child.pupilId, item.id);
  const withdrawal = sfoPlacePaths.withdrawal(child.pupilId, item.id);
  return (
    <li id={id} class={`${card} space-y-2`}>
      <h4 id={`${id}-heading`} class="text-lg font-semibold" safe>
        {`${t.kinds[item.kind]}: ${appliedText(page.locale, item.kind, item.details)}`}
      </h4>
      <p class="sfo-status" safe>
        {statusText(page, item)}
      </p>
      <p class="text-sm text-slate-700" safe>
        {`${fill(t.appliedBy, { name: item.applicantName })}, ${formatDate(item.createdAt)}`}
      </p>
      {item.documentId ? (
        <p>
          <a href={documentPaths.download(item.documentId)} class={link} safe>
            {t.vedtak}
          </a>
        </p>
      ) : (
        ''
      )}
      {mustAnswer ? (
        <div class="flex flex-wrap gap-3 rounded border-l-4 border-amber-700 bg-amber-50 p-3">
          <form method="post" action={confirmation} {...hxPost(confirmation)}>
            <input type="hidden" name="answer" value="confirmed" />
            <button type="submit" class={primaryButton} aria-describedby={`${id}-heading`} safe>
              {t.confirm}
            </button>
          </form>
          <form method="post" action={confirmation} {...hxPost(confirmation)}>
            <input type="hidden" name="answer" value="declined" />
            <button type="submit" class={secondaryButton} aria-describedby={`${id}-heading`} safe>
              {t.decline}
            </button>
          </form>
        </div>
      ) : (
        ''
      )}
      {mayWithdraw(item.status) ? (
        <form method="post" action={withdrawal} {...hxPost(withdrawal)}>
          <button type="submit" class={smallButton} aria-describedby={`${id}-heading`} safe>
            {t.withdraw}
          </button>
        </form>
      ) : (
        ''
      )}
    </li>
  );
}

function FieldError({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={id} class="font-semibold text-red-900" safe>
      {text}
    </p>
  ) : (
    ''
  );
}

/** One of the three forms: apply (offer, days, start, comment, shared invoice), change (offer, days, date), terminate. */
function PlaceForm({
  page,
  child,
  overview,
  kind,
  state,
}: {
  page: PageContext;
  child: GuardianChild;
  overview: SfoPlaceOverview;
  kind: SfoPlaceKind;
  state?: SfoFormState;
}) {
  const t = sfoPlacesText[page.locale];
  const input = state?.input ?? { offer: '', days: [], from: '', comment: '', sharedInvoice: false };
  const errors = state?.errors ?? {};
  const name = child.givenName;
  const msg = (field: SfoPlaceField) => message(t, errors, field, name);
  const fields: SfoPlaceField[] =
    kind === 'sfo_termination' ? ['place', 'from', 'comment'] : ['place', 'offer', 'days', 'from', 'comment'];
  const summary = fields.flatMap((f) =>
    msg(f) ? [{ field: anchorOf(kind, f, overview.offers), message: msg(f)! }] : [],
  );
  const action = sfoPlacePaths.form(child.pupilId, kind);
  const heading = idOf(kind, 'heading');
  const dateLabel = kind === 'sfo_place' ? t.startDate : kind === 'sfo_change' ? t.changeDate : t.terminationDate;
  const earliest = fill(t.earliestTermination, { date: formatDate(overview.earliestTermination) });
  return (
    <section aria-labelledby={heading} class={`${card} max-w-xl space-y-3`} id={idOf(kind, 'section')}>
      <h3 id={heading} class="text-xl font-semibold" safe>
        {t.forms[kind]}
      </h3>
      <p safe>{fill(t.formLead[kind], { months: overview.sfo.noticeMonths })}</p>
      {kind === 'sfo_termination' ? (
        <p id={idOf(kind, 'earliest')} class="font-semibold" safe>
          {earliest}
        </p>
      ) : (
        ''
      )}
      {state ? <ErrorSummary heading={page.t.errors.summaryHeading} errors={summary} /> : ''}
      <FieldError id={idOf(kind, 'place')} text={msg('place')} />
      <form method="post" action={action} {...hxPost(action)} class="space-y-4" novalidate>
        {kind === 'sfo_termination' ? (
          ''
        ) : (
          <>
            <fieldset class="space-y-2" aria-describedby={msg('offer') ? idOf(kind, 'offer-error') : undefined}>
              <legend class="font-semibold" safe>
                {t.offerLegend}
              </legend>
              <FieldError id={idOf(kind, 'offer-error')} text={msg('offer')} />
              {overview.offers.map((o) => (
                <label class="flex items-start gap-2">
                  <input
                    type="radio"
                    name="offer"
                    value={String(o.id)}
                    id={idOf(kind, `offer-${o.id}`)}
                    class="mt-1 h-5 w-5"
                    checked={input.offer === String(o.id)}
                    aria-invalid={msg('offer') ? 'true' : undefined}
                  />
                  <span safe>{offerLabel(t, o)}</span>
                </label>
              ))}
            </fieldset>
            <fieldset
              class="space-y-2"
              aria-describedby={`${idOf(kind, 'days-hint')}${msg('days') ? ` ${idOf(kind, 'days-error')}` : ''}`}
            >
              <legend class="font-semibold" safe>
                {t.daysLegend}
              </legend>
              <p id={idOf(kind, 'days-hint')} class="text-sm text-slate-700" safe>
                {t.daysHint}
              </p>
              <FieldError id={idOf(kind, 'days-error')} text={msg('days')} />
              <div class="flex flex-wrap gap-x-4 gap-y-2">
                {WEEKDAYS.map((n) => (
                  <label class="flex items-center gap-2">
                    <input
                      type="checkbox"
                      name="days"
                      value={String(n)}
                      id={idOf(kind, `day-${n}`)}
                      class="h-5 w-5"
                      checked={input.days.includes(String(n))}
                      aria-invalid={msg('days') ? 'true' : undefined}
                    />
                    <span safe>{t.weekdays[n]}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </>
        )}
        <Field
          id={idOf(kind, 'from')}
          name="from"
          label={dateLabel}
          hint={kind === 'sfo_termination' ? `${t.dateHint} ${earliest}` : t.dateHint}
          value={input.from}
          error={msg('from')}
          inputmode="numeric"
          maxlength={10}
          autocomplete="off"
        />
        <Field
          id={idOf(kind, 'comment')}
          name="comment"
          label={t.comment}
          value={input.comment}
          error={msg('comment')}
          maxlength={1000}
          multiline
        />
        {kind === 'sfo_place' ? (
          <label class="flex items-start gap-2">
            <input
              type="checkbox"
              name="shared_invoice"
              value="yes"
              id={idOf(kind, 'shared-invoice')}
              class="mt-1 h-5 w-5"
              checked={input.sharedInvoice}
              aria-describedby={idOf(kind, 'shared-invoice-hint')}
            />
            <span>
              <span class="font-semibold" safe>
                {t.sharedInvoiceLabel}
              </span>
              <span id={idOf(kind, 'shared-invoice-hint')} class="block text-sm text-slate-700" safe>
                {t.sharedInvoiceHint}
              </span>
            </span>
          </label>
        ) : (
          ''
        )}
        <button type="submit" class={primaryButton} safe>
          {kind === 'sfo_termination' ? t.sendTermination : t.send}
        </button>
      </form>
    </section>
  );
}

function receipt(page: PageContext, overview: SfoPlaceOverview, state: SfoPageState): string | undefined {
  const t = sfoPlacesText[page.locale].receipts;
  const item = overview.items.find((i) => i.id === state.notice?.applicationId);
  if (!item || !state.notice) return undefined;
  switch (state.notice.kind) {
    case 'sent':
      return item.status === 'awaiting_guardians'
        ? t.sentWaiting
        : item.status === 'submitted'
          ? t.sentToSchool
          : undefined;
    case 'answered':
      return item.status === 'declined' ? t.declined : t.confirmed;
    case 'withdrawn':
      return item.status === 'withdrawn' ? t.withdrawn : undefined;
  }
}

/**
 * G8: the child's SFO screen — the place now, the SFO applications with their status (confirm, decline, withdraw,
 * the vedtak), and the forms: apply (no place), change and terminate (a place).
 */
export function SfoPlaceSection({
  page,
  child,
  overview,
  state,
  actorId,
  more = '',
}: {
  page: PageContext;
  child: GuardianChild;
  overview: SfoPlaceOverview | null;
  state: SfoPageState;
  actorId: number;
  /** Under the place: the invoice lines and the links to reduced payment and summer SFO (routes/sfo-places.tsx). */
  more?: JSX.Element;
}) {
  const t = sfoPlacesText[page.locale];
  if (!overview)
    return (
      <section aria-labelledby="sfo-heading" class="space-y-4">
        <h2 id="sfo-heading" class="text-2xl font-semibold" safe>
          {fill(t.heading, { name: child.givenName })}
        </h2>
        <p safe>{fill(t.noSfo, { name: child.givenName })}</p>
      </section>
    );
  const kinds = SFO_PLACE_KINDS.filter((k) =>
    overview.places.length === 0 ? k === 'sfo_place' : k !== 'sfo_place' || state.form?.kind === k,
  );
  const others = overview.others;
  return (
    <section aria-labelledby="sfo-heading" class="space-y-4">
      <h2 id="sfo-heading" class="text-2xl font-semibold" safe>
        {fill(t.heading, { name: child.givenName })}
      </h2>
      <Notice text={receipt(page, overview, state)} />
      {state.alert ? (
        <p class="rounded border-2 border-red-800 bg-red-50 p-3 font-semibold text-red-950" role="alert" safe>
          {state.alert}
        </p>
      ) : (
        ''
      )}
      <p safe>{t.lead}</p>
      <PlaceCard page={page} child={child} overview={overview} />
      {more}
      <section aria-labelledby="sfo-applications-heading" class="space-y-3">
        <h3 id="sfo-applications-heading" class="text-xl font-semibold" safe>
          {t.applicationsHeading}
        </h3>
        {overview.items.length === 0 ? <p safe>{t.noApplications}</p> : ''}
        <ul class="space-y-3" role="list">
          {overview.items.map((item) => (
            <ItemCard page={page} child={child} item={item} actorId={actorId} />
          ))}
        </ul>
      </section>
      {others.length ? (
        <p id="sfo-others" class="rounded border-l-4 border-sky-800 bg-sky-50 p-3 font-semibold" safe>
          {others.length === 1
            ? fill(t.otherOne, { fullName: others[0]!.name })
            : fill(t.otherMany, { names: others.map((o) => o.name).join(', ') })}
        </p>
      ) : (
        ''
      )}
      {kinds.map((kind) => (
        <PlaceForm
          page={page}
          child={child}
          overview={overview}
          kind={kind}
          state={state.form?.kind === kind ? state.form : undefined}
        />
      ))}
    </section>
  );
}
