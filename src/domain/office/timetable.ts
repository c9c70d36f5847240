import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { officeRoleOf } from '../access/policy.ts';
import type { ManagedClass, ManagedSchool, ManagedGroup } from '../access/scope.ts';
import { recordAudit } from '../audit.ts';
import { notEndedBy } from '../period.ts';
import type { Invalid, Ok } from '../result.ts';
import { checkText, type TextError } from '../text.ts';

/**
 * The school office's timetable (issue 11, S3): the weekly lessons of a class or a teaching group (weekday 1–5,
 * 'HH:MM' times, subject, teacher, room), added, edited and deleted one by one, and a week pattern copied from one
 * class or group to another of the same school. A lesson's identity is its class or group, weekday and start time
 * (unique, migration 0019): the CSV import (timetable-csv.ts) updates the lesson with the same identity.
 *
 * Rules for every lesson: times inside the school day (DAY_START–DAY_END), the end after the start, the teacher one of
 * the school's staff (a grant not ended), and no overlap with another lesson of the same class or group, or of the
 * same teacher in the same school year (closed classes left out). Writes lock the school row, so two offices saving
 * at once cannot double-book; every change is audited.
 */

/** The earliest start and the latest end of a lesson. */
export const DAY_START = '07:00';
export const DAY_END = '18:00';
/** The most lessons a class or group has in a week (and the most the page lists). */
export const MAX_LESSONS = 100;
/** The most staff offered as teachers, and the most classes and groups offered as copy targets. */
const MAX_OPTIONS = 500;

export interface TimetableUnit {
  kind: 'class' | 'group';
  id: number;
  name: string;
  school: ManagedSchool;
  schoolYear: { id: number; name: string; startsOn: string; endsOn: string };
  closed: boolean;
}

export const classUnit = (cls: ManagedClass): TimetableUnit => ({
  kind: 'class',
  id: cls.id,
  name: cls.name,
  school: cls.school,
  schoolYear: cls.schoolYear,
  closed: cls.closedOn !== null,
});

export const groupUnit = (group: ManagedGroup): TimetableUnit => ({
  kind: 'group',
  id: group.id,
  name: group.name,
  school: group.school,
  schoolYear: group.schoolYear,
  closed: group.closedOn !== null,
});

/** A class or group as a select's value: `class-12`, `group-3`. */
export const unitValue = (unit: Pick<TimetableUnit, 'kind' | 'id'>) => `${unit.kind}-${unit.id}`;

const unitColumn = (kind: TimetableUnit['kind']) => (kind === 'class' ? 'class_id' : 'teaching_group_id');

export interface OfficeLesson {
  id: number;
  weekday: number;
  startsAt: string;
  endsAt: string;
  subject: string;
  teacherId: number | null;
  teacherName: string | null;
  room: string | null;
}

/** The lessons of a class or group, by weekday and time. Bounded (MAX_LESSONS). */
export async function listUnitLessons(db: Db, unit: Pick<TimetableUnit, 'kind' | 'id'>): Promise<OfficeLesson[]> {
  const rows = await db
    .selectFrom('lesson as l')
    .leftJoin('person as p', 'p.id', 'l.teacher_id')
    .select(['l.id', 'l.weekday', 'l.starts_at', 'l.ends_at', 'l.subject', 'l.teacher_id', 'l.room'])
    .select(['p.given_name', 'p.family_name'])
    .where(`l.${unitColumn(unit.kind)}`, '=', unit.id)
    .orderBy('l.weekday')
    .orderBy('l.starts_at')
    .orderBy('l.id')
    .limit(MAX_LESSONS)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    weekday: r.weekday,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    subject: r.subject,
    teacherId: r.teacher_id,
    teacherName: r.given_name ? `${r.given_name} ${r.family_name}` : null,
    room: r.room,
  }));
}

export interface TeacherOption {
  id: number;
  name: string;
  /** As the office types it in a CSV file: without the `feide:` of userid_sec. */
  feideId: string | null;
}

/** The school's staff (any grant at the school not ended by `today`), by name: who may teach a lesson. Bounded. */
export async function listTeacherOptions(db: Db, school: ManagedSchool, today: string): Promise<TeacherOption[]> {
  const rows = await db
    .selectFrom('person as p')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.feide_id'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_membership as m')
          .select(sql`1`.as('one'))
          .whereRef('m.person_id', '=', 'p.id')
          .where('m.school_id', '=', school.id)
          .where(notEndedBy('m', today)),
      ),
    )
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .limit(MAX_OPTIONS)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: `${r.given_name} ${r.family_name}`,
    feideId: r.feide_id?.replace(/^feide:/, '') ?? null,
  }));
}

/** Whether the person holds a grant at the school not ended by `today`. */
async function isStaff(db: Db, school: ManagedSchool, personId: number, today: string) {
  const row = await db
    .selectFrom('staff_membership as m')
    .select('m.id')
    .where('m.person_id', '=', personId)
    .where('m.school_id', '=', school.id)
    .where(notEndedBy('m', today))
    .executeTakeFirst();
  return row !== undefined;
}

/** 'H:MM', 'HH:MM' or 'HH.MM' (as Norwegians write it) as 'HH:MM'; null when it is no time of day. */
export function parseTime(value: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

/** 1–5 from the digit or the day's name (bokmål, nynorsk, English, three letters or whole). */
export function parseWeekday(value: string): number | null {
  const text = value.trim().toLowerCase();
  if (/^[1-5]$/.test(text)) return Number(text);
  const names: [number, string[]][] = [
    [1, ['mandag', 'måndag', 'monday', 'man', 'mon', 'må']],
    [2, ['tirsdag', 'tysdag', 'tuesday', 'tir', 'tys', 'tue']],
    [3, ['onsdag', 'wednesday', 'ons', 'wed']],
    [4, ['torsdag', 'thursday', 'tor', 'thu']],
    [5, ['fredag', 'friday', 'fre', 'fri']],
  ];
  return names.find(([, words]) => words.includes(text))?.[0] ?? null;
}

export interface LessonInput {
  weekday: string;
  startsAt: string;
  endsAt: string;
  subject: string;
  teacherId: string;
  room: string;
}

/** A lesson another one overlaps with, named so the office can find it (or a line of the same CSV file). */
export interface ClashingLesson {
  unitName: string;
  weekday: number;
  startsAt: string;
  endsAt: string;
  subject: string;
  line?: number;
}

export interface LessonErrors {
  weekday?: 'weekday';
  startsAt?: 'time' | 'outside_day' | 'clash';
  endsAt?: 'time' | 'not_after_start' | 'outside_day';
  subject?: TextError;
  teacherId?: 'not_staff' | 'clash';
  room?: TextError;
  /** The lesson the class or group (`unit`) or the teacher (`teacher`) already has at that time. */
  clashes?: { unit?: ClashingLesson; teacher?: ClashingLesson };
}

export interface LessonValues {
  weekday: number;
  startsAt: string;
  endsAt: string;
  subject: string;
  teacherId: number | null;
  room: string | null;
}

const SUBJECT = { max: 60, required: true } as const;
const ROOM = { max: 40 } as const;

/** The field checks that need no database: weekday, times, subject and room (the teacher is looked up apart). */
export function checkLessonFields(input: Omit<LessonInput, 'teacherId'>): {
  errors: LessonErrors;
  values: Omit<LessonValues, 'teacherId'>;
} {
  const errors: LessonErrors = {};
  const weekday = parseWeekday(input.weekday);
  if (weekday === null) errors.weekday = 'weekday';
  const startsAt = parseTime(input.startsAt);
  const endsAt = parseTime(input.endsAt);
  if (startsAt === null) errors.startsAt = 'time';
  else if (startsAt < DAY_START || startsAt >= DAY_END) errors.startsAt = 'outside_day';
  if (endsAt === null) errors.endsAt = 'time';
  else if (startsAt !== null && endsAt <= startsAt) errors.endsAt = 'not_after_start';
  else if (endsAt > DAY_END || endsAt <= DAY_START) errors.endsAt = 'outside_day';
  const subject = checkText(input.subject, SUBJECT);
  if (subject.error) errors.subject = subject.error;
  const room = checkText(input.room, ROOM);
  if (room.error) errors.room = room.error;
  return {
    errors,
    values: {
      weekday: weekday ?? 0,
      startsAt: startsAt ?? '',
      endsAt: endsAt ?? '',
      subject: subject.text,
      room: room.text || null,
    },
  };
}

/** The lessons overlapping `values` in time: of the same class or group, or (same school year) of the same teacher. */
async function findClashes(
  db: Db,
  unit: TimetableUnit,
  values: LessonValues,
  exceptLessonId?: number,
): Promise<NonNullable<LessonErrors['clashes']>> {
  const rows = await db
    .selectFrom('lesson as l')
    .leftJoin('class as c', 'c.id', 'l.class_id')
    .leftJoin('teaching_group as g', 'g.id', 'l.teaching_group_id')
    .select(['l.class_id', 'l.teaching_group_id', 'l.weekday', 'l.starts_at', 'l.ends_at', 'l.subject', 'l.teacher_id'])
    .select((eb) => eb.fn.coalesce('c.name', 'g.name').as('unit_name'))
    .where('l.weekday', '=', values.weekday)
    .where('l.starts_at', '<', values.endsAt)
    .where('l.ends_at', '>', values.startsAt)
    .$if(exceptLessonId !== undefined, (q) => q.where('l.id', '<>', exceptLessonId!))
    .where((eb) => {
      const own = eb(`l.${unitColumn(unit.kind)}`, '=', unit.id);
      if (values.teacherId === null) return own;
      return eb.or([
        own,
        eb.and([
          eb('l.teacher_id', '=', values.teacherId),
          eb(eb.fn.coalesce('c.school_year_id', 'g.school_year_id'), '=', unit.schoolYear.id),
          eb('c.closed_on', 'is', null),
          eb('g.closed_on', 'is', null),
        ]),
      ]);
    })
    .orderBy('l.starts_at')
    .limit(10)
    .execute();
  const named = (r: (typeof rows)[number]): ClashingLesson => ({
    unitName: r.unit_name ?? '',
    weekday: r.weekday,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    subject: r.subject,
  });
  const ownRow = rows.find((r) => (unit.kind === 'class' ? r.class_id : r.teaching_group_id) === unit.id);
  const teacherRow = rows.find((r) => values.teacherId !== null && r.teacher_id === values.teacherId);
  return {
    ...(ownRow ? { unit: named(ownRow) } : {}),
    ...(teacherRow ? { teacher: named(teacherRow) } : {}),
  };
}

/** Every check of a lesson for `unit`; the values only when there is no error. */
async function checkLesson(
  db: Db,
  unit: TimetableUnit,
  input: LessonInput,
  today: string,
  exceptLessonId?: number,
): Promise<{ ok: true; values: LessonValues } | Invalid<LessonErrors>> {
  const { errors, values: fields } = checkLessonFields(input);
  let teacherId: number | null = null;
  const typed = input.teacherId.trim();
  if (typed !== '') {
    const id = /^\d{1,15}$/.test(typed) ? Number(typed) : 0;
    if (id > 0 && (await isStaff(db, unit.school, id, today))) teacherId = id;
    else errors.teacherId = 'not_staff';
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const values = { ...fields, teacherId };
  const clashes = await findClashes(db, unit, values, exceptLessonId);
  if (clashes.unit) errors.startsAt = 'clash';
  if (clashes.teacher) errors.teacherId = 'clash';
  if (clashes.unit || clashes.teacher) return { ok: false, errors: { ...errors, clashes } };
  return { ok: true, values };
}

/** Locks the school row: timetable writes of one school run one at a time, so their clash checks hold. */
async function lockSchool(db: Db, school: ManagedSchool) {
  await db.selectFrom('school').select('id').where('id', '=', school.id).forUpdate().execute();
}

const auditDetails = (unit: TimetableUnit, values: LessonValues) => ({
  [unitColumn(unit.kind)]: unit.id,
  weekday: values.weekday,
  starts_at: values.startsAt,
  ends_at: values.endsAt,
  subject: values.subject,
  teacher_id: values.teacherId,
  room: values.room,
});

/** Adds a lesson to a class or group; audited. Nothing is stored when any field is wrong. */
export async function addLesson(
  db: Db,
  actor: Actor,
  unit: TimetableUnit,
  input: LessonInput,
  today: string,
  now = new Date(),
): Promise<Ok<{ lessonId: number }> | Invalid<LessonErrors>> {
  return db.transaction().execute(async (trx) => {
    await lockSchool(trx, unit.school);
    const checked = await checkLesson(trx, unit, input, today);
    if (!checked.ok) return checked;
    const v = checked.values;
    const row = await trx
      .insertInto('lesson')
      .values({
        [unitColumn(unit.kind)]: unit.id,
        weekday: v.weekday,
        starts_at: v.startsAt,
        ends_at: v.endsAt,
        subject: v.subject,
        teacher_id: v.teacherId,
        room: v.room,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actor,
        role: officeRoleOf(actor, unit.school.id),
        action: 'lesson.create',
        record: { type: 'lesson', id: row.id },
        details: auditDetails(unit, v),
      },
      now,
    );
    return { ok: true as const, lessonId: row.id };
  });
}

/** Changes a lesson (any field); audited with what it was. Nothing is stored when any field is wrong. */
export async function editLesson(
  db: Db,
  actor: Actor,
  unit: TimetableUnit,
  lessonId: number,
  input: LessonInput,
  today: string,
  now = new Date(),
): Promise<Ok | Invalid<LessonErrors>> {
  return db.transaction().execute(async (trx) => {
    await lockSchool(trx, unit.school);
    const checked = await checkLesson(trx, unit, input, today, lessonId);
    if (!checked.ok) return checked;
    const v = checked.values;
    const before = await trx
      .updateTable('lesson')
      .set({
        weekday: v.weekday,
        starts_at: v.startsAt,
        ends_at: v.endsAt,
        subject: v.subject,
        teacher_id: v.teacherId,
        room: v.room,
      })
      .where('id', '=', lessonId)
      .returning('id')
      .executeTakeFirst();
    if (!before) return { ok: false as const, errors: {} };
    await recordAudit(
      trx,
      {
        actor,
        role: officeRoleOf(actor, unit.school.id),
        action: 'lesson.update',
        record: { type: 'lesson', id: lessonId },
        details: auditDetails(unit, v),
      },
      now,
    );
    return { ok: true as const };
  });
}

/** Whether attendance or an absence report points at any of the lessons (then they are kept: the record needs them). */
async function hasRecords(db: Db, lessonIds: number[]) {
  if (lessonIds.length === 0) return false;
  const attendance = await db
    .selectFrom('attendance')
    .select('id')
    .where('lesson_id', 'in', lessonIds)
    .limit(1)
    .executeTakeFirst();
  if (attendance) return true;
  const reported = await db
    .selectFrom('absence_report_lesson')
    .select('lesson_id')
    .where('lesson_id', 'in', lessonIds)
    .limit(1)
    .executeTakeFirst();
  return reported !== undefined;
}

export type DeleteError = 'has_records';

/** Deletes a lesson; audited. A lesson attendance or an absence report points at is kept ('has_records'). */
export async function deleteLesson(
  db: Db,
  actor: Actor,
  unit: TimetableUnit,
  lessonId: number,
  now = new Date(),
): Promise<Ok | Invalid<{ lesson: DeleteError }>> {
  return db.transaction().execute(async (trx) => {
    await lockSchool(trx, unit.school);
    if (await hasRecords(trx, [lessonId])) return { ok: false as const, errors: { lesson: 'has_records' as const } };
    const gone = await trx
      .deleteFrom('lesson')
      .where('id', '=', lessonId)
      .returning(['weekday', 'starts_at', 'ends_at', 'subject', 'teacher_id', 'room'])
      .executeTakeFirst();
    if (gone) {
      await recordAudit(
        trx,
        {
          actor,
          role: officeRoleOf(actor, unit.school.id),
          action: 'lesson.delete',
          record: { type: 'lesson', id: lessonId },
          details: auditDetails(unit, {
            weekday: gone.weekday,
            startsAt: gone.starts_at,
            endsAt: gone.ends_at,
            subject: gone.subject,
            teacherId: gone.teacher_id,
            room: gone.room,
          }),
        },
        now,
      );
    }
    return { ok: true as const };
  });
}

export interface CopyTarget {
  kind: TimetableUnit['kind'];
  id: number;
  name: string;
  yearName: string;
  schoolYearId: number;
}

/** Where a week pattern can be copied: the school's open classes and open groups of years not over, but the source. */
export async function listCopyTargets(db: Db, source: TimetableUnit, today: string): Promise<CopyTarget[]> {
  const classes = await db
    .selectFrom('class as u')
    .innerJoin('school_year as y', 'y.id', 'u.school_year_id')
    .select(['u.id', 'u.name', 'y.name as year_name', 'y.id as year_id'])
    .where('u.school_id', '=', source.school.id)
    .where('u.closed_on', 'is', null)
    .where('y.ends_on', '>=', today)
    .orderBy('y.starts_on')
    .orderBy('u.trinn')
    .orderBy('u.name')
    .limit(MAX_OPTIONS)
    .execute();
  const groups = await db
    .selectFrom('teaching_group as u')
    .innerJoin('school_year as y', 'y.id', 'u.school_year_id')
    .select(['u.id', 'u.name', 'y.name as year_name', 'y.id as year_id'])
    .where('u.school_id', '=', source.school.id)
    .where('u.closed_on', 'is', null)
    .where('y.ends_on', '>=', today)
    .orderBy('y.starts_on')
    .orderBy('u.name')
    .limit(MAX_OPTIONS)
    .execute();
  const of = (kind: TimetableUnit['kind']) => (r: (typeof classes)[number]) => ({
    kind,
    id: r.id,
    name: r.name,
    yearName: r.year_name,
    schoolYearId: r.year_id,
  });
  return [...classes.map(of('class')), ...groups.map(of('group'))].filter(
    (t) => !(t.kind === source.kind && t.id === source.id),
  );
}

export const COPY_MODES = ['refuse', 'replace'] as const;
export type CopyMode = (typeof COPY_MODES)[number];

export interface CopyInput {
  target: string;
  mode: string;
  /** 'keep': the lessons keep their teachers; else they are copied without a teacher. */
  teachers: string;
}

export interface CopyErrors {
  target?: 'required' | 'source_empty' | 'has_lessons' | 'has_records';
  mode?: 'required';
  teachers?: 'clash';
  clash?: ClashingLesson;
}

/**
 * Copies every lesson of `source` to another class or group of the same school in one transaction, audited. 'refuse':
 * only into a class or group without lessons; 'replace': its lessons are deleted first (not when attendance points
 * at one). With the teachers kept, a teacher who is no longer staff of the school is left out, and a teacher who has
 * another lesson at that time in the target's school year refuses the copy (the clash is named).
 */
export async function copyTimetable(
  db: Db,
  actor: Actor,
  source: TimetableUnit,
  input: CopyInput,
  today: string,
  now = new Date(),
): Promise<Ok<{ target: CopyTarget; copied: number }> | Invalid<CopyErrors>> {
  const errors: CopyErrors = {};
  const targets = await listCopyTargets(db, source, today);
  const target = targets.find((t) => unitValue(t) === input.target.trim());
  if (!target) errors.target = 'required';
  const mode = COPY_MODES.find((m) => m === input.mode);
  if (!mode) errors.mode = 'required';
  if (!target || !mode) return { ok: false, errors };
  const keepTeachers = input.teachers === 'keep';
  return db
    .transaction()
    .execute(async (trx) => {
      await lockSchool(trx, source.school);
      const lessons = await listUnitLessons(trx, source);
      if (lessons.length === 0) return { ok: false as const, errors: { target: 'source_empty' as const } };
      const existing = await listUnitLessons(trx, target);
      if (existing.length && mode === 'refuse')
        return { ok: false as const, errors: { target: 'has_lessons' as const } };
      if (
        existing.length &&
        (await hasRecords(
          trx,
          existing.map((l) => l.id),
        ))
      )
        return { ok: false as const, errors: { target: 'has_records' as const } };
      const staff = new Set((await listTeacherOptions(trx, source.school, today)).map((t) => t.id));
      const teacherOf = (l: OfficeLesson) =>
        keepTeachers && l.teacherId !== null && staff.has(l.teacherId) ? l.teacherId : null;
      const column = unitColumn(target.kind);
      await trx.deleteFrom('lesson').where(column, '=', target.id).execute();
      const targetUnit: TimetableUnit = {
        kind: target.kind,
        id: target.id,
        name: target.name,
        school: source.school,
        schoolYear: { id: target.schoolYearId, name: target.yearName, startsOn: '', endsOn: '' },
        closed: false,
      };
      for (const l of lessons) {
        const values: LessonValues = {
          weekday: l.weekday,
          startsAt: l.startsAt,
          endsAt: l.endsAt,
          subject: l.subject,
          teacherId: teacherOf(l),
          room: l.room,
        };
        if (values.teacherId !== null) {
          const clashes = await findClashes(trx, { ...targetUnit, id: 0 }, values);
          if (clashes.teacher) throw new CopyClash(clashes.teacher);
        }
        await trx
          .insertInto('lesson')
          .values({
            [column]: target.id,
            weekday: values.weekday,
            starts_at: values.startsAt,
            ends_at: values.endsAt,
            subject: values.subject,
            teacher_id: values.teacherId,
            room: values.room,
          })
          .execute();
      }
      await recordAudit(
        trx,
        {
          actor,
          role: officeRoleOf(actor, source.school.id),
          action: 'timetable.copy',
          record: { type: target.kind === 'class' ? 'class' : 'teaching_group', id: target.id },
          details: {
            from: unitValue(source),
            to: unitValue(target),
            mode,
            teachers: keepTeachers ? 'keep' : 'none',
            copied: lessons.length,
            replaced: existing.length,
          },
        },
        now,
      );
      return { ok: true as const, target, copied: lessons.length };
    })
    .catch((error: unknown) => {
      // A teacher's clash found halfway: the transaction is rolled back, nothing of the copy is kept.
      if (error instanceof CopyClash)
        return { ok: false as const, errors: { teachers: 'clash' as const, clash: error.clash } };
      throw error;
    });
}

class CopyClash extends Error {
  constructor(readonly clash: ClashingLesson) {
    super('teacher clash');
  }
}

/** The school's classes and teaching groups of a year with how many lessons each has, by name. */
export async function listTimetableUnits(db: Db, school: ManagedSchool, schoolYearId: number) {
  const classes = await db
    .selectFrom('class as u')
    .leftJoin('lesson as l', 'l.class_id', 'u.id')
    .select(['u.id', 'u.name'])
    .select((eb) => eb.fn.count<number>('l.id').as('lessons'))
    .where('u.school_id', '=', school.id)
    .where('u.school_year_id', '=', schoolYearId)
    .groupBy(['u.id', 'u.name', 'u.trinn'])
    .orderBy('u.trinn')
    .orderBy('u.name')
    .limit(MAX_OPTIONS)
    .execute();
  const groups = await db
    .selectFrom('teaching_group as u')
    .leftJoin('lesson as l', 'l.teaching_group_id', 'u.id')
    .select(['u.id', 'u.name'])
    .select((eb) => eb.fn.count<number>('l.id').as('lessons'))
    .where('u.school_id', '=', school.id)
    .where('u.school_year_id', '=', schoolYearId)
    .groupBy(['u.id', 'u.name'])
    .orderBy('u.name')
    .limit(MAX_OPTIONS)
    .execute();
  return [
    ...classes.map((r) => ({ kind: 'class' as const, id: r.id, name: r.name, lessons: Number(r.lessons) })),
    ...groups.map((r) => ({ kind: 'group' as const, id: r.id, name: r.name, lessons: Number(r.lessons) })),
  ];
}
