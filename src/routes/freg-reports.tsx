import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { fregReportCsv, listFregRuns, loadFregReport } from '../domain/freg/report.ts';
import { pageNumber } from '../domain/paging.ts';
import { fregText } from '../i18n/freg.ts';
import { fill } from '../i18n/index.ts';
import { actorOf } from '../middleware/session.ts';
import { formatDateTime } from '../views/components/dates.ts';
import { detailsText } from '../views/freg-reports/details.ts';
import { FregReportPage, FregRunsPage } from '../views/freg-reports/pages.tsx';
import { nowOf } from './clock.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

/** D1: the Folkeregisteret change reports for leadership (their school) and the school owner (all its schools). */
export const fregReportRoutes = new Hono<AppEnv>()
  .get('/freg-imports', async (c) => {
    const runs = await listFregRuns(c.get('deps').db, actorOf(c));
    return render(c, fregText[c.get('locale')].title, <FregRunsPage page={pageContext(c)} runs={runs} />);
  })
  .get('/freg-imports/:id', async (c) => {
    const page = pageNumber(c.req.query('page'));
    const report = await loadFregReport(c.get('deps').db, actorOf(c), idParam(c.req.param('id')), page);
    const title = fill(fregText[c.get('locale')].runTitle, { date: formatDateTime(report.run.startedAt) });
    return render(c, title, <FregReportPage page={pageContext(c)} report={report} />);
  })
  .get('/freg-imports/:id/report.csv', async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const report = await loadFregReport(db, actor, idParam(c.req.param('id')));
    const t = fregText[c.get('locale')];
    const labels = {
      header: [t.kind, t.school, t.person, t.pupil, t.details],
      kind: (k: keyof typeof t.kinds) => t.kinds[k],
      details: (l: Parameters<typeof detailsText>[1]) => detailsText(t, l),
    };
    const csv = await fregReportCsv(db, actor, report, labels, nowOf(c));
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="folkeregister-endringer-${report.run.id}.csv"`,
    });
  });
