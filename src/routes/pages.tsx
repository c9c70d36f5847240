import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { accessibilityText } from '../i18n/accessibility.ts';
import { FrontPage } from '../views/pages/front.tsx';
import { AccessibilityPage } from '../views/pages/accessibility.tsx';
import { pagePaths } from '../paths/pages.ts';
import { pageContext, render } from './render.tsx';

/** The public pages: the front page and the accessibility statement (the privacy statements: privacy-statements.tsx). */
export const pages = new Hono<AppEnv>()
  .get(pagePaths.front, (c) => render(c, c.get('t').front.title, <FrontPage page={pageContext(c)} />))
  .get(pagePaths.accessibility, (c) =>
    render(c, accessibilityText[c.get('locale')].title, <AccessibilityPage page={pageContext(c)} />),
  );
