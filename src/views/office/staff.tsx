import type { ManagedSchool } from '../../domain/access/scope.ts';
import {
  GRANT_ROLES,
  targetValue,
  type EndGrantErrors,
  type GrantErrors,
  type GrantInput,
  type GrantTarget,
  type StaffGrantRow,
} from '../../domain/office/staff.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { officeStaffText, type OfficeStaffMessages } from '../../i18n/office-staff.ts';
import { officePaths } from '../../paths/office.ts';
import { officeStaffPaths } from '../../paths/office-staff.ts';
import { link, primaryButton, smallButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import type { PageContext } from '../page-context.ts';

export type StaffNotice = keyof OfficeStaffMessages['notices'];

/** What the staff page shows besides the grants: a receipt, and at most one form sent back with errors. */
export interface StaffPageState {
  notice?: StaffNotice;
  grant?: { input: GrantInput; errors: GrantErrors };
  end?: { membershipId: number; input: { endsOn: string }; errors: EndGrantErrors };
}

const htmx = (action: string) => ({ 'hx-post': action, 'hx-target': '#office', 'hx-swap': 'outerHTML' });

/** The staff of a school: every grant not ended, a form to end each, and the form to grant a role. */
export function StaffPage({
  page,
  school,
  grants,
  targets,
  state,
}: {
  page: PageContext;
  school: ManagedSchool;
  grants: StaffGrantRow[];
  targets: GrantTarget[];
  state: StaffPageState;
}) {
  const t = officeStaffText[page.locale];
  return (
    <div id="office" class="space-y-6">
      <p>
        <a href={officePaths.start} class={link} safe>
          {t.back}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(t.title, { school: school.name })}
      </h1>
      <p safe>{t.lead}</p>
      {state.notice ? <Notice text={t.notices[state.notice]} /> : ''}
      <p>
        <a href={officeStaffPaths.importForm(school.id)} class={link} safe>
          {t.importLink}
        </a>
      </p>
      <Section id="grants" heading={t.grantsHeading}>
        {grants.length === 0 ? (
          <p safe>{t.noGrants}</p>
        ) : (
          <ul class="space-y-3" role="list">
            {grants.map((g) => (
              <GrantItem t={t} grant={g} state={state} />
            ))}
          </ul>
        )}
      </Section>
      <GrantSection t={t} school={school} targets={targets} state={state} />
    </div>
  );
}

function GrantItem({ t, grant, state }: { t: OfficeStaffMessages; grant: StaffGrantRow; state: StaffPageState }) {
  const name = `${grant.givenName} ${grant.familyName}`;
  const mine = state.end?.membershipId === grant.membershipId ? state.end : undefined;
  const id = `end-${grant.membershipId}-endsOn`;
  const error = mine?.errors.endsOn ? t.errors.endsOn[mine.errors.endsOn] : undefined;
  const action = officeStaffPaths.ending(grant.membershipId);
  return (
    <li class="border-t border-slate-200 pt-2">
      <details open={mine !== undefined}>
        <summary class="cursor-pointer">
          <span class="font-semibold" safe>
            {name}
          </span>{' '}
          <span safe>{[t.roles[grant.role], grant.target].filter(Boolean).join(' ')}</span>{' '}
          <span class="text-slate-700" safe>
            {`${formatDate(grant.startsOn)}–${grant.endsOn ? formatDate(grant.endsOn) : ''}`}
          </span>{' '}
          <span class="text-sm text-slate-700" safe>
            {grant.feideId ?? ''}
          </span>
        </summary>
        <form method="post" action={action} {...htmx(action)} class="mt-2 max-w-prose space-y-3" novalidate>
          <h3 class="font-semibold" safe>
            {fill(t.endHeading, { name })}
          </h3>
          <ErrorSummary heading={t.errorSummary} errors={error ? [{ field: id, message: error }] : []} />
          <Field
            id={id}
            name="ends_on"
            label={t.endsOn}
            hint={t.endsOnHint}
            value={mine?.input.endsOn ?? ''}
            error={error}
            maxlength={10}
          />
          <button type="submit" class={smallButton} safe>
            {t.end}
          </button>
        </form>
      </details>
    </li>
  );
}

function GrantSection({
  t,
  school,
  targets,
  state,
}: {
  t: OfficeStaffMessages;
  school: ManagedSchool;
  targets: GrantTarget[];
  state: StaffPageState;
}) {
  const input = state.grant?.input ?? {
    feideId: '',
    givenName: '',
    familyName: '',
    role: '',
    target: '',
    startsOn: '',
  };
  const e = state.grant?.errors ?? {};
  const message: Partial<Record<keyof GrantInput, string>> = {
    feideId: e.feideId ? t.errors.feideId[e.feideId] : undefined,
    givenName: e.givenName ? t.errors.givenName[e.givenName] : undefined,
    familyName: e.familyName ? t.errors.familyName[e.familyName] : undefined,
    role: e.role ? t.errors.role[e.role] : undefined,
    target: e.target ? t.errors.target[e.target] : undefined,
    startsOn: e.startsOn ? t.errors.startsOn[e.startsOn] : undefined,
  };
  const fields = ['feideId', 'givenName', 'familyName', 'role', 'target', 'startsOn'] as const;
  const summary = fields.flatMap((f) => (message[f] ? [{ field: `grant-${f}`, message: message[f]! }] : []));
  const action = officeStaffPaths.staff(school.id);
  return (
    <Section id="grant" heading={t.grantHeading}>
      <form method="post" action={action} {...htmx(action)} class="max-w-prose space-y-4" novalidate>
        <ErrorSummary heading={t.errorSummary} errors={summary} />
        <Field
          id="grant-feideId"
          name="feide_id"
          label={t.feideId}
          hint={t.feideIdHint}
          value={input.feideId}
          error={message.feideId}
          type="email"
          maxlength={200}
        />
        <Field
          id="grant-givenName"
          name="given_name"
          label={t.givenName}
          hint={t.namesHint}
          value={input.givenName}
          error={message.givenName}
          maxlength={100}
        />
        <Field
          id="grant-familyName"
          name="family_name"
          label={t.familyName}
          hint={t.namesHint}
          value={input.familyName}
          error={message.familyName}
          maxlength={100}
        />
        <SelectField
          id="grant-role"
          name="role"
          label={t.role}
          value={input.role}
          error={message.role}
          options={GRANT_ROLES.map((r) => ({ value: r, label: t.roles[r] }))}
          empty
        />
        <SelectField
          id="grant-target"
          name="target"
          label={t.target}
          hint={t.targetHint}
          value={input.target}
          error={message.target}
          options={targets.map((g) => ({ value: targetValue(g), label: `${t.targetKinds[g.kind]} ${g.name}` }))}
          empty
        />
        <Field
          id="grant-startsOn"
          name="starts_on"
          label={t.startsOn}
          hint={t.startsOnHint}
          value={input.startsOn}
          error={message.startsOn}
          maxlength={10}
        />
        <button type="submit" class={primaryButton} safe>
          {t.grant}
        </button>
      </form>
    </Section>
  );
}
