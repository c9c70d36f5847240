import type { ValidSession } from './sessions.ts';

/**
 * Step-up (issue 19, item 7): a session made from a remembered device ("Husk meg") reads and reports absence, but the
 * sensitive pages need a fresh ID-porten login first — consents (the child's and the general one), applications
 * (leave and SFO, with reduced payment's income), documents (vedtak letters), My data and the contact card. Every
 * method and every fragment under these paths counts, so no htmx request slips past the page it belongs to.
 */
const SENSITIVE_PATHS: readonly RegExp[] = [
  /^\/consent(\/|$)/,
  /^\/children\/[^/]+\/consents(\/|$)/,
  /^\/children\/[^/]+\/leave(\/|$)/,
  /^\/children\/[^/]+\/leave-applications(\/|$)/,
  /^\/children\/[^/]+\/sfo(\/|$)/,
  /^\/children\/[^/]+\/sfo-applications(\/|$)/,
  /^\/children\/[^/]+\/documents(\/|$)/,
  /^\/documents(\/|$)/,
  /^\/me\/data(\/|\.|$)/,
  /^\/me\/contact(\/|$)/,
];

export const isSensitivePath = (path: string): boolean => SENSITIVE_PATHS.some((pattern) => pattern.test(path));

/** Whether this request must first go through a fresh login: a device-made session on a sensitive path. */
export const needsFreshLogin = (session: ValidSession | null, path: string): boolean =>
  session !== null && session.deviceSessionId !== null && isSensitivePath(path);
