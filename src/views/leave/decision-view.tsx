import type { AbsenceTotals } from '../../domain/absence/year.ts';
import type { DecisionInput } from '../../domain/applications/decide.ts';
import type { CaseOf } from '../../domain/applications/kinds.ts';
import type { PageOf } from '../../domain/applications/queue.ts';
import type { LeaveDecisionErrors } from '../../domain/leave/decision.ts';
import { applicationsText } from '../../i18n/applications.ts';
import { fill, formatDate, type Locale } from '../../i18n/index.ts';
import { leaveDecisionText, type LeaveDecisionMessages } from '../../i18n/leave-decision.ts';
import { applicationPaths } from '../../paths/applications.ts';
import { link } from '../components/classes.ts';
import { Field } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import { Row } from '../applications/parts.tsx';
import { absencePaths } from '../../paths/absence.ts';
import type { KindView } from '../applications/kind-view.ts';
import type { PageContext } from '../page-context.ts';

type LeaveCase = CaseOf<'leave'>;

export const dateRange = (from: string, to: string) =>
  from === to ? formatDate(from) : `${formatDate(from)}–${formatDate(to)}`;
export const schoolDaysText = (t: LeaveDecisionMessages, n: number) =>
  fill(n === 1 ? t.schoolDay : t.schoolDayPlural, { count: n });

/** "2 dager og 3 timer, herav 0 dager permisjon. Kommet for sent: 1." */
export function absenceTotalsText(t: LeaveDecisionMessages, totals: AbsenceTotals): string {
  const days = (n: number) => fill(n === 1 ? t.day : t.days, { count: n });
  return fill(t.absenceTotals, {
    days: days(totals.days),
    hours: fill(totals.hours === 1 ? t.hour : t.hours, { count: totals.hours }),
    leave: days(totals.leaveDays),
    late: totals.late,
  });
}

const FIELDS = { grantedFrom: 'leave-granted-from', grantedTo: 'leave-granted-to' } as const;

function fieldErrors(locale: Locale, errors: LeaveDecisionErrors) {
  const t = leaveDecisionText[locale];
  return [
    ...(errors.grantedFrom ? [{ field: FIELDS.grantedFrom, message: t.errors.from[errors.grantedFrom] }] : []),
    ...(errors.grantedTo ? [{ field: FIELDS.grantedTo, message: t.errors.to[errors.grantedTo] }] : []),
  ];
}

/** The part granted, for "delvis": two dates inside the period applied for. */
function DecisionFields({
  page,
  app,
  input,
  errors,
}: {
  page: PageContext;
  app: LeaveCase;
  input: DecisionInput;
  errors: LeaveDecisionErrors;
}) {
  const t = leaveDecisionText[page.locale];
  const hint = fill(t.grantedHint, { from: formatDate(app.details.from), to: formatDate(app.details.to) });
  return (
    <>
      <Field
        id={FIELDS.grantedFrom}
        name="granted_from"
        label={t.grantedFrom}
        hint={hint}
        value={input.grantedFrom ?? ''}
        error={errors.grantedFrom ? t.errors.from[errors.grantedFrom] : undefined}
        maxlength={10}
        autocomplete="off"
      />
      <Field
        id={FIELDS.grantedTo}
        name="granted_to"
        label={t.grantedTo}
        value={input.grantedTo ?? ''}
        error={errors.grantedTo ? t.errors.to[errors.grantedTo] : undefined}
        maxlength={10}
        autocomplete="off"
      />
    </>
  );
}

/** The pupil's absence this school year, with the leave granted in it. */
function AbsenceSection({ page, view }: { page: PageContext; view: PageOf<'leave'> }) {
  const t = leaveDecisionText[page.locale];
  const { absence, schoolYear } = view.facts;
  const leaves = absence?.entries.flatMap((e) => (e.source === 'leave' ? [e] : [])) ?? [];
  return (
    <Section id="leave-absence" heading={t.absenceHeading}>
      {schoolYear && absence ? (
        <>
          <p class="text-sm text-slate-700" safe>
            {fill(t.absenceYear, { year: schoolYear.name })}
          </p>
          <p id="leave-absence-totals" class="font-semibold" safe>
            {absenceTotalsText(t, absence.totals)}
          </p>
          <h3 class="font-semibold" safe>
            {t.grantedLeaveHeading}
          </h3>
          {leaves.length === 0 ? (
            <p safe>{t.noGrantedLeave}</p>
          ) : (
            <ul class="list-disc pl-5">
              {leaves.map((l) => (
                <li safe>{`${dateRange(l.from, l.to)} (${schoolDaysText(t, l.schoolDays)})`}</li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p safe>{t.noSchoolYear}</p>
      )}
      <p>
        <a href={absencePaths.pupil(view.app.pupilId)} class={link} safe>
          {fill(t.absenceDetails, { name: view.app.pupilName })}
        </a>
      </p>
    </Section>
  );
}

/** The pupil's other leave applications this school year. */
function OthersSection({ page, view }: { page: PageContext; view: PageOf<'leave'> }) {
  const t = leaveDecisionText[page.locale];
  const statuses = applicationsText[page.locale].statuses;
  return (
    <Section id="leave-others" heading={t.othersHeading}>
      {view.facts.others.length === 0 ? (
        <p safe>{t.noOthers}</p>
      ) : (
        <ul class="list-disc space-y-1 pl-5">
          {view.facts.others.map((o) => (
            <li>
              <a
                href={applicationPaths.application(o.id)}
                class={link}
                safe
              >{`${dateRange(o.from, o.to)} (${schoolDaysText(t, o.schoolDays)})`}</a>
              <span safe>{` · ${t.reasonsByCode[o.reason]} · ${statuses[o.status]}`}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** S8: leave's parts of the decision queue, the application page and the decision form. */
export const leaveDecisionView: KindView<'leave'> = {
  queueTitle: (locale) => leaveDecisionText[locale].queueTitle,
  queueNote: (locale) => leaveDecisionText[locale].queueNote,
  summary: (_locale, app) => `${app.pupilName}, ${app.className}: ${dateRange(app.details.from, app.details.to)}`,
  QueueRows({ page, item }) {
    const t = leaveDecisionText[page.locale];
    return (
      <>
        <Row label={t.schoolDays}>
          <span safe>{String(item.details.schoolDays)}</span>
        </Row>
        <Row label={t.reason}>
          <span safe>{t.reasonsByCode[item.details.reason]}</span>
        </Row>
        <Row label={t.absence}>
          <span safe>{item.facts ? absenceTotalsText(t, item.facts) : t.noSchoolYear}</span>
        </Row>
      </>
    );
  },
  grantSummary: (locale, app) => {
    const d = app.details;
    return d.grantedFrom && d.grantedTo
      ? ` (${dateRange(d.grantedFrom, d.grantedTo)}, ${schoolDaysText(leaveDecisionText[locale], d.grantedDays ?? 0)})`
      : '';
  },
  pageTitle: (locale, app) => fill(leaveDecisionText[locale].title, { name: app.pupilName }),
  DetailRows({ page, app }) {
    const t = leaveDecisionText[page.locale];
    return (
      <>
        <Row label={t.period}>
          <span safe>{dateRange(app.details.from, app.details.to)}</span>
        </Row>
        <Row label={t.schoolDays}>
          <span safe>{String(app.details.schoolDays)}</span>
        </Row>
        <Row label={t.reason}>
          <span safe>{t.reasonsByCode[app.details.reason]}</span>
        </Row>
        <Row label={t.justification}>
          <span class="whitespace-pre-line" safe>
            {app.details.justification}
          </span>
        </Row>
      </>
    );
  },
  Sections: ({ page, view }) => (
    <>
      <AbsenceSection page={page} view={view} />
      <OthersSection page={page} view={view} />
    </>
  ),
  DecisionFields,
  fieldErrors,
  GrantRows({ page, app }) {
    const t = leaveDecisionText[page.locale];
    const d = app.details;
    return d.grantedFrom && d.grantedTo ? (
      <Row label={t.grantedPeriod}>
        <span safe>{`${dateRange(d.grantedFrom, d.grantedTo)} (${schoolDaysText(t, d.grantedDays ?? 0)})`}</span>
      </Row>
    ) : (
      ''
    );
  },
};
