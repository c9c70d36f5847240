import { readForm } from './form-body.ts';
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { answerConsent, answerConsents } from '../domain/consents/answer.ts';
import { nowOf, todayOf } from './clock.ts';
import {
  kindergartenConsentOverview,
  requireKindergartenConsentChild,
  type KindergartenConsentChild,
} from '../domain/consents/kindergarten.ts';
import { careGuardianPaths } from '../paths/care-guardian.ts';
import { link } from '../views/components/classes.ts';
import { loadChildConsents } from '../domain/consents/child.ts';
import {
  deferGeneralConsent,
  findGeneralConsent,
  giveGeneralConsent,
  withdrawGeneralConsent,
} from '../domain/consents/general.ts';
import { classConsentOverview } from '../domain/consents/overview.ts';
import { createConsentReceipt } from '../domain/consents/receipt.ts';
import { STATE_FILTERS } from '../domain/consents/state.ts';
import { consentPaths } from '../paths/consents.ts';
import { documentPaths } from '../paths/documents.ts';
import { homePaths } from '../paths/home.ts';
import { safeLocalPath } from '../paths/safe.ts';
import { requireGuardianChild, type GuardianChild } from '../domain/guardian/child.ts';
import { NotFoundError } from '../domain/errors.ts';
import { consentsText } from '../i18n/consents.ts';
import { fill } from '../i18n/index.ts';
import { actorOf } from '../middleware/session.ts';
import { ChildConsentsSection, type AnswerError } from '../views/consents/child-section.tsx';
import {
  ClassConsentsPage,
  classConsentsTitle,
  KindergartenConsentsPage,
  kindergartenConsentsTitle,
} from '../views/consents/class-overview.tsx';
import { GeneralConsentPage } from '../views/consents/gate.tsx';
import { renderChildSection } from './child-section.tsx';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

const TypeKey = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,39}$/));
const AnswerForm = v.object({ state: v.picklist(['given', 'refused']) });
const Filter = v.object({ type: v.optional(TypeKey), state: v.optional(v.picklist(STATE_FILTERS)) });

const text = (c: Context<AppEnv>) => consentsText[c.get('locale')];
/** The overview's filter from the query: an invalid value is dropped, not an error. */
function filterOf(c: Context<AppEnv>) {
  const parsed = v.safeParse(Filter, {
    type: c.req.query('type') || undefined,
    state: c.req.query('state') || undefined,
  });
  return parsed.success ? { typeKey: parsed.output.type, state: parsed.output.state } : {};
}
const returnTo = (value: unknown, fallback: string) => safeLocalPath(value, fallback);

/** The child's consents section (a kindergarten child's: a page), with a notice, an alert or a field error. */
async function consentsSection(
  c: Context<AppEnv>,
  child: GuardianChild | KindergartenConsentChild,
  extra: {
    savedKey?: string;
    savedAll?: 'all' | 'none';
    alert?: string;
    errors?: AnswerError[];
    values?: Record<string, string>;
  } = {},
  status: 200 | 403 | 422 = 200,
) {
  const consents = await loadChildConsents(c.get('deps').db, actorOf(c), child);
  const page = pageContext(c);
  const body = <ChildConsentsSection page={page} child={child} consents={consents} receipt {...extra} />;
  if (!('kindergartenId' in child)) return renderChildSection(c, child, 'consents', body, status);
  const back = fill(text(c).kindergarten.back, { name: child.givenName });
  return render(
    c,
    fill(text(c).child.heading, { name: child.givenName }),
    <div class="mx-auto max-w-2xl space-y-4">
      <p>
        <a href={careGuardianPaths.child(child.pupilId)} class={link} safe>
          {back}
        </a>
      </p>
      {body}
    </div>,
    status,
  );
}

/**
 * G3 for one form of many answers: answer-<key> = given | refused for each consent answered; a consent left without a
 * choice is left as it is. Saved → 303 to `saved`; errors → the section again with the values (422), an alert (403).
 */
async function saveAnswers(
  c: Context<AppEnv>,
  child: GuardianChild | KindergartenConsentChild,
  saved: (changed: boolean) => string,
) {
  const { db } = c.get('deps');
  const actor = actorOf(c);
  const t = text(c).child;
  const body = await readForm(c);
  const values: Record<string, string> = {};
  const answers: Record<string, 'given' | 'refused'> = {};
  for (const [name, value] of Object.entries(body)) {
    if (!name.startsWith('answer-') || typeof value !== 'string') continue;
    const key = name.slice('answer-'.length);
    if (!v.safeParse(TypeKey, key).success) continue;
    values[key] = value;
    if (value === 'given' || value === 'refused') answers[key] = value;
  }
  const consents = await loadChildConsents(db, actor, child);
  const known = new Set(consents.types.map((type) => type.key));
  const unknown = Object.keys(values).filter((key) => !known.has(key));
  const invalid = Object.keys(values).filter((key) => known.has(key) && !(key in answers));
  if (unknown.length) throw new NotFoundError();
  if (invalid.length)
    return consentsSection(
      c,
      child,
      { errors: invalid.map((typeKey) => ({ typeKey, message: t.chooseAnswer })), values },
      422,
    );
  const result = await answerConsents(db, actor, child, answers, nowOf(c));
  if (result.ok) return c.redirect(saved(result.changed > 0), 303);
  if (result.reason === 'locked') return consentsSection(c, child, { alert: t.lockedError }, 403);
  if (result.reason === 'no_responsibility') return consentsSection(c, child, { alert: t.noResponsibilityError }, 403);
  const errors = result.errors.map((e) => ({
    typeKey: e.type.key,
    message: fill(t.parentNotGivenHere, {
      name: e.type.name[c.get('locale')],
      parent: e.parent.name[c.get('locale')],
    }),
  }));
  return consentsSection(c, child, { errors, values }, 422);
}

const kindergartenChild = (c: Context<AppEnv>) =>
  requireKindergartenConsentChild(c.get('deps').db, actorOf(c), idParam(c.req.param('childId') ?? ''), todayOf(c));

/** G2 (general consent gate), G3 (per-child consents), S5 (class overview), G14 (consent receipt). */
export const consentRoutes = new Hono<AppEnv>()
  .get(consentPaths.gate, async (c) => {
    const consent = await findGeneralConsent(c.get('deps').db, actorOf(c));
    const done = c.req.query('done');
    const notice = done === 'given' || done === 'withdrawn' ? done : undefined;
    const page = (
      <GeneralConsentPage
        page={pageContext(c)}
        consent={consent}
        returnTo={returnTo(c.req.query('return_to'), '')}
        notice={notice}
      />
    );
    return render(c, text(c).gate.title, page);
  })
  .post(consentPaths.gate, async (c) => {
    await giveGeneralConsent(c.get('deps').db, actorOf(c));
    const body = await readForm(c);
    return c.redirect(returnTo(body.return_to, consentPaths.gateDone('given')), 303);
  })
  .post(consentPaths.gateDeferral, async (c) => {
    const session = c.get('session');
    if (session) await deferGeneralConsent(c.get('deps').db, actorOf(c), session.id);
    const body = await readForm(c);
    return c.redirect(returnTo(body.return_to, homePaths.start), 303);
  })
  .post(consentPaths.gateWithdrawal, async (c) => {
    await withdrawGeneralConsent(c.get('deps').db, actorOf(c));
    return c.redirect(consentPaths.gateDone('withdrawn'), 303);
  })
  .get('/children/:id/consents', async (c) => {
    const child = await requireGuardianChild(c.get('deps').db, actorOf(c), idParam(c.req.param('id')));
    const saved = c.req.query('saved');
    return consentsSection(c, child, saved === 'all' || saved === 'none' ? { savedAll: saved } : { savedKey: saved });
  })
  .post('/children/:id/consents', async (c) => {
    const child = await requireGuardianChild(c.get('deps').db, actorOf(c), idParam(c.req.param('id')));
    return saveAnswers(c, child, (changed) => `${consentPaths.child(child.pupilId)}?saved=${changed ? 'all' : 'none'}`);
  })
  .post('/children/:id/consents/receipt', async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const child = await requireGuardianChild(db, actor, idParam(c.req.param('id')));
    const id = await createConsentReceipt(db, actor, child);
    return c.redirect(documentPaths.download(id), 303);
  })
  .post('/children/:id/consents/:typeKey', async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const child = await requireGuardianChild(db, actor, idParam(c.req.param('id')));
    const key = v.safeParse(TypeKey, c.req.param('typeKey'));
    if (!key.success) throw new NotFoundError();
    const typeKey = key.output;
    const t = text(c).child;
    const form = v.safeParse(AnswerForm, { state: (await readForm(c)).state });
    if (!form.success) {
      const consents = await loadChildConsents(db, actor, child);
      if (!consents.types.some((type) => type.key === typeKey)) throw new NotFoundError();
      return consentsSection(c, child, { errors: [{ typeKey, message: t.chooseAnswer }] }, 422);
    }
    const result = await answerConsent(db, actor, child, typeKey, form.output.state);
    if (result.ok) return c.redirect(consentPaths.childSaved(child.pupilId, typeKey), 303);
    if (result.reason === 'locked') return consentsSection(c, child, { alert: t.lockedError }, 403);
    if (result.reason === 'no_responsibility')
      return consentsSection(c, child, { alert: t.noResponsibilityError }, 403);
    const message = fill(t.parentNotGiven, {
      name: result.type.name[c.get('locale')],
      parent: result.parent.name[c.get('locale')],
    });
    return consentsSection(c, child, { errors: [{ typeKey, message }] }, 422);
  })
  .get('/care/children/:childId/consents', async (c) => {
    const child = await kindergartenChild(c);
    const saved = c.req.query('saved');
    return consentsSection(c, child, saved === 'all' || saved === 'none' ? { savedAll: saved } : {});
  })
  .post('/care/children/:childId/consents', async (c) => {
    const child = await kindergartenChild(c);
    return saveAnswers(c, child, (changed) =>
      consentPaths.kindergartenChildSaved(child.pupilId, changed ? 'all' : 'none'),
    );
  })
  .post('/care/children/:childId/consents/receipt', async (c) => {
    const child = await kindergartenChild(c);
    const id = await createConsentReceipt(c.get('deps').db, actorOf(c), child);
    return c.redirect(documentPaths.download(id), 303);
  })
  .get('/care/kindergarten/:id/consents', async (c) => {
    const department = c.req.query('department');
    const overview = await kindergartenConsentOverview(
      c.get('deps').db,
      actorOf(c),
      idParam(c.req.param('id')),
      { departmentId: department ? idParam(department) : null, filter: filterOf(c) },
      todayOf(c),
    );
    const page = pageContext(c);
    return render(
      c,
      kindergartenConsentsTitle(page, overview),
      <KindergartenConsentsPage page={page} overview={overview} />,
    );
  })
  .get('/classes/:id/consents', async (c) => {
    const filter = filterOf(c);
    const overview = await classConsentOverview(c.get('deps').db, actorOf(c), idParam(c.req.param('id')), filter);
    const page = pageContext(c);
    return render(
      c,
      classConsentsTitle(page, overview.className),
      <ClassConsentsPage page={page} overview={overview} />,
    );
  });
