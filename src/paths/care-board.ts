type Unit = { kind: 'sfo' | 'kindergarten'; id: number };

const base = (unit: Unit) => `/care/${unit.kind}/${unit.id}`;
const child = (unit: Unit, childId: number) => `${base(unit)}/board/children/${childId}`;
/** A tap keeps the board's department filter, so the 303 goes back to the same list. */
const keep = (department?: number | null) => (department ? `?department=${department}` : '');

/** The staff side of daily care (src/routes/care-board.tsx; issue 13): the boards, the taps, the statistics. */
export const careBoardPaths = {
  /** The person's boards (one board: straight to it). */
  boards: '/care',
  /** `?department=` filters a kindergarten's board; `?date=` (ISO) shows a coming day, read-only. */
  board: (unit: Unit, options: { department?: number | null; date?: string } = {}) => {
    const query = [
      options.department ? `department=${options.department}` : '',
      options.date ? `date=${options.date}` : '',
    ].filter(Boolean);
    return `${base(unit)}/board${query.length ? `?${query.join('&')}` : ''}`;
  },
  /** The board scrolled to one child's row (the 303 after a tap without JavaScript). */
  boardAt: (unit: Unit, childId: number, options: { department?: number | null } = {}) =>
    `${careBoardPaths.board(unit, options)}#child-${childId}`,
  checkIn: (unit: Unit, childId: number, department?: number | null) =>
    `${child(unit, childId)}/check-in${keep(department)}`,
  checkOut: (unit: Unit, childId: number, department?: number | null) =>
    `${child(unit, childId)}/check-out${keep(department)}`,
  undo: (unit: Unit, childId: number, department?: number | null) => `${child(unit, childId)}/undo${keep(department)}`,
  note: (unit: Unit, childId: number, department?: number | null) => `${child(unit, childId)}/note${keep(department)}`,
  /** `from`/`to` as ISO dates (default the current month). */
  statistics: (unit: Unit, period?: { from: string; to: string }) =>
    period ? `${base(unit)}/statistics?from=${period.from}&to=${period.to}` : `${base(unit)}/statistics`,
} as const;
