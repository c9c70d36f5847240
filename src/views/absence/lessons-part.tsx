import type { GuardianChild } from '../../domain/guardian/child.ts';
import { absenceText } from '../../i18n/absence.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import type { PageContext } from '../page-context.ts';
import { secondaryLink } from '../components/classes.ts';
import { SectionLink } from '../components/section-link.tsx';
import { Buttons, errorText, ReasonAndNote, type ReportFormState } from './form-parts.tsx';
import { lessonText } from './list.tsx';
import { absencePaths } from '../../paths/absence.ts';

/**
 * The lessons of the chosen day as checkboxes, in the form that sends the report. htmx swaps this part when
 * the date changes; without JavaScript "Vis timene" reloads the page. No lessons → say so, offer whole days.
 */
export function LessonsPart({
  page,
  child,
  state,
}: {
  page: PageContext;
  child: GuardianChild;
  state: ReportFormState;
}) {
  const t = absenceText[page.locale];
  const day = state.day;
  if (!day) {
    return (
      <div id="absence-lessons">
        {state.input.date.trim() ? (
          <p class="font-semibold text-red-900" role="status" safe>
            {t.form.badDate}
          </p>
        ) : (
          ''
        )}
      </div>
    );
  }
  const date = formatDate(day.date);
  if (day.info.kind !== 'school_day') {
    const what = 'name' in day.info && day.info.name ? day.info.name : t.form.weekend;
    return (
      <div id="absence-lessons">
        <p class="rounded border border-slate-400 bg-slate-50 p-3" role="status" safe>
          {fill(t.form.notSchoolDay, { date, what })}
        </p>
      </div>
    );
  }
  if (day.lessons.length === 0) {
    return (
      <div id="absence-lessons" class="space-y-3 rounded border-l-4 border-amber-700 bg-amber-50 p-3" role="status">
        <p safe>{t.form.noTimetable}</p>
        <SectionLink
          href={absencePaths.newReport(child.pupilId, 'days', day.date)}
          class={secondaryLink}
          text={fill(t.form.wholeDayInstead, { date })}
        />
      </div>
    );
  }
  const lessonsError = errorText(t, state.errors, 'lessons');
  const chosen = new Set(state.input.lessons);
  return (
    <div id="absence-lessons">
      <form
        method="post"
        action={absencePaths.reports(child.pupilId)}
        hx-post={absencePaths.reports(child.pupilId)}
        hx-target="#child-section"
        class="space-y-4"
        novalidate
      >
        <input type="hidden" name="kind" value="lessons" />
        <input type="hidden" name="date" value={day.date} />
        <fieldset class="space-y-2">
          <legend class="font-semibold" safe>
            {fill(t.form.lessonsLegend, { name: child.givenName, date })}
          </legend>
          {lessonsError ? (
            <p id="absence-lessons-error" class="font-semibold text-red-900" safe>
              {lessonsError}
            </p>
          ) : (
            ''
          )}
          {day.lessons.map((lesson) => {
            const reported = day.reportedLessonIds.includes(lesson.id) || day.wholeDayReported;
            return (
              <label class={`flex items-center gap-2 ${reported ? 'text-slate-600' : ''}`}>
                <input
                  type="checkbox"
                  name="lessons"
                  value={String(lesson.id)}
                  id={`absence-lesson-${lesson.id}`}
                  class="h-5 w-5"
                  checked={!reported && chosen.has(String(lesson.id))}
                  disabled={reported}
                  aria-invalid={lessonsError ? 'true' : undefined}
                  aria-describedby={lessonsError ? 'absence-lessons-error' : undefined}
                />
                <span safe>{reported ? `${lessonText(lesson)} ${t.form.alreadyReported}` : lessonText(lesson)}</span>
              </label>
            );
          })}
        </fieldset>
        <ReasonAndNote page={page} input={state.input} errors={state.errors} />
        <Buttons page={page} child={child} />
      </form>
    </div>
  );
}
