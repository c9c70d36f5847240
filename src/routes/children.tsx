import { Hono } from 'hono';
import { todayOf } from './clock.ts';
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
  const overview = {
    ...(await childOverview(db, actor, child, todayOf(c))),
    address: await childAddress(db, actor, child),
  };
  return renderChildSection(
    c,
    child,
    'overview',
    <ChildOverview page={pageContext(c)} child={child} overview={overview} />,
  );
});
