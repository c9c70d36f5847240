import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { NotFoundError } from '../domain/errors.ts';
import {
  addDepartment,
  addStaff,
  admitChild,
  endPlace,
  endStaff,
  listManagedKindergartens,
  listPlaces,
  listStaff,
  moveChild,
  requireManagedKindergarten,
  type ManagedKindergarten,
} from '../domain/kindergarten/office.ts';
import { fill } from '../i18n/index.ts';
import { kindergartenOfficeText } from '../i18n/kindergarten-office.ts';
import { actorOf } from '../middleware/session.ts';
import { kindergartenOfficePaths as paths, type KindergartenNotice } from '../paths/kindergarten-office.ts';
import {
  KindergartenList,
  KindergartenOfficePage,
  type KindergartenOfficeState,
} from '../views/kindergarten/office.tsx';
import { nowOf, todayOf } from './clock.ts';
import { readForm } from './form-body.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const NOTICES: KindergartenNotice[] = ['admitted', 'moved', 'ended', 'department', 'staff_added', 'staff_ended'];

const managed = (c: Context<AppEnv>) =>
  requireManagedKindergarten(c.get('deps').db, actorOf(c), idParam(c.req.param('id') ?? ''));

async function officePage(
  c: Context<AppEnv>,
  kg: ManagedKindergarten,
  state: KindergartenOfficeState,
  status: 200 | 422 = 200,
) {
  const { db } = c.get('deps');
  const [places, staff] = await Promise.all([listPlaces(db, kg, todayOf(c)), listStaff(db, kg, todayOf(c))]);
  return render(
    c,
    fill(kindergartenOfficeText[c.get('locale')].title, { name: kg.name }),
    <KindergartenOfficePage page={pageContext(c)} kg={kg} places={places} staff={staff} state={state} />,
    status,
  );
}

/**
 * The kindergarten's office (issue 13, K1): departments, admitting a child to a department, moving and ending places,
 * and the staff's roles. The styrer and the owner (requireManagedKindergarten); everyone else gets 404. Every form
 * posts and redirects (303) with a receipt, or comes back (422) with the values and a message per field.
 */
export const kindergartenOfficeRoutes = new Hono<AppEnv>()
  .get('/kindergartens', async (c) => {
    const actor = actorOf(c);
    const kindergartens = await listManagedKindergartens(c.get('deps').db, actor);
    // A school owner without kindergartens yet gets the (empty) list; nobody else who runs none has the page.
    const owner = actor.via === 'feide' && actor.staff.some((g) => g.role === 'school_owner');
    if (kindergartens.length === 0 && !owner) throw new NotFoundError();
    return render(
      c,
      kindergartenOfficeText[c.get('locale')].listTitle,
      <KindergartenList page={pageContext(c)} kindergartens={kindergartens} />,
    );
  })
  .get('/kindergartens/:id/office', async (c) => {
    const notice = NOTICES.find((n) => n === c.req.query('notice'));
    return officePage(c, await managed(c), { notice });
  })
  .post('/kindergartens/:id/office/children', async (c) => {
    const kg = await managed(c);
    const body = await readForm(c);
    const input = {
      number: text(body.number),
      departmentId: text(body.department_id),
      startsOn: text(body.starts_on),
      percent: text(body.percent),
    };
    const result = await admitChild(c.get('deps').db, actorOf(c), kg, input, nowOf(c));
    if (!result.ok) return officePage(c, kg, { admit: { input, errors: result.errors } }, 422);
    return c.redirect(paths.office(kg.id, 'admitted'), 303);
  })
  .post('/kindergartens/:id/office/places/:enrolment/move', async (c) => {
    const kg = await managed(c);
    const enrolmentId = idParam(c.req.param('enrolment'));
    const body = await readForm(c);
    const input = { departmentId: text(body.department_id), on: text(body.on) };
    const result = await moveChild(c.get('deps').db, actorOf(c), kg, enrolmentId, input, nowOf(c));
    if (!result.ok) return officePage(c, kg, { move: { enrolmentId, input, errors: result.errors } }, 422);
    return c.redirect(paths.office(kg.id, 'moved'), 303);
  })
  .post('/kindergartens/:id/office/places/:enrolment/end', async (c) => {
    const kg = await managed(c);
    const enrolmentId = idParam(c.req.param('enrolment'));
    const body = await readForm(c);
    const input = { endsOn: text(body.ends_on) };
    const result = await endPlace(c.get('deps').db, actorOf(c), kg, enrolmentId, input, nowOf(c));
    if (!result.ok) return officePage(c, kg, { end: { enrolmentId, input, errors: result.errors } }, 422);
    return c.redirect(paths.office(kg.id, 'ended'), 303);
  })
  .post('/kindergartens/:id/office/departments', async (c) => {
    const kg = await managed(c);
    const body = await readForm(c);
    const input = { name: text(body.name), ageGroup: text(body.age_group) };
    const result = await addDepartment(c.get('deps').db, actorOf(c), kg, input, nowOf(c));
    if (!result.ok) return officePage(c, kg, { department: { input, errors: result.errors } }, 422);
    return c.redirect(paths.office(kg.id, 'department'), 303);
  })
  .post('/kindergartens/:id/office/staff', async (c) => {
    const kg = await managed(c);
    const body = await readForm(c);
    const input = {
      feideId: text(body.feide_id),
      role: text(body.role),
      departmentId: text(body.department_id),
      startsOn: text(body.starts_on),
    };
    const result = await addStaff(c.get('deps').db, actorOf(c), kg, input, nowOf(c));
    if (!result.ok) return officePage(c, kg, { staff: { input, errors: result.errors } }, 422);
    return c.redirect(paths.office(kg.id, 'staff_added'), 303);
  })
  .post('/kindergartens/:id/office/staff/:membership/end', async (c) => {
    const kg = await managed(c);
    const membershipId = idParam(c.req.param('membership'));
    const body = await readForm(c);
    const input = { endsOn: text(body.ends_on) };
    const result = await endStaff(c.get('deps').db, actorOf(c), kg, membershipId, input, nowOf(c));
    if (!result.ok) return officePage(c, kg, { staffEnd: { membershipId, input, errors: result.errors } }, 422);
    return c.redirect(paths.office(kg.id, 'staff_ended'), 303);
  });
