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
import { randomUUID } from 'node:crypto';
import {
  listNoticeMunicipalities,
  parseMunicipalityNotice,
  requireNoticeMunicipality,
  sendMunicipalityNotice,
  type MunicipalityNoticeErrors,
  type MunicipalityNoticeInput,
  type NoticeMunicipality,
} from '../domain/broadcasts/municipality.ts';
import { MunicipalityNoticePage } from '../views/broadcasts/municipality.tsx';
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

const texts = (value: unknown) =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
const REQUEST_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function municipalityForm(
  c: Context<AppEnv>,
  municipality: NoticeMunicipality,
  requestKey: string,
  input?: MunicipalityNoticeInput,
  errors?: MunicipalityNoticeErrors,
  status: 200 | 422 = 200,
) {
  const others = (await listNoticeMunicipalities(c.get('deps').db, actorOf(c))).filter((m) => m.id !== municipality.id);
  return render(
    c,
    t(c).municipality.title,
    <MunicipalityNoticePage
      page={pageContext(c)}
      municipality={municipality}
      others={others}
      requestKey={requestKey}
      input={input}
      errors={errors}
    />,
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
  .get(broadcastPaths.municipalityNew, async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const wanted = c.req.query('municipality');
    const first = (await listNoticeMunicipalities(db, actor))[0];
    // Another municipality, or none for this actor (not a school owner): 404.
    const municipality = await requireNoticeMunicipality(db, actor, wanted ? idParam(wanted) : (first?.id ?? 0));
    return municipalityForm(c, municipality, randomUUID());
  })
  .post(broadcastPaths.municipalityCreate, async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const body = await readForm(c, { all: true });
    const municipality = await requireNoticeMunicipality(db, actor, idParam(texts(body.municipality)[0] ?? ''));
    const key = texts(body.key)[0] ?? '';
    const requestKey = REQUEST_KEY.test(key) ? key : randomUUID();
    const input = {
      schools: texts(body.schools),
      trinn: texts(body.trinn),
      subject: texts(body.subject)[0] ?? '',
      body: texts(body.body)[0] ?? '',
    };
    const parsed = parseMunicipalityNotice(input, municipality);
    if (!parsed.ok) return municipalityForm(c, municipality, requestKey, input, parsed.errors, 422);
    const sent = await sendMunicipalityNotice(db, actor, municipality, parsed.values, requestKey, todayOf(c), nowOf(c));
    if (!sent.ok) return municipalityForm(c, municipality, requestKey, input, sent.errors, 422);
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
