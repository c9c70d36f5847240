import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { asDate, loadParts, part } from '../../db/together.ts';
import type { Actor } from '../access/actor.ts';
import type { CareUnitInfo } from '../access/care-scope.ts';
import { careUnitRoles } from '../access/policy.ts';
import { recordAudit } from '../audit.ts';
import { activeOn } from '../period.ts';
import { expectedOn, type DayChangeKind, type Expected } from './expected.ts';

/**
 * The check-in/out board of a daily-care unit for one date (issue 13 item 4; S10, K1): every child with a place at the
 * unit that day (the same rule as carePlacesSql: an SFO place while enrolled at its school, or a kindergarten place),
 * with what the stay plan expects, what happened (care_day), and who may fetch the child. One statement for any number
 * of children (each child's facts are JSON aggregates), so a board of 120 costs what a board of 10 costs.
 */
export interface BoardDay {
  checkedInAt: Date | null;
  checkedInBy: string | null;
  checkedOutAt: Date | null;
  checkedOutBy: string | null;
  pickedUpBy: string;
  staffNote: string;
  guardianNote: string;
  pickupMessage: string;
}

export interface BoardChild {
  childId: number;
  givenName: string;
  familyName: string;
  /** The kindergarten department or the SFO child's class. */
  groupId: number;
  groupName: string;
  expected: Expected;
  day: BoardDay | null;
  pickupPersons: { id: number; name: string; phone: string | null; relation: string }[];
  guardians: { id: number; name: string; phone: string | null }[];
  walksAlone: boolean;
  walksAloneFrom: string | null;
}

export type BoardStatus = 'expected' | 'here' | 'gone' | 'not_coming';

export interface Board {
  unit: CareUnitInfo;
  date: string;
  /** The kindergarten's departments (empty for an SFO), for the filter. */
  departments: { id: number; name: string }[];
  departmentId: number | null;
  children: BoardChild[];
  counts: Record<BoardStatus, number>;
}

/** Where a child is now: gone (checked out), here (checked in), expected (a stay plan for the day), or not coming. */
export function boardStatus(child: BoardChild): BoardStatus {
  if (child.day?.checkedOutAt) return 'gone';
  if (child.day?.checkedInAt) return 'here';
  return child.expected.kind === 'times' ? 'expected' : 'not_coming';
}

interface ChildRow {
  id: number;
  given_name: string;
  family_name: string;
  group_id: number;
  group_name: string;
  week: { weekday: number; arrives_at: string; leaves_at: string }[];
  change: { kind: DayChangeKind; arrives_at: string | null; leaves_at: string | null } | null;
  on_holiday: boolean;
  day: {
    checked_in_at: string | null;
    checked_in_by: string | null;
    checked_out_at: string | null;
    checked_out_by: string | null;
    picked_up_by: string;
    staff_note: string;
    guardian_note: string;
    pickup_message: string;
  } | null;
  pickup: { id: number; name: string; phone: string | null; relation: string }[];
  guardians: { id: number; name: string; phone: string | null }[];
  walks_alone: boolean | null;
  walks_alone_from: string | null;
}

/** The children with a place at the unit on `date` (child_id, group_id, group_name), optionally of one department. */
export function placesAt(unit: CareUnitInfo, date: string, filter: { departmentId?: number | null }) {
  if (unit.kind === 'sfo')
    return sql`select * from (select distinct on (f.pupil_id) f.pupil_id as child_id, c.id as group_id,
          c.name as group_name
        from sfo_enrolment f
        join enrolment e on e.pupil_id = f.pupil_id and e.school_id = ${unit.schoolId} and ${activeOn('e', date)}
        join class c on c.id = e.class_id
        where f.sfo_id = ${unit.id} and ${activeOn('f', date)}
        order by f.pupil_id, e.starts_on desc) x`;
  const department = filter.departmentId ? sql`and d.id = ${filter.departmentId}` : sql``;
  return sql`select * from (select distinct on (ke.child_id) ke.child_id, d.id as group_id, d.name as group_name
        from kindergarten_enrolment ke join kindergarten_department d on d.id = ke.department_id
        where d.kindergarten_id = ${unit.id} and ${activeOn('ke', date)} ${department}
        order by ke.child_id, ke.starts_on desc) x`;
}

const name = (ref: string) => sql.raw(`(${ref}.given_name || ' ' || ${ref}.family_name)`);

function childrenQuery(unit: CareUnitInfo, date: string, filter: { departmentId?: number | null }) {
  return sql<ChildRow>`select p.id, p.given_name, p.family_name, k.group_id, k.group_name,
      (select coalesce(json_agg(json_build_object('weekday', w.weekday, 'arrives_at', to_char(w.arrives_at, 'HH24:MI'),
          'leaves_at', to_char(w.leaves_at, 'HH24:MI')) order by w.weekday), '[]'::json)
        from care_week_day w where w.child_id = p.id) as week,
      (select json_build_object('kind', ch.kind, 'arrives_at', to_char(ch.arrives_at, 'HH24:MI'),
          'leaves_at', to_char(ch.leaves_at, 'HH24:MI'))
        from care_day_change ch where ch.child_id = p.id and ch.on_date = ${date}) as change,
      exists (select 1 from care_holiday h where h.child_id = p.id and h.starts_on <= ${date} and h.ends_on >= ${date})
        as on_holiday,
      (select json_build_object('checked_in_at', d.checked_in_at, 'checked_in_by', ${name('i')},
          'checked_out_at', d.checked_out_at, 'checked_out_by', ${name('o')}, 'picked_up_by', d.picked_up_by,
          'staff_note', d.staff_note, 'guardian_note', d.guardian_note, 'pickup_message', d.pickup_message)
        from care_day d left join person i on i.id = d.checked_in_by left join person o on o.id = d.checked_out_by
        where d.child_id = p.id and d.on_date = ${date}) as day,
      (select coalesce(json_agg(json_build_object('id', pp.id, 'name', pp.name, 'phone', pp.phone,
          'relation', pp.relation) order by pp.name, pp.id), '[]'::json)
        from care_pickup_person pp where pp.child_id = p.id) as pickup,
      (select coalesce(json_agg(json_build_object('id', g.id, 'name', ${name('g')},
          'phone', coalesce(ci.mobile, ci.phone)) order by g.given_name, g.id), '[]'::json)
        from guardian_relation r join person g on g.id = r.guardian_id
        left join contact_info ci on ci.person_id = g.id
        where r.pupil_id = p.id and not r.blocked and r.parental_responsibility) as guardians,
      cc.walks_alone, to_char(cc.walks_alone_from, 'HH24:MI') as walks_alone_from
    from (${placesAt(unit, date, filter)}) k join person p on p.id = k.child_id
    left join care_child cc on cc.child_id = p.id
    order by k.group_name, p.family_name, p.given_name, p.id`;
}

function toChild(row: ChildRow, date: string): BoardChild {
  const change = row.change
    ? { date, kind: row.change.kind, arrivesAt: row.change.arrives_at, leavesAt: row.change.leaves_at }
    : null;
  const week = row.week.map((w) => ({ weekday: w.weekday, arrivesAt: w.arrives_at, leavesAt: w.leaves_at }));
  const d = row.day;
  return {
    childId: Number(row.id),
    givenName: row.given_name,
    familyName: row.family_name,
    groupId: Number(row.group_id),
    groupName: row.group_name,
    expected: expectedOn(date, week, change, row.on_holiday ? [{ startsOn: date, endsOn: date }] : []),
    day: d
      ? {
          checkedInAt: d.checked_in_at ? asDate(d.checked_in_at) : null,
          checkedInBy: d.checked_in_at ? d.checked_in_by : null,
          checkedOutAt: d.checked_out_at ? asDate(d.checked_out_at) : null,
          checkedOutBy: d.checked_out_at ? d.checked_out_by : null,
          pickedUpBy: d.picked_up_by,
          staffNote: d.staff_note,
          guardianNote: d.guardian_note,
          pickupMessage: d.pickup_message,
        }
      : null,
    pickupPersons: row.pickup.map((p) => ({ ...p, id: Number(p.id) })),
    guardians: row.guardians.map((g) => ({ ...g, id: Number(g.id) })),
    walksAlone: row.walks_alone ?? false,
    walksAloneFrom: row.walks_alone_from,
  };
}

function countsOf(children: BoardChild[]): Record<BoardStatus, number> {
  const counts: Record<BoardStatus, number> = { expected: 0, here: 0, gone: 0, not_coming: 0 };
  for (const child of children) counts[boardStatus(child)]++;
  return counts;
}

/**
 * D9: a view of the board (the unit's children, their days, notes and pickup) in the audit: one row per view, about
 * the unit and the day, not a row per child (the board is the unit's daily work list; a child's own data is audited
 * where it is read one by one).
 */
export async function recordBoardView(
  db: Db,
  actor: Actor,
  unit: CareUnitInfo,
  date: string,
  departmentId: number | null,
): Promise<void> {
  await recordAudit(db, {
    actor,
    role: [...careUnitRoles(actor, unit)].join(',') || null,
    action: 'care_board.view',
    record: { type: unit.kind, id: unit.id },
    details: { date, departmentId },
  });
}

/**
 * The board of a unit the actor uses (requireCareUnit has checked that). One statement: the children and the
 * departments together. A department of another kindergarten filters to nobody.
 */
export async function loadBoard(
  db: Db,
  _actor: Actor,
  unit: CareUnitInfo,
  date: string,
  options: { departmentId?: number | null } = {},
): Promise<Board> {
  const departmentId = unit.kind === 'kindergarten' ? (options.departmentId ?? null) : null;
  const { children, departments } = await loadParts(db, {
    children: part({ rows: childrenQuery(unit, date, { departmentId }) }, ({ rows }) =>
      rows.map((r) => toChild(r, date)),
    ),
    departments: part(
      {
        rows: sql<{ id: number; name: string }>`select id, name from kindergarten_department
          where kindergarten_id = ${unit.kind === 'kindergarten' ? unit.id : 0} order by name`,
      },
      ({ rows }) => rows.map((r) => ({ id: Number(r.id), name: r.name })),
    ),
  });
  return { unit, date, departments, departmentId, children, counts: countsOf(children) };
}
