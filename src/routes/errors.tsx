import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../app-env.ts';
import { isConnectionLost } from '../db/connection-lost.ts';
import { ForbiddenError, NotFoundError } from '../domain/errors.ts';
import { connectionLostText } from '../i18n/connection-lost.ts';
import { DEFAULT_LOCALE, messages } from '../i18n/index.ts';
import { ConnectionLostPage, type SubmittedForm } from '../views/errors/connection-lost.tsx';
import { ErrorPage, type ErrorStatus } from '../views/errors/page.tsx';
import { safeLocalPath } from '../paths/safe.ts';
import { readForm } from './form-body.ts';
import { pageContext, render } from './render.tsx';

const KNOWN: ErrorStatus[] = [400, 403, 404, 405, 422, 429, 500, 503];

function ensureLocale(c: Context<AppEnv>) {
  if (!c.get('t')) {
    c.set('locale', DEFAULT_LOCALE);
    c.set('t', messages(DEFAULT_LOCALE));
  }
}

function renderError(c: Context<AppEnv>, status: ErrorStatus, detail?: string) {
  ensureLocale(c);
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
  if (isConnectionLost(error)) return connectionLost(error, c);
  (deps?.log ?? console.error)({ level: 'error', path: c.req.path, error: error.stack ?? String(error) });
  const detail = deps?.config.env === 'development' ? error.stack : undefined;
  return renderError(c, 500, detail);
}

/**
 * The database connection was lost mid-request (issue 17, item 1): only this request fails. The server rolled its
 * transaction back, so nothing was saved; the page says so, shows a form's text and offers to send it again. 503 and
 * no-store: a retry must reach the server, never a cache.
 */
async function connectionLost(error: Error, c: Context<AppEnv>) {
  ensureLocale(c);
  const deps = c.get('deps');
  (deps?.log ?? console.error)({
    level: 'warn',
    path: c.req.path,
    msg: 'database connection lost',
    error: error.message,
  });
  const url = new URL(c.req.url);
  const here = safeLocalPath(`${url.pathname}${url.search}`);
  const form = c.req.method === 'POST' ? await submittedForm(c, here) : undefined;
  const t = connectionLostText[c.get('locale')];
  c.header('Cache-Control', 'no-store');
  c.header('Retry-After', '5');
  return render(
    c,
    form ? t.titleSend : t.titleShow,
    <ConnectionLostPage page={pageContext(c)} form={form} retryPath={here} />,
    503,
  );
}

/** The form as posted (Hono keeps the parsed body, so a handler that read it already does not lose it). */
async function submittedForm(c: Context<AppEnv>, action: string): Promise<SubmittedForm> {
  const fields: SubmittedForm['fields'] = [];
  let hadFiles = false;
  try {
    for (const [name, values] of Object.entries(await readForm(c, { all: true })))
      for (const value of Array.isArray(values) ? values : [values]) {
        if (typeof value === 'string') fields.push([name, value]);
        else hadFiles = true;
      }
  } catch {
    // not a form body (or unreadable): the retry sends the request without fields
  }
  return { action, fields, hadFiles };
}
