import type { RegisterUnit } from '../../domain/access/policy.ts';
import { paths } from '../urls.ts';

/** The register of a class or group: `?date=` (default today), `?lesson=` (default the whole day), `?saved=1` (receipt). */
export function registerHref(unit: Pick<RegisterUnit, 'kind' | 'id'>, options: { date?: string; lesson?: number | null; saved?: boolean } = {}): string {
  const base = unit.kind === 'class' ? paths.classAttendance(unit.id) : paths.groupAttendance(unit.id);
  const query = new URLSearchParams();
  if (options.date) query.set('date', options.date);
  if (options.lesson) query.set('lesson', String(options.lesson));
  if (options.saved) query.set('saved', '1');
  const search = query.toString();
  return search ? `${base}?${search}` : base;
}

export const unitHref = (unit: Pick<RegisterUnit, 'kind' | 'id'>) => (unit.kind === 'class' ? paths.class(unit.id) : paths.group(unit.id));
