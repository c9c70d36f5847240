import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { grantIds, type Actor } from '../domain/access/actor.ts';
import { canLeadSchool, canUseSfo, type SfoCapability } from '../domain/access/policy.ts';
import { NotFoundError } from '../domain/errors.ts';
import { requireGuardianChild } from '../domain/guardian/child.ts';
import { pageNumber } from '../domain/paging.ts';
import { guardianInvoice } from '../domain/sfo/guardian-invoice.ts';
import { invoiceBasis, invoiceCsv } from '../domain/sfo/invoice.ts';
import { allOffers, offersById } from '../domain/sfo/offers.ts';
import { monthOf, parseMonth } from '../domain/sfo/price.ts';
import {
  closeOffer,
  createOffer,
  findSfoSettings,
  parseOffer,
  parseSfoSettings,
  saveSfoSettings,
  updateOffer,
  type OfferInput,
} from '../domain/sfo/settings.ts';
import { requireSfo, sfosFor, type SfoInfo } from '../domain/sfo/units.ts';
import { fill } from '../i18n/index.ts';
import { sfoAdminText, type SfoAdminMessages } from '../i18n/sfo-admin.ts';
import { actorOf } from '../middleware/session.ts';
import { sfoAdminPaths, type SfoSettingsNotice } from '../paths/sfo-admin.ts';
import { GuardianInvoicePage } from '../views/sfo/guardian-invoice-lines.tsx';
import { InvoiceBasisPage } from '../views/sfo/invoice-basis.tsx';
import { SfoListPage } from '../views/sfo/list.tsx';
import { SfoSettingsPage, type SfoSettingsState } from '../views/sfo/settings.tsx';
import { nowOf, todayOf } from './clock.ts';
import { readForm } from './form-body.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

/**
 * The pages of one SFO linked from /sfo, each with the capability it needs (canUseSfo). Add a page here and the list
 * links to it for those who may open it. Summer SFO and reductions are built by another part of issue 12.
 */
export const SFO_PAGES: {
  key: keyof SfoAdminMessages['links'];
  href: (sfoId: number) => string;
  capability: SfoCapability;
}[] = [
  { key: 'invoiceBasis', href: (id) => sfoAdminPaths.invoiceBasis(id), capability: 'accounts' },
  { key: 'settings', href: sfoAdminPaths.settings, capability: 'view_prices' },
  { key: 'summer', href: sfoAdminPaths.summer, capability: 'run' },
  { key: 'reductions', href: sfoAdminPaths.reductions, capability: 'run' },
];

const t = (c: Context<AppEnv>) => sfoAdminText[c.get('locale')];
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const texts = (value: unknown) =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');

/** The month asked for (`?month=YYYY-MM`), this month when absent; nonsense → 404 (like a bad id). */
function monthParam(c: Context<AppEnv>): string {
  const value = c.req.query('month');
  if (value === undefined || value === '') return monthOf(todayOf(c));
  if (!parseMonth(value.trim())) throw new NotFoundError();
  return value.trim();
}

/** The capacity the actor reads an SFO's accounts in, for the audit log. */
function roleFor(actor: Actor, sfo: SfoInfo): string {
  if (grantIds(actor, ['sfo_leader'], (g) => [g.sfoId]).includes(sfo.sfoId)) return 'sfo_leader';
  if (canLeadSchool(actor, sfo.schoolId)) return 'leadership';
  return 'school_owner';
}

const sfoOf = (c: Context<AppEnv>, capability: SfoCapability) =>
  requireSfo(c.get('deps').db, actorOf(c), idParam(c.req.param('id') ?? ''), capability);

async function settingsPage(c: Context<AppEnv>, sfo: SfoInfo, state: SfoSettingsState, status: 200 | 422 = 200) {
  const { db } = c.get('deps');
  const [settings, offers, owner] = await Promise.all([
    findSfoSettings(db, sfo.sfoId),
    allOffers(db, sfo.sfoId),
    db
      .selectFrom('municipality')
      .select(['sfo_free_hours_per_week', 'sfo_free_hours_last_trinn'])
      .where('id', '=', sfo.municipalityId)
      .executeTakeFirstOrThrow(),
  ]);
  const view = {
    sfo,
    canEdit: canUseSfo(actorOf(c), sfo, 'edit_prices'),
    settings,
    offers,
    freeHours: { perWeek: owner.sfo_free_hours_per_week, lastTrinn: owner.sfo_free_hours_last_trinn },
  };
  return render(
    c,
    fill(t(c).settings.title, { sfo: sfo.name }),
    <SfoSettingsPage page={pageContext(c)} view={view} state={state} />,
    status,
  );
}

function offerInput(body: Record<string, unknown>): OfferInput {
  return {
    name: text(body.name),
    kind: text(body.kind),
    daysPerWeek: text(body.days_per_week),
    percent: text(body.percent),
    hoursPerWeek: text(body.hours_per_week),
    monthlyPrice: text(body.monthly_price),
    food: text(body.food),
  };
}

const NOTICES: SfoSettingsNotice[] = ['saved', 'created', 'updated', 'closed'];

/** SFO prices and the invoice basis for staff (issue 12, items 1 and 6), and the guardian's own invoice lines. */
export const sfoAdminRoutes = new Hono<AppEnv>()
  .get(sfoAdminPaths.list, async (c) => {
    const actor = actorOf(c);
    const sfos = await sfosFor(c.get('deps').db, actor, 'view_prices');
    // Those whose role has SFO pages see the list even when they have none (the home page links here); others 404.
    const staffWithSfoRole =
      actor.via === 'feide' && actor.staff.some((g) => ['sfo_leader', 'leadership', 'school_owner'].includes(g.role));
    if (sfos.length === 0 && !staffWithSfoRole) return c.notFound();
    const items = sfos.map((s) => ({
      sfoId: s.sfoId,
      name: s.name,
      schoolName: s.schoolName,
      links: SFO_PAGES.filter((p) => canUseSfo(actor, s, p.capability)).map((p) => ({
        href: p.href(s.sfoId),
        label: t(c).links[p.key],
      })),
    }));
    return render(c, t(c).title, <SfoListPage page={pageContext(c)} sfos={items} />);
  })
  .get('/sfo/:id/invoice-basis', async (c) => {
    const sfo = await sfoOf(c, 'accounts');
    const month = monthParam(c);
    const basis = await invoiceBasis(c.get('deps').db, sfo.sfoId, month, pageNumber(c.req.query('page')));
    return render(
      c,
      fill(t(c).invoice.title, { sfo: sfo.name }),
      <InvoiceBasisPage page={pageContext(c)} sfo={sfo} basis={basis} />,
    );
  })
  .get('/sfo/:id/invoice-basis.csv', async (c) => {
    const sfo = await sfoOf(c, 'accounts');
    const month = monthParam(c);
    const actor = actorOf(c);
    const tc = t(c);
    const csv = await invoiceCsv(
      c.get('deps').db,
      actor,
      roleFor(actor, sfo),
      sfo.sfoId,
      month,
      {
        header: tc.csv.header,
        yes: tc.csv.yes,
        no: tc.csv.no,
        reduction: (kind) => (kind ? tc.reductionKinds[kind] : ''),
      },
      nowOf(c),
    );
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="sfo-${sfo.sfoId}-fakturagrunnlag-${month}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(csv);
  })
  .get('/sfo/:id/settings', async (c) => {
    const sfo = await sfoOf(c, 'view_prices');
    const notice = NOTICES.find((n) => n === c.req.query('notice'));
    return settingsPage(c, sfo, { notice });
  })
  .post('/sfo/:id/settings', async (c) => {
    const sfo = await sfoOf(c, 'edit_prices');
    const body = await readForm(c, { all: true });
    const input = {
      billingMonths: texts(body.billing_month),
      siblingDiscountPercent: text(body.sibling_discount_percent),
      capacity: text(body.capacity),
      noticeMonths: text(body.notice_months),
    };
    const parsed = parseSfoSettings(input);
    if (!parsed.ok) return settingsPage(c, sfo, { settings: { input, errors: parsed.errors } }, 422);
    await saveSfoSettings(c.get('deps').db, actorOf(c), sfo, parsed.values, nowOf(c));
    return c.redirect(sfoAdminPaths.settingsNotice(sfo.sfoId, 'saved'), 303);
  })
  .post('/sfo/:id/offers', async (c) => {
    const sfo = await sfoOf(c, 'edit_prices');
    const input = offerInput(await readForm(c));
    const parsed = parseOffer(input);
    if (!parsed.ok) return settingsPage(c, sfo, { offer: { offerId: 'new', input, errors: parsed.errors } }, 422);
    await createOffer(c.get('deps').db, actorOf(c), sfo, parsed.values, nowOf(c));
    return c.redirect(sfoAdminPaths.settingsNotice(sfo.sfoId, 'created'), 303);
  })
  .post('/sfo/:id/offers/:offerId', async (c) => {
    const sfo = await sfoOf(c, 'edit_prices');
    const offerId = idParam(c.req.param('offerId'));
    const offer = (await offersById(c.get('deps').db, [offerId])).get(offerId);
    if (!offer || offer.sfoId !== sfo.sfoId) return c.notFound();
    const input = offerInput(await readForm(c));
    const parsed = parseOffer(input);
    if (!parsed.ok) return settingsPage(c, sfo, { offer: { offerId, input, errors: parsed.errors } }, 422);
    await updateOffer(c.get('deps').db, actorOf(c), sfo, offer, parsed.values, nowOf(c));
    return c.redirect(sfoAdminPaths.settingsNotice(sfo.sfoId, 'updated'), 303);
  })
  .post('/sfo/:id/offers/:offerId/close', async (c) => {
    const sfo = await sfoOf(c, 'edit_prices');
    const offerId = idParam(c.req.param('offerId'));
    const offer = (await offersById(c.get('deps').db, [offerId])).get(offerId);
    if (!offer || offer.sfoId !== sfo.sfoId) return c.notFound();
    await closeOffer(c.get('deps').db, actorOf(c), sfo, offer, todayOf(c), nowOf(c));
    return c.redirect(sfoAdminPaths.settingsNotice(sfo.sfoId, 'closed'), 303);
  })
  .get('/children/:id/sfo/invoice', async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const child = await requireGuardianChild(db, actor, idParam(c.req.param('id')), todayOf(c));
    const month = monthParam(c);
    const invoice = await guardianInvoice(db, actor, child, month);
    const childName = child.givenName;
    return render(
      c,
      fill(t(c).guardian.title, { name: childName }),
      <GuardianInvoicePage page={pageContext(c)} pupilId={child.pupilId} childName={childName} invoice={invoice} />,
    );
  });
