import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { answerConfirmation } from '../domain/applications/confirm.ts';
import { withdrawApplication } from '../domain/applications/withdraw.ts';
import { NotFoundError } from '../domain/errors.ts';
import { requireSfoChild, type GuardianChild } from '../domain/guardian/child.ts';
import { applyForSfoPlace } from '../domain/sfo/place-apply.ts';
import { SFO_PLACE_KINDS, type SfoPlaceInput } from '../domain/sfo/place-form.ts';
import { loadSfoPlaceOverview } from '../domain/sfo/place-overview.ts';
import type { SfoPlaceKind } from '../db/schema.ts';
import { sfoPlacesText } from '../i18n/sfo-places.ts';
import { actorOf } from '../middleware/session.ts';
import { SFO_FORM_SEGMENT, sfoPlacePaths } from '../paths/sfo-places.ts';
import { SFO_NOTICES, SfoPlaceSection, type SfoPageState } from '../views/sfo/place-page.tsx';
import { renderChildSection } from './child-section.tsx';
import { nowOf, todayOf } from './clock.ts';
import { readForm } from './form-body.ts';
import { idParam } from './params.ts';
import { isPartialRequest, pageContext } from './render.tsx';
import { guardianInvoice } from '../domain/sfo/guardian-invoice.ts';
import { monthOf } from '../domain/sfo/price.ts';
import { SfoMore } from '../views/sfo/more.tsx';

const AnswerForm = v.object({ answer: v.picklist(['confirmed', 'declined']) });
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const t = (c: Context<AppEnv>) => sfoPlacesText[c.get('locale')];

/** A child at school now, or a skolestarter (the SFO screen is all a skolestarter's guardian reaches). */
const guardianChild = (c: Context<AppEnv>) =>
  requireSfoChild(c.get('deps').db, actorOf(c), idParam(c.req.param('id') ?? ''), todayOf(c));

/** The receipt asked for by the query (`?sent=12`, `?answered=12`, `?withdrawn=12`). */
function noticeOf(c: Context<AppEnv>): SfoPageState['notice'] {
  for (const kind of SFO_NOTICES) {
    const id = idParam(c.req.query(kind) ?? '');
    if (id) return { kind, applicationId: id };
  }
  return undefined;
}

async function section(
  c: Context<AppEnv>,
  child: GuardianChild,
  state: SfoPageState,
  status: 200 | 400 | 409 | 422 = 200,
) {
  const actor = actorOf(c);
  const db = c.get('deps').db;
  const overview = await loadSfoPlaceOverview(db, actor, child, todayOf(c));
  // This month's invoice lines (the guardian's own, as payer) under the place: the same as /children/:id/sfo/invoice.
  // A skolestarter has none before the first school day (and no invoice page): only the way to the summer SFO.
  const invoice =
    overview && child.startsOn === null ? await guardianInvoice(db, actor, child, monthOf(todayOf(c))) : null;
  if (isPartialRequest(c) && status !== 422) c.header('HX-Push-Url', sfoPlacePaths.child(child.pupilId));
  const page = pageContext(c);
  const body = (
    <SfoPlaceSection
      page={page}
      child={child}
      overview={overview}
      state={state}
      actorId={actor.personId}
      more={
        overview && (invoice || child.startsOn !== null) ? (
          <SfoMore page={page} child={child} invoice={invoice} careToday={placeInForce(overview.place, todayOf(c))} />
        ) : (
          ''
        )
      }
    />
  );
  return renderChildSection(c, child, 'sfo', body, status);
}

function placeInForce(place: { startsOn: string; endsOn: string | null } | null, today: string): boolean {
  return place !== null && place.startsOn <= today && (place.endsOn === null || place.endsOn >= today);
}

/** The kind of one of the child's SFO applications (another child's, another kind, none → 404). */
async function kindOfApplication(c: Context<AppEnv>, child: GuardianChild, appId: number): Promise<SfoPlaceKind> {
  const row = await c
    .get('deps')
    .db.selectFrom('application')
    .select('kind')
    .where('id', '=', appId)
    .where('pupil_id', '=', child.pupilId)
    .where('kind', 'in', SFO_PLACE_KINDS)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  return row.kind as SfoPlaceKind;
}

/** POST of one of the three forms; the kind from the URL's last segment. */
async function applyRoute(c: Context<AppEnv>, kind: SfoPlaceKind) {
  const child = await guardianChild(c);
  const body = await readForm(c, { all: true });
  const days = body.days;
  const input: SfoPlaceInput = {
    offer: text(body.offer),
    days: (Array.isArray(days) ? days : days === undefined ? [] : [days]).flatMap((d) =>
      typeof d === 'string' ? [d] : [],
    ),
    from: text(body.from),
    comment: text(body.comment),
    sharedInvoice: body.shared_invoice === 'yes',
  };
  const result = await applyForSfoPlace(c.get('deps').db, actorOf(c), child, kind, input, nowOf(c));
  if (!result.ok) return section(c, child, { form: { kind, input, errors: result.errors } }, 422);
  return c.redirect(sfoPlacePaths.notice(child.pupilId, 'sent', result.applicationId), 303);
}

/**
 * G8: the child's SFO screen (place, applications, the apply / change / terminate forms) and the other guardian's
 * confirmation. Staff and other families: 404. Forms work without JavaScript (303 or 422 with the values kept).
 */
export const sfoPlaceRoutes = new Hono<AppEnv>()
  .get('/children/:id/sfo', async (c) => section(c, await guardianChild(c), { notice: noticeOf(c) }))
  .post(`/children/:id/sfo/${SFO_FORM_SEGMENT.sfo_place}`, (c) => applyRoute(c, 'sfo_place'))
  .post(`/children/:id/sfo/${SFO_FORM_SEGMENT.sfo_change}`, (c) => applyRoute(c, 'sfo_change'))
  .post(`/children/:id/sfo/${SFO_FORM_SEGMENT.sfo_termination}`, (c) => applyRoute(c, 'sfo_termination'))
  .post('/children/:id/sfo-applications/:appId/confirmation', async (c) => {
    const child = await guardianChild(c);
    const appId = idParam(c.req.param('appId'));
    const kind = await kindOfApplication(c, child, appId);
    const form = v.safeParse(AnswerForm, await readForm(c));
    if (!form.success) return section(c, child, {}, 400);
    const result = await answerConfirmation(
      c.get('deps').db,
      kind,
      actorOf(c),
      child,
      appId,
      form.output.answer,
      nowOf(c),
    );
    if (!result.ok) return section(c, child, { alert: t(c).closed }, 409);
    return c.redirect(sfoPlacePaths.notice(child.pupilId, 'answered', appId), 303);
  })
  .post('/children/:id/sfo-applications/:appId/withdrawal', async (c) => {
    const child = await guardianChild(c);
    const appId = idParam(c.req.param('appId'));
    const kind = await kindOfApplication(c, child, appId);
    const result = await withdrawApplication(c.get('deps').db, kind, actorOf(c), child, appId, nowOf(c));
    if (!result.ok) return section(c, child, { alert: t(c).notWithdrawable }, 409);
    return c.redirect(sfoPlacePaths.notice(child.pupilId, 'withdrawn', appId), 303);
  });
