import type { ManagedSchool } from '../../domain/access/scope.ts';
import type { SchoolYearOption } from '../../domain/office/classes.ts';
import type { TimetableCsvPreview, TimetableCsvRow } from '../../domain/office/timetable-csv.ts';
import { fill } from '../../i18n/index.ts';
import { officeTimetableText, type OfficeTimetableMessages } from '../../i18n/office-timetable.ts';
import { officeTimetablePaths } from '../../paths/office-timetable.ts';
import { link, primaryButton, secondaryButton } from '../components/classes.ts';
import { ErrorSummary, SelectField } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';
import { clashText, lessonMessages } from './timetable.tsx';

/** A problem with the file as a whole (none of its rows read), or no file or year chosen. */
export type TimetableImportProblem = NonNullable<TimetableCsvPreview['problem']> | { code: 'required' };

/**
 * The timetable import: the upload form (school year and file), and after an upload the preview of every row with its
 * problems. Only a file without problems can be applied; the preview carries the file (base64) and the year to the
 * apply, which checks them again.
 */
export function TimetableImportPage({
  page,
  school,
  years,
  schoolYearId,
  preview,
  problem,
  content,
}: {
  page: PageContext;
  school: ManagedSchool;
  years: SchoolYearOption[];
  schoolYearId: string;
  preview?: TimetableCsvPreview;
  problem?: TimetableImportProblem;
  /** The uploaded file, base64, when it can be applied. */
  content?: string;
}) {
  const t = officeTimetableText[page.locale];
  const fileError = problem
    ? fill(t.fileProblems[problem.code], {
        line: 'line' in problem ? (problem.line ?? '?') : '?',
        columns: 'columns' in problem ? (problem.columns ?? []).join(', ') : '',
      })
    : undefined;
  const field = problem?.code === 'year' ? 'import-year' : 'import-file';
  return (
    <div id="office" class="space-y-6">
      <p>
        <a href={officeTimetablePaths.school(school.id)} class={link} safe>
          {fill(t.schoolTitle, { school: school.name })}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(t.importTitle, { school: school.name })}
      </h1>
      <p class="max-w-prose" safe>
        {t.importLead}
      </p>
      <form
        method="post"
        action={officeTimetablePaths.importPreview(school.id)}
        enctype="multipart/form-data"
        class="max-w-prose space-y-3"
        novalidate
      >
        <ErrorSummary heading={t.errorSummary} errors={fileError ? [{ field, message: fileError }] : []} />
        <SelectField
          id="import-year"
          name="school_year_id"
          label={t.schoolYear}
          value={schoolYearId}
          error={problem?.code === 'year' ? fileError : undefined}
          options={years.map((y) => ({ value: String(y.id), label: y.name }))}
        />
        <div class="space-y-1">
          <label for="import-file" class="block font-semibold" safe>
            {t.file}
          </label>
          {fileError && field === 'import-file' ? (
            <p id="import-file-error" class="font-semibold text-red-900" safe>
              {fileError}
            </p>
          ) : (
            ''
          )}
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={fileError && field === 'import-file' ? 'true' : undefined}
            aria-describedby={fileError && field === 'import-file' ? 'import-file-error' : undefined}
          />
        </div>
        <button type="submit" class={secondaryButton} safe>
          {t.preview}
        </button>
      </form>
      {preview && preview.rows.length ? (
        <PreviewSection t={t} school={school} rows={preview.rows} content={content} schoolYearId={schoolYearId} />
      ) : (
        ''
      )}
    </div>
  );
}

function PreviewSection({
  t,
  school,
  rows,
  content,
  schoolYearId,
}: {
  t: OfficeTimetableMessages;
  school: ManagedSchool;
  rows: TimetableCsvRow[];
  content?: string;
  schoolYearId: string;
}) {
  const count = (status: TimetableCsvRow['status']) => rows.filter((r) => r.status === status).length;
  const headings = [t.colLine, t.colUnit, t.colDay, t.colTime, t.colSubject, t.colTeacher, t.colRoom, t.colStatus];
  return (
    <Section id="preview" heading={t.previewHeading}>
      <p safe>
        {fill(t.previewLead, {
          new: count('new'),
          changed: count('changed'),
          unchanged: count('unchanged'),
          invalid: count('invalid'),
        })}
      </p>
      <TableRegion framed label={t.previewHeading}>
        <table class="w-full text-left">
          <thead>
            <tr>
              {headings.map((h) => (
                <th class="p-2" safe>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr class="border-t border-slate-200" data-line={String(r.line)} data-status={r.status}>
                <td class="p-2" safe>
                  {String(r.line)}
                </td>
                <td class="p-2" safe>
                  {r.input.unit}
                </td>
                <td class="p-2" safe>
                  {r.input.weekday}
                </td>
                <td class="p-2" safe>
                  {`${r.input.startsAt}–${r.input.endsAt}`}
                </td>
                <td class="p-2" safe>
                  {r.input.subject}
                </td>
                <td class="p-2" safe>
                  {r.input.teacher}
                </td>
                <td class="p-2" safe>
                  {r.input.room}
                </td>
                <td class="p-2">
                  <span class="font-semibold" safe>
                    {t.statuses[r.status]}
                  </span>
                  {r.status === 'invalid' ? (
                    <ul class="list-disc pl-5 text-red-900">
                      {rowProblems(t, r).map((m) => (
                        <li safe>{m}</li>
                      ))}
                    </ul>
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {content !== undefined ? (
        <form method="post" action={officeTimetablePaths.importApply(school.id)}>
          <input type="hidden" name="school_year_id" value={schoolYearId} />
          <input type="hidden" name="content" value={content} />
          <button type="submit" class={primaryButton} safe>
            {t.apply}
          </button>
        </form>
      ) : (
        <p class="font-semibold" role="alert" safe>
          {t.fixFirst}
        </p>
      )}
    </Section>
  );
}

function rowProblems(t: OfficeTimetableMessages, row: TimetableCsvRow): string[] {
  const { unit, teacher, duplicate, ...lesson } = row.errors;
  const fields = lessonMessages(t, lesson);
  return [
    unit ? t.errors.unit[unit] : '',
    fields.weekday ?? '',
    fields.startsAt ?? '',
    fields.endsAt ?? '',
    duplicate !== undefined ? fill(t.errors.duplicate, { line: duplicate }) : '',
    fields.subject ?? '',
    teacher ? fill(t.errors.teacher[teacher], { lesson: clashText(t, row.errors.clashes?.teacher) }) : '',
    fields.room ?? '',
  ].filter(Boolean);
}
