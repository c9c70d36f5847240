import type { ManagedSchool } from '../../domain/access/scope.ts';
import {
  OUT,
  type RolloverDone,
  type RolloverErrors,
  type RolloverInput,
  type RolloverProposal,
} from '../../domain/office/rollover.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { officeRolloverText } from '../../i18n/office-rollover.ts';
import { officePaths } from '../../paths/office.ts';
import { officeRolloverPaths } from '../../paths/office-rollover.ts';
import { link, primaryButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import type { PageContext } from '../page-context.ts';

/** The rollover of one school: the proposal as a form the office adjusts, or why there is none. */
export function RolloverPage({
  page,
  school,
  proposal,
  input,
  errors,
  applied,
}: {
  page: PageContext;
  school: ManagedSchool;
  proposal: RolloverProposal | undefined;
  input: RolloverInput;
  errors?: RolloverErrors;
  applied?: RolloverDone;
}) {
  const t = officeRolloverText[page.locale];
  return (
    <div id="office" class="space-y-6">
      <p>
        <a href={officePaths.classList(school.id)} class={link} safe>
          {t.back}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(t.title, { school: school.name })}
      </h1>
      {applied ? <Notice text={fill(t.applied, { ...applied })} /> : ''}
      {!proposal ? (
        <p safe>{t.nothing}</p>
      ) : proposal.done ? (
        <p class="font-semibold" safe>
          {fill(t.done, { to: proposal.to.name })}
        </p>
      ) : (
        <ProposalForm page={page} school={school} proposal={proposal} input={input} errors={errors ?? {}} />
      )}
    </div>
  );
}

function ProposalForm({
  page,
  school,
  proposal,
  input,
  errors,
}: {
  page: PageContext;
  school: ManagedSchool;
  proposal: RolloverProposal;
  input: RolloverInput;
  errors: RolloverErrors;
}) {
  const t = officeRolloverText[page.locale];
  const nameError = (id: number) => {
    const e = errors.names?.[id];
    return e ? t.errors.name[e] : undefined;
  };
  const placementError = (id: number) => (errors.placements?.[id] ? t.errors.choice : undefined);
  const summary = [
    ...proposal.classes.flatMap((c) =>
      nameError(c.fromClassId) ? [{ field: `name-${c.fromClassId}`, message: nameError(c.fromClassId)! }] : [],
    ),
    ...proposal.pupils.flatMap((p) =>
      placementError(p.enrolmentId)
        ? [{ field: `pupil-${p.enrolmentId}`, message: placementError(p.enrolmentId)! }]
        : [],
    ),
  ];
  const last = formatDate(proposal.from.endsOn);
  const action = officeRolloverPaths.rollover(school.id);
  const options = [
    ...proposal.classes.map((c) => ({ value: String(c.fromClassId), label: input.names[c.fromClassId] || c.name })),
    { value: OUT, label: t.out },
  ];
  return (
    <form
      method="post"
      action={action}
      hx-post={action}
      hx-target="#office"
      hx-swap="outerHTML"
      class="space-y-6"
      novalidate
    >
      <ErrorSummary heading={t.errorSummary} errors={summary} />
      <p safe>
        {fill(t.lead, {
          from: proposal.from.name,
          to: proposal.to.name,
          starts: formatDate(proposal.to.startsOn),
          ends: formatDate(proposal.to.endsOn),
          last,
        })}
      </p>
      {proposal.to.id === null ? <p safe>{fill(t.yearCreated, { to: proposal.to.name })}</p> : ''}
      <Section id="rollover-classes" heading={t.classesHeading}>
        <div class="grid max-w-prose gap-4">
          {proposal.classes.map((c) => (
            <Field
              id={`name-${c.fromClassId}`}
              name={`name_${c.fromClassId}`}
              label={fill(t.fromClass, { name: c.fromName, trinn: c.trinn - 1 })}
              hint={t.nameHint}
              value={input.names[c.fromClassId] ?? c.name}
              error={nameError(c.fromClassId)}
              maxlength={40}
            />
          ))}
        </div>
      </Section>
      <Section id="rollover-pupils" heading={t.pupilsHeading}>
        <p safe>{t.pupilsLead}</p>
        {proposal.pupils.length === 0 ? (
          <p safe>{t.noPupils}</p>
        ) : (
          <div class="grid gap-4 md:grid-cols-2">
            {proposal.pupils.map((p) => (
              <SelectField
                id={`pupil-${p.enrolmentId}`}
                name={`pupil_${p.enrolmentId}`}
                label={fill(t.placement, { name: `${p.givenName} ${p.familyName}`, class: p.fromClassName })}
                value={input.placements[p.enrolmentId] ?? ''}
                error={placementError(p.enrolmentId)}
                options={options}
              />
            ))}
          </div>
        )}
      </Section>
      <Section id="rollover-leavers" heading={t.leaversHeading}>
        {proposal.leavers.length === 0 ? (
          <p safe>{t.noLeavers}</p>
        ) : (
          <>
            <p safe>{fill(t.leaversLead, { last })}</p>
            <ul class="list-disc pl-5" role="list">
              {proposal.leavers.map((p) => (
                <li safe>{`${p.givenName} ${p.familyName} (${p.fromClassName})`}</li>
              ))}
            </ul>
          </>
        )}
      </Section>
      <button type="submit" class={primaryButton} safe>
        {t.apply}
      </button>
    </form>
  );
}

/** The office's links to the school year's life, on the school's class list. */
export function RolloverLinks({ page, schoolId }: { page: PageContext; schoolId: number }) {
  const t = officeRolloverText[page.locale];
  return (
    <ul class="flex flex-wrap gap-x-6 gap-y-2" role="list">
      <li>
        <a href={officeRolloverPaths.rollover(schoolId)} class={link} safe>
          {t.link}
        </a>
      </li>
      <li>
        <a href={officeRolloverPaths.formerPupils(schoolId)} class={link} safe>
          {t.formerLink}
        </a>
      </li>
    </ul>
  );
}
