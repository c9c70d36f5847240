import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { requireManagedGrant, requireManagedSchool, type ManagedSchool } from '../domain/access/scope.ts';
import { applyStaffCsv, MAX_CSV_BYTES, previewStaffCsv } from '../domain/office/staff-csv.ts';
import { endGrant, grantRole, listGrantTargets, listStaffGrants } from '../domain/office/staff.ts';
import { fill } from '../i18n/index.ts';
import { officeStaffText } from '../i18n/office-staff.ts';
import { actorOf } from '../middleware/session.ts';
import { officeStaffPaths } from '../paths/office-staff.ts';
import { StaffImportPage, type ImportFileProblem } from '../views/office/staff-import.tsx';
import { StaffPage, type StaffNotice, type StaffPageState } from '../views/office/staff.tsx';
import { nowOf, todayOf } from './clock.ts';
import { readForm } from './form-body.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const t = (c: Context<AppEnv>) => officeStaffText[c.get('locale')];
const NOTICES: StaffNotice[] = ['granted', 'ended', 'imported'];

async function staffPage(c: Context<AppEnv>, school: ManagedSchool, state: StaffPageState, status: 200 | 422 = 200) {
  const { db } = c.get('deps');
  const body = (
    <StaffPage
      page={pageContext(c)}
      school={school}
      grants={await listStaffGrants(db, school, todayOf(c))}
      targets={await listGrantTargets(db, school, todayOf(c))}
      state={state}
    />
  );
  return render(c, fill(t(c).title, { school: school.name }), body, status);
}

const importPage = (c: Context<AppEnv>, school: ManagedSchool, props: Parameters<typeof StaffImportPage>[0] | null) =>
  render(
    c,
    fill(t(c).importTitle, { school: school.name }),
    <StaffImportPage page={pageContext(c)} school={school} {...props} />,
    props?.problem || (props?.preview && !props.content) ? 422 : 200,
  );

const managedSchool = (c: Context<AppEnv>) =>
  requireManagedSchool(c.get('deps').db, actorOf(c), idParam(c.req.param('id') ?? ''));

/**
 * The school office's staff (issue 11, S3): the grants of a school, granting a role to a person by Feide identity,
 * ending a grant, and the CSV import with its preview. Leadership of the school and the school owner; else 404.
 */
export const officeStaffRoutes = new Hono<AppEnv>()
  .get('/office/schools/:id/staff', async (c) => {
    const notice = NOTICES.find((n) => n === c.req.query('notice'));
    return staffPage(c, await managedSchool(c), { notice });
  })
  .post('/office/schools/:id/staff', async (c) => {
    const school = await managedSchool(c);
    const body = await readForm(c);
    const input = {
      feideId: text(body.feide_id),
      givenName: text(body.given_name),
      familyName: text(body.family_name),
      role: text(body.role),
      target: text(body.target),
      startsOn: text(body.starts_on),
    };
    const result = await grantRole(c.get('deps').db, actorOf(c), school, input, todayOf(c), nowOf(c));
    if (!result.ok) return staffPage(c, school, { grant: { input, errors: result.errors } }, 422);
    return c.redirect(officeStaffPaths.staff(school.id, 'granted'), 303);
  })
  .post('/office/staff-grants/:id/ending', async (c) => {
    const { db } = c.get('deps');
    const { grant, school } = await requireManagedGrant(db, actorOf(c), idParam(c.req.param('id')));
    const input = { endsOn: text((await readForm(c)).ends_on) };
    const result = await endGrant(db, actorOf(c), grant, input, nowOf(c));
    if (!result.ok) return staffPage(c, school, { end: { membershipId: grant.id, input, errors: result.errors } }, 422);
    return c.redirect(officeStaffPaths.staff(school.id, 'ended'), 303);
  })
  .get('/office/schools/:id/staff-import', async (c) => importPage(c, await managedSchool(c), null))
  .post('/office/schools/:id/staff-import/preview', async (c) => {
    const school = await managedSchool(c);
    const file = (await readForm(c)).file;
    if (!(file instanceof File) || file.size === 0)
      return importPage(c, school, { page: pageContext(c), school, problem: { code: 'required' } });
    if (file.size > MAX_CSV_BYTES)
      return importPage(c, school, { page: pageContext(c), school, problem: { code: 'too_large' } });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const preview = await previewStaffCsv(c.get('deps').db, school, bytes, todayOf(c));
    const applicable = !preview.problem && preview.rows.every((r) => r.status !== 'invalid');
    const content = applicable ? Buffer.from(bytes).toString('base64') : undefined;
    return importPage(c, school, { page: pageContext(c), school, preview, problem: preview.problem, content });
  })
  .post('/office/schools/:id/staff-import/apply', async (c) => {
    const school = await managedSchool(c);
    const bytes = new Uint8Array(Buffer.from(text((await readForm(c)).content), 'base64'));
    const result = await applyStaffCsv(c.get('deps').db, actorOf(c), school, bytes, todayOf(c), nowOf(c));
    if (!result.ok) {
      const problem: ImportFileProblem | undefined = result.errors.problem;
      return importPage(c, school, { page: pageContext(c), school, preview: result.errors, problem });
    }
    return c.redirect(officeStaffPaths.staff(school.id, 'imported'), 303);
  });
