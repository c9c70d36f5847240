import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { collectMyData } from '../domain/privacy/my-data.ts';
import { renderMyDataPdf } from '../domain/privacy/my-data-pdf.ts';
import { formatDate } from '../i18n/index.ts';
import { myDataText } from '../i18n/my-data.ts';
import { actorOf, requireActor } from '../middleware/session.ts';
import { myDataPaths } from '../paths/my-data.ts';
import { MyDataPage } from '../views/my-data/page.tsx';
import { pageContext, render } from './render.tsx';

/** G16: what is stored about the guardian and each child, on screen and as JSON. */
export const myDataRoutes = new Hono<AppEnv>()
  .get(myDataPaths.page, async (c) => {
    const data = await collectMyData(c.get('deps').db, actorOf(c));
    return render(c, myDataText[c.get('locale')].title, <MyDataPage page={pageContext(c)} data={data} />);
  })
  .get(myDataPaths.json, async (c) => {
    const data = await collectMyData(c.get('deps').db, actorOf(c));
    c.header('Content-Disposition', `attachment; filename="skolebro-mine-data-${data.generatedAt.slice(0, 10)}.json"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(JSON.stringify(data, null, 2), 200, { 'Content-Type': 'application/json; charset=utf-8' });
  })
  .get(myDataPaths.pdf, async (c) => {
    const data = await collectMyData(c.get('deps').db, actorOf(c));
    const locale = c.get('locale');
    const pdf = await renderMyDataPdf(data, myDataText[locale], locale, formatDate(new Date()));
    c.header('Content-Disposition', `attachment; filename="skolebro-mine-data-${data.generatedAt.slice(0, 10)}.pdf"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf' });
  });
