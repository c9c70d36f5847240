import { ABSENCE_REASONS, type ReportField } from '../../domain/absence/report-form.ts';
import type { GuardianChild } from '../../domain/guardian/child.ts';
import { absenceText } from '../../i18n/absence.ts';
import { link, secondaryButton, secondaryLink } from '../components/classes.ts';
import { addDays } from '../../domain/calendar/dates.ts';
import { ErrorSummary, Field } from '../components/form.tsx';
import { SectionLink } from '../components/section-link.tsx';
import type { PageContext } from '../page-context.ts';
import { Buttons, errorText, fieldId, ReasonAndNote, type ReportFormState } from './form-parts.tsx';
import { LessonsPart } from './lessons-part.tsx';
import { absencePaths } from '../../paths/absence.ts';

/** Where the summary links to: the field itself, the first radio or checkbox of a group. */
function anchorOf(field: ReportField, state: ReportFormState): string {
  if (field === 'reason') return `absence-reason-${ABSENCE_REASONS[0]}`;
  if (field === 'lessons') return state.day?.lessons[0] ? `absence-lesson-${state.day.lessons[0].id}` : fieldId('date');
  return fieldId(field);
}

/**
 * "I dag" / "I morgen" (issue 19): the form for that day in one tap, as links (with JavaScript off a new page; with
 * htmx the section). Links, not submit buttons, so Enter in a date field still sends the report.
 */
function QuickDates({
  page,
  child,
  kind,
  today,
}: {
  page: PageContext;
  child: GuardianChild;
  kind: 'days' | 'lessons';
  today: string;
}) {
  const t = absenceText[page.locale].form;
  return (
    <p class="flex flex-wrap items-center gap-2">
      <span safe>{t.quickDates}</span>
      <SectionLink href={absencePaths.newReport(child.pupilId, kind, today)} class={secondaryLink} text={t.today} />
      <SectionLink
        href={absencePaths.newReport(child.pupilId, kind, addDays(today, 1))}
        class={secondaryLink}
        text={t.tomorrow}
      />
    </p>
  );
}

/** G6: report whole days (from–to) or single lessons of one day (chosen from the timetable). */
export function ReportFormSection({
  page,
  child,
  state,
}: {
  page: PageContext;
  child: GuardianChild;
  state: ReportFormState;
}) {
  const t = absenceText[page.locale];
  const kind = state.input.kind;
  const fields: ReportField[] =
    kind === 'days' ? ['from', 'to', 'reason', 'note'] : ['date', 'lessons', 'reason', 'note'];
  const errors = fields.flatMap((f) =>
    state.errors[f] ? [{ field: anchorOf(f, state), message: errorText(t, state.errors, f)! }] : [],
  );
  const message = (f: ReportField) => errorText(t, state.errors, f);
  const isoDate = state.day?.date;
  return (
    <section aria-labelledby="absence-form-heading" class="max-w-xl space-y-4">
      <h2 id="absence-form-heading" class="text-2xl font-semibold" safe>
        {kind === 'days' ? t.form.daysHeading : t.form.lessonsHeading}
      </h2>
      <p safe>{t.form.lead}</p>
      <ErrorSummary heading={page.t.errors.summaryHeading} errors={errors} />
      <QuickDates page={page} child={child} kind={kind} today={state.today} />
      {kind === 'days' ? (
        <form
          method="post"
          action={absencePaths.reports(child.pupilId)}
          hx-post={absencePaths.reports(child.pupilId)}
          hx-target="#child-section"
          class="space-y-4"
          novalidate
        >
          <input type="hidden" name="kind" value="days" />
          <Field
            id={fieldId('from')}
            name="from"
            label={t.form.from}
            hint={t.form.dateHint}
            value={state.input.from}
            error={message('from')}
            inputmode="numeric"
            maxlength={10}
            autocomplete="off"
          />
          <Field
            id={fieldId('to')}
            name="to"
            label={t.form.to}
            hint={`${t.form.dateHint}. ${t.form.toHint}`}
            value={state.input.to}
            error={message('to')}
            inputmode="numeric"
            maxlength={10}
            autocomplete="off"
          />
          <ReasonAndNote page={page} input={state.input} errors={state.errors} />
          <Buttons page={page} child={child} />
        </form>
      ) : (
        <>
          <form
            method="get"
            action={absencePaths.newReportBase(child.pupilId)}
            hx-get={absencePaths.newReportBase(child.pupilId)}
            hx-trigger="submit, change"
            hx-target="#absence-lessons"
            hx-swap="outerHTML"
            class="flex flex-wrap items-end gap-3"
            novalidate
          >
            <input type="hidden" name="kind" value="lessons" />
            <div class="grow">
              <Field
                id={fieldId('date')}
                name="date"
                label={t.form.date}
                hint={t.form.dateHint}
                value={state.input.date}
                error={message('date')}
                inputmode="numeric"
                maxlength={10}
                autocomplete="off"
              />
            </div>
            <button type="submit" class={secondaryButton} safe>
              {t.form.showLessons}
            </button>
          </form>
          <LessonsPart page={page} child={child} state={state} />
        </>
      )}
      <p>
        {kind === 'days' ? (
          <SectionLink
            href={absencePaths.newReport(child.pupilId, 'lessons')}
            class={link}
            text={t.form.switchToLessons}
          />
        ) : (
          <SectionLink
            href={absencePaths.newReport(child.pupilId, 'days', isoDate)}
            class={link}
            text={t.form.switchToDays}
          />
        )}
      </p>
    </section>
  );
}
