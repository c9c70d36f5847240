import type { DecisionConflict } from '../../domain/leave/decide.ts';
import type { LeaveCaseView } from '../../domain/leave/queue.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { leaveDecisionText } from '../../i18n/leave-decision.ts';
import { link } from '../components/classes.ts';
import { dateRange } from '../components/dates.ts';
import { Notice } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import type { PageContext } from '../page-context.ts';
import { absencePaths } from '../../paths/absence.ts';
import { leaveDecisionPaths } from '../../paths/leave-decisions.ts';
import { DecisionForm, DecisionSummary, type DecisionFormState } from './decision-form.tsx';
import { absenceTotalsText, Row, schoolDaysText } from './decision-parts.tsx';

export const decisionPageTitle = (page: PageContext, view: LeaveCaseView) => fill(leaveDecisionText[page.locale].title, { name: view.leave.pupilName });

interface Props {
  page: PageContext;
  view: LeaveCaseView;
  form?: DecisionFormState;
  notice?: 'decided' | DecisionConflict;
}

/** S8: one application in full, the pupil's absence this school year, other applications, and the decision. */
export function DecisionPage({ page, view, form, notice }: Props) {
  const t = leaveDecisionText[page.locale];
  const { leave } = view;
  return (
    <div id="leave-application" class="max-w-3xl space-y-6">
      <div>
        <p><a href={leaveDecisionPaths.queue()} class={link} safe>{t.backToQueue}</a></p>
        <h1 class="text-3xl font-bold" safe>{decisionPageTitle(page, view)}</h1>
        <p class="text-slate-700" safe>{`${leave.schoolName}, ${leave.className}`}</p>
      </div>
      {notice === 'decided' ? <Notice text={t.decided} /> : notice ? (
        <p class="rounded border-2 border-amber-700 bg-amber-50 p-3" role="alert" safe>{t.conflict[notice]}</p>
      ) : ''}
      <Section id="leave-details" heading={t.applicationHeading}>
        <dl>
          <Row label={t.period}><span safe>{dateRange(leave.from, leave.to)}</span></Row>
          <Row label={t.schoolDays}><span safe>{String(leave.schoolDays)}</span></Row>
          <Row label={t.reason}><span safe>{t.reasonsByCode[leave.reason]}</span></Row>
          <Row label={t.justification}><span class="whitespace-pre-line" safe>{leave.justification}</span></Row>
          <Row label={t.applicant}><span safe>{leave.applicantName}</span></Row>
          <Row label={t.received}>{leave.submittedAt ? <span safe>{formatDate(leave.submittedAt)}</span> : ''}</Row>
          <Row label={t.status}><span id="leave-status" safe>{t.statuses[leave.status]}</span></Row>
        </dl>
      </Section>
      <AbsenceSection page={page} view={view} />
      <Section id="leave-others" heading={t.othersHeading}>
        {view.others.length === 0 ? <p safe>{t.noOthers}</p> : (
          <ul class="list-disc space-y-1 pl-5">
            {view.others.map((o) => (
              <li>
                <a href={leaveDecisionPaths.application(o.id)} class={link} safe>{`${dateRange(o.from, o.to)} (${schoolDaysText(t, o.schoolDays)})`}</a>
                <span safe>{` · ${t.reasonsByCode[o.reason]} · ${t.statuses[o.status]}`}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="leave-decision" heading={t.decisionHeading}>
        {leave.decision ? <DecisionSummary page={page} view={view} /> : leave.status === 'submitted' ? <DecisionForm page={page} view={view} form={form} /> : <p safe>{t.statuses[leave.status]}</p>}
      </Section>
    </div>
  );
}

function AbsenceSection({ page, view }: { page: PageContext; view: LeaveCaseView }) {
  const t = leaveDecisionText[page.locale];
  const leaves = view.absence?.entries.flatMap((e) => (e.source === 'leave' ? [e] : [])) ?? [];
  return (
    <Section id="leave-absence" heading={t.absenceHeading}>
      {view.schoolYear && view.absence ? (
        <>
          <p class="text-sm text-slate-700" safe>{fill(t.absenceYear, { year: view.schoolYear.name })}</p>
          <p id="leave-absence-totals" class="font-semibold" safe>{absenceTotalsText(t, view.absence.totals)}</p>
          <h3 class="font-semibold" safe>{t.grantedLeaveHeading}</h3>
          {leaves.length === 0 ? <p safe>{t.noGrantedLeave}</p> : (
            <ul class="list-disc pl-5">
              {leaves.map((l) => <li safe>{`${dateRange(l.from, l.to)} (${schoolDaysText(t, l.schoolDays)})`}</li>)}
            </ul>
          )}
        </>
      ) : <p safe>{t.noSchoolYear}</p>}
      <p><a href={absencePaths.pupil(view.leave.pupilId)} class={link} safe>{fill(t.absenceDetails, { name: view.leave.pupilName })}</a></p>
    </Section>
  );
}
