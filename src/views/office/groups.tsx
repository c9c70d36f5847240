import type { ManagedSchool } from '../../domain/access/scope.ts';
import type { SchoolYearOption } from '../../domain/office/classes.ts';
import type { GroupErrors, GroupInput, GroupRow } from '../../domain/office/groups.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { officeGroupText } from '../../i18n/office-groups.ts';
import { officeGroupPaths } from '../../paths/office-groups.ts';
import { officePaths } from '../../paths/office.ts';
import { link, primaryButton, secondaryButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';

export interface CreateGroupForm {
  input: GroupInput;
  errors: GroupErrors;
}

/** The teaching groups of a school in one school year, and the form for a new one. */
export function GroupsPage({
  page,
  school,
  years,
  year,
  groups,
  form,
  created,
}: {
  page: PageContext;
  school: ManagedSchool;
  years: SchoolYearOption[];
  year: SchoolYearOption | undefined;
  groups: GroupRow[];
  form?: CreateGroupForm;
  created?: boolean;
}) {
  const t = officeGroupText[page.locale];
  const input = form?.input ?? { name: '', subject: '', schoolYearId: year ? String(year.id) : '' };
  const errors = form?.errors ?? {};
  const message = {
    name: errors.name ? t.errors.name[errors.name] : undefined,
    subject: errors.subject ? t.errors.subject[errors.subject] : undefined,
    schoolYearId: errors.schoolYearId ? t.errors.year : undefined,
  };
  const summary = (['name', 'subject', 'schoolYearId'] as const).flatMap((f) =>
    message[f] ? [{ field: `group-${f}`, message: message[f]! }] : [],
  );
  const yearOptions = years.map((y) => ({ value: String(y.id), label: y.name }));
  return (
    <div id="office" class="space-y-6">
      <h1 class="text-3xl font-bold" safe>
        {fill(t.title, { school: school.name })}
      </h1>
      <p class="max-w-prose" safe>
        {t.lead}
      </p>
      <p>
        <a href={officePaths.classes(school.id, year?.id)} class={link} safe>
          {t.classesLink}
        </a>
      </p>
      {created ? <Notice text={t.created} /> : ''}
      <form
        method="get"
        action={officeGroupPaths.groupList(school.id)}
        class="flex flex-wrap items-end gap-3"
        hx-get={officeGroupPaths.groupList(school.id)}
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
      {groups.length === 0 ? (
        <p safe>{t.noGroups}</p>
      ) : (
        <TableRegion framed label={year?.name}>
          <table class="w-full text-left">
            <thead>
              <tr>
                <th class="p-2" safe>
                  {t.colGroup}
                </th>
                <th class="p-2" safe>
                  {t.colSubject}
                </th>
                <th class="p-2" safe>
                  {t.colMembers}
                </th>
                <th class="p-2" safe>
                  {t.colTeachers}
                </th>
                <th class="p-2" safe>
                  {t.colStatus}
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr class="border-t border-slate-200">
                  <td class="p-2">
                    <a href={officeGroupPaths.group(g.id)} class={link} safe>
                      {g.name}
                    </a>
                  </td>
                  <td class="p-2" safe>
                    {g.subject}
                  </td>
                  <td class="p-2" safe>
                    {String(g.members)}
                  </td>
                  <td class="p-2" safe>
                    {g.teachers.length ? g.teachers.join(', ') : t.noTeachers}
                  </td>
                  <td class="p-2" safe>
                    {g.closedOn ? fill(t.closedOn, { date: formatDate(g.closedOn) }) : t.open}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Section id="new-group" heading={t.newGroup}>
        <form
          method="post"
          action={officeGroupPaths.groupList(school.id)}
          hx-post={officeGroupPaths.groupList(school.id)}
          hx-target="#office"
          hx-swap="outerHTML"
          class="max-w-prose space-y-4"
          novalidate
        >
          <ErrorSummary heading={t.errorSummary} errors={summary} />
          <Field
            id="group-name"
            name="name"
            label={t.name}
            hint={t.nameHint}
            value={input.name}
            error={message.name}
            maxlength={80}
          />
          <Field
            id="group-subject"
            name="subject"
            label={t.subject}
            hint={t.subjectHint}
            value={input.subject}
            error={message.subject}
            maxlength={120}
          />
          <SelectField
            id="group-schoolYearId"
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
