import type { KindergartenConsentOverview } from '../../domain/consents/kindergarten.ts';
import type { ClassConsentOverview } from '../../domain/consents/overview.ts';
import { careBoardPaths } from '../../paths/care-board.ts';
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

type OverviewData = Pick<ClassConsentOverview, 'types' | 'rows' | 'total' | 'filter'>;
type OverviewTexts = (typeof consentsText)['nb']['overview'];

/** Where an overview is (a class, or a kindergarten with its departments) and how it links. */
interface Frame {
  id: string;
  url: string;
  title: string;
  unitName: string;
  back: { href: string; text: string };
  captionName: string;
  texts: OverviewTexts;
  rowHref: (childId: number) => string;
  departments?: { label: string; all: string; options: { id: number; name: string }[]; selected: number | null };
}

/** S5: pupils × consents for one class, filterable with a plain GET form (htmx swaps the same element). */
export function ClassConsentsPage({ page, overview }: { page: PageContext; overview: ClassConsentOverview }) {
  const t = consentsText[page.locale].overview;
  return (
    <OverviewPage
      page={page}
      overview={overview}
      frame={{
        id: 'class-consents',
        url: consentPaths.classOverview(overview.classId),
        title: classConsentsTitle(page, overview.className),
        unitName: overview.schoolName,
        back: { href: pupilPaths.class(overview.classId), text: t.back },
        captionName: overview.className,
        texts: t,
        rowHref: pupilPaths.pupil,
      }}
    />
  );
}

export const kindergartenConsentsTitle = (page: PageContext, overview: KindergartenConsentOverview) =>
  fill(consentsText[page.locale].kindergarten.overview.title, {
    name: overview.departments.find((d) => d.id === overview.departmentId)?.name ?? overview.kindergartenName,
  });

/** Issue 13 (K1): a kindergarten's children × its consents, for its staff; the same page as a class's. */
export function KindergartenConsentsPage({
  page,
  overview,
}: {
  page: PageContext;
  overview: KindergartenConsentOverview;
}) {
  const texts = consentsText[page.locale];
  const t = { ...texts.overview, ...texts.kindergarten.overview };
  const unit = { kind: 'kindergarten' as const, id: overview.kindergartenId };
  const department = overview.departmentId;
  return (
    <OverviewPage
      page={page}
      overview={overview}
      frame={{
        id: 'kindergarten-consents',
        url: consentPaths.kindergartenOverview(overview.kindergartenId),
        title: kindergartenConsentsTitle(page, overview),
        unitName: overview.kindergartenName,
        back: { href: careBoardPaths.board(unit, { department }), text: t.back },
        captionName: overview.departments.find((d) => d.id === department)?.name ?? overview.kindergartenName,
        texts: t,
        rowHref: (childId) => careBoardPaths.boardAt(unit, childId, { department }),
        departments: {
          label: t.department,
          all: t.allDepartments,
          options: overview.departments,
          selected: department,
        },
      }}
    />
  );
}

function OverviewPage({ page, overview, frame }: { page: PageContext; overview: OverviewData; frame: Frame }) {
  const t = frame.texts;
  const url = frame.url;
  return (
    <div id={frame.id} class={`space-y-4 ${PRINT_ONLY_CONTENT}`}>
      <p class="print:hidden">
        <a href={frame.back.href} class={link} safe>
          {frame.back.text}
        </a>
      </p>
      <h1 class="text-3xl font-bold print:text-2xl" safe>
        {frame.title}
      </h1>
      <p class="text-slate-700" safe>
        {frame.unitName}
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
        hx-target={`#${frame.id}`}
        hx-swap="outerHTML"
        hx-push-url="true"
        class={`${card} print:hidden`}
      >
        <fieldset class="flex flex-wrap items-end gap-4">
          <legend class="mb-2 font-semibold" safe>
            {t.filterLegend}
          </legend>
          {frame.departments ? (
            <div class="flex flex-col gap-1">
              <label for="filter-department" safe>
                {frame.departments.label}
              </label>
              <select id="filter-department" name="department" class="rounded border border-slate-500 bg-white p-2">
                <option value="" safe>
                  {frame.departments.all}
                </option>
                {frame.departments.options.map((d) => (
                  <option value={String(d.id)} selected={frame.departments?.selected === d.id} safe>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            ''
          )}
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
        <ConsentTable page={page} overview={overview} frame={frame} />
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

function ConsentTable({ page, overview, frame }: { page: PageContext; overview: OverviewData; frame: Frame }) {
  const t = frame.texts;
  return (
    <TableRegion labelledBy={`${frame.id}-caption`} framed class="print:overflow-visible print:border-0">
      <table class="min-w-full border-collapse text-left print:text-xs">
        <caption id={`${frame.id}-caption`} class="p-2 text-left font-semibold" safe>
          {fill(t.caption, { name: frame.captionName })}
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
                    href={frame.rowHref(row.pupilId)}
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
