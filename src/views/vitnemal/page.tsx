import type { VitnemalClass } from '../../domain/absence/vitnemal.ts';
import { fill } from '../../i18n/index.ts';
import { vitnemalText } from '../../i18n/vitnemal.ts';
import { link } from '../components/classes.ts';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';
import { absencePaths } from '../../paths/absence.ts';

const cell = 'border-b border-slate-200 px-3 py-2 text-right tabular-nums';
const head = 'border-b-2 border-slate-400 px-3 py-2 text-right align-bottom';

/** Leadership's vitnemål view of a class (8.–10. trinn): days and hours separately, what is deducted, what remains. */
export function VitnemalAbsencePage({ page, view }: { page: PageContext; view: VitnemalClass }) {
  const t = vitnemalText[page.locale];
  return (
    <div class="space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {fill(t.title, { name: view.className })}
      </h1>
      <p class="max-w-prose" safe>
        {fill(t.lead, {
          year: view.schoolYear.name,
          school: view.schoolName,
          trinn: view.trinn,
          max: view.maxDeductibleDays,
        })}
      </p>
      <p class="max-w-prose text-sm text-slate-700" safe>
        {t.documentedHint}
      </p>
      {view.rows.length === 0 ? (
        <p safe>{t.empty}</p>
      ) : (
        <TableRegion labelledBy="vitnemal-caption" framed>
          <table class="min-w-full text-sm">
            <caption id="vitnemal-caption" class="p-3 text-left font-semibold" safe>
              {t.caption}
            </caption>
            <thead>
              <tr>
                <th scope="col" class="border-b-2 border-slate-400 px-3 py-2 text-left align-bottom" safe>
                  {t.pupil}
                </th>
                <th scope="col" class={head} safe>
                  {t.days}
                </th>
                <th scope="col" class={head} safe>
                  {t.hours}
                </th>
                <th scope="col" class={head} safe>
                  {t.leave}
                </th>
                <th scope="col" class={head} safe>
                  {t.deductibleDays}
                </th>
                <th scope="col" class={head} safe>
                  {t.deductibleHours}
                </th>
                <th scope="col" class={head} safe>
                  {t.onVitnemalDays}
                </th>
                <th scope="col" class={head} safe>
                  {t.onVitnemalHours}
                </th>
                <th scope="col" class={head} safe>
                  {t.late}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr>
                  <th scope="row" class="border-b border-slate-200 px-3 py-2 text-left font-normal">
                    <a
                      href={absencePaths.pupil(row.pupilId)}
                      class={link}
                      safe
                    >{`${row.familyName}, ${row.givenName}`}</a>
                  </th>
                  <td class={cell} safe>
                    {String(row.totals.days)}
                  </td>
                  <td class={cell} safe>
                    {String(row.totals.hours)}
                  </td>
                  <td class={cell} safe>
                    {String(row.totals.leaveDays)}
                  </td>
                  <td class={cell} safe>
                    {String(row.totals.deductibleDays)}
                  </td>
                  <td class={cell} safe>
                    {String(row.totals.deductibleHours)}
                  </td>
                  <td class={`${cell} font-semibold`} safe>
                    {String(row.onVitnemal.days)}
                  </td>
                  <td class={`${cell} font-semibold`} safe>
                    {String(row.onVitnemal.hours)}
                  </td>
                  <td class={cell} safe>
                    {String(row.totals.late)}
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
