import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { vitnemalAbsenceForClass } from '../domain/absence/vitnemal.ts';
import { fill } from '../i18n/index.ts';
import { vitnemalText } from '../i18n/vitnemal.ts';
import { actorOf, requireActor } from '../middleware/session.ts';
import { VitnemalAbsencePage } from '../views/vitnemal/page.tsx';
import { nowOf, todayOf } from './clock.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

/** The vitnemål absence view for leadership (8.–10. trinn). */
export const vitnemalRoutes = new Hono<AppEnv>().get('/classes/:id/vitnemal-absence', async (c) => {
  const view = await vitnemalAbsenceForClass(
    c.get('deps').db,
    actorOf(c),
    idParam(c.req.param('id')),
    todayOf(c),
    nowOf(c),
  );
  return render(
    c,
    fill(vitnemalText[c.get('locale')].title, { name: view.className }),
    <VitnemalAbsencePage page={pageContext(c)} view={view} />,
  );
});
