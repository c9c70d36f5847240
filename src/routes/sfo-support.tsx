import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as v from 'valibot';
import { answerConfirmation } from '../domain/applications/confirm.ts';
import type { AppEnv } from '../app-env.ts';
import { requireGuardianChild, requireSfoChild, type GuardianChild } from '../domain/guardian/child.ts';
import { endReduction, freeSfoCandidates, listCurrentReductions, recordFreeSfo } from '../domain/sfo/reductions.ts';
import {
  applyForReducedPayment,
  downloadReducedPaymentAttachment,
  listReducedPaymentApplications,
  reducedPaymentFacts,
  type UploadedPdf,
} from '../domain/sfo/reduced-payment-apply.ts';
import {
  answerSummer,
  defaultSummerYear,
  loadSummerPeriod,
  saveSummerPeriod,
  sendSummerRegistration,
  summerCounts,
  summerForChild,
  type SummerAnswerInput,
} from '../domain/sfo/summer.ts';
import { requireSfo, type SfoInfo } from '../domain/sfo/units.ts';
import { NotFoundError } from '../domain/errors.ts';
import { sfoSupportText } from '../i18n/sfo-support.ts';
import { actorOf } from '../middleware/session.ts';
import { sfoSupportPaths, type ReducedPaymentNotice } from '../paths/sfo-support.ts';
import { ReductionsPage, type FreeSfoFormState } from '../views/sfo/reductions.tsx';
import {
  emptyReducedPaymentForm,
  ReducedPaymentPage,
  type ReducedPaymentFormState,
} from '../views/sfo/reduced-payment.tsx';
import { ChildSummerPage, type SummerAnswerState } from '../views/sfo/summer-guardian.tsx';
import { SummerLeaderPage, summerFormOf, type SummerFormState } from '../views/sfo/summer-leader.tsx';
import { nowOf, todayOf } from './clock.ts';
import { readForm, type FormBodyAll } from './form-body.ts';
import { idParam } from './params.ts';
import { isPartialRequest, pageContext, render } from './render.tsx';
import { sendDocument } from './send-document.ts';

const MAX_REQUEST_BYTES = 12 * 1024 * 1024;
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const t = (c: Context<AppEnv>) => sfoSupportText[c.get('locale')];
const db = (c: Context<AppEnv>) => c.get('deps').db;

const guardianChild = (c: Context<AppEnv>) =>
  requireGuardianChild(db(c), actorOf(c), idParam(c.req.param('id') ?? ''), todayOf(c));
/** The summer SFO also reaches a skolestarter (the registration goes to children starting 1. trinn in August). */
const summerChild = (c: Context<AppEnv>) =>
  requireSfoChild(db(c), actorOf(c), idParam(c.req.param('id') ?? ''), todayOf(c));
const sfoOf = (c: Context<AppEnv>) => requireSfo(db(c), actorOf(c), idParam(c.req.param('id') ?? ''), 'run');

/** The posted file, if one was chosen (an empty file input sends a nameless, empty part). */
async function uploaded(value: unknown): Promise<UploadedPdf | null> {
  if (!(value instanceof File) || (value.name === '' && value.size === 0)) return null;
  return { filename: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
}

const REDUCED_NOTICES = ['sent', 'waiting', 'confirmed', 'declined'] as const satisfies readonly ReducedPaymentNotice[];
const AnswerForm = v.object({ answer: v.picklist(['confirmed', 'declined']) });

async function reducedPage(
  c: Context<AppEnv>,
  child: GuardianChild,
  state?: ReducedPaymentFormState,
  status: 200 | 400 | 409 | 422 = 200,
  alert?: string,
) {
  const facts = await reducedPaymentFacts(db(c), child, todayOf(c));
  const list = await listReducedPaymentApplications(db(c), actorOf(c), child);
  const notice = REDUCED_NOTICES.find((n) => c.req.query(n) === '1');
  return render(
    c,
    t(c).reduced.title,
    <ReducedPaymentPage
      page={pageContext(c)}
      child={child}
      facts={facts}
      list={list}
      state={state ?? emptyReducedPaymentForm(facts)}
      notice={status === 200 ? notice : undefined}
      alert={alert}
    />,
    status,
  );
}

async function childSummerPage(
  c: Context<AppEnv>,
  child: GuardianChild,
  state: SummerAnswerState,
  status: 200 | 409 | 422 = 200,
) {
  const summer = await summerForChild(db(c), child, todayOf(c));
  if (isPartialRequest(c)) c.header('HX-Push-Url', sfoSupportPaths.childSummer(child.pupilId));
  return render(
    c,
    t(c).summerGuardian.title,
    <ChildSummerPage page={pageContext(c)} child={child} summer={summer} today={todayOf(c)} state={state} />,
    status,
  );
}

/** `?year=2027` (a plausible year) or the coming summer. */
function yearOf(c: Context<AppEnv>, value?: string): number {
  const raw = value ?? c.req.query('year') ?? '';
  if (!raw) return defaultSummerYear(todayOf(c));
  if (!/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > 2100) throw new NotFoundError();
  return Number(raw);
}

async function summerPage(
  c: Context<AppEnv>,
  sfo: SfoInfo,
  year: number,
  state?: SummerFormState,
  status: 200 | 422 = 200,
) {
  const period = await loadSummerPeriod(db(c), sfo.sfoId, year);
  const counts = period ? await summerCounts(db(c), period) : null;
  const saved = Number(c.req.query('saved') ?? '');
  const sent = c.req.query('sent');
  const notice =
    status !== 200
      ? undefined
      : sent !== undefined
        ? { kind: 'sent' as const, count: Number(sent) || 0 }
        : saved
          ? { kind: 'saved' as const, count: 0 }
          : undefined;
  return render(
    c,
    t(c).summer.title.replace('{sfo}', sfo.name),
    <SummerLeaderPage
      page={pageContext(c)}
      sfo={sfo}
      year={year}
      period={period}
      state={state ?? summerFormOf(period)}
      counts={counts}
      notice={notice}
    />,
    status,
  );
}

function pageNumberOf(value: string | undefined): number {
  return /^\d{1,4}$/.test(value ?? '') && Number(value) >= 1 ? Number(value) : 1;
}

async function reductionsPage(c: Context<AppEnv>, sfo: SfoInfo, state?: FreeSfoFormState, status: 200 | 422 = 200) {
  const pageNumber = pageNumberOf(c.req.query('page'));
  const list = await listCurrentReductions(db(c), sfo, todayOf(c), pageNumber);
  const candidates = await freeSfoCandidates(db(c), sfo, todayOf(c));
  const notice = c.req.query('recorded') ? 'recorded' : c.req.query('ended') ? 'ended' : undefined;
  return render(
    c,
    t(c).reductions.title.replace('{sfo}', sfo.name),
    <ReductionsPage
      page={pageContext(c)}
      sfo={sfo}
      list={list}
      pageNumber={pageNumber}
      candidates={candidates}
      state={state ?? { input: { pupilId: '', reason: '' }, errors: {} }}
      notice={status === 200 ? notice : undefined}
    />,
    status,
  );
}

/** The days ticked per week from `w_<monday>` check boxes. */
function answersOf(body: FormBodyAll): SummerAnswerInput {
  const input: SummerAnswerInput = {};
  for (const [name, value] of Object.entries(body)) {
    const match = /^w_(\d{4}-\d{2}-\d{2})$/.exec(name);
    if (!match) continue;
    const values = (Array.isArray(value) ? value : [value]).map(text);
    input[match[1]!] = values.map((v) => (/^[1-7]$/.test(v) ? Number(v) : 0));
  }
  return input;
}

/**
 * SFO support (issue 12): reduced payment (G9) and summer SFO (G10) for guardians; free SFO and summer SFO for the
 * SFO's leader and the school's leadership (S9). Anyone else: 404.
 */
export const sfoSupportRoutes = new Hono<AppEnv>()
  .get('/children/:id/sfo/reduced-payment', async (c) => reducedPage(c, await guardianChild(c)))
  .post(
    '/children/:id/sfo/reduced-payment',
    bodyLimit({ maxSize: MAX_REQUEST_BYTES, onError: (c) => c.text('Payload Too Large', 413) }),
    async (c) => {
      const child = await guardianChild(c);
      const body = await readForm(c);
      const input = {
        schoolYearId: text(body.school_year_id),
        householdMembers: text(body.household_members),
        householdSize: text(body.household_size),
        grossIncome: text(body.gross_income),
      };
      const file = await uploaded(body.attachment);
      const result = await applyForReducedPayment(db(c), actorOf(c), child, input, file, nowOf(c));
      if (!result.ok) return reducedPage(c, child, { input, errors: result.errors, fileChosen: file !== null }, 422);
      return c.redirect(
        sfoSupportPaths.reducedPaymentNotice(child.pupilId, result.status === 'submitted' ? 'sent' : 'waiting'),
        303,
      );
    },
  )
  .post('/children/:id/sfo/reduced-payment/:appId/confirmation', async (c) => {
    const child = await guardianChild(c);
    const appId = idParam(c.req.param('appId'));
    const form = v.safeParse(AnswerForm, await readForm(c));
    if (!form.success) return reducedPage(c, child, undefined, 400);
    const result = await answerConfirmation(
      db(c),
      'sfo_reduced_payment',
      actorOf(c),
      child,
      appId,
      form.output.answer,
      nowOf(c),
    );
    if (!result.ok) return reducedPage(c, child, undefined, 409, t(c).reduced.closed);
    return c.redirect(sfoSupportPaths.reducedPaymentNotice(child.pupilId, form.output.answer), 303);
  })
  .get('/sfo/reduced-payment/:appId/attachment', async (c) =>
    sendDocument(
      c,
      await downloadReducedPaymentAttachment(db(c), actorOf(c), idParam(c.req.param('appId')), todayOf(c)),
    ),
  )
  .get('/children/:id/sfo/summer', async (c) =>
    childSummerPage(c, await summerChild(c), { saved: c.req.query('saved') === '1' }),
  )
  .post('/children/:id/sfo/summer', async (c) => {
    const child = await summerChild(c);
    const body = await readForm(c, { all: true });
    const periodId = idParam(text(body.period_id));
    const input = answersOf(body);
    const result = await answerSummer(db(c), actorOf(c), child, periodId, input, todayOf(c), nowOf(c));
    if (!result.ok) {
      if ('reason' in result) return childSummerPage(c, child, {}, 409);
      return childSummerPage(c, child, { input, error: true }, 422);
    }
    return c.redirect(sfoSupportPaths.childSummerSaved(child.pupilId), 303);
  })
  .get('/sfo/:id/summer', async (c) => {
    const sfo = await sfoOf(c);
    return summerPage(c, sfo, yearOf(c));
  })
  .post('/sfo/:id/summer', async (c) => {
    const sfo = await sfoOf(c);
    const body = await readForm(c, { all: true });
    const year = yearOf(c, text(body.year) || undefined);
    const weeks = body.open_week === undefined ? [] : Array.isArray(body.open_week) ? body.open_week : [body.open_week];
    const input = {
      firstDay: text(body.first_day),
      lastDay: text(body.last_day),
      deadline: text(body.deadline),
      price: text(body.price),
      openWeeks: body.weeks_shown === 'yes' ? weeks.map(text) : null,
    };
    const result = await saveSummerPeriod(db(c), actorOf(c), sfo, year, input, nowOf(c));
    if (!result.ok) return summerPage(c, sfo, year, { input, errors: result.errors }, 422);
    return c.redirect(sfoSupportPaths.summerNotice(sfo.sfoId, year, 'saved'), 303);
  })
  .post('/sfo/:id/summer/send', async (c) => {
    const sfo = await sfoOf(c);
    const body = await readForm(c);
    const year = yearOf(c, text(body.year) || undefined);
    const { guardians } = await sendSummerRegistration(db(c), actorOf(c), sfo, year, nowOf(c));
    return c.redirect(sfoSupportPaths.summerNotice(sfo.sfoId, year, 'sent', guardians), 303);
  })
  .get('/sfo/:id/reductions', async (c) => reductionsPage(c, await sfoOf(c)))
  .post('/sfo/:id/reductions', async (c) => {
    const sfo = await sfoOf(c);
    const body = await readForm(c);
    const input = { pupilId: text(body.pupil_id), reason: text(body.reason) };
    const result = await recordFreeSfo(db(c), actorOf(c), sfo, input, todayOf(c), nowOf(c));
    if (!result.ok) return reductionsPage(c, sfo, { input, errors: result.errors }, 422);
    return c.redirect(sfoSupportPaths.reductionsNotice(sfo.sfoId, 'recorded'), 303);
  })
  .post('/sfo/:id/reductions/:reductionId/end', async (c) => {
    const sfo = await sfoOf(c);
    await endReduction(db(c), actorOf(c), sfo, idParam(c.req.param('reductionId')), todayOf(c), nowOf(c));
    return c.redirect(sfoSupportPaths.reductionsNotice(sfo.sfoId, 'ended'), 303);
  });
