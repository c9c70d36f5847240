import { Hono } from 'hono';
import { nowOf, todayOf } from './clock.ts';
import { timeInOslo } from '../domain/access/actor.ts';
import { canViewAbsence } from '../domain/access/policy.ts';
import { childAbsencePart } from '../domain/absence/overview.ts';
import { nextLessonsPart } from '../domain/calendar/next-lessons.ts';
import { schoolYearPart } from '../domain/calendar/school-days.ts';
import { done, loadParts } from '../db/together.ts';
import { childSmsAddressPart } from '../domain/messages/sms-address.ts';
import type { AppEnv } from '../app-env.ts';
import { childOverviewPart, requireGuardianChild } from '../domain/guardian/child.ts';
import { childAddressPart } from '../domain/guardian/child-address.ts';
import { actorOf, requireActor } from '../middleware/session.ts';
import { ChildOverview } from '../views/children/child.tsx';
import { renderChildSection } from './child-section.tsx';
import { idParam } from './params.ts';
import { pageContext } from './render.tsx';

/** GET /children/:id — the child page's overview section (G5). Other sections live in their own files. */
export const children = new Hono<AppEnv>().get('/children/:id', async (c) => {
  const { db } = c.get('deps');
  const actor = actorOf(c);
  const today = todayOf(c);
  const child = await requireGuardianChild(db, actor, idParam(c.req.param('id')), today);
  // two statements after the child's: what depends only on the child, then the year and the next lessons
  const absence = canViewAbsence(actor, child.facts);
  const first = await loadParts(db, {
    overview: childOverviewPart(db, actor, child, today),
    address: childAddressPart(db, actor, child),
    sms: childSmsAddressPart(db, child, today),
    schoolYear: absence ? schoolYearPart(db, child.municipalityId, today) : done(null),
  });
  const second = await loadParts(db, {
    absence: absence ? childAbsencePart(db, actor, child, first.schoolYear, today) : done(null),
    next: nextLessonsPart(db, child, today, timeInOslo(nowOf(c))),
  });
  const overview = { ...first.overview, address: first.address, sms: first.sms, ...second };
  return renderChildSection(
    c,
    child,
    'overview',
    <ChildOverview page={pageContext(c)} child={child} overview={overview} />,
  );
});
