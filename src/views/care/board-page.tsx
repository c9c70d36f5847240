import type { CareUnitInfo } from '../../domain/access/care-scope.ts';
import type { Board, BoardStatus } from '../../domain/care/board.ts';
import { careBoardText } from '../../i18n/care-board.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { careBoardPaths } from '../../paths/care-board.ts';
import { consentPaths } from '../../paths/consents.ts';
import { consentsText } from '../../i18n/consents.ts';
import { card, link, listCard, secondaryButton } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';
import { BoardRow, type RowProblem } from './board-row.tsx';

export const boardTitle = (page: PageContext, board: Board) =>
  fill(careBoardText[page.locale].title, { unit: board.unit.name, date: formatDate(board.date) });

const STATUSES: BoardStatus[] = ['expected', 'here', 'gone', 'not_coming'];

/** The board on a phone first: the day's counts, a department filter, then one list item per child. */
export function BoardPage({
  page,
  board,
  canSeeStatistics,
  canSeeConsents = false,
  problem,
  today,
  days,
}: {
  page: PageContext;
  board: Board;
  canSeeStatistics: boolean;
  /** A kindergarten's consent overview (issue 13). */
  canSeeConsents?: boolean;
  /** Today's date: another day's board is read-only. */
  today: string;
  /** The day before and after the board's day that the board may show (null: none). */
  days: { previous: string | null; next: string | null };
  /** A refused tap without JavaScript: shown on that child's row. */
  problem?: { childId: number } & RowProblem;
}) {
  const t = careBoardText[page.locale];
  const unit = board.unit;
  return (
    <div class="space-y-4">
      <h1 class="text-2xl font-bold" safe>
        {boardTitle(page, board)}
      </h1>
      {board.date === today ? (
        ''
      ) : (
        <p class="rounded border-l-4 border-sky-800 bg-sky-50 p-3" safe>
          {fill(t.otherDay.showing, { date: formatDate(board.date) })}
        </p>
      )}
      <nav aria-label={t.otherDay.days} class="flex flex-wrap gap-x-4 gap-y-1">
        {days.previous ? (
          <a
            href={careBoardPaths.board(unit, {
              department: board.departmentId,
              date: days.previous === today ? undefined : days.previous,
            })}
            class={link}
            safe
          >
            {t.otherDay.previous}
          </a>
        ) : (
          ''
        )}
        {board.date === today ? (
          ''
        ) : (
          <a href={careBoardPaths.board(unit, { department: board.departmentId })} class={link} safe>
            {t.otherDay.today}
          </a>
        )}
        {days.next ? (
          <a href={careBoardPaths.board(unit, { department: board.departmentId, date: days.next })} class={link} safe>
            {t.otherDay.next}
          </a>
        ) : (
          ''
        )}
      </nav>
      <section aria-labelledby="board-counts-heading">
        <h2 id="board-counts-heading" class="sr-only" safe>
          {t.countsLabel}
        </h2>
        <BoardCounts page={page} counts={board.counts} />
      </section>
      {board.departments.length ? (
        <form method="get" action={careBoardPaths.board(unit)} class="flex flex-wrap items-end gap-2">
          {board.date === today ? '' : <input type="hidden" name="date" value={board.date} />}
          <div>
            <label for="department" class="block text-sm font-semibold" safe>
              {t.department}
            </label>
            <select id="department" name="department" class="min-h-11 rounded border border-slate-500 bg-white p-2">
              <option value="" safe>
                {t.allDepartments}
              </option>
              {board.departments.map((d) => (
                <option value={String(d.id)} selected={d.id === board.departmentId} safe>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class={`${secondaryButton} min-h-11`} safe>
            {t.show}
          </button>
        </form>
      ) : (
        ''
      )}
      {board.children.length === 0 ? (
        <p safe>{t.noChildren}</p>
      ) : (
        <ul class="space-y-2" role="list">
          {board.children.map((child) => (
            <BoardRow
              page={page}
              unit={unit}
              child={child}
              problem={problem?.childId === child.childId ? problem : undefined}
              departmentId={board.departmentId}
              readOnly={board.date !== today}
            />
          ))}
        </ul>
      )}
      {canSeeConsents ? (
        <p>
          <a href={consentPaths.kindergartenOverview(unit.id, board.departmentId)} class={link} safe>
            {consentsText[page.locale].kindergarten.overview.unitLink}
          </a>
        </p>
      ) : (
        ''
      )}
      {canSeeStatistics ? (
        <p>
          <a href={careBoardPaths.statistics(unit)} class={link} safe>
            {fill(t.statisticsLink, { unit: unit.name })}
          </a>
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

/** The day's counts. After a tap htmx gets them out of band beside the row (`oob`), so they never go stale. */
export function BoardCounts({
  page,
  counts,
  oob,
}: {
  page: PageContext;
  counts: Record<BoardStatus, number>;
  oob?: boolean;
}) {
  const t = careBoardText[page.locale];
  return (
    <dl id="board-counts" class="grid grid-cols-4 gap-2 text-center" hx-swap-oob={oob ? 'true' : undefined}>
      {STATUSES.map((s) => (
        <div class={`${card} px-1 py-2`}>
          <dt class="text-xs text-slate-700 sm:text-sm" safe>
            {t.counts[s]}
          </dt>
          <dd class="text-2xl font-bold" safe>
            {String(counts[s])}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The person's boards (GET /care with more than one). */
export function BoardsPage({ page, units }: { page: PageContext; units: CareUnitInfo[] }) {
  const t = careBoardText[page.locale];
  return (
    <div class="space-y-4">
      <h1 class="text-2xl font-bold" safe>
        {t.boardsTitle}
      </h1>
      {units.length === 0 ? <p safe>{t.noBoards}</p> : <CareBoardLinks page={page} units={units} />}
    </div>
  );
}

/** A list of board links (also on the staff home). */
export function CareBoardLinks({ page, units }: { page: PageContext; units: CareUnitInfo[] }) {
  const t = careBoardText[page.locale];
  return (
    <ul class={listCard} role="list">
      {units.map((u) => (
        <li class="p-3">
          <a href={careBoardPaths.board(u)} class={link} safe>
            {fill(t.boardLink, { unit: u.name })}
          </a>
          <span class="block text-sm text-slate-700" safe>
            {u.placeName}
          </span>
        </li>
      ))}
    </ul>
  );
}
