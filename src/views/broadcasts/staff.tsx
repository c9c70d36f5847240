import { AudienceSelect } from '../components/audience-select.tsx';
import type { BroadcastAudience } from '../../domain/broadcasts/audience.ts';
import type { Paged } from '../../domain/paging.ts';
import { type BroadcastErrors, type BroadcastField, type BroadcastInput } from '../../domain/broadcasts/send.ts';
import type { SentBroadcast } from '../../domain/broadcasts/sent.ts';
import { broadcastsText } from '../../i18n/broadcasts.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { link, listCard, primaryButton, primaryLink } from '../components/classes.ts';
import { ErrorSummary } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import { audienceLabel, NoticeTextFields, Pager } from './parts.tsx';
import { broadcastPaths } from '../../paths/broadcasts.ts';

/** GET /broadcasts for staff: what they sent, newest first, with how many have read each. */
export function SentListPage({ page, sent }: { page: PageContext; sent: Paged<SentBroadcast> }) {
  const t = broadcastsText[page.locale];
  return (
    <div class="space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {t.sentTitle}
      </h1>
      <p class="flex flex-wrap gap-3">
        <a href={broadcastPaths.new} class={primaryLink} safe>
          {t.newBroadcast}
        </a>
        {page.staffRoles?.includes('school_owner') ? (
          <a href={broadcastPaths.municipalityNew} class={primaryLink} safe>
            {t.municipality.link}
          </a>
        ) : (
          ''
        )}
      </p>
      {sent.items.length === 0 ? (
        <p safe>{t.noneSent}</p>
      ) : (
        <ul class={listCard} role="list">
          {sent.items.map((b) => (
            <li class="px-4 py-3">
              <a href={broadcastPaths.broadcast(b.id)} class={`${link} font-semibold`} safe>
                {b.subject}
              </a>
              <p class="text-sm text-slate-700" safe>
                {[
                  fill(t.toAudience, {
                    audience: audienceLabel(
                      page.locale,
                      { kind: b.audienceKind, name: b.audienceName, trinn: b.trinn, schoolName: b.schoolName },
                      b.audienceKind === 'trinn',
                    ),
                  }),
                  fill(t.sentOn, { date: formatDate(b.createdAt) }),
                  fill(t.readCount, { read: b.read, recipients: b.recipients }),
                ].join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager
        label={t.pageLabel}
        page={sent.page}
        hasNext={sent.hasNext}
        href={broadcastPaths.listPage}
        previousText={t.previous}
        nextText={t.next}
      />
    </div>
  );
}

const FIELD_IDS: Record<BroadcastField, string> = {
  audience: 'broadcast-audience',
  subject: 'broadcast-subject',
  body: 'broadcast-body',
};

/** GET /broadcasts/new (and the 422 re-render, with what was typed): choose the audience, write, send. */
export function NewBroadcastPage({
  page,
  audiences,
  input,
  errors = {},
}: {
  page: PageContext;
  audiences: BroadcastAudience[];
  input?: BroadcastInput;
  errors?: BroadcastErrors;
}) {
  const t = broadcastsText[page.locale];
  const values = input ?? { audience: '', subject: '', body: '' };
  const message = (field: BroadcastField) => {
    const code = errors[field];
    return code ? (t.errors[field] as Record<string, string>)[code] : undefined;
  };
  const summary = (Object.keys(FIELD_IDS) as BroadcastField[]).flatMap((f) =>
    message(f) ? [{ field: FIELD_IDS[f], message: message(f)! }] : [],
  );
  const audienceError = message('audience');
  return (
    <div class="max-w-prose space-y-4">
      <p>
        <a href={broadcastPaths.list} class={link} safe>
          {t.backToSent}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {t.newBroadcast}
      </h1>
      {audiences.length === 0 ? (
        <p safe>{t.noAudiences}</p>
      ) : (
        <form method="post" action={broadcastPaths.create} class="space-y-4" novalidate>
          <ErrorSummary heading={t.errorSummary} errors={summary} />
          <p id="broadcast-lead" class="text-slate-700" safe>
            {t.lead}
          </p>
          <AudienceSelect
            page={page}
            id={FIELD_IDS.audience}
            label={t.audience}
            audiences={audiences}
            value={values.audience}
            error={audienceError}
            describedBy="broadcast-lead"
          />
          <NoticeTextFields
            locale={page.locale}
            ids={FIELD_IDS}
            subject={values.subject}
            body={values.body}
            errors={{ subject: message('subject'), body: message('body') }}
          />
          <button type="submit" class={primaryButton} safe>
            {t.send}
          </button>
        </form>
      )}
    </div>
  );
}
