import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { requireManagedPupil, type ManagedPupil } from '../domain/access/scope.ts';
import {
  addContactPerson,
  listContactPersons,
  listRegisterGuardians,
  removeContactPerson,
  updateContactPerson,
} from '../domain/office/contact-persons.ts';
import { fill } from '../i18n/index.ts';
import { officePupilText } from '../i18n/office-pupils.ts';
import { actorOf } from '../middleware/session.ts';
import { officePupilPaths } from '../paths/office-pupils.ts';
import { OfficePupilPage, type OfficePupilState } from '../views/office/pupil.tsx';
import { nowOf, todayOf } from './clock.ts';
import { readForm } from './form-body.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const NOTICES = ['added', 'updated', 'removed'] as const;

const managedPupil = (c: Context<AppEnv>) =>
  requireManagedPupil(c.get('deps').db, actorOf(c), idParam(c.req.param('id') ?? ''), todayOf(c));

async function page(c: Context<AppEnv>, pupil: ManagedPupil, state: OfficePupilState, status: 200 | 422 = 200) {
  const { db } = c.get('deps');
  const [guardians, contacts] = await Promise.all([
    listRegisterGuardians(db, pupil.id),
    listContactPersons(db, pupil.id),
  ]);
  return render(
    c,
    fill(officePupilText[c.get('locale')].title, { name: `${pupil.givenName} ${pupil.familyName}` }),
    <OfficePupilPage page={pageContext(c)} pupil={pupil} guardians={guardians} contacts={contacts} state={state} />,
    status,
  );
}

async function contactInput(c: Context<AppEnv>) {
  const body = await readForm(c);
  return {
    givenName: text(body.given_name),
    familyName: text(body.family_name),
    relation: text(body.relation),
    mobile: text(body.mobile),
    email: text(body.email),
  };
}

/**
 * The school office's pupil page (issue 11): guardians from the register, read-only and without a protected address,
 * and the pupil's other contact persons (add, edit, remove). Leadership of the pupil's school and its school owner
 * (requireManagedPupil); everyone else gets 404.
 */
export const officePupilRoutes = new Hono<AppEnv>()
  .get('/office/pupils/:id', async (c) => {
    const notice = NOTICES.find((n) => n === c.req.query('notice'));
    return page(c, await managedPupil(c), { notice });
  })
  .post('/office/pupils/:id/contacts', async (c) => {
    const pupil = await managedPupil(c);
    const input = await contactInput(c);
    const result = await addContactPerson(c.get('deps').db, actorOf(c), pupil, input, nowOf(c));
    if (!result.ok) return page(c, pupil, { add: { input, errors: result.errors } }, 422);
    return c.redirect(officePupilPaths.pupil(pupil.id, 'added'), 303);
  })
  .post('/office/pupils/:id/contacts/:relation', async (c) => {
    const pupil = await managedPupil(c);
    const relationId = idParam(c.req.param('relation'));
    const input = await contactInput(c);
    const result = await updateContactPerson(c.get('deps').db, actorOf(c), pupil, relationId, input, nowOf(c));
    if (!result.ok) return page(c, pupil, { edit: { relationId, input, errors: result.errors } }, 422);
    return c.redirect(officePupilPaths.pupil(pupil.id, 'updated'), 303);
  })
  .post('/office/pupils/:id/contacts/:relation/removal', async (c) => {
    const pupil = await managedPupil(c);
    await removeContactPerson(c.get('deps').db, actorOf(c), pupil, idParam(c.req.param('relation')), nowOf(c));
    return c.redirect(officePupilPaths.pupil(pupil.id, 'removed'), 303);
  });
