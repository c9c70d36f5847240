import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { requireManagedGroup, requireManagedSchool, type ManagedGroup } from '../domain/access/scope.ts';
import { currentYear, listSchoolYears } from '../domain/office/classes.ts';
import {
  addClassMembers,
  addMember,
  closeGroup,
  createGroup,
  findSchoolPupils,
  listGroupClasses,
  listGroupMembers,
  listGroups,
  removeMember,
  teachersOf,
  updateGroup,
} from '../domain/office/groups.ts';
import { pageNumber } from '../domain/paging.ts';
import { fill } from '../i18n/index.ts';
import { officeGroupText } from '../i18n/office-groups.ts';
import { actorOf } from '../middleware/session.ts';
import { officeGroupPaths } from '../paths/office-groups.ts';
import { GroupPage, type GroupNotice, type GroupPageState } from '../views/office/group.tsx';
import { GroupsPage, type CreateGroupForm } from '../views/office/groups.tsx';
import { nowOf, todayOf } from './clock.ts';
import { readForm } from './form-body.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const t = (c: Context<AppEnv>) => officeGroupText[c.get('locale')];
const NOTICES: GroupNotice[] = ['updated', 'closed', 'added', 'class_added', 'removed'];

async function groupsPage(c: Context<AppEnv>, schoolId: number, form?: CreateGroupForm) {
  const { db } = c.get('deps');
  const school = await requireManagedSchool(db, actorOf(c), schoolId);
  const years = await listSchoolYears(db, school);
  const asked = idParam(form?.input.schoolYearId ?? c.req.query('year') ?? '');
  const year = years.find((y) => y.id === asked) ?? currentYear(years, todayOf(c));
  const groups = year ? await listGroups(db, school, year.id, todayOf(c)) : [];
  return render(
    c,
    fill(t(c).title, { school: school.name }),
    <GroupsPage
      page={pageContext(c)}
      school={school}
      years={years}
      year={year}
      groups={groups}
      form={form}
      created={c.req.query('created') === '1'}
    />,
    form ? 422 : 200,
  );
}

async function groupPage(
  c: Context<AppEnv>,
  group: ManagedGroup,
  state: Omit<GroupPageState, 'matches'>,
  status: 200 | 422 = 200,
) {
  const { db } = c.get('deps');
  const today = todayOf(c);
  const found = state.query && !group.closedOn ? await findSchoolPupils(db, group, state.query, today) : undefined;
  const matches = found ? (found.ok ? found.pupils : found.error) : undefined;
  const body = (
    <GroupPage
      page={pageContext(c)}
      group={group}
      teachers={(await teachersOf(db, [group.id], today)).get(group.id) ?? []}
      members={await listGroupMembers(db, group, today, status === 200 ? pageNumber(c.req.query('page')) : 1)}
      classes={group.closedOn ? [] : await listGroupClasses(db, group)}
      state={{ ...state, matches }}
    />
  );
  return render(c, fill(t(c).groupTitle, { name: group.name, school: group.school.name }), body, status);
}

const managedGroup = (c: Context<AppEnv>) =>
  requireManagedGroup(c.get('deps').db, actorOf(c), idParam(c.req.param('id') ?? ''));

/**
 * The school office's teaching groups (issue 11, S3): per school and school year, create, rename or change the
 * subject, close; a group's members: add a pupil of the school or a whole class, remove one. Leadership of the school
 * and the school owner; for everyone else none of these pages exist (404).
 */
export const officeGroupRoutes = new Hono<AppEnv>()
  .get('/office/schools/:id/teaching-groups', async (c) => groupsPage(c, idParam(c.req.param('id'))))
  .post('/office/schools/:id/teaching-groups', async (c) => {
    const { db } = c.get('deps');
    const school = await requireManagedSchool(db, actorOf(c), idParam(c.req.param('id')));
    const body = await readForm(c);
    const input = { name: text(body.name), subject: text(body.subject), schoolYearId: text(body.school_year_id) };
    const result = await createGroup(db, actorOf(c), school, input, nowOf(c));
    if (!result.ok) return groupsPage(c, school.id, { input, errors: result.errors });
    return c.redirect(officeGroupPaths.groupCreated(school.id, Number(input.schoolYearId)), 303);
  })
  .get('/office/teaching-groups/:id', async (c) => {
    const notice = NOTICES.find((n) => n === c.req.query('notice'));
    return groupPage(c, await managedGroup(c), { notice, query: (c.req.query('q') ?? '').slice(0, 200) });
  })
  .post('/office/teaching-groups/:id/details', async (c) => {
    const group = await managedGroup(c);
    const body = await readForm(c);
    const input = { name: text(body.name), subject: text(body.subject) };
    const result = await updateGroup(c.get('deps').db, actorOf(c), group, input, nowOf(c));
    if (!result.ok) return groupPage(c, group, { query: '', edit: { input, errors: result.errors } }, 422);
    return c.redirect(officeGroupPaths.group(group.id, 'updated'), 303);
  })
  .post('/office/teaching-groups/:id/closure', async (c) => {
    const group = await managedGroup(c);
    const result = await closeGroup(c.get('deps').db, actorOf(c), group, todayOf(c), nowOf(c));
    if (!result.ok) return groupPage(c, group, { query: '', close: { errors: result.errors } }, 422);
    return c.redirect(officeGroupPaths.group(group.id, 'closed'), 303);
  })
  .post('/office/teaching-groups/:id/members', async (c) => {
    const group = await managedGroup(c);
    const body = await readForm(c);
    const input = { personId: text(body.person_id) };
    const result = await addMember(c.get('deps').db, actorOf(c), group, input, todayOf(c), nowOf(c));
    const query = text(body.q).slice(0, 200);
    if (!result.ok) return groupPage(c, group, { query, add: { input, errors: result.errors } }, 422);
    return c.redirect(officeGroupPaths.group(group.id, 'added'), 303);
  })
  .post('/office/teaching-groups/:id/class-members', async (c) => {
    const group = await managedGroup(c);
    const input = { classId: text((await readForm(c)).class_id) };
    const result = await addClassMembers(c.get('deps').db, actorOf(c), group, input, todayOf(c), nowOf(c));
    if (!result.ok) return groupPage(c, group, { query: '', addClass: { input, errors: result.errors } }, 422);
    return c.redirect(officeGroupPaths.group(group.id, 'class_added'), 303);
  })
  .post('/office/teaching-groups/:id/member-removal', async (c) => {
    const group = await managedGroup(c);
    const input = { pupilId: text((await readForm(c)).pupil_id) };
    const result = await removeMember(c.get('deps').db, actorOf(c), group, input, nowOf(c));
    if (!result.ok) return groupPage(c, group, { query: '', remove: input }, 422);
    return c.redirect(officeGroupPaths.group(group.id, 'removed'), 303);
  });
