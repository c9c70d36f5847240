import type { Register, RegisterRow } from '../../domain/attendance/register.ts';
import type { SaveProblem } from '../../domain/attendance/save.ts';
import type { AbsenceReason, AttendanceStatus } from '../../db/schema.ts';
import { absenceText } from '../../i18n/absence.ts';
import { isoWeekday } from '../../domain/calendar/dates.ts';
import { attendanceText, type AttendanceMessages } from '../../i18n/attendance.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { frame, link, secondaryButton } from '../components/classes.ts';
import { ErrorSummary, Notice } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import { attendancePaths } from '../../paths/attendance.ts';
import { pupilPaths } from '../../paths/pupils.ts';

/** A refused save: what was chosen (kept) and why. */
export interface RegisterFormState {
  statuses: Map<number, AttendanceStatus>;
  problem: SaveProblem | 'invalid';
}

const STATUSES: readonly AttendanceStatus[] = ['present', 'absent', 'late'];
const option =
  'flex min-h-12 cursor-pointer flex-col items-center justify-center gap-1 rounded border-2 border-slate-400 bg-white px-1 py-2 text-center font-semibold sm:flex-row sm:gap-2 has-[:checked]:border-sky-800 has-[:checked]:bg-sky-50';

export const registerTitle = (page: PageContext, register: Register) =>
  fill(attendanceText[page.locale].title, { name: register.unit.name });

const dayLabel = (t: AttendanceMessages, date: string) =>
  `${t.weekdays[isoWeekday(date) - 1] ?? ''} ${formatDate(date)}`;

function homeText(t: AttendanceMessages, reasons: Record<AbsenceReason, string>, row: RegisterRow): string | null {
  const notes: string[] = [];
  if (row.home) {
    const values = { reason: reasons[row.home.reason], by: row.home.reportedBy };
    const lessons = row.home.lessons.map((l) => `${l.startsAt} ${l.subject}`).join(', ');
    notes.push(
      row.home.kind === 'lessons' ? fill(t.homeReportedLessons, { ...values, lessons }) : fill(t.homeReported, values),
    );
  }
  if (row.leave) notes.push(t.leave);
  return notes.length ? notes.join('. ') : null;
}

function PupilChoice({
  t,
  reasons,
  row,
  status,
  disabled,
}: {
  t: AttendanceMessages;
  reasons: Record<AbsenceReason, string>;
  row: RegisterRow;
  status: AttendanceStatus;
  disabled: boolean;
}) {
  const note = homeText(t, reasons, row);
  const noteId = `home-${row.pupilId}`;
  return (
    <li>
      <fieldset
        id={`pupil-${row.pupilId}`}
        disabled={disabled}
        class={`space-y-2 ${frame} p-3`}
        aria-describedby={note ? noteId : undefined}
      >
        <legend class="px-1 font-semibold">
          <span safe>{`${row.familyName}, ${row.givenName}`}</span>
          {row.saved ? (
            <span class="ml-2 rounded bg-slate-200 px-1.5 text-sm font-normal text-slate-900" safe>
              {t.savedMark}
            </span>
          ) : (
            ''
          )}
        </legend>
        {note ? (
          <p id={noteId} class="rounded border-l-4 border-amber-700 bg-amber-50 px-2 py-1 text-sm text-amber-950" safe>
            {note}
          </p>
        ) : (
          ''
        )}
        <div class="grid grid-cols-3 gap-2">
          {STATUSES.map((value) => (
            <label class={option}>
              <input
                type="radio"
                name={`status-${row.pupilId}`}
                value={value}
                checked={value === status}
                class="h-5 w-5 shrink-0"
              />
              <span safe>{t.status[value]}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </li>
  );
}

/** The register itself: one fieldset per pupil, present by default, one Lagre. htmx swaps this section on save. */
export function RegisterSection({
  page,
  register,
  notice,
  form,
}: {
  page: PageContext;
  register: Register;
  notice?: string;
  form?: RegisterFormState;
}) {
  const t = attendanceText[page.locale];
  const href = attendancePaths.register(register.unit, { date: register.date, lesson: register.lesson?.id });
  const what = register.lesson
    ? `${register.lesson.startsAt}–${register.lesson.endsAt} ${register.lesson.subject}`
    : t.wholeDay;
  const problem = register.problem;
  const errors = form ? [{ field: 'register-form', message: t.errors[form.problem] }] : [];
  const holiday = register.day.kind === 'holiday' || register.day.kind === 'planning_day' ? register.day.name : null;
  return (
    <section id="register" aria-labelledby="register-heading" class="space-y-3">
      <h2 id="register-heading" class="text-xl font-semibold" safe>{`${dayLabel(t, register.date)} · ${what}`}</h2>
      <Notice text={notice} />
      {problem === 'not_school_day' ? (
        <p class="font-semibold text-amber-900" safe>
          {holiday ? `${t.noSchool} ${holiday}` : t.noSchool}
        </p>
      ) : register.rows.length === 0 ? (
        <p safe>{t.noPupils}</p>
      ) : (
        <form
          id="register-form"
          method="post"
          action={href}
          class="space-y-3"
          novalidate
          hx-post={href}
          hx-target="#register"
          hx-swap="outerHTML"
          tabindex="-1"
        >
          <ErrorSummary heading={t.errorSummary} errors={errors} />
          <p class="text-slate-700" safe>
            {problem ? t.readOnly[problem] : t.lead}
          </p>
          <ul class="space-y-2" role="list">
            {register.rows.map((row) => (
              <PupilChoice
                t={t}
                reasons={absenceText[page.locale].reasons}
                row={row}
                status={form?.statuses.get(row.pupilId) ?? row.status}
                disabled={problem !== null}
              />
            ))}
          </ul>
          {problem ? (
            ''
          ) : (
            <button
              type="submit"
              class="w-full rounded bg-sky-800 px-4 py-3 text-lg font-semibold text-white hover:bg-sky-900 sm:w-auto"
              safe
            >
              {t.save}
            </button>
          )}
        </form>
      )}
    </section>
  );
}

/** Date chooser (previous/next school day and a date field) and the day's lessons plus "Hele dagen". */
function Chooser({ t, register }: { t: AttendanceMessages; register: Register }) {
  const { unit, date } = register;
  return (
    <div class="space-y-3">
      <nav aria-label={t.dateNav} class="flex flex-wrap items-center justify-between gap-3">
        {register.previous ? (
          <a href={attendancePaths.register(unit, { date: register.previous })} rel="prev" class={link} safe>
            {t.previousDay}
          </a>
        ) : (
          <span />
        )}
        {register.next ? (
          <a href={attendancePaths.register(unit, { date: register.next })} rel="next" class={link} safe>
            {t.nextDay}
          </a>
        ) : (
          ''
        )}
      </nav>
      <form method="get" action={attendancePaths.register(unit)} class="flex flex-wrap items-end gap-2">
        <div class="space-y-1">
          <label for="register-date" class="block font-semibold" safe>
            {t.chooseDate}
          </label>
          <input id="register-date" name="date" type="date" value={date} class="rounded border border-slate-500 p-2" />
        </div>
        <button type="submit" class={secondaryButton} safe>
          {t.show}
        </button>
      </form>
      {register.day.kind === 'school_day' ? (
        <nav aria-label={t.lessonsNav}>
          <ul class="flex flex-wrap gap-2" role="list">
            {[null, ...register.lessons].map((lesson) => {
              const current = (lesson?.id ?? null) === (register.lesson?.id ?? null);
              const label = lesson ? `${lesson.startsAt} ${lesson.subject}` : t.wholeDay;
              return (
                <li>
                  <a
                    href={attendancePaths.register(unit, { date, lesson: lesson?.id })}
                    aria-current={current ? 'page' : undefined}
                    class={`inline-block rounded border px-3 py-2 ${current ? 'border-sky-800 bg-sky-800 font-semibold text-white' : 'border-slate-400 bg-white text-sky-900'}`}
                    safe
                  >
                    {label}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      ) : (
        ''
      )}
    </div>
  );
}

/** GET /classes/:id/attendance, /groups/:id/attendance: mobile first (375 px), works without JavaScript. */
export function RegisterPage(props: {
  page: PageContext;
  register: Register;
  notice?: string;
  form?: RegisterFormState;
}) {
  const t = attendanceText[props.page.locale];
  const { unit } = props.register;
  return (
    <div class="mx-auto max-w-2xl space-y-4">
      <p>
        <a href={pupilPaths.unit(unit)} class={link} safe>
          {fill(t.back, { name: unit.name })}
        </a>
      </p>
      <h1 class="text-2xl font-bold" safe>
        {fill(t.heading, { name: unit.name })}
      </h1>
      <p class="text-slate-700" safe>
        {unit.schoolName}
      </p>
      <Chooser t={t} register={props.register} />
      <RegisterSection {...props} />
    </div>
  );
}

/** The receipt after a save: how many are registered absent and late now. */
export function savedNotice(page: PageContext, register: Register): string {
  const count = (status: AttendanceStatus) => register.rows.filter((r) => r.status === status).length;
  return fill(attendanceText[page.locale].saved, { absent: count('absent'), late: count('late') });
}
