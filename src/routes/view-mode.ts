import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.ts';
import { canUseStaffView } from '../domain/access/policy.ts';
import { VIEW_COOKIE, type ViewMode } from '../paths/mobile.ts';

/** The headers the choice of view reads: a response that depends on it names them in Vary. */
export const VIEW_VARY = 'Cookie, Sec-CH-UA-Mobile, User-Agent';

/**
 * The view this browser asked for (issue 14, item 2): the remembered choice, else a phone's (the client hint
 * `Sec-CH-UA-Mobile: ?1`, or a mobile user agent) gets the mobile view. Always undoable by the switch link.
 */
export function viewModeOf(c: Context<AppEnv>): ViewMode {
  const chosen = getCookie(c, VIEW_COOKIE);
  if (chosen === 'mobile' || chosen === 'full') return chosen;
  if (c.req.header('sec-ch-ua-mobile') === '?1') return 'mobile';
  return /Mobi|Android/.test(c.req.header('user-agent') ?? '') ? 'mobile' : 'full';
}

/** Staff (Feide, with a role today) get "Skolebro – Ansatt"; guardians and pupils never do. */
export function isStaff(c: Context<AppEnv>): boolean {
  const actor = c.get('actor');
  return actor ? canUseStaffView(actor) : false;
}

/** This request is for the staff's mobile view. */
export const isMobileStaff = (c: Context<AppEnv>): boolean => isStaff(c) && viewModeOf(c) === 'mobile';
