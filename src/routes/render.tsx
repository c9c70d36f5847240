import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../app-env.ts';
import { Layout } from '../views/layout.tsx';
import type { PageContext } from '../views/page-context.ts';

export function pageContext(c: Context<AppEnv>): PageContext {
  const actor = c.get('actor');
  return {
    locale: c.get('locale'),
    t: c.get('t'),
    path: c.req.path,
    assets: c.get('assets'),
    userName: actor ? `${actor.givenName} ${actor.familyName}` : undefined,
    isGuardian: actor?.via === 'idporten',
    staffRoles: actor?.via === 'feide' ? [...new Set(actor.staff.map((g) => g.role))] : [],
    devTools: !!actor && c.get('deps').config.env !== 'production',
  };
}

/** htmx asks for a fragment with HX-Request; history restores and JS-off browsers get the full page. */
export function isPartialRequest(c: Context<AppEnv>): boolean {
  return c.req.header('hx-request') === 'true' && c.req.header('hx-request-type') !== 'full';
}

/** One URL, one view: the full page normally, only the content for an htmx partial request. */
export function render(c: Context<AppEnv>, title: string, body: JSX.Element, status: ContentfulStatusCode = 200) {
  c.header('Vary', 'HX-Request');
  if (isPartialRequest(c)) return c.html(body, status);
  return c.html(
    <Layout page={pageContext(c)} title={title}>
      {body}
    </Layout>,
    status,
  );
}
