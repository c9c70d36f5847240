import type { AbsenceOverview } from '../../domain/absence/overview.ts';
import type { AbsenceEntry, LessonRef } from '../../domain/absence/year.ts';
import { mayWithdraw } from '../../domain/absence/withdraw.ts';
import { absenceText, type AbsenceMessages } from '../../i18n/absence.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { card, smallButton } from '../components/classes.ts';
import { dateRange } from '../components/dates.ts';
import type { PageContext } from '../page-context.ts';

const badge = 'ml-2 inline-block rounded border px-2 py-0.5 text-sm font-semibold';

type HomeEntry = Extract<AbsenceEntry, { source: 'home' }>;
type SchoolEntry = Extract<AbsenceEntry, { source: 'school' }>;
type Item =
  | { kind: 'home'; entry: HomeEntry; school: SchoolEntry[] }
  | { kind: 'leave'; entry: Extract<AbsenceEntry, { source: 'leave' }> }
  | { kind: 'school'; date: string; rows: SchoolEntry[] };

export const count = (one: string, many: string, n: number) => fill(n === 1 ? one : many, { count: n });
export const lessonText = (l: LessonRef) => `${l.startsAt}–${l.endsAt} ${l.subject}`;

/** What a home report covers, in words: "25.11.2026, 2 timer" or "27.11.2026–30.11.2026 (2 skoledager)". */
export function reportSummary(t: AbsenceMessages, entry: HomeEntry): string {
  if (entry.kind === 'lessons') return `${formatDate(entry.from)}, ${count(t.hour, t.hours, entry.lessons.length)}`;
  return `${dateRange(entry.from, entry.to)} (${count(t.schoolDay, t.schoolDays, entry.schoolDays)})`;
}

function Heading({ level, id, text }: { level: 2 | 3; id: string; text: string }) {
  return level === 2 ? (
    <h2 id={id} class="text-xl font-semibold" safe>
      {text}
    </h2>
  ) : (
    <h3 id={id} class="text-xl font-semibold" safe>
      {text}
    </h3>
  );
}

/** Totals so far this school year: days and single lessons kept apart, and times late. */
export function AbsenceTotals({
  page,
  overview,
  level,
}: {
  page: PageContext;
  overview: AbsenceOverview;
  level: 2 | 3;
}) {
  const t = absenceText[page.locale];
  const { totals } = overview.year;
  const text = fill(t.totals, { days: count(t.day, t.days, totals.days), hours: count(t.hour, t.hours, totals.hours) });
  return (
    <section aria-labelledby="absence-totals-heading" class={`${card} space-y-1`}>
      <Heading level={level} id="absence-totals-heading" text={t.totalsHeading} />
      {overview.schoolYear ? (
        <p class="text-sm text-slate-700" safe>
          {fill(t.schoolYear, { year: overview.schoolYear.name })}
        </p>
      ) : (
        <p safe>{t.noSchoolYear}</p>
      )}
      <p id="absence-totals" class="text-2xl font-semibold" safe>
        {text}
      </p>
      <p id="absence-late" safe>
        {fill(t.late, { count: totals.late })}
      </p>
      <p class="text-sm text-slate-700" safe>
        {t.totalsHelp}
      </p>
    </section>
  );
}

interface ListProps {
  page: PageContext;
  overview: AbsenceOverview;
  level: 2 | 3;
  /** Guardians: the withdraw form's path for a report. */
  withdrawPath?: (reportId: number) => string;
  /** Leadership and contact teacher: the "documentation received" toggle. */
  documentationPath?: (reportId: number) => string;
  /** The guardian's note is for the school; a pupil's own page leaves it out. */
  showNotes: boolean;
}

/** Every entry of the school year, newest first: reports from home, the school's registrations, granted leave. */
export function AbsenceList(props: ListProps) {
  const t = absenceText[props.page.locale];
  const items = toItems(props.overview.year.entries);
  return (
    <section aria-labelledby="absence-list-heading" class="space-y-2">
      <Heading level={props.level} id="absence-list-heading" text={t.listHeading} />
      {items.length === 0 ? <p safe>{t.empty}</p> : ''}
      <ol id="absence-list" class="space-y-3" role="list">
        {items.map((item) =>
          item.kind === 'home' ? (
            <HomeItem {...props} entry={item.entry} school={item.school} />
          ) : item.kind === 'school' ? (
            <SchoolItem t={t} date={item.date} rows={item.rows} />
          ) : (
            <li class={card}>
              <p class="font-semibold" safe>
                {dateRange(item.entry.from, item.entry.to)}
              </p>
              <p safe>{`${t.leaveGranted} · ${count(t.schoolDay, t.schoolDays, item.entry.schoolDays)}`}</p>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}

/**
 * The list's items, newest first: a home report with the school's registrations of the same days inside it (so a day
 * reported by home and registered per lesson reads as one absence, not two); other registrations grouped per day.
 */
function toItems(entries: AbsenceEntry[]): Item[] {
  const items: Item[] = [];
  const homes = entries.flatMap((e) =>
    e.source === 'home' ? [{ kind: 'home' as const, entry: e, school: [] as SchoolEntry[] }] : [],
  );
  const coveringHome = (date: string) => homes.find((h) => h.entry.from <= date && date <= h.entry.to);
  const schoolDays = new Map<string, SchoolEntry[]>();
  let home = 0;
  for (const entry of entries) {
    if (entry.source === 'home') items.push(homes[home++]!);
    else if (entry.source === 'leave') items.push({ kind: 'leave', entry });
    else if (coveringHome(entry.date)) coveringHome(entry.date)!.school.push(entry);
    else if (schoolDays.has(entry.date)) schoolDays.get(entry.date)!.push(entry);
    else {
      const rows = [entry];
      schoolDays.set(entry.date, rows);
      items.push({ kind: 'school', date: entry.date, rows });
    }
  }
  return items;
}

/** The school's registrations of a day or a report: one line each, with the date when a report spans days. */
function SchoolRows({ t, rows, withDate }: { t: AbsenceMessages; rows: SchoolEntry[]; withDate: boolean }) {
  return (
    <ul class="list-disc pl-5">
      {rows.map((r) => (
        <li
          safe
        >{`${withDate ? `${formatDate(r.date)} ` : ''}${r.status === 'late' ? t.registeredLate : t.registeredAbsent}: ${
          r.lesson ? lessonText(r.lesson) : t.wholeDay
        }`}</li>
      ))}
    </ul>
  );
}

function HomeItem({
  page,
  overview,
  entry,
  withdrawPath,
  documentationPath,
  showNotes,
  school,
}: ListProps & { entry: HomeEntry; school: SchoolEntry[] }) {
  const t = absenceText[page.locale];
  const upcoming = entry.from > overview.today;
  const what = entry.kind === 'days' ? `${t.wholeDay} · ${count(t.schoolDay, t.schoolDays, entry.schoolDays)}` : '';
  return (
    <li id={`absence-report-${entry.reportId}`} class={`${card} space-y-1`}>
      <p class="font-semibold">
        <span safe>{dateRange(entry.from, entry.to)}</span>
        {upcoming ? (
          <span class={`${badge} border-sky-800 bg-sky-50 text-sky-950`} safe>
            {t.upcoming}
          </span>
        ) : (
          ''
        )}
        {entry.documented ? (
          <span class={`${badge} border-emerald-700 bg-emerald-50 text-emerald-950`} safe>{`✓ ${t.documented}`}</span>
        ) : (
          ''
        )}
      </p>
      {what ? (
        <p safe>{what}</p>
      ) : (
        <ul class="list-disc pl-5">
          {entry.lessons.map((l) => (
            <li safe>{lessonText(l)}</li>
          ))}
        </ul>
      )}
      <p safe>{`${fill(t.reportedBy, { name: entry.reportedBy })} · ${t.reason}: ${t.reasons[entry.reason]}`}</p>
      {showNotes && entry.note ? <p class="text-slate-800" safe>{`${t.note}: ${entry.note}`}</p> : ''}
      {school.length ? (
        <div class="space-y-1 rounded bg-slate-50 p-2 text-sm">
          <p safe>{t.alsoRegistered}</p>
          <SchoolRows t={t} rows={school} withDate={entry.from !== entry.to} />
        </div>
      ) : (
        ''
      )}
      {withdrawPath && mayWithdraw(entry, overview.today) ? (
        <form
          method="post"
          action={withdrawPath(entry.reportId)}
          hx-post={withdrawPath(entry.reportId)}
          hx-target="#child-section"
          class="pt-1"
        >
          <button type="submit" class={smallButton}>
            <span safe>{t.withdraw}</span>
            <span class="sr-only" safe>{` ${reportSummary(t, entry)}`}</span>
          </button>
        </form>
      ) : (
        ''
      )}
      {documentationPath ? (
        <form method="post" action={documentationPath(entry.reportId)} class="pt-1">
          <input type="hidden" name="documented" value={entry.documented ? 'false' : 'true'} />
          <button type="submit" class={smallButton}>
            <span safe>{entry.documented ? t.unmarkDocumented : t.markDocumented}</span>
            <span class="sr-only" safe>{` ${reportSummary(t, entry)}`}</span>
          </button>
        </form>
      ) : (
        ''
      )}
    </li>
  );
}

function SchoolItem({ t, date, rows }: { t: AbsenceMessages; date: string; rows: SchoolEntry[] }) {
  return (
    <li class={`${card} space-y-1`}>
      <p class="font-semibold" safe>
        {formatDate(date)}
      </p>
      <SchoolRows t={t} rows={rows} withDate={false} />
    </li>
  );
}
