import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import type { CareFacts } from '../access/care-facts.ts';
import { requireChildCare, type CareUnitInfo } from '../access/care-scope.ts';
import { careUnitRoles } from '../access/policy.ts';
import { recordAudit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import type { Refused } from '../result.ts';
import { checkText, type TextError } from '../text.ts';

/**
 * Staff registration on the board (issue 13 item 4; S10): check in, check out (with who fetched the child), undo the
 * last of them after a mis-tap, and the staff's note for the day. Only today, only a child with a place at this very
 * unit (else 404), each write audited in its transaction.
 */

/** The child's care facts if the actor registers daily care for it AND the child has a place at this unit; else 404. */
export async function requireBoardChild(
  db: Db,
  actor: Actor,
  unit: CareUnitInfo,
  childId: number,
  today: string,
): Promise<CareFacts> {
  const facts = await requireChildCare(db, actor, childId, 'register', today);
  if (!facts.places.some((p) => p.kind === unit.kind && p.id === unit.id)) throw new NotFoundError();
  return facts;
}

const roleOf = (actor: Actor, unit: CareUnitInfo) =>
  careUnitRoles(actor, unit).has('leader') ? 'care_leader' : 'care_staff';
const unitColumns = (unit: CareUnitInfo) => ({
  sfo_id: unit.kind === 'sfo' ? unit.id : null,
  kindergarten_id: unit.kind === 'kindergarten' ? unit.id : null,
});

type Action = 'care_day.check_in' | 'care_day.check_out' | 'care_day.undo' | 'care_day.note';

async function audit(
  db: Db,
  actor: Actor,
  unit: CareUnitInfo,
  childId: number,
  action: Action,
  now: Date,
  details: { date: string } & Record<string, unknown>,
) {
  await recordAudit(
    db,
    {
      actor,
      role: roleOf(actor, unit),
      action,
      subjectPersonId: childId,
      record: { type: 'care_day', id: `${childId}:${details.date}` },
      details: { unit: `${unit.kind}:${unit.id}`, ...details },
    },
    now,
  );
}

/** Checks the child in now. A second tap (already checked in) changes nothing. */
export async function checkIn(
  db: Db,
  actor: Actor,
  unit: CareUnitInfo,
  childId: number,
  today: string,
  now: Date,
): Promise<{ ok: true; changed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('care_day')
      .values({
        child_id: childId,
        on_date: today,
        ...unitColumns(unit),
        checked_in_at: now,
        checked_in_by: actor.personId,
      })
      .onConflict((oc) =>
        oc
          .columns(['child_id', 'on_date'])
          .doUpdateSet({
            checked_in_at: now,
            checked_in_by: actor.personId,
            sfo_id: sql`coalesce(care_day.sfo_id, excluded.sfo_id)`,
            kindergarten_id: sql`coalesce(care_day.kindergarten_id, excluded.kindergarten_id)`,
            updated_at: now,
          })
          .where('care_day.checked_in_at', 'is', null),
      )
      .returning('child_id')
      .executeTakeFirst();
    if (!row) return { ok: true as const, changed: false };
    await audit(trx, actor, unit, childId, 'care_day.check_in', now, { date: today });
    return { ok: true as const, changed: true };
  });
}

export type PickedUpBy =
  | { kind: 'none' }
  | { kind: 'pickup'; id: number }
  | { kind: 'guardian'; id: number }
  | { kind: 'alone' }
  | { kind: 'other'; text: string };

/** The form's choice (`pickup:<id>`, `guardian:<id>`, `alone`, `other` with the free text, or nothing). */
export function parsePickedUpBy(
  choice: unknown,
  other: unknown,
): { value: PickedUpBy } | { error: TextError | 'invalid' } {
  const value = typeof choice === 'string' ? choice : '';
  if (value === '') return { value: { kind: 'none' } };
  if (value === 'alone') return { value: { kind: 'alone' } };
  if (value === 'other') {
    const text = checkText(other, { max: 100, required: true });
    return text.error ? { error: text.error } : { value: { kind: 'other', text: text.text } };
  }
  const match = /^(pickup|guardian):(\d{1,12})$/.exec(value);
  if (!match) return { error: 'invalid' };
  return { value: { kind: match[1] as 'pickup' | 'guardian', id: Number(match[2]) } };
}

/** What is stored in care_day.picked_up_by: a name, the free text, or "walked home alone" in the unit's language. */
export const WALKED_ALONE = { nb: 'Gikk hjem alene', nn: 'Gjekk heim åleine' } as const;

export type CheckOutProblem = 'not_checked_in' | 'unknown_person';

/** Checks the child out now, with who fetched it. Not checked in → refused; already checked out → nothing changes. */
export async function checkOut(
  db: Db,
  actor: Actor,
  unit: CareUnitInfo,
  facts: CareFacts,
  pickedUpBy: PickedUpBy,
  today: string,
  now: Date,
): Promise<{ ok: true; changed: boolean } | Refused<CheckOutProblem>> {
  const childId = facts.childId;
  return db.transaction().execute(async (trx) => {
    let who = '';
    if (pickedUpBy.kind === 'alone') who = WALKED_ALONE[unit.hovudmaal];
    else if (pickedUpBy.kind === 'other') who = pickedUpBy.text;
    else if (pickedUpBy.kind === 'pickup') {
      const person = await trx
        .selectFrom('care_pickup_person')
        .select('name')
        .where('id', '=', pickedUpBy.id)
        .where('child_id', '=', childId)
        .executeTakeFirst();
      if (!person) return { ok: false as const, reason: 'unknown_person' as const };
      who = person.name;
    } else if (pickedUpBy.kind === 'guardian') {
      const guardian = facts.guardians.find((g) => g.guardianId === pickedUpBy.id && !g.blocked);
      const person = guardian
        ? await trx
            .selectFrom('person')
            .select(['given_name', 'family_name'])
            .where('id', '=', pickedUpBy.id)
            .executeTakeFirst()
        : undefined;
      if (!person) return { ok: false as const, reason: 'unknown_person' as const };
      who = `${person.given_name} ${person.family_name}`;
    }
    const day = await trx
      .selectFrom('care_day')
      .select(['checked_in_at', 'checked_out_at'])
      .where('child_id', '=', childId)
      .where('on_date', '=', today)
      .forUpdate()
      .executeTakeFirst();
    if (!day?.checked_in_at) return { ok: false as const, reason: 'not_checked_in' as const };
    if (day.checked_out_at) return { ok: true as const, changed: false };
    const at = now < day.checked_in_at ? day.checked_in_at : now;
    await trx
      .updateTable('care_day')
      .set({ checked_out_at: at, checked_out_by: actor.personId, picked_up_by: who, updated_at: now })
      .where('child_id', '=', childId)
      .where('on_date', '=', today)
      .execute();
    await audit(trx, actor, unit, childId, 'care_day.check_out', now, { date: today, pickedUpBy: who });
    return { ok: true as const, changed: true };
  });
}

/** Undoes the last registration of today: the check-out if there is one, else the check-in. Nothing to undo → no change. */
export async function undoLast(
  db: Db,
  actor: Actor,
  unit: CareUnitInfo,
  childId: number,
  today: string,
  now: Date,
): Promise<{ ok: true; undone: 'check_out' | 'check_in' | null }> {
  return db.transaction().execute(async (trx) => {
    const day = await trx
      .selectFrom('care_day')
      .select(['checked_in_at', 'checked_out_at'])
      .where('child_id', '=', childId)
      .where('on_date', '=', today)
      .forUpdate()
      .executeTakeFirst();
    const undone = day?.checked_out_at ? 'check_out' : day?.checked_in_at ? 'check_in' : null;
    if (!undone) return { ok: true as const, undone };
    await trx
      .updateTable('care_day')
      .set(
        undone === 'check_out'
          ? { checked_out_at: null, checked_out_by: null, picked_up_by: '', updated_at: now }
          : { checked_in_at: null, checked_in_by: null, updated_at: now },
      )
      .where('child_id', '=', childId)
      .where('on_date', '=', today)
      .execute();
    await audit(trx, actor, unit, childId, 'care_day.undo', now, { date: today, undone });
    return { ok: true as const, undone };
  });
}

/** The staff's note for today (empty clears it). Too long → a field error. */
export async function saveStaffNote(
  db: Db,
  actor: Actor,
  unit: CareUnitInfo,
  childId: number,
  input: unknown,
  today: string,
  now: Date,
): Promise<{ ok: true } | { ok: false; error: TextError }> {
  const note = checkText(input, { max: 500 });
  if (note.error) return { ok: false, error: note.error };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('care_day')
      .values({
        child_id: childId,
        on_date: today,
        ...unitColumns(unit),
        staff_note: note.text,
        staff_note_by: actor.personId,
      })
      .onConflict((oc) =>
        oc.columns(['child_id', 'on_date']).doUpdateSet({
          staff_note: note.text,
          staff_note_by: actor.personId,
          sfo_id: sql`coalesce(care_day.sfo_id, excluded.sfo_id)`,
          kindergarten_id: sql`coalesce(care_day.kindergarten_id, excluded.kindergarten_id)`,
          updated_at: now,
        }),
      )
      .execute();
    await audit(trx, actor, unit, childId, 'care_day.note', now, { date: today, length: note.text.length });
  });
  return { ok: true };
}
