import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { NotFoundError } from '../domain/errors.ts';
import {
  choosableMonths,
  daysOf,
  defaultMonthPeriod,
  isValidMonthPeriod,
  monthsBetween,
  parseMonth,
} from '../domain/statistics/period.ts';
import { loadAbsenceStatistics, requireStatisticsScope } from '../domain/statistics/school.ts';
import { compareSchools, summariseSchool } from '../domain/statistics/summary.ts';
import { fill } from '../i18n/index.ts';
import { schoolStatisticsText } from '../i18n/school-statistics.ts';
import { actorOf } from '../middleware/session.ts';
import { toCsv } from '../views/components/csv.ts';
import { StatisticsPage } from '../views/statistics/statistics-page.tsx';
import { ownerTables, schoolTables } from '../views/statistics/tables.ts';
import { todayOf } from './clock.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

/**
 * S12: statistics for a school's leadership and the school owner — absence per month, trinn and class (days and hours
 * apart, reported by home or not), pupils over 10 %, SFO occupancy; the owner compares its schools. `?school=` chooses
 * a school, `?from=`/`?to=` the months (default: the current school year up to today), `?format=csv&table=` downloads
 * one table. Aggregates only: no pupil's name. Everyone else gets 404.
 */
export const schoolStatisticsRoutes = new Hono<AppEnv>().get('/statistics', async (c) => {
  const { db } = c.get('deps');
  const today = todayOf(c);
  const locale = c.get('locale');
  const t = schoolStatisticsText[locale];
  const schoolText = c.req.query('school');
  const scope = await requireStatisticsScope(db, actorOf(c), schoolText ? idParam(schoolText) : null, today);
  const school = scope.kind === 'school' ? scope.school : null;
  const municipalityId = school ? school.municipalityId : scope.kind === 'owner' ? scope.municipalityId : 0;
  const asked = c.req.query('from') !== undefined || c.req.query('to') !== undefined;
  const period = asked
    ? { fromMonth: parseMonth(c.req.query('from')), toMonth: parseMonth(c.req.query('to')) }
    : defaultMonthPeriod(today, (school ?? scope.schools[0])?.yearStart ?? null);
  const valid =
    period.fromMonth !== null &&
    period.toMonth !== null &&
    isValidMonthPeriod({ fromMonth: period.fromMonth, toMonth: period.toMonth });
  const days = valid ? daysOf({ fromMonth: period.fromMonth!, toMonth: period.toMonth! }, today) : null;
  const schoolIds = school ? [school.id] : scope.schools.map((s) => s.id);
  const stats = days ? await loadAbsenceStatistics(db, municipalityId, schoolIds, days) : null;
  const tables =
    stats && days
      ? school
        ? schoolTables(locale, summariseSchool(stats, school.id, monthsBetween(period.fromMonth!, days.to.slice(0, 7))))
        : ownerTables(locale, compareSchools(stats, scope.schools))
      : null;
  if (c.req.query('format') === 'csv' && tables) {
    const table = tables?.find((tb) => tb.key === c.req.query('table'));
    if (!table) throw new NotFoundError();
    const name = `statistikk-${table.key}-${period.fromMonth}-${period.toMonth}.csv`;
    return c.body(
      toCsv([table.columns.map((col) => col.label), ...table.rows, ...(table.total ? [table.total] : [])]),
      200,
      {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
      },
    );
  }
  const title = school ? fill(t.schoolTitle, { school: school.name }) : t.ownerTitle;
  const months = choosableMonths(today);
  return render(
    c,
    title,
    <StatisticsPage
      page={pageContext(c)}
      view={{
        title,
        schools: scope.schools.map((s) => ({ id: s.id, name: s.name })),
        schoolId: school?.id ?? null,
        canCompare: scope.kind === 'owner' || scope.owner,
        months,
        fromMonth: period.fromMonth ?? months[0]!,
        toMonth: period.toMonth ?? months[0]!,
        invalid: !valid,
        result: stats && days && tables ? { ...days, schoolDays: stats.schoolDays, tables } : null,
      }}
    />,
    valid ? 200 : 422,
  );
});
