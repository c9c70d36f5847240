import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../app-env.ts';
import { ForbiddenError, NotFoundError } from '../domain/errors.ts';
import { DEFAULT_LOCALE, messages } from '../i18n/index.ts';
import { ErrorPage, type ErrorStatus } from '../views/errors/page.tsx';
import { pageContext, render } from './render.tsx';

const KNOWN: ErrorStatus[] = [400, 403, 404, 405, 422, 429, 500, 503];

function renderError(c: Context<AppEnv>, status: ErrorStatus, detail?: string) {
  if (!c.get('t')) {
    c.set('locale', DEFAULT_LOCALE);
    c.set('t', messages(DEFAULT_LOCALE));
  }
  const page = pageContext(c);
  return render(c, page.t.errors.title[status], <ErrorPage page={page} status={status} detail={detail} />, status);
}

export function notFound(c: Context<AppEnv>) {
  return renderError(c, 404);
}

/** The one error handler: domain errors and HTTP exceptions become pages; anything else is a logged 500. */
export function onError(error: Error, c: Context<AppEnv>) {
  if (error instanceof NotFoundError) return renderError(c, 404);
  if (error instanceof ForbiddenError) return renderError(c, 403);
  if (error instanceof HTTPException) {
    const status = (KNOWN as number[]).includes(error.status) ? (error.status as ErrorStatus) : 400;
    if (error.message === 'csrf') return renderError(c, 403, c.get('t')?.errors.csrf);
    return renderError(c, status);
  }
  const deps = c.get('deps');
  (deps?.log ?? console.error)({ level: 'error', path: c.req.path, error: error.stack ?? String(error) });
  const detail = deps?.config.env === 'development' ? error.stack : undefined;
  return renderError(c, 500, detail);
}
