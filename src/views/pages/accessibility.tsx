import { accessibilityText } from '../../i18n/accessibility.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { DISKRIMINERINGSNEMNDA_URL, privacyStatementPaths, UUTILSYNET_URL } from '../../paths/privacy-statements.ts';
import { link } from '../components/classes.ts';
import { ProseSection } from '../components/prose-section.tsx';
import type { PageContext } from '../page-context.ts';

/**
 * When the statement was written and when the solution was last tested (the browser suite with axe, CI). Change both
 * when the statement is reviewed; the known deviations are the `deviations` of src/i18n/accessibility.ts.
 */
export const ACCESSIBILITY_STATEMENT = { madeOn: '2026-12-07', lastTestedOn: '2026-12-07' } as const;

/** The WCAG 2.1 success criteria Skolebro is known to break (each deviation names one). */
const BROKEN_CRITERIA = new Set(['1.3.1', '2.2.1']);

/** /accessibility: the tilgjengelighetserklæring in the order of Digdir's statements (U2). */
export function AccessibilityPage({ page }: { page: PageContext }) {
  const t = accessibilityText[page.locale];
  const deviations = [t.deviations.pdf, t.deviations.attachments, t.deviations.timeout];
  return (
    <article class="max-w-prose space-y-6">
      <div class="space-y-2">
        <h1 class="text-3xl font-bold" safe>
          {t.title}
        </h1>
        <p safe>{t.lead}</p>
        <p class="text-sm text-slate-700" safe>
          {fill(t.dates, {
            made: formatDate(ACCESSIBILITY_STATEMENT.madeOn),
            tested: formatDate(ACCESSIBILITY_STATEMENT.lastTestedOn),
          })}
        </p>
      </div>
      <ProseSection id="solution" heading={t.solutionHeading}>
        <p>
          <span safe>{t.solutionText}</span>{' '}
          <a href={privacyStatementPaths.list} class={link} safe>
            {t.ownersLink}
          </a>
          .
        </p>
      </ProseSection>
      <ProseSection id="status" heading={t.statusHeading}>
        <p safe>{fill(t.statusText, { count: BROKEN_CRITERIA.size })}</p>
      </ProseSection>
      <ProseSection id="deviations" heading={t.deviationsHeading}>
        <p safe>{t.deviationsLead}</p>
        <dl class="space-y-3">
          {deviations.map((d) => (
            <div>
              <dt class="font-semibold" safe>
                {d.criterion}
              </dt>
              <dd class="pl-4" safe>
                {d.text}
              </dd>
            </div>
          ))}
        </dl>
      </ProseSection>
      <ProseSection id="testing" heading={t.testingHeading}>
        <ul class="list-disc space-y-1 pl-5">
          {[t.testing.automated, t.testing.noScript, t.testing.keyboard, t.testing.screenReader].map((line) => (
            <li safe>{line}</li>
          ))}
        </ul>
      </ProseSection>
      <ProseSection id="feedback" heading={t.feedbackHeading}>
        <p safe>{t.feedbackText}</p>
      </ProseSection>
      <ProseSection id="supervision" heading={t.supervisionHeading}>
        <p safe>{t.supervisionText}</p>
        <ul class="list-disc space-y-1 pl-5">
          <li>
            <a href={UUTILSYNET_URL} class={link} safe>
              {t.uutilsynetLink}
            </a>
          </li>
          <li>
            <a href={DISKRIMINERINGSNEMNDA_URL} class={link} safe>
              {t.nemndaLink}
            </a>
          </li>
        </ul>
      </ProseSection>
    </article>
  );
}
