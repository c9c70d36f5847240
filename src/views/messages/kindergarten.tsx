import type { KindergartenBookChild } from '../../domain/messages/kindergarten-book.ts';
import type { MessageErrors, MessageInput } from '../../domain/messages/form.ts';
import type { ThreadSummary } from '../../domain/messages/lists.ts';
import type { Paged } from '../../domain/paging.ts';
import type { MessageView } from '../../domain/messages/threads.ts';
import { fill } from '../../i18n/index.ts';
import { careGuardianPaths } from '../../paths/care-guardian.ts';
import { messagePaths } from '../../paths/messages.ts';
import { card, link } from '../components/classes.ts';
import { ErrorSummary, Notice } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import { Conversation, type ReplyState } from './conversation.tsx';
import { fieldError, Pager, SubjectAndBody, textOf, ThreadList } from './parts.tsx';

interface BookProps {
  page: PageContext;
  child: KindergartenBookChild;
  threads: Paged<ThreadSummary>;
  composer?: { input: MessageInput; errors?: MessageErrors };
}

function BackToCare({ page, child }: { page: PageContext; child: KindergartenBookChild }) {
  return (
    <p>
      <a href={careGuardianPaths.child(child.childId)} class={link} safe>
        {fill(textOf(page).kindergarten.backToCare, { name: child.givenName })}
      </a>
    </p>
  );
}

/** Issue 13: a kindergarten child's message book — threads with the department newest first, and a new message. */
export function KindergartenBookPage({ page, child, threads, composer }: BookProps) {
  const t = textOf(page);
  const k = t.kindergarten;
  return (
    <div class="space-y-6">
      <BackToCare page={page} child={child} />
      <div class="space-y-1">
        <h1 class="text-3xl font-bold" safe>
          {fill(k.bookHeading, { name: child.givenName })}
        </h1>
        <p safe>{fill(k.bookLead, { name: child.givenName, department: child.departmentName })}</p>
      </div>
      <ThreadList
        page={page}
        threads={threads.items}
        href={(thread) => messagePaths.kindergartenThread(child.childId, thread.id)}
      />
      <Pager page={page} list={threads} href={(n) => messagePaths.kindergartenBook(child.childId, n)} />
      <NewThreadForm page={page} child={child} state={composer} />
    </div>
  );
}

function NewThreadForm({
  page,
  child,
  state,
}: Omit<BookProps, 'threads' | 'composer'> & { state: BookProps['composer'] }) {
  const t = textOf(page);
  const subjectError = fieldError(page, state?.errors, 'subject');
  const bodyError = fieldError(page, state?.errors, 'body');
  const summary = [
    subjectError ? { field: 'message-subject', message: subjectError } : null,
    bodyError ? { field: 'message-body', message: bodyError } : null,
  ].filter((e): e is { field: string; message: string } => e !== null);
  return (
    <form
      method="post"
      action={messagePaths.kindergartenBook(child.childId)}
      id="new-message"
      class={`space-y-3 ${card}`}
      novalidate
    >
      <h2 class="text-xl font-semibold" safe>
        {t.newThreadHeading}
      </h2>
      <ErrorSummary heading={t.errorSummary} errors={summary} />
      <p class="font-semibold" safe>
        {fill(t.kindergarten.to, { department: child.departmentName })}
      </p>
      <SubjectAndBody
        page={page}
        input={state?.input}
        subjectError={subjectError}
        bodyError={bodyError}
        warning={fill(t.kindergarten.warning, { name: child.givenName })}
      />
    </form>
  );
}

interface ThreadProps {
  page: PageContext;
  child: KindergartenBookChild;
  thread: { id: number; subject: string };
  /** The department the thread was written to (the child may have moved since). */
  departmentName: string;
  messages: MessageView[];
  olderHidden: boolean;
  canReply: boolean;
  reply?: ReplyState;
  sent?: boolean;
}

/** One thread of the kindergarten child's book, with the reply form. */
export function KindergartenThreadPage(props: ThreadProps) {
  const { page, child, thread } = props;
  const t = textOf(page);
  return (
    <div class="space-y-4">
      <p class="flex flex-wrap gap-x-6">
        <a href={messagePaths.kindergartenBook(child.childId)} class={link} safe>
          {t.backToBook}
        </a>
        <a href={careGuardianPaths.child(child.childId)} class={link} safe>
          {fill(t.kindergarten.childLink, { name: child.givenName })}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {thread.subject}
      </h1>
      <p class="text-slate-700" safe>
        {fill(t.kindergarten.to, { department: props.departmentName })}
      </p>
      <Notice text={props.sent ? t.sentNotice : undefined} />
      <Conversation
        page={page}
        messages={props.messages}
        olderHidden={props.olderHidden}
        replyAction={props.canReply ? messagePaths.kindergartenReplies(child.childId, thread.id) : undefined}
        reply={props.reply}
        pupilName={child.givenName}
        guardianView
        warningText={fill(t.kindergarten.warning, { name: child.givenName })}
      />
    </div>
  );
}
