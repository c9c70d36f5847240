import type { TodayLesson } from '../../domain/attendance/today.ts';
import type { Register } from '../../domain/attendance/register.ts';
import type { listStaffUnits } from '../../domain/school/units.ts';
import { mobileText } from '../../i18n/mobile.ts';
import { attendancePaths } from '../../paths/attendance.ts';
import { homePaths } from '../../paths/home.ts';
import { frame, link } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';
import { RegisterSection, type RegisterFormState } from '../attendance/register.tsx';
import { LessonLinks } from './today.tsx';

type StaffUnits = Awaited<ReturnType<typeof listStaffUnits>>;

/** GET /attendance, "Fravær": today's lessons (the current first), then every class and group with its register. */
export function AttendanceChooser({
  page,
  today,
  lessons,
  currentId,
  units,
}: {
  page: PageContext;
  today: string;
  lessons: TodayLesson[];
  currentId: number | null;
  units: StaffUnits;
}) {
  const t = mobileText[page.locale];
  const all = [
    ...units.classes.map((u) => ({ kind: 'class' as const, id: u.id, name: u.name, schoolName: u.schoolName })),
    ...units.groups.map((u) => ({ kind: 'group' as const, id: u.id, name: u.name, schoolName: u.schoolName })),
  ];
  return (
    <div class="mx-auto max-w-2xl space-y-5">
      <h1 class="text-2xl font-bold" safe>
        {t.attendanceTitle}
      </h1>
      <p safe>{t.attendanceLead}</p>
      <LessonLinks page={page} lessons={lessons} currentId={currentId} today={today} />
      <section aria-labelledby="units-heading" class="space-y-2">
        <h2 id="units-heading" class="text-lg font-semibold" safe>
          {t.unitsHeading}
        </h2>
        {all.length === 0 ? (
          <p safe>{t.noUnits}</p>
        ) : (
          <ul class="grid grid-cols-2 gap-2" role="list">
            {all.map((u) => (
              <li>
                <a
                  href={attendancePaths.register(u)}
                  class={`${frame} flex min-h-12 flex-col justify-center px-3 py-2 text-sky-900 no-underline hover:bg-sky-50`}
                >
                  <span class="font-semibold" safe>
                    {u.name}
                  </span>
                  <span class="text-sm text-slate-700" safe>
                    {u.schoolName}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The register in the mobile view: the same form (RegisterSection) posting to the same handler, without the chooser. */
export function MobileRegister(props: {
  page: PageContext;
  register: Register;
  notice?: string;
  form?: RegisterFormState;
}) {
  const t = mobileText[props.page.locale];
  const { unit } = props.register;
  return (
    <div class="space-y-3">
      <p>
        <a href={homePaths.start} class={link} safe>
          {t.backToday}
        </a>
      </p>
      <h1 class="text-2xl font-bold" safe>
        {unit.name}
      </h1>
      <RegisterSection {...props} />
    </div>
  );
}
