import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { FrontPage } from '../views/pages/front.tsx';
import { TextPage } from '../views/pages/text-page.tsx';
import { paths } from '../views/urls.ts';
import { pageContext, render } from './render.tsx';

export const pages = new Hono<AppEnv>()
  .get(paths.home, (c) => render(c, c.get('t').front.title, <FrontPage page={pageContext(c)} />))
  .get(paths.accessibility, (c) => {
    const t = c.get('t').accessibility;
    return render(c, t.title, <TextPage title={t.title} body={t.body} />);
  })
  .get(paths.privacy, (c) => {
    const t = c.get('t').privacy;
    return render(c, t.title, <TextPage title={t.title} body={t.body} />);
  });
