import { sql } from 'kysely';
import { todayInOslo } from '../../domain/access/actor.ts';
import { addDays } from '../../domain/calendar/dates.ts';
import type { Db } from '../database.ts';
import { DEMO_KINDERGARTEN } from './care.ts';

/**
 * Four weeks of daily care in the demo (issue 13), so the unit leader's statistics show numbers: for the weekdays
 * before today, the demo kindergarten's and Bjørkelia SFO's children are checked in and out near their stay plan (some
 * a little early or late, a few children regularly leave well before their plan, about one day in twelve a child is
 * ill). For `npm start` on an empty database (seedDemoActivity), never the tests' seed. Skips what is there already.
 * Two INSERT … SELECT statements per unit kind, whatever the number of children.
 */
export async function seedCareActivity(db: Db, now = new Date()): Promise<void> {
  const today = todayInOslo(now);
  const from = addDays(today, -28);
  const to = addDays(today, -1);
  const kindergarten = await db
    .selectFrom('kindergarten')
    .select('id')
    .where('name', '=', DEMO_KINDERGARTEN.name)
    .executeTakeFirst();
  const sfo = await db
    .selectFrom('sfo')
    .innerJoin('school', 'school.id', 'sfo.school_id')
    .select(['sfo.id', 'sfo.school_id'])
    .where('school.name', '=', 'Bjørkelia skole')
    .executeTakeFirst();
  await db.transaction().execute(async (trx) => {
    // the places of each weekday: (child, date, unit columns, the staff member who registers)
    const places = sql`select ke.child_id, g.d::date as on_date, null::bigint as sfo_id, ${kindergarten?.id ?? 0}::bigint
          as kindergarten_id,
          (select m.person_id from staff_membership m where m.kindergarten_id = ${kindergarten?.id ?? 0}
            and m.role = 'kindergarten_staff' order by m.id limit 1) as staff_id
        from kindergarten_enrolment ke join kindergarten_department d on d.id = ke.department_id
        cross join generate_series(${from}::date, ${to}::date, interval '1 day') g(d)
        where d.kindergarten_id = ${kindergarten?.id ?? 0} and ke.starts_on <= g.d::date
          and (ke.ends_on is null or ke.ends_on >= g.d::date)
      union all
      select distinct f.pupil_id, g.d::date, f.sfo_id, null::bigint,
          (select m.person_id from staff_membership m where m.sfo_id = f.sfo_id and m.role = 'sfo_staff'
            order by m.id limit 1)
        from sfo_enrolment f
        cross join generate_series(${from}::date, ${to}::date, interval '1 day') g(d)
        join enrolment e on e.pupil_id = f.pupil_id and e.school_id = ${sfo?.school_id ?? 0}
          and e.starts_on <= g.d::date and (e.ends_on is null or e.ends_on >= g.d::date)
        where f.sfo_id = ${sfo?.id ?? 0} and f.starts_on <= g.d::date and (f.ends_on is null or f.ends_on >= g.d::date)`;
    const planned = sql`select p.*, w.arrives_at, w.leaves_at,
          (p.child_id * 7 + extract(doy from p.on_date)::int) % 12 = 0 as ill,
          ((p.child_id * 31 + extract(doy from p.on_date)::int) % 21 - 10) as arrive_offset,
          case when p.child_id % 7 = 0 then -90 else (p.child_id * 17 + extract(doy from p.on_date)::int) % 31 - 20 end
            as leave_offset
        from (${places}) p
        join care_week_day w on w.child_id = p.child_id and w.weekday = extract(isodow from p.on_date)
        where not exists (select 1 from care_day x where x.child_id = p.child_id and x.on_date = p.on_date)
          and not exists (select 1 from care_day_change x where x.child_id = p.child_id and x.on_date = p.on_date)
          and not exists (select 1 from care_holiday h where h.child_id = p.child_id
            and p.on_date between h.starts_on and h.ends_on)`;
    await sql`insert into care_day_change (child_id, on_date, kind)
      select child_id, on_date, 'absent' from (${planned}) x where x.ill`.execute(trx);
    await sql`insert into care_day (child_id, on_date, sfo_id, kindergarten_id, checked_in_at, checked_in_by,
        checked_out_at, checked_out_by, picked_up_by)
      select child_id, on_date, sfo_id, kindergarten_id,
        ((on_date + arrives_at) + make_interval(mins => arrive_offset::int)) at time zone 'Europe/Oslo', staff_id,
        ((on_date + greatest(leaves_at + make_interval(mins => leave_offset::int), arrives_at + interval '1 hour'))
          at time zone 'Europe/Oslo'), staff_id,
        coalesce((select r.given_name || ' ' || r.family_name from guardian_relation gr join person r on r.id = gr.guardian_id
          where gr.pupil_id = x.child_id and not gr.blocked order by gr.guardian_id limit 1), '')
      from (${planned}) x where not x.ill`.execute(trx);
  });
}
