import type { GeneralConsent } from '../../domain/consents/general.ts';
import { consentsText } from '../../i18n/consents.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { consentPaths } from '../../paths/consents.ts';
import { homePaths } from '../../paths/home.ts';
import { card, link, primaryButton, secondaryButton } from '../components/classes.ts';
import { Notice } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';

interface GateProps {
  page: PageContext;
  consent: GeneralConsent;
  /** Where "Jeg samtykker" / "Ikke nå" lead back to (a safe local path). */
  returnTo: string;
  notice?: 'given' | 'withdrawn';
}

/** G2: the general consent to electronic communication — what it covers, give it, not now, or withdraw it. */
export function GeneralConsentPage({ page, consent, returnTo, notice }: GateProps) {
  const t = consentsText[page.locale].gate;
  const status = consent.decidedAt
    ? fill(t.status[consent.state], { date: formatDate(consent.decidedAt) })
    : t.status.unanswered;
  return (
    <div class="max-w-prose space-y-5">
      <h1 class="text-3xl font-bold" safe>
        {t.heading}
      </h1>
      <Notice text={notice === 'given' ? t.givenNotice : notice === 'withdrawn' ? t.withdrawnNotice : undefined} />
      <p class="text-lg" safe>
        {t.lead}
      </p>
      <section aria-labelledby="gate-covers" class={`${card} space-y-2`}>
        <h2 id="gate-covers" class="text-xl font-semibold" safe>
          {t.coversHeading}
        </h2>
        <ul class="list-disc space-y-1 pl-5">
          {t.covers.map((line) => (
            <li safe>{line}</li>
          ))}
        </ul>
        <p safe>{t.benefit}</p>
        <p safe>{t.perPerson}</p>
      </section>
      <section aria-labelledby="gate-status" class="space-y-3">
        <h2 id="gate-status" class="text-xl font-semibold" safe>
          {t.statusHeading}
        </h2>
        <p safe>{status}</p>
        {consent.state === 'given' ? (
          <>
            <p safe>{t.withdrawInfo}</p>
            <form method="post" action={consentPaths.gateWithdrawal}>
              <button type="submit" class={secondaryButton} safe>
                {t.withdraw}
              </button>
            </form>
            <p>
              <a href={homePaths.start} class={link} safe>
                {t.toHome}
              </a>
            </p>
          </>
        ) : (
          <>
            <div class="flex flex-wrap gap-3">
              <form method="post" action={consentPaths.gate}>
                <input type="hidden" name="return_to" value={returnTo} />
                <button type="submit" class={primaryButton} safe>
                  {t.give}
                </button>
              </form>
              {consent.state === 'unanswered' ? (
                <form method="post" action={consentPaths.gateDeferral}>
                  <input type="hidden" name="return_to" value={returnTo} />
                  <button type="submit" class={secondaryButton} aria-describedby="gate-later-help" safe>
                    {t.later}
                  </button>
                </form>
              ) : (
                ''
              )}
            </div>
            {consent.state === 'unanswered' ? (
              <p id="gate-later-help" class="text-sm text-slate-700" safe>
                {t.laterHelp}
              </p>
            ) : (
              ''
            )}
            <p class="text-sm text-slate-700" safe>
              {t.withdrawInfo}
            </p>
            {consent.state === 'withdrawn' ? (
              <p>
                <a href={homePaths.start} class={link} safe>
                  {t.toHome}
                </a>
              </p>
            ) : (
              ''
            )}
          </>
        )}
      </section>
      {consent.history.length ? (
        <section aria-labelledby="gate-history" class="space-y-2">
          <h2 id="gate-history" class="text-xl font-semibold" safe>
            {t.historyHeading}
          </h2>
          <ul class="space-y-1">
            {consent.history.map((h) => (
              <li safe>{`${formatDate(h.at)}: ${t.historyState[h.from]} → ${t.historyState[h.to]}`}</li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </div>
  );
}
