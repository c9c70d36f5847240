import type { GuardianChild } from '../../domain/guardian/child.ts';
import type { MessageErrors, MessageInput } from '../../domain/messages/form.ts';
import type { ThreadSummary } from '../../domain/messages/lists.ts';
import type { Paged } from '../../domain/paging.ts';
import type { GuardianThreadKind } from '../../domain/messages/policy.ts';
import type { MessageView } from '../../domain/messages/threads.ts';
import type { ThreadKind } from '../../db/schema.ts';
import { fill } from '../../i18n/index.ts';
import { card, link } from '../components/classes.ts';
import { ErrorSummary, Notice } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import { Conversation, type ReplyState } from './conversation.tsx';
import { fieldError, Pager, SubjectAndBody, textOf, ThreadList } from './parts.tsx';
import { messagePaths } from '../../paths/messages.ts';

export interface ComposerState {
  input: MessageInput;
  errors?: MessageErrors;
}

interface BookProps {
  page: PageContext;
  child: GuardianChild;
  threads: Paged<ThreadSummary>;
  kinds: GuardianThreadKind[];
  composer?: ComposerState;
}

/** G12: the child's message book — threads newest first, and a new message to the contact teacher, the office or the SFO. */
export function ChildMessagesSection({ page, child, threads, kinds, composer }: BookProps) {
  const t = textOf(page);
  return (
    <section aria-labelledby="messages-heading" class="space-y-4">
      <h2 id="messages-heading" class="text-2xl font-semibold" safe>
        {fill(t.bookHeading, { name: child.givenName })}
      </h2>
      <p safe>{fill(t.bookLead, { name: child.givenName })}</p>
      <ThreadList
        page={page}
        threads={threads.items}
        href={(thread) => messagePaths.childThread(child.pupilId, thread.id)}
      />
      <Pager page={page} list={threads} href={(n) => messagePaths.childBook(child.pupilId, n)} />
      <NewThreadForm page={page} child={child} kinds={kinds} state={composer} />
    </section>
  );
}

const radioId = (kind: GuardianThreadKind) => `message-recipient-${kind}`;

function NewThreadForm({
  page,
  child,
  kinds,
  state,
}: {
  page: PageContext;
  child: GuardianChild;
  kinds: GuardianThreadKind[];
  state?: ComposerState;
}) {
  const t = textOf(page);
  const recipientError = fieldError(page, state?.errors, 'recipient');
  const subjectError = fieldError(page, state?.errors, 'subject');
  const bodyError = fieldError(page, state?.errors, 'body');
  const summary = [
    recipientError ? { field: radioId(kinds[0]!), message: recipientError } : null,
    subjectError ? { field: 'message-subject', message: subjectError } : null,
    bodyError ? { field: 'message-body', message: bodyError } : null,
  ].filter((e): e is { field: string; message: string } => e !== null);
  return (
    <form
      method="post"
      action={messagePaths.childBook(child.pupilId)}
      id="new-message"
      class={`space-y-3 ${card}`}
      novalidate
    >
      <h3 class="text-xl font-semibold" safe>
        {t.newThreadHeading}
      </h3>
      <ErrorSummary heading={t.errorSummary} errors={summary} />
      <fieldset class="space-y-2" aria-describedby={recipientError ? 'message-recipient-error' : undefined}>
        <legend class="font-semibold" safe>
          {t.recipient}
        </legend>
        {recipientError ? (
          <p id="message-recipient-error" class="font-semibold text-red-900" safe>
            {recipientError}
          </p>
        ) : (
          ''
        )}
        {kinds.map((kind) => (
          <div class="flex items-start gap-2">
            <input
              type="radio"
              name="recipient"
              value={kind}
              id={radioId(kind)}
              class="mt-1 h-5 w-5"
              checked={state?.input.recipient === kind}
              aria-describedby={`${radioId(kind)}-hint`}
            />
            <label for={radioId(kind)}>
              <span class="block font-semibold" safe>
                {t.kind[kind]}
              </span>
              <span id={`${radioId(kind)}-hint`} class="block text-sm text-slate-700" safe>
                {t.recipientHint[kind]}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <SubjectAndBody
        page={page}
        input={state?.input}
        subjectError={subjectError}
        bodyError={bodyError}
        warning={fill(t.warning, { name: child.givenName })}
      />
    </form>
  );
}

interface ThreadProps {
  page: PageContext;
  child: GuardianChild;
  thread: { id: number; subject: string; kind: ThreadKind };
  messages: MessageView[];
  olderHidden: boolean;
  canReply: boolean;
  reply?: ReplyState;
  sent?: boolean;
}

/** One thread of the child's book, with the reply form. */
export function ChildThreadSection(props: ThreadProps) {
  const { page, child, thread } = props;
  const t = textOf(page);
  return (
    <section aria-labelledby="thread-heading" class="space-y-4">
      <p>
        <a href={messagePaths.childBook(child.pupilId)} class={link} safe>
          {t.backToBook}
        </a>
      </p>
      <h2 id="thread-heading" class="text-2xl font-semibold" safe>
        {thread.subject}
      </h2>
      <p class="text-slate-700" safe>
        {fill(t.to, { kind: t.kind[thread.kind] })}
      </p>
      <Notice text={props.sent ? t.sentNotice : undefined} />
      <Conversation
        page={page}
        messages={props.messages}
        olderHidden={props.olderHidden}
        replyAction={props.canReply ? messagePaths.childReplies(child.pupilId, thread.id) : undefined}
        reply={props.reply}
        pupilName={child.givenName}
        guardianView
      />
    </section>
  );
}
