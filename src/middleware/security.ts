import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../app-env.ts';

/**
 * Secure headers with a CSP that allows no inline script or style and no framing.
 */
export function securityHeaders(options: { https: boolean; formActionOrigins: string[] }) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      // Logout posts to us and we redirect to the IdP's end-session endpoint: browsers check form-action on that redirect.
      formAction: ["'self'", ...options.formActionOrigins],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    strictTransportSecurity: options.https ? 'max-age=31536000; includeSubDomains' : false,
    referrerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
    xFrameOptions: false, // CSP frame-ancestors decides; the front-channel logout route sets its own
    overwrite: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: a state-changing request must come from our own pages. Browsers send Sec-Fetch-Site
 * (and Origin) on form posts and fetch; without Sec-Fetch-Site we require a matching Origin.
 */
export function csrfProtection(options: { trustedOrigins: string[]; exempt?: (path: string) => boolean }) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || options.exempt?.(c.req.path)) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const allowed =
      site !== undefined
        ? site === 'same-origin'
        : origin !== undefined && (origin === new URL(c.req.url).origin || options.trustedOrigins.includes(origin));
    if (!allowed) throw new HTTPException(403, { message: 'csrf' });
    return next();
  });
}
