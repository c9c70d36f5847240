import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import {
  requireManagedClass,
  requireManagedLesson,
  requireManagedSchool,
  requireManagedGroup,
  type ManagedSchool,
} from '../domain/access/scope.ts';
import { currentYear, listSchoolYears } from '../domain/office/classes.ts';
import { MAX_CSV_BYTES } from '../domain/office/csv.ts';
import { applyTimetableCsv, previewTimetableCsv } from '../domain/office/timetable-csv.ts';
import {
  addLesson,
  classUnit,
  copyTimetable,
  deleteLesson,
  editLesson,
  groupUnit,
  listCopyTargets,
  listTeacherOptions,
  listTimetableUnits,
  listUnitLessons,
  type LessonInput,
  type TimetableUnit,
} from '../domain/office/timetable.ts';
import { fill } from '../i18n/index.ts';
import { officeTimetableText } from '../i18n/office-timetable.ts';
import { actorOf } from '../middleware/session.ts';
import { officeTimetablePaths, type TimetableNotice } from '../paths/office-timetable.ts';
import { TimetableImportPage, type TimetableImportProblem } from '../views/office/timetable-import.tsx';
import { TimetableSchoolPage, TimetableUnitPage, type UnitPageState } from '../views/office/timetable.tsx';
import { nowOf, todayOf } from './clock.ts';
import { readForm } from './form-body.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const t = (c: Context<AppEnv>) => officeTimetableText[c.get('locale')];
const NOTICES: TimetableNotice[] = ['added', 'changed', 'deleted', 'copied', 'imported'];

async function unitPage(c: Context<AppEnv>, unit: TimetableUnit, state: UnitPageState, status: 200 | 422 = 200) {
  const { db } = c.get('deps');
  const body = (
    <TimetableUnitPage
      page={pageContext(c)}
      unit={unit}
      lessons={await listUnitLessons(db, unit)}
      teachers={await listTeacherOptions(db, unit.school, todayOf(c))}
      targets={await listCopyTargets(db, unit, todayOf(c))}
      state={state}
    />
  );
  return render(c, fill(t(c).unitTitle, { name: unit.name, school: unit.school.name }), body, status);
}

const classOf = async (c: Context<AppEnv>) =>
  classUnit(await requireManagedClass(c.get('deps').db, actorOf(c), idParam(c.req.param('id') ?? '')));
const groupOf = async (c: Context<AppEnv>) =>
  groupUnit(await requireManagedGroup(c.get('deps').db, actorOf(c), idParam(c.req.param('id') ?? '')));
const managedSchool = (c: Context<AppEnv>) =>
  requireManagedSchool(c.get('deps').db, actorOf(c), idParam(c.req.param('id') ?? ''));

async function lessonInput(c: Context<AppEnv>): Promise<LessonInput> {
  const body = await readForm(c);
  return {
    weekday: text(body.weekday),
    startsAt: text(body.starts_at),
    endsAt: text(body.ends_at),
    subject: text(body.subject),
    teacherId: text(body.teacher_id),
    room: text(body.room),
  };
}

const show = (c: Context<AppEnv>, unit: TimetableUnit) =>
  unitPage(c, unit, { notice: NOTICES.find((n) => n === c.req.query('notice')) });

async function add(c: Context<AppEnv>, unit: TimetableUnit) {
  const input = await lessonInput(c);
  if (unit.closed) return unitPage(c, unit, {}, 422);
  const result = await addLesson(c.get('deps').db, actorOf(c), unit, input, todayOf(c), nowOf(c));
  if (!result.ok) return unitPage(c, unit, { add: { input, errors: result.errors } }, 422);
  return c.redirect(officeTimetablePaths.unit(unit, 'added'), 303);
}

async function copy(c: Context<AppEnv>, unit: TimetableUnit) {
  const body = await readForm(c);
  const input = { target: text(body.target), mode: text(body.mode), teachers: text(body.teachers) };
  const result = await copyTimetable(c.get('deps').db, actorOf(c), unit, input, todayOf(c), nowOf(c));
  if (!result.ok) return unitPage(c, unit, { copy: { input, errors: result.errors } }, 422);
  return c.redirect(officeTimetablePaths.unit(result.target, 'copied'), 303);
}

async function lessonOf(c: Context<AppEnv>) {
  const { lesson, owner } = await requireManagedLesson(c.get('deps').db, actorOf(c), idParam(c.req.param('id') ?? ''));
  return { lesson, unit: owner.kind === 'class' ? classUnit(owner.cls) : groupUnit(owner.group) };
}

async function importPage(
  c: Context<AppEnv>,
  school: ManagedSchool,
  props: {
    schoolYearId?: string;
    preview?: Parameters<typeof TimetableImportPage>[0]['preview'];
    problem?: TimetableImportProblem;
    content?: string;
  },
) {
  const years = await listSchoolYears(c.get('deps').db, school);
  const schoolYearId = props.schoolYearId ?? String(currentYear(years, todayOf(c))?.id ?? '');
  const status = props.problem || props.preview?.rows.some((r) => r.status === 'invalid') ? 422 : 200;
  return render(
    c,
    fill(t(c).importTitle, { school: school.name }),
    <TimetableImportPage page={pageContext(c)} school={school} years={years} {...props} schoolYearId={schoolYearId} />,
    status,
  );
}

/**
 * The school office's timetable (issue 11, S3): the week of a class or teaching group (add, change, delete a lesson),
 * copying a week pattern to another class or group, and the CSV import with its preview. Leadership of the school and
 * the school owner (src/domain/access/scope.ts); for everyone else none of these pages exist (404).
 */
export const officeTimetableRoutes = new Hono<AppEnv>()
  .get('/office/schools/:id/timetable', async (c) => {
    const { db } = c.get('deps');
    const school = await managedSchool(c);
    const years = await listSchoolYears(db, school);
    const asked = idParam(c.req.query('year') ?? '');
    const year = years.find((y) => y.id === asked) ?? currentYear(years, todayOf(c));
    const units = year ? await listTimetableUnits(db, school, year.id) : [];
    return render(
      c,
      fill(t(c).schoolTitle, { school: school.name }),
      <TimetableSchoolPage
        page={pageContext(c)}
        school={school}
        years={years}
        year={year}
        units={units}
        imported={c.req.query('notice') === 'imported'}
      />,
    );
  })
  .get('/office/classes/:id/timetable', async (c) => show(c, await classOf(c)))
  .get('/office/teaching-groups/:id/timetable', async (c) => show(c, await groupOf(c)))
  .post('/office/classes/:id/timetable/lessons', async (c) => add(c, await classOf(c)))
  .post('/office/teaching-groups/:id/timetable/lessons', async (c) => add(c, await groupOf(c)))
  .post('/office/classes/:id/timetable/copy', async (c) => copy(c, await classOf(c)))
  .post('/office/teaching-groups/:id/timetable/copy', async (c) => copy(c, await groupOf(c)))
  .post('/office/lessons/:id', async (c) => {
    const { lesson, unit } = await lessonOf(c);
    const input = await lessonInput(c);
    const result = await editLesson(c.get('deps').db, actorOf(c), unit, lesson.id, input, todayOf(c), nowOf(c));
    if (!result.ok) return unitPage(c, unit, { edit: { lessonId: lesson.id, input, errors: result.errors } }, 422);
    return c.redirect(officeTimetablePaths.unit(unit, 'changed'), 303);
  })
  .post('/office/lessons/:id/deletion', async (c) => {
    const { lesson, unit } = await lessonOf(c);
    const result = await deleteLesson(c.get('deps').db, actorOf(c), unit, lesson.id, nowOf(c));
    if (!result.ok) return unitPage(c, unit, { remove: { lessonId: lesson.id, errors: result.errors } }, 422);
    return c.redirect(officeTimetablePaths.unit(unit, 'deleted'), 303);
  })
  .get('/office/schools/:id/timetable-import', async (c) => importPage(c, await managedSchool(c), {}))
  .post('/office/schools/:id/timetable-import/preview', async (c) => {
    const school = await managedSchool(c);
    const body = await readForm(c);
    const schoolYearId = text(body.school_year_id);
    const file = body.file;
    if (!(file instanceof File) || file.size === 0)
      return importPage(c, school, { schoolYearId, problem: { code: 'required' } });
    if (file.size > MAX_CSV_BYTES) return importPage(c, school, { schoolYearId, problem: { code: 'too_large' } });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { preview } = await previewTimetableCsv(c.get('deps').db, school, schoolYearId, bytes, todayOf(c));
    const applicable = !preview.problem && preview.rows.every((r) => r.status !== 'invalid');
    const content = applicable ? Buffer.from(bytes).toString('base64') : undefined;
    return importPage(c, school, { schoolYearId, preview, problem: preview.problem, content });
  })
  .post('/office/schools/:id/timetable-import/apply', async (c) => {
    const school = await managedSchool(c);
    const body = await readForm(c);
    const schoolYearId = text(body.school_year_id);
    const bytes = new Uint8Array(Buffer.from(text(body.content), 'base64'));
    const result = await applyTimetableCsv(
      c.get('deps').db,
      actorOf(c),
      school,
      schoolYearId,
      bytes,
      todayOf(c),
      nowOf(c),
    );
    if (!result.ok)
      return importPage(c, school, { schoolYearId, preview: result.errors, problem: result.errors.problem });
    return c.redirect(officeTimetablePaths.school(school.id, Number(schoolYearId), 'imported'), 303);
  });
