import type { MessageErrors } from '../../domain/messages/form.ts';
import type { MessageView } from '../../domain/messages/threads.ts';
import type { GuardianNotice } from '../../domain/messages/delivery.ts';
import { deliveryText } from '../../i18n/delivery.ts';
import { deliveryLine } from '../components/delivery-status.tsx';
import { formatPhone } from '../../domain/contact/phone.ts';
import { fill } from '../../i18n/index.ts';
import { primaryButton } from '../components/classes.ts';
import { formatDateTime } from '../components/dates.ts';
import { ErrorSummary } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import { fieldError, SensitiveWarning, TextField, textOf, UnreadBadge } from './parts.tsx';

export const CONVERSATION_ID = 'thread-conversation';

export interface ReplyState {
  body: string;
  errors?: MessageErrors;
}

interface ConversationProps {
  page: PageContext;
  messages: MessageView[];
  /** Staff: per own message, how each guardian was told (SMS / e-mail). */
  notices?: Map<number, GuardianNotice[]>;
  olderHidden: boolean;
  /** Where the reply form posts; undefined = the reader may not reply. */
  replyAction?: string;
  reply?: ReplyState;
  /** The pupil's given name, for the example in the warning (guardians). */
  pupilName: string;
  guardianView: boolean;
  /** The warning above the reply, when not the school's (a kindergarten thread). */
  warningText?: string;
}

function authorLine(page: PageContext, m: MessageView): string {
  const t = textOf(page);
  if (m.mine) return t.you;
  if (m.authorName === null)
    return fill(t.unknownSender, { number: m.senderNumber ? formatPhone(m.senderNumber) : '' });
  return `${m.authorName} (${t.capacity[m.authorCapacity]})`;
}

/**
 * The messages and the reply form in one container: htmx swaps it with the answer to a reply (the new
 * message in the list, the form empty again — or, on 422, the form with the text kept and the error).
 */
export function Conversation(props: ConversationProps) {
  const { page } = props;
  const t = textOf(page);
  const error = fieldError(page, props.reply?.errors, 'body');
  return (
    <div id={CONVERSATION_ID} class="space-y-4">
      <h2 class="sr-only" safe>
        {t.messagesHeading}
      </h2>
      {props.olderHidden ? (
        <p class="text-sm text-slate-700" safe>
          {t.olderHidden}
        </p>
      ) : (
        ''
      )}
      <ol class="space-y-3" role="list">
        {props.messages.map((m) => (
          <li
            id={`message-${m.id}`}
            class={`rounded-lg border p-3 ${m.mine ? 'ml-6 border-sky-200 bg-sky-50 sm:ml-16' : 'mr-6 border-slate-200 bg-white sm:mr-16'}`}
          >
            <p class="flex flex-wrap items-center gap-x-2 text-sm text-slate-700">
              <span class="font-semibold text-slate-900" safe>
                {authorLine(page, m)}
              </span>
              <span safe>{formatDateTime(m.createdAt)}</span>
              {m.via === 'sms' ? (
                <span class="rounded border border-slate-500 px-1 text-xs font-semibold" safe>
                  {t.viaSms}
                </span>
              ) : (
                ''
              )}
              {m.unread ? <UnreadBadge text={t.unread} /> : ''}
            </p>
            <p class="mt-1 whitespace-pre-line break-words" safe>
              {m.body}
            </p>
            {props.notices?.get(m.id)?.length ? (
              <details class="mt-2 text-sm text-slate-700">
                <summary class="cursor-pointer" safe>
                  {t.notifiedSummary}
                </summary>
                <ul role="list" class="mt-1 space-y-1">
                  {props.notices.get(m.id)!.map((n) => (
                    <li safe>{`${n.guardianName}: ${deliveryLine(deliveryText[page.locale], n.status)}`}</li>
                  ))}
                </ul>
              </details>
            ) : (
              ''
            )}
          </li>
        ))}
      </ol>
      {props.replyAction ? (
        <form
          method="post"
          action={props.replyAction}
          hx-post={props.replyAction}
          hx-target={`#${CONVERSATION_ID}`}
          hx-swap="outerHTML"
          class="space-y-3"
          novalidate
        >
          {error ? <ErrorSummary heading={t.errorSummary} errors={[{ field: 'reply-body', message: error }]} /> : ''}
          <SensitiveWarning
            id="reply-warning"
            heading={t.warningHeading}
            text={
              props.warningText ?? (props.guardianView ? fill(t.warning, { name: props.pupilName }) : t.staffWarning)
            }
          />
          <TextField
            id="reply-body"
            name="body"
            label={t.replyLabel}
            value={props.reply?.body ?? ''}
            error={error}
            describedBy={['reply-warning']}
            multiline
            rows={4}
          />
          <button type="submit" class={primaryButton} safe>
            {t.sendReply}
          </button>
        </form>
      ) : (
        <p class="rounded border border-slate-400 bg-slate-50 p-3" safe>
          {t.cannotWrite}
        </p>
      )}
    </div>
  );
}
