import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import {
  listManagedSchools,
  requireManagedClass,
  requireManagedEnrolment,
  requireManagedSchool,
  type ManagedClass,
} from '../domain/access/scope.ts';
import {
  closeClass,
  createClass,
  currentYear,
  listClasses,
  listSchoolYears,
  renameClass,
} from '../domain/office/classes.ts';
import { admitPupil, endEnrolment, listClassPupils, listMoveTargets, movePupil } from '../domain/office/enrolments.ts';
import { findPersons } from '../domain/office/people.ts';
import { officeText } from '../i18n/office.ts';
import { actorOf } from '../middleware/session.ts';
import { officePaths } from '../paths/office.ts';
import { ClassPage, type ClassNotice, type ClassPageState } from '../views/office/class.tsx';
import { ClassesPage, OfficeStart, type CreateClassForm } from '../views/office/classes.tsx';
import { nowOf, todayOf } from './clock.ts';
import { readForm } from './form-body.ts';
import { idParam } from './params.ts';
import { fill } from '../i18n/index.ts';
import { pageContext, render } from './render.tsx';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const t = (c: Context<AppEnv>) => officeText[c.get('locale')];
const NOTICES: ClassNotice[] = ['renamed', 'closed', 'admitted', 'moved', 'ended'];

async function classesPage(c: Context<AppEnv>, schoolId: number, form?: CreateClassForm) {
  const { db } = c.get('deps');
  const school = await requireManagedSchool(db, actorOf(c), schoolId);
  const years = await listSchoolYears(db, school);
  const asked = idParam(form?.input.schoolYearId ?? c.req.query('year') ?? '');
  const year = years.find((y) => y.id === asked) ?? currentYear(years, todayOf(c));
  const classes = year ? await listClasses(db, school, year.id, todayOf(c)) : [];
  return render(
    c,
    fill(t(c).classesTitle, { school: school.name }),
    <ClassesPage
      page={pageContext(c)}
      school={school}
      years={years}
      year={year}
      classes={classes}
      form={form}
      created={c.req.query('created') === '1'}
    />,
    form ? 422 : 200,
  );
}

async function classPage(
  c: Context<AppEnv>,
  cls: ManagedClass,
  state: Omit<ClassPageState, 'matches'>,
  status: 200 | 422 = 200,
) {
  const { db } = c.get('deps');
  const found = state.query ? await findPersons(db, state.query) : undefined;
  const matches = found ? (found.ok ? found.persons : found.error) : undefined;
  const body = (
    <ClassPage
      page={pageContext(c)}
      cls={cls}
      pupils={await listClassPupils(db, cls.id, todayOf(c))}
      targets={await listMoveTargets(db, cls)}
      state={{ ...state, matches }}
    />
  );
  return render(c, fill(t(c).classTitle, { name: cls.name, school: cls.school.name }), body, status);
}

const managedClass = (c: Context<AppEnv>) =>
  requireManagedClass(c.get('deps').db, actorOf(c), idParam(c.req.param('id') ?? ''));

/**
 * The school office (issue 11, S3, D8): classes per school year and enrolment. The school's leadership, and the school
 * owner for every school it owns; for everyone else none of these pages exist (404).
 */
export const officeRoutes = new Hono<AppEnv>()
  .get(officePaths.start, async (c) => {
    const schools = await listManagedSchools(c.get('deps').db, actorOf(c));
    return render(c, t(c).title, <OfficeStart page={pageContext(c)} schools={schools} />);
  })
  .get('/office/schools/:id/classes', async (c) => classesPage(c, idParam(c.req.param('id'))))
  .post('/office/schools/:id/classes', async (c) => {
    const { db } = c.get('deps');
    const school = await requireManagedSchool(db, actorOf(c), idParam(c.req.param('id')));
    const body = await readForm(c);
    const input = { name: text(body.name), trinn: text(body.trinn), schoolYearId: text(body.school_year_id) };
    const result = await createClass(db, actorOf(c), school, input, nowOf(c));
    if (!result.ok) return classesPage(c, school.id, { input, errors: result.errors });
    return c.redirect(officePaths.classCreated(school.id, Number(input.schoolYearId)), 303);
  })
  .get('/office/classes/:id', async (c) => {
    const notice = NOTICES.find((n) => n === c.req.query('notice'));
    return classPage(c, await managedClass(c), { notice, query: (c.req.query('q') ?? '').slice(0, 200) });
  })
  .post('/office/classes/:id/name', async (c) => {
    const cls = await managedClass(c);
    const input = { name: text((await readForm(c)).name) };
    const result = await renameClass(c.get('deps').db, actorOf(c), cls, input, nowOf(c));
    if (!result.ok) return classPage(c, cls, { query: '', rename: { input, errors: result.errors } }, 422);
    return c.redirect(officePaths.class(cls.id, 'renamed'), 303);
  })
  .post('/office/classes/:id/closure', async (c) => {
    const cls = await managedClass(c);
    const result = await closeClass(c.get('deps').db, actorOf(c), cls, todayOf(c), nowOf(c));
    if (!result.ok) return classPage(c, cls, { query: '', close: { errors: result.errors } }, 422);
    return c.redirect(officePaths.class(cls.id, 'closed'), 303);
  })
  .post('/office/classes/:id/enrolments', async (c) => {
    const cls = await managedClass(c);
    const body = await readForm(c);
    const input = { personId: text(body.person_id), startsOn: text(body.starts_on) };
    const result = await admitPupil(c.get('deps').db, actorOf(c), cls, input, nowOf(c));
    const query = text(body.q).slice(0, 200);
    if (!result.ok) return classPage(c, cls, { query, admit: { input, errors: result.errors } }, 422);
    return c.redirect(officePaths.class(cls.id, 'admitted'), 303);
  })
  .post('/office/enrolments/:id/move', async (c) => {
    const { db } = c.get('deps');
    const { enrolment, cls } = await requireManagedEnrolment(db, actorOf(c), idParam(c.req.param('id')));
    const body = await readForm(c);
    const input = { classId: text(body.class_id), on: text(body.on) };
    const result = await movePupil(db, actorOf(c), enrolment, input, nowOf(c));
    if (!result.ok)
      return classPage(c, cls, { query: '', move: { enrolmentId: enrolment.id, input, errors: result.errors } }, 422);
    return c.redirect(officePaths.class(cls.id, 'moved'), 303);
  })
  .post('/office/enrolments/:id/ending', async (c) => {
    const { db } = c.get('deps');
    const { enrolment, cls } = await requireManagedEnrolment(db, actorOf(c), idParam(c.req.param('id')));
    const body = await readForm(c);
    const input = { endsOn: text(body.ends_on), reason: text(body.reason) };
    const result = await endEnrolment(db, actorOf(c), enrolment, cls, input, nowOf(c));
    if (!result.ok)
      return classPage(c, cls, { query: '', end: { enrolmentId: enrolment.id, input, errors: result.errors } }, 422);
    return c.redirect(officePaths.class(cls.id, 'ended'), 303);
  });
