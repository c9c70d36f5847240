import { FreeText } from '../domain/text.ts';
import { readForm } from './form-body.ts';
import { Hono } from 'hono';
import { todayOf } from './clock.ts';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { revealProtectedAddress, viewPupilCard } from '../domain/pupils/card.ts';
import { findBlockingTarget, setGuardianBlocked } from '../domain/pupils/guardian-access.ts';
import { BlockingPage } from '../views/pupils/blocking.tsx';
import { attendancePaths } from '../paths/attendance.ts';
import { consentPaths } from '../paths/consents.ts';
import { pupilPaths } from '../paths/pupils.ts';
import { vitnemalPaths } from '../paths/vitnemal.ts';
import { findClassForActor, findGroupForActor } from '../domain/school/units.ts';
import { fill } from '../i18n/index.ts';
import { actorOf, requireActor } from '../middleware/session.ts';
import { PupilCardPage } from '../views/pupils/pupil-card.tsx';
import { classTitle, groupTitle, UnitPage } from '../views/pupils/unit.tsx';
import { consentsText } from '../i18n/consents.ts';
import { attendanceText } from '../i18n/attendance.ts';
import { showsVitnemalAbsence } from '../domain/absence/vitnemal.ts';
import { vitnemalText } from '../i18n/vitnemal.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

const BlockingForm = v.object({
  blocked: v.picklist(['true', 'false']),
  reason: FreeText(500, 3),
});
const RevealForm = v.object({ reason: FreeText(500, 3) });

export const pupils = new Hono<AppEnv>()
  .get('/pupils/:id', async (c) => {
    const card = await viewPupilCard(c.get('deps').db, actorOf(c), idParam(c.req.param('id')), todayOf(c));
    const t = c.get('t').pupil;
    const done = c.req.query('done');
    const notice = done === 'blocked' ? t.blockedNotice : done === 'unblocked' ? t.unblockedNotice : undefined;
    return render(
      c,
      `${card.givenName} ${card.familyName}`,
      <PupilCardPage page={pageContext(c)} card={card} notice={notice} />,
    );
  })
  .get('/pupils/:id/guardians/:guardianId/blocking', async (c) => {
    const target = await findBlockingTarget(
      c.get('deps').db,
      actorOf(c),
      idParam(c.req.param('id')),
      idParam(c.req.param('guardianId')),
      todayOf(c),
    );
    const title = fill(target.blocked ? c.get('t').pupil.unblockTitle : c.get('t').pupil.blockTitle, {
      guardian: target.guardianName,
    });
    return render(c, title, <BlockingPage page={pageContext(c)} target={target} />);
  })
  .post('/pupils/:id/guardians/:guardianId/blocking', async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const pupilId = idParam(c.req.param('id'));
    const guardianId = idParam(c.req.param('guardianId'));
    const target = await findBlockingTarget(db, actor, pupilId, guardianId, todayOf(c));
    const body = await readForm(c);
    const form = v.safeParse(BlockingForm, { blocked: body.blocked, reason: body.reason });
    if (!form.success) {
      const t = c.get('t').pupil;
      // The direction is the relation's own (a stale or missing `blocked` field does not decide the message).
      return render(
        c,
        fill(target.blocked ? t.unblockTitle : t.blockTitle, { guardian: target.guardianName }),
        <BlockingPage
          page={pageContext(c)}
          target={target}
          reason={typeof body.reason === 'string' ? body.reason : ''}
          error={target.blocked ? t.unblockReasonRequired : t.blockReasonRequired}
        />,
        422,
      );
    }
    const blocked = form.output.blocked === 'true';
    await setGuardianBlocked(db, actor, { pupilId, guardianId, blocked, reason: form.output.reason });
    return c.redirect(pupilPaths.blockingDone(pupilId, blocked), 303);
  })
  .post('/pupils/:id/address-reveal', async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const pupilId = idParam(c.req.param('id'));
    const body = await readForm(c);
    const form = v.safeParse(RevealForm, { reason: typeof body.reason === 'string' ? body.reason : '' });
    const card = await viewPupilCard(db, actor, pupilId, todayOf(c));
    const title = `${card.givenName} ${card.familyName}`;
    if (!form.success) {
      const reveal = {
        reason: typeof body.reason === 'string' ? body.reason : '',
        error: c.get('t').pupil.revealReasonRequired,
      };
      return render(c, title, <PupilCardPage page={pageContext(c)} card={card} reveal={reveal} />, 422);
    }
    const revealed = await revealProtectedAddress(db, actor, pupilId, form.output.reason);
    c.header('Cache-Control', 'no-store');
    return render(c, title, <PupilCardPage page={pageContext(c)} card={card} reveal={{ revealed }} />);
  })
  .get('/classes/:id', async (c) => {
    const found = await findClassForActor(c.get('deps').db, actorOf(c), idParam(c.req.param('id')), todayOf(c));
    const page = pageContext(c);
    const subtitle = [
      found.schoolName,
      fill(page.t.unit.trinn, { trinn: found.trinn }),
      ...found.contactTeachers.map((n) => `${page.t.home.contactTeacher}: ${n}`),
    ].join(' · ');
    return render(
      c,
      classTitle(page, found.name),
      <UnitPage
        page={page}
        title={classTitle(page, found.name)}
        subtitle={subtitle}
        pupils={found.pupils}
        actions={[
          ...(found.mayRegisterAttendance
            ? [
                {
                  href: attendancePaths.register({ kind: 'class', id: found.id }),
                  label: attendanceText[page.locale].unitLink,
                },
              ]
            : []),
          { href: consentPaths.classOverview(found.id), label: consentsText[page.locale].overview.unitLink },
          ...(showsVitnemalAbsence(actorOf(c), found)
            ? [{ href: vitnemalPaths.class(found.id), label: vitnemalText[page.locale].link }]
            : []),
        ]}
      />,
    );
  })
  .get('/groups/:id', async (c) => {
    const found = await findGroupForActor(c.get('deps').db, actorOf(c), idParam(c.req.param('id')), todayOf(c));
    const page = pageContext(c);
    return render(
      c,
      groupTitle(page, found.name),
      <UnitPage
        page={page}
        title={groupTitle(page, found.name)}
        subtitle={`${found.schoolName} · ${found.subject}`}
        pupils={found.pupils}
        actions={
          found.mayRegisterAttendance
            ? [
                {
                  href: attendancePaths.register({ kind: 'group', id: found.id }),
                  label: attendanceText[page.locale].unitLink,
                },
              ]
            : []
        }
      />,
    );
  });
