import type { InvoiceBasis, InvoiceChildLine } from '../../domain/sfo/invoice.ts';
import { formatKroner } from '../../domain/sfo/money.ts';
import { addMonths } from '../../domain/sfo/price.ts';
import type { SfoInfo } from '../../domain/sfo/units.ts';
import { fill } from '../../i18n/index.ts';
import { sfoAdminText, type SfoAdminMessages } from '../../i18n/sfo-admin.ts';
import { sfoAdminPaths } from '../../paths/sfo-admin.ts';
import { link, secondaryButton } from '../components/classes.ts';
import { Notice } from '../components/form.tsx';
import { Pager } from '../components/pager.tsx';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';
import { monthLabel } from './month.ts';

const num = 'px-2 py-1 text-right tabular-nums whitespace-nowrap';
const cell = 'px-2 py-1';

/** An amount cell: blank for 0 in the deduction columns, so the table reads at a glance. */
const amount = (ore: number, blankZero = true) => (blankZero && ore === 0 ? '' : formatKroner(ore));

function LineRow({ t, line }: { t: SfoAdminMessages; line: InvoiceChildLine }) {
  return (
    <tr class="border-t border-slate-200">
      <th scope="row" class={`${cell} text-left font-normal`}>
        <span safe>{line.pupilName}</span>
        {line.reductionKind ? (
          <span class="block text-sm text-slate-700" safe>
            {t.reductionKinds[line.reductionKind]}
          </span>
        ) : (
          ''
        )}
      </th>
      <td class={cell} safe>
        {line.offerNames.join(' / ')}
      </td>
      <td class={num}>{line.placeDays ? fill(t.placeDays, { days: line.placeDays, of: line.daysInMonth }) : ''}</td>
      <td class={num} safe>
        {amount(line.priceOre)}
      </td>
      <td class={num} safe>
        {amount(line.freeHoursOre)}
      </td>
      <td class={num} safe>
        {amount(line.siblingDiscountOre)}
      </td>
      <td class={num} safe>
        {amount(line.incomeCapOre)}
      </td>
      <td class={num} safe>
        {amount(line.freeSfoOre)}
      </td>
      <td class={num} safe>
        {amount(line.foodOre)}
      </td>
      <td class={num}>
        {line.summerDays ? `${fill(t.summerDays, { count: line.summerDays })}: ${formatKroner(line.summerOre)}` : ''}
      </td>
      <td class={`${num} font-semibold`} safe>
        {formatKroner(line.totalOre)}
      </td>
    </tr>
  );
}

/** The invoice basis of one SFO and month: per payer, one row per child with the components; paged by payer. */
export function InvoiceBasisPage({ page, sfo, basis }: { page: PageContext; sfo: SfoInfo; basis: InvoiceBasis }) {
  const t = sfoAdminText[page.locale];
  const ti = t.invoice;
  const label = monthLabel(page.locale, basis.month);
  const billed = basis.settings.billingMonths.includes(Number(basis.month.slice(5, 7)));
  const columns = t.columns;
  return (
    <div class="space-y-4">
      <p>
        <a href={sfoAdminPaths.list} class={link} safe>
          {t.back}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(ti.title, { sfo: sfo.name })}
      </h1>
      <form method="get" action={sfoAdminPaths.invoiceBasis(sfo.sfoId)} class="flex flex-wrap items-end gap-3">
        <div class="space-y-1">
          <label for="invoice-month" class="block font-semibold" safe>
            {ti.month}
          </label>
          <p id="invoice-month-hint" class="text-sm text-slate-700" safe>
            {ti.monthHint}
          </p>
          <input
            id="invoice-month"
            name="month"
            value={basis.month}
            inputmode="numeric"
            maxlength={7}
            class="rounded border border-slate-500 p-2"
            aria-describedby="invoice-month-hint"
          />
        </div>
        <button type="submit" class={secondaryButton} safe>
          {ti.show}
        </button>
      </form>
      <nav aria-label={ti.monthNav} class="flex flex-wrap gap-x-6 gap-y-2">
        <a href={sfoAdminPaths.invoiceBasis(sfo.sfoId, addMonths(basis.month, -1))} class={link} rel="prev" safe>
          {ti.previous}
        </a>
        <a href={sfoAdminPaths.invoiceBasis(sfo.sfoId, addMonths(basis.month, 1))} class={link} rel="next" safe>
          {ti.next}
        </a>
      </nav>
      <h2 class="text-xl font-semibold" safe>
        {fill(ti.monthHeading, { month: label })}
      </h2>
      <p class="max-w-prose text-sm text-slate-700" safe>
        {ti.rules}
      </p>
      <p>
        <a href={sfoAdminPaths.invoiceCsv(sfo.sfoId, basis.month)} class={link} download="" safe>
          {fill(ti.csv, { month: label })}
        </a>
      </p>
      <p class="max-w-prose text-sm text-slate-700" safe>
        {ti.csvHint}
      </p>
      {billed ? '' : <Notice text={fill(ti.notBilled, { month: label })} />}
      {basis.placesWithoutPayer > 0 ? (
        <p class="rounded border border-amber-700 bg-amber-50 p-3" safe>
          {fill(ti.withoutPayer, { count: basis.placesWithoutPayer })}
        </p>
      ) : (
        ''
      )}
      {basis.items.length === 0 ? (
        <p safe>{ti.empty}</p>
      ) : (
        <TableRegion label={fill(ti.monthHeading, { month: label })} framed>
          <table class="min-w-full text-sm">
            <thead>
              <tr class="bg-slate-50 text-left">
                <th scope="col" class={cell} safe>
                  {columns.child}
                </th>
                <th scope="col" class={cell} safe>
                  {columns.offer}
                </th>
                <th scope="col" class={num} safe>
                  {columns.days}
                </th>
                <th scope="col" class={num} safe>
                  {columns.price}
                </th>
                <th scope="col" class={num} safe>
                  {columns.freeHours}
                </th>
                <th scope="col" class={num} safe>
                  {columns.sibling}
                </th>
                <th scope="col" class={num} safe>
                  {columns.incomeCap}
                </th>
                <th scope="col" class={num} safe>
                  {columns.freeSfo}
                </th>
                <th scope="col" class={num} safe>
                  {columns.food}
                </th>
                <th scope="col" class={num} safe>
                  {columns.summer}
                </th>
                <th scope="col" class={num} safe>
                  {columns.total}
                </th>
              </tr>
            </thead>
            {basis.items.map((payer) => (
              <tbody id={`payer-${payer.payerId}`}>
                <tr class="border-t-2 border-slate-400 bg-slate-50">
                  <th scope="rowgroup" colspan="11" class={`${cell} text-left`}>
                    <span safe>
                      {fill(ti.payerTotal, { name: payer.payerName, amount: formatKroner(payer.totalOre) })}
                    </span>
                    {payer.sharedInvoice ? (
                      <strong class="ml-2 inline-block rounded bg-amber-100 px-2 text-amber-950" safe>
                        {ti.sharedRequest}
                      </strong>
                    ) : (
                      ''
                    )}
                  </th>
                </tr>
                {payer.lines.map((line) => (
                  <LineRow t={t} line={line} />
                ))}
              </tbody>
            ))}
          </table>
        </TableRegion>
      )}
      <Pager
        label={ti.pages}
        page={basis.page}
        hasNext={basis.hasNext}
        href={(p) => sfoAdminPaths.invoiceBasis(sfo.sfoId, basis.month, p)}
        previousText={ti.previousPage}
        nextText={ti.nextPage}
      />
    </div>
  );
}
