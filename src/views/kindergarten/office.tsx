import type {
  AddDepartmentErrors,
  AddStaffErrors,
  AddStaffInput,
  AdmitChildErrors,
  AdmitChildInput,
  EndPlaceErrors,
  KindergartenPlace,
  KindergartenStaffRow,
  ManagedKindergarten,
  MoveChildErrors,
} from '../../domain/kindergarten/office.ts';
import { KINDERGARTEN_ROLES } from '../../domain/kindergarten/office.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { kindergartenOfficeText, type KindergartenOfficeMessages } from '../../i18n/kindergarten-office.ts';
import { kindergartenOfficePaths as paths, type KindergartenNotice } from '../../paths/kindergarten-office.ts';
import { link, listCard, primaryButton, secondaryButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import type { PageContext } from '../page-context.ts';

/** What the office page shows besides the kindergarten: a receipt, and at most one form sent back with errors. */
export interface KindergartenOfficeState {
  notice?: KindergartenNotice;
  admit?: { input: AdmitChildInput; errors: AdmitChildErrors };
  move?: { enrolmentId: number; input: { departmentId: string; on: string }; errors: MoveChildErrors };
  end?: { enrolmentId: number; input: { endsOn: string }; errors: EndPlaceErrors };
  department?: { input: { name: string; ageGroup: string }; errors: AddDepartmentErrors };
  staff?: { input: AddStaffInput; errors: AddStaffErrors };
  staffEnd?: { membershipId: number; input: { endsOn: string }; errors: { endsOn?: 'date' | 'before_start' } };
}

const htmx = (action: string) => ({ 'hx-post': action, 'hx-target': '#kg-office', 'hx-swap': 'outerHTML' });

export function KindergartenList({
  page,
  kindergartens,
}: {
  page: PageContext;
  kindergartens: { id: number; name: string }[];
}) {
  const t = kindergartenOfficeText[page.locale];
  return (
    <div class="space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {t.listTitle}
      </h1>
      <p safe>{kindergartens.length ? t.listLead : t.noKindergartens}</p>
      <ul class={listCard} role="list">
        {kindergartens.map((k) => (
          <li class="p-3">
            <a href={paths.office(k.id)} class={link} safe>
              {k.name}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function KindergartenOfficePage({
  page,
  kg,
  places,
  staff,
  state,
}: {
  page: PageContext;
  kg: ManagedKindergarten;
  places: KindergartenPlace[];
  staff: KindergartenStaffRow[];
  state: KindergartenOfficeState;
}) {
  const t = kindergartenOfficeText[page.locale];
  return (
    <div id="kg-office" class="space-y-6">
      <p>
        <a href={paths.list} class={link} safe>
          {t.back}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(t.title, { name: kg.name })}
      </h1>
      <p safe>{t.lead}</p>
      {state.notice ? <Notice text={t.notices[state.notice]} /> : ''}
      {kg.departments.map((d) => {
        const children = places.filter((p) => p.departmentId === d.id);
        return (
          <Section
            id={`department-${d.id}`}
            heading={fill(t.departmentHeading, { name: d.name, count: children.length })}
          >
            {children.length === 0 ? (
              <p safe>{t.noChildren}</p>
            ) : (
              <ul class="space-y-3" role="list">
                {children.map((p) => (
                  <PlaceItem t={t} kg={kg} place={p} state={state} />
                ))}
              </ul>
            )}
          </Section>
        );
      })}
      <AdmitSection t={t} kg={kg} state={state} />
      <StaffSection t={t} kg={kg} staff={staff} state={state} />
      <DepartmentSection t={t} kg={kg} state={state} />
    </div>
  );
}

interface Parts {
  t: KindergartenOfficeMessages;
  kg: ManagedKindergarten;
  state: KindergartenOfficeState;
}

const departmentOptions = (kg: ManagedKindergarten) =>
  kg.departments.map((d) => ({ value: String(d.id), label: d.name }));

function summaryOf(errors: Record<string, string | undefined>, id: (field: string) => string) {
  return Object.entries(errors).flatMap(([field, message]) => (message ? [{ field: id(field), message }] : []));
}

function PlaceItem({ t, kg, place, state }: Parts & { place: KindergartenPlace }) {
  const name = `${place.givenName} ${place.familyName}`;
  const move = state.move?.enrolmentId === place.enrolmentId ? state.move : undefined;
  const end = state.end?.enrolmentId === place.enrolmentId ? state.end : undefined;
  const id = (form: string) => (field: string) => `${form}-${place.enrolmentId}-${field}`;
  const moveErrors = {
    departmentId: move?.errors.departmentId ? t.errors.departmentId[move.errors.departmentId] : undefined,
    on: move?.errors.on
      ? { date: t.errors.date, not_after_start: t.errors.notAfterStart, ended: t.errors.ended }[move.errors.on]
      : undefined,
  };
  const endErrors = {
    endsOn: end?.errors.endsOn
      ? { date: t.errors.date, before_start: t.errors.beforeStart }[end.errors.endsOn]
      : undefined,
  };
  return (
    <li class="border-t border-slate-200 pt-2">
      <p>
        <span class="font-semibold" safe>
          {name}
        </span>{' '}
        <span class="text-slate-700" safe>
          {[
            place.birthDate ? fill(t.born, { date: formatDate(place.birthDate) }) : '',
            fill(t.placeFrom, { percent: place.percent, from: formatDate(place.startsOn) }) +
              (place.endsOn ? fill(t.placeUntil, { to: formatDate(place.endsOn) }) : ''),
          ]
            .filter(Boolean)
            .join(', ')}
        </span>
      </p>
      <details open={Boolean(move || end)}>
        <summary class="cursor-pointer text-sky-900 underline" safe>
          {fill(t.changePlace, { name })}
        </summary>
        <div class="mt-2 grid gap-4 md:grid-cols-2">
          <form
            method="post"
            action={paths.move(kg.id, place.enrolmentId)}
            {...htmx(paths.move(kg.id, place.enrolmentId))}
            class="space-y-3"
            novalidate
          >
            <h3 class="font-semibold" safe>
              {t.moveHeading}
            </h3>
            <ErrorSummary heading={t.errorSummary} errors={summaryOf(moveErrors, id('move'))} />
            <SelectField
              id={id('move')('departmentId')}
              name="department_id"
              label={t.moveTo}
              value={move?.input.departmentId ?? ''}
              error={moveErrors.departmentId}
              options={departmentOptions(kg).filter((d) => d.value !== String(place.departmentId))}
              empty
            />
            <Field
              id={id('move')('on')}
              name="on"
              label={t.moveOn}
              hint={t.dateHint}
              value={move?.input.on ?? ''}
              error={moveErrors.on}
            />
            <button type="submit" class={secondaryButton} safe>
              {t.move}
            </button>
          </form>
          <form
            method="post"
            action={paths.end(kg.id, place.enrolmentId)}
            {...htmx(paths.end(kg.id, place.enrolmentId))}
            class="space-y-3"
            novalidate
          >
            <h3 class="font-semibold" safe>
              {t.endHeading}
            </h3>
            <ErrorSummary heading={t.errorSummary} errors={summaryOf(endErrors, id('end'))} />
            <Field
              id={id('end')('endsOn')}
              name="ends_on"
              label={t.endsOn}
              hint={t.dateHint}
              value={end?.input.endsOn ?? ''}
              error={endErrors.endsOn}
            />
            <button type="submit" class={secondaryButton} safe>
              {t.end}
            </button>
          </form>
        </div>
      </details>
    </li>
  );
}

function AdmitSection({ t, kg, state }: Parts) {
  const input = state.admit?.input ?? { number: '', departmentId: '', startsOn: '', percent: '' };
  const e = state.admit?.errors ?? {};
  const errors = {
    number: e.number ? t.errors.number[e.number] : undefined,
    departmentId: e.departmentId ? t.errors.departmentId[e.departmentId] : undefined,
    startsOn: e.startsOn ? t.errors.date : undefined,
    percent: e.percent ? t.errors.percent : undefined,
  };
  const id = (f: string) => `admit-${f}`;
  return (
    <Section id="admit" heading={t.admitHeading}>
      <form
        method="post"
        action={paths.admit(kg.id)}
        {...htmx(paths.admit(kg.id))}
        class="max-w-prose space-y-3"
        novalidate
      >
        <ErrorSummary heading={t.errorSummary} errors={summaryOf(errors, id)} />
        <p safe>{t.admitLead}</p>
        <Field
          id={id('number')}
          name="number"
          label={t.number}
          value={input.number}
          error={errors.number}
          inputmode="numeric"
          autocomplete="off"
        />
        <SelectField
          id={id('departmentId')}
          name="department_id"
          label={t.department}
          value={input.departmentId}
          error={errors.departmentId}
          options={departmentOptions(kg)}
          empty
        />
        <Field
          id={id('startsOn')}
          name="starts_on"
          label={t.startsOn}
          hint={t.dateHint}
          value={input.startsOn}
          error={errors.startsOn}
        />
        <Field
          id={id('percent')}
          name="percent"
          label={t.percent}
          hint={t.percentHint}
          value={input.percent}
          error={errors.percent}
          inputmode="numeric"
        />
        <button type="submit" class={primaryButton} safe>
          {t.admit}
        </button>
      </form>
    </Section>
  );
}

function StaffSection({ t, kg, staff, state }: Parts & { staff: KindergartenStaffRow[] }) {
  const input = state.staff?.input ?? { feideId: '', role: '', departmentId: '', startsOn: '' };
  const e = state.staff?.errors ?? {};
  const errors = {
    feideId: e.feideId ? t.errors.feideId[e.feideId] : undefined,
    role: e.role ? t.errors.role : undefined,
    departmentId: e.departmentId ? t.errors.staffDepartment : undefined,
    startsOn: e.startsOn ? t.errors.date : undefined,
  };
  const id = (f: string) => `staff-${f}`;
  const departmentName = (departmentId: number | null) =>
    departmentId === null ? '' : `, ${kg.departments.find((d) => d.id === departmentId)?.name ?? ''}`;
  return (
    <Section id="staff" heading={t.staffHeading}>
      {staff.length === 0 ? (
        <p safe>{t.noStaff}</p>
      ) : (
        <ul class="space-y-3" role="list">
          {staff.map((s) => {
            const mine = state.staffEnd?.membershipId === s.membershipId ? state.staffEnd : undefined;
            const endError = mine?.errors.endsOn
              ? { date: t.errors.date, before_start: t.errors.beforeStart }[mine.errors.endsOn]
              : undefined;
            const fieldId = `staff-end-${s.membershipId}`;
            return (
              <li class="border-t border-slate-200 pt-2">
                <p>
                  <span class="font-semibold" safe>
                    {s.name}
                  </span>{' '}
                  <span class="text-slate-700" safe>
                    {fill(t.staffLine, {
                      role: t.roles[s.role],
                      department: departmentName(s.departmentId),
                      from: formatDate(s.startsOn),
                    }) + (s.endsOn ? fill(t.placeUntil, { to: formatDate(s.endsOn) }) : '')}
                  </span>
                </p>
                <details open={Boolean(mine)}>
                  <summary class="cursor-pointer text-sky-900 underline" safe>
                    {fill(t.endStaff, { name: s.name })}
                  </summary>
                  <form
                    method="post"
                    action={paths.staffEnd(kg.id, s.membershipId)}
                    {...htmx(paths.staffEnd(kg.id, s.membershipId))}
                    class="mt-2 max-w-prose space-y-3"
                    novalidate
                  >
                    <ErrorSummary
                      heading={t.errorSummary}
                      errors={endError ? [{ field: fieldId, message: endError }] : []}
                    />
                    <Field
                      id={fieldId}
                      name="ends_on"
                      label={fill(t.staffEndsOn, { name: s.name })}
                      hint={t.dateHint}
                      value={mine?.input.endsOn ?? ''}
                      error={endError}
                    />
                    <button type="submit" class={secondaryButton} safe>
                      {fill(t.endStaff, { name: s.name })}
                    </button>
                  </form>
                </details>
              </li>
            );
          })}
        </ul>
      )}
      <form
        method="post"
        action={paths.staff(kg.id)}
        {...htmx(paths.staff(kg.id))}
        class="max-w-prose space-y-3 border-t border-slate-200 pt-3"
        novalidate
      >
        <h3 class="font-semibold" safe>
          {t.addStaffHeading}
        </h3>
        <ErrorSummary heading={t.errorSummary} errors={summaryOf(errors, id)} />
        <Field
          id={id('feideId')}
          name="feide_id"
          label={t.feideId}
          hint={t.feideHint}
          value={input.feideId}
          error={errors.feideId}
          autocomplete="off"
        />
        <SelectField
          id={id('role')}
          name="role"
          label={t.role}
          value={input.role}
          error={errors.role}
          options={KINDERGARTEN_ROLES.map((r) => ({ value: r, label: t.roles[r] }))}
          empty
        />
        <SelectField
          id={id('departmentId')}
          name="department_id"
          label={t.staffDepartment}
          value={input.departmentId}
          error={errors.departmentId}
          options={[{ value: '', label: t.noDepartment }, ...departmentOptions(kg)]}
        />
        <Field
          id={id('startsOn')}
          name="starts_on"
          label={t.startsOn}
          hint={t.dateHint}
          value={input.startsOn}
          error={errors.startsOn}
        />
        <button type="submit" class={primaryButton} safe>
          {t.addStaff}
        </button>
      </form>
    </Section>
  );
}

function DepartmentSection({ t, kg, state }: Parts) {
  const input = state.department?.input ?? { name: '', ageGroup: '' };
  const e = state.department?.errors ?? {};
  const errors = {
    name: e.name ? t.errors.name[e.name] : undefined,
    ageGroup: e.ageGroup ? t.errors.ageGroup : undefined,
  };
  const id = (f: string) => `department-new-${f}`;
  return (
    <Section id="departments" heading={t.departmentsHeading}>
      <form
        method="post"
        action={paths.departments(kg.id)}
        {...htmx(paths.departments(kg.id))}
        class="max-w-prose space-y-3"
        novalidate
      >
        <ErrorSummary heading={t.errorSummary} errors={summaryOf(errors, id)} />
        <Field
          id={id('name')}
          name="name"
          label={t.departmentName}
          value={input.name}
          error={errors.name}
          maxlength={60}
        />
        <SelectField
          id={id('ageGroup')}
          name="age_group"
          label={t.ageGroup}
          value={input.ageGroup}
          error={errors.ageGroup}
          options={(['small', 'big', 'mixed'] as const).map((a) => ({ value: a, label: t.ageGroups[a] }))}
          empty
        />
        <button type="submit" class={primaryButton} safe>
          {t.addDepartment}
        </button>
      </form>
    </Section>
  );
}
