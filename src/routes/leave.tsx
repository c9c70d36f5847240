import { readForm } from './form-body.ts';
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { answerConfirmation } from '../domain/applications/confirm.ts';
import { withdrawApplication } from '../domain/applications/withdraw.ts';
import { requireGuardianChild, type GuardianChild } from '../domain/guardian/child.ts';
import { applyForLeave } from '../domain/leave/apply.ts';
import { previewLeaveLimit } from '../domain/leave/limits.ts';
import { leaveFormFacts, listLeaveApplications } from '../domain/leave/list.ts';
import { leaveText } from '../i18n/leave.ts';
import { actorOf } from '../middleware/session.ts';
import { emptyLeaveForm, LeaveFormSection, type LeaveFormState } from '../views/leave/guardian-form.tsx';
import { SchoolDaysStatus } from '../views/leave/guardian-limit.tsx';
import { LEAVE_NOTICES, LeaveListSection, type LeaveListState } from '../views/leave/guardian-list.tsx';
import { leavePaths } from '../paths/leave.ts';
import { renderChildSection } from './child-section.tsx';
import { nowOf, todayOf } from './clock.ts';
import { idParam } from './params.ts';
import { isPartialRequest, pageContext } from './render.tsx';

const AnswerForm = v.object({ answer: v.picklist(['confirmed', 'declined']) });
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const t = (c: Context<AppEnv>) => leaveText[c.get('locale')];

const guardianChild = (c: Context<AppEnv>) =>
  requireGuardianChild(c.get('deps').db, actorOf(c), idParam(c.req.param('id') ?? ''), todayOf(c));

/** The receipt asked for by the query (`?sent=12`, `?answered=12`, `?withdrawn=12`). */
function noticeOf(c: Context<AppEnv>): LeaveListState['notice'] {
  for (const kind of LEAVE_NOTICES) {
    const id = idParam(c.req.query(kind) ?? '');
    if (id) return { kind, applicationId: id };
  }
  return undefined;
}

async function listSection(
  c: Context<AppEnv>,
  child: GuardianChild,
  state: LeaveListState,
  status: 200 | 400 | 409 = 200,
) {
  const actor = actorOf(c);
  const overview = await listLeaveApplications(c.get('deps').db, actor, child, todayOf(c));
  // After a change htmx follows the redirect; the address bar shows the list, not the form or the receipt query.
  if (isPartialRequest(c)) c.header('HX-Push-Url', leavePaths.child(child.pupilId));
  const body = (
    <LeaveListSection page={pageContext(c)} child={child} overview={overview} state={state} actorId={actor.personId} />
  );
  return renderChildSection(c, child, 'leave', body, status);
}

async function formSection(c: Context<AppEnv>, child: GuardianChild, state: LeaveFormState, status: 200 | 422 = 200) {
  const facts = await leaveFormFacts(c.get('deps').db, actorOf(c), child);
  return renderChildSection(
    c,
    child,
    'leave',
    <LeaveFormSection page={pageContext(c)} child={child} facts={facts} state={state} />,
    status,
  );
}

/** G7: leave applications by guardians, and the other guardian's confirmation. Staff and other families: 404. */
export const leaveRoutes = new Hono<AppEnv>()
  .get('/children/:id/leave', async (c) => listSection(c, await guardianChild(c), { notice: noticeOf(c) }))
  .get('/children/:id/leave/new', async (c) => formSection(c, await guardianChild(c), emptyLeaveForm))
  .get('/children/:id/leave/new/school-days', async (c) => {
    const child = await guardianChild(c);
    const limit = await previewLeaveLimit(
      c.get('deps').db,
      child,
      c.req.query('from') ?? '',
      c.req.query('to') ?? '',
      todayOf(c),
    );
    c.header('Vary', 'HX-Request');
    return c.html(<SchoolDaysStatus t={t(c)} limit={limit} />);
  })
  .post('/children/:id/leave-applications', async (c) => {
    const child = await guardianChild(c);
    const body = await readForm(c);
    const input = {
      reason: text(body.reason),
      from: text(body.from),
      to: text(body.to),
      justification: text(body.justification),
      rulesRead: body.rules_read === 'yes',
      overLimitOk: body.over_limit_ok === 'yes',
    };
    const result = await applyForLeave(c.get('deps').db, actorOf(c), child, input, nowOf(c));
    if (!result.ok) return formSection(c, child, { input, errors: result.errors, limit: result.limit }, 422);
    return c.redirect(leavePaths.notice(child.pupilId, 'sent', result.applicationId), 303);
  })
  .post('/children/:id/leave-applications/:appId/confirmation', async (c) => {
    const child = await guardianChild(c);
    const appId = idParam(c.req.param('appId'));
    const form = v.safeParse(AnswerForm, await readForm(c));
    if (!form.success) return listSection(c, child, {}, 400);
    const result = await answerConfirmation(
      c.get('deps').db,
      'leave',
      actorOf(c),
      child,
      appId,
      form.output.answer,
      nowOf(c),
    );
    if (!result.ok) return listSection(c, child, { alert: t(c).closed }, 409);
    return c.redirect(leavePaths.notice(child.pupilId, 'answered', appId), 303);
  })
  .post('/children/:id/leave-applications/:appId/withdrawal', async (c) => {
    const child = await guardianChild(c);
    const appId = idParam(c.req.param('appId'));
    const result = await withdrawApplication(c.get('deps').db, 'leave', actorOf(c), child, appId, nowOf(c));
    if (!result.ok) return listSection(c, child, { alert: t(c).notWithdrawable }, 409);
    return c.redirect(leavePaths.notice(child.pupilId, 'withdrawn', appId), 303);
  });
