import { readForm } from './form-body.ts';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.ts';
import { findRegisterUnit, loadRegister } from '../domain/attendance/register.ts';
import { saveRegister } from '../domain/attendance/save.ts';
import type { AttendanceStatus } from '../db/schema.ts';
import { parseDate } from '../i18n/index.ts';
import { actorOf } from '../middleware/session.ts';
import { attendancePaths } from '../paths/attendance.ts';
import {
  RegisterPage,
  RegisterSection,
  registerTitle,
  savedNotice,
  type RegisterFormState,
} from '../views/attendance/register.tsx';
import { nowOf, todayOf } from './clock.ts';
import { idParam } from './params.ts';
import { isPartialRequest, pageContext, render, wantsMobileShell } from './render.tsx';
import { MobileRegister } from '../views/mobile/attendance.tsx';

type Kind = 'class' | 'group';
const Status = v.picklist(['present', 'absent', 'late']);

/** `?date=` (dd.mm.yyyy or YYYY-MM-DD; default today; null when malformed) and `?lesson=` (none = the whole day). */
function selection(c: Context<AppEnv>) {
  const text = c.req.query('date');
  const lesson = c.req.query('lesson');
  return { date: text ? parseDate(text) : todayOf(c), lessonId: lesson ? idParam(lesson) : null };
}

/** Every `status-<pupil id>` field of the form; any value other than the three → invalid (the valid ones are kept). */
function parseStatuses(body: Record<string, unknown>): { ok: boolean; statuses: Map<number, AttendanceStatus> } {
  const statuses = new Map<number, AttendanceStatus>();
  let ok = true;
  for (const [name, value] of Object.entries(body)) {
    const match = /^status-(\d{1,12})$/.exec(name);
    if (!match) continue;
    const status = v.safeParse(Status, value);
    if (status.success) statuses.set(Number(match[1]), status.output);
    else ok = false;
  }
  return { ok: ok && statuses.size > 0, statuses };
}

async function show(
  c: Context<AppEnv>,
  kind: Kind,
  options: { notice?: boolean; form?: RegisterFormState; status?: ContentfulStatusCode } = {},
) {
  const { db } = c.get('deps');
  const { date, lessonId } = selection(c);
  const unit = await findRegisterUnit(db, actorOf(c), kind, idParam(c.req.param('id')!));
  const register = await loadRegister(db, unit, date ?? todayOf(c), lessonId, todayOf(c));
  const page = pageContext(c);
  const notice = options.notice || c.req.query('saved') === '1' ? savedNotice(page, register) : undefined;
  const props = { page, register, notice, form: options.form };
  const body =
    c.req.method === 'POST' && isPartialRequest(c) ? (
      <RegisterSection {...props} />
    ) : wantsMobileShell(c) ? (
      <MobileRegister {...props} />
    ) : (
      <RegisterPage {...props} />
    );
  return render(c, registerTitle(page, register), body, options.status);
}

async function save(c: Context<AppEnv>, kind: Kind) {
  const { db } = c.get('deps');
  const { date, lessonId } = selection(c);
  if (date === null) throw new HTTPException(400);
  const unit = await findRegisterUnit(db, actorOf(c), kind, idParam(c.req.param('id')!));
  const parsed = parseStatuses(await readForm(c));
  if (!parsed.ok) return show(c, kind, { form: { statuses: parsed.statuses, problem: 'invalid' }, status: 422 });
  const result = await saveRegister(db, actorOf(c), unit, { date, lessonId, statuses: parsed.statuses }, nowOf(c));
  if (!result.ok) return show(c, kind, { form: { statuses: parsed.statuses, problem: result.reason }, status: 422 });
  if (isPartialRequest(c)) return show(c, kind, { notice: true });
  return c.redirect(attendancePaths.register(unit, { date, lesson: lessonId, saved: true }), 303);
}

/** S4: staff register attendance for a class or group, for a lesson or a day. Others: 404 (the school owner: 403). */
export const attendanceRoutes = new Hono<AppEnv>()
  .get('/classes/:id/attendance', (c) => show(c, 'class'))
  .post('/classes/:id/attendance', (c) => save(c, 'class'))
  .get('/groups/:id/attendance', (c) => show(c, 'group'))
  .post('/groups/:id/attendance', (c) => save(c, 'group'));
