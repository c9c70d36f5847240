import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { listGuardianChildren } from '../domain/guardian/children.ts';
import { findOwnClass, listStaffUnits } from '../domain/school/units.ts';
import { actorOf, requireActor } from '../middleware/session.ts';
import { GuardianHome, PupilHome, StaffHome } from '../views/pages/home.tsx';
import { paths } from '../views/urls.ts';
import { pageContext, render } from './render.tsx';

/** GET /home: the guardian's children, the staff member's classes, or the pupil's own class. */
export const home = new Hono<AppEnv>().get(paths.start, requireActor, async (c) => {
  const actor = actorOf(c);
  const { db } = c.get('deps');
  const page = pageContext(c);
  const title = c.get('t').home.title;
  if (actor.via === 'idporten') return render(c, title, <GuardianHome page={page} children={await listGuardianChildren(db, actor)} />);
  if (actor.staff.length === 0) {
    const ownClass = await findOwnClass(db, actor);
    if (ownClass) return render(c, title, <PupilHome page={page} ownClass={ownClass} />);
  }
  return render(c, title, <StaffHome page={page} units={await listStaffUnits(db, actor)} />);
});
