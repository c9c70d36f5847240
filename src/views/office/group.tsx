import { officeTimetableText } from '../../i18n/office-timetable.ts';
import { officeTimetablePaths } from '../../paths/office-timetable.ts';
import type { ManagedGroup } from '../../domain/access/scope.ts';
import type {
  AddClassErrors,
  AddMemberErrors,
  GroupCloseError,
  GroupErrors,
  GroupMember,
  PupilMatch,
  PupilQueryError,
} from '../../domain/office/groups.ts';
import type { Paged } from '../../domain/paging.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { officeGroupText, type OfficeGroupMessages } from '../../i18n/office-groups.ts';
import { officeGroupPaths } from '../../paths/office-groups.ts';
import { link, primaryButton, secondaryButton, smallButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../components/form.tsx';
import { Pager } from '../components/pager.tsx';
import { Section } from '../components/section.tsx';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';

export type GroupNotice = keyof OfficeGroupMessages['notices'];

/** What the group page shows besides the group: a receipt, the search, and at most one form sent back with errors. */
export interface GroupPageState {
  notice?: GroupNotice;
  query: string;
  matches?: PupilMatch[] | PupilQueryError;
  edit?: { input: { name: string; subject: string }; errors: Pick<GroupErrors, 'name' | 'subject'> };
  close?: { errors: { close: GroupCloseError } };
  add?: { input: { personId: string }; errors: AddMemberErrors };
  addClass?: { input: { classId: string }; errors: AddClassErrors };
  remove?: { pupilId: string };
}

const htmx = (action: string) => ({
  'hx-post': action,
  'hx-target': '#office',
  'hx-swap': 'outerHTML',
});

interface Parts {
  t: OfficeGroupMessages;
  group: ManagedGroup;
  state: GroupPageState;
}

export function GroupPage({
  page,
  group,
  teachers,
  members,
  classes,
  state,
}: {
  page: PageContext;
  group: ManagedGroup;
  teachers: string[];
  members: Paged<GroupMember> & { total: number };
  classes: { id: number; name: string }[];
  state: GroupPageState;
}) {
  const t = officeGroupText[page.locale];
  return (
    <div id="office" class="space-y-6">
      <p>
        <a href={officeGroupPaths.groups(group.school.id, group.schoolYear.id)} class={link} safe>
          {t.back}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(t.groupTitle, { name: group.name, school: group.school.name })}
      </h1>
      <p safe>{fill(t.groupLead, { subject: group.subject, year: group.schoolYear.name })}</p>
      <p safe>{fill(t.teachersLine, { names: teachers.length ? teachers.join(', ') : t.noTeachers })}</p>
      <p>
        <a href={officeTimetablePaths.unit({ kind: 'group', id: group.id })} class={link} safe>
          {officeTimetableText[page.locale].link}
        </a>
      </p>
      {state.notice ? <Notice text={t.notices[state.notice]} /> : ''}
      {group.closedOn ? (
        <p class="font-semibold" safe>
          {fill(t.closedNotice, { date: formatDate(group.closedOn) })}
        </p>
      ) : (
        ''
      )}
      <MembersSection t={t} group={group} state={state} members={members} />
      {group.closedOn ? '' : <AddSection t={t} group={group} state={state} />}
      {group.closedOn ? '' : <AddClassSection t={t} group={group} state={state} classes={classes} />}
      <EditSection t={t} group={group} state={state} />
      {group.closedOn ? '' : <CloseSection t={t} group={group} state={state} />}
    </div>
  );
}

function MembersSection({ t, group, state, members }: Parts & { members: Paged<GroupMember> & { total: number } }) {
  const action = officeGroupPaths.memberRemoval(group.id);
  const removeError = state.remove ? t.errors.notMember : undefined;
  return (
    <Section id="members" heading={fill(t.membersHeading, { count: members.total })}>
      {removeError ? (
        <ErrorSummary heading={t.errorSummary} errors={[{ field: 'members', message: removeError }]} />
      ) : (
        ''
      )}
      {members.items.length === 0 ? (
        <p safe>{t.noMembers}</p>
      ) : (
        <TableRegion>
          <table class="w-full text-left">
            <thead>
              <tr>
                <th class="p-2" safe>
                  {t.colName}
                </th>
                <th class="p-2" safe>
                  {t.colClass}
                </th>
                <th class="p-2">
                  <span class="sr-only" safe>
                    {t.remove}
                  </span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.items.map((m) => {
                const name = `${m.givenName} ${m.familyName}`;
                return (
                  <tr class="border-t border-slate-200">
                    <td class="p-2" safe>
                      {name}
                    </td>
                    <td class="p-2" safe>
                      {m.className ?? t.notAtSchool}
                    </td>
                    <td class="p-2">
                      <form method="post" action={action} {...htmx(action)}>
                        <input type="hidden" name="pupil_id" value={String(m.pupilId)} />
                        <button type="submit" class={smallButton} aria-label={fill(t.removeLabel, { name })} safe>
                          {t.remove}
                        </button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pager
        label={t.pages}
        page={members.page}
        hasNext={members.hasNext}
        href={(n) => officeGroupPaths.groupPage(group.id, n)}
        previousText={t.previous}
        nextText={t.next}
      />
    </Section>
  );
}

function AddSection({ t, group, state }: Parts) {
  const add = state.add;
  const input = add?.input ?? { personId: '' };
  const personError = add?.errors.personId ? t.errors.personId[add.errors.personId] : undefined;
  const groupError = add?.errors.group ? t.errors.groupClosed : undefined;
  const summary = [
    ...(groupError ? [{ field: 'add-search', message: groupError }] : []),
    ...(personError ? [{ field: 'add-personId', message: personError }] : []),
  ];
  const matches = Array.isArray(state.matches) ? state.matches : [];
  const action = officeGroupPaths.members(group.id);
  return (
    <Section id="add" heading={t.addHeading}>
      <form
        method="get"
        action={officeGroupPaths.group(group.id)}
        hx-get={officeGroupPaths.group(group.id)}
        hx-target="#office"
        hx-swap="outerHTML"
        hx-push-url="true"
        class="flex flex-wrap items-end gap-3"
        role="search"
      >
        <div class="grow">
          <Field
            id="add-search"
            name="q"
            label={t.search}
            hint={t.searchHint}
            value={state.query}
            error={typeof state.matches === 'string' ? t.errors.query[state.matches] : undefined}
            maxlength={100}
          />
        </div>
        <button type="submit" class={secondaryButton} safe>
          {t.find}
        </button>
      </form>
      {state.query && Array.isArray(state.matches) && matches.length === 0 ? <p safe>{t.noMatches}</p> : ''}
      {matches.length || add ? (
        <form method="post" action={action} {...htmx(action)} class="space-y-4" novalidate>
          <ErrorSummary heading={t.errorSummary} errors={summary} />
          <input type="hidden" name="q" value={state.query} />
          <fieldset
            id="add-personId"
            class="space-y-1"
            tabindex="-1"
            aria-describedby={personError ? 'add-personId-error' : undefined}
          >
            <legend class="font-semibold" safe>
              {t.pupil}
            </legend>
            {personError ? (
              <p id="add-personId-error" class="font-semibold text-red-900" safe>
                {personError}
              </p>
            ) : (
              ''
            )}
            <TableRegion label={t.search}>
              <table class="w-full text-left">
                <thead>
                  <tr>
                    <th class="p-2" safe>
                      {t.choose}
                    </th>
                    <th class="p-2" safe>
                      {t.colName}
                    </th>
                    <th class="p-2" safe>
                      {t.colClass}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {matches.map((m) => (
                    <tr class="border-t border-slate-200">
                      <td class="p-2">
                        <input
                          type="radio"
                          id={`add-person-${m.id}`}
                          name="person_id"
                          value={String(m.id)}
                          checked={input.personId === String(m.id)}
                        />
                      </td>
                      <td class="p-2">
                        <label for={`add-person-${m.id}`} safe>
                          {`${m.givenName} ${m.familyName}`}
                        </label>
                      </td>
                      <td class="p-2" safe>
                        {m.className}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </fieldset>
          <button type="submit" class={primaryButton} safe>
            {t.add}
          </button>
        </form>
      ) : (
        ''
      )}
    </Section>
  );
}

function AddClassSection({ t, group, state, classes }: Parts & { classes: { id: number; name: string }[] }) {
  const mine = state.addClass;
  const error = mine?.errors.classId
    ? t.errors.classId[mine.errors.classId]
    : mine?.errors.group
      ? t.errors.groupClosed
      : undefined;
  const action = officeGroupPaths.classMembers(group.id);
  return (
    <Section id="add-class" heading={t.classHeading}>
      {classes.length === 0 ? (
        <p safe>{t.noClasses}</p>
      ) : (
        <form method="post" action={action} {...htmx(action)} class="max-w-prose space-y-4" novalidate>
          <ErrorSummary
            heading={t.errorSummary}
            errors={error ? [{ field: 'add-class-classId', message: error }] : []}
          />
          <SelectField
            id="add-class-classId"
            name="class_id"
            label={t.classLabel}
            hint={t.classHint}
            value={mine?.input.classId ?? ''}
            error={error}
            options={classes.map((c) => ({ value: String(c.id), label: c.name }))}
            empty
          />
          <button type="submit" class={secondaryButton} safe>
            {t.addClass}
          </button>
        </form>
      )}
    </Section>
  );
}

function EditSection({ t, group, state }: Parts) {
  const input = state.edit?.input ?? { name: group.name, subject: group.subject };
  const errors = state.edit?.errors ?? {};
  const message = {
    name: errors.name ? t.errors.name[errors.name] : undefined,
    subject: errors.subject ? t.errors.subject[errors.subject] : undefined,
  };
  const summary = (['name', 'subject'] as const).flatMap((f) =>
    message[f] ? [{ field: `edit-${f}`, message: message[f]! }] : [],
  );
  const action = officeGroupPaths.details(group.id);
  return (
    <Section id="edit" heading={t.editHeading}>
      <form method="post" action={action} {...htmx(action)} class="max-w-prose space-y-4" novalidate>
        <ErrorSummary heading={t.errorSummary} errors={summary} />
        <Field
          id="edit-name"
          name="name"
          label={t.name}
          hint={t.nameHint}
          value={input.name}
          error={message.name}
          maxlength={80}
        />
        <Field
          id="edit-subject"
          name="subject"
          label={t.subject}
          hint={t.subjectHint}
          value={input.subject}
          error={message.subject}
          maxlength={120}
        />
        <button type="submit" class={secondaryButton} safe>
          {t.save}
        </button>
      </form>
    </Section>
  );
}

function CloseSection({ t, group, state }: Parts) {
  const error = state.close ? t.errors.close[state.close.errors.close] : undefined;
  const action = officeGroupPaths.closure(group.id);
  return (
    <Section id="close" heading={t.closeHeading}>
      <form method="post" action={action} {...htmx(action)} class="space-y-3" novalidate>
        <ErrorSummary heading={t.errorSummary} errors={error ? [{ field: 'close-button', message: error }] : []} />
        <p safe>{t.closeLead}</p>
        {error ? (
          <p id="close-error" class="font-semibold text-red-900" safe>
            {error}
          </p>
        ) : (
          ''
        )}
        <button
          type="submit"
          id="close-button"
          class={secondaryButton}
          aria-describedby={error ? 'close-error' : undefined}
          safe
        >
          {t.close}
        </button>
      </form>
    </Section>
  );
}
