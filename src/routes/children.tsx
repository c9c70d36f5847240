import { Hono } from 'hono';
import { nowOf, todayOf } from './clock.ts';
import { timeInOslo } from '../domain/access/actor.ts';
import { canViewAbsence } from '../domain/access/policy.ts';
import { loadChildAbsence } from '../domain/absence/overview.ts';
import { nextLessons } from '../domain/calendar/next-lessons.ts';
import { childSmsAddress } from '../domain/messages/sms-address.ts';
import type { AppEnv } from '../app-env.ts';
import { childOverview, requireGuardianChild } from '../domain/guardian/child.ts';
import { childAddress } from '../domain/guardian/child-address.ts';
import { actorOf, requireActor } from '../middleware/session.ts';
import { ChildOverview } from '../views/children/child.tsx';
import { renderChildSection } from './child-section.tsx';
import { idParam } from './params.ts';
import { pageContext } from './render.tsx';

/** GET /children/:id — the child page's overview section (G5). Other sections live in their own files. */
export const children = new Hono<AppEnv>().get('/children/:id', async (c) => {
  const { db } = c.get('deps');
  const actor = actorOf(c);
  const child = await requireGuardianChild(db, actor, idParam(c.req.param('id')), todayOf(c));
  const today = todayOf(c);
  const overview = {
    ...(await childOverview(db, actor, child, today)),
    address: await childAddress(db, actor, child),
    absence: canViewAbsence(actor, child.facts) ? await loadChildAbsence(db, actor, child, today) : null,
    next: await nextLessons(db, child, today, timeInOslo(nowOf(c))),
    sms: await childSmsAddress(db, child, today),
  };
  return renderChildSection(
    c,
    child,
    'overview',
    <ChildOverview page={pageContext(c)} child={child} overview={overview} />,
  );
});
