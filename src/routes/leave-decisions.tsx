import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { decideLeave, type DecisionConflict } from '../domain/leave/decide.ts';
import { findLeaveApplicationForDecision, listLeaveQueue, QUEUE_PAGE_SIZE } from '../domain/leave/queue.ts';
import { downloadVedtak } from '../domain/leave/vedtak.ts';
import { leaveDecisionText } from '../i18n/leave-decision.ts';
import { actorOf } from '../middleware/session.ts';
import type { DecisionFormState } from '../views/leave/decision-form.tsx';
import { DecisionPage, decisionPageTitle } from '../views/leave/decision-page.tsx';
import { leaveDecisionPaths } from '../paths/leave-decisions.ts';
import { DecisionQueuePage } from '../views/leave/decision-queue.tsx';
import { nowOf, todayOf } from './clock.ts';
import { idParam } from './params.ts';
import { isPartialRequest, pageContext, render } from './render.tsx';
import { sendDocument } from './send-document.ts';

const PageQuery = v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.minValue(1));
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The application page: the same view for a GET, a 422 (form with values and errors) and htmx swaps. */
async function showApplication(c: Context<AppEnv>, id: number, state: { form?: DecisionFormState; notice?: 'decided' | DecisionConflict } = {}, status: ContentfulStatusCode = 200) {
  const view = await findLeaveApplicationForDecision(c.get('deps').db, actorOf(c), id, todayOf(c));
  const page = pageContext(c);
  return render(c, decisionPageTitle(page, view), <DecisionPage page={page} view={view} {...state} />, status);
}

/** S8: the leadership's queue of leave applications and the decision (vedtak). Anyone else gets 404. */
export const leaveDecisionRoutes = new Hono<AppEnv>()
  .get('/leave-applications', async (c) => {
    const parsed = v.safeParse(PageQuery, c.req.query('page') ?? '1');
    const pageNumber = parsed.success ? parsed.output : 1;
    const queue = await listLeaveQueue(c.get('deps').db, actorOf(c), { limit: QUEUE_PAGE_SIZE, offset: (pageNumber - 1) * QUEUE_PAGE_SIZE }, todayOf(c));
    return render(c, leaveDecisionText[c.get('locale')].queueTitle, <DecisionQueuePage page={pageContext(c)} queue={queue} />);
  })
  .get('/leave-applications/:id', (c) => showApplication(c, idParam(c.req.param('id')), { notice: c.req.query('decided') === '1' ? 'decided' : undefined }))
  .post('/leave-applications/:id/decision', async (c) => {
    const id = idParam(c.req.param('id'));
    const body = await c.req.parseBody();
    const input = { outcome: text(body.outcome), grantedFrom: text(body.granted_from), grantedTo: text(body.granted_to), reasons: text(body.reasons) };
    const result = await decideLeave(c.get('deps').db, actorOf(c), id, input, nowOf(c));
    if (result.kind === 'invalid') return showApplication(c, id, { form: { input, errors: result.errors } }, 422);
    if (result.kind === 'conflict') return showApplication(c, id, { notice: result.conflict }, 409);
    if (isPartialRequest(c)) return showApplication(c, id, { notice: 'decided' });
    return c.redirect(leaveDecisionPaths.decided(id), 303);
  })
  .get('/leave-applications/:id/vedtak/:documentId', async (c) => {
    const doc = await downloadVedtak(c.get('deps').db, actorOf(c), idParam(c.req.param('id')), idParam(c.req.param('documentId')), todayOf(c), nowOf(c));
    return sendDocument(c, doc);
  });
