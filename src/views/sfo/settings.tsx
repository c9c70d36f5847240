import type { Offer } from '../../domain/sfo/offers.ts';
import { formatKroner } from '../../domain/sfo/money.ts';
import {
  emptyOfferInput,
  offerInputOf,
  settingsInputOf,
  type OfferErrors,
  type OfferInput,
  type SfoSettings,
  type SfoSettingsErrors,
  type SfoSettingsInput,
} from '../../domain/sfo/settings.ts';
import type { SfoInfo } from '../../domain/sfo/units.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { sfoAdminText, type SfoAdminMessages } from '../../i18n/sfo-admin.ts';
import { sfoAdminPaths, type SfoSettingsNotice } from '../../paths/sfo-admin.ts';
import { link, primaryButton, secondaryButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';

export interface SfoSettingsState {
  notice?: SfoSettingsNotice;
  settings?: { input: SfoSettingsInput; errors: SfoSettingsErrors };
  /** The offer form sent with errors: an existing offer's id, or 'new'. */
  offer?: { offerId: number | 'new'; input: OfferInput; errors: OfferErrors };
}

export interface SfoSettingsView {
  sfo: SfoInfo;
  canEdit: boolean;
  settings: SfoSettings;
  offers: Offer[];
  freeHours: { perWeek: number; lastTrinn: number };
}

const SETTINGS_FIELDS = ['billingMonths', 'siblingDiscountPercent', 'capacity', 'noticeMonths'] as const;
const OFFER_FIELDS = ['name', 'kind', 'daysPerWeek', 'percent', 'hoursPerWeek', 'monthlyPrice', 'food'] as const;
const FORM_NAMES: Record<(typeof OFFER_FIELDS)[number], string> = {
  name: 'name',
  kind: 'kind',
  daysPerWeek: 'days_per_week',
  percent: 'percent',
  hoursPerWeek: 'hours_per_week',
  monthlyPrice: 'monthly_price',
  food: 'food',
};

function offerError(t: SfoAdminMessages, field: keyof OfferInput, code: OfferErrors[keyof OfferInput]) {
  if (!code) return undefined;
  return field === 'percent' ? t.errors.offerPercent : t.errors[code];
}

function OfferForm({
  t,
  prefix,
  action,
  submit,
  input,
  errors,
}: {
  t: SfoAdminMessages;
  prefix: string;
  action: string;
  submit: string;
  input: OfferInput;
  errors: OfferErrors;
}) {
  const ts = t.settings;
  const id = (f: string) => `${prefix}-${f}`;
  const summary = OFFER_FIELDS.flatMap((f) =>
    errors[f] ? [{ field: id(f), message: offerError(t, f, errors[f])! }] : [],
  );
  const labels: Record<(typeof OFFER_FIELDS)[number], string> = {
    name: ts.name,
    kind: ts.kind,
    daysPerWeek: ts.daysPerWeek,
    percent: ts.percent,
    hoursPerWeek: ts.hours,
    monthlyPrice: ts.monthlyPrice,
    food: ts.food,
  };
  return (
    <form method="post" action={action} class="space-y-3" novalidate>
      <ErrorSummary heading={t.errorSummary} errors={summary} />
      {OFFER_FIELDS.map((f) =>
        f === 'kind' ? (
          <SelectField
            id={id(f)}
            name={FORM_NAMES[f]}
            label={labels[f]}
            value={input.kind}
            error={offerError(t, f, errors[f])}
            options={(['full', 'days', 'percent'] as const).map((k) => ({ value: k, label: ts.kinds[k] }))}
          />
        ) : (
          <Field
            id={id(f)}
            name={FORM_NAMES[f]}
            label={labels[f]}
            hint={f === 'hoursPerWeek' ? ts.hoursHint : undefined}
            value={input[f]}
            error={offerError(t, f, errors[f])}
            inputmode={f === 'name' ? undefined : 'numeric'}
            maxlength={f === 'name' ? 80 : 12}
          />
        ),
      )}
      <button type="submit" class={primaryButton} safe>
        {submit}
      </button>
    </form>
  );
}

function offerTerms(t: SfoAdminMessages, o: Offer): string {
  const kind = t.settings.kinds[o.kind];
  const detail = o.kind === 'days' ? ` ${o.daysPerWeek}` : o.kind === 'percent' ? ` ${o.percent} %` : '';
  return `${kind}${detail}, ${o.hoursPerWeek} ${t.settings.hours.toLowerCase()}`;
}

/** /sfo/:id/settings: the SFO's settings and offers; forms only for the school owner (edit_prices). */
export function SfoSettingsPage({
  page,
  view,
  state = {},
}: {
  page: PageContext;
  view: SfoSettingsView;
  state?: SfoSettingsState;
}) {
  const t = sfoAdminText[page.locale];
  const ts = t.settings;
  const { sfo, settings, offers, canEdit } = view;
  const monthName = (m: number) => ts.months[m - 1] ?? String(m);
  const settingsInput = state.settings?.input ?? settingsInputOf(settings);
  const settingsErrors = state.settings?.errors ?? {};
  const sid = (f: string) => `sfo-settings-${f}`;
  const settingsMessage = (f: keyof SfoSettingsInput) => {
    const code = settingsErrors[f];
    return code ? t.errors[code] : undefined;
  };
  const settingsSummary = SETTINGS_FIELDS.flatMap((f) =>
    settingsMessage(f)
      ? [{ field: f === 'billingMonths' ? sid('billingMonths-1') : sid(f), message: settingsMessage(f)! }]
      : [],
  );
  const monthsError = settingsMessage('billingMonths');
  return (
    <div class="max-w-prose space-y-4">
      <p>
        <a href={sfoAdminPaths.list} class={link} safe>
          {t.back}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(ts.title, { sfo: sfo.name })}
      </h1>
      {state.notice ? <Notice text={t.notices[state.notice]} /> : ''}
      {canEdit ? '' : <p safe>{ts.readOnly}</p>}
      <p safe>{fill(ts.freeHours, { hours: view.freeHours.perWeek, trinn: view.freeHours.lastTrinn })}</p>
      <Section id="sfo-settings" heading={ts.heading}>
        {canEdit ? (
          <form method="post" action={sfoAdminPaths.settings(sfo.sfoId)} class="space-y-4" novalidate>
            <ErrorSummary heading={t.errorSummary} errors={settingsSummary} />
            <fieldset
              class="space-y-1"
              aria-describedby={`${sid('billingMonths')}-hint${monthsError ? ` ${sid('billingMonths')}-error` : ''}`}
            >
              <legend class="font-semibold" safe>
                {ts.billingMonths}
              </legend>
              <p id={`${sid('billingMonths')}-hint`} class="text-sm text-slate-700" safe>
                {ts.billingMonthsHint}
              </p>
              {monthsError ? (
                <p id={`${sid('billingMonths')}-error`} class="font-semibold text-red-900" safe>
                  {monthsError}
                </p>
              ) : (
                ''
              )}
              <div class="grid grid-cols-2 gap-1 sm:grid-cols-3">
                {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                  <label class="flex items-center gap-2">
                    <input
                      type="checkbox"
                      id={sid(`billingMonths-${m}`)}
                      name="billing_month"
                      value={String(m)}
                      checked={settingsInput.billingMonths.includes(String(m))}
                    />
                    <span safe>{monthName(m)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <Field
              id={sid('siblingDiscountPercent')}
              name="sibling_discount_percent"
              label={ts.siblingDiscount}
              hint={ts.siblingDiscountHint}
              value={settingsInput.siblingDiscountPercent}
              error={settingsMessage('siblingDiscountPercent')}
              inputmode="numeric"
              maxlength={3}
            />
            <Field
              id={sid('capacity')}
              name="capacity"
              label={ts.capacity}
              hint={ts.capacityHint}
              value={settingsInput.capacity}
              error={settingsMessage('capacity')}
              inputmode="numeric"
              maxlength={6}
            />
            <Field
              id={sid('noticeMonths')}
              name="notice_months"
              label={ts.notice}
              hint={ts.noticeHint}
              value={settingsInput.noticeMonths}
              error={settingsMessage('noticeMonths')}
              inputmode="numeric"
              maxlength={1}
            />
            <button type="submit" class={primaryButton} safe>
              {ts.save}
            </button>
          </form>
        ) : (
          <dl class="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-2">
            <dt class="font-semibold" safe>
              {ts.billingMonths}
            </dt>
            <dd safe>{settings.billingMonths.map(monthName).join(', ')}</dd>
            <dt class="font-semibold" safe>
              {ts.siblingDiscount}
            </dt>
            <dd safe>{`${settings.siblingDiscountPercent} %`}</dd>
            <dt class="font-semibold" safe>
              {ts.capacity}
            </dt>
            <dd safe>{settings.capacity === null ? '–' : String(settings.capacity)}</dd>
            <dt class="font-semibold" safe>
              {ts.notice}
            </dt>
            <dd safe>{String(settings.noticeMonths)}</dd>
          </dl>
        )}
      </Section>
      <Section id="sfo-offers" heading={ts.offersHeading}>
        {offers.length === 0 ? <p safe>{ts.noOffers}</p> : ''}
        {canEdit ? (
          <ul class="space-y-6" role="list">
            {offers.map((o) => {
              const mine = state.offer?.offerId === o.id ? state.offer : undefined;
              return (
                <li id={`offer-${o.id}`} class="space-y-2 border-t border-slate-200 pt-4">
                  <h3 class="text-lg font-semibold" safe>
                    {o.name}
                  </h3>
                  <p safe>{o.closedOn ? fill(ts.closed, { date: formatDate(o.closedOn) }) : ts.open}</p>
                  <OfferForm
                    t={t}
                    prefix={`offer-${o.id}`}
                    action={sfoAdminPaths.offer(sfo.sfoId, o.id)}
                    submit={ts.saveOffer}
                    input={mine?.input ?? offerInputOf(o)}
                    errors={mine?.errors ?? {}}
                  />
                  {o.closedOn ? (
                    ''
                  ) : (
                    <form method="post" action={sfoAdminPaths.closeOffer(sfo.sfoId, o.id)} class="space-y-1">
                      <p class="text-sm text-slate-700" safe>
                        {ts.closeHint}
                      </p>
                      <button type="submit" class={secondaryButton} safe>
                        {ts.close}
                      </button>
                    </form>
                  )}
                </li>
              );
            })}
          </ul>
        ) : offers.length ? (
          <TableRegion label={ts.offersHeading}>
            <table class="min-w-full text-sm">
              <thead>
                <tr class="text-left">
                  <th scope="col" class="px-2 py-1" safe>
                    {ts.name}
                  </th>
                  <th scope="col" class="px-2 py-1" safe>
                    {ts.kind}
                  </th>
                  <th scope="col" class="px-2 py-1 text-right" safe>
                    {ts.price}
                  </th>
                  <th scope="col" class="px-2 py-1 text-right" safe>
                    {t.columns.food}
                  </th>
                  <th scope="col" class="px-2 py-1" safe>
                    {ts.status}
                  </th>
                </tr>
              </thead>
              <tbody>
                {offers.map((o) => (
                  <tr class="border-t border-slate-200">
                    <th scope="row" class="px-2 py-1 text-left font-normal" safe>
                      {o.name}
                    </th>
                    <td class="px-2 py-1" safe>
                      {offerTerms(t, o)}
                    </td>
                    <td class="px-2 py-1 text-right whitespace-nowrap" safe>
                      {formatKroner(o.monthlyPriceOre)}
                    </td>
                    <td class="px-2 py-1 text-right whitespace-nowrap" safe>
                      {formatKroner(o.foodOre)}
                    </td>
                    <td class="px-2 py-1" safe>
                      {o.closedOn ? fill(ts.closed, { date: formatDate(o.closedOn) }) : ts.open}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : (
          ''
        )}
      </Section>
      {canEdit ? (
        <Section id="sfo-new-offer" heading={ts.newOffer}>
          <OfferForm
            t={t}
            prefix="offer-new"
            action={sfoAdminPaths.offers(sfo.sfoId)}
            submit={ts.create}
            input={state.offer?.offerId === 'new' ? state.offer.input : emptyOfferInput}
            errors={state.offer?.offerId === 'new' ? state.offer.errors : {}}
          />
        </Section>
      ) : (
        ''
      )}
    </div>
  );
}
