import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { NotFoundError } from '../domain/errors.ts';

/**
 * The development tools under /dev (the dev SMS, e-mail and digital-post mailboxes) do not exist in production:
 * a 404 for everyone. Installed in app.ts before the login guard, so anonymous visitors get the 404 too.
 */
export const developmentOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('deps').config.env === 'production') throw new NotFoundError();
  await next();
});
