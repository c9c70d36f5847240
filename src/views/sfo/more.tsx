import type { GuardianChild } from '../../domain/guardian/child.ts';
import type { GuardianInvoice } from '../../domain/sfo/guardian-invoice.ts';
import { sfoPlacesText } from '../../i18n/sfo-places.ts';
import { sfoSupportText } from '../../i18n/sfo-support.ts';
import { sfoSupportPaths } from '../../paths/sfo-support.ts';
import { link } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';
import { GuardianInvoiceLines } from './guardian-invoice-lines.tsx';

/**
 * Under the place on the child's SFO screen (G8–G10): this month's invoice lines (the guardian's own, as payer), and
 * the ways to reduced payment and summer SFO (a skolestarter: only the summer SFO; reduced payment is for a place).
 */
export function SfoMore({
  page,
  child,
  invoice,
}: {
  page: PageContext;
  child: GuardianChild;
  /** Null for a skolestarter (no place, no invoice before the first school day). */
  invoice: GuardianInvoice | null;
}) {
  const t = sfoPlacesText[page.locale];
  const ts = sfoSupportText[page.locale];
  return (
    <>
      {invoice ? (
        <GuardianInvoiceLines
          page={page}
          pupilId={child.pupilId}
          childName={child.givenName}
          invoice={invoice}
          headingLevel={3}
        />
      ) : (
        ''
      )}
      <nav aria-label={t.moreNav}>
        <ul class="flex flex-wrap gap-x-6 gap-y-2" role="list">
          {child.startsOn === null ? (
            <li>
              <a href={sfoSupportPaths.reducedPayment(child.pupilId)} class={link} safe>
                {ts.reduced.title}
              </a>
            </li>
          ) : (
            ''
          )}
          <li>
            <a href={sfoSupportPaths.childSummer(child.pupilId)} class={link} safe>
              {ts.summerGuardian.title}
            </a>
          </li>
        </ul>
      </nav>
    </>
  );
}
