import type { Db } from '../../db/database.ts';
import { parseDate } from '../../i18n/index.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import type { CareFacts } from '../access/care-facts.ts';
import { loadCareUnits, requireChildCare, type CareUnitInfo } from '../access/care-scope.ts';
import { recordAudit, type AuditAction } from '../audit.ts';
import { normalisePhone, type PhoneError } from '../contact/phone.ts';
import { NotFoundError } from '../errors.ts';
import type { Invalid, Ok } from '../result.ts';
import { checkText, type TextError } from '../text.ts';
import { changeDeadlineFor, isChangeOpen, minutesBetween, parseTimeOfDay, type DayChangeKind } from './expected.ts';

/**
 * The guardian's writes to a child's daily care (issue 13; G11, K1): the regular week, a change for a date, holidays,
 * pickup persons, walking home alone, and the day's message and note. Each one requires the 'plan' capability (a
 * guardian of the child, with a place that covers today): anyone else gets a 404. Each write is audited.
 */

export type TimeError = 'time' | 'outside' | 'order';
export type FieldErrors<F extends string, E extends string> = Partial<
  Record<F, { code: E; from?: string; to?: string }>
>;

type Result<E> = Ok | Invalid<E>;

/** The child's unit for a write (the first place; a child normally has one). */
async function planUnit(db: Db, actor: Actor, childId: number, now: Date) {
  const facts = await requireChildCare(db, actor, childId, 'plan', todayInOslo(now));
  const place = facts.places[0];
  const unit = place ? (await loadCareUnits(db, [place])).get(`${place.kind}:${place.id}`) : undefined;
  if (!unit) throw new NotFoundError();
  return { facts, unit };
}

const audit = (
  db: Db,
  actor: Actor,
  facts: CareFacts,
  action: AuditAction,
  details: Record<string, unknown>,
  now: Date,
) => recordAudit(db, { actor, role: 'guardian', action, subjectPersonId: facts.childId, details }, now);

/** Two typed times checked against the unit's opening hours: 'HH:MM' each, or the error of the field at fault. */
function checkTimes(
  unit: CareUnitInfo,
  arrives: string,
  leaves: string,
): { arrivesAt?: string; leavesAt?: string; arrives?: TimeError; leaves?: TimeError } {
  const a = parseTimeOfDay(arrives);
  const l = parseTimeOfDay(leaves);
  const result: ReturnType<typeof checkTimes> = {};
  if (!a) result.arrives = 'time';
  else if (a < unit.opensAt || a > unit.closesAt) result.arrives = 'outside';
  if (!l) result.leaves = 'time';
  else if (l < unit.opensAt || l > unit.closesAt) result.leaves = 'outside';
  if (a && l && !result.arrives && !result.leaves && minutesBetween(a, l) <= 0) result.leaves = 'order';
  if (!result.arrives && !result.leaves) return { arrivesAt: a!, leavesAt: l! };
  return result;
}

// ——— The regular week ———

export type WeekInput = Record<number, { arrives: string; leaves: string }>;
export type WeekErrors = Partial<Record<`${'arrives' | 'leaves'}-${number}`, TimeError | 'both'>>;

/** Saves Monday–Friday at once; a day with both times empty means the child does not come that day. */
export async function saveCareWeek(
  db: Db,
  actor: Actor,
  childId: number,
  input: WeekInput,
  now: Date,
): Promise<Result<WeekErrors> & { unit?: CareUnitInfo }> {
  const { facts, unit } = await planUnit(db, actor, childId, now);
  const errors: WeekErrors = {};
  const days: { weekday: number; arrivesAt: string; leavesAt: string }[] = [];
  for (let weekday = 1; weekday <= 5; weekday++) {
    const day = input[weekday] ?? { arrives: '', leaves: '' };
    if (day.arrives.trim() === '' && day.leaves.trim() === '') continue;
    if (day.arrives.trim() === '' || day.leaves.trim() === '') {
      const field: keyof WeekErrors = day.arrives.trim() === '' ? `arrives-${weekday}` : `leaves-${weekday}`;
      errors[field] = 'both';
      continue;
    }
    const times = checkTimes(unit, day.arrives, day.leaves);
    if (times.arrives) errors[`arrives-${weekday}`] = times.arrives;
    if (times.leaves) errors[`leaves-${weekday}`] = times.leaves;
    if (times.arrivesAt && times.leavesAt) days.push({ weekday, arrivesAt: times.arrivesAt, leavesAt: times.leavesAt });
  }
  if (Object.keys(errors).length) return { ok: false, errors, unit };
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('care_week_day').where('child_id', '=', childId).execute();
    if (days.length)
      await trx
        .insertInto('care_week_day')
        .values(
          days.map((d) => ({
            child_id: childId,
            weekday: d.weekday,
            arrives_at: d.arrivesAt,
            leaves_at: d.leavesAt,
            updated_by: actor.personId,
            updated_at: now,
          })),
        )
        .execute();
    await audit(trx, actor, facts, 'care.week', { days: days.map((d) => d.weekday) }, now);
  });
  return { ok: true };
}

// ——— A change for one date ———

export interface DayChangeInput {
  date: string;
  kind: string;
  arrives: string;
  leaves: string;
}
export type DayChangeErrors = Partial<{
  date: { code: 'date' | 'past' | 'deadline'; deadlineDate?: string; deadlineTime?: string };
  kind: { code: 'required' };
  arrives: { code: TimeError };
  leaves: { code: TimeError };
}>;

const KINDS: readonly DayChangeKind[] = ['times', 'absent', 'off'];

/** Why a change for `date` is not accepted at `now` (past, after the unit's deadline), or null. */
function deadlineError(unit: CareUnitInfo, date: string, now: Date): DayChangeErrors['date'] | null {
  if (date < todayInOslo(now)) return { code: 'past' };
  const rule = { days: unit.changeDeadlineDays, time: unit.changeDeadlineTime };
  if (isChangeOpen(date, rule, now)) return null;
  const deadline = changeDeadlineFor(date, rule);
  return { code: 'deadline', deadlineDate: deadline.date, deadlineTime: deadline.time };
}

/** Other times, absent or a day off for one date, before the unit's deadline (replaces an earlier change). */
export async function saveDayChange(
  db: Db,
  actor: Actor,
  childId: number,
  input: DayChangeInput,
  now: Date,
): Promise<Result<DayChangeErrors> & { unit?: CareUnitInfo }> {
  const { facts, unit } = await planUnit(db, actor, childId, now);
  const errors: DayChangeErrors = {};
  const date = parseDate(input.date);
  if (!date) errors.date = { code: 'date' };
  else {
    const late = deadlineError(unit, date, now);
    if (late) errors.date = late;
  }
  const kind = KINDS.find((k) => k === input.kind);
  if (!kind) errors.kind = { code: 'required' };
  let times: { arrivesAt?: string; leavesAt?: string } = {};
  if (kind === 'times') {
    const checked = checkTimes(unit, input.arrives, input.leaves);
    if (checked.arrives) errors.arrives = { code: checked.arrives };
    if (checked.leaves) errors.leaves = { code: checked.leaves };
    times = checked;
  }
  if (Object.keys(errors).length || !date || !kind) return { ok: false, errors, unit };
  const values = {
    kind,
    arrives_at: kind === 'times' ? times.arrivesAt! : null,
    leaves_at: kind === 'times' ? times.leavesAt! : null,
    created_by: actor.personId,
    created_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('care_day_change')
      .values({ child_id: childId, on_date: date, ...values })
      .onConflict((oc) => oc.columns(['child_id', 'on_date']).doUpdateSet(values))
      .execute();
    await audit(trx, actor, facts, 'care.day_change', { date, kind }, now);
  });
  return { ok: true };
}

/** Removes the change for a date (back to the regular week), before the deadline. No change for it → 404. */
export async function removeDayChange(
  db: Db,
  actor: Actor,
  childId: number,
  dateInput: string,
  now: Date,
): Promise<Result<DayChangeErrors>> {
  const { facts, unit } = await planUnit(db, actor, childId, now);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(dateInput) ? parseDate(dateInput) : null;
  if (!date) throw new NotFoundError();
  const late = deadlineError(unit, date, now);
  if (late) return { ok: false, errors: { date: late } };
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('care_day_change')
      .where('child_id', '=', childId)
      .where('on_date', '=', date)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new NotFoundError();
    await audit(trx, actor, facts, 'care.day_change', { date, removed: true }, now);
    return { ok: true } as const;
  });
}

// ——— Holidays ———

export interface HolidayInput {
  from: string;
  to: string;
}
export type HolidayErrors = Partial<{ from: { code: 'date' | 'past' }; to: { code: 'date' | 'order' | 'long' } }>;

/** A holiday from–to (both included, today or later, at most a year). */
export async function addHoliday(
  db: Db,
  actor: Actor,
  childId: number,
  input: HolidayInput,
  now: Date,
): Promise<Result<HolidayErrors>> {
  const { facts } = await planUnit(db, actor, childId, now);
  const errors: HolidayErrors = {};
  const from = parseDate(input.from);
  const to = parseDate(input.to);
  if (!from) errors.from = { code: 'date' };
  else if (from < todayInOslo(now)) errors.from = { code: 'past' };
  if (!to) errors.to = { code: 'date' };
  else if (from && to < from) errors.to = { code: 'order' };
  else if (from && to > `${Number(from.slice(0, 4)) + 1}${from.slice(4)}`) errors.to = { code: 'long' };
  if (Object.keys(errors).length || !from || !to) return { ok: false, errors };
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('care_holiday')
      .values({ child_id: childId, starts_on: from, ends_on: to, created_by: actor.personId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, facts, 'care.holiday', { id: Number(row.id), from, to }, now);
  });
  return { ok: true };
}

/** Removes one of the child's holidays that has not ended (another child's id, or an ended one → 404). */
export async function removeHoliday(db: Db, actor: Actor, childId: number, holidayId: number, now: Date) {
  const { facts } = await planUnit(db, actor, childId, now);
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('care_holiday')
      .where('id', '=', holidayId)
      .where('child_id', '=', childId)
      .where('ends_on', '>=', todayInOslo(now))
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new NotFoundError();
    await audit(trx, actor, facts, 'care.holiday', { id: holidayId, removed: true }, now);
  });
}

// ——— Pickup ———

export interface PickupPersonInput {
  name: string;
  phone: string;
  relation: string;
}
export type PickupPersonErrors = Partial<{
  name: { code: TextError };
  phone: { code: PhoneError | 'required' };
  relation: { code: TextError };
}>;

/** A person allowed to fetch the child: a name, a phone number (Norwegian or +country), a relation (optional). */
export async function addPickupPerson(
  db: Db,
  actor: Actor,
  childId: number,
  input: PickupPersonInput,
  now: Date,
): Promise<Result<PickupPersonErrors>> {
  const { facts } = await planUnit(db, actor, childId, now);
  const errors: PickupPersonErrors = {};
  const name = checkText(input.name, { required: true, max: 200 });
  if (name.error) errors.name = { code: name.error };
  const phone = normalisePhone(input.phone);
  if (!phone.ok) errors.phone = { code: phone.error };
  else if (!phone.value) errors.phone = { code: 'required' };
  const relation = checkText(input.relation, { max: 100 });
  if (relation.error) errors.relation = { code: relation.error };
  if (Object.keys(errors).length || !phone.ok) return { ok: false, errors };
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('care_pickup_person')
      .values({
        child_id: childId,
        name: name.text,
        phone: phone.value,
        relation: relation.text,
        created_by: actor.personId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, facts, 'care.pickup_person', { id: Number(row.id) }, now);
  });
  return { ok: true };
}

/** Removes one of the child's pickup persons (another child's id → 404). */
export async function removePickupPerson(db: Db, actor: Actor, childId: number, personId: number, now: Date) {
  const { facts } = await planUnit(db, actor, childId, now);
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('care_pickup_person')
      .where('id', '=', personId)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new NotFoundError();
    await audit(trx, actor, facts, 'care.pickup_person', { id: personId, removed: true }, now);
  });
}

export interface WalkAloneInput {
  walksAlone: boolean;
  from: string;
}
export type WalkAloneErrors = Partial<{ from: { code: 'time' } }>;

/** May walk home alone (optionally from a time of day); off clears the time. */
export async function setWalkAlone(
  db: Db,
  actor: Actor,
  childId: number,
  input: WalkAloneInput,
  now: Date,
): Promise<Result<WalkAloneErrors>> {
  const { facts } = await planUnit(db, actor, childId, now);
  let from: string | null = null;
  if (input.walksAlone && input.from.trim() !== '') {
    from = parseTimeOfDay(input.from);
    if (!from) return { ok: false, errors: { from: { code: 'time' } } };
  }
  const values = {
    walks_alone: input.walksAlone,
    walks_alone_from: from,
    updated_by: actor.personId,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('care_child')
      .values({ child_id: childId, ...values })
      .onConflict((oc) => oc.column('child_id').doUpdateSet(values))
      .execute();
    await audit(trx, actor, facts, 'care.walk_alone', { walksAlone: input.walksAlone, from }, now);
  });
  return { ok: true };
}

// ——— The day's message and note ———

export interface DayNotesInput {
  date: string;
  pickupMessage: string;
  guardianNote: string;
}
export type DayNotesErrors = Partial<{
  date: { code: 'date' | 'past' };
  pickupMessage: { code: TextError };
  guardianNote: { code: TextError };
}>;

export const NOTE_MAX = 500;

/** The pickup message ("Bestemor henter kl. 15") and the note for staff, for today or a later date (either may be empty). */
export async function saveDayNotes(
  db: Db,
  actor: Actor,
  childId: number,
  input: DayNotesInput,
  now: Date,
): Promise<Result<DayNotesErrors>> {
  const { facts, unit } = await planUnit(db, actor, childId, now);
  const errors: DayNotesErrors = {};
  const date = parseDate(input.date);
  if (!date) errors.date = { code: 'date' };
  else if (date < todayInOslo(now)) errors.date = { code: 'past' };
  const message = checkText(input.pickupMessage, { max: NOTE_MAX });
  if (message.error) errors.pickupMessage = { code: message.error };
  const note = checkText(input.guardianNote, { max: NOTE_MAX });
  if (note.error) errors.guardianNote = { code: note.error };
  if (Object.keys(errors).length || !date) return { ok: false, errors };
  const values = {
    pickup_message: message.text,
    guardian_note: note.text,
    guardian_note_by: note.text ? actor.personId : null,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('care_day')
      .values({
        child_id: childId,
        on_date: date,
        sfo_id: unit.kind === 'sfo' ? unit.id : null,
        kindergarten_id: unit.kind === 'kindergarten' ? unit.id : null,
        ...values,
      })
      .onConflict((oc) => oc.columns(['child_id', 'on_date']).doUpdateSet(values))
      .execute();
    await audit(trx, actor, facts, 'care.day_note', { date }, now);
  });
  return { ok: true };
}
