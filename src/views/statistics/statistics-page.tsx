import { fill, formatDate } from '../../i18n/index.ts';
import { schoolStatisticsText, type SchoolStatisticsMessages } from '../../i18n/school-statistics.ts';
import { schoolStatisticsPaths, type StatisticsQuery } from '../../paths/school-statistics.ts';
import { link, primaryButton } from '../components/classes.ts';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';
import { BarChart, DAYS_COLOR, HOURS_COLOR } from './bar-chart.tsx';
import { monthName, type Cell, type StatTable } from './tables.ts';

export interface StatisticsView {
  title: string;
  schools: { id: number; name: string }[];
  /** The chosen school, or null for the owner's comparison. */
  schoolId: number | null;
  /** The owner may choose "all schools". */
  canCompare: boolean;
  months: string[];
  fromMonth: string;
  toMonth: string;
  invalid: boolean;
  result: { from: string; to: string; schoolDays: number; tables: StatTable[] } | null;
}

const th = 'border-b border-slate-300 px-2 py-1 text-left font-semibold';
const td = 'border-b border-slate-200 px-2 py-1';
const num = `${td} text-right tabular-nums`;

const fmt = (value: Cell, percent?: boolean) => {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1).replace('.', ',');
  return percent ? `${text} %` : text;
};

/** Which columns of a table its chart draws (none: a table without a chart). */
function chartOf(t: SchoolStatisticsMessages, table: StatTable) {
  const c = t.columns;
  switch (table.key) {
    case 'months':
      return {
        label: t.perMonthChart,
        unit: '',
        series: [
          { name: c.days, color: DAYS_COLOR, col: 1 },
          { name: c.hours, color: HOURS_COLOR, col: 2 },
        ],
      };
    case 'reported':
      return {
        label: t.reportedChart,
        unit: '',
        series: [
          { name: c.daysReported, color: DAYS_COLOR, col: 1 },
          { name: c.daysUnreported, color: HOURS_COLOR, col: 2 },
        ],
      };
    case 'trinn':
      return {
        label: t.perTrinnChart,
        unit: '',
        series: [
          { name: c.days, color: DAYS_COLOR, col: 2 },
          { name: c.hours, color: HOURS_COLOR, col: 3 },
        ],
      };
    case 'classes':
      return { label: t.perClassChart, unit: ' %', series: [{ name: c.over10Share, color: DAYS_COLOR, col: 5 }] };
    case 'sfo':
      return { label: t.sfoChart, unit: '', series: [{ name: c.enrolled, color: DAYS_COLOR, col: 2 }] };
    case 'schools':
      return { label: t.schoolsChart, unit: '', series: [{ name: c.daysPerPupil, color: DAYS_COLOR, col: 4 }] };
    default:
      return null;
  }
}

function TableSection({ page, table, query }: { page: PageContext; table: StatTable; query: StatisticsQuery }) {
  const t = schoolStatisticsText[page.locale];
  const chart = chartOf(t, table);
  const id = `table-${table.key}`;
  const sfoUnits = new Set(table.key === 'sfo' ? table.rows.map((r) => r[1]) : []);
  return (
    <section aria-labelledby={`${id}-heading`} class="space-y-2">
      <h2 id={`${id}-heading`} class="text-xl font-semibold" safe>
        {table.title}
      </h2>
      {chart && table.rows.length ? (
        <BarChart
          label={chart.label}
          unit={chart.unit}
          series={chart.series}
          groups={table.rows.map((r) => ({
            label: sfoUnits.size > 1 ? `${r[0]} ${r[1]}` : String(r[0]),
            values: chart.series.map((s) => (typeof r[s.col] === 'number' ? (r[s.col] as number) : null)),
          }))}
        />
      ) : (
        ''
      )}
      {table.rows.length === 0 ? (
        <p class="text-slate-700" safe>
          {table.key === 'sfo' ? t.noSfo : t.none}
        </p>
      ) : (
        <TableRegion framed>
          <table id={id} class="w-full text-sm">
            <caption id={`${id}-caption`} class="sr-only" safe>
              {table.title}
            </caption>
            <thead>
              <tr>
                {table.columns.map((col, i) => (
                  <th scope="col" class={i === 0 ? th : `${th} text-right`} safe>
                    {col.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr>
                  <th scope="row" class={`${td} text-left font-normal`} safe>
                    {fmt(row[0]!)}
                  </th>
                  {row.slice(1).map((cell, i) => (
                    <td class={num} safe>
                      {fmt(cell, table.columns[i + 1]?.percent)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            {table.total ? (
              <tfoot>
                <tr>
                  <th scope="row" class={`${td} text-left`} safe>
                    {fmt(table.total[0]!)}
                  </th>
                  {table.total.slice(1).map((cell, i) => (
                    <td class={`${num} font-semibold`} safe>
                      {fmt(cell, table.columns[i + 1]?.percent)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            ) : (
              ''
            )}
          </table>
        </TableRegion>
      )}
      <p>
        <a href={schoolStatisticsPaths.csv(table.key, query)} class={link} download="" safe>
          {fill(t.csvOf, { table: table.title })}
        </a>
      </p>
    </section>
  );
}

/** S12: the statistics of a school (leadership, owner) or the owner's comparison: filters, charts, tables, CSV links. */
export function StatisticsPage({ page, view }: { page: PageContext; view: StatisticsView }) {
  const t = schoolStatisticsText[page.locale];
  const query: StatisticsQuery = { school: view.schoolId, from: view.fromMonth, to: view.toMonth };
  const monthOptions = view.months.map((m) => ({ value: m, label: monthName(t, m) }));
  const select = 'min-h-11 rounded border border-slate-500 bg-white p-2';
  return (
    <div id="statistics" class="space-y-6">
      <h1 class="text-2xl font-bold" safe>
        {view.title}
      </h1>
      <p class="text-slate-700" safe>
        {t.lead}
      </p>
      <form
        method="get"
        action={schoolStatisticsPaths.page}
        class="flex flex-wrap items-end gap-3"
        aria-label={t.filters}
        hx-get={schoolStatisticsPaths.page}
        hx-target="#statistics"
        hx-swap="outerHTML"
        hx-push-url="true"
      >
        <div>
          <label for="stat-from" class="block font-semibold" safe>
            {t.fromMonth}
          </label>
          <select id="stat-from" name="from" class={select}>
            {monthOptions.map((o) => (
              <option value={o.value} selected={o.value === view.fromMonth} safe>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="stat-to" class="block font-semibold" safe>
            {t.toMonth}
          </label>
          <select id="stat-to" name="to" class={select}>
            {monthOptions.map((o) => (
              <option value={o.value} selected={o.value === view.toMonth} safe>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        {view.schools.length > 1 || view.canCompare ? (
          <div>
            <label for="stat-school" class="block font-semibold" safe>
              {t.school}
            </label>
            <select id="stat-school" name="school" class={select}>
              {view.canCompare ? (
                <option value="" selected={view.schoolId === null} safe>
                  {t.allSchools}
                </option>
              ) : (
                ''
              )}
              {view.schools.map((s) => (
                <option value={String(s.id)} selected={s.id === view.schoolId} safe>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          ''
        )}
        <button type="submit" class={`${primaryButton} min-h-11`} safe>
          {t.show}
        </button>
      </form>
      {view.invalid ? (
        <p class="rounded border-2 border-red-800 bg-red-50 p-2 text-red-950" role="alert" safe>
          {t.invalidPeriod}
        </p>
      ) : (
        ''
      )}
      {view.result ? (
        <>
          <p class="font-semibold" safe>
            {fill(t.periodHeading, {
              from: formatDate(view.result.from),
              to: formatDate(view.result.to),
              days: view.result.schoolDays,
            })}
          </p>
          <p class="text-sm text-slate-700" safe>
            {t.countingNote}
          </p>
          {view.result.tables.map((table) => (
            <TableSection page={page} table={table} query={query} />
          ))}
          {view.schoolId === null ? (
            <ul class="list-disc space-y-1 pl-6">
              {view.schools.map((s) => (
                <li>
                  <a href={schoolStatisticsPaths.view({ ...query, school: s.id })} class={link} safe>
                    {fill(t.openSchool, { school: s.name })}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            ''
          )}
        </>
      ) : view.invalid ? (
        ''
      ) : (
        <p safe>{t.noSchoolDays}</p>
      )}
    </div>
  );
}
