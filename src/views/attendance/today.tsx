import type { TodayLesson } from '../../domain/attendance/today.ts';
import { attendanceText } from '../../i18n/attendance.ts';
import { link, listCard } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';
import { attendancePaths } from '../../paths/attendance.ts';

/** "I dag" on the staff home: today's lessons the person teaches, each opening its register. */
export function TodayLessons({ page, lessons, today }: { page: PageContext; lessons: TodayLesson[]; today: string }) {
  const t = attendanceText[page.locale];
  return (
    <section aria-labelledby="today-heading" class="space-y-2">
      <h2 id="today-heading" class="text-xl font-semibold" safe>
        {t.todayHeading}
      </h2>
      {lessons.length === 0 ? (
        <p safe>{t.todayEmpty}</p>
      ) : (
        <ul class={listCard} role="list">
          {lessons.map((l) => (
            <li class="px-4 py-3">
              <a
                href={attendancePaths.register(l.unit, { date: today, lesson: l.lessonId })}
                class={link}
                safe
              >{`${l.startsAt}–${l.endsAt} ${l.subject} · ${l.unit.name}`}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The "Registrer fravær" link on a class or group card. */
export function RegisterLink({ page, unit }: { page: PageContext; unit: { kind: 'class' | 'group'; id: number } }) {
  return (
    <a href={attendancePaths.register(unit)} class={`${link} block text-sm`} safe>
      {attendanceText[page.locale].unitLink}
    </a>
  );
}
