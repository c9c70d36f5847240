import type { ChildCare, HolidaysOfYear } from '../../domain/care/child-care.ts';
import type {
  DayChangeErrors,
  DayChangeInput,
  DayNotesErrors,
  DayNotesInput,
  HolidayErrors,
  HolidayInput,
  PickupPersonErrors,
  PickupPersonInput,
  WalkAloneErrors,
  WalkAloneInput,
  WeekErrors,
  WeekInput,
} from '../../domain/care/child-care-plan.ts';
import { isoWeekday } from '../../domain/calendar/dates.ts';
import { holidayMinimumWarning, type Expected } from '../../domain/care/expected.ts';
import { formatPhone } from '../../domain/contact/phone.ts';
import { careGuardianText, type CareGuardianMessages } from '../../i18n/care-guardian.ts';
import { fill, formatDate, formatDateRange, parseDate } from '../../i18n/index.ts';
import { careGuardianPaths, type CareSaved, type CareSection } from '../../paths/care-guardian.ts';
import { messageBookText } from '../../i18n/messages.ts';
import { consentsText } from '../../i18n/consents.ts';
import { consentPaths } from '../../paths/consents.ts';
import { messagePaths } from '../../paths/messages.ts';
import { link, listCard, primaryButton, smallButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import type { PageContext } from '../page-context.ts';
import { KindergartenNewsLatest } from '../news/kindergarten-child.tsx';

/** What a section shows after a save (a receipt) or a refused form (the values typed and the errors). */
export interface CarePageState {
  saved?: CareSaved;
  week?: { input: WeekInput; errors: WeekErrors };
  change?: { input: DayChangeInput; errors: DayChangeErrors };
  notes?: { input: DayNotesInput; errors: DayNotesErrors };
  pickup?: { input: PickupPersonInput; errors: PickupPersonErrors };
  walk?: { input: WalkAloneInput; errors: WalkAloneErrors };
  holiday?: { input: HolidayInput; errors: HolidayErrors };
}

export type CarePageData = ChildCare & { holidaysOfYear: HolidaysOfYear };

interface Props {
  page: PageContext;
  care: CarePageData;
  state: CarePageState;
}

/** The section each receipt belongs to. */
export const SAVED_SECTION: Record<CareSaved, CareSection> = {
  week: 'week',
  days: 'plan',
  removed: 'plan',
  notes: 'today',
  pickup: 'pickup',
  pickupRemoved: 'pickup',
  walk: 'pickup',
  holiday: 'holidays',
  holidayRemoved: 'holidays',
};

const t = (page: PageContext) => careGuardianText[page.locale];
const hx = (path: string, section: CareSection) => ({
  'hx-post': path,
  'hx-target': `#care-${section}`,
  'hx-swap': 'outerHTML',
});

export function expectedText(t: CareGuardianMessages, e: Expected): string {
  if (e.kind === 'times')
    return fill(e.changed ? t.expected.changed : t.expected.times, { from: e.arrivesAt, to: e.leavesAt });
  return t.expected[e.kind];
}

function receipt(page: PageContext, state: CarePageState, section: CareSection) {
  return state.saved && SAVED_SECTION[state.saved] === section ? <Notice text={t(page).saved[state.saved]} /> : '';
}

const timeError = (m: CareGuardianMessages, code: string | undefined, care: CarePageData): string | undefined => {
  if (!code) return undefined;
  const unit = care.units[0];
  if (code === 'outside') return fill(m.errors.outside, { from: unit?.opensAt ?? '', to: unit?.closesAt ?? '' });
  return (m.errors as Record<string, string>)[code];
};

const textError = (m: CareGuardianMessages, code: string | undefined) =>
  code ? ((m.errors as Record<string, string>)[code] ?? m.errors.required) : undefined;

function summary(m: CareGuardianMessages, errors: { field: string; message: string | undefined }[]) {
  return (
    <ErrorSummary
      heading={m.errorHeading}
      errors={errors.flatMap((e) => (e.message ? [{ field: e.field, message: e.message }] : []))}
    />
  );
}

/** "I dag": the plan, check-in/out, who picked up, the staff's note, the guardian's message and note (with the form). */
export function TodaySection({ page, care, state }: Props) {
  const m = t(page);
  const today = care.today;
  const expected = care.days[0]?.expected ?? { kind: 'none' };
  const input = state.notes?.input ?? {
    date: formatDate(today.date),
    pickupMessage: today.pickupMessage,
    guardianNote: today.guardianNote,
  };
  const errors = state.notes?.errors ?? {};
  const dateError = errors.date ? m.errors[errors.date.code] : undefined;
  const messageError = textError(m, errors.pickupMessage?.code);
  const noteError = textError(m, errors.guardianNote?.code);
  const path = careGuardianPaths.notes(care.childId);
  return (
    <Section id="care-today" heading={`${m.todayHeading}, ${formatDate(today.date)}`}>
      {receipt(page, state, 'today')}
      <dl class="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt class="font-semibold" safe>
          {m.expectedToday}
        </dt>
        <dd id="care-today-expected" safe>
          {expectedText(m, expected)}
        </dd>
        <dt class="font-semibold" safe>
          {m.checkedIn}
        </dt>
        <dd id="care-today-in" safe>
          {today.checkedInAt ?? m.notYet}
        </dd>
        <dt class="font-semibold" safe>
          {m.checkedOut}
        </dt>
        <dd id="care-today-out" safe>
          {today.checkedOutAt ?? m.notYet}
        </dd>
        {today.pickedUpBy ? (
          <>
            <dt class="font-semibold" safe>
              {m.pickedUpBy}
            </dt>
            <dd safe>{today.pickedUpBy}</dd>
          </>
        ) : (
          ''
        )}
        {today.staffNote ? (
          <>
            <dt class="font-semibold" safe>
              {m.staffNote}
            </dt>
            <dd id="care-today-staff-note" class="whitespace-pre-line" safe>
              {today.staffNote}
            </dd>
          </>
        ) : (
          ''
        )}
        {today.pickupMessage ? (
          <>
            <dt class="font-semibold" safe>
              {care.mayPlan ? m.yourMessage : m.pickupMessage}
            </dt>
            <dd id="care-today-message" class="whitespace-pre-line" safe>
              {today.pickupMessage}
            </dd>
          </>
        ) : (
          ''
        )}
        {today.guardianNote ? (
          <>
            <dt class="font-semibold" safe>
              {care.mayPlan ? m.yourNote : m.fromGuardians}
            </dt>
            <dd id="care-today-note" class="whitespace-pre-line" safe>
              {today.guardianNote}
            </dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {care.mayPlan ? (
        <form method="post" action={path} class="space-y-3" {...hx(path, 'today')}>
          <h3 class="text-lg font-semibold" safe>
            {m.notesHeading}
          </h3>
          {summary(m, [
            { field: 'care-notes-date', message: dateError },
            { field: 'care-notes-message', message: messageError },
            { field: 'care-notes-note', message: noteError },
          ])}
          <Field
            id="care-notes-date"
            name="date"
            label={m.date}
            hint={m.dateHint}
            value={input.date}
            error={dateError}
          />
          <Field
            id="care-notes-message"
            name="pickup_message"
            label={m.pickupMessage}
            hint={m.pickupMessageHint}
            value={input.pickupMessage}
            error={messageError}
            maxlength={500}
          />
          <Field
            id="care-notes-note"
            name="guardian_note"
            label={m.guardianNote}
            hint={m.guardianNoteHint}
            value={input.guardianNote}
            error={noteError}
            maxlength={500}
            multiline
          />
          <button type="submit" class={primaryButton} safe>
            {m.saveNotes}
          </button>
        </form>
      ) : (
        ''
      )}
    </Section>
  );
}

/** The week ahead, the changes ahead (each removable) and the form to change one date. */
export function PlanSection({ page, care, state }: Props) {
  const m = t(page);
  const input = state.change?.input ?? { date: '', kind: 'times', arrives: '', leaves: '' };
  const errors = state.change?.errors ?? {};
  const dateError = errors.date
    ? errors.date.code === 'deadline'
      ? fill(m.errors.deadline, {
          day: formatDate(parseDate(input.date) ?? ''),
          deadline: errors.date.deadlineDate ? formatDate(errors.date.deadlineDate) : '',
          time: errors.date.deadlineTime ?? '',
        })
      : m.errors[errors.date.code]
    : undefined;
  const kindError = errors.kind ? m.errors.kind : undefined;
  const arrivesError = timeError(m, errors.arrives?.code, care);
  const leavesError = timeError(m, errors.leaves?.code, care);
  const path = careGuardianPaths.days(care.childId);
  return (
    <Section id="care-plan" heading={m.weekAheadHeading}>
      {receipt(page, state, 'plan')}
      <ul class={listCard}>
        {care.days.map((d) => (
          <li class="flex flex-wrap justify-between gap-x-3 p-3" data-date={d.date}>
            <span class="font-semibold" safe>
              {`${dayName(m, d.date)} ${formatDate(d.date)}`}
            </span>{' '}
            <span safe>
              {d.expected.kind === 'none' && isoWeekday(d.date) > 5 ? m.closed_day : expectedText(m, d.expected)}
            </span>
          </li>
        ))}
      </ul>
      <h3 class="text-lg font-semibold" safe>
        {m.changesHeading}
      </h3>
      {care.changes.length === 0 ? (
        <p safe>{m.noChanges}</p>
      ) : (
        <ul class={listCard} id="care-changes">
          {care.changes.map((c) => {
            const remove = careGuardianPaths.dayDelete(care.childId, c.date);
            const e: Expected =
              c.kind === 'times' && c.arrivesAt && c.leavesAt
                ? { kind: 'times', arrivesAt: c.arrivesAt, leavesAt: c.leavesAt, changed: true }
                : { kind: c.kind === 'absent' ? 'absent' : 'off' };
            return (
              <li class="flex flex-wrap items-center justify-between gap-2 p-3">
                <span safe>{`${formatDate(c.date)}: ${expectedText(m, e)}`}</span>
                {care.mayPlan ? (
                  <form method="post" action={remove} {...hx(remove, 'plan')}>
                    <button type="submit" class={smallButton} safe>
                      {fill(m.removeChange, { date: formatDate(c.date) })}
                    </button>
                  </form>
                ) : (
                  ''
                )}
              </li>
            );
          })}
        </ul>
      )}
      {care.mayPlan ? (
        <form method="post" action={path} class="space-y-3" {...hx(path, 'plan')}>
          <h3 class="text-lg font-semibold" safe>
            {m.changeHeading}
          </h3>
          <p class="text-sm text-slate-700" safe>
            {deadlineText(m, care)}
          </p>
          {summary(m, [
            { field: 'care-change-date', message: dateError },
            { field: 'care-change-kind-times', message: kindError },
            { field: 'care-change-arrives', message: arrivesError },
            { field: 'care-change-leaves', message: leavesError },
          ])}
          <Field
            id="care-change-date"
            name="date"
            label={m.date}
            hint={m.dateHint}
            value={input.date}
            error={dateError}
          />
          <fieldset class="space-y-1" aria-describedby={kindError ? 'care-change-kind-error' : undefined}>
            <legend class="font-semibold" safe>
              {m.kind}
            </legend>
            {kindError ? (
              <p id="care-change-kind-error" class="font-semibold text-red-900" safe>
                {kindError}
              </p>
            ) : (
              ''
            )}
            {(['times', 'absent', 'off'] as const).map((k) => (
              <label class="flex items-center gap-2">
                <input
                  type="radio"
                  id={`care-change-kind-${k}`}
                  name="kind"
                  value={k}
                  checked={input.kind === k}
                  class="h-5 w-5"
                />
                <span safe>{m.kinds[k]}</span>
              </label>
            ))}
          </fieldset>
          <div class="grid grid-cols-2 gap-3">
            <Field
              id="care-change-arrives"
              name="arrives"
              label={m.arrives}
              hint={m.timeHint}
              value={input.arrives}
              error={arrivesError}
            />
            <Field
              id="care-change-leaves"
              name="leaves"
              label={m.leaves}
              hint={m.timeHint}
              value={input.leaves}
              error={leavesError}
            />
          </div>
          <button type="submit" class={primaryButton} safe>
            {m.saveChange}
          </button>
        </form>
      ) : (
        ''
      )}
    </Section>
  );
}

/** The regular week: a fieldset per weekday (legend = the day), arrives and leaves. */
export function WeekSection({ page, care, state }: Props) {
  const m = t(page);
  const errors = state.week?.errors ?? {};
  const valueOf = (weekday: number, field: 'arrives' | 'leaves') => {
    if (state.week) return state.week.input[weekday]?.[field] ?? '';
    const day = care.week.find((d) => d.weekday === weekday);
    return day ? (field === 'arrives' ? day.arrivesAt : day.leavesAt) : '';
  };
  const weekdays = [1, 2, 3, 4, 5] as const;
  const errorOf = (weekday: number, field: 'arrives' | 'leaves') => timeError(m, errors[`${field}-${weekday}`], care);
  const path = careGuardianPaths.week(care.childId);
  const days = (
    <div class="space-y-3">
      {weekdays.map((w) => (
        <fieldset class="rounded border border-slate-300 p-3" data-weekday={String(w)}>
          <legend class="px-1 font-semibold" safe>
            {m.weekdays[w]}
          </legend>
          <div class="grid grid-cols-2 gap-3">
            <Field
              id={`care-arrives-${w}`}
              name={`arrives_${w}`}
              label={m.arrives}
              value={valueOf(w, 'arrives')}
              error={errorOf(w, 'arrives')}
            />
            <Field
              id={`care-leaves-${w}`}
              name={`leaves_${w}`}
              label={m.leaves}
              value={valueOf(w, 'leaves')}
              error={errorOf(w, 'leaves')}
            />
          </div>
        </fieldset>
      ))}
    </div>
  );
  return (
    <Section id="care-week" heading={m.weekHeading}>
      {receipt(page, state, 'week')}
      <p class="text-sm text-slate-700" safe>
        {m.weekLead}
      </p>
      {care.mayPlan ? (
        <form method="post" action={path} class="space-y-3" {...hx(path, 'week')}>
          {summary(
            m,
            weekdays.flatMap((w) =>
              (['arrives', 'leaves'] as const).map((f) => ({
                field: `care-${f}-${w}`,
                message: errorOf(w, f) ? `${m.weekdays[w]}, ${m[f].toLowerCase()}: ${errorOf(w, f)}` : undefined,
              })),
            ),
          )}
          {days}
          <button type="submit" class={primaryButton} safe>
            {m.saveWeek}
          </button>
        </form>
      ) : (
        <ul class={listCard}>
          {weekdays.map((w) => (
            <li class="flex justify-between p-3">
              <span class="font-semibold" safe>
                {m.weekdays[w]}
              </span>
              <span safe>{`${valueOf(w, 'arrives') || '–'}–${valueOf(w, 'leaves') || '–'}`}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Who may fetch the child, and whether the child may walk home alone. */
export function PickupSection({ page, care, state }: Props) {
  const m = t(page);
  const input = state.pickup?.input ?? { name: '', phone: '', relation: '' };
  const errors = state.pickup?.errors ?? {};
  const nameError = textError(m, errors.name?.code);
  const phoneError = errors.phone
    ? errors.phone.code === 'required'
      ? m.errors.phoneRequired
      : m.errors.phone
    : undefined;
  const relationError = textError(m, errors.relation?.code);
  const walk = state.walk?.input ?? { walksAlone: care.walksAlone, from: care.walksAloneFrom ?? '' };
  const walkError = state.walk?.errors.from ? m.errors.time : undefined;
  const add = careGuardianPaths.pickupPersons(care.childId);
  const walkPath = careGuardianPaths.walkAlone(care.childId);
  return (
    <Section id="care-pickup" heading={m.pickupHeading}>
      {receipt(page, state, 'pickup')}
      <h3 class="text-lg font-semibold" safe>
        {m.pickupPersons}
      </h3>
      {care.pickupPersons.length === 0 ? (
        <p safe>{m.noPickupPersons}</p>
      ) : (
        <ul class={listCard} id="care-pickup-persons">
          {care.pickupPersons.map((p) => {
            const remove = careGuardianPaths.pickupPersonDelete(care.childId, p.id);
            return (
              <li class="flex flex-wrap items-center justify-between gap-2 p-3">
                <span safe>{[p.name, p.relation, formatPhone(p.phone)].filter(Boolean).join(', ')}</span>
                {care.mayPlan ? (
                  <form method="post" action={remove} {...hx(remove, 'pickup')}>
                    <button type="submit" class={smallButton} safe>
                      {fill(m.removePickupPerson, { name: p.name })}
                    </button>
                  </form>
                ) : (
                  ''
                )}
              </li>
            );
          })}
        </ul>
      )}
      {care.mayPlan ? (
        <form method="post" action={add} class="space-y-3" {...hx(add, 'pickup')}>
          {summary(m, [
            { field: 'care-pickup-name', message: nameError },
            { field: 'care-pickup-phone', message: phoneError },
            { field: 'care-pickup-relation', message: relationError },
          ])}
          <Field
            id="care-pickup-name"
            name="name"
            label={m.name}
            value={input.name}
            error={nameError}
            autocomplete="off"
            maxlength={200}
          />
          <Field
            id="care-pickup-phone"
            name="phone"
            label={m.phone}
            value={input.phone}
            error={phoneError}
            type="tel"
            inputmode="tel"
            autocomplete="off"
          />
          <Field
            id="care-pickup-relation"
            name="relation"
            label={m.relation}
            hint={m.relationHint}
            value={input.relation}
            error={relationError}
            maxlength={100}
          />
          <button type="submit" class={primaryButton} safe>
            {m.addPickupPerson}
          </button>
        </form>
      ) : (
        ''
      )}
      <h3 class="text-lg font-semibold" safe>
        {m.walkAloneHeading}
      </h3>
      <p id="care-walk-state" safe>
        {care.walksAlone
          ? care.walksAloneFrom
            ? fill(m.walksAloneFromTime, { time: care.walksAloneFrom })
            : m.walksAloneYes
          : m.walksAloneNo}
      </p>
      {care.mayPlan ? (
        <form method="post" action={walkPath} class="space-y-3" {...hx(walkPath, 'pickup')}>
          {summary(m, [{ field: 'care-walk-from', message: walkError }])}
          <label class="flex items-center gap-2">
            <input
              type="checkbox"
              id="care-walk-alone"
              name="walks_alone"
              value="yes"
              checked={walk.walksAlone}
              class="h-5 w-5"
            />
            <span safe>{m.walksAlone}</span>
          </label>
          <Field
            id="care-walk-from"
            name="from"
            label={m.walksAloneFrom}
            hint={m.timeHint}
            value={walk.from}
            error={walkError}
          />
          <button type="submit" class={primaryButton} safe>
            {m.saveWalkAlone}
          </button>
        </form>
      ) : (
        ''
      )}
    </Section>
  );
}

/** Holidays not ended (each removable), the form, and for a kindergarten child the minimum warning. */
export function HolidaysSection({ page, care, state }: Props) {
  const m = t(page);
  const input = state.holiday?.input ?? { from: '', to: '' };
  const errors = state.holiday?.errors ?? {};
  const fromError = errors.from ? m.errors[errors.from.code] : undefined;
  const toError = errors.to ? (errors.to.code === 'order' ? m.errors.order_date : m.errors[errors.to.code]) : undefined;
  const year = Number(care.today.date.slice(0, 4));
  const minimum = holidayMinimumWarning(care.holidaysOfYear, year);
  const kindergarten = care.units.some((u) => u.kind === 'kindergarten');
  const path = careGuardianPaths.holidays(care.childId);
  return (
    <Section id="care-holidays" heading={m.holidaysHeading}>
      {receipt(page, state, 'holidays')}
      {care.holidays.length === 0 ? (
        <p safe>{m.noHolidays}</p>
      ) : (
        <ul class={listCard} id="care-holiday-list">
          {care.holidays.map((h) => {
            const remove = careGuardianPaths.holidayDelete(care.childId, h.id);
            const range = formatDateRange(h.startsOn, h.endsOn);
            return (
              <li class="flex flex-wrap items-center justify-between gap-2 p-3">
                <span safe>{range}</span>
                {care.mayPlan ? (
                  <form method="post" action={remove} {...hx(remove, 'holidays')}>
                    <button type="submit" class={smallButton} safe>
                      {fill(m.removeHoliday, { range })}
                    </button>
                  </form>
                ) : (
                  ''
                )}
              </li>
            );
          })}
        </ul>
      )}
      {kindergarten && !minimum.enough ? (
        <p id="care-holiday-warning" class="rounded border-l-4 border-amber-700 bg-amber-50 p-3" safe>
          {fill(m.holidayWarning, {
            weekdays: minimum.weekdays,
            summer: minimum.summerWeekdays,
            year,
          })}
        </p>
      ) : (
        ''
      )}
      {care.mayPlan ? (
        <form method="post" action={path} class="space-y-3" {...hx(path, 'holidays')}>
          {summary(m, [
            { field: 'care-holiday-from', message: fromError },
            { field: 'care-holiday-to', message: toError },
          ])}
          <div class="grid grid-cols-2 gap-3">
            <Field
              id="care-holiday-from"
              name="from"
              label={m.from}
              hint={m.dateHint}
              value={input.from}
              error={fromError}
            />
            <Field id="care-holiday-to" name="to" label={m.to} hint={m.dateHint} value={input.to} error={toError} />
          </div>
          <button type="submit" class={primaryButton} safe>
            {m.addHoliday}
          </button>
        </form>
      ) : (
        ''
      )}
    </Section>
  );
}

function dayName(m: CareGuardianMessages, date: string): string {
  const weekday = isoWeekday(date);
  return weekday <= 5 ? m.weekdays[weekday as 1 | 2 | 3 | 4 | 5] : m.weekend[weekday as 6 | 7];
}

function deadlineText(m: CareGuardianMessages, care: CarePageData): string {
  const unit = care.units[0];
  if (!unit) return '';
  if (unit.changeDeadlineDays === 0) return fill(m.deadlineSameDay, { time: unit.changeDeadlineTime });
  return fill(m.deadlineRule, {
    time: unit.changeDeadlineTime,
    days: `${unit.changeDeadlineDays} ${unit.changeDeadlineDays === 1 ? m.dayWord : m.daysWord}`,
  });
}

/** The unit(s): name, department, opening hours and the deadline rule. */
function UnitCard({ page, care }: { page: PageContext; care: CarePageData }) {
  const m = t(page);
  return (
    <Section id="care-unit" heading={m.unitHeading}>
      {care.units.map((u) => (
        <dl class="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt class="sr-only" safe>
            {m.unitHeading}
          </dt>
          <dd class="col-span-2 font-semibold" id={`care-unit-${u.kind}-${u.id}`} safe>
            {`${u.name} (${u.placeName})`}
          </dd>
          {u.departmentName ? (
            <>
              <dt safe>{m.department}</dt>
              <dd safe>{u.departmentName}</dd>
            </>
          ) : (
            ''
          )}
          <dt safe>{m.openingHours}</dt>
          <dd safe>{`${u.opensAt}–${u.closesAt}`}</dd>
        </dl>
      ))}
      <p class="text-sm text-slate-700" safe>
        {deadlineText(m, care)}
      </p>
    </Section>
  );
}

/** The whole page: the heading, the unit, then the sections. */
/** A kindergarten child's guardian: the way to the message book with the department (issue 13). */
function MessagesLink({ page, care }: Pick<Props, 'page' | 'care'>) {
  const department = care.units.find((u) => u.kind === 'kindergarten')?.departmentName;
  if (!care.mayPlan || !department) return '';
  const k = messageBookText[page.locale].kindergarten;
  return (
    <Section id="care-messages" heading={messageBookText[page.locale].title}>
      <p safe>{fill(k.bookLinkLead, { name: care.givenName, department })}</p>
      <p>
        <a href={messagePaths.kindergartenBook(care.childId)} class={link} safe>
          {k.bookLink}
        </a>
      </p>
    </Section>
  );
}

/** A kindergarten child's guardian: the way to the child's consents (issue 13, K1). */
function ConsentsLink({ page, care }: Pick<Props, 'page' | 'care'>) {
  if (!care.mayPlan || !care.units.some((u) => u.kind === 'kindergarten')) return '';
  const texts = consentsText[page.locale];
  return (
    <Section id="care-consents" heading={texts.kindergarten.linkHeading}>
      <p safe>{texts.kindergarten.linkLead}</p>
      <p>
        <a href={consentPaths.kindergartenChild(care.childId)} class={link} safe>
          {fill(texts.kindergarten.link, { name: care.givenName })}
        </a>
      </p>
    </Section>
  );
}

export function CareGuardianPage(props: Props) {
  const m = t(props.page);
  return (
    <div class="mx-auto max-w-2xl space-y-4">
      <h1 class="text-2xl font-bold" safe>
        {fill(m.heading, { name: props.care.givenName })}
      </h1>
      <UnitCard page={props.page} care={props.care} />
      <MessagesLink page={props.page} care={props.care} />
      <ConsentsLink page={props.page} care={props.care} />
      <TodaySection {...props} />
      {props.care.news ? (
        <KindergartenNewsLatest page={props.page} childId={props.care.childId} posts={props.care.news} />
      ) : (
        ''
      )}
      <PlanSection {...props} />
      <WeekSection {...props} />
      <PickupSection {...props} />
      <HolidaysSection {...props} />
    </div>
  );
}

/** One section by name (an htmx swap). */
export function CareSectionView(props: Props & { section: CareSection }) {
  switch (props.section) {
    case 'today':
      return <TodaySection {...props} />;
    case 'plan':
      return <PlanSection {...props} />;
    case 'week':
      return <WeekSection {...props} />;
    case 'pickup':
      return <PickupSection {...props} />;
    case 'holidays':
      return <HolidaysSection {...props} />;
  }
}
