import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { FrontPage } from '../views/pages/front.tsx';
import { TextPage } from '../views/pages/text-page.tsx';
import { pagePaths } from '../paths/pages.ts';
import { pageContext, render } from './render.tsx';

export const pages = new Hono<AppEnv>()
  .get(pagePaths.front, (c) => render(c, c.get('t').front.title, <FrontPage page={pageContext(c)} />))
  .get(pagePaths.accessibility, (c) => {
    const t = c.get('t').accessibility;
    return render(c, t.title, <TextPage title={t.title} body={t.body} />);
  })
  .get(pagePaths.privacy, (c) => {
    const t = c.get('t').privacy;
    return render(c, t.title, <TextPage title={t.title} body={t.body} />);
  });
