type Unit = { kind: 'class' | 'group'; id: number };

/** The attendance register of a class or a teaching group (src/routes/attendance.tsx). */
export const attendancePaths = {
  /** `?date=` (default today), `?lesson=` (default the whole day), `?saved=1` (receipt). */
  register: (unit: Unit, options: { date?: string; lesson?: number | null; saved?: boolean } = {}) => {
    const base = unit.kind === 'class' ? `/classes/${unit.id}/attendance` : `/groups/${unit.id}/attendance`;
    const query = new URLSearchParams();
    if (options.date) query.set('date', options.date);
    if (options.lesson) query.set('lesson', String(options.lesson));
    if (options.saved) query.set('saved', '1');
    const search = query.toString();
    return search ? `${base}?${search}` : base;
  },
} as const;
