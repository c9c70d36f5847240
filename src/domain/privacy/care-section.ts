import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { notEndedBy } from '../period.ts';
import { parseIdentityNumber } from '../person/fodselsnummer.ts';
import { guardiansOfChildren } from './guardians.ts';
import type { MyData } from './types.ts';

const WEEKDAYS = ['', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
/** How many of a child's care days "my data" lists (the newest first). */
const CARE_DAYS = 200;

/**
 * Daily care in "my data" (issue 13; G16): the guardian's kindergarten children (beside the school children), and
 * for every child what SFO and kindergarten keep — the regular week, changes for a date, holidays, who may fetch the
 * child and whether it walks home alone, and the days with check-in, check-out, who fetched it and the notes both
 * ways. Times are Norwegian time of day ('HH:MM'), dates ISO (shown dd.mm.yyyy). One query per kind for all children.
 * Returns the kindergarten children it added (after the school children), for their consents and documents.
 */
export async function addCareSections(
  db: Db,
  actor: Actor,
  data: MyData,
  pupilIds: number[],
  today: string,
): Promise<number[]> {
  const kindergarten = actor.guardianOf.length
    ? await db
        .selectFrom('kindergarten_enrolment as e')
        .innerJoin('kindergarten_department as d', 'd.id', 'e.department_id')
        .innerJoin('kindergarten as k', 'k.id', 'd.kindergarten_id')
        .innerJoin('person as p', 'p.id', 'e.child_id')
        .select([
          'p.id',
          'p.given_name',
          'p.family_name',
          'p.fodselsnummer',
          'k.name as kindergarten',
          'd.name as department',
          'e.starts_on',
        ])
        .where('e.child_id', 'in', actor.guardianOf)
        .where('e.child_id', 'not in', pupilIds.length ? pupilIds : [0])
        .where(notEndedBy('e', today))
        .orderBy('p.given_name')
        .orderBy('e.starts_on')
        .execute()
    : [];
  const seen = new Set<number>();
  const kindergartenChildren = kindergarten.filter((k) => !seen.has(k.id) && seen.add(k.id));
  const kindergartenIds = kindergartenChildren.map((k) => k.id);
  const relations = await guardiansOfChildren(db, kindergartenIds);
  for (const child of kindergartenChildren) {
    data.children.push({
      name: `${child.given_name} ${child.family_name}`,
      birthDate: parseIdentityNumber(child.fodselsnummer ?? '')?.birthDate ?? null,
      school: child.kindergarten,
      className: child.department,
      enrolledFrom: child.starts_on,
      id: child.id,
      guardians: relations.get(child.id) ?? [],
      log: [],
      logMore: false,
      extra: {},
    });
  }

  const ids = [...pupilIds, ...kindergartenIds];
  if (ids.length === 0) return kindergartenIds;
  const [week, changes, holidays, pickup, settings, days] = await Promise.all([
    db
      .selectFrom('care_week_day')
      .select([
        'child_id',
        'weekday',
        sql<string>`to_char(arrives_at, 'HH24:MI')`.as('arrives'),
        sql<string>`to_char(leaves_at, 'HH24:MI')`.as('leaves'),
      ])
      .where('child_id', 'in', ids)
      .orderBy('weekday')
      .execute(),
    db
      .selectFrom('care_day_change')
      .select([
        'child_id',
        'on_date',
        'kind',
        sql<string | null>`to_char(arrives_at, 'HH24:MI')`.as('arrives'),
        sql<string | null>`to_char(leaves_at, 'HH24:MI')`.as('leaves'),
      ])
      .where('child_id', 'in', ids)
      .orderBy('on_date', 'desc')
      .limit(500)
      .execute(),
    db
      .selectFrom('care_holiday')
      .select(['child_id', 'starts_on', 'ends_on'])
      .where('child_id', 'in', ids)
      .orderBy('starts_on', 'desc')
      .limit(200)
      .execute(),
    db
      .selectFrom('care_pickup_person')
      .select(['child_id', 'name', 'phone', 'relation'])
      .where('child_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('care_child')
      .select(['child_id', 'walks_alone', sql<string | null>`to_char(walks_alone_from, 'HH24:MI')`.as('walks_from')])
      .where('child_id', 'in', ids)
      .execute(),
    sql<{
      child_id: number;
      on_date: string;
      checked_in: string | null;
      checked_out: string | null;
      picked_up_by: string;
      pickup_message: string;
      guardian_note: string;
      staff_note: string;
    }>`select d.child_id, d.on_date,
        to_char(d.checked_in_at at time zone 'Europe/Oslo', 'HH24:MI') as checked_in,
        to_char(d.checked_out_at at time zone 'Europe/Oslo', 'HH24:MI') as checked_out,
        d.picked_up_by, d.pickup_message, d.guardian_note, d.staff_note
      from unnest(${sql.val(ids)}::bigint[]) c(id)
      cross join lateral (select * from care_day where child_id = c.id order by on_date desc limit ${CARE_DAYS}) d`.execute(
      db,
    ),
  ]);
  ids.forEach((childId, index) => {
    const child = data.children[index];
    if (!child) return;
    const mine = <T extends { child_id: number }>(rows: T[]) => rows.filter((r) => Number(r.child_id) === childId);
    const care: Record<string, unknown> = {
      careWeek: mine(week).map((w) => ({
        day: WEEKDAYS[w.weekday] ?? String(w.weekday),
        from: w.arrives,
        to: w.leaves,
      })),
      careChanges: mine(changes).map((c) => ({ date: c.on_date, kind: c.kind, from: c.arrives, to: c.leaves })),
      careHolidays: mine(holidays).map((h) => ({ from: h.starts_on, to: h.ends_on })),
      pickupPersons: mine(pickup).map((p) => ({ name: p.name, phone: p.phone, relation: p.relation })),
      walksAlone: mine(settings).map((s) => ({ walksAlone: s.walks_alone, from: s.walks_from })),
      careDays: mine(days.rows).map((d) => ({
        date: d.on_date,
        checkedIn: d.checked_in,
        checkedOut: d.checked_out,
        pickedUpBy: d.picked_up_by,
        pickupMessage: d.pickup_message,
        guardianNote: d.guardian_note,
        staffNote: d.staff_note,
      })),
    };
    for (const [key, value] of Object.entries(care)) if ((value as unknown[]).length) child.extra[key] = value;
  });
  return kindergartenIds;
}
