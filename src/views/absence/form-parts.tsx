import {
  ABSENCE_REASONS,
  NOTE_MAX_LENGTH,
  type ReportErrors,
  type ReportField,
  type ReportInput,
} from '../../domain/absence/report-form.ts';
import type { DayLessons } from '../../domain/absence/report-checks.ts';
import type { GuardianChild } from '../../domain/guardian/child.ts';
import { absenceText, type AbsenceMessages } from '../../i18n/absence.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import type { PageContext } from '../page-context.ts';
import { absencePaths } from '../../paths/absence.ts';
import { primaryButton, secondaryButton } from '../components/classes.ts';
import { SectionLink } from '../components/section-link.tsx';

/** The form as typed (kept on a 422), its errors, and for lessons the chosen day (null: no valid date yet). */
export interface ReportFormState {
  input: ReportInput;
  errors: ReportErrors;
  day: DayLessons | null;
  /** Today (ISO), for the "I dag" / "I morgen" quick choices. */
  today: string;
}

export const fieldId = (field: ReportField) => `absence-${field}`;

/** The translated message for a field's error, or undefined. */
export function errorText(t: AbsenceMessages, errors: ReportErrors, field: ReportField): string | undefined {
  const error = errors[field];
  if (!error) return undefined;
  const template = (t.errors[field] as Record<string, string>)[error.code] ?? '';
  return fill(template, { date: error.date ? formatDate(error.date) : '' });
}

export function Buttons({ page, child }: { page: PageContext; child: GuardianChild }) {
  const t = absenceText[page.locale].form;
  return (
    <div class="flex flex-wrap gap-3">
      <button type="submit" class={primaryButton} safe>
        {t.submit}
      </button>
      <SectionLink
        href={absencePaths.child(child.pupilId)}
        class={`${secondaryButton} inline-block no-underline`}
        text={t.cancel}
      />
    </div>
  );
}

/** The reason (a radio group) and the optional note, with the warning against health details always visible. */
export function ReasonAndNote({
  page,
  input,
  errors,
}: {
  page: PageContext;
  input: ReportInput;
  errors: ReportErrors;
}) {
  const t = absenceText[page.locale];
  const reasonError = errorText(t, errors, 'reason');
  const noteError = errorText(t, errors, 'note');
  return (
    <>
      <fieldset class="space-y-2">
        <legend class="font-semibold" safe>
          {t.form.reasonLegend}
        </legend>
        {reasonError ? (
          <p id="absence-reason-error" class="font-semibold text-red-900" safe>
            {reasonError}
          </p>
        ) : (
          ''
        )}
        {ABSENCE_REASONS.map((code) => (
          <label class="flex items-center gap-2">
            <input
              type="radio"
              name="reason"
              value={code}
              id={`absence-reason-${code}`}
              class="h-5 w-5"
              checked={input.reason === code}
              aria-invalid={reasonError ? 'true' : undefined}
              aria-describedby={reasonError ? 'absence-reason-error' : undefined}
            />
            <span safe>{t.reasons[code]}</span>
          </label>
        ))}
      </fieldset>
      <div class="space-y-1">
        <label for="absence-note" class="block font-semibold" safe>
          {t.form.note}
        </label>
        <p
          id="absence-note-warning"
          class="rounded border-l-4 border-amber-700 bg-amber-50 p-3 font-semibold text-amber-950"
          safe
        >
          {t.form.noteWarning}
        </p>
        {noteError ? (
          <p id="absence-note-error" class="font-semibold text-red-900" safe>
            {noteError}
          </p>
        ) : (
          ''
        )}
        <textarea
          id="absence-note"
          name="note"
          rows="3"
          maxlength={NOTE_MAX_LENGTH}
          class={`w-full rounded border p-2 ${noteError ? 'border-2 border-red-800' : 'border-slate-500'}`}
          aria-invalid={noteError ? 'true' : undefined}
          aria-describedby={noteError ? 'absence-note-warning absence-note-error' : 'absence-note-warning'}
          safe
        >
          {input.note}
        </textarea>
      </div>
    </>
  );
}
