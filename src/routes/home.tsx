import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { guardianChildRowsPart, withContactTeachersPart } from '../domain/guardian/children.ts';
import { starterChildrenPart } from '../domain/guardian/starters.ts';
import { guardianCareChildrenPart } from '../domain/care/guardian-children.ts';
import { generalConsentStatePart, guardianGlancePart } from '../domain/guardian/glance.ts';
import { findOwnClass, listStaffUnits } from '../domain/school/units.ts';
import { actorOf, requireActor } from '../middleware/session.ts';
import { consentPaths } from '../paths/consents.ts';
import { homePaths } from '../paths/home.ts';
import { GuardianHome, PupilHome, StaffHome } from '../views/home/page.tsx';
import { generalConsentGatePart } from '../domain/consents/general.ts';
import { listNotifications, markNotificationsRead, notificationsPart } from '../domain/notifications/outbox.ts';
import { done, loadParts, together } from '../db/together.ts';
import { NotificationList } from '../views/notifications.tsx';
import { pageContext, render } from './render.tsx';
import { todaysLessonsPart } from '../domain/attendance/today.ts';
import { todayOf } from './clock.ts';
import { ownClassList } from '../domain/pupils/class-list.ts';
import { unreadThreadsPart } from '../domain/messages/lists.ts';
import { waitingApplicationsPart } from '../domain/applications/queue.ts';
import { lettersToPrintPart } from '../domain/letters/overview.ts';
import { careUnitsForPart } from '../domain/access/care-scope.ts';
import { isMobileStaff } from './view-mode.ts';
import { mobileToday } from './mobile.tsx';

/** GET /home: the guardian's children, the staff member's classes, or the pupil's own class. */
export const home = new Hono<AppEnv>().get(homePaths.start, async (c) => {
  const actor = actorOf(c);
  const { db } = c.get('deps');
  const page = pageContext(c);
  const title = c.get('t').home.title;
  if (actor.via === 'idporten') {
    // three statements after the session's (issue 18, item 4): what depends only on the guardian, then what depends on
    // the children, then the notifications shown marked as read
    const session = c.get('session');
    const first = await loadParts(db, {
      rows: guardianChildRowsPart(db, actor, todayOf(c)),
      gate: session?.deviceSessionId ? done(false) : generalConsentGatePart(db, actor, session?.id ?? null),
      starters: starterChildrenPart(db, actor, todayOf(c)),
      notifications: notificationsPart(db, actor.personId, 10),
      consent: generalConsentStatePart(db, actor),
      care: guardianCareChildrenPart(actor, todayOf(c)),
    });
    // G2: a guardian who has not decided on the general consent sees it first (unless "Ikke nå" this session).
    // The gate is asked at a login; a session made from a remembered device ("Husk meg") is not one (step-up.ts).
    // A guardian with only kindergarten children (issue 13) is asked too: their consents are locked until then.
    const hasChildren = first.rows.length > 0 || first.care.some((k) => k.kind === 'kindergarten');
    if (hasChildren && first.gate) return c.redirect(consentPaths.gate, 302);
    const { children, glance } = await loadParts(db, {
      children: withContactTeachersPart(db, first.rows, todayOf(c)),
      glance: guardianGlancePart(db, actor, first.rows, todayOf(c), first.consent),
    });
    const starters = first.starters;
    // A skolestarter's guardians are told too (the summer SFO registration, an SFO application to confirm).
    const notifications = children.length || starters.length || first.care.length ? first.notifications : [];
    await markNotificationsRead(
      db,
      actor.personId,
      notifications.filter((n) => n.read_at === null).map((n) => n.id),
    );
    return render(
      c,
      title,
      <GuardianHome
        page={page}
        children={children}
        starters={starters}
        careChildren={first.care}
        glance={glance}
        today={todayOf(c)}
        notifications={notifications}
      />,
    );
  }
  if (actor.staff.length === 0) {
    const ownClass = await findOwnClass(db, actor, todayOf(c));
    if (ownClass) {
      const classList = await ownClassList(db, actor, ownClass.id, todayOf(c));
      return render(c, title, <PupilHome page={page} ownClass={ownClass} classList={classList} />);
    }
  }
  if (isMobileStaff(c)) return mobileToday(c);
  const units = await listStaffUnits(db, actor, todayOf(c));
  if (actor.staff.length === 0) return render(c, title, <StaffHome page={page} units={units} />);
  // one statement for the rest of the page: notifications, today's lessons and what waits (issue 18, item 4)
  const { notifications, lessons, waiting, careUnits } = await loadParts(db, {
    notifications: notificationsPart(db, actor.personId, 10),
    careUnits: careUnitsForPart(actor),
    lessons: todaysLessonsPart(db, actor, todayOf(c)),
    waiting: together({
      unreadThreads: unreadThreadsPart(db, actor, todayOf(c)),
      applications: waitingApplicationsPart(db, actor, todayOf(c)),
      letters: lettersToPrintPart(db, actor),
    }),
  });
  // Shown once as new: what is on the screen now counts as read next time.
  await markNotificationsRead(
    db,
    actor.personId,
    notifications.filter((n) => n.read_at === null).map((n) => n.id),
  );
  return render(
    c,
    title,
    <div class="space-y-8">
      <StaffHome
        page={page}
        units={units}
        today={{ date: todayOf(c), lessons }}
        waiting={waiting}
        careUnits={careUnits}
      />
      <NotificationList page={page} notifications={notifications} />
    </div>,
  );
});
