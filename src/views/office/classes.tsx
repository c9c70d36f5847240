import type { ManagedSchool } from '../../domain/access/scope.ts';
import type { ClassErrors, ClassInput, ClassRow, SchoolYearOption } from '../../domain/office/classes.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { officeText } from '../../i18n/office.ts';
import { officePaths } from '../../paths/office.ts';
import { officeStaffText } from '../../i18n/office-staff.ts';
import { officeStaffPaths } from '../../paths/office-staff.ts';
import { officeGroupText } from '../../i18n/office-groups.ts';
import { officeGroupPaths } from '../../paths/office-groups.ts';
import { officeTimetableText } from '../../i18n/office-timetable.ts';
import { officeTimetablePaths } from '../../paths/office-timetable.ts';
import { link, listCard, primaryButton, secondaryButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';
import { RolloverLinks } from './rollover.tsx';

/** The office's start: the schools the person runs the office of. */
export function OfficeStart({ page, schools }: { page: PageContext; schools: ManagedSchool[] }) {
  const t = officeText[page.locale];
  return (
    <div id="office" class="max-w-prose space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {t.title}
      </h1>
      <p safe>{t.lead}</p>
      <ul class={listCard} role="list">
        {schools.map((s) => (
          <li class="p-3">
            <a href={officePaths.classList(s.id)} class={link} safe>
              {s.name}
            </a>
            <a href={officeStaffPaths.staff(s.id)} class={`${link} ml-3 text-sm`} safe>
              {officeStaffText[page.locale].link}
            </a>
            <a href={officeGroupPaths.groupList(s.id)} class={`${link} ml-3 text-sm`} safe>
              {officeGroupText[page.locale].link}
            </a>
            <a href={officeTimetablePaths.school(s.id)} class={`${link} ml-3 text-sm`} safe>
              {officeTimetableText[page.locale].link}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface CreateClassForm {
  input: ClassInput;
  errors: ClassErrors;
}

/** The classes of a school in one school year, and the form for a new one. */
export function ClassesPage({
  page,
  school,
  years,
  year,
  classes,
  form,
  created,
}: {
  page: PageContext;
  school: ManagedSchool;
  years: SchoolYearOption[];
  year: SchoolYearOption | undefined;
  classes: ClassRow[];
  form?: CreateClassForm;
  created?: boolean;
}) {
  const t = officeText[page.locale];
  const input = form?.input ?? { name: '', trinn: '', schoolYearId: year ? String(year.id) : '' };
  const errors = form?.errors ?? {};
  const message = {
    name: errors.name ? t.errors.name[errors.name] : undefined,
    trinn: errors.trinn ? t.errors.trinn : undefined,
    schoolYearId: errors.schoolYearId ? t.errors.year : undefined,
  };
  const summary = (['name', 'trinn', 'schoolYearId'] as const).flatMap((f) =>
    message[f] ? [{ field: `class-${f}`, message: message[f]! }] : [],
  );
  const yearOptions = years.map((y) => ({ value: String(y.id), label: y.name }));
  return (
    <div id="office" class="space-y-6">
      <h1 class="text-3xl font-bold" safe>
        {fill(t.classesTitle, { school: school.name })}
      </h1>
      {created ? <Notice text={t.created} /> : ''}
      <p>
        <a href={officeGroupPaths.groups(school.id, year?.id)} class={link} safe>
          {officeGroupText[page.locale].link}
        </a>
      </p>
      <RolloverLinks page={page} schoolId={school.id} />
      <p>
        <a href={officeTimetablePaths.school(school.id, year?.id)} class={link} safe>
          {officeTimetableText[page.locale].link}
        </a>
      </p>
      <form
        method="get"
        action={officePaths.classList(school.id)}
        class="flex flex-wrap items-end gap-3"
        hx-get={officePaths.classList(school.id)}
        hx-target="#office"
        hx-swap="outerHTML"
        hx-push-url="true"
      >
        <div>
          <SelectField
            id="year"
            name="year"
            label={t.schoolYear}
            value={year ? String(year.id) : ''}
            options={yearOptions}
          />
        </div>
        <button type="submit" class={secondaryButton} safe>
          {t.show}
        </button>
      </form>
      {classes.length === 0 ? (
        <p safe>{t.noClasses}</p>
      ) : (
        <TableRegion framed label={year?.name}>
          <table class="w-full text-left">
            <thead>
              <tr>
                <th class="p-2" safe>
                  {t.colClass}
                </th>
                <th class="p-2" safe>
                  {t.colTrinn}
                </th>
                <th class="p-2" safe>
                  {t.colPupils}
                </th>
                <th class="p-2" safe>
                  {t.colStatus}
                </th>
              </tr>
            </thead>
            <tbody>
              {classes.map((cls) => (
                <tr class="border-t border-slate-200">
                  <td class="p-2">
                    <a href={officePaths.class(cls.id)} class={link} safe>
                      {cls.name}
                    </a>{' '}
                    <a href={officeTimetablePaths.unit({ kind: 'class', id: cls.id })} class={`${link} text-sm`} safe>
                      {officeTimetableText[page.locale].link}
                    </a>
                  </td>
                  <td class="p-2" safe>
                    {String(cls.trinn)}
                  </td>
                  <td class="p-2" safe>
                    {String(cls.pupils)}
                  </td>
                  <td class="p-2" safe>
                    {cls.closedOn ? fill(t.closedOn, { date: formatDate(cls.closedOn) }) : t.open}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Section id="new-class" heading={t.newClass}>
        <form
          method="post"
          action={officePaths.classList(school.id)}
          hx-post={officePaths.classList(school.id)}
          hx-target="#office"
          hx-swap="outerHTML"
          class="max-w-prose space-y-4"
          novalidate
        >
          <ErrorSummary heading={t.errorSummary} errors={summary} />
          <Field
            id="class-name"
            name="name"
            label={t.name}
            hint={t.nameHint}
            value={input.name}
            error={message.name}
            maxlength={40}
          />
          <Field
            id="class-trinn"
            name="trinn"
            label={t.trinn}
            hint={t.trinnHint}
            value={input.trinn}
            error={message.trinn}
            inputmode="numeric"
            maxlength={2}
          />
          <SelectField
            id="class-schoolYearId"
            name="school_year_id"
            label={t.schoolYear}
            value={input.schoolYearId}
            error={message.schoolYearId}
            options={yearOptions}
            empty
          />
          <button type="submit" class={primaryButton} safe>
            {t.create}
          </button>
        </form>
      </Section>
    </div>
  );
}
