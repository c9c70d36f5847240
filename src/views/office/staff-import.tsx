import type { ManagedSchool } from '../../domain/access/scope.ts';
import type { CsvPreview, CsvRow } from '../../domain/office/staff-csv.ts';
import type { GrantErrors } from '../../domain/office/staff.ts';
import { fill } from '../../i18n/index.ts';
import { officeStaffText, type OfficeStaffMessages } from '../../i18n/office-staff.ts';
import { officeStaffPaths } from '../../paths/office-staff.ts';
import { link, primaryButton, secondaryButton } from '../components/classes.ts';
import { ErrorSummary } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';

/** A problem with the file as a whole (none of its rows read), or no file chosen. */
export type ImportFileProblem = NonNullable<CsvPreview['problem']> | { code: 'required' };

/**
 * The staff import: the upload form, and after an upload the preview of every row with its problems. Only a file
 * without problems can be applied; the preview carries the file (base64) to the apply, which checks it again.
 */
export function StaffImportPage({
  page,
  school,
  preview,
  problem,
  content,
}: {
  page: PageContext;
  school: ManagedSchool;
  preview?: CsvPreview;
  problem?: ImportFileProblem;
  /** The uploaded file, base64, when it can be applied. */
  content?: string;
}) {
  const t = officeStaffText[page.locale];
  const fileError = problem
    ? fill(t.fileProblems[problem.code], {
        line: 'line' in problem ? (problem.line ?? '?') : '?',
        columns: 'columns' in problem ? (problem.columns ?? []).join(', ') : '',
      })
    : undefined;
  return (
    <div id="office" class="space-y-6">
      <p>
        <a href={officeStaffPaths.staff(school.id)} class={link} safe>
          {fill(t.title, { school: school.name })}
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
        action={officeStaffPaths.importPreview(school.id)}
        enctype="multipart/form-data"
        class="max-w-prose space-y-3"
        novalidate
      >
        <ErrorSummary
          heading={t.errorSummary}
          errors={fileError ? [{ field: 'import-file', message: fileError }] : []}
        />
        <div class="space-y-1">
          <label for="import-file" class="block font-semibold" safe>
            {t.file}
          </label>
          {fileError ? (
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
            aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={fileError ? 'import-file-error' : undefined}
          />
        </div>
        <button type="submit" class={secondaryButton} safe>
          {t.preview}
        </button>
      </form>
      {preview && preview.rows.length ? (
        <PreviewSection t={t} school={school} rows={preview.rows} content={content} />
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
}: {
  t: OfficeStaffMessages;
  school: ManagedSchool;
  rows: CsvRow[];
  content?: string;
}) {
  const count = (status: CsvRow['status']) => rows.filter((r) => r.status === status).length;
  return (
    <Section id="preview" heading={t.previewHeading}>
      <p safe>{fill(t.previewLead, { new: count('new'), unchanged: count('unchanged'), invalid: count('invalid') })}</p>
      <TableRegion framed label={t.previewHeading}>
        <table class="w-full text-left">
          <thead>
            <tr>
              {[t.colLine, t.colFeide, t.colName, t.colRole, t.colFor, t.colFrom, t.colStatus].map((h) => (
                <th class="p-2" safe>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr class="border-t border-slate-200" data-line={String(r.line)}>
                <td class="p-2" safe>
                  {String(r.line)}
                </td>
                <td class="p-2" safe>
                  {r.input.feideId}
                </td>
                <td class="p-2" safe>
                  {`${r.input.givenName} ${r.input.familyName}`}
                </td>
                <td class="p-2" safe>
                  {r.input.role}
                </td>
                <td class="p-2" safe>
                  {r.input.target}
                </td>
                <td class="p-2" safe>
                  {r.input.startsOn}
                </td>
                <td class="p-2">
                  <span class="font-semibold" safe>
                    {t.statuses[r.status]}
                  </span>
                  {r.status === 'invalid' ? (
                    <ul class="list-disc pl-5 text-red-900">
                      {rowProblems(t, r.errors).map((m) => (
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
        <form method="post" action={officeStaffPaths.importApply(school.id)}>
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

function rowProblems(t: OfficeStaffMessages, errors: GrantErrors): string[] {
  return [
    errors.feideId ? t.errors.feideId[errors.feideId] : '',
    errors.givenName ? t.errors.givenName[errors.givenName] : '',
    errors.familyName ? t.errors.familyName[errors.familyName] : '',
    errors.role ? t.errors.role[errors.role] : '',
    errors.target ? t.errors.target[errors.target] : '',
    errors.startsOn ? t.errors.startsOn[errors.startsOn] : '',
  ].filter(Boolean);
}
