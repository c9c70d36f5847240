import { readForm } from './form-body.ts';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../app-env.ts';
import { decideApplication, type DecisionInput } from '../domain/applications/decide.ts';
import { isApplicationKind } from '../domain/applications/kinds.ts';
import { findApplicationForDecision, listApplicationQueue, QUEUE_PAGE_SIZE } from '../domain/applications/queue.ts';
import type { DecisionConflict } from '../domain/applications/status.ts';
import { downloadVedtak } from '../domain/applications/vedtak.ts';
import { pageNumber } from '../domain/paging.ts';
import { actorOf } from '../middleware/session.ts';
import { applicationPaths } from '../paths/applications.ts';
import type { DecisionFormState } from '../views/applications/kind-view.ts';
import { ApplicationPageView, applicationPageTitle } from '../views/applications/page.tsx';
import { ApplicationQueuePage, queueTitle } from '../views/applications/queue.tsx';
import { nowOf, todayOf } from './clock.ts';
import { idParam } from './params.ts';
import { isPartialRequest, pageContext, render } from './render.tsx';
import { sendDocument } from './send-document.ts';

/** The decision form's fields: outcome, reasons, and the kind's own (form names in snake_case → camelCase keys). */
function decisionInput(body: Record<string, unknown>): DecisionInput {
  const fields = Object.entries(body).flatMap(([name, value]) =>
    typeof value === 'string' ? [[name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), value]] : [],
  );
  return {
    ...Object.fromEntries(fields),
    outcome: typeof body.outcome === 'string' ? body.outcome : '',
    reasons: typeof body.reasons === 'string' ? body.reasons : '',
  };
}

/** The application page: the same view for a GET, a 422 (form with values and errors) and htmx swaps. */
async function showApplication(
  c: Context<AppEnv>,
  id: number,
  state: { form?: DecisionFormState; notice?: 'decided' | DecisionConflict } = {},
  status: ContentfulStatusCode = 200,
) {
  // a GET is a read of the application (audited); the re-render after a decision is not
  const view = await findApplicationForDecision(c.get('deps').db, actorOf(c), id, todayOf(c), {
    recordView: c.req.method === 'GET',
  });
  const page = pageContext(c);
  return render(
    c,
    applicationPageTitle(page, view),
    <ApplicationPageView page={page} view={view} {...state} />,
    status,
  );
}

/** The query string of a request, to carry over to where an old URL now lives. */
const queryOf = (c: Context<AppEnv>) => new URL(c.req.url).search;

/**
 * S8: one decision queue for every application kind the actor decides (`?kind=` filters; an unknown kind shows
 * every kind), an application with its kind's decision form, the decision (vedtak) and its letters. Anyone who
 * decides nothing gets 404. The old leave URLs (in sent notifications and letters) redirect here.
 */
export const applicationRoutes = new Hono<AppEnv>()
  .get('/applications', async (c) => {
    const kind = c.req.query('kind');
    const page = pageNumber(c.req.query('page'));
    const queue = await listApplicationQueue(
      c.get('deps').db,
      actorOf(c),
      {
        kind: isApplicationKind(kind) ? kind : null,
        limit: QUEUE_PAGE_SIZE,
        offset: (page - 1) * QUEUE_PAGE_SIZE,
      },
      todayOf(c),
    );
    return render(c, queueTitle(c.get('locale'), queue), <ApplicationQueuePage page={pageContext(c)} queue={queue} />);
  })
  .get('/applications/:id', (c) =>
    showApplication(c, idParam(c.req.param('id')), { notice: c.req.query('decided') === '1' ? 'decided' : undefined }),
  )
  .post('/applications/:id/decision', async (c) => {
    const id = idParam(c.req.param('id'));
    const input = decisionInput(await readForm(c));
    const result = await decideApplication(c.get('deps').db, actorOf(c), id, input, nowOf(c));
    if (!result.ok && 'errors' in result)
      return showApplication(c, id, { form: { input, errors: result.errors } }, 422);
    if (!result.ok) return showApplication(c, id, { notice: result.reason }, 409);
    if (isPartialRequest(c)) return showApplication(c, id, { notice: 'decided' });
    return c.redirect(applicationPaths.decided(id), 303);
  })
  .get('/applications/:id/vedtak/:documentId', async (c) => {
    const doc = await downloadVedtak(
      c.get('deps').db,
      actorOf(c),
      idParam(c.req.param('id')),
      idParam(c.req.param('documentId')),
      todayOf(c),
      nowOf(c),
    );
    return sendDocument(c, doc);
  })
  .get('/leave-applications', (c) => {
    const page = pageNumber(c.req.query('page'));
    return c.redirect(applicationPaths.queue({ kind: 'leave', page }), 301);
  })
  .get('/leave-applications/:id', (c) =>
    c.redirect(`${applicationPaths.application(idParam(c.req.param('id')))}${queryOf(c)}`, 301),
  )
  .get('/leave-applications/:id/vedtak/:documentId', (c) =>
    c.redirect(applicationPaths.vedtak(idParam(c.req.param('id')), idParam(c.req.param('documentId'))), 301),
  );
