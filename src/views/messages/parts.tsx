import { Pager as SharedPager } from '../components/pager.tsx';
import type { ThreadSummary } from '../../domain/messages/lists.ts';
import type { Paged } from '../../domain/paging.ts';
import type { MessageErrors } from '../../domain/messages/form.ts';
import { fill } from '../../i18n/index.ts';
import { messageBookText, type MessageBookMessages } from '../../i18n/messages.ts';
import { link, listCard, primaryButton } from '../components/classes.ts';
import { formatDateTime } from '../components/dates.ts';
import type { PageContext } from '../page-context.ts';

export const textOf = (page: PageContext): MessageBookMessages => messageBookText[page.locale];

/** "Ny": a word, not only a colour. */
export function UnreadBadge({ text }: { text: string }) {
  return (
    <strong class="rounded bg-sky-800 px-1.5 py-0.5 text-sm text-white" safe>
      {text}
    </strong>
  );
}

/** Threads, newest (or unread) first: subject as a link, who it is to, the last message time, "Ny". */
export function ThreadList({
  page,
  threads,
  href,
  showPupil,
}: {
  page: PageContext;
  threads: ThreadSummary[];
  href: (t: ThreadSummary) => string;
  showPupil?: boolean;
}) {
  const t = textOf(page);
  if (threads.length === 0) return <p safe>{t.noThreads}</p>;
  return (
    <ul class={listCard} role="list">
      {threads.map((thread) => (
        <li class={`space-y-1 px-4 py-3 ${thread.unread ? 'border-l-4 border-l-sky-800' : ''}`}>
          <p class="flex flex-wrap items-center gap-2">
            {thread.unread ? <UnreadBadge text={t.unread} /> : ''}
            <a href={href(thread)} class={`${link} ${thread.unread ? 'font-semibold' : ''}`} safe>
              {thread.subject}
            </a>
          </p>
          <p class="text-sm text-slate-700">
            {showPupil ? <span class="font-semibold" safe>{`${thread.pupilName} · `}</span> : ''}
            <span
              safe
            >{`${fill(t.to, { kind: t.kind[thread.kind] })} · ${fill(t.lastMessage, { date: formatDateTime(thread.lastMessageAt) })}`}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Previous / next page links (plain links: no JavaScript needed). */
export function Pager({ page, list, href }: { page: PageContext; list: Paged<unknown>; href: (n: number) => string }) {
  const t = textOf(page);
  return (
    <SharedPager
      label={t.pageLabel}
      page={list.page}
      hasNext={list.hasNext}
      href={href}
      previousText={t.previous}
      nextText={t.next}
    />
  );
}

/** The warning against sensitive content, read out with the text field (aria-describedby). */
export function SensitiveWarning({ id, heading, text }: { id: string; heading: string; text: string }) {
  return (
    <div id={id} class="rounded border-2 border-amber-700 bg-amber-50 p-3 text-amber-950">
      <p class="font-semibold" safe>
        {heading}
      </p>
      <p safe>{text}</p>
    </div>
  );
}

/** Error message for a field, in the reader's language. */
export function fieldError(
  page: PageContext,
  errors: MessageErrors | undefined,
  field: keyof MessageErrors,
): string | undefined {
  const code = errors?.[field];
  return code ? textOf(page).errors[field][code] : undefined;
}

interface TextProps {
  id: string;
  name: string;
  label: string;
  value: string;
  error?: string;
  describedBy: string[];
  rows?: number;
  /** No maxlength by default: the browser would cut pasted text silently; the server says what is too long. */
  maxlength?: number;
  multiline?: boolean;
}

/** A labelled text input or textarea; the typed text kept; hint, warning and error tied to it. */
export function TextField(props: TextProps) {
  const described =
    [...props.describedBy, props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const cls = `w-full rounded border p-2 ${props.error ? 'border-2 border-red-800' : 'border-slate-500'}`;
  return (
    <div class="space-y-1">
      <label for={props.id} class="block font-semibold" safe>
        {props.label}
      </label>
      {props.error ? (
        <p id={`${props.id}-error`} class="font-semibold text-red-900" safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
      {props.multiline ? (
        <textarea
          id={props.id}
          name={props.name}
          rows={String(props.rows ?? 5)}
          maxlength={props.maxlength}
          class={cls}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={described}
          safe
        >
          {props.value}
        </textarea>
      ) : (
        <input
          id={props.id}
          name={props.name}
          type="text"
          value={props.value}
          maxlength={props.maxlength}
          class={cls}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={described}
        />
      )}
    </div>
  );
}

/**
 * The fields every new-thread form ends with: the subject, the warning against sensitive content, the body and the
 * send button (the guardian's book, the kindergarten book and the staff's pupil book).
 */
export function SubjectAndBody({
  page,
  input,
  subjectError,
  bodyError,
  warning,
}: {
  page: PageContext;
  input: { subject: string; body: string } | undefined;
  subjectError: string | undefined;
  bodyError: string | undefined;
  warning: string;
}) {
  const t = textOf(page);
  return (
    <>
      <TextField
        id="message-subject"
        name="subject"
        label={t.subject}
        value={input?.subject ?? ''}
        error={subjectError}
        describedBy={[]}
      />
      <SensitiveWarning id="message-warning" heading={t.warningHeading} text={warning} />
      <p id="message-body-hint" class="text-sm text-slate-700" safe>
        {t.bodyHint}
      </p>
      <TextField
        id="message-body"
        name="body"
        label={t.body}
        value={input?.body ?? ''}
        error={bodyError}
        describedBy={['message-warning', 'message-body-hint']}
        multiline
      />
      <button type="submit" class={primaryButton} safe>
        {t.send}
      </button>
    </>
  );
}
