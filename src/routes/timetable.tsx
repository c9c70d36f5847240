import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { nowFrom, type AppEnv } from '../app-env.ts';
import { mondayOf, mondayOfIsoWeek } from '../domain/calendar/dates.ts';
import { createFeedToken, feedCalendar, hasActiveFeed, revokeFeedToken } from '../domain/calendar/feed.ts';
import { ownPupilPlacement, pupilWeek, teacherWeek } from '../domain/calendar/week.ts';
import { requireGuardianChild } from '../domain/guardian/child.ts';
import { fill } from '../i18n/index.ts';
import { timetableText } from '../i18n/timetable.ts';
import { actorOf, requireActor } from '../middleware/session.ts';
import { timetablePaths } from '../paths/timetable.ts';
import { TimetablePage, type FeedProps } from '../views/timetable/page.tsx';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';
import { renderChildSection } from './child-section.tsx';
import { todayOf } from './clock.ts';
import { NotFoundError } from '../domain/errors.ts';

const WeekQuery = v.pipe(v.string(), v.regex(/^\d{4}-W\d{2}$/));
const FeedFile = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}\.ics$/));

/** The Monday of `?week=2026-W48`, or of this week when missing or malformed. */
function mondayFromQuery(c: Context<AppEnv>): string {
  const parsed = v.safeParse(WeekQuery, c.req.query('week'));
  return (parsed.success ? mondayOfIsoWeek(parsed.output) : null) ?? mondayOf(todayOf(c));
}

async function childPage(c: Context<AppEnv>, feed: Omit<FeedProps, 'pupilId' | 'active'> = {}) {
  const { db } = c.get('deps');
  const actor = actorOf(c);
  const child = await requireGuardianChild(db, actor, idParam(c.req.param('id')!), todayOf(c));
  const t = timetableText[c.get('locale')];
  const week = await pupilWeek(db, child, mondayFromQuery(c));
  const active = await hasActiveFeed(db, actor, child);
  return renderChildSection(
    c,
    child,
    'timetable',
    <TimetablePage
      page={pageContext(c)}
      heading={fill(t.childTitle, { name: child.givenName })}
      week={week}
      weekHref={(w) => timetablePaths.child(child.pupilId, w)}
      feed={{ pupilId: child.pupilId, active, revoked: c.req.query('revoked') === '1' && !active, ...feed }}
      inChildPage
    />,
  );
}

/** G5: week timetables for guardians (per child), pupils and teachers, and the guardian's iCal feed. */
export const timetableRoutes = new Hono<AppEnv>()
  .get('/timetable', async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const monday = mondayFromQuery(c);
    const t = timetableText[c.get('locale')];
    const placement = actor.via === 'feide' ? await ownPupilPlacement(db, actor) : null;
    const week = placement
      ? await pupilWeek(db, placement, monday)
      : actor.via === 'feide'
        ? await teacherWeek(db, actor, monday)
        : null;
    return render(
      c,
      t.title,
      <TimetablePage
        page={pageContext(c)}
        heading={t.title}
        week={week}
        weekHref={timetablePaths.own}
        showGroup={!placement}
      />,
    );
  })
  .get('/children/:id/timetable', (c) => childPage(c))
  .post('/children/:id/timetable/feed', async (c) => {
    const { db, config } = c.get('deps');
    const actor = actorOf(c);
    const child = await requireGuardianChild(db, actor, idParam(c.req.param('id')));
    const token = await createFeedToken(db, actor, child);
    c.header('Cache-Control', 'no-store');
    return childPage(c, { url: `${config.baseUrl}${timetablePaths.feedFile(token)}` });
  })
  .post('/children/:id/timetable/feed/revoke', async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const child = await requireGuardianChild(db, actor, idParam(c.req.param('id')));
    await revokeFeedToken(db, actor, child);
    return c.redirect(timetablePaths.childRevoked(child.pupilId), 303);
  })
  .get('/calendar/:file', async (c) => {
    const parsed = v.safeParse(FeedFile, c.req.param('file'));
    if (!parsed.success) throw new NotFoundError();
    const body = await feedCalendar(c.get('deps').db, parsed.output.slice(0, -4), nowFrom(c.get('deps')));
    return c.body(body, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
