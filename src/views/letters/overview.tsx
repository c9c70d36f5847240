import type { BatchRow, LetterOverview, LetterRow } from '../../domain/letters/overview.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { lettersText, type LettersMessages } from '../../i18n/letters.ts';
import { link, primaryButton, secondaryButton } from '../components/classes.ts';
import { Notice } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';
import { letterPaths } from '../../paths/letters.ts';

export type LetterNotice = 'created' | 'empty' | 'handled';

const cell = 'p-2 align-top';

/** GET /letters: the school office's day — paper letters to print, letters to send by hand, digital ones, batches. */
export function LettersPage({
  page,
  overview,
  notice,
}: {
  page: PageContext;
  overview: LetterOverview;
  notice?: LetterNotice;
}) {
  const t = lettersText[page.locale];
  return (
    <div class="space-y-6">
      <h1 class="text-3xl font-bold" safe>
        {t.title}
      </h1>
      <p class="max-w-prose text-slate-700" safe>
        {t.lead}
      </p>
      {overview.schools.length > 1 ? (
        <SchoolChooser t={t} overview={overview} />
      ) : (
        <p class="font-semibold" safe>
          {overview.schools[0]?.name ?? ''}
        </p>
      )}
      {notice ? <Notice text={t.notice[notice]} /> : ''}
      <Awaiting t={t} overview={overview} />
      <Manual t={t} rows={overview.manual} />
      <Sent t={t} rows={overview.sent} />
      <Batches t={t} rows={overview.batches} />
    </div>
  );
}

function SchoolChooser({ t, overview }: { t: LettersMessages; overview: LetterOverview }) {
  return (
    <form method="get" action={letterPaths.overview} class="flex flex-wrap items-end gap-3">
      <div class="space-y-1">
        <label for="letters-school" class="block font-semibold" safe>
          {t.school}
        </label>
        <select id="letters-school" name="school" class="rounded border border-slate-500 p-2">
          {overview.schools.map((s) => (
            <option value={String(s.id)} selected={s.id === overview.schoolId} safe>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class={secondaryButton} safe>
        {t.chooseSchool}
      </button>
    </form>
  );
}

function Awaiting({ t, overview }: { t: LettersMessages; overview: LetterOverview }) {
  return (
    <Section id="letters-awaiting" heading={t.awaiting.heading}>
      <p class="text-slate-700" safe>
        {t.awaiting.lead}
      </p>
      {overview.routingCount > 0 ? (
        <p id="letters-soon" role="status" safe>
          {fill(t.awaiting.soon, { count: overview.routingCount })}
        </p>
      ) : (
        ''
      )}
      {overview.awaiting.length === 0 ? (
        <p safe>{t.awaiting.empty}</p>
      ) : (
        <>
          <LetterTable
            caption={t.awaiting.heading}
            t={t}
            rows={overview.awaiting}
            extra={{ heading: t.columns.why, value: (r) => t.reason[r.paperReason ?? 'not_registered'] }}
          />
          {overview.awaitingCount > overview.awaiting.length ? (
            <p safe>{fill(t.awaiting.more, { shown: overview.awaiting.length, count: overview.awaitingCount })}</p>
          ) : (
            ''
          )}
          <form method="post" action={letterPaths.printBatches}>
            <input type="hidden" name="school_id" value={String(overview.schoolId)} />
            <button type="submit" class={primaryButton} safe>
              {fill(t.awaiting.create, { count: overview.awaitingCount })}
            </button>
          </form>
        </>
      )}
    </Section>
  );
}

function Manual({ t, rows }: { t: LettersMessages; rows: LetterRow[] }) {
  return (
    <Section id="letters-manual" heading={t.manual.heading}>
      <p class="text-slate-700" safe>
        {t.manual.lead}
      </p>
      {rows.length === 0 ? (
        <p safe>{t.manual.empty}</p>
      ) : (
        <ul role="list" class="divide-y divide-slate-200">
          {rows.map((r) => (
            <li class="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p class="font-semibold" safe>{`${r.recipient} – ${r.title}`}</p>
                <p
                  class="text-sm text-slate-700"
                  safe
                >{`${t.columns.pupil}: ${r.pupil} · ${t.manual.reason[r.manualReason ?? 'no_address']} · ${t.reason[r.paperReason ?? 'not_registered']}`}</p>
              </div>
              <div class="flex flex-wrap items-center gap-3">
                <a href={letterPaths.letter(r.id)} download="" class={link}>
                  <span safe>{t.manual.download}</span>
                  <span class="sr-only" safe>{` ${r.recipient}`}</span>
                </a>
                <form method="post" action={letterPaths.manualHandling(r.id)}>
                  <button type="submit" class={secondaryButton}>
                    <span safe>{t.manual.markSent}</span>
                    <span class="sr-only" safe>{` ${r.recipient}`}</span>
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Sent({ t, rows }: { t: LettersMessages; rows: LetterRow[] }) {
  return (
    <Section id="letters-sent" heading={t.sent.heading}>
      <p class="text-slate-700" safe>
        {t.sent.lead}
      </p>
      {rows.length === 0 ? (
        <p safe>{t.sent.empty}</p>
      ) : (
        <LetterTable
          caption={t.sent.heading}
          t={t}
          rows={rows}
          extra={{
            heading: t.columns.mailbox,
            value: (r) =>
              `${r.mailbox ?? ''} · ${r.renotifyOutcome ? t.sent.renotify[r.renotifyOutcome] : t.sent.waiting}`,
          }}
        />
      )}
    </Section>
  );
}

function LetterTable({
  caption,
  t,
  rows,
  extra,
}: {
  caption: string;
  t: LettersMessages;
  rows: LetterRow[];
  extra: { heading: string; value: (r: LetterRow) => string };
}) {
  return (
    <TableRegion>
      <table class="w-full text-left">
        <caption class="sr-only" safe>
          {caption}
        </caption>
        <thead class="bg-slate-100">
          <tr>
            <th scope="col" class={cell} safe>
              {t.columns.recipient}
            </th>
            <th scope="col" class={cell} safe>
              {t.columns.pupil}
            </th>
            <th scope="col" class={cell} safe>
              {t.columns.letter}
            </th>
            <th scope="col" class={cell} safe>
              {extra.heading}
            </th>
            <th scope="col" class={cell} safe>
              {t.columns.date}
            </th>
          </tr>
        </thead>
        <tbody class="divide-y divide-slate-200">
          {rows.map((r) => (
            <tr>
              <td class={cell} safe>
                {r.recipient}
              </td>
              <td class={cell} safe>
                {r.pupil}
              </td>
              <td class={cell} safe>
                {r.title}
              </td>
              <td class={cell} safe>
                {extra.value(r)}
              </td>
              <td class={`${cell} whitespace-nowrap`} safe>
                {formatDate(r.at)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function Batches({ t, rows }: { t: LettersMessages; rows: BatchRow[] }) {
  return (
    <Section id="letters-batches" heading={t.batches.heading}>
      {rows.length === 0 ? (
        <p safe>{t.batches.empty}</p>
      ) : (
        <ul role="list" class="divide-y divide-slate-200">
          {rows.map((b) => (
            <li class="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p class="font-semibold" safe>
                  {formatDate(b.date)}
                </p>
                <p
                  class="text-sm text-slate-700"
                  safe
                >{`${fill(t.batches.summary, { letters: b.letters, envelopes: b.envelopes, pages: b.pages })} · ${fill(t.batches.by, { name: b.createdBy })}`}</p>
              </div>
              <a href={letterPaths.printBatch(b.id)} download="" class={`${link} font-semibold`}>
                <span safe>{t.batches.download}</span>
                <span class="sr-only" safe>{` ${formatDate(b.date)} (${b.id})`}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
