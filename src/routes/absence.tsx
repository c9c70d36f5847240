import { readForm } from './form-body.ts';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { requireVisiblePupil } from '../domain/access/scope.ts';
import { markAbsenceDocumented } from '../domain/absence/documented.ts';
import { loadChildAbsence, loadOwnAbsence, loadPupilAbsence } from '../domain/absence/overview.ts';
import { reportAbsence } from '../domain/absence/report.ts';
import {
  parseAbsenceReport,
  parseReportDate,
  type ReportErrors,
  type ReportInput,
} from '../domain/absence/report-form.ts';
import { dayLessons } from '../domain/absence/report-checks.ts';
import { withdrawAbsenceReport } from '../domain/absence/withdraw.ts';
import { requireGuardianChild, type GuardianChild } from '../domain/guardian/child.ts';
import { absenceText } from '../i18n/absence.ts';
import { formatDate } from '../i18n/index.ts';
import { actorOf } from '../middleware/session.ts';
import { ChildAbsenceSection } from '../views/absence/child-section.tsx';
import { LessonsPart } from '../views/absence/lessons-part.tsx';
import { OwnAbsencePage, PupilAbsencePage, pupilAbsenceTitle } from '../views/absence/pages.tsx';
import { absencePaths } from '../paths/absence.ts';
import { ReportFormSection } from '../views/absence/report-form.tsx';
import { renderChildSection } from './child-section.tsx';
import { nowOf, todayOf } from './clock.ts';
import { idParam } from './params.ts';
import { isPartialRequest, pageContext, render } from './render.tsx';

const DocumentedForm = v.object({ documented: v.picklist(['true', 'false']) });
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const texts = (value: unknown) =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
const shownDate = (value: string) => {
  const iso = parseReportDate(value);
  return iso ? formatDate(iso) : value;
};

const loadChild = (c: Context<AppEnv>) =>
  requireGuardianChild(c.get('deps').db, actorOf(c), idParam(c.req.param('id') ?? ''), todayOf(c));

/** The child's absence section; for htmx the URL it stands for is pushed (also after a POST → 303). */
async function absenceSection(
  c: Context<AppEnv>,
  child: GuardianChild,
  extra: { savedId?: number; withdrawn?: boolean; alert?: string } = {},
  status: ContentfulStatusCode = 200,
) {
  const overview = await loadChildAbsence(c.get('deps').db, actorOf(c), child, todayOf(c));
  if (isPartialRequest(c) && c.req.method === 'GET')
    c.header('HX-Push-Url', new URL(c.req.url).pathname + new URL(c.req.url).search);
  return renderChildSection(
    c,
    child,
    'absence',
    <ChildAbsenceSection page={pageContext(c)} child={child} overview={overview} {...extra} />,
    status,
  );
}

/** The report form (values kept, errors shown); htmx asking for the lessons of another date gets only that part. */
async function formSection(
  c: Context<AppEnv>,
  child: GuardianChild,
  input: ReportInput,
  errors: ReportErrors,
  status: ContentfulStatusCode = 200,
) {
  const date = input.kind === 'lessons' ? parseReportDate(input.date) : null;
  const day = date ? await dayLessons(c.get('deps').db, child, date) : null;
  const state = { input: { ...input, date: shownDate(input.date) }, errors, day, today: todayOf(c) };
  if (isPartialRequest(c) && c.req.header('hx-target')?.endsWith('#absence-lessons')) {
    c.header('Vary', 'HX-Request');
    return c.html(<LessonsPart page={pageContext(c)} child={child} state={state} />, status);
  }
  return renderChildSection(
    c,
    child,
    'absence',
    <ReportFormSection page={pageContext(c)} child={child} state={state} />,
    status,
  );
}

/** G6 (guardians report absence, see the school year), P1 (the pupil's own absence), S4 (staff view, documentation). */
export const absenceRoutes = new Hono<AppEnv>()
  .get('/children/:id/absence', async (c) => {
    const saved = Number(c.req.query('saved'));
    return absenceSection(c, await loadChild(c), {
      savedId: Number.isSafeInteger(saved) ? saved : undefined,
      withdrawn: c.req.query('withdrawn') === '1',
    });
  })
  .get('/children/:id/absence/new', async (c) => {
    const child = await loadChild(c);
    const kind = c.req.query('kind') === 'lessons' ? 'lessons' : 'days';
    const date = c.req.query('date') ?? (kind === 'lessons' ? todayOf(c) : '');
    const input: ReportInput = {
      kind,
      from: kind === 'days' ? shownDate(date) : '',
      to: '',
      date,
      lessons: [],
      reason: '',
      note: '',
    };
    const errors: ReportErrors =
      kind === 'lessons' && date.trim() && !parseReportDate(date) ? { date: { code: 'invalid_date' } } : {};
    return formSection(c, child, input, errors);
  })
  .post('/children/:id/absences', async (c) => {
    const child = await loadChild(c);
    const body = await readForm(c, { all: true });
    const input: ReportInput = {
      kind: body.kind === 'lessons' ? 'lessons' : 'days',
      from: text(body.from),
      to: text(body.to),
      date: text(body.date),
      lessons: texts(body.lessons),
      reason: text(body.reason),
      note: text(body.note),
    };
    const parsed = parseAbsenceReport(input);
    if (!parsed.ok) return formSection(c, child, input, parsed.errors, 422);
    const result = await reportAbsence(c.get('deps').db, actorOf(c), child, parsed.values, nowOf(c));
    if (!result.ok) return formSection(c, child, input, result.errors, 422);
    return c.redirect(absencePaths.childSaved(child.pupilId, result.reportId), 303);
  })
  .post('/children/:id/absences/:reportId/withdrawal', async (c) => {
    const child = await loadChild(c);
    const result = await withdrawAbsenceReport(
      c.get('deps').db,
      actorOf(c),
      child,
      idParam(c.req.param('reportId')),
      nowOf(c),
    );
    if (!result.ok) return absenceSection(c, child, { alert: absenceText[c.get('locale')].notWithdrawable }, 409);
    return c.redirect(absencePaths.childWithdrawn(child.pupilId), 303);
  })
  .get(absencePaths.own, async (c) => {
    const overview = await loadOwnAbsence(c.get('deps').db, actorOf(c), todayOf(c));
    return render(
      c,
      absenceText[c.get('locale')].ownHeading,
      <OwnAbsencePage page={pageContext(c)} overview={overview} />,
    );
  })
  .get('/pupils/:id/absence', async (c) => {
    const data = await loadPupilAbsence(c.get('deps').db, actorOf(c), idParam(c.req.param('id')), todayOf(c));
    const page = pageContext(c);
    const notice = c.req.query('documented') === '1' ? absenceText[page.locale].documentedSaved : undefined;
    return render(c, pupilAbsenceTitle(page, data), <PupilAbsencePage page={page} data={data} notice={notice} />);
  })
  .post('/pupils/:id/absence-reports/:reportId/documentation', async (c) => {
    const { db } = c.get('deps');
    const pupil = await requireVisiblePupil(db, actorOf(c), idParam(c.req.param('id')), todayOf(c));
    const form = v.safeParse(DocumentedForm, { documented: (await readForm(c)).documented });
    if (!form.success) throw new HTTPException(400);
    await markAbsenceDocumented(
      db,
      actorOf(c),
      pupil,
      idParam(c.req.param('reportId')),
      form.output.documented === 'true',
      nowOf(c),
    );
    return c.redirect(absencePaths.pupilDocumented(pupil.pupilId), 303);
  });
