import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.ts';
import { careUnitsForPart } from '../domain/access/care-scope.ts';
import { timeInOslo } from '../domain/access/actor.ts';
import { canUseStaffView, decidesUnder } from '../domain/access/policy.ts';
import { waitingApplicationsPart } from '../domain/applications/queue.ts';
import { currentFirst } from '../domain/attendance/current-first.ts';
import { todaysLessonsPart } from '../domain/attendance/today.ts';
import { unreadThreadsPart } from '../domain/messages/lists.ts';
import { listStaffUnits } from '../domain/school/units.ts';
import { NotFoundError } from '../domain/errors.ts';
import { done, loadParts } from '../db/together.ts';
import { mobileText } from '../i18n/mobile.ts';
import { actorOf } from '../middleware/session.ts';
import { homePaths } from '../paths/home.ts';
import { VIEW_COOKIE } from '../paths/mobile.ts';
import { safeLocalPath } from '../paths/safe.ts';
import { AttendanceChooser } from '../views/mobile/attendance.tsx';
import { MobileToday } from '../views/mobile/today.tsx';
import { nowOf, todayOf } from './clock.ts';
import { pageContext, render } from './render.tsx';

/** Today's lessons with the current one first (by the app's clock). */
const ordered = (c: Context<AppEnv>, lessons: Parameters<typeof currentFirst>[0]) =>
  currentFirst(lessons, timeInOslo(nowOf(c)));

/** GET /home in the mobile view, "I dag": one statement for lessons, unread messages, decisions and the care tab. */
export async function mobileToday(c: Context<AppEnv>) {
  const actor = actorOf(c);
  const { db } = c.get('deps');
  const today = todayOf(c);
  const decides = decidesUnder(actor, 'school_leadership') || decidesUnder(actor, 'sfo_leader');
  const parts = await loadParts(db, {
    lessons: todaysLessonsPart(db, actor, today),
    unread: unreadThreadsPart(db, actor, today),
    decisions: decides ? waitingApplicationsPart(db, actor, today) : done(null),
    careUnits: careUnitsForPart(actor),
  });
  const { lessons, currentId } = ordered(c, parts.lessons);
  const page = pageContext(c);
  return render(
    c,
    mobileText[page.locale].today,
    <MobileToday
      page={page}
      today={today}
      lessons={lessons}
      currentId={currentId}
      unread={parts.unread}
      decisions={parts.decisions}
    />,
    200,
    { careUnits: parts.careUnits },
  );
}

/** Issue 14: the switch between the views, remembered per browser, and "Fravær", the mobile view's way to a register. */
export const mobileRoutes = new Hono<AppEnv>()
  // A GET link, so it works anywhere without a form; it changes only this browser's view (a year), nothing stored.
  .get('/view/:mode', (c) => {
    const mode = c.req.param('mode');
    if (mode !== 'mobile' && mode !== 'full') throw new NotFoundError();
    setCookie(c, VIEW_COOKIE, mode, {
      path: '/',
      maxAge: 365 * 24 * 3600,
      sameSite: 'Lax',
      httpOnly: true,
      secure: c.get('deps').config.baseUrl.startsWith('https:'),
    });
    return c.redirect(safeLocalPath(c.req.query('return_to'), homePaths.start), 303);
  })
  .get('/attendance', async (c) => {
    const actor = actorOf(c);
    if (!canUseStaffView(actor)) throw new NotFoundError();
    const { db } = c.get('deps');
    const today = todayOf(c);
    const units = await listStaffUnits(db, actor, today);
    const parts = await loadParts(db, {
      lessons: todaysLessonsPart(db, actor, today),
      careUnits: careUnitsForPart(actor),
    });
    const { lessons, currentId } = ordered(c, parts.lessons);
    const page = pageContext(c);
    return render(
      c,
      mobileText[page.locale].attendanceTitle,
      <AttendanceChooser page={page} today={today} lessons={lessons} currentId={currentId} units={units} />,
      200,
      { careUnits: parts.careUnits },
    );
  });
