import type { TodayLesson } from './today.ts';

/**
 * "I dag" on the phone (issue 14): the lesson going on now first, then the rest in time order. `now` is 'HH:MM' in
 * Norway, as lessons' times are written; a lesson is current from its start up to (not including) its end.
 */
export function currentFirst(
  lessons: TodayLesson[],
  now: string,
): { lessons: TodayLesson[]; currentId: number | null } {
  const current = lessons.find((l) => l.startsAt <= now && now < l.endsAt) ?? null;
  if (!current) return { lessons, currentId: null };
  return { lessons: [current, ...lessons.filter((l) => l !== current)], currentId: current.lessonId };
}
