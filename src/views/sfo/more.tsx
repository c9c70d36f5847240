import type { GuardianChild } from '../../domain/guardian/child.ts';
import type { GuardianInvoice } from '../../domain/sfo/guardian-invoice.ts';
import { careGuardianText } from '../../i18n/care-guardian.ts';
import { sfoPlacesText } from '../../i18n/sfo-places.ts';
import { careGuardianPaths } from '../../paths/care-guardian.ts';
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
  careToday = false,
}: {
  page: PageContext;
  child: GuardianChild;
  /** Null for a skolestarter (no place, no invoice before the first school day). */
  invoice: GuardianInvoice | null;
  /** A place in force today: the way to today's SFO (stay plan, pickup, notes, check-in and check-out times). */
  careToday?: boolean;
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
          {careToday ? (
            <li>
              <a href={careGuardianPaths.child(child.pupilId)} class={`${link} font-semibold`} data-care-link safe>
                {careGuardianText[page.locale].sfoToday}
              </a>
            </li>
          ) : (
            ''
          )}
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
