import { readForm } from './form-body.ts';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { listBroadcastAudiences, requireBroadcastAudience } from '../domain/broadcasts/audience.ts';
import { pageNumber } from '../domain/paging.ts';
import { requireStaffActor } from '../domain/broadcasts/policy.ts';
import { listReceivedBroadcasts, openReceivedBroadcast } from '../domain/broadcasts/received.ts';
import { parseBroadcast, sendBroadcast, type BroadcastErrors, type BroadcastInput } from '../domain/broadcasts/send.ts';
import {
  broadcastDeliverySummary,
  findSentBroadcast,
  listRecipientStatus,
  listSentBroadcasts,
} from '../domain/broadcasts/sent.ts';
import { broadcastsText } from '../i18n/broadcasts.ts';
import { actorOf } from '../middleware/session.ts';
import { ReceivedBroadcastPage, ReceivedListPage } from '../views/broadcasts/guardian.tsx';
import { NewBroadcastPage, SentListPage } from '../views/broadcasts/staff.tsx';
import { BroadcastStatusPage } from '../views/broadcasts/status.tsx';
import { broadcastPaths } from '../paths/broadcasts.ts';
import { nowOf, todayOf } from './clock.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const t = (c: Context<AppEnv>) => broadcastsText[c.get('locale')];

async function newForm(c: Context<AppEnv>, input?: BroadcastInput, errors?: BroadcastErrors, status: 200 | 422 = 200) {
  const audiences = await listBroadcastAudiences(c.get('deps').db, actorOf(c), todayOf(c));
  return render(
    c,
    t(c).newBroadcast,
    <NewBroadcastPage page={pageContext(c)} audiences={audiences} input={input} errors={errors} />,
    status,
  );
}

/**
 * S7: broadcasts. `/broadcasts` and `/broadcasts/:id` are what the actor reaches: staff see what they sent with
 * read status per recipient; a guardian sees the notices they received (their own copy only; opening marks it read).
 */
export const broadcastRoutes = new Hono<AppEnv>()
  .get(broadcastPaths.list, async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const page = pageNumber(c.req.query('page'));
    if (actor.via === 'idporten')
      return render(
        c,
        t(c).receivedTitle,
        <ReceivedListPage page={pageContext(c)} received={await listReceivedBroadcasts(db, actor, page)} />,
      );
    requireStaffActor(actor);
    return render(
      c,
      t(c).sentTitle,
      <SentListPage page={pageContext(c)} sent={await listSentBroadcasts(db, actor, page)} />,
    );
  })
  .get(broadcastPaths.new, async (c) => {
    requireStaffActor(actorOf(c));
    return newForm(c);
  })
  .post(broadcastPaths.create, async (c) => {
    const actor = actorOf(c);
    requireStaffActor(actor);
    const body = await readForm(c);
    const input = { audience: text(body.audience), subject: text(body.subject), body: text(body.body) };
    const audience = input.audience
      ? await requireBroadcastAudience(c.get('deps').db, actor, input.audience, todayOf(c))
      : null;
    const parsed = parseBroadcast(input);
    if (!parsed.ok || !audience) return newForm(c, input, parsed.ok ? { audience: 'required' } : parsed.errors, 422);
    const sent = await sendBroadcast(c.get('deps').db, actor, audience, parsed.values, todayOf(c), nowOf(c));
    if (!sent.ok) return newForm(c, input, sent.errors, 422);
    return c.redirect(broadcastPaths.sent(sent.id, sent.recipients), 303);
  })
  .get('/broadcasts/:id', async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const id = idParam(c.req.param('id'));
    if (actor.via === 'idporten') {
      const copy = await openReceivedBroadcast(db, actor, id, nowOf(c));
      return render(c, copy.subject, <ReceivedBroadcastPage page={pageContext(c)} broadcast={copy} />);
    }
    const broadcast = await findSentBroadcast(db, actor, id);
    const recipients = await listRecipientStatus(db, broadcast, pageNumber(c.req.query('page')));
    const delivery = await broadcastDeliverySummary(db, broadcast);
    const sent = /^\d{1,6}$/.test(c.req.query('sent') ?? '') ? Number(c.req.query('sent')) : undefined;
    return render(
      c,
      broadcast.subject,
      <BroadcastStatusPage
        page={pageContext(c)}
        broadcast={broadcast}
        recipients={recipients}
        delivery={delivery}
        sentCount={sent}
      />,
    );
  });
