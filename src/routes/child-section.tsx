import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../app-env.ts';
import type { GuardianChild } from '../domain/guardian/child.ts';
import { ChildLayout, type ChildSection } from '../views/children/child.tsx';
import { isPartialRequest, pageContext, render } from './render.tsx';

/**
 * Renders one section of the child page: the whole page (layout + child frame + section) normally; for
 * htmx, only the section when a form swaps #child-section, or the frame (nav + section) when a tab is
 * clicked (#child-frame, so aria-current follows). Same URL, same data.
 */
export function renderChildSection(
  c: Context<AppEnv>,
  child: GuardianChild,
  section: ChildSection,
  content: JSX.Element,
  status: ContentfulStatusCode = 200,
) {
  const title = `${c.get('t').child[section]} – ${child.givenName}`;
  if (isPartialRequest(c) && c.req.header('hx-target')?.endsWith('#child-section')) {
    c.header('Vary', 'HX-Request');
    return c.html(content, status);
  }
  return render(
    c,
    title,
    <ChildLayout page={pageContext(c)} child={child} current={section}>
      {content}
    </ChildLayout>,
    status,
  );
}
