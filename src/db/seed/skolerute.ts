import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { LessonTable, SchoolCalendarDayTable } from '../tables/calendar.ts';
import { addDays, schoolYearFor, toDate } from './calendar.ts';

type Trx = Transaction<Database>;

/** Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19,
    b = Math.floor(year / 100),
    c = year % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Monday of ISO week `week` in `year`. */
function isoWeekMonday(year: number, week: number): string {
  const jan4 = `${year}-01-04`;
  return addDays(jan4, 1 - (toDate(jan4).getUTCDay() || 7) + (week - 1) * 7);
}
const span = (from: string, days: number) => Array.from({ length: days }, (_, i) => addDays(from, i));

/** The skolerute's days off in the school year starting in August `startYear` (typical Norwegian pattern). */
export function holidaysFor(startYear: number): { date: string; name: string }[] {
  const next = startYear + 1;
  const easter = easterSunday(next);
  const days = [
    ...span(isoWeekMonday(startYear, 40), 5).map((date) => ({ date, name: 'Høstferie' })),
    ...span(`${startYear}-12-21`, 12).map((date) => ({ date, name: 'Juleferie' })),
    ...span(isoWeekMonday(next, 8), 5).map((date) => ({ date, name: 'Vinterferie' })),
    ...span(addDays(easter, -6), 8).map((date) => ({ date, name: 'Påskeferie' })),
    { date: `${next}-05-01`, name: 'Offentlig høytidsdag' },
    { date: `${next}-05-17`, name: 'Grunnlovsdag' },
    { date: addDays(easter, 39), name: 'Kristi himmelfartsdag' },
    { date: addDays(easter, 40), name: 'Fri dag etter Kristi himmelfart' },
    { date: addDays(easter, 50), name: '2. pinsedag' },
  ];
  const seen = new Set<string>();
  return days.filter((d) => {
    const weekday = toDate(d.date).getUTCDay();
    if (weekday === 0 || weekday === 6 || seen.has(d.date)) return false;
    seen.add(d.date);
    return true;
  });
}

const SLOTS: [string, string][] = [
  ['08:15', '09:00'],
  ['09:05', '09:50'],
  ['10:05', '10:50'],
  ['10:55', '11:40'],
  ['12:15', '13:00'],
  ['13:05', '13:50'],
];
const CLASS_SUBJECTS = [
  'Engelsk',
  'Naturfag',
  'Samfunnsfag',
  'KRLE',
  'Kroppsøving',
  'Kunst og håndverk',
  'Musikk',
  'Mat og helse',
];

async function insertChunked(trx: Trx, rows: Insertable<LessonTable>[]) {
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('lesson')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** Skolerute for every school owner (this school year) and a weekly timetable for every class. */
export async function seedSkolerute(trx: Trx, today: string): Promise<void> {
  const year = schoolYearFor(today);
  const municipalities = await trx.selectFrom('municipality').select('id').orderBy('id').execute();
  const holidays = holidaysFor(year.startYear);
  const days: Insertable<SchoolCalendarDayTable>[] = municipalities.flatMap((m) =>
    holidays.map((h) => ({ municipality_id: m.id, date: h.date, kind: 'holiday' as const, name: h.name })),
  );
  if (days.length) await trx.insertInto('school_calendar_day').values(days).execute();

  const classes = await trx
    .selectFrom('class')
    .select(['id', 'name', 'trinn', 'school_id', 'school_year_id'])
    .orderBy('id')
    .execute();
  const groups = await trx
    .selectFrom('teaching_group')
    .select(['id', 'name', 'subject', 'school_id', 'school_year_id'])
    .execute();
  const assignments = await trx
    .selectFrom('staff_assignment as a')
    .innerJoin('staff_membership as m', 'm.id', 'a.staff_membership_id')
    .select(['a.class_id', 'a.teaching_group_id', 'm.person_id', 'm.role'])
    .orderBy('a.id')
    .execute();
  const classTeacher = new Map<number, number>();
  const groupTeacher = new Map<number, number>();
  for (const a of assignments) {
    if (a.class_id !== null && a.role === 'contact_teacher' && !classTeacher.has(a.class_id))
      classTeacher.set(a.class_id, a.person_id);
    if (a.teaching_group_id !== null && !groupTeacher.has(a.teaching_group_id))
      groupTeacher.set(a.teaching_group_id, a.person_id);
  }
  const groupKey = (school: number, yearId: number, name: string) => `${school}/${yearId}/${name}`;
  const groupByKey = new Map(groups.map((g) => [groupKey(g.school_id, g.school_year_id, g.name), g]));
  const rows: Insertable<LessonTable>[] = [];
  for (const cls of classes) {
    const perDay = cls.trinn <= 4 ? 4 : 6;
    const room = `Rom ${cls.name}`;
    const teacher = classTeacher.get(cls.id) ?? null;
    const norsk = groupByKey.get(groupKey(cls.school_id, cls.school_year_id, `${cls.name} Norsk`));
    const matte = groupByKey.get(groupKey(cls.school_id, cls.school_year_id, `${cls.name} Matematikk`));
    for (let weekday = 1; weekday <= 5; weekday++) {
      for (let slot = 0; slot < perDay; slot++) {
        const [starts_at, ends_at] = SLOTS[slot]!;
        const group = slot === 0 && weekday !== 5 ? norsk : slot === 1 && weekday !== 3 ? matte : undefined;
        if (group) {
          rows.push({
            teaching_group_id: group.id,
            weekday,
            starts_at,
            ends_at,
            subject: group.subject,
            teacher_id: groupTeacher.get(group.id) ?? teacher,
            room,
          });
        } else {
          const subject = CLASS_SUBJECTS[(weekday * 3 + slot + cls.trinn) % CLASS_SUBJECTS.length]!;
          rows.push({
            class_id: cls.id,
            weekday,
            starts_at,
            ends_at,
            subject,
            teacher_id: teacher,
            room: subject === 'Kroppsøving' ? 'Gymsal' : room,
          });
        }
      }
    }
  }
  await insertChunked(trx, rows);
}
