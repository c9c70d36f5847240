import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { pageNumber } from '../domain/paging.ts';
import { LOG_EXPORT_LIMIT, loadChildLogPage, type LogEntry } from '../domain/privacy/child-log.ts';
import { collectMyData } from '../domain/privacy/my-data.ts';
import { renderMyDataPdf } from '../domain/privacy/my-data-pdf.ts';
import { fill, formatDate, formatDateRange, messages } from '../i18n/index.ts';
import { logActionText, logLine, myDataText } from '../i18n/my-data.ts';
import { actorOf } from '../middleware/session.ts';
import { myDataPaths } from '../paths/my-data.ts';
import { formatDateTime } from '../views/components/dates.ts';
import { ChildLogPageView } from '../views/my-data/log-page.tsx';
import { MyDataPage } from '../views/my-data/page.tsx';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

/** The rows of each child's log in the PDF (a readable document; the JSON holds up to LOG_EXPORT_LIMIT). */
const PDF_LOG_ROWS = 1000;

/** G16: what is stored about the guardian and each child, on screen, as JSON and as PDF; each child's whole log. */
export const myDataRoutes = new Hono<AppEnv>()
  .get(myDataPaths.page, async (c) => {
    const data = await collectMyData(c.get('deps').db, actorOf(c));
    return render(c, myDataText[c.get('locale')].title, <MyDataPage page={pageContext(c)} data={data} />);
  })
  .get(myDataPaths.logPattern, async (c) => {
    const log = await loadChildLogPage(
      c.get('deps').db,
      actorOf(c),
      idParam(c.req.param('childId')),
      pageNumber(c.req.query('page')),
    );
    const t = myDataText[c.get('locale')];
    return render(c, fill(t.logTitle, { name: log.childName }), <ChildLogPageView page={pageContext(c)} log={log} />);
  })
  .get(myDataPaths.json, async (c) => {
    const data = await collectMyData(c.get('deps').db, actorOf(c), undefined, { logRows: LOG_EXPORT_LIMIT });
    c.header('Content-Disposition', `attachment; filename="skolebro-mine-data-${data.generatedAt.slice(0, 10)}.json"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(JSON.stringify(data, null, 2), 200, { 'Content-Type': 'application/json; charset=utf-8' });
  })
  .get(myDataPaths.pdf, async (c) => {
    const data = await collectMyData(c.get('deps').db, actorOf(c), undefined, { logRows: PDF_LOG_ROWS });
    const locale = c.get('locale');
    const t = myDataText[locale];
    const pdfText = {
      ...t,
      exportLimited: fill(t.exportLimited, { n: PDF_LOG_ROWS }),
      logLine: (entry: LogEntry) => logLine(locale, entry),
      logTime: (at: string) => formatDateTime(new Date(at)),
      staffRole: (r: { role: string; title: string | null; unit: string; from: string; to: string | null }) =>
        `${[(messages(locale).home.role as Record<string, string>)[r.role] ?? r.role, r.title].filter(Boolean).join(', ')} – ${r.unit} – ${r.to ? formatDateRange(r.from, r.to) : `${formatDate(r.from)}–`}`,
      staffAction: (a: { action: string; record: string | null }) =>
        `${logActionText(locale, a.action)}${a.record ? ` (${t.recordKinds[a.record] ?? a.record})` : ''}`,
    };
    const pdf = await renderMyDataPdf(data, pdfText, locale, formatDate(new Date()));
    c.header('Content-Disposition', `attachment; filename="skolebro-mine-data-${data.generatedAt.slice(0, 10)}.pdf"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf' });
  });
