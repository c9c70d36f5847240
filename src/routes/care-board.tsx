import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../app-env.ts';
import type { Actor } from '../domain/access/actor.ts';
import type { CareFacts } from '../domain/access/care-facts.ts';
import { careUnitsFor, requireCareUnit, type CareUnitInfo } from '../domain/access/care-scope.ts';
import { careUnitRoles, canViewKindergartenConsents } from '../domain/access/policy.ts';
import { loadBoard, recordBoardView } from '../domain/care/board.ts';
import { addDays } from '../domain/calendar/dates.ts';
import {
  checkIn,
  checkOut,
  parsePickedUpBy,
  requireBoardChild,
  saveStaffNote,
  undoLast,
} from '../domain/care/register.ts';
import { NotFoundError } from '../domain/errors.ts';
import { careBoardText } from '../i18n/care-board.ts';
import { formatDate, parseDate } from '../i18n/index.ts';
import { defaultPeriod, isValidPeriod, loadCareStatistics } from '../domain/care/statistics.ts';
import { StatisticsPage, statisticsTitle } from '../views/care/statistics-page.tsx';
import { actorOf } from '../middleware/session.ts';
import { careBoardPaths } from '../paths/care-board.ts';
import { BoardCounts, BoardPage, BoardsPage, boardTitle } from '../views/care/board-page.tsx';
import { BoardRow, type RowProblem } from '../views/care/board-row.tsx';
import { nowOf, todayOf } from './clock.ts';
import { readForm, type FormBody } from './form-body.ts';
import { idParam } from './params.ts';
import { isPartialRequest, pageContext, render } from './render.tsx';

/** `:kind` of the URL: only the two kinds of unit; anything else is a 404. */
export function kindParam(value: string | undefined): 'sfo' | 'kindergarten' {
  if (value === 'sfo' || value === 'kindergarten') return value;
  throw new NotFoundError();
}

async function unitOf(c: Context<AppEnv>, use: 'board' | 'statistics') {
  return requireCareUnit(
    c.get('deps').db,
    actorOf(c),
    kindParam(c.req.param('kind')),
    idParam(c.req.param('id')!),
    use,
  );
}

/** `?department=` of the board and of its taps (a malformed one is no filter). */
function departmentOf(c: Context<AppEnv>): number | null {
  const department = c.req.query('department');
  return department ? idParam(department) || null : null;
}

/** How many days ahead the board shows who is expected ("who will be there each day"). */
const AHEAD_DAYS = 14;

/**
 * `?date=` of the board: a day from today up to AHEAD_DAYS ahead, read-only (the taps are made on the day). Anything
 * else — malformed, past, too far — is today. A tap's 303 has no date: back to today's board.
 */
function boardDateOf(c: Context<AppEnv>, today: string): string {
  const asked = parseDate(c.req.query('date') ?? '');
  return asked && asked > today && asked <= addDays(today, AHEAD_DAYS) ? asked : today;
}

async function showBoard(
  c: Context<AppEnv>,
  unit: CareUnitInfo,
  options: { problem?: { childId: number } & RowProblem; status?: ContentfulStatusCode } = {},
) {
  const today = todayOf(c);
  const date = boardDateOf(c, today);
  const board = await loadBoard(c.get('deps').db, actorOf(c), unit, date, { departmentId: departmentOf(c) });
  if (c.req.method === 'GET') await recordBoardView(c.get('deps').db, actorOf(c), unit, date, board.departmentId);
  const page = pageContext(c);
  return render(
    c,
    boardTitle(page, board),
    <BoardPage
      page={page}
      board={board}
      canSeeStatistics={careUnitRoles(actorOf(c), unit).has('leader')}
      canSeeConsents={canViewKindergartenConsents(actorOf(c), unit)}
      problem={options.problem}
      today={today}
      days={{
        previous: date > today ? addDays(date, -1) : null,
        next: date < addDays(today, AHEAD_DAYS) ? addDays(date, 1) : null,
      }}
    />,
    options.status,
  );
}

type Tap = (
  c: Context<AppEnv>,
  args: { actor: Actor; unit: CareUnitInfo; facts: CareFacts; body: FormBody; today: string; now: Date },
) => Promise<{ ok: true } | { ok: false; problem: RowProblem }>;

/** One tap on a child's row: a small POST that works without JavaScript (303 back to the row) and with htmx (the row). */
async function tap(c: Context<AppEnv>, action: Tap) {
  const { db } = c.get('deps');
  const actor = actorOf(c);
  const unit = await unitOf(c, 'board');
  const today = todayOf(c);
  const facts = await requireBoardChild(db, actor, unit, idParam(c.req.param('childId')!), today);
  const body = await readForm(c);
  const result = await action(c, { actor, unit, facts, body, today, now: nowOf(c) });
  const problem = result.ok ? undefined : result.problem;
  if (!isPartialRequest(c)) {
    if (problem) return showBoard(c, unit, { problem: { childId: facts.childId, ...problem }, status: 422 });
    return c.redirect(careBoardPaths.boardAt(unit, facts.childId, { department: departmentOf(c) }), 303);
  }
  // the row, and the day's counts out of band: one statement, as the board itself
  const board = await loadBoard(db, actor, unit, today, { departmentId: departmentOf(c) });
  const child = board.children.find((ch) => ch.childId === facts.childId);
  if (!child) throw new NotFoundError();
  const page = pageContext(c);
  c.header('Vary', 'HX-Request');
  return c.html(
    <>
      <BoardRow page={page} unit={unit} child={child} problem={problem} departmentId={board.departmentId} />
      <BoardCounts page={page} counts={board.counts} oob />
    </>,
    problem ? 422 : 200,
  );
}

const t = (c: Context<AppEnv>) => careBoardText[c.get('locale')];

/** S10, K1: the check-in/out board of an SFO or a kindergarten for those who work there; others get 404. */
export const careBoardRoutes = new Hono<AppEnv>()
  .get('/care', async (c) => {
    const units = await careUnitsFor(c.get('deps').db, actorOf(c));
    if (units.length === 1) return c.redirect(careBoardPaths.board(units[0]!), 302);
    const page = pageContext(c);
    return render(c, t(c).boardsTitle, <BoardsPage page={page} units={units} />);
  })
  .get('/care/:kind/:id/board', async (c) => showBoard(c, await unitOf(c, 'board')))
  .post('/care/:kind/:id/board/children/:childId/check-in', (c) =>
    tap(c, async (_c, a) => {
      await checkIn(c.get('deps').db, a.actor, a.unit, a.facts.childId, a.today, a.now);
      return { ok: true };
    }),
  )
  .post('/care/:kind/:id/board/children/:childId/check-out', (c) =>
    tap(c, async (_c, a) => {
      const other = typeof a.body.picked_up_other === 'string' ? a.body.picked_up_other : '';
      const parsed = parsePickedUpBy(a.body.picked_up_by, other);
      if ('error' in parsed) return { ok: false, problem: { message: t(c).errors[parsed.error], other } };
      const result = await checkOut(c.get('deps').db, a.actor, a.unit, a.facts, parsed.value, a.today, a.now);
      return result.ok ? { ok: true } : { ok: false, problem: { message: t(c).errors[result.reason] } };
    }),
  )
  .post('/care/:kind/:id/board/children/:childId/undo', (c) =>
    tap(c, async (_c, a) => {
      await undoLast(c.get('deps').db, a.actor, a.unit, a.facts.childId, a.today, a.now);
      return { ok: true };
    }),
  )
  .get('/care/:kind/:id/statistics', async (c) => {
    const unit = await unitOf(c, 'statistics');
    const today = todayOf(c);
    const fromText = c.req.query('from');
    const toText = c.req.query('to');
    const asked = fromText || toText;
    const period = asked ? { from: parseDate(fromText ?? ''), to: parseDate(toText ?? '') } : defaultPeriod(today);
    const valid = period.from !== null && period.to !== null && isValidPeriod(period.from, period.to);
    const withChildren = careUnitRoles(actorOf(c), unit).has('leader');
    const stats = valid
      ? await loadCareStatistics(c.get('deps').db, unit, { from: period.from!, to: period.to! }, today, {
          withChildren,
        })
      : null;
    const page = pageContext(c);
    const shown = valid
      ? { from: formatDate(period.from!), to: formatDate(period.to!) }
      : { from: fromText ?? '', to: toText ?? '' };
    return render(
      c,
      statisticsTitle(page, unit),
      <StatisticsPage
        page={page}
        unit={unit}
        stats={stats}
        period={shown}
        invalid={!valid}
        childrenShown={withChildren}
      />,
      valid ? 200 : 422,
    );
  })
  .post('/care/:kind/:id/board/children/:childId/note', (c) =>
    tap(c, async (_c, a) => {
      const result = await saveStaffNote(
        c.get('deps').db,
        a.actor,
        a.unit,
        a.facts.childId,
        a.body.note,
        a.today,
        a.now,
      );
      return result.ok ? { ok: true } : { ok: false, problem: { message: t(c).errors[result.error] } };
    }),
  );
