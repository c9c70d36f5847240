import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { parseDate } from '../../i18n/index.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { addDays, isoWeekOf, mondayOf } from '../calendar/dates.ts';
import { NotFoundError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import { guardianIdsWithAccess } from '../guardian/guardians.ts';
import { enqueueNotifications } from '../notifications/outbox.ts';
import { parseKroner } from './reduced-payment.ts';
import type { SfoInfo } from './units.ts';

/**
 * Staffing for summer SFO: one adult per this many children a day (the leader's rule of thumb; a constant here, to
 * become an SFO setting if owners ask for it).
 */
export const CHILDREN_PER_ADULT = 15;
/** Weekdays a summer SFO can be open (ISO: 1 = Monday … 5 = Friday). */
export const SUMMER_WEEKDAYS = [1, 2, 3, 4, 5] as const;

export interface SummerWeek {
  /** The Monday. */
  weekStart: string;
  open: boolean;
  /** "27", the ISO week number. */
  number: string;
  /** The weekdays (ISO dates) of the week inside the period. */
  days: { date: string; weekday: number }[];
}

export interface SummerPeriod {
  id: number;
  sfoId: number;
  year: number;
  firstDay: string;
  lastDay: string;
  deadline: string;
  priceOre: number;
  sentAt: Date | null;
  weeks: SummerWeek[];
}

/** The summer after today: this year's until the end of August, else next year's. */
export const defaultSummerYear = (today: string) => Number(today.slice(0, 4)) + (today.slice(5, 7) > '08' ? 1 : 0);

/** The Mondays of the weeks from first to last day, with their weekdays inside the period. */
export function weeksOf(firstDay: string, lastDay: string, open: Map<string, boolean>): SummerWeek[] {
  const weeks: SummerWeek[] = [];
  for (let monday = mondayOf(firstDay); monday <= lastDay && weeks.length < 20; monday = addDays(monday, 7)) {
    const days = SUMMER_WEEKDAYS.map((weekday) => ({ date: addDays(monday, weekday - 1), weekday })).filter(
      (d) => d.date >= firstDay && d.date <= lastDay,
    );
    if (days.length === 0) continue;
    weeks.push({ weekStart: monday, open: open.get(monday) ?? true, number: isoWeekOf(monday).slice(6), days });
  }
  return weeks;
}

async function periodRow(db: Db, where: { sfoId: number; year: number } | { id: number }) {
  let q = db.selectFrom('sfo_summer_period').selectAll();
  q = 'id' in where ? q.where('id', '=', where.id) : q.where('sfo_id', '=', where.sfoId).where('year', '=', where.year);
  return q.executeTakeFirst();
}

async function withWeeks(db: Db, row: NonNullable<Awaited<ReturnType<typeof periodRow>>>): Promise<SummerPeriod> {
  const weeks = await db
    .selectFrom('sfo_summer_week')
    .select(['week_start', 'open'])
    .where('period_id', '=', row.id)
    .execute();
  return {
    id: row.id,
    sfoId: row.sfo_id,
    year: row.year,
    firstDay: row.first_day,
    lastDay: row.last_day,
    deadline: row.answer_deadline,
    priceOre: row.price_per_day_ore,
    sentAt: row.sent_at,
    weeks: weeksOf(row.first_day, row.last_day, new Map(weeks.map((w) => [w.week_start, w.open]))),
  };
}

/** The SFO's summer period of a year, with its weeks (two queries), or null. */
export async function loadSummerPeriod(db: Db, sfoId: number, year: number): Promise<SummerPeriod | null> {
  const row = await periodRow(db, { sfoId, year });
  return row ? withWeeks(db, row) : null;
}

export interface SummerPeriodInput {
  firstDay: string;
  lastDay: string;
  deadline: string;
  price: string;
  /** The week starts ticked open; null when the form showed no weeks (a new period: every week open). */
  openWeeks: string[] | null;
}
export interface SummerPeriodErrors {
  firstDay?: 'required' | 'invalid';
  lastDay?: 'required' | 'invalid' | 'order' | 'year';
  deadline?: 'required' | 'invalid' | 'after';
  price?: 'required' | 'invalid';
}

const validYear = (year: number) => Number.isInteger(year) && year >= 2000 && year <= 2100;

/**
 * S9: the SFO leader creates or changes the summer period of a year: first and last day (June–August of that year),
 * the answer deadline (before the first day), the price per day, and which weeks are open. Answers for days no longer
 * open are removed. Audited.
 */
export async function saveSummerPeriod(
  db: Db,
  actor: Actor,
  sfo: SfoInfo,
  year: number,
  input: SummerPeriodInput,
  now = new Date(),
): Promise<{ ok: true; periodId: number } | { ok: false; errors: SummerPeriodErrors }> {
  if (!validYear(year)) throw new NotFoundError();
  const errors: SummerPeriodErrors = {};
  const first = parseDate(input.firstDay);
  const last = parseDate(input.lastDay);
  const deadline = parseDate(input.deadline);
  if (!input.firstDay.trim()) errors.firstDay = 'required';
  else if (!first) errors.firstDay = 'invalid';
  if (!input.lastDay.trim()) errors.lastDay = 'required';
  else if (!last) errors.lastDay = 'invalid';
  else if (first && last < first) errors.lastDay = 'order';
  const inSummer = (d: string) => d >= `${year}-06-01` && d <= `${year}-08-31`;
  if (first && last && !errors.lastDay && (!inSummer(first) || !inSummer(last))) errors.lastDay = 'year';
  if (!input.deadline.trim()) errors.deadline = 'required';
  else if (!deadline) errors.deadline = 'invalid';
  else if (first && deadline >= first) errors.deadline = 'after';
  const priceOre = input.price.trim() ? parseKroner(input.price) : null;
  if (!input.price.trim()) errors.price = 'required';
  else if (priceOre === null || priceOre > 100_000_00) errors.price = 'invalid';
  if (Object.keys(errors).length || !first || !last || !deadline || priceOre === null) return { ok: false, errors };

  return db.transaction().execute(async (trx) => {
    const values = { first_day: first, last_day: last, answer_deadline: deadline, price_per_day_ore: priceOre };
    const existing = await periodRow(trx, { sfoId: sfo.sfoId, year });
    const periodId = existing
      ? (await trx.updateTable('sfo_summer_period').set(values).where('id', '=', existing.id).execute(), existing.id)
      : (
          await trx
            .insertInto('sfo_summer_period')
            .values({ ...values, sfo_id: sfo.sfoId, year })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    const before = await trx
      .selectFrom('sfo_summer_week')
      .select(['week_start', 'open'])
      .where('period_id', '=', periodId)
      .execute();
    const previous = new Map(before.map((w) => [w.week_start, w.open]));
    const open = new Map<string, boolean>();
    const weeks = weeksOf(first, last, previous);
    for (const w of weeks) open.set(w.weekStart, input.openWeeks ? input.openWeeks.includes(w.weekStart) : w.open);
    await trx.deleteFrom('sfo_summer_week').where('period_id', '=', periodId).execute();
    if (weeks.length)
      await trx
        .insertInto('sfo_summer_week')
        .values(weeks.map((w) => ({ period_id: periodId, week_start: w.weekStart, open: open.get(w.weekStart)! })))
        .execute();
    const openStarts = weeks.filter((w) => open.get(w.weekStart)).map((w) => w.weekStart);
    await trx
      .deleteFrom('sfo_summer_answer')
      .where('period_id', '=', periodId)
      .where((eb) => (openStarts.length ? eb('week_start', 'not in', openStarts) : sql<boolean>`true`))
      .execute();
    await recordAudit(
      trx,
      {
        actor,
        role: 'sfo_leader',
        action: 'sfo_summer.save',
        record: { type: 'sfo_summer_period', id: periodId },
        details: { sfoId: sfo.sfoId, year, first, last, deadline, priceOre, closed: weeks.length - openStarts.length },
      },
      now,
    );
    return { ok: true as const, periodId };
  });
}

/**
 * Who the registration goes to: every child with an SFO place at this SFO at some time in the period, and every child
 * enrolled in a 1. trinn class of the SFO's school in the school year that starts after the summer (when the school
 * office has made that class already). Bounded by the SFO's size.
 */
async function summerPupils(db: Db, sfo: SfoInfo, period: SummerPeriod): Promise<number[]> {
  const rows = await db
    .selectFrom('sfo_enrolment as e')
    .select('e.pupil_id')
    .where('e.sfo_id', '=', sfo.sfoId)
    .where('e.starts_on', '<=', period.lastDay)
    .where((eb) => eb.or([eb('e.ends_on', 'is', null), eb('e.ends_on', '>=', period.firstDay)]))
    .union(
      db
        .selectFrom('enrolment as n')
        .innerJoin('class as c', 'c.id', 'n.class_id')
        .innerJoin('school_year as y', 'y.id', 'c.school_year_id')
        .select('n.pupil_id')
        .where('c.school_id', '=', sfo.schoolId)
        .where('c.trinn', '=', 1)
        .where('y.starts_on', '>', period.firstDay)
        .where('y.starts_on', '<=', `${period.year}-12-31`),
    )
    .limit(5000)
    .execute();
  return [...new Set(rows.map((r) => r.pupil_id))];
}

/**
 * S9: sends the registration: one notification per guardian with access and child ('sfo_summer.sent', category
 * 'news'; the same key again notifies nobody twice, so sending again reaches only children added since). Audited.
 * Returns the number of guardians told now.
 */
export async function sendSummerRegistration(
  db: Db,
  actor: Actor,
  sfo: SfoInfo,
  year: number,
  now = new Date(),
): Promise<{ guardians: number }> {
  if (!validYear(year)) throw new NotFoundError();
  const period = await loadSummerPeriod(db, sfo.sfoId, year);
  if (!period) throw new NotFoundError();
  return db.transaction().execute(async (trx) => {
    const pupils = await summerPupils(trx, sfo, period);
    const guardians = await guardianIdsWithAccess(trx, pupils);
    const notifications = [...guardians].flatMap(([pupilId, ids]) =>
      ids.map((guardianId) => ({
        recipientPersonId: guardianId,
        category: 'news' as const,
        eventType: 'sfo_summer.sent',
        schoolId: sfo.schoolId,
        pupilId,
        payload: { periodId: period.id, sfoName: sfo.name, year, deadline: period.deadline },
        idempotencyKey: `sfo_summer:${period.id}:${pupilId}:${guardianId}`,
      })),
    );
    const sentBefore = new Set<string>();
    for (let i = 0; i < notifications.length; i += 500) {
      const keys = notifications.slice(i, i + 500).map((n) => n.idempotencyKey);
      const rows = await trx
        .selectFrom('outbox')
        .select('idempotency_key')
        .where('idempotency_key', 'in', keys)
        .execute();
      for (const r of rows) sentBefore.add(r.idempotency_key);
    }
    const fresh = notifications.filter((n) => !sentBefore.has(n.idempotencyKey));
    for (let i = 0; i < fresh.length; i += 500) await enqueueNotifications(trx, fresh.slice(i, i + 500));
    await trx
      .updateTable('sfo_summer_period')
      .set({ sent_at: period.sentAt ?? now })
      .where('id', '=', period.id)
      .execute();
    const count = new Set(fresh.map((n) => n.recipientPersonId)).size;
    await recordAudit(
      trx,
      {
        actor,
        role: 'sfo_leader',
        action: 'sfo_summer.send',
        record: { type: 'sfo_summer_period', id: period.id },
        details: { sfoId: sfo.sfoId, year, pupils: pupils.length, guardians: count },
      },
      now,
    );
    return { guardians: count };
  });
}

export interface SummerDayCount {
  date: string;
  weekday: number;
  children: number;
  adults: number;
}

/** Children per open day (from the answers) and the adults needed (CHILDREN_PER_ADULT); one aggregate query. */
export async function summerCounts(
  db: Db,
  period: SummerPeriod,
): Promise<{ days: SummerDayCount[]; answered: number }> {
  const rows = await sql<{ week_start: string; day: number; children: string | number }>`
    select a.week_start, d.day, count(*) as children
    from sfo_summer_answer a cross join lateral unnest(a.days) as d(day)
    where a.period_id = ${period.id}
    group by a.week_start, d.day`.execute(db);
  const answered = await db
    .selectFrom('sfo_summer_answer')
    .select(sql<string>`count(distinct pupil_id)`.as('n'))
    .where('period_id', '=', period.id)
    .executeTakeFirst();
  const counts = new Map(
    rows.rows.map((r) => [addDays(String(r.week_start).slice(0, 10), Number(r.day) - 1), Number(r.children)]),
  );
  const days = period.weeks
    .filter((w) => w.open)
    .flatMap((w) => w.days)
    .map((d) => {
      const children = counts.get(d.date) ?? 0;
      return { date: d.date, weekday: d.weekday, children, adults: Math.ceil(children / CHILDREN_PER_ADULT) };
    });
  return { days, answered: Number(answered?.n ?? 0) };
}

/** The summer registration the child's guardians answer now: the next sent period of the child's SFO (or null). */
export async function summerForChild(
  db: Db,
  child: GuardianChild,
  today: string,
): Promise<(SummerPeriod & { sfoName: string; answers: Map<string, number[]> }) | null> {
  const row = await db
    .selectFrom('sfo_summer_period as p')
    .innerJoin('sfo as f', 'f.id', 'p.sfo_id')
    .selectAll('p')
    .select('f.name as sfo_name')
    .where('p.sent_at', 'is not', null)
    .where('p.last_day', '>=', today)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('sfo_enrolment as e')
            .select('e.id')
            .where('e.pupil_id', '=', child.pupilId)
            .whereRef('e.sfo_id', '=', 'p.sfo_id')
            .whereRef('e.starts_on', '<=', 'p.last_day')
            .where((w) => w.or([w('e.ends_on', 'is', null), w('e.ends_on', '>=', w.ref('p.first_day'))])),
        ),
        eb.exists(
          eb
            .selectFrom('enrolment as n')
            .innerJoin('class as c', 'c.id', 'n.class_id')
            .innerJoin('school_year as y', 'y.id', 'c.school_year_id')
            .select('n.id')
            .where('n.pupil_id', '=', child.pupilId)
            .where('c.trinn', '=', 1)
            .whereRef('c.school_id', '=', 'f.school_id')
            .whereRef('y.starts_on', '>', 'p.first_day'),
        ),
      ]),
    )
    .orderBy('p.first_day')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const period = await withWeeks(db, row);
  const answers = await db
    .selectFrom('sfo_summer_answer')
    .select(['week_start', 'days'])
    .where('period_id', '=', row.id)
    .where('pupil_id', '=', child.pupilId)
    .execute();
  return { ...period, sfoName: row.sfo_name, answers: new Map(answers.map((a) => [a.week_start, a.days])) };
}

/** The days ticked, by week start (`{ '2027-06-28': [1, 2, 3] }`). */
export type SummerAnswerInput = Record<string, number[]>;

/**
 * G10: a guardian answers the summer registration for the child: the days in each open week (none = not coming).
 * Only until the deadline (then 'closed'); days outside open weeks or the period → errors. Saves every open week.
 */
export async function answerSummer(
  db: Db,
  actor: Actor,
  child: GuardianChild,
  periodId: number,
  input: SummerAnswerInput,
  today: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; reason: 'closed' } | { ok: false; errors: { days: 'invalid' } }> {
  const period = await summerForChild(db, child, today);
  if (!period || period.id !== periodId) throw new NotFoundError();
  if (today > period.deadline) return { ok: false, reason: 'closed' };
  const open = new Map(period.weeks.filter((w) => w.open).map((w) => [w.weekStart, w]));
  for (const [weekStart, days] of Object.entries(input)) {
    const week = open.get(weekStart);
    if (!week || days.some((d) => !week.days.some((wd) => wd.weekday === d)))
      return { ok: false, errors: { days: 'invalid' } };
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('sfo_summer_answer')
      .where('period_id', '=', period.id)
      .where('pupil_id', '=', child.pupilId)
      .execute();
    if (open.size)
      await trx
        .insertInto('sfo_summer_answer')
        .values(
          [...open.keys()].map((weekStart) => ({
            period_id: period.id,
            pupil_id: child.pupilId,
            week_start: weekStart,
            days: [...new Set(input[weekStart] ?? [])].sort(),
            answered_by: actor.personId,
            answered_at: now,
          })),
        )
        .execute();
    await recordAudit(
      trx,
      {
        actor,
        role: 'guardian',
        action: 'sfo_summer.answer',
        subjectPersonId: child.pupilId,
        record: { type: 'sfo_summer_period', id: period.id },
        details: { days: Object.values(input).reduce((n, d) => n + d.length, 0) },
      },
      now,
    );
  });
  return { ok: true };
}
