import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { asDate, done, loadParts, part } from '../../db/together.ts';
import type { Actor } from '../access/actor.ts';
import { timeInOslo } from '../access/actor.ts';
import type { CareFacts } from '../access/care-facts.ts';
import { loadCareUnits, requireChildCare, type CareUnitInfo } from '../access/care-scope.ts';
import { canPlanChildCare, canReadChildKindergartenNews } from '../access/policy.ts';
import { latestKindergartenNewsPart } from '../news/feed.ts';
import type { NewsItem } from '../news/posts.ts';
import { addDays } from '../calendar/dates.ts';
import { activeOn } from '../period.ts';
import { expectedOn, hhmm, isChangeOpen, type DayChange, type Expected, type WeekDay } from './expected.ts';

/** How far ahead the guardian's page lists changes of the stay plan. */
export const CHANGES_AHEAD_DAYS = 60;
/** How many of the kindergarten's latest posts the guardian's page shows (the rest on the child's news page). */
export const LATEST_NEWS = 3;
/** How many days "the week ahead" shows (today included). */
export const DAYS_AHEAD = 7;

export interface CareUnitOfChild extends CareUnitInfo {
  departmentName: string | null;
}

export interface CareHolidayItem {
  id: number;
  startsOn: string;
  endsOn: string;
}

export interface PickupPerson {
  id: number;
  name: string;
  phone: string | null;
  relation: string;
}

/** One child on one date as the guardian sees it: check-in/out times ('HH:MM', Norway), notes both ways. */
export interface CareDayView {
  date: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  pickedUpBy: string;
  staffNote: string;
  guardianNote: string;
  pickupMessage: string;
}

export interface ChildCare {
  childId: number;
  givenName: string;
  familyName: string;
  units: CareUnitOfChild[];
  week: WeekDay[];
  changes: DayChange[];
  holidays: CareHolidayItem[];
  pickupPersons: PickupPerson[];
  walksAlone: boolean;
  walksAloneFrom: string | null;
  today: CareDayView;
  /** Today and the next days: what is expected, and whether the guardian may still change it. */
  days: { date: string; expected: Expected; open: boolean }[];
  /** The actor plans this child's care (a guardian); staff see the page without the forms. */
  mayPlan: boolean;
  /** For a guardian of a kindergarten child: the latest news and weekly plans of its kindergarten and department. */
  news: NewsItem[] | null;
}

interface DayRow {
  on_date: string;
  checked_in_at: Date | string | null;
  checked_out_at: Date | string | null;
  picked_up_by: string;
  staff_note: string;
  guardian_note: string;
  pickup_message: string;
}

/** The reads of one child's care page that depend only on the child (one part, one statement with the units). */
function childCarePart(childId: number, today: string) {
  const until = addDays(today, CHANGES_AHEAD_DAYS);
  return part(
    {
      person: sql<{ given_name: string; family_name: string }>`select given_name, family_name from person
        where id = ${childId}`,
      departments: sql<{ kindergarten_id: number; name: string }>`select d.kindergarten_id, d.name
        from kindergarten_enrolment ke join kindergarten_department d on d.id = ke.department_id
        where ke.child_id = ${childId} and ${activeOn('ke', today)}`,
      week: sql<{ weekday: number; arrives_at: string; leaves_at: string }>`select weekday, arrives_at, leaves_at
        from care_week_day where child_id = ${childId} order by weekday`,
      changes: sql<{
        on_date: string;
        kind: DayChange['kind'];
        arrives_at: string | null;
        leaves_at: string | null;
      }>`select on_date, kind, arrives_at, leaves_at from care_day_change
        where child_id = ${childId} and on_date between ${today}::date and ${until}::date order by on_date limit 100`,
      holidays: sql<{ id: number; starts_on: string; ends_on: string }>`select id, starts_on, ends_on
        from care_holiday where child_id = ${childId} and ends_on >= ${today}::date order by starts_on, id limit 50`,
      holidaysOfYear: sql<{ starts_on: string; ends_on: string }>`select starts_on, ends_on from care_holiday
        where child_id = ${childId} and ends_on >= ${`${today.slice(0, 4)}-01-01`}::date
          and starts_on <= ${`${today.slice(0, 4)}-12-31`}::date limit 100`,
      pickup: sql<{ id: number; name: string; phone: string | null; relation: string }>`select id, name, phone,
        relation from care_pickup_person where child_id = ${childId} order by name, id limit 50`,
      settings: sql<{ walks_alone: boolean; walks_alone_from: string | null }>`select walks_alone, walks_alone_from
        from care_child where child_id = ${childId}`,
      day: sql<DayRow>`select on_date, checked_in_at, checked_out_at, picked_up_by, staff_note, guardian_note,
        pickup_message from care_day where child_id = ${childId} and on_date = ${today}::date`,
    },
    (rows) => rows,
  );
}

const clock = (value: Date | string | null): string | null => (value === null ? null : timeInOslo(asDate(value)));

/** Holidays of the calendar year of `today` (for the kindergarten minimum warning). */
export type HolidaysOfYear = { startsOn: string; endsOn: string }[];

/**
 * The guardian's view of a child's daily care (issue 13; G11, K1): the unit(s), the regular week, changes ahead,
 * holidays, pickup, today's times and notes, and the week ahead. A child out of the actor's care reach → 404.
 * Three statements: the care facts (the policy), then the units and everything else together.
 */
export async function loadChildCare(
  db: Db,
  actor: Actor,
  childId: number,
  today: string,
  now: Date,
): Promise<ChildCare & { holidaysOfYear: HolidaysOfYear }> {
  const facts = await requireChildCare(db, actor, childId, 'view', today);
  return loadChildCareOf(db, actor, facts, today, now);
}

/** The same, for facts already checked (the routes re-render after a refused form). */
export async function loadChildCareOf(
  db: Db,
  actor: Actor,
  facts: CareFacts,
  today: string,
  now: Date,
): Promise<ChildCare & { holidaysOfYear: HolidaysOfYear }> {
  const [units, { child, news }] = await Promise.all([
    loadCareUnits(db, facts.places),
    loadParts(db, {
      child: childCarePart(facts.childId, today),
      news: canReadChildKindergartenNews(actor, facts)
        ? latestKindergartenNewsPart(db, facts.childId, today, LATEST_NEWS)
        : done(null),
    }),
  ]);
  const departments = new Map(child.departments.map((d) => [Number(d.kindergarten_id), d.name]));
  const unitList = facts.places.flatMap((p) => {
    const unit = units.get(`${p.kind}:${p.id}`);
    return unit
      ? [{ ...unit, departmentName: p.kind === 'kindergarten' ? (departments.get(p.id) ?? null) : null }]
      : [];
  });
  const week: WeekDay[] = child.week.map((w) => ({
    weekday: Number(w.weekday),
    arrivesAt: hhmm(w.arrives_at),
    leavesAt: hhmm(w.leaves_at),
  }));
  const changes: DayChange[] = child.changes.map((c) => ({
    date: c.on_date,
    kind: c.kind,
    arrivesAt: c.arrives_at ? hhmm(c.arrives_at) : null,
    leavesAt: c.leaves_at ? hhmm(c.leaves_at) : null,
  }));
  const holidays = child.holidays.map((h) => ({ id: Number(h.id), startsOn: h.starts_on, endsOn: h.ends_on }));
  const rule = unitList[0]
    ? { days: unitList[0].changeDeadlineDays, time: unitList[0].changeDeadlineTime }
    : { days: 1, time: '12:00' };
  const days = Array.from({ length: DAYS_AHEAD }, (_, i) => addDays(today, i)).map((date) => ({
    date,
    expected: expectedOn(
      date,
      week,
      changes.find((c) => c.date === date),
      holidays,
    ),
    open: isChangeOpen(date, rule, now),
  }));
  const day = child.day[0];
  const settings = child.settings[0];
  const person = child.person[0];
  return {
    childId: facts.childId,
    givenName: person?.given_name ?? '',
    familyName: person?.family_name ?? '',
    units: unitList,
    week,
    changes,
    holidays,
    holidaysOfYear: child.holidaysOfYear.map((h) => ({ startsOn: h.starts_on, endsOn: h.ends_on })),
    pickupPersons: child.pickup.map((p) => ({ id: Number(p.id), name: p.name, phone: p.phone, relation: p.relation })),
    walksAlone: settings?.walks_alone ?? false,
    walksAloneFrom: settings?.walks_alone_from ? hhmm(settings.walks_alone_from) : null,
    today: {
      date: today,
      checkedInAt: clock(day?.checked_in_at ?? null),
      checkedOutAt: clock(day?.checked_out_at ?? null),
      pickedUpBy: day?.picked_up_by ?? '',
      staffNote: day?.staff_note ?? '',
      guardianNote: day?.guardian_note ?? '',
      pickupMessage: day?.pickup_message ?? '',
    },
    days,
    mayPlan: canPlanChildCare(actor, facts),
    news,
  };
}
