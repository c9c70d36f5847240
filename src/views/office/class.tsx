import type { ManagedClass } from '../../domain/access/scope.ts';
import type { CloseError } from '../../domain/office/classes.ts';
import {
  END_REASONS,
  type AdmitErrors,
  type EndErrors,
  type EnrolledPupil,
  type MoveErrors,
} from '../../domain/office/enrolments.ts';
import type { PersonMatch, PersonQueryError } from '../../domain/office/people.ts';
import type { TextError } from '../../domain/text.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { officeText, type OfficeMessages } from '../../i18n/office.ts';
import { officePaths } from '../../paths/office.ts';
import { officePupilPaths } from '../../paths/office-pupils.ts';
import { officePupilText } from '../../i18n/office-pupils.ts';
import { officeTimetableText } from '../../i18n/office-timetable.ts';
import { officeTimetablePaths } from '../../paths/office-timetable.ts';
import { link, primaryButton, secondaryButton, smallButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';

export type ClassNotice = keyof OfficeMessages['notices'];

/** What the class page shows besides the class: a receipt, the search, and at most one form sent back with errors. */
export interface ClassPageState {
  notice?: ClassNotice;
  query: string;
  matches?: PersonMatch[] | PersonQueryError;
  rename?: { input: { name: string }; errors: { name?: TextError | 'taken' } };
  close?: { errors: { close: CloseError } };
  admit?: { input: { personId: string; startsOn: string }; errors: AdmitErrors };
  move?: { enrolmentId: number; input: { classId: string; on: string }; errors: MoveErrors };
  end?: { enrolmentId: number; input: { endsOn: string; reason: string }; errors: EndErrors };
}

const htmx = (action: string) => ({
  'hx-post': action,
  'hx-target': '#office',
  'hx-swap': 'outerHTML',
});

export function ClassPage({
  page,
  cls,
  pupils,
  targets,
  state,
}: {
  page: PageContext;
  cls: ManagedClass;
  pupils: EnrolledPupil[];
  targets: { id: number; name: string; trinn: number }[];
  state: ClassPageState;
}) {
  const t = officeText[page.locale];
  return (
    <div id="office" class="space-y-6">
      <p>
        <a href={officePaths.classes(cls.school.id, cls.schoolYear.id)} class={link} safe>
          {t.back}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(t.classTitle, { name: cls.name, school: cls.school.name })}
      </h1>
      <p safe>{fill(t.classLead, { trinn: cls.trinn, year: cls.schoolYear.name })}</p>
      <p>
        <a href={officeTimetablePaths.unit({ kind: 'class', id: cls.id })} class={link} safe>
          {officeTimetableText[page.locale].link}
        </a>
      </p>
      {state.notice ? <Notice text={t.notices[state.notice]} /> : ''}
      {cls.closedOn ? (
        <p class="font-semibold" safe>
          {fill(t.closedNotice, { date: formatDate(cls.closedOn) })}
        </p>
      ) : (
        ''
      )}
      <PupilsSection
        t={t}
        cls={cls}
        pupils={pupils}
        targets={targets}
        state={state}
        openLabel={officePupilText[page.locale].open}
      />
      {cls.closedOn ? '' : <AdmitSection t={t} cls={cls} state={state} />}
      <RenameSection t={t} cls={cls} state={state} />
      {cls.closedOn ? '' : <CloseSection t={t} cls={cls} state={state} />}
    </div>
  );
}

interface Parts {
  t: OfficeMessages;
  cls: ManagedClass;
  state: ClassPageState;
}

function PupilsSection({
  t,
  cls,
  pupils,
  targets,
  state,
  openLabel,
}: Parts & { pupils: EnrolledPupil[]; targets: { id: number; name: string; trinn: number }[]; openLabel: string }) {
  return (
    <Section id="pupils" heading={t.pupilsHeading}>
      {pupils.length === 0 ? (
        <p safe>{t.noPupils}</p>
      ) : (
        <ul class="space-y-3" role="list">
          {pupils.map((p) => {
            const name = `${p.givenName} ${p.familyName}`;
            const open = state.move?.enrolmentId === p.enrolmentId || state.end?.enrolmentId === p.enrolmentId;
            return (
              <li class="border-t border-slate-200 pt-2">
                <details open={open}>
                  <summary class="cursor-pointer">
                    <span class="font-semibold" safe>
                      {name}
                    </span>{' '}
                    <span class="text-slate-700" safe>
                      {p.active
                        ? `${formatDate(p.startsOn)}–${p.endsOn ? formatDate(p.endsOn) : ''}`
                        : fill(t.fromLater, { date: formatDate(p.startsOn) })}
                    </span>
                  </summary>
                  <div class="mt-2 grid gap-4 md:grid-cols-2">
                    <MoveForm t={t} cls={cls} pupil={p} name={name} targets={targets} state={state} />
                    <EndForm t={t} cls={cls} pupil={p} name={name} state={state} />
                  </div>
                </details>
                <p class="text-sm">
                  <a href={officePupilPaths.pupil(p.pupilId)} class={link} safe>
                    {fill(openLabel, { name })}
                  </a>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

function MoveForm({
  t,
  pupil,
  name,
  targets,
  state,
}: Parts & { pupil: EnrolledPupil; name: string; targets: { id: number; name: string; trinn: number }[] }) {
  if (targets.length === 0) return <p safe>{t.noMoveTargets}</p>;
  const mine = state.move?.enrolmentId === pupil.enrolmentId ? state.move : undefined;
  const input = mine?.input ?? { classId: '', on: '' };
  const id = (f: string) => `move-${pupil.enrolmentId}-${f}`;
  const errors = {
    classId: mine?.errors.classId ? t.errors.moveTo[mine.errors.classId] : undefined,
    on: mine?.errors.on
      ? {
          date: t.errors.date,
          not_after_start: t.errors.notAfterStart,
          outside_year: t.errors.outsideYear,
          ended: t.errors.ended,
        }[mine.errors.on]
      : undefined,
  };
  const summary = (['classId', 'on'] as const).flatMap((f) =>
    errors[f] ? [{ field: id(f), message: errors[f]! }] : [],
  );
  const action = officePaths.move(pupil.enrolmentId);
  return (
    <form method="post" action={action} {...htmx(action)} class="space-y-3" novalidate>
      <h3 class="font-semibold" safe>
        {fill(t.moveHeading, { name })}
      </h3>
      <ErrorSummary heading={t.errorSummary} errors={summary} />
      <SelectField
        id={id('classId')}
        name="class_id"
        label={t.moveTo}
        value={input.classId}
        error={errors.classId}
        options={targets.map((c) => ({ value: String(c.id), label: c.name }))}
        empty
      />
      <Field
        id={id('on')}
        name="on"
        label={t.moveOn}
        hint={t.moveOnHint}
        value={input.on}
        error={errors.on}
        maxlength={10}
      />
      <button type="submit" class={smallButton} safe>
        {t.move}
      </button>
    </form>
  );
}

function EndForm({ t, cls, pupil, name, state }: Parts & { pupil: EnrolledPupil; name: string }) {
  const mine = state.end?.enrolmentId === pupil.enrolmentId ? state.end : undefined;
  const input = mine?.input ?? { endsOn: '', reason: '' };
  const id = (f: string) => `end-${pupil.enrolmentId}-${f}`;
  const errors = {
    endsOn: mine?.errors.endsOn
      ? { date: t.errors.date, before_start: t.errors.beforeStart }[mine.errors.endsOn]
      : undefined,
    reason: mine?.errors.reason ? t.errors.reason[mine.errors.reason] : undefined,
  };
  const summary = (['endsOn', 'reason'] as const).flatMap((f) =>
    errors[f] ? [{ field: id(f), message: errors[f]! }] : [],
  );
  const reasons = END_REASONS.filter((r) => r !== 'finished' || cls.trinn === 10);
  const action = officePaths.ending(pupil.enrolmentId);
  return (
    <form method="post" action={action} {...htmx(action)} class="space-y-3" novalidate>
      <h3 class="font-semibold" safe>
        {fill(t.endHeading, { name })}
      </h3>
      <ErrorSummary heading={t.errorSummary} errors={summary} />
      <Field
        id={id('endsOn')}
        name="ends_on"
        label={t.endsOn}
        hint={t.endsOnHint}
        value={input.endsOn}
        error={errors.endsOn}
        maxlength={10}
      />
      <SelectField
        id={id('reason')}
        name="reason"
        label={t.reason}
        value={input.reason}
        error={errors.reason}
        options={reasons.map((r) => ({ value: r, label: t.reasons[r] }))}
        empty
      />
      <button type="submit" class={smallButton} safe>
        {t.end}
      </button>
    </form>
  );
}

function AdmitSection({ t, cls, state }: Parts) {
  const admit = state.admit;
  const input = admit?.input ?? { personId: '', startsOn: '' };
  const errors = {
    personId: admit?.errors.personId ? t.errors.personId[admit.errors.personId] : undefined,
    startsOn: admit?.errors.startsOn
      ? { date: t.errors.date, outside_year: t.errors.outsideYear }[admit.errors.startsOn]
      : undefined,
    class: admit?.errors.class ? t.errors.classClosed : undefined,
  };
  const summary = [
    ...(errors.class ? [{ field: 'admit-search', message: errors.class }] : []),
    ...(errors.personId ? [{ field: 'admit-personId', message: errors.personId }] : []),
    ...(errors.startsOn ? [{ field: 'admit-startsOn', message: errors.startsOn }] : []),
  ];
  const matches = Array.isArray(state.matches) ? state.matches : [];
  const action = officePaths.enrolments(cls.id);
  return (
    <Section id="admit" heading={t.admitHeading}>
      <form
        method="get"
        action={officePaths.class(cls.id)}
        hx-get={officePaths.class(cls.id)}
        hx-target="#office"
        hx-swap="outerHTML"
        hx-push-url="true"
        class="flex flex-wrap items-end gap-3"
        role="search"
      >
        <div class="grow">
          <Field
            id="admit-search"
            name="q"
            label={t.search}
            hint={t.searchHint}
            value={state.query}
            error={typeof state.matches === 'string' ? t.errors.query[state.matches] : undefined}
            maxlength={100}
          />
        </div>
        <button type="submit" class={secondaryButton} safe>
          {t.find}
        </button>
      </form>
      {state.query && Array.isArray(state.matches) && matches.length === 0 ? <p safe>{t.noMatches}</p> : ''}
      {matches.length || admit ? (
        <form method="post" action={action} {...htmx(action)} class="space-y-4" novalidate>
          <ErrorSummary heading={t.errorSummary} errors={summary} />
          <input type="hidden" name="q" value={state.query} />
          <fieldset
            id="admit-personId"
            class="space-y-1"
            tabindex="-1"
            aria-describedby={errors.personId ? 'admit-personId-error' : undefined}
          >
            <legend class="font-semibold" safe>
              {t.person}
            </legend>
            {errors.personId ? (
              <p id="admit-personId-error" class="font-semibold text-red-900" safe>
                {errors.personId}
              </p>
            ) : (
              ''
            )}
            <TableRegion label={t.search}>
              <table class="w-full text-left">
                <thead>
                  <tr>
                    <th class="p-2" safe>
                      {t.choose}
                    </th>
                    <th class="p-2" safe>
                      {t.colName}
                    </th>
                    <th class="p-2" safe>
                      {t.colBorn}
                    </th>
                    <th class="p-2" safe>
                      {t.colNumber}
                    </th>
                    <th class="p-2" safe>
                      {t.colAddress}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {matches.map((m) => (
                    <tr class="border-t border-slate-200">
                      <td class="p-2">
                        <input
                          type="radio"
                          id={`admit-person-${m.id}`}
                          name="person_id"
                          value={String(m.id)}
                          checked={input.personId === String(m.id)}
                        />
                      </td>
                      <td class="p-2">
                        <label for={`admit-person-${m.id}`} safe>
                          {`${m.givenName} ${m.familyName}`}
                        </label>
                      </td>
                      <td class="p-2">{m.birthDate ? formatDate(m.birthDate) : ''}</td>
                      <td class="p-2" safe>
                        {m.maskedNumber}
                      </td>
                      <td class="p-2" safe>
                        {m.address ?? t.addressHidden}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </fieldset>
          <Field
            id="admit-startsOn"
            name="starts_on"
            label={t.startsOn}
            hint={t.startsOnHint}
            value={input.startsOn}
            error={errors.startsOn}
            maxlength={10}
          />
          <button type="submit" class={primaryButton} safe>
            {t.admit}
          </button>
        </form>
      ) : (
        ''
      )}
    </Section>
  );
}

function RenameSection({ t, cls, state }: Parts) {
  const input = state.rename?.input ?? { name: cls.name };
  const error = state.rename?.errors.name ? t.errors.name[state.rename.errors.name] : undefined;
  const action = officePaths.className(cls.id);
  return (
    <Section id="rename" heading={t.renameHeading}>
      <form method="post" action={action} {...htmx(action)} class="max-w-prose space-y-4" novalidate>
        <ErrorSummary heading={t.errorSummary} errors={error ? [{ field: 'rename-name', message: error }] : []} />
        <Field
          id="rename-name"
          name="name"
          label={t.name}
          hint={t.nameHint}
          value={input.name}
          error={error}
          maxlength={40}
        />
        <button type="submit" class={secondaryButton} safe>
          {t.rename}
        </button>
      </form>
    </Section>
  );
}

function CloseSection({ t, cls, state }: Parts) {
  const error = state.close ? t.errors.close[state.close.errors.close] : undefined;
  const action = officePaths.classClosure(cls.id);
  return (
    <Section id="close" heading={t.closeHeading}>
      <form method="post" action={action} {...htmx(action)} class="space-y-3" novalidate>
        <ErrorSummary heading={t.errorSummary} errors={error ? [{ field: 'close-button', message: error }] : []} />
        <p safe>{t.closeLead}</p>
        {error ? (
          <p id="close-error" class="font-semibold text-red-900" safe>
            {error}
          </p>
        ) : (
          ''
        )}
        <button
          type="submit"
          id="close-button"
          class={secondaryButton}
          aria-describedby={error ? 'close-error' : undefined}
          safe
        >
          {t.close}
        </button>
      </form>
    </Section>
  );
}
