import type { CareUnitInfo } from '../../domain/access/care-scope.ts';
import type { CareStatistics, Tally } from '../../domain/care/statistics.ts';
import { careBoardText, type CareBoardMessages } from '../../i18n/care-board.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { careBoardPaths } from '../../paths/care-board.ts';
import { primaryButton } from '../components/classes.ts';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';

export const statisticsTitle = (page: PageContext, unit: CareUnitInfo) =>
  fill(careBoardText[page.locale].statistics.title, { unit: unit.name });

const hours = (n: number) => n.toFixed(1).replace('.', ',');
const th = 'border-b border-slate-300 px-2 py-1 text-left font-semibold';
const td = 'border-b border-slate-200 px-2 py-1';
const num = `${td} text-right tabular-nums`;

function TallyCells({ tally }: { tally: Tally }) {
  return (
    <>
      <td class={num} safe>
        {String(tally.expected)}
      </td>
      <td class={num} safe>
        {String(tally.came)}
      </td>
      <td class={num} safe>
        {String(tally.absent)}
      </td>
      <td class={num} safe>
        {String(tally.off)}
      </td>
      <td class={num} safe>
        {String(tally.holiday)}
      </td>
      <td class={num} safe>
        {hours(tally.plannedHours)}
      </td>
      <td class={num} safe>
        {hours(tally.actualHours)}
      </td>
    </>
  );
}

function TallyHeads({ t }: { t: CareBoardMessages['statistics'] }) {
  const c = t.columns;
  return (
    <>
      {[c.expected, c.came, c.absent, c.off, c.holiday, c.planned, c.actual].map((label) => (
        <th scope="col" class={`${th} text-right`} safe>
          {label}
        </th>
      ))}
    </>
  );
}

/** Bars of the children who came per day (server-rendered SVG; the table below says the same in words). */
function Chart({ stats, label }: { stats: CareStatistics; label: string }) {
  if (stats.days.length === 0) return '';
  const max = Math.max(1, ...stats.days.map((d) => Math.max(d.came, d.expected)));
  const width = 8;
  const gap = 3;
  const height = 80;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${stats.days.length * (width + gap)} ${height}`}
      class="h-24 w-full max-w-xl"
      preserveAspectRatio="none"
    >
      {stats.days.map((d, i) => {
        const h = Math.round((d.came / max) * height);
        const e = Math.round((d.expected / max) * height);
        return (
          <g>
            <rect
              x={String(i * (width + gap))}
              y={String(height - e)}
              width={String(width)}
              height={String(e)}
              fill="#e2e8f0"
            />
            <rect
              x={String(i * (width + gap))}
              y={String(height - h)}
              width={String(width)}
              height={String(h)}
              fill="#075985"
            />
          </g>
        );
      })}
    </svg>
  );
}

/** The unit's statistics for a period: the period form, a chart, tables per day, per week and (leader) per child. */
export function StatisticsPage({
  page,
  unit,
  stats,
  period,
  invalid,
  childrenShown,
}: {
  /** The leader sees children; the school owner the aggregates only. */
  childrenShown: boolean;
  page: PageContext;
  unit: CareUnitInfo;
  stats: CareStatistics | null;
  /** What the form shows (as typed when invalid). */
  period: { from: string; to: string };
  invalid: boolean;
}) {
  const t = careBoardText[page.locale].statistics;
  const c = t.columns;
  return (
    <div class="space-y-6">
      <h1 class="text-2xl font-bold" safe>
        {statisticsTitle(page, unit)}
      </h1>
      <form method="get" action={careBoardPaths.statistics(unit)} class="flex flex-wrap items-end gap-3" novalidate>
        <div>
          <label for="from" class="block font-semibold" safe>
            {t.from}
          </label>
          <input
            id="from"
            name="from"
            type="text"
            inputmode="numeric"
            value={period.from}
            aria-describedby="period-hint"
            class="min-h-11 w-36 rounded border border-slate-500 p-2"
          />
        </div>
        <div>
          <label for="to" class="block font-semibold" safe>
            {t.to}
          </label>
          <input
            id="to"
            name="to"
            type="text"
            inputmode="numeric"
            value={period.to}
            aria-describedby="period-hint"
            class="min-h-11 w-36 rounded border border-slate-500 p-2"
          />
        </div>
        <button type="submit" class={`${primaryButton} min-h-11`} safe>
          {t.show}
        </button>
        <p id="period-hint" class="w-full text-sm text-slate-700" safe>
          {t.dateHint}
        </p>
      </form>
      {invalid ? (
        <p class="rounded border-2 border-red-800 bg-red-50 p-2 text-red-950" role="alert" safe>
          {t.invalidPeriod}
        </p>
      ) : (
        ''
      )}
      {stats ? (
        <>
          <h2 class="text-xl font-semibold" safe>
            {fill(t.periodHeading, { from: formatDate(stats.from), to: formatDate(stats.to) })}
          </h2>
          {stats.days.length === 0 ? (
            <p safe>{t.noDays}</p>
          ) : (
            <>
              <Chart stats={stats} label={t.chartLabel} />
              <section aria-labelledby="per-week" class="space-y-2">
                <h3 id="per-week" class="text-lg font-semibold" safe>
                  {t.perWeek}
                </h3>
                <TableRegion labelledBy="per-week" framed>
                  <table class="w-full text-sm">
                    <thead>
                      <tr>
                        <th scope="col" class={th} safe>
                          {c.week}
                        </th>
                        <TallyHeads t={t} />
                      </tr>
                    </thead>
                    <tbody>
                      {stats.weeks.map((w) => (
                        <tr>
                          <th scope="row" class={`${td} text-left font-normal`} safe>
                            {w.week}
                          </th>
                          <TallyCells tally={w} />
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableRegion>
              </section>
              <section aria-labelledby="per-day" class="space-y-2">
                <h3 id="per-day" class="text-lg font-semibold" safe>
                  {t.perDay}
                </h3>
                <TableRegion labelledBy="per-day" framed>
                  <table class="w-full text-sm">
                    <thead>
                      <tr>
                        <th scope="col" class={th} safe>
                          {c.date}
                        </th>
                        <TallyHeads t={t} />
                      </tr>
                    </thead>
                    <tbody>
                      {stats.days.map((d) => (
                        <tr>
                          <th scope="row" class={`${td} text-left font-normal`} safe>
                            {formatDate(d.date)}
                          </th>
                          <TallyCells tally={d} />
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableRegion>
              </section>
            </>
          )}
          {stats.children.length ? (
            <section aria-labelledby="per-child" class="space-y-2">
              <h3 id="per-child" class="text-lg font-semibold" safe>
                {t.perChild}
              </h3>
              <p class="text-slate-700" safe>
                {t.perChildLead}
              </p>
              <TableRegion labelledBy="per-child" framed>
                <table class="w-full text-sm">
                  <thead>
                    <tr>
                      {[c.child, c.group].map((label) => (
                        <th scope="col" class={th} safe>
                          {label}
                        </th>
                      ))}
                      {[c.planned, c.actual, c.ratio].map((label) => (
                        <th scope="col" class={`${th} text-right`} safe>
                          {label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {stats.children.map((child) => (
                      <tr id={`stat-child-${child.childId}`}>
                        <th scope="row" class={`${td} text-left font-normal`} safe>
                          {child.name}
                        </th>
                        <td class={td} safe>
                          {child.groupName}
                        </td>
                        <td class={num} safe>
                          {hours(child.plannedHours)}
                        </td>
                        <td class={num} safe>
                          {hours(child.actualHours)}
                        </td>
                        <td class={num} safe>
                          {child.ratio === null
                            ? '–'
                            : `${Math.round(child.ratio * 100)} %${child.ratio < 0.6 ? ` (${t.under})` : child.ratio > 1.05 ? ` (${t.over})` : ''}`}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            </section>
          ) : !childrenShown ? (
            <p class="text-slate-700" safe>
              {t.ownerNote}
            </p>
          ) : (
            ''
          )}
        </>
      ) : (
        ''
      )}
    </div>
  );
}
