import type { ManagedForm } from '../../domain/forms/builder.ts';
import type { FormResults } from '../../domain/forms/results.ts';
import { formsText } from '../../i18n/forms.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { card, link } from '../components/classes.ts';
import { formatDateTime } from '../components/dates.ts';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';
import { formPaths } from '../../paths/forms.ts';

/** How an answer reads: yes/no in words, dates as dd.mm.yyyy, several choices joined. */
export function answerText(page: PageContext, kind: ManagedForm['questions'][number]['kind'], value: string): string {
  const t = formsText[page.locale];
  if (kind === 'yes_no') return value === 'yes' ? t.yes : value === 'no' ? t.no : value;
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return value;
}

/** S9: results per question (counts) and per pupil (a table), with the CSV download. */
export function FormResultsPage({
  page,
  form,
  results,
}: {
  page: PageContext;
  form: ManagedForm;
  results: FormResults;
}) {
  const t = formsText[page.locale];
  return (
    <div class="space-y-6">
      <p>
        <a href={formPaths.form(form.id)} class={link} safe>
          {form.title}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>{`${t.results}: ${form.title}`}</h1>
      <p safe>{fill(t.answersCount, { answers: results.answered, recipients: results.recipients })}</p>
      <p>
        <a href={formPaths.csv(form.id)} class={link} safe>
          {t.csv}
        </a>
      </p>
      <section aria-labelledby="per-question" class="space-y-3">
        <h2 id="per-question" class="text-xl font-semibold" safe>
          {t.perQuestion}
        </h2>
        {form.questions.map((q, i) => {
          const summary = results.summaries[i]!;
          return (
            <div class={card}>
              <h3 class="font-semibold" safe>
                {q.label}
              </h3>
              <p class="text-sm text-slate-700" safe>
                {fill(t.answersOf, { count: summary.answered })}
              </p>
              {summary.counts.length ? (
                <ul class="mt-1" role="list">
                  {summary.counts.map((c) => (
                    <li safe>{`${answerText(page, q.kind, c.option)}: ${c.count}`}</li>
                  ))}
                </ul>
              ) : (
                ''
              )}
            </div>
          );
        })}
      </section>
      <div class="space-y-2">
        <h2 id="per-pupil" class="text-xl font-semibold" safe>
          {t.perPupil}
        </h2>
        <TableRegion labelledBy="per-pupil" framed>
          <table class="min-w-full text-sm">
            <thead>
              <tr>
                {[t.pupil, t.class, t.by, t.changed, ...form.questions.map((q) => q.label)].map((h) => (
                  <th scope="col" class="border-b-2 border-slate-400 px-3 py-2 text-left align-bottom" safe>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {results.rows.map((row) => (
                <tr>
                  <th scope="row" class="border-b border-slate-200 px-3 py-2 text-left font-normal" safe>
                    {row.name ?? t.hiddenName}
                  </th>
                  <td class="border-b border-slate-200 px-3 py-2" safe>
                    {row.className}
                  </td>
                  <td class="border-b border-slate-200 px-3 py-2" safe>
                    {row.answeredBy ?? ''}
                  </td>
                  <td class="border-b border-slate-200 px-3 py-2" safe>
                    {row.updatedAt ? formatDateTime(row.updatedAt) : t.notAnswered}
                  </td>
                  {form.questions.map((q) => {
                    const v = row.answers[q.id];
                    return (
                      <td class="border-b border-slate-200 px-3 py-2" safe>
                        {v === undefined
                          ? ''
                          : (Array.isArray(v) ? v : [v]).map((x) => answerText(page, q.kind, x)).join(', ')}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </div>
    </div>
  );
}
