import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../app-env.ts';
import { careUnitsFor, type CareUnitInfo } from '../domain/access/care-scope.ts';
import { homePaths } from '../paths/home.ts';
import { hasMobileVersion, mobilePaths } from '../paths/mobile.ts';
import { Layout } from '../views/layout.tsx';
import { MobileLayout, type CareTab } from '../views/mobile/layout.tsx';
import type { PageContext } from '../views/page-context.ts';
import { isStaff, VIEW_VARY, viewModeOf } from './view-mode.ts';

export function pageContext(c: Context<AppEnv>): PageContext {
  const actor = c.get('actor');
  const url = new URL(c.req.url);
  const here = `${url.pathname}${url.search}`;
  return {
    locale: c.get('locale'),
    t: c.get('t'),
    path: c.req.path,
    here,
    assets: c.get('assets'),
    userName: actor ? `${actor.givenName} ${actor.familyName}` : undefined,
    isGuardian: actor?.via === 'idporten',
    isPupil: actor?.via === 'feide' && actor.isPupil,
    staffRoles: actor?.via === 'feide' ? [...new Set(actor.staff.map((g) => g.role))] : [],
    mobileSwitch: isStaff(c)
      ? mobilePaths.choose('mobile', hasMobileVersion(c.req.path) ? here : homePaths.start)
      : undefined,
    devTools: !!actor && c.get('deps').config.env !== 'production',
  };
}

/** htmx asks for a fragment with HX-Request; history restores and JS-off browsers get the full page. */
export function isPartialRequest(c: Context<AppEnv>): boolean {
  return c.req.header('hx-request') === 'true' && c.req.header('hx-request-type') !== 'full';
}

/** Staff on a page that exists in both views, in the mobile one ("Skolebro – Ansatt", issue 14). */
export const wantsMobileShell = (c: Context<AppEnv>): boolean =>
  isStaff(c) && hasMobileVersion(c.req.path) && viewModeOf(c) === 'mobile';

/** The mobile view's care tab: the person's board (the /care page goes straight to a single one). */
function careTab(units: CareUnitInfo[]): CareTab {
  if (units.length === 0) return null;
  return { href: '/care', kind: units.some((u) => u.kind === 'sfo') ? 'sfo' : 'kindergarten' };
}

/**
 * One URL, one view: the full page normally, only the content for an htmx partial request. For staff on a page that
 * exists in both views, the layout follows the chosen view (so the response varies with the cookie and the phone
 * hints, as does a page that reads the view itself: `viewVaries`); `careUnits`, when the handler has them, spare the mobile shell its question for the care tab.
 */
export async function render(
  c: Context<AppEnv>,
  title: string,
  body: JSX.Element,
  status: ContentfulStatusCode = 200,
  shell: { careUnits?: CareUnitInfo[]; viewVaries?: boolean } = {},
) {
  const both = isStaff(c) && hasMobileVersion(c.req.path);
  c.header('Vary', both || shell.viewVaries ? `HX-Request, ${VIEW_VARY}` : 'HX-Request');
  if (isPartialRequest(c)) return c.html(body, status);
  if (both && viewModeOf(c) === 'mobile') {
    const units = shell.careUnits ?? (await careUnitsFor(c.get('deps').db, c.get('actor')!));
    return c.html(
      <MobileLayout page={pageContext(c)} title={title} care={careTab(units)}>
        {body}
      </MobileLayout>,
      status,
    );
  }
  return c.html(
    <Layout page={pageContext(c)} title={title}>
      {body}
    </Layout>,
    status,
  );
}
