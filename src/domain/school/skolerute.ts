import type { Db } from '../../db/database.ts';
import type { CalendarDayKind } from '../../db/tables/calendar.ts';
import { parseDate } from '../../i18n/index.ts';
import type { Actor } from '../access/actor.ts';
import type { SkoleruteOwner } from '../access/scope.ts';
import { recordAudit } from '../audit.ts';
import { datesBetween, isoWeekday } from '../calendar/dates.ts';
import { NotFoundError } from '../errors.ts';
import { isActiveOn } from '../period.ts';
import type { Invalid, Ok } from '../result.ts';
import { checkText, type TextError } from '../text.ts';

/**
 * The skolerute of a school owner (S3, issue 11): per school year its holidays and planning days. Only the exceptions
 * are stored (school_calendar_day); a school day is a weekday inside the year without one (src/domain/calendar/
 * school-days.ts reads it, and so do attendance and the absence follow-up). The school owner adds a day or a range
 * (weekends skipped), renames a named range and removes a day or every day of a name. Every change is audited, in
 * one transaction with the change.
 */

/** The usual number of school days for pupils in a Norwegian school year; another number is shown as a warning. */
export const EXPECTED_SCHOOL_DAYS = 190;
export const KINDS: CalendarDayKind[] = ['holiday', 'planning_day'];

export interface SkoleruteYear {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface SkoleruteDay {
  date: string;
  kind: CalendarDayKind;
  name: string | null;
}

/** The days of one name and kind in the year (a holiday, or all planning days named alike). */
export interface NamedRange {
  kind: CalendarDayKind;
  name: string;
  from: string;
  to: string;
  days: number;
}

export interface Skolerute {
  days: SkoleruteDay[];
  ranges: NamedRange[];
  /** Weekdays of the year that are neither holiday nor planning day. */
  schoolDays: number;
}

/** The school owner's school years, newest first (bounded). */
export async function listOwnerYears(db: Db, municipalityId: number): Promise<SkoleruteYear[]> {
  const rows = await db
    .selectFrom('school_year')
    .select(['id', 'name', 'starts_on', 'ends_on'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('starts_on', 'desc')
    .limit(30)
    .execute();
  return rows.map((y) => ({ id: y.id, name: y.name, startsOn: y.starts_on, endsOn: y.ends_on }));
}

/** The year a page opens on: the one running today, else the next to come, else the newest. */
export function openingYear(years: SkoleruteYear[], today: string): SkoleruteYear | undefined {
  return (
    years.find((y) => isActiveOn({ starts_on: y.startsOn, ends_on: y.endsOn }, today)) ??
    [...years].reverse().find((y) => y.startsOn > today) ??
    years[0]
  );
}

const weekdaysOf = (year: SkoleruteYear) => datesBetween(year.startsOn, year.endsOn).filter((d) => isoWeekday(d) <= 5);

/** The holidays and planning days of one year, by date, with the named ranges and the school-day count. */
export async function loadSkolerute(db: Db, municipalityId: number, year: SkoleruteYear): Promise<Skolerute> {
  const days = await db
    .selectFrom('school_calendar_day')
    .select(['date', 'kind', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('date', '>=', year.startsOn)
    .where('date', '<=', year.endsOn)
    .orderBy('date')
    .limit(400)
    .execute();
  const off = new Set(days.map((d) => d.date));
  const schoolDays = weekdaysOf(year).filter((d) => !off.has(d)).length;
  const ranges = new Map<string, NamedRange>();
  for (const d of days) {
    const key = `${d.kind}:${d.name ?? ''}`;
    const range = ranges.get(key);
    if (range) {
      range.to = d.date;
      range.days++;
    } else ranges.set(key, { kind: d.kind, name: d.name ?? '', from: d.date, to: d.date, days: 1 });
  }
  return { days, ranges: [...ranges.values()], schoolDays };
}

export interface AddDaysInput {
  from: string;
  to: string;
  kind: string;
  name: string;
}

export interface AddDaysErrors {
  from?: 'date' | 'outside_year' | 'weekend' | 'taken';
  to?: 'date' | 'outside_year' | 'before_from';
  kind?: 'kind';
  name?: TextError;
}

const NAME = { max: 60, required: true } as const;

/** Marks which name (when no kind is given, any) the range removal and the rename act on. */
const isKind = (value: string): value is CalendarDayKind => (KINDS as string[]).includes(value);

class Taken extends Error {}

/**
 * Adds a day (`to` blank) or a range of days to the year as holiday or planning day, skipping weekends. Days outside
 * the school year are refused; so is a range where any weekday is already in the skolerute (nothing is overwritten
 * and nothing half-saved).
 */
export async function addDays(
  db: Db,
  actor: Actor,
  owner: SkoleruteOwner,
  year: SkoleruteYear,
  input: AddDaysInput,
  now = new Date(),
): Promise<Ok<{ days: number }> | Invalid<AddDaysErrors>> {
  const errors: AddDaysErrors = {};
  const inYear = (d: string) => isActiveOn({ starts_on: year.startsOn, ends_on: year.endsOn }, d);
  const from = parseDate(input.from);
  if (!from) errors.from = 'date';
  else if (!inYear(from)) errors.from = 'outside_year';
  const to = input.to.trim() === '' ? from : parseDate(input.to);
  if (!to) {
    if (input.to.trim() !== '') errors.to = 'date';
  } else if (!inYear(to)) errors.to = 'outside_year';
  else if (from && to < from) errors.to = 'before_from';
  const kind = input.kind.trim();
  if (!isKind(kind)) errors.kind = 'kind';
  const name = checkText(input.name, NAME);
  if (name.error) errors.name = name.error;
  const dates =
    from && to && !errors.from && !errors.to ? datesBetween(from, to).filter((d) => isoWeekday(d) <= 5) : [];
  if (!errors.from && !errors.to && from && to && dates.length === 0) errors.from = 'weekend';
  if (Object.keys(errors).length || !from || !to || !isKind(kind)) return { ok: false, errors };
  try {
    await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('school_calendar_day')
        .values(dates.map((date) => ({ municipality_id: owner.id, date, kind, name: name.text })))
        .onConflict((oc) => oc.columns(['municipality_id', 'date']).doNothing())
        .returning('date')
        .execute();
      if (inserted.length !== dates.length) throw new Taken(); // rolls the whole range back
      await recordAudit(
        trx,
        {
          actor,
          role: 'school_owner',
          action: 'skolerute.add',
          record: { type: 'municipality', id: owner.id },
          details: { schoolYearId: year.id, from, to, kind, name: name.text, days: dates.length },
        },
        now,
      );
    });
  } catch (error) {
    if (error instanceof Taken) return { ok: false, errors: { from: 'taken' } };
    throw error;
  }
  return { ok: true, days: dates.length };
}

/** The rows of one named range in the year (a blank name is the days without one). */
function rangeRows(db: Db, owner: SkoleruteOwner, year: SkoleruteYear, kind: CalendarDayKind, name: string) {
  return db
    .selectFrom('school_calendar_day')
    .select(['date', 'name'])
    .where('municipality_id', '=', owner.id)
    .where('date', '>=', year.startsOn)
    .where('date', '<=', year.endsOn)
    .where('kind', '=', kind)
    .where((eb) => (name === '' ? eb('name', 'is', null) : eb('name', '=', name)))
    .orderBy('date')
    .limit(400);
}

/** Gives every day of one named range in the year a new name. An unknown range → 404. Audited. */
export async function renameRange(
  db: Db,
  actor: Actor,
  owner: SkoleruteOwner,
  year: SkoleruteYear,
  input: { kind: string; oldName: string; name: string },
  now = new Date(),
): Promise<Ok | Invalid<{ name: TextError }>> {
  const kind = input.kind.trim();
  if (!isKind(kind)) throw new NotFoundError();
  const oldName = input.oldName.trim();
  const name = checkText(input.name, NAME);
  return db.transaction().execute(async (trx) => {
    const rows = await rangeRows(trx, owner, year, kind, oldName).forUpdate().execute();
    if (rows.length === 0) throw new NotFoundError();
    if (name.error) return { ok: false as const, errors: { name: name.error } };
    await trx
      .updateTable('school_calendar_day')
      .set({ name: name.text })
      .where('municipality_id', '=', owner.id)
      .where(
        'date',
        'in',
        rows.map((r) => r.date),
      )
      .execute();
    await recordAudit(
      trx,
      {
        actor,
        role: 'school_owner',
        action: 'skolerute.rename',
        record: { type: 'municipality', id: owner.id },
        details: { schoolYearId: year.id, kind, from: oldName, to: name.text, days: rows.length },
      },
      now,
    );
    return { ok: true as const };
  });
}

/**
 * Removes one day (`date`) or every day of one named range (`kind` and `name`) of the year; they are school days
 * again. Nothing matching → 404. Audited with the dates removed.
 */
export async function removeDays(
  db: Db,
  actor: Actor,
  owner: SkoleruteOwner,
  year: SkoleruteYear,
  what: { date: string } | { kind: string; name: string },
  now = new Date(),
): Promise<{ days: number }> {
  return db.transaction().execute(async (trx) => {
    let query = trx
      .deleteFrom('school_calendar_day')
      .where('municipality_id', '=', owner.id)
      .where('date', '>=', year.startsOn)
      .where('date', '<=', year.endsOn);
    if ('date' in what) {
      const date = parseDate(what.date);
      if (!date) throw new NotFoundError();
      query = query.where('date', '=', date);
    } else {
      const kind = what.kind.trim();
      const name = what.name.trim();
      if (!isKind(kind)) throw new NotFoundError();
      query = query
        .where('kind', '=', kind)
        .where((eb) => (name === '' ? eb('name', 'is', null) : eb('name', '=', name)));
    }
    const removed = await query.returning(['date', 'kind', 'name']).execute();
    if (removed.length === 0) throw new NotFoundError();
    await recordAudit(
      trx,
      {
        actor,
        role: 'school_owner',
        action: 'skolerute.remove',
        record: { type: 'municipality', id: owner.id },
        details: {
          schoolYearId: year.id,
          kind: removed[0]!.kind,
          name: removed[0]!.name,
          dates: removed.map((r) => r.date).sort(),
        },
      },
      now,
    );
    return { days: removed.length };
  });
}
