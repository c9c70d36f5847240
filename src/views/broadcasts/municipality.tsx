import {
  TRINN,
  type MunicipalityNoticeErrors,
  type MunicipalityNoticeField,
  type MunicipalityNoticeInput,
  type NoticeMunicipality,
} from '../../domain/broadcasts/municipality.ts';
import { broadcastsText } from '../../i18n/broadcasts.ts';
import { fill } from '../../i18n/index.ts';
import { broadcastPaths } from '../../paths/broadcasts.ts';
import { NoticeTextFields } from './parts.tsx';
import { link, primaryButton } from '../components/classes.ts';
import { ErrorSummary } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';

const FIELD_IDS: Record<MunicipalityNoticeField, string> = {
  schools: 'notice-schools',
  trinn: 'notice-trinn',
  subject: 'notice-subject',
  body: 'notice-body',
};

/**
 * GET /municipality-notices/new (and the 422 re-render with what was chosen and typed): the school owner picks the
 * schools and trinn (all by default), writes, sends once. `requestKey` makes a repeated POST harmless.
 */
export function MunicipalityNoticePage({
  page,
  municipality,
  others,
  requestKey,
  input,
  errors = {},
}: {
  page: PageContext;
  municipality: NoticeMunicipality;
  /** Further municipalities the actor is school owner of (rare): links to their form. */
  others: NoticeMunicipality[];
  requestKey: string;
  input?: MunicipalityNoticeInput;
  errors?: MunicipalityNoticeErrors;
}) {
  const t = broadcastsText[page.locale];
  const m = t.municipality;
  const message = (field: MunicipalityNoticeField) => {
    const code = errors[field];
    if (!code) return undefined;
    return field === 'schools' || field === 'trinn'
      ? (m.errors[field] as Record<string, string>)[code]
      : (t.errors[field] as Record<string, string>)[code];
  };
  const summary = (Object.keys(FIELD_IDS) as MunicipalityNoticeField[]).flatMap((f) =>
    message(f) ? [{ field: FIELD_IDS[f], message: message(f)! }] : [],
  );
  const schoolChecked = (id: number) => (input ? input.schools.includes(String(id)) : true);
  const trinnChecked = (n: number) => (input ? input.trinn.includes(String(n)) : true);
  return (
    <div id="municipality-notice" class="max-w-prose space-y-4">
      <p>
        <a href={broadcastPaths.list} class={link} safe>
          {t.backToSent}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {`${m.title}: ${municipality.name}`}
      </h1>
      {others.length ? (
        <ul class="list-disc pl-5">
          {others.map((o) => (
            <li>
              <a href={broadcastPaths.municipalityNewFor(o.id)} class={link} safe>
                {`${m.title}: ${o.name}`}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      <form
        method="post"
        action={broadcastPaths.municipalityCreate}
        hx-post={broadcastPaths.municipalityCreate}
        hx-target="#main"
        hx-push-url="true"
        class="space-y-4"
        novalidate
      >
        <ErrorSummary heading={t.errorSummary} errors={summary} />
        <p id="notice-lead" class="text-slate-700" safe>
          {m.lead}
        </p>
        <input type="hidden" name="municipality" value={String(municipality.id)} />
        <input type="hidden" name="key" value={requestKey} />
        <Checkboxes
          id={FIELD_IDS.schools}
          name="schools"
          legend={m.schools}
          hint={m.schoolsHint}
          error={message('schools')}
          options={municipality.schools.map((s) => ({
            value: String(s.id),
            label: s.name,
            checked: schoolChecked(s.id),
          }))}
        />
        <Checkboxes
          id={FIELD_IDS.trinn}
          name="trinn"
          legend={m.trinn}
          hint={m.trinnHint}
          error={message('trinn')}
          columns
          options={TRINN.map((n) => ({
            value: String(n),
            label: fill(t.trinnName, { trinn: n }),
            checked: trinnChecked(n),
          }))}
        />
        <NoticeTextFields
          locale={page.locale}
          ids={FIELD_IDS}
          subject={input?.subject ?? ''}
          body={input?.body ?? ''}
          errors={{ subject: message('subject'), body: message('body') }}
        />
        <button type="submit" class={primaryButton} safe>
          {m.send}
        </button>
      </form>
    </div>
  );
}

/** A fieldset of check boxes with its legend, hint and error tied to it (the fieldset's id is the summary's anchor). */
function Checkboxes({
  id,
  name,
  legend,
  hint,
  error,
  options,
  columns = false,
}: {
  id: string;
  name: string;
  legend: string;
  hint: string;
  error?: string;
  options: { value: string; label: string; checked: boolean }[];
  columns?: boolean;
}) {
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      id={id}
      tabindex="-1"
      class={`space-y-2 rounded border p-3 ${error ? 'border-2 border-red-800' : 'border-slate-400'}`}
      aria-describedby={described}
    >
      <legend class="px-1 font-semibold" safe>
        {legend}
      </legend>
      <p id={`${id}-hint`} class="text-sm text-slate-700" safe>
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} class="font-semibold text-red-900" safe>
          {error}
        </p>
      ) : (
        ''
      )}
      <div class={columns ? 'grid grid-cols-2 gap-1 sm:grid-cols-5' : 'grid gap-1 sm:grid-cols-2'}>
        {options.map((o) => (
          <label class="flex items-center gap-2">
            <input type="checkbox" name={name} value={o.value} checked={o.checked} />
            <span safe>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
