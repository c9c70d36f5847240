import type { PupilCard } from '../../domain/pupils/card.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { card as cardClass, frame, link } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';
import { absencePaths } from '../../paths/absence.ts';
import { messagePaths } from '../../paths/messages.ts';
import { pupilPaths } from '../../paths/pupils.ts';
import { messageBookText } from '../../i18n/messages.ts';

interface Address {
  line: string | null;
  postalCode: string | null;
  postalPlace: string | null;
}

interface RevealState {
  revealed?: Address;
  reason?: string;
  error?: string;
}

const formatAddress = (a: Address) =>
  [a.line, [a.postalCode, a.postalPlace].filter(Boolean).join(' ')].filter(Boolean).join(', ');

/** The pupil card. What it shows depends on the policy: address, protection marker, guardians. */
export function PupilCardPage({
  page,
  card,
  reveal = {},
  notice,
}: {
  page: PageContext;
  card: PupilCard;
  reveal?: RevealState;
  notice?: string;
}) {
  const t = page.t.pupil;
  return (
    <div class="space-y-6">
      <div>
        <p class="text-sm text-slate-700" safe>
          {t.cardTitle}
        </p>
        <h1 class="text-3xl font-bold" safe>{`${card.givenName} ${card.familyName}`}</h1>
        {card.leftOn ? (
          <p class="font-semibold text-amber-900" safe>
            {fill(t.left, { date: formatDate(card.leftOn) })}
          </p>
        ) : (
          ''
        )}
      </div>
      <dl class={`grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 ${cardClass}`}>
        <dt class="font-semibold" safe>
          {t.school}
        </dt>
        <dd safe>{card.schoolName}</dd>
        <dt class="font-semibold" safe>
          {t.class}
        </dt>
        <dd>
          <a href={pupilPaths.class(card.classId)} class={link} safe>
            {card.className}
          </a>
        </dd>
        <dt class="font-semibold" safe>
          {t.address}
        </dt>
        <dd safe>
          {card.address
            ? formatAddress(card.address)
            : reveal.revealed
              ? formatAddress(reveal.revealed)
              : t.addressNotShown}
        </dd>
      </dl>
      {card.canViewAbsence ? (
        <p>
          <a href={absencePaths.pupil(card.id)} class={link} safe>
            {page.t.child.absence}
          </a>
        </p>
      ) : (
        ''
      )}
      {card.canMessage ? (
        <p>
          <a href={messagePaths.pupilBook(card.id)} class={link} safe>
            {messageBookText[page.locale].title}
          </a>
        </p>
      ) : (
        ''
      )}
      {card.protection && card.protection !== 'none' ? (
        <div class="max-w-xl rounded-lg border-2 border-red-800 bg-red-50 p-4" role="note">
          <p class="font-bold text-red-900" safe>
            {t.protection[card.protection]}
          </p>
          <p safe>{t.protectionHelp}</p>
        </div>
      ) : (
        ''
      )}
      {notice ? (
        <p class="max-w-xl rounded bg-emerald-50 p-3" role="status" safe>
          {notice}
        </p>
      ) : (
        ''
      )}
      {reveal.revealed ? (
        <p class="max-w-xl rounded bg-amber-50 p-3" role="status" safe>
          {t.revealedNotice}
        </p>
      ) : (
        ''
      )}
      {card.canRevealAddress && !reveal.revealed ? <RevealForm page={page} pupilId={card.id} reveal={reveal} /> : ''}
      {card.guardians.length ? (
        <section aria-labelledby="guardians-heading" class="space-y-2">
          <h2 id="guardians-heading" class="text-xl font-semibold" safe>
            {t.guardians}
          </h2>
          <ul class="grid gap-2 sm:grid-cols-2" role="list">
            {card.guardians.map((g) => (
              <li class={`${frame} p-3`}>
                <p class="font-semibold">
                  <span safe>{g.name}</span>
                  <span
                    class="font-normal text-slate-700"
                    safe
                  >{` (${g.contactOnly ? t.contactPerson : t.relation[g.relation]})`}</span>
                  {g.blocked ? (
                    <span class="ml-2 rounded bg-red-100 px-1 text-sm text-red-900" safe>
                      {t.blocked}
                    </span>
                  ) : (
                    ''
                  )}
                </p>
                {g.mobile ? <p safe>{`${t.mobile}: ${g.mobile}`}</p> : ''}
                {g.email ? <p safe>{`${t.email}: ${g.email}`}</p> : ''}
                {card.canBlockGuardians && !g.contactOnly ? (
                  <p class="mt-2 border-t border-slate-200 pt-2">
                    <a href={pupilPaths.guardianBlocking(card.id, g.id)} class={link} safe>
                      {g.blocked ? t.unblock : t.block}
                    </a>
                  </p>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <p class="text-sm text-slate-700" safe>
        {t.auditNotice}
      </p>
    </div>
  );
}

function RevealForm({ page, pupilId, reveal }: { page: PageContext; pupilId: number; reveal: RevealState }) {
  const t = page.t.pupil;
  return (
    <form method="post" action={pupilPaths.addressReveal(pupilId)} class={`max-w-xl space-y-2 ${cardClass}`} novalidate>
      <h2 class="text-lg font-semibold" safe>
        {t.revealHeading}
      </h2>
      {reveal.error ? (
        <div class="rounded border-2 border-red-800 p-2" role="alert" tabindex="-1" id="error-summary">
          <p class="font-semibold" safe>
            {page.t.errors.summaryHeading}
          </p>
          <a href="#reveal-reason" class="text-red-900 underline" safe>
            {reveal.error}
          </a>
        </div>
      ) : (
        ''
      )}
      <label for="reveal-reason" class="block font-semibold" safe>
        {t.revealReason}
      </label>
      {reveal.error ? (
        <p id="reveal-reason-error" class="text-red-900" safe>
          {reveal.error}
        </p>
      ) : (
        ''
      )}
      <textarea
        id="reveal-reason"
        name="reason"
        rows="2"
        required
        maxlength="500"
        class="w-full rounded border border-slate-500 p-2"
        aria-invalid={reveal.error ? 'true' : undefined}
        aria-describedby={reveal.error ? 'reveal-reason-error' : undefined}
        safe
      >
        {reveal.reason ?? ''}
      </textarea>
      <button type="submit" class="rounded bg-red-800 px-3 py-2 font-semibold text-white hover:bg-red-900" safe>
        {t.revealButton}
      </button>
    </form>
  );
}
