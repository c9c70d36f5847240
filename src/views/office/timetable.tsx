import type { ManagedSchool } from '../../domain/access/scope.ts';
import type { SchoolYearOption } from '../../domain/office/classes.ts';
import {
  COPY_MODES,
  DAY_END,
  DAY_START,
  MAX_LESSONS,
  unitValue,
  type ClashingLesson,
  type CopyErrors,
  type CopyInput,
  type CopyTarget,
  type DeleteError,
  type LessonErrors,
  type LessonInput,
  type OfficeLesson,
  type TeacherOption,
  type TimetableUnit,
} from '../../domain/office/timetable.ts';
import { fill } from '../../i18n/index.ts';
import { officeTimetableText, type OfficeTimetableMessages } from '../../i18n/office-timetable.ts';
import { officePaths } from '../../paths/office.ts';
import { officeTimetablePaths, type TimetableNotice } from '../../paths/office-timetable.ts';
import { link, listCard, primaryButton, secondaryButton, smallButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import type { PageContext } from '../page-context.ts';

/** A class or group of the school's year with how many lessons it has (the timetable start page). */
export interface UnitSummary {
  kind: TimetableUnit['kind'];
  id: number;
  name: string;
  lessons: number;
}

/** The school's timetables: the classes and teaching groups of one school year, each linking its week. */
export function TimetableSchoolPage({
  page,
  school,
  years,
  year,
  units,
  imported,
}: {
  page: PageContext;
  school: ManagedSchool;
  years: SchoolYearOption[];
  year: SchoolYearOption | undefined;
  units: UnitSummary[];
  imported?: boolean;
}) {
  const t = officeTimetableText[page.locale];
  const list = (kind: UnitSummary['kind'], heading: string, none: string) => {
    const mine = units.filter((u) => u.kind === kind);
    return (
      <Section id={`${kind}-timetables`} heading={heading}>
        {mine.length === 0 ? (
          <p safe>{none}</p>
        ) : (
          <ul class={listCard} role="list">
            {mine.map((u) => (
              <li class="p-3">
                <a href={officeTimetablePaths.unit(u)} class={link} safe>
                  {u.name}
                </a>{' '}
                <span class="text-slate-700" safe>
                  {fill(t.lessonsCount, { count: u.lessons })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    );
  };
  return (
    <div id="office" class="space-y-6">
      <p>
        <a href={officePaths.classes(school.id, year?.id)} class={link} safe>
          {t.back}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(t.schoolTitle, { school: school.name })}
      </h1>
      {imported ? <Notice text={t.notices.imported} /> : ''}
      <p safe>{t.schoolLead}</p>
      <p>
        <a href={officeTimetablePaths.importForm(school.id)} class={link} safe>
          {t.importLink}
        </a>
      </p>
      <form method="get" action={officeTimetablePaths.school(school.id)} class="flex flex-wrap items-end gap-3">
        <div>
          <SelectField
            id="year"
            name="year"
            label={t.schoolYear}
            value={year ? String(year.id) : ''}
            options={years.map((y) => ({ value: String(y.id), label: y.name }))}
          />
        </div>
        <button type="submit" class={secondaryButton} safe>
          {t.show}
        </button>
      </form>
      {list('class', t.classesHeading, t.noClasses)}
      {list('group', t.groupsHeading, t.noGroups)}
    </div>
  );
}

/** What the page of one class's or group's week shows besides it: a receipt and at most one form sent back with errors. */
export interface UnitPageState {
  notice?: TimetableNotice;
  add?: { input: LessonInput; errors: LessonErrors };
  edit?: { lessonId: number; input: LessonInput; errors: LessonErrors };
  remove?: { lessonId: number; errors: { lesson: DeleteError } };
  copy?: { input: CopyInput; errors: CopyErrors };
}

const htmx = (action: string) => ({ 'hx-post': action, 'hx-target': '#office', 'hx-swap': 'outerHTML' });

/** One class's or group's week: the lessons per weekday (each can be changed or deleted), a new lesson, the copy. */
export function TimetableUnitPage({
  page,
  unit,
  lessons,
  teachers,
  targets,
  state,
}: {
  page: PageContext;
  unit: TimetableUnit;
  lessons: OfficeLesson[];
  teachers: TeacherOption[];
  targets: CopyTarget[];
  state: UnitPageState;
}) {
  const t = officeTimetableText[page.locale];
  const parts = { t, unit, teachers, state };
  return (
    <div id="office" class="space-y-6">
      <p class="flex flex-wrap gap-4">
        <a href={officeTimetablePaths.school(unit.school.id, unit.schoolYear.id)} class={link} safe>
          {t.schoolLink}
        </a>
        {unit.kind === 'class' ? (
          <a href={officePaths.class(unit.id)} class={link} safe>
            {unit.name}
          </a>
        ) : (
          ''
        )}
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(t.unitTitle, { name: unit.name, school: unit.school.name })}
      </h1>
      <p class="max-w-prose" safe>
        {fill(t.unitLead, { year: unit.schoolYear.name })}
      </p>
      {state.notice ? <Notice text={t.notices[state.notice]} /> : ''}
      <Section id="week" heading={t.weekHeading}>
        {lessons.length >= MAX_LESSONS ? <p safe>{fill(t.tooMany, { count: MAX_LESSONS })}</p> : ''}
        <div class="grid gap-4 lg:grid-cols-5">
          {t.weekdays.map((dayName, i) => {
            const day = lessons.filter((l) => l.weekday === i + 1);
            return (
              <section aria-labelledby={`day-${i + 1}`} class="space-y-2">
                <h3 id={`day-${i + 1}`} class="font-semibold" safe>
                  {dayName}
                </h3>
                {day.length === 0 ? (
                  <p class="text-slate-700" safe>
                    {t.noLessons}
                  </p>
                ) : (
                  <ul class={listCard} role="list">
                    {day.map((l) => (
                      <LessonItem {...parts} lesson={l} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      </Section>
      {unit.closed ? '' : <AddSection {...parts} />}
      <CopySection {...parts} targets={targets} lessons={lessons.length} />
    </div>
  );
}

interface Parts {
  t: OfficeTimetableMessages;
  unit: TimetableUnit;
  teachers: TeacherOption[];
  state: UnitPageState;
}

/** A clashing lesson as the office reads it: "5A Norsk mandag 08:15–09:00" (or "line 4" in a CSV file). */
export function clashText(t: OfficeTimetableMessages, clash: ClashingLesson | undefined): string {
  if (!clash) return '';
  const named = fill(t.clashWith, {
    unit: clash.unitName,
    subject: clash.subject,
    weekday: (t.weekdays[clash.weekday - 1] ?? '').toLowerCase(),
    from: clash.startsAt,
    to: clash.endsAt,
  });
  return clash.line !== undefined ? `${named} (${fill(t.clashLine, { line: clash.line })})` : named;
}

/** The message per field of a lesson's errors (the same for the form and a CSV row). */
export function lessonMessages(t: OfficeTimetableMessages, errors: LessonErrors) {
  const hours = { from: DAY_START, to: DAY_END };
  return {
    weekday: errors.weekday ? t.errors.weekday : undefined,
    startsAt: errors.startsAt
      ? fill(t.errors.startsAt[errors.startsAt], { ...hours, lesson: clashText(t, errors.clashes?.unit) })
      : undefined,
    endsAt: errors.endsAt ? fill(t.errors.endsAt[errors.endsAt], hours) : undefined,
    subject: errors.subject ? t.errors.subject[errors.subject] : undefined,
    teacherId: errors.teacherId
      ? fill(t.errors.teacherId[errors.teacherId], { lesson: clashText(t, errors.clashes?.teacher) })
      : undefined,
    room: errors.room ? t.errors.room[errors.room] : undefined,
  };
}

const FIELDS = ['weekday', 'startsAt', 'endsAt', 'subject', 'teacherId', 'room'] as const;

/** The fields of a lesson (add and change): weekday, start, end, subject, teacher, room. */
function LessonFields({
  t,
  prefix,
  input,
  errors,
  teachers,
}: {
  t: OfficeTimetableMessages;
  prefix: string;
  input: LessonInput;
  errors: LessonErrors;
  teachers: TeacherOption[];
}) {
  const message = lessonMessages(t, errors);
  const id = (f: string) => `${prefix}-${f}`;
  const hint = fill(t.timeHint, { from: DAY_START, to: DAY_END });
  return (
    <>
      <ErrorSummary
        heading={t.errorSummary}
        errors={FIELDS.flatMap((f) => (message[f] ? [{ field: id(f), message: message[f]! }] : []))}
      />
      <SelectField
        id={id('weekday')}
        name="weekday"
        label={t.weekday}
        value={input.weekday}
        error={message.weekday}
        options={t.weekdays.map((d, i) => ({ value: String(i + 1), label: d }))}
        empty
      />
      <div class="grid grid-cols-2 gap-3">
        <Field
          id={id('startsAt')}
          name="starts_at"
          label={t.startsAt}
          hint={hint}
          value={input.startsAt}
          error={message.startsAt}
          maxlength={5}
        />
        <Field
          id={id('endsAt')}
          name="ends_at"
          label={t.endsAt}
          value={input.endsAt}
          error={message.endsAt}
          maxlength={5}
        />
      </div>
      <Field
        id={id('subject')}
        name="subject"
        label={t.subject}
        value={input.subject}
        error={message.subject}
        maxlength={60}
      />
      <SelectField
        id={id('teacherId')}
        name="teacher_id"
        label={t.teacher}
        hint={t.teacherHint}
        value={input.teacherId}
        error={message.teacherId}
        options={teachers.map((p) => ({ value: String(p.id), label: p.name }))}
        empty
      />
      <Field
        id={id('room')}
        name="room"
        label={t.room}
        hint={t.roomHint}
        value={input.room}
        error={message.room}
        maxlength={40}
      />
    </>
  );
}

function LessonItem({ t, teachers, state, lesson }: Parts & { lesson: OfficeLesson }) {
  const editing = state.edit?.lessonId === lesson.id ? state.edit : undefined;
  const removing = state.remove?.lessonId === lesson.id ? state.remove : undefined;
  const input: LessonInput = editing?.input ?? {
    weekday: String(lesson.weekday),
    startsAt: lesson.startsAt,
    endsAt: lesson.endsAt,
    subject: lesson.subject,
    teacherId: lesson.teacherId === null ? '' : String(lesson.teacherId),
    room: lesson.room ?? '',
  };
  const time = `${lesson.startsAt}–${lesson.endsAt}`;
  const action = officeTimetablePaths.lesson(lesson.id);
  const deletion = officeTimetablePaths.lessonDeletion(lesson.id);
  const deleteError = removing ? t.errors.delete[removing.errors.lesson] : undefined;
  return (
    <li class="p-2" data-lesson={String(lesson.id)}>
      <details open={editing !== undefined || removing !== undefined}>
        <summary class="cursor-pointer">
          <span class="font-semibold" safe>
            {time}
          </span>{' '}
          <span safe>{lesson.subject}</span>
          <span class="block text-sm text-slate-700" safe>
            {[lesson.teacherName ?? t.noTeacher, lesson.room ?? ''].filter(Boolean).join(' · ')}
          </span>
        </summary>
        <div class="mt-2 space-y-3">
          <form method="post" action={action} {...htmx(action)} class="space-y-3" novalidate>
            <h4 class="font-semibold" safe>
              {fill(t.editHeading, {
                subject: lesson.subject,
                weekday: (t.weekdays[lesson.weekday - 1] ?? '').toLowerCase(),
                time,
              })}
            </h4>
            <LessonFields
              t={t}
              prefix={`lesson-${lesson.id}`}
              input={input}
              errors={editing?.errors ?? {}}
              teachers={
                // A teacher no longer on the staff stays visible (saving asks for one who is).
                lesson.teacherId !== null && !teachers.some((p) => p.id === lesson.teacherId)
                  ? [...teachers, { id: lesson.teacherId, name: lesson.teacherName ?? '', feideId: null }]
                  : teachers
              }
            />
            <button type="submit" class={smallButton} safe>
              {t.save}
            </button>
          </form>
          <form method="post" action={deletion} {...htmx(deletion)} novalidate>
            <ErrorSummary
              heading={t.errorSummary}
              errors={deleteError ? [{ field: `delete-${lesson.id}`, message: deleteError }] : []}
            />
            <button type="submit" id={`delete-${lesson.id}`} class={smallButton} safe>
              {t.delete}
            </button>
          </form>
        </div>
      </details>
    </li>
  );
}

function AddSection({ t, unit, teachers, state }: Parts) {
  const input: LessonInput = state.add?.input ?? {
    weekday: '',
    startsAt: '',
    endsAt: '',
    subject: '',
    teacherId: '',
    room: '',
  };
  const action = officeTimetablePaths.lessons(unit);
  return (
    <Section id="add" heading={t.addHeading}>
      <form method="post" action={action} {...htmx(action)} class="max-w-prose space-y-4" novalidate>
        <LessonFields t={t} prefix="add" input={input} errors={state.add?.errors ?? {}} teachers={teachers} />
        <button type="submit" class={primaryButton} safe>
          {t.add}
        </button>
      </form>
    </Section>
  );
}

function CopySection({ t, unit, state, targets, lessons }: Parts & { targets: CopyTarget[]; lessons: number }) {
  if (lessons === 0 && !state.copy) return '';
  const input = state.copy?.input ?? { target: '', mode: 'refuse', teachers: 'keep' };
  const errors = state.copy?.errors ?? {};
  const message = {
    target: errors.target ? t.errors.copy.target[errors.target] : undefined,
    mode: errors.mode ? t.errors.copy.mode : undefined,
    teachers: errors.teachers ? fill(t.errors.copy.teachers, { lesson: clashText(t, errors.clash) }) : undefined,
  };
  const summary = (['target', 'mode', 'teachers'] as const).flatMap((f) =>
    message[f] ? [{ field: `copy-${f}`, message: message[f]! }] : [],
  );
  const action = officeTimetablePaths.copy(unit);
  return (
    <Section id="copy" heading={t.copyHeading}>
      <form method="post" action={action} {...htmx(action)} class="max-w-prose space-y-4" novalidate>
        <ErrorSummary heading={t.errorSummary} errors={summary} />
        <p safe>{fill(t.copyLead, { name: unit.name })}</p>
        <SelectField
          id="copy-target"
          name="target"
          label={t.copyTarget}
          value={input.target}
          error={message.target}
          options={targets.map((c) => ({
            value: unitValue(c),
            label: `${c.name} (${t.kinds[c.kind]}, ${c.yearName})`,
          }))}
          empty
        />
        <fieldset
          id="copy-mode"
          class="space-y-1"
          tabindex="-1"
          aria-describedby={message.mode ? 'copy-mode-error' : undefined}
        >
          <legend class="font-semibold" safe>
            {t.copyMode}
          </legend>
          {message.mode ? (
            <p id="copy-mode-error" class="font-semibold text-red-900" safe>
              {message.mode}
            </p>
          ) : (
            ''
          )}
          {COPY_MODES.map((m) => (
            <label class="flex items-center gap-2">
              <input type="radio" name="mode" value={m} checked={input.mode === m} />
              <span safe>{t.copyModes[m]}</span>
            </label>
          ))}
        </fieldset>
        <div class="space-y-1">
          {message.teachers ? (
            <p id="copy-teachers-error" class="font-semibold text-red-900" safe>
              {message.teachers}
            </p>
          ) : (
            ''
          )}
          <label class="flex items-center gap-2">
            <input
              type="checkbox"
              id="copy-teachers"
              name="teachers"
              value="keep"
              checked={input.teachers === 'keep'}
              aria-describedby={message.teachers ? 'copy-teachers-error copy-teachers-hint' : 'copy-teachers-hint'}
            />
            <span safe>{t.copyTeachers}</span>
          </label>
          <p id="copy-teachers-hint" class="text-sm text-slate-700" safe>
            {t.copyTeachersHint}
          </p>
        </div>
        <button type="submit" class={secondaryButton} safe>
          {t.copy}
        </button>
      </form>
    </Section>
  );
}
