import { timeInOslo } from '../../domain/access/actor.ts';
import type { CareUnitInfo } from '../../domain/access/care-scope.ts';
import { boardStatus, type BoardChild } from '../../domain/care/board.ts';
import { careBoardText, type CareBoardMessages } from '../../i18n/care-board.ts';
import { fill } from '../../i18n/index.ts';
import { careBoardPaths } from '../../paths/care-board.ts';
import { safeHref } from '../../paths/safe.ts';
import { frame, link, primaryButton, secondaryButton, smallButton } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';

/** A refused tap on one row: the message, and the typed name kept. */
export interface RowProblem {
  message: string;
  other?: string;
}

const bigButton = 'min-h-11 w-full sm:w-auto';
const statusClass = {
  expected: 'bg-amber-100 text-amber-950',
  here: 'bg-emerald-100 text-emerald-950',
  gone: 'bg-slate-200 text-slate-900',
  not_coming: 'bg-slate-100 text-slate-800',
} as const;

function expectedText(t: CareBoardMessages, child: BoardChild): string {
  const e = child.expected;
  if (e.kind === 'times')
    return fill(e.changed ? t.expected.changed : t.expected.times, { from: e.arrivesAt, to: e.leavesAt });
  return t.expected[e.kind];
}

function statusText(t: CareBoardMessages, child: BoardChild): string {
  const status = boardStatus(child);
  if (status === 'here') return fill(t.status.here, { time: timeInOslo(child.day!.checkedInAt!) });
  if (status === 'gone') return fill(t.status.gone, { time: timeInOslo(child.day!.checkedOutAt!) });
  return t.status[status];
}

/** hx attributes of a tap: htmx 4 inherits nothing, so each form names its own target and swap. */
const hx = (action: string, childId: number) => ({
  'hx-post': action,
  'hx-target': `#child-${childId}`,
  'hx-swap': 'outerHTML',
});

function Notes({ t, child }: { t: CareBoardMessages; child: BoardChild }) {
  const day = child.day;
  const notes = [
    { label: t.pickupMessage, text: day?.pickupMessage ?? '' },
    { label: t.guardianNote, text: day?.guardianNote ?? '' },
    { label: t.staffNote, text: day?.staffNote ?? '' },
  ].filter((n) => n.text !== '');
  if (notes.length === 0) return '';
  return (
    <dl class="space-y-1 rounded border-l-4 border-sky-700 bg-sky-50 px-2 py-1 text-sm">
      {notes.map((n) => (
        <div>
          <dt class="inline font-semibold" safe>{`${n.label}: `}</dt>
          <dd class="inline" safe>
            {n.text}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function WhoMayFetch({ t, child }: { t: CareBoardMessages; child: BoardChild }) {
  const people = [
    ...child.guardians.map((g) => ({ key: `g${g.id}`, name: g.name, phone: g.phone, relation: t.guardian })),
    ...child.pickupPersons.map((p) => ({ key: `p${p.id}`, name: p.name, phone: p.phone, relation: p.relation })),
  ];
  return (
    <details class="text-sm">
      <summary class="cursor-pointer py-1 font-semibold" safe>
        {t.mayFetch}
      </summary>
      <ul class="space-y-1 pl-2" role="list">
        {people.map((p) => (
          <li>
            <span safe>{p.relation ? `${p.name} (${p.relation})` : p.name}</span>
            {p.phone ? (
              <>
                {' '}
                <a href={safeHref(`tel:${p.phone.replace(/\s/g, '')}`)} class={link} safe>
                  {p.phone}
                </a>
              </>
            ) : (
              ''
            )}
          </li>
        ))}
        {child.walksAlone ? (
          <li safe>{child.walksAloneFrom ? fill(t.walksAloneFrom, { time: child.walksAloneFrom }) : t.walksAlone}</li>
        ) : (
          ''
        )}
      </ul>
    </details>
  );
}

function CheckOutForm({
  t,
  unit,
  child,
  problem,
  departmentId,
}: {
  departmentId?: number | null;
  t: CareBoardMessages;
  unit: CareUnitInfo;
  child: BoardChild;
  problem?: RowProblem;
}) {
  const action = careBoardPaths.checkOut(unit, child.childId, departmentId);
  const id = (s: string) => `${s}-${child.childId}`;
  return (
    <form method="post" action={action} class="space-y-2" {...hx(action, child.childId)}>
      <div class="grid gap-2 sm:grid-cols-2">
        <div>
          <label for={id('picked-up-by')} class="block text-sm font-semibold" safe>
            {t.whoFetches}
          </label>
          <select
            id={id('picked-up-by')}
            name="picked_up_by"
            class="min-h-11 w-full rounded border border-slate-500 bg-white p-2"
          >
            <option value="" safe>
              {t.notGiven}
            </option>
            {child.guardians.map((g) => (
              <option value={`guardian:${g.id}`} safe>
                {g.name}
              </option>
            ))}
            {child.pickupPersons.map((p) => (
              <option value={`pickup:${p.id}`} safe>
                {p.relation ? `${p.name} (${p.relation})` : p.name}
              </option>
            ))}
            {child.walksAlone ? (
              <option value="alone" safe>
                {t.walkedAlone}
              </option>
            ) : (
              ''
            )}
            <option value="other" selected={problem?.other !== undefined} safe>
              {t.other}
            </option>
          </select>
        </div>
        <div>
          <label for={id('picked-up-other')} class="block text-sm font-semibold" safe>
            {t.otherName}
          </label>
          <input
            id={id('picked-up-other')}
            name="picked_up_other"
            type="text"
            maxlength="100"
            autocomplete="off"
            value={problem?.other ?? ''}
            class="min-h-11 w-full rounded border border-slate-500 p-2"
          />
        </div>
      </div>
      <button type="submit" class={`${primaryButton} ${bigButton}`} safe>
        {t.checkOut}
      </button>
    </form>
  );
}

/** One child on the board: a list item with what is expected, where the child is, notes, and the taps. */
export function BoardRow({
  page,
  unit,
  child,
  problem,
  departmentId,
  readOnly = false,
}: {
  /** The board's department filter, kept by the taps. */
  departmentId?: number | null;
  page: PageContext;
  unit: CareUnitInfo;
  child: BoardChild;
  problem?: RowProblem;
  /** A coming day: what is expected, without the taps (they are made on the day). */
  readOnly?: boolean;
}) {
  const today = careBoardText[page.locale];
  const t: CareBoardMessages = readOnly
    ? {
        ...today,
        expected: today.otherDay.expected,
        status: { ...today.status, expected: today.otherDay.waiting },
        pickupMessage: today.otherDay.pickupMessage,
        staffNote: today.otherDay.staffNote,
      }
    : today;
  const status = boardStatus(child);
  const day = child.day;
  const headingId = `child-${child.childId}-name`;
  return (
    <li id={`child-${child.childId}`} class={`space-y-2 ${frame} p-3`} aria-labelledby={headingId} tabindex="-1">
      <div class="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} class="text-lg font-semibold" safe>{`${child.givenName} ${child.familyName}`}</h3>
        <span class="text-sm text-slate-700" safe>
          {child.groupName}
        </span>
      </div>
      <p class="flex flex-wrap items-center gap-2">
        <span class={`rounded px-2 py-0.5 font-semibold ${statusClass[status]}`} safe>
          {statusText(t, child)}
        </span>
        <span class="text-sm text-slate-800" safe>
          {expectedText(t, child)}
        </span>
      </p>
      {day?.checkedInAt ? (
        <p class="text-sm text-slate-700" safe>
          {[
            fill(t.checkedInBy, { time: timeInOslo(day.checkedInAt), name: day.checkedInBy ?? '' }),
            day.checkedOutAt
              ? fill(t.checkedOutBy, { time: timeInOslo(day.checkedOutAt), name: day.checkedOutBy ?? '' })
              : '',
            day.checkedOutAt && day.pickedUpBy ? fill(t.pickedUpBy, { name: day.pickedUpBy }) : '',
          ]
            .filter(Boolean)
            .join('. ')}
        </p>
      ) : (
        ''
      )}
      {problem ? (
        <p class="rounded border-2 border-red-800 bg-red-50 p-2 text-red-950" role="alert" safe>
          {problem.message}
        </p>
      ) : (
        ''
      )}
      <Notes t={t} child={child} />
      <WhoMayFetch t={t} child={child} />
      {readOnly ? '' : <Taps t={t} unit={unit} child={child} problem={problem} departmentId={departmentId} />}
    </li>
  );
}

/** The taps of today's row: check in or out, undo, the staff's note. */
function Taps({
  t,
  unit,
  child,
  problem,
  departmentId,
}: {
  t: CareBoardMessages;
  unit: CareUnitInfo;
  child: BoardChild;
  problem?: RowProblem;
  departmentId?: number | null;
}) {
  const status = boardStatus(child);
  const day = child.day;
  return (
    <>
      {status === 'gone' ? (
        ''
      ) : status === 'here' ? (
        <CheckOutForm t={t} unit={unit} child={child} problem={problem} departmentId={departmentId} />
      ) : (
        <form
          method="post"
          action={careBoardPaths.checkIn(unit, child.childId, departmentId)}
          {...hx(careBoardPaths.checkIn(unit, child.childId, departmentId), child.childId)}
        >
          <button type="submit" class={`${primaryButton} ${bigButton}`} safe>
            {t.checkIn}
          </button>
        </form>
      )}
      <div class="flex flex-wrap items-end gap-2">
        {day?.checkedInAt ? (
          <form
            method="post"
            action={careBoardPaths.undo(unit, child.childId, departmentId)}
            {...hx(careBoardPaths.undo(unit, child.childId, departmentId), child.childId)}
          >
            <button type="submit" class={`${secondaryButton} min-h-11`} safe>
              {t.undo}
            </button>
          </form>
        ) : (
          ''
        )}
        <form
          method="post"
          action={careBoardPaths.note(unit, child.childId, departmentId)}
          class="flex flex-1 flex-wrap items-end gap-2"
          {...hx(careBoardPaths.note(unit, child.childId, departmentId), child.childId)}
        >
          <div class="min-w-40 flex-1">
            <label for={`note-${child.childId}`} class="block text-sm font-semibold" safe>
              {t.noteLabel}
            </label>
            <input
              id={`note-${child.childId}`}
              name="note"
              type="text"
              maxlength="500"
              value={day?.staffNote ?? ''}
              class="min-h-11 w-full rounded border border-slate-500 p-2"
            />
          </div>
          <button type="submit" class={`${smallButton} min-h-11`} safe>
            {t.saveNote}
          </button>
        </form>
      </div>
    </>
  );
}
