import { extraBlocks } from '../../domain/privacy/extra-lines.ts';
import type { MyData } from '../../domain/privacy/types.ts';
import { formatDate } from '../../i18n/index.ts';
import { logActionText, logRoleText, myDataText } from '../../i18n/my-data.ts';
import { card, link, secondaryLink } from '../components/classes.ts';
import { dateRange, formatDateTime } from '../components/dates.ts';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';
import { myDataPaths } from '../../paths/my-data.ts';

const dl = 'grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]';
const dt = 'font-semibold';

export function MyDataPage({ page, data }: { page: PageContext; data: MyData }) {
  const t = myDataText[page.locale];
  const g = data.guardian;
  const relation = page.t.pupil.relation as Record<string, string>;
  const pupil = data.subject === 'pupil';
  return (
    <div class="space-y-6">
      <h1 class="text-3xl font-bold" safe>
        {t.title}
      </h1>
      <p class="max-w-prose" safe>
        {pupil ? t.pupilLead : data.subject === 'staff' ? t.staffLead : t.lead}
      </p>
      <p class="flex flex-wrap gap-4">
        <a href={myDataPaths.json} class={secondaryLink} download="" safe>
          {t.downloadJson}
        </a>
        <a href={myDataPaths.pdf} class={secondaryLink} download="" safe>
          {t.downloadPdf}
        </a>
      </p>
      <section aria-labelledby="about-you" class={card}>
        <h2 id="about-you" class="mb-2 text-xl font-semibold" safe>
          {t.you}
        </h2>
        <dl class={dl}>
          <dt class={dt} safe>
            {t.name}
          </dt>
          <dd safe>{g.name}</dd>
          <dt class={dt} safe>
            {t.fodselsnummer}
          </dt>
          <dd safe>{g.fodselsnummer ?? t.notRegistered}</dd>
          <dt class={dt} safe>
            {t.address}
          </dt>
          <dd safe>
            {[g.address.line, [g.address.postalCode, g.address.postalPlace].filter(Boolean).join(' ')]
              .filter(Boolean)
              .join(', ') || t.notRegistered}
          </dd>
          {g.address.protection !== 'none' ? (
            <>
              <dt class="sr-only" safe>
                {t.address}
              </dt>
              <dd class="sm:col-start-2" safe>
                {t.protected}
              </dd>
            </>
          ) : (
            ''
          )}
          {pupil ? (
            ''
          ) : (
            <>
              <dt class={dt} safe>
                {t.email}
              </dt>
              <dd safe>{g.contact?.email ?? t.notRegistered}</dd>
              <dt class={dt} safe>
                {t.mobile}
              </dt>
              <dd safe>{g.contact?.mobile ?? t.notRegistered}</dd>
              <dt class={dt} safe>
                {t.phone}
              </dt>
              <dd safe>{g.contact?.phone ?? t.notRegistered}</dd>
              <dt class={dt} safe>
                {t.sms}
              </dt>
              <dd safe>{g.contact?.smsEnabled === false ? t.smsOff : t.smsOn}</dd>
            </>
          )}
        </dl>
        <Extra page={page} extra={g.extra} />
      </section>
      {data.staff ? <StaffSections page={page} staff={data.staff} /> : ''}
      {data.children.map((child, index) => (
        <section aria-labelledby={`child-${index}`} class={`${card} space-y-3`}>
          <h2 id={`child-${index}`} class="text-xl font-semibold" safe>
            {pupil ? t.yourSchool : `${t.child}: ${child.name}`}
          </h2>
          <dl class={dl}>
            <dt class={dt} safe>
              {t.birthDate}
            </dt>
            <dd safe>{child.birthDate ? formatDate(child.birthDate) : t.notRegistered}</dd>
            <dt class={dt} safe>
              {t.school}
            </dt>
            <dd safe>{`${child.school}, ${child.className}`}</dd>
            <dt class={dt} safe>
              {t.enrolledFrom}
            </dt>
            <dd>{child.enrolledFrom ? <span safe>{formatDate(child.enrolledFrom)}</span> : ''}</dd>
            <dt class={dt} safe>
              {t.guardians}
            </dt>
            <dd safe>{child.guardians.map((x) => `${x.name} (${relation[x.relation] ?? x.relation})`).join(', ')}</dd>
          </dl>
          <Extra page={page} extra={child.extra} />
          <h3 class="text-lg font-semibold" safe>
            {pupil ? t.logPupil : t.log}
          </h3>
          <LogTable page={page} name={child.name} entries={child.log} />
          {child.log.length ? (
            <p>
              <a href={myDataPaths.log(child.id)} class={link} safe>
                {`${t.logAll}: ${child.name}`}
              </a>
            </p>
          ) : (
            ''
          )}
        </section>
      ))}
    </div>
  );
}

/** The areas' data (consents, settings, documents …), each as a heading and a list of plain lines. */
function Extra({ page, extra }: { page: PageContext; extra: Record<string, unknown> }) {
  const t = myDataText[page.locale];
  return (
    <>
      {extraBlocks(extra, t).map((block) => (
        <div class="mt-3">
          <h3 class="font-semibold" safe>
            {block.heading}
          </h3>
          {block.lines.length === 0 ? (
            <p class="text-slate-700" safe>
              {t.none}
            </p>
          ) : (
            <ul class="list-disc pl-5" role="list">
              {block.lines.map((line) => (
                <li safe>{line}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </>
  );
}

/** A plain table of text cells (the first column, a time, kept on one line), captioned for screen readers. */
function DataTable({ label, headings, rows }: { label: string; headings: string[]; rows: string[][] }) {
  return (
    <TableRegion label={label}>
      <table class="min-w-full text-left text-sm">
        <caption class="sr-only" safe>
          {label}
        </caption>
        <thead>
          <tr>
            {headings.map((h, i) => (
              <th scope="col" class={i < headings.length - 1 ? 'pr-4' : ''} safe>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells) => (
            <tr class="border-t border-slate-200">
              {cells.map((cell, i) => (
                <td class={i === 0 ? 'whitespace-nowrap pr-4' : i < cells.length - 1 ? 'pr-4' : ''} safe>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** A child's log: when, who, in what capacity, what (the rows as listChildLog gives them), or a line saying none. */
export function LogTable({
  page,
  name,
  entries,
}: {
  page: PageContext;
  name: string;
  entries: MyData['children'][number]['log'];
}) {
  const t = myDataText[page.locale];
  if (entries.length === 0) return <p safe>{t.logNone}</p>;
  return (
    <DataTable
      label={`${t.log}: ${name}`}
      headings={[t.when, t.who, t.role, t.what]}
      rows={entries.map((e) => [
        formatDateTime(new Date(e.at)),
        e.by || 'Skolebro',
        logRoleText(page.locale, e.role),
        logActionText(page.locale, e.action),
      ])}
    />
  );
}

/** A staff member's roles and what they have done (collectStaffData): two tables, the second bounded. */
function StaffSections({ page, staff }: { page: PageContext; staff: NonNullable<MyData['staff']> }) {
  const t = myDataText[page.locale];
  const roleNames = page.t.home.role as Record<string, string>;
  return (
    <>
      <section aria-labelledby="your-roles" class={`${card} space-y-3`}>
        <h2 id="your-roles" class="text-xl font-semibold" safe>
          {t.rolesHeading}
        </h2>
        <DataTable
          label={t.rolesHeading}
          headings={[t.role, t.unit, t.period]}
          rows={staff.roles.map((r) => [
            [roleNames[r.role] ?? r.role, r.title].filter(Boolean).join(', '),
            r.unit,
            r.to ? dateRange(r.from, r.to) : `${formatDate(r.from)}–`,
          ])}
        />
      </section>
      <section aria-labelledby="your-actions" class={`${card} space-y-3`}>
        <h2 id="your-actions" class="text-xl font-semibold" safe>
          {t.yourActions}
        </h2>
        {staff.actions.length === 0 ? (
          <p safe>{t.yourActionsNone}</p>
        ) : (
          <DataTable
            label={t.yourActions}
            headings={[t.when, t.what, t.record]}
            rows={staff.actions.map((a) => [
              formatDateTime(new Date(a.at)),
              logActionText(page.locale, a.action),
              a.record ? (t.recordKinds[a.record] ?? a.record) : '',
            ])}
          />
        )}
        {staff.actionsMore ? <p safe>{t.actionsMore}</p> : ''}
      </section>
    </>
  );
}
