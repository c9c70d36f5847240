import type { ManagedPupil } from '../../domain/access/scope.ts';
import { formatPhone } from '../../domain/contact/phone.ts';
import {
  CONTACT_RELATIONS,
  type ContactPerson,
  type ContactPersonErrors,
  type ContactPersonInput,
  type RegisterGuardian,
} from '../../domain/office/contact-persons.ts';
import { fill } from '../../i18n/index.ts';
import { officePupilText, type OfficePupilMessages } from '../../i18n/office-pupils.ts';
import { officePaths } from '../../paths/office.ts';
import { officePupilPaths } from '../../paths/office-pupils.ts';
import { link, primaryButton, smallButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import type { PageContext } from '../page-context.ts';

export type OfficePupilNotice = keyof OfficePupilMessages['notices'];

export interface OfficePupilState {
  notice?: OfficePupilNotice;
  add?: { input: ContactPersonInput; errors: ContactPersonErrors };
  edit?: { relationId: number; input: ContactPersonInput; errors: ContactPersonErrors };
}

const EMPTY: ContactPersonInput = { givenName: '', familyName: '', relation: '', mobile: '', email: '' };

/** The school office's page of one pupil: guardians from the register (read-only) and the other contact persons. */
export function OfficePupilPage({
  page,
  pupil,
  guardians,
  contacts,
  state,
}: {
  page: PageContext;
  pupil: ManagedPupil;
  guardians: RegisterGuardian[];
  contacts: ContactPerson[];
  state: OfficePupilState;
}) {
  const t = officePupilText[page.locale];
  const name = `${pupil.givenName} ${pupil.familyName}`;
  return (
    <div id="office" class="space-y-6">
      <p>
        <a href={officePaths.class(pupil.classId)} class={link} safe>
          {fill(t.back, { name: pupil.className })}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(t.title, { name })}
      </h1>
      <p safe>{fill(t.lead, { school: pupil.school.name, class: pupil.className })}</p>
      <Notice text={state.notice ? t.notices[state.notice] : undefined} />
      <Section id="guardians" heading={t.guardiansHeading}>
        <p safe>{t.guardiansLead}</p>
        {guardians.length === 0 ? (
          <p safe>{t.noGuardians}</p>
        ) : (
          <ul class="space-y-3" role="list">
            {guardians.map((g) => (
              <li class="border-t border-slate-200 pt-2">
                <p class="font-semibold" safe>
                  {`${g.givenName} ${g.familyName}`}
                </p>
                <dl class="grid grid-cols-[auto_1fr] gap-x-4">
                  <dt safe>{t.relationLabel}</dt>
                  <dd safe>
                    {`${t.relation[g.relation]}${g.parentalResponsibility ? '' : ` (${t.noResponsibility})`}${g.blocked ? ` – ${t.blocked}` : ''}`}
                  </dd>
                  <dt safe>{t.mobile}</dt>
                  <dd safe>{formatPhone(g.mobile)}</dd>
                  <dt safe>{t.email}</dt>
                  <dd safe>{g.email ?? ''}</dd>
                  <dt safe>{t.address}</dt>
                  <dd safe>
                    {g.address
                      ? [g.address.line, [g.address.postalCode, g.address.postalPlace].filter(Boolean).join(' ')]
                          .filter(Boolean)
                          .join(', ')
                      : t.protected}
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="contacts" heading={t.contactsHeading}>
        <p safe>{t.contactsLead}</p>
        {contacts.length === 0 ? (
          <p safe>{t.noContacts}</p>
        ) : (
          <ul class="space-y-3" role="list">
            {contacts.map((p) => (
              <ContactItem t={t} pupil={pupil} person={p} state={state} />
            ))}
          </ul>
        )}
      </Section>
      <Section id="add" heading={t.addHeading}>
        <ContactForm
          t={t}
          idPrefix="add"
          action={officePupilPaths.contacts(pupil.id)}
          input={state.add?.input ?? EMPTY}
          errors={state.add?.errors ?? {}}
          submit={t.add}
        />
      </Section>
    </div>
  );
}

function ContactItem({
  t,
  pupil,
  person,
  state,
}: {
  t: OfficePupilMessages;
  pupil: ManagedPupil;
  person: ContactPerson;
  state: OfficePupilState;
}) {
  const name = `${person.givenName} ${person.familyName}`;
  const mine = state.edit?.relationId === person.id ? state.edit : undefined;
  return (
    <li class="border-t border-slate-200 pt-2" id={`contact-${person.id}`}>
      <p>
        <span class="font-semibold" safe>
          {name}
        </span>{' '}
        <span safe>{`(${t.relation[person.relation]})`}</span>
        {person.fromRegister ? (
          <span class="ml-2 text-sm text-slate-700" safe>
            {t.fromRegister}
          </span>
        ) : (
          ''
        )}
      </p>
      <p safe>{[formatPhone(person.mobile), person.email ?? ''].filter(Boolean).join(' · ')}</p>
      {person.editable ? (
        <details open={mine !== undefined} class="mt-2">
          <summary class="cursor-pointer" safe>
            {fill(t.edit, { name })}
          </summary>
          <ContactForm
            t={t}
            idPrefix={`edit-${person.id}`}
            action={officePupilPaths.contact(pupil.id, person.id)}
            input={
              mine?.input ?? {
                givenName: person.givenName,
                familyName: person.familyName,
                relation: person.relation,
                mobile: formatPhone(person.mobile),
                email: person.email ?? '',
              }
            }
            errors={mine?.errors ?? {}}
            submit={t.save}
          />
        </details>
      ) : (
        <p class="text-sm text-slate-700" safe>
          {t.notEditable}
        </p>
      )}
      {person.fromRegister ? (
        ''
      ) : (
        <form method="post" action={officePupilPaths.contactRemoval(pupil.id, person.id)} class="mt-2">
          <button type="submit" class={smallButton} safe>
            {fill(t.remove, { name })}
          </button>
        </form>
      )}
    </li>
  );
}

function ContactForm({
  t,
  idPrefix,
  action,
  input,
  errors: e,
  submit,
}: {
  t: OfficePupilMessages;
  idPrefix: string;
  action: string;
  input: ContactPersonInput;
  errors: ContactPersonErrors;
  submit: string;
}) {
  const id = (f: string) => `${idPrefix}-${f}`;
  const errors = {
    givenName: e.givenName ? t.errors.name[e.givenName] : undefined,
    familyName: e.familyName ? t.errors.name[e.familyName] : undefined,
    relation: e.relation ? t.errors.relation : undefined,
    mobile: e.mobile ? t.errors.mobile[e.mobile] : undefined,
    email: e.email ? t.errors.email : undefined,
  };
  const summary = [
    ...(e.pupil ? [{ field: id('givenName'), message: t.errors.tooMany }] : []),
    ...(['givenName', 'familyName', 'relation', 'mobile', 'email'] as const).flatMap((f) =>
      errors[f] ? [{ field: id(f), message: errors[f]! }] : [],
    ),
  ];
  return (
    <form method="post" action={action} class="mt-2 space-y-3" novalidate>
      <ErrorSummary heading={t.errorSummary} errors={summary} />
      <Field
        id={id('givenName')}
        name="given_name"
        label={t.givenName}
        value={input.givenName}
        error={errors.givenName}
        maxlength={100}
      />
      <Field
        id={id('familyName')}
        name="family_name"
        label={t.familyName}
        value={input.familyName}
        error={errors.familyName}
        maxlength={100}
      />
      <SelectField
        id={id('relation')}
        name="relation"
        label={t.relationLabel}
        value={input.relation}
        error={errors.relation}
        options={CONTACT_RELATIONS.map((r) => ({ value: r, label: t.relation[r] }))}
        empty
      />
      <Field
        id={id('mobile')}
        name="mobile"
        label={t.mobile}
        hint={t.mobileHint}
        value={input.mobile}
        error={errors.mobile}
        type="tel"
        maxlength={40}
      />
      <Field
        id={id('email')}
        name="email"
        label={t.email}
        value={input.email}
        error={errors.email}
        type="email"
        maxlength={254}
      />
      <button type="submit" class={primaryButton} safe>
        {submit}
      </button>
    </form>
  );
}
