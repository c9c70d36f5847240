import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { officeRoleOf } from '../access/policy.ts';
import type { ManagedSchool } from '../access/scope.ts';
import { recordAudit } from '../audit.ts';
import type { Invalid, Ok } from '../result.ts';
import { listSchoolYears, type SchoolYearOption } from './classes.ts';
import { csvColumns, readCsvRecords, type CsvFileProblem } from './csv.ts';
import {
  checkLessonFields,
  listTeacherOptions,
  type ClashingLesson,
  type LessonErrors,
  type LessonValues,
  type TimetableUnit,
} from './timetable.ts';

/**
 * The timetable from a CSV file (issue 11, item 3), for one school year of a school: one lesson a row with the
 * class or teaching group by name, weekday (mandag…fredag or 1–5), start, end, subject, teacher (Feide identity,
 * optional) and room (optional). Read as the staff import reads (csv.ts).
 *
 * A lesson's identity is its class or group, weekday and start time (unique, migration 0019). A row whose identity
 * exists updates that lesson (end, subject, teacher, room); one that does not adds a lesson; lessons the file does not
 * name are left alone. So a second apply of the same file changes nothing. The preview checks every row as the form
 * does (times, school day, teacher on the school's staff) and against the timetable as it will be after the apply:
 * no class, group or teacher (same school year) twice at overlapping times, in the file or with a lesson kept. The
 * apply checks the file again under the school's lock and stores every row in one transaction, or nothing.
 */

const COLUMNS = {
  unit: ['klasse/gruppe', 'klasse', 'gruppe', 'class', 'group', 'class_or_group'],
  weekday: ['ukedag', 'dag', 'weekday', 'day'],
  startsAt: ['start', 'fra', 'starts_at', 'from'],
  endsAt: ['slutt', 'til', 'ends_at', 'end', 'to'],
  subject: ['fag', 'subject'],
  teacher: ['lærer', 'lærar', 'teacher', 'feide_id', 'feide'],
  room: ['rom', 'room'],
} as const;
type Column = keyof typeof COLUMNS;
const OPTIONAL: Column[] = ['teacher', 'room'];

export interface TimetableCsvInput {
  unit: string;
  weekday: string;
  startsAt: string;
  endsAt: string;
  subject: string;
  teacher: string;
  room: string;
}

export interface TimetableRowErrors extends Omit<LessonErrors, 'teacherId'> {
  unit?: 'unknown' | 'ambiguous';
  teacher?: 'unknown' | 'clash';
  /** The same class or group, weekday and start as an earlier line. */
  duplicate?: number;
}

export interface TimetableCsvRow {
  line: number;
  input: TimetableCsvInput;
  errors: TimetableRowErrors;
  /** 'new': a lesson is added; 'changed': the lesson with its identity is updated; 'unchanged': it is as the file says. */
  status: 'new' | 'changed' | 'unchanged' | 'invalid';
}

export interface TimetableCsvPreview {
  problem?: CsvFileProblem | { code: 'year' };
  year?: SchoolYearOption;
  rows: TimetableCsvRow[];
}

interface Planned {
  row: TimetableCsvRow;
  unit: Pick<TimetableUnit, 'kind' | 'id' | 'name'>;
  values: LessonValues;
  existingId?: number;
}

interface ExistingLesson {
  id: number;
  unitKey: string;
  unitName: string;
  weekday: number;
  startsAt: string;
  endsAt: string;
  subject: string;
  teacherId: number | null;
  room: string | null;
}

const key = (unitKey: string, weekday: number, startsAt: string) => `${unitKey}/${weekday}/${startsAt}`;
const overlaps = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) =>
  a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** The lessons the file is checked against: of the school's classes and groups of the year, and of its teachers then. */
async function lessonsOfYear(db: Db, school: ManagedSchool, yearId: number): Promise<ExistingLesson[]> {
  const rows = await db
    .selectFrom('lesson as l')
    .leftJoin('class as c', 'c.id', 'l.class_id')
    .leftJoin('teaching_group as g', 'g.id', 'l.teaching_group_id')
    .select([
      'l.id',
      'l.class_id',
      'l.teaching_group_id',
      'l.weekday',
      'l.starts_at',
      'l.ends_at',
      'l.subject',
      'l.teacher_id',
      'l.room',
    ])
    .select((eb) => eb.fn.coalesce('c.name', 'g.name').as('unit_name'))
    .where((eb) => eb(eb.fn.coalesce('c.school_year_id', 'g.school_year_id'), '=', yearId))
    .where('c.closed_on', 'is', null)
    .where('g.closed_on', 'is', null)
    .where((eb) =>
      eb.or([
        eb(eb.fn.coalesce('c.school_id', 'g.school_id'), '=', school.id),
        eb(
          'l.teacher_id',
          'in',
          eb.selectFrom('staff_membership').select('person_id').where('school_id', '=', school.id),
        ),
      ]),
    )
    .limit(50_000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    unitKey: r.class_id !== null ? `class-${r.class_id}` : `group-${r.teaching_group_id}`,
    unitName: r.unit_name ?? '',
    weekday: r.weekday,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    subject: r.subject,
    teacherId: r.teacher_id,
    room: r.room,
  }));
}

/** The open classes and open teaching groups of the school in the year, by lower-case name. */
async function unitsOfYear(db: Db, school: ManagedSchool, yearId: number) {
  const classes = await db
    .selectFrom('class')
    .select(['id', 'name'])
    .where('school_id', '=', school.id)
    .where('school_year_id', '=', yearId)
    .where('closed_on', 'is', null)
    .execute();
  const groups = await db
    .selectFrom('teaching_group')
    .select(['id', 'name'])
    .where('school_id', '=', school.id)
    .where('school_year_id', '=', yearId)
    .where('closed_on', 'is', null)
    .execute();
  const byName = new Map<string, Pick<TimetableUnit, 'kind' | 'id' | 'name'>[]>();
  for (const [kind, rows] of [
    ['class', classes],
    ['group', groups],
  ] as const) {
    for (const r of rows) {
      const name = r.name.trim().toLowerCase();
      byName.set(name, [...(byName.get(name) ?? []), { kind, id: r.id, name: r.name }]);
    }
  }
  return byName;
}

/** Reads and checks every row against the school's timetable of the year, saving nothing. */
export async function previewTimetableCsv(
  db: Db,
  school: ManagedSchool,
  schoolYearId: string,
  bytes: Uint8Array,
  today: string,
): Promise<{ preview: TimetableCsvPreview; planned: Planned[] }> {
  const year = (await listSchoolYears(db, school)).find((y) => String(y.id) === schoolYearId.trim());
  if (!year) return { preview: { problem: { code: 'year' }, rows: [] }, planned: [] };
  const read = readCsvRecords(bytes);
  if ('problem' in read) return { preview: { problem: read.problem, year, rows: [] }, planned: [] };
  const [header = [], ...records] = read.records;
  const columns = csvColumns(header, COLUMNS, OPTIONAL);
  if (Array.isArray(columns))
    return { preview: { problem: { code: 'missing_columns', line: 1, columns }, year, rows: [] }, planned: [] };
  if (records.length === 0) return { preview: { problem: { code: 'empty' }, year, rows: [] }, planned: [] };

  const units = await unitsOfYear(db, school, year.id);
  const teachers = await listTeacherOptions(db, school, today);
  const teacherByFeide = new Map(teachers.flatMap((t) => (t.feideId ? [[t.feideId.toLowerCase(), t.id]] : [])));
  const existing = await lessonsOfYear(db, school, year.id);
  const existingByKey = new Map(existing.map((l) => [key(l.unitKey, l.weekday, l.startsAt), l]));

  // First every row on its own.
  const rows: TimetableCsvRow[] = [];
  const planned: (Planned | null)[] = [];
  const lineOfKey = new Map<string, number>();
  for (const [i, record] of records.entries()) {
    const cell = (column: Column) => (columns[column] >= 0 ? (record[columns[column]] ?? '') : '');
    const input: TimetableCsvInput = {
      unit: cell('unit'),
      weekday: cell('weekday'),
      startsAt: cell('startsAt'),
      endsAt: cell('endsAt'),
      subject: cell('subject'),
      teacher: cell('teacher'),
      room: cell('room'),
    };
    const line = read.lines[i + 1]!;
    const { errors: fieldErrors, values } = checkLessonFields(input);
    const errors: TimetableRowErrors = { ...fieldErrors };
    const named = units.get(input.unit.trim().toLowerCase()) ?? [];
    if (named.length === 0) errors.unit = 'unknown';
    else if (named.length > 1) errors.unit = 'ambiguous';
    let teacherId: number | null = null;
    const feide = input.teacher
      .trim()
      .toLowerCase()
      .replace(/^feide:/, '');
    if (feide !== '') {
      const found = teacherByFeide.get(feide);
      if (found === undefined) errors.teacher = 'unknown';
      else teacherId = found;
    }
    const row: TimetableCsvRow = { line, input, errors, status: 'invalid' };
    rows.push(row);
    const unit = named.length === 1 ? named[0]! : undefined;
    if (unit && !errors.weekday && !errors.startsAt) {
      const k = key(`${unit.kind}-${unit.id}`, values.weekday, values.startsAt);
      const earlier = lineOfKey.get(k);
      if (earlier !== undefined) errors.duplicate = earlier;
      else lineOfKey.set(k, line);
    }
    if (Object.keys(errors).length || !unit) {
      planned.push(null);
      continue;
    }
    const lesson = { ...values, teacherId };
    const same = existingByKey.get(key(`${unit.kind}-${unit.id}`, lesson.weekday, lesson.startsAt));
    planned.push({ row, unit, values: lesson, existingId: same?.id });
  }

  // Then the timetable as it will be: the lessons kept (not replaced by a row) and every row without a problem.
  const replaced = new Set(planned.flatMap((p) => (p?.existingId !== undefined ? [p.existingId] : [])));
  interface Slot {
    unitKey: string;
    teacherId: number | null;
    weekday: number;
    startsAt: string;
    endsAt: string;
    named: ClashingLesson;
  }
  const slots: Slot[] = [
    ...existing
      .filter((l) => !replaced.has(l.id))
      .map((l) => ({
        ...l,
        named: { unitName: l.unitName, weekday: l.weekday, startsAt: l.startsAt, endsAt: l.endsAt, subject: l.subject },
      })),
    ...planned.flatMap((p) =>
      p
        ? [
            {
              unitKey: `${p.unit.kind}-${p.unit.id}`,
              teacherId: p.values.teacherId,
              weekday: p.values.weekday,
              startsAt: p.values.startsAt,
              endsAt: p.values.endsAt,
              named: {
                unitName: p.unit.name,
                weekday: p.values.weekday,
                startsAt: p.values.startsAt,
                endsAt: p.values.endsAt,
                subject: p.values.subject,
                line: p.row.line,
              },
            },
          ]
        : [],
    ),
  ];
  const byDay = new Map<number, Slot[]>();
  for (const s of slots) byDay.set(s.weekday, [...(byDay.get(s.weekday) ?? []), s]);
  for (const p of planned) {
    if (!p) continue;
    const unitKey = `${p.unit.kind}-${p.unit.id}`;
    const others = (byDay.get(p.values.weekday) ?? []).filter(
      (s) => s.named.line !== p.row.line && overlaps(s, p.values),
    );
    const unitClash = others.find((s) => s.unitKey === unitKey);
    const teacherClash =
      p.values.teacherId === null ? undefined : others.find((s) => s.teacherId === p.values.teacherId);
    if (unitClash) p.row.errors.startsAt = 'clash';
    if (teacherClash) p.row.errors.teacher = 'clash';
    if (unitClash || teacherClash)
      p.row.errors.clashes = {
        ...(unitClash ? { unit: unitClash.named } : {}),
        ...(teacherClash ? { teacher: teacherClash.named } : {}),
      };
  }

  for (const p of planned) {
    if (!p || Object.keys(p.row.errors).length) continue;
    const before = p.existingId !== undefined ? existing.find((l) => l.id === p.existingId) : undefined;
    p.row.status = !before
      ? 'new'
      : before.endsAt === p.values.endsAt &&
          before.subject === p.values.subject &&
          before.teacherId === p.values.teacherId &&
          before.room === p.values.room
        ? 'unchanged'
        : 'changed';
  }
  return {
    preview: { year, rows },
    planned: planned.filter((p): p is Planned => p !== null && p.row.status !== 'invalid'),
  };
}

/**
 * Applies a file: under the school's lock, checks it again and, only when no row has a problem, adds the new lessons
 * and updates the changed ones in one transaction, audited per lesson and once for the import.
 */
export async function applyTimetableCsv(
  db: Db,
  actor: Actor,
  school: ManagedSchool,
  schoolYearId: string,
  bytes: Uint8Array,
  today: string,
  now = new Date(),
): Promise<Ok<{ added: number; changed: number; unchanged: number }> | Invalid<TimetableCsvPreview>> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('school').select('id').where('id', '=', school.id).forUpdate().execute();
    const { preview, planned } = await previewTimetableCsv(trx, school, schoolYearId, bytes, today);
    if (preview.problem || preview.rows.some((r) => r.status === 'invalid'))
      return { ok: false as const, errors: preview };
    const role = officeRoleOf(actor, school.id);
    let added = 0;
    let changed = 0;
    for (const p of planned) {
      if (p.row.status === 'unchanged') continue;
      const column = p.unit.kind === 'class' ? 'class_id' : 'teaching_group_id';
      const fields = {
        ends_at: p.values.endsAt,
        subject: p.values.subject,
        teacher_id: p.values.teacherId,
        room: p.values.room,
      };
      let lessonId = p.existingId;
      if (lessonId === undefined) {
        const row = await trx
          .insertInto('lesson')
          .values({ [column]: p.unit.id, weekday: p.values.weekday, starts_at: p.values.startsAt, ...fields })
          .returning('id')
          .executeTakeFirstOrThrow();
        lessonId = row.id;
        added++;
      } else {
        await trx.updateTable('lesson').set(fields).where('id', '=', lessonId).execute();
        changed++;
      }
      await recordAudit(
        trx,
        {
          actor,
          role,
          action: p.row.status === 'new' ? 'lesson.create' : 'lesson.update',
          record: { type: 'lesson', id: lessonId },
          details: {
            [column]: p.unit.id,
            weekday: p.values.weekday,
            starts_at: p.values.startsAt,
            ...fields,
            line: p.row.line,
          },
        },
        now,
      );
    }
    const unchanged = preview.rows.length - added - changed;
    if (added + changed > 0) {
      await recordAudit(
        trx,
        {
          actor,
          role,
          action: 'timetable.import',
          record: { type: 'school', id: school.id },
          details: { school_year_id: preview.year?.id, rows: preview.rows.length, added, changed, unchanged },
        },
        now,
      );
    }
    return { ok: true as const, added, changed, unchanged };
  });
}
