import type { ApplicationKind } from '../../db/schema.ts';
import type { ChildGlance, GuardianGlance } from '../../domain/guardian/glance.ts';
import { glanceText } from '../../i18n/glance.ts';
import { fill } from '../../i18n/index.ts';
import { absencePaths } from '../../paths/absence.ts';
import { consentPaths } from '../../paths/consents.ts';
import { formPaths } from '../../paths/forms.ts';
import { leavePaths } from '../../paths/leave.ts';
import { messagePaths } from '../../paths/messages.ts';
import { sfoPlacePaths } from '../../paths/sfo-places.ts';
import { sfoSupportPaths } from '../../paths/sfo-support.ts';
import { timetablePaths } from '../../paths/timetable.ts';
import { card, link, primaryLink } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';

/** Where a guardian answers the other guardian's application of each kind. */
const CONFIRM_PAGE: Record<ApplicationKind, (pupilId: number) => string> = {
  leave: leavePaths.child,
  sfo_place: sfoPlacePaths.child,
  sfo_change: sfoPlacePaths.child,
  sfo_termination: sfoPlacePaths.child,
  sfo_reduced_payment: sfoSupportPaths.reducedPayment,
};

const plural = (one: string, many: string, count: number) => (count === 1 ? one : fill(many, { count }));

/** Per child on the guardian's home: report absence today, what waits (one link each), and today's lessons. */
export function ChildGlanceParts({
  page,
  glance,
  childName,
  today,
}: {
  page: PageContext;
  glance: ChildGlance;
  childName: string;
  today: string;
}) {
  const t = glanceText[page.locale];
  const id = glance.pupilId;
  const waiting: { href: string; text: string }[] = [
    ...(glance.unreadThreads
      ? [{ href: messagePaths.childBook(id), text: plural(t.unreadOne, t.unreadMany, glance.unreadThreads) }]
      : []),
    ...(glance.formsDue
      ? [{ href: formPaths.childList(id), text: plural(t.formsOne, t.formsMany, glance.formsDue) }]
      : []),
    ...glance.confirmations.map((c) => ({
      href: CONFIRM_PAGE[c.kind](id),
      text: c.count === 1 ? t.confirmation[c.kind] : `${t.confirmation[c.kind]} (${c.count})`,
    })),
  ];
  // Not a region: one per child would make landmarks of the same name.
  const todayId = `today-${id}`;
  return (
    <div class="space-y-3">
      {glance.mayReportAbsence ? (
        <p>
          <a
            href={absencePaths.newReport(id, 'days', today)}
            class={primaryLink}
            aria-label={fill(t.reportTodayFor, { name: childName })}
            safe
          >
            {t.reportToday}
          </a>
        </p>
      ) : (
        ''
      )}
      {waiting.length ? (
        <ul class="space-y-1" role="list">
          {waiting.map((w) => (
            <li>
              <a href={w.href} class={`${link} font-semibold`} safe>
                {w.text}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="text-sm text-slate-700" safe>
          {t.nothingWaits}
        </p>
      )}
      <div id={todayId} class="space-y-1">
        <h4 class="font-semibold" safe>
          {t.todayHeading}
        </h4>
        {glance.lessonsToday === null ? (
          <p safe>{t.noSchoolToday}</p>
        ) : glance.lessonsToday.length === 0 ? (
          <p safe>{t.noLessonsToday}</p>
        ) : (
          <ul class="text-sm" role="list">
            {glance.lessonsToday.map((l) => (
              <li safe>{`${l.startsAt}–${l.endsAt} ${l.subject}`}</li>
            ))}
          </ul>
        )}
        <p class="text-sm">
          <a href={timetablePaths.child(id)} class={link} safe>
            {t.timetable}
          </a>
        </p>
      </div>
    </div>
  );
}

/** The general consent's state, always visible on the guardian's home (also after "Ikke nå" or a withdrawal). */
export function GeneralConsentState({ page, state }: { page: PageContext; state: GuardianGlance['generalConsent'] }) {
  const t = glanceText[page.locale].generalConsent;
  const open = state !== 'given';
  return (
    <section
      aria-labelledby="general-consent-heading"
      class={open ? 'space-y-2 rounded-lg border-l-4 border-amber-700 bg-amber-50 p-4' : `${card} space-y-2`}
    >
      <h2 id="general-consent-heading" class="text-lg font-semibold" safe>
        {t.heading}
      </h2>
      <p id="general-consent-state" safe>
        {t[state]}
      </p>
      <p>
        <a href={consentPaths.gateFrom('/home')} class={link} safe>
          {open ? t.answer : t.change}
        </a>
      </p>
    </section>
  );
}
