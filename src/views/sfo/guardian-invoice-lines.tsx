import { sfoPlacePaths } from '../../paths/sfo-places.ts';
import type { GuardianInvoice } from '../../domain/sfo/guardian-invoice.ts';
import type { InvoiceChildLine } from '../../domain/sfo/invoice.ts';
import { formatKroner } from '../../domain/sfo/money.ts';
import { addMonths } from '../../domain/sfo/price.ts';
import { fill } from '../../i18n/index.ts';
import { sfoAdminText, type SfoAdminMessages } from '../../i18n/sfo-admin.ts';
import { sfoAdminPaths } from '../../paths/sfo-admin.ts';
import { link } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';
import { monthLabel } from './month.ts';

/** The components of a line that are not zero, in the order they are applied (price.ts), with the total. */
function components(t: SfoAdminMessages, line: InvoiceChildLine): { label: string; ore: number }[] {
  const c = t.columns;
  const rows = [
    { label: `${c.price}${line.offerNames.length ? ` (${line.offerNames.join(' / ')})` : ''}`, ore: line.priceOre },
    { label: c.freeHours, ore: line.freeHoursOre },
    { label: c.sibling, ore: line.siblingDiscountOre },
    { label: c.incomeCap, ore: line.incomeCapOre },
    { label: c.freeSfo, ore: line.freeSfoOre },
    { label: c.food, ore: line.foodOre },
    { label: `${c.summer} (${fill(t.summerDays, { count: line.summerDays })})`, ore: line.summerOre },
  ];
  return rows.filter((r) => r.ore !== 0);
}

/**
 * The guardian's SFO invoice lines for one child and month (issue 12, item 6): only the lines billed to this guardian
 * (domain/sfo/guardian-invoice.ts says why), with month navigation. For the child's SFO page (/children/:id/sfo, built
 * elsewhere) to embed; also shown alone at /children/:id/sfo/invoice. Two columns, so it reads on a phone.
 */
export function GuardianInvoiceLines({
  page,
  pupilId,
  childName,
  invoice,
  headingLevel = 2,
}: {
  page: PageContext;
  pupilId: number;
  childName: string;
  invoice: GuardianInvoice;
  headingLevel?: 2 | 3;
}) {
  const t = sfoAdminText[page.locale];
  const tg = t.guardian;
  const label = monthLabel(page.locale, invoice.month);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const lines = invoice.sfos.flatMap((s) => s.lines.map((line) => ({ sfoName: s.sfoName, line })));
  return (
    <section id="sfo-invoice" aria-labelledby="sfo-invoice-heading" class="space-y-3">
      <Heading id="sfo-invoice-heading" class="text-xl font-semibold" safe>
        {fill(tg.heading, { month: label })}
      </Heading>
      <nav aria-label={t.invoice.monthNav} class="flex flex-wrap gap-x-6 gap-y-2">
        <a href={sfoAdminPaths.guardianInvoice(pupilId, addMonths(invoice.month, -1))} class={link} rel="prev" safe>
          {t.invoice.previous}
        </a>
        <a href={sfoAdminPaths.guardianInvoice(pupilId, addMonths(invoice.month, 1))} class={link} rel="next" safe>
          {t.invoice.next}
        </a>
      </nav>
      {lines.length === 0 ? (
        <p safe>{fill(tg.none, { name: childName })}</p>
      ) : (
        <p safe>{fill(tg.lead, { name: childName })}</p>
      )}
      {lines.map(({ sfoName, line }) => (
        <table class="w-full max-w-prose text-sm">
          <caption class="text-left font-semibold" safe>
            {sfoName}
          </caption>
          <thead class="sr-only">
            <tr>
              <th scope="col" safe>
                {tg.component}
              </th>
              <th scope="col" safe>
                {tg.amount}
              </th>
            </tr>
          </thead>
          <tbody>
            {components(t, line).map((r) => (
              <tr class="border-t border-slate-200">
                <th scope="row" class="py-1 pr-2 text-left font-normal" safe>
                  {r.label}
                </th>
                <td class="py-1 text-right tabular-nums whitespace-nowrap" safe>
                  {formatKroner(r.ore)}
                </td>
              </tr>
            ))}
            <tr class="border-t-2 border-slate-400 font-semibold">
              <th scope="row" class="py-1 pr-2 text-left" safe>
                {t.columns.total}
              </th>
              <td class="py-1 text-right tabular-nums whitespace-nowrap" safe>
                {formatKroner(line.totalOre)}
              </td>
            </tr>
          </tbody>
        </table>
      ))}
      {invoice.otherPayer ? <p safe>{tg.otherPayer}</p> : ''}
    </section>
  );
}

/** /children/:id/sfo/invoice: one month's lines on their own (the child's SFO screen shows this month's). */
export function GuardianInvoicePage({
  page,
  pupilId,
  childName,
  invoice,
}: {
  page: PageContext;
  pupilId: number;
  childName: string;
  invoice: GuardianInvoice;
}) {
  return (
    <div class="max-w-prose space-y-4">
      <p>
        <a href={sfoPlacePaths.child(pupilId)} class={link}>
          SFO
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(sfoAdminText[page.locale].guardian.title, { name: childName })}
      </h1>
      <GuardianInvoiceLines page={page} pupilId={pupilId} childName={childName} invoice={invoice} />
    </div>
  );
}
