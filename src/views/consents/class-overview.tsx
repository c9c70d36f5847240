import type { ClassConsentOverview } from '../../domain/consents/overview.ts';
import { STATE_FILTERS, type ConsentState } from '../../domain/consents/state.ts';
import { consentsText } from '../../i18n/consents.ts';
import { fill } from '../../i18n/index.ts';
import { consentPaths } from '../../paths/consents.ts';
import { pupilPaths } from '../../paths/pupils.ts';
import { card, link, primaryButton } from '../components/classes.ts';
import { TableRegion } from '../components/table.tsx';
import { StateBadge } from './parts.tsx';
import type { PageContext } from '../page-context.ts';

/** When printed, only the table and its headings: the site header, footer, filter and links are hidden. */
const PRINT_ONLY_CONTENT = 'print:[body:has(&)_header]:hidden print:[body:has(&)_footer]:hidden';

export const classConsentsTitle = (page: PageContext, className: string) =>
  fill(consentsText[page.locale].overview.title, { name: className });

/** S5: pupils × consents for one class, filterable with a plain GET form (htmx swaps the same element). */
export function ClassConsentsPage({ page, overview }: { page: PageContext; overview: ClassConsentOverview }) {
  const t = consentsText[page.locale].overview;
  const url = consentPaths.classOverview(overview.classId);
  return (
    <div id="class-consents" class={`space-y-4 ${PRINT_ONLY_CONTENT}`}>
      <p class="print:hidden">
        <a href={pupilPaths.class(overview.classId)} class={link} safe>
          {t.back}
        </a>
      </p>
      <h1 class="text-3xl font-bold print:text-2xl" safe>
        {classConsentsTitle(page, overview.className)}
      </h1>
      <p class="text-slate-700" safe>
        {overview.schoolName}
      </p>
      <p class="max-w-prose print:text-sm" safe>
        {t.lead}
      </p>
      <p class="font-semibold print:text-sm" safe>
        {t.confidential}
      </p>
      <form
        method="get"
        action={url}
        hx-get={url}
        hx-target="#class-consents"
        hx-swap="outerHTML"
        hx-push-url="true"
        class={`${card} print:hidden`}
      >
        <fieldset class="flex flex-wrap items-end gap-4">
          <legend class="mb-2 font-semibold" safe>
            {t.filterLegend}
          </legend>
          <div class="flex flex-col gap-1">
            <label for="filter-type" safe>
              {t.filterType}
            </label>
            <select id="filter-type" name="type" class="rounded border border-slate-500 bg-white p-2">
              <option value="" safe>
                {t.filterTypeAll}
              </option>
              {overview.types.map((type) => (
                <option value={type.key} selected={overview.filter.typeKey === type.key} safe>
                  {type.parentId ? `– ${type.name[page.locale]}` : type.name[page.locale]}
                </option>
              ))}
            </select>
          </div>
          <div class="flex flex-col gap-1">
            <label for="filter-state" safe>
              {t.filterState}
            </label>
            <select id="filter-state" name="state" class="rounded border border-slate-500 bg-white p-2">
              <option value="" safe>
                {t.filterStateAll}
              </option>
              {STATE_FILTERS.map((state) => (
                <option value={state} selected={overview.filter.state === state} safe>
                  {consentsText[page.locale].stateFilter[state]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class={primaryButton} safe>
            {t.filterButton}
          </button>
          <a href={url} class={`${link} py-2`} safe>
            {t.clearFilter}
          </a>
        </fieldset>
      </form>
      <p class="print:hidden" safe>
        {t.printHint}
      </p>
      <p role="status" safe>
        {fill(t.count, { shown: overview.rows.length, total: overview.total })}
      </p>
      <Legend page={page} />
      {overview.total === 0 ? (
        <p safe>{t.noPupils}</p>
      ) : overview.rows.length === 0 ? (
        <p safe>{t.empty}</p>
      ) : (
        <ConsentTable page={page} overview={overview} />
      )}
    </div>
  );
}

function Legend({ page }: { page: PageContext }) {
  const states: ConsentState[] = ['given', 'refused', 'unanswered'];
  return (
    <div class="flex flex-wrap items-center gap-3 text-sm">
      <span class="font-semibold" safe>{`${consentsText[page.locale].overview.legend}:`}</span>
      {states.map((state) => (
        <StateBadge page={page} state={state} />
      ))}
    </div>
  );
}

function ConsentTable({ page, overview }: { page: PageContext; overview: ClassConsentOverview }) {
  const t = consentsText[page.locale].overview;
  return (
    <TableRegion labelledBy="class-consents-caption" framed class="print:overflow-visible print:border-0">
      <table class="min-w-full border-collapse text-left print:text-xs">
        <caption id="class-consents-caption" class="p-2 text-left font-semibold" safe>
          {fill(t.caption, { name: overview.className })}
        </caption>
        <thead>
          <tr class="border-b border-slate-300">
            <th scope="col" class="p-2 align-bottom" safe>
              {t.pupil}
            </th>
            {overview.types.map((type) => (
              <th
                scope="col"
                class={`p-2 align-bottom ${overview.filter.typeKey === type.key ? 'bg-sky-50 print:bg-transparent' : ''}`}
              >
                {type.parentId ? (
                  <span
                    class="block text-xs font-normal text-slate-700"
                    safe
                  >{`${overview.types.find((p) => p.id === type.parentId)?.name[page.locale] ?? ''} →`}</span>
                ) : (
                  ''
                )}
                <span safe>{type.name[page.locale]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {overview.rows.map((row) => (
            <tr class="border-b border-slate-200 break-inside-avoid">
              <th scope="row" class="p-2 font-normal">
                {row.pupilId === null ? (
                  <em class="text-slate-700" safe>
                    {t.hiddenPupil}
                  </em>
                ) : (
                  <a
                    href={pupilPaths.pupil(row.pupilId)}
                    class={`${link} print:no-underline`}
                    safe
                  >{`${row.familyName}, ${row.givenName}`}</a>
                )}
              </th>
              {row.states.map((state) => (
                <td class="p-2">
                  <StateBadge page={page} state={state} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
