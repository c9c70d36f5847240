import type { FregReport, FregRunItem } from '../../domain/freg/report.ts';
import { Pager } from '../components/pager.tsx';
import { fill } from '../../i18n/index.ts';
import { fregText } from '../../i18n/freg.ts';
import { fregReportPaths } from '../../paths/freg-reports.ts';
import { link, secondaryLink } from '../components/classes.ts';
import { formatDateTime } from '../components/dates.ts';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';
import { detailsText } from './details.ts';

const th = 'border-b-2 border-slate-400 px-3 py-2 text-left align-bottom';
const td = 'border-b border-slate-200 px-3 py-2 align-top';

/** Every import run, newest first, with how many changes concern the reader's schools. */
export function FregRunsPage({ page, runs }: { page: PageContext; runs: FregRunItem[] }) {
  const t = fregText[page.locale];
  return (
    <div class="space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {t.title}
      </h1>
      <p class="max-w-prose" safe>
        {t.lead}
      </p>
      {runs.length === 0 ? (
        <p safe>{t.noRuns}</p>
      ) : (
        <TableRegion labelledBy="freg-runs-caption" framed>
          <table class="min-w-full text-sm">
            <caption id="freg-runs-caption" class="p-3 text-left font-semibold" safe>
              {t.caption}
            </caption>
            <thead>
              <tr>
                <th scope="col" class={th} safe>
                  {t.when}
                </th>
                <th scope="col" class={th} safe>
                  {t.documents}
                </th>
                <th scope="col" class={th} safe>
                  {t.changes}
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr>
                  <th scope="row" class={`${td} font-normal`}>
                    <a href={fregReportPaths.run(r.id)} class={link} safe>
                      {formatDateTime(r.startedAt)}
                    </a>
                  </th>
                  <td class={td} safe>
                    {String(r.documents)}
                  </td>
                  <td class={td} safe>
                    {String(r.changes)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}

/** One run's change report for the reader's schools; a protected address never appears. */
export function FregReportPage({ page, report }: { page: PageContext; report: FregReport }) {
  const t = fregText[page.locale];
  return (
    <div class="space-y-4">
      <p>
        <a href={fregReportPaths.list} class={link} safe>
          {t.back}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(t.runTitle, { date: formatDateTime(report.run.startedAt) })}
      </h1>
      {report.lines.length === 0 && report.page === 1 ? (
        <p safe>{t.noChanges}</p>
      ) : (
        <>
          <p>
            <a href={fregReportPaths.csv(report.run.id)} class={secondaryLink} safe>
              {t.download}
            </a>
          </p>
          <TableRegion labelledBy="freg-report-caption" framed>
            <table class="min-w-full text-sm">
              <caption id="freg-report-caption" class="p-3 text-left font-semibold" safe>
                {t.reportCaption}
              </caption>
              <thead>
                <tr>
                  {[t.kind, t.school, t.person, t.pupil, t.details, t.meaning].map((h) => (
                    <th scope="col" class={th} safe>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.lines.map((l) => (
                  <tr>
                    <th scope="row" class={`${td} font-normal`} safe>
                      {t.kinds[l.kind]}
                    </th>
                    <td class={td} safe>
                      {l.schoolName}
                    </td>
                    <td class={td} safe>
                      {l.personName}
                    </td>
                    <td class={td} safe>
                      {l.pupilName ?? ''}
                    </td>
                    <td class={td} safe>
                      {detailsText(t, l)}
                    </td>
                    <td class={td} safe>
                      {t.meanings[l.kind] ?? ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <Pager
            label={t.pages}
            page={report.page}
            hasNext={report.hasNext}
            href={(n) => fregReportPaths.runPage(report.run.id, n)}
            previousText={t.previous}
            nextText={t.next}
          />
        </>
      )}
    </div>
  );
}
