import type { MessageErrors, MessageInput } from '../../domain/messages/form.ts';
import { type ThreadSummary, unreadLabel } from '../../domain/messages/lists.ts';
import type { Paged } from '../../domain/paging.ts';
import type { QueueItem } from '../../domain/messages/queue.ts';
import type { MessageView } from '../../domain/messages/threads.ts';
import type { GuardianNotice } from '../../domain/messages/delivery.ts';
import type { ThreadKind } from '../../db/schema.ts';
import { fill } from '../../i18n/index.ts';
import { card, link } from '../components/classes.ts';
import { ErrorSummary, Notice } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import { messagePaths } from '../../paths/messages.ts';
import { pupilPaths } from '../../paths/pupils.ts';
import { careGuardianPaths } from '../../paths/care-guardian.ts';
import { Conversation, type ReplyState } from './conversation.tsx';
import { fieldError, Pager, SubjectAndBody, textOf, ThreadList } from './parts.tsx';
import { OfficeQueue } from './queue.tsx';

type Queue = { items: QueueItem[]; total: number };

/** S7: the staff inbox — threads of the pupils in reach, unread first; for leadership the SMS office queue. */
export function InboxPage({
  page,
  threads,
  queue,
  notice,
}: {
  page: PageContext;
  threads: Paged<ThreadSummary> & { unreadCount: number };
  queue: Queue | null;
  notice?: string;
}) {
  const t = textOf(page);
  return (
    <div class="space-y-6">
      <div class="space-y-1">
        <h1 class="text-3xl font-bold" safe>
          {t.inboxTitle}
        </h1>
        <p safe>{t.inboxLead}</p>
        {threads.unreadCount ? (
          <p class="font-semibold" safe>
            {fill(t.inboxUnread, { count: unreadLabel(threads.unreadCount) })}
          </p>
        ) : (
          ''
        )}
      </div>
      <Notice text={notice} />
      <ThreadList page={page} threads={threads.items} href={(thread) => messagePaths.thread(thread.id)} showPupil />
      <Pager page={page} list={threads} href={messagePaths.inbox} />
      {queue ? <OfficeQueue page={page} queue={queue} returnTo={messagePaths.inbox()} /> : ''}
    </div>
  );
}

interface StaffThreadProps {
  page: PageContext;
  thread: { id: number; subject: string; kind: ThreadKind; pupilId: number };
  pupilName: string;
  messages: MessageView[];
  /** How the guardians were told about the reader's own messages. */
  notices?: Map<number, GuardianNotice[]>;
  olderHidden: boolean;
  canReply: boolean;
  reply?: ReplyState;
  notice?: string;
  /** A kindergarten thread: the department it was written to (the child's page is the daily care, not a book). */
  kindergarten?: { departmentName: string };
}

/** One thread for staff, with the reply form. */
export function StaffThreadPage(props: StaffThreadProps) {
  const { page, thread } = props;
  const t = textOf(page);
  return (
    <div class="space-y-4">
      <p class="flex flex-wrap gap-x-6">
        <a href={messagePaths.inbox()} class={link} safe>
          {t.backToInbox}
        </a>
        {props.kindergarten ? (
          <a href={careGuardianPaths.child(thread.pupilId)} class={link} safe>
            {fill(t.kindergarten.childLink, { name: props.pupilName })}
          </a>
        ) : (
          <a href={messagePaths.pupilBook(thread.pupilId)} class={link} safe>
            {fill(t.pupilBookLink, { name: props.pupilName })}
          </a>
        )}
      </p>
      <h1 class="text-3xl font-bold" safe>
        {thread.subject}
      </h1>
      <p class="text-slate-700" safe>
        {`${props.pupilName} · ${
          props.kindergarten
            ? fill(t.kindergarten.to, { department: props.kindergarten.departmentName })
            : fill(t.to, { kind: t.kind[thread.kind] })
        }`}
      </p>
      <Notice text={props.notice} />
      <Conversation
        page={page}
        messages={props.messages}
        notices={props.notices}
        olderHidden={props.olderHidden}
        replyAction={props.canReply ? messagePaths.replies(thread.id) : undefined}
        reply={props.reply}
        pupilName={props.pupilName}
        guardianView={false}
        warningText={props.kindergarten ? t.kindergarten.staffWarning : undefined}
      />
    </div>
  );
}

interface PupilBookProps {
  page: PageContext;
  pupil: { id: number; name: string };
  threads: Paged<ThreadSummary>;
  canWrite: boolean;
  composer?: { input: MessageInput; errors?: MessageErrors };
  queue: Queue | null;
  notice?: string;
}

/** A pupil's book for staff: the threads they may see, a new thread to the guardians, SMS waiting in the queue. */
export function PupilBookPage({ page, pupil, threads, canWrite, composer, queue, notice }: PupilBookProps) {
  const t = textOf(page);
  const subjectError = fieldError(page, composer?.errors, 'subject');
  const bodyError = fieldError(page, composer?.errors, 'body');
  const summary = [
    subjectError ? { field: 'message-subject', message: subjectError } : null,
    bodyError ? { field: 'message-body', message: bodyError } : null,
  ].filter((e): e is { field: string; message: string } => e !== null);
  return (
    <div class="space-y-6">
      <p>
        <a href={pupilPaths.pupil(pupil.id)} class={link} safe>
          {pupil.name}
        </a>
      </p>
      <div class="space-y-1">
        <h1 class="text-3xl font-bold" safe>
          {fill(t.pupilBookTitle, { name: pupil.name })}
        </h1>
        <p safe>{fill(t.pupilBookLead, { name: pupil.name })}</p>
      </div>
      <Notice text={notice} />
      <ThreadList page={page} threads={threads.items} href={(thread) => messagePaths.thread(thread.id)} />
      <Pager page={page} list={threads} href={(n) => messagePaths.pupilBook(pupil.id, n)} />
      {canWrite ? (
        <form
          method="post"
          action={messagePaths.pupilBook(pupil.id)}
          id="new-message"
          class={`space-y-3 ${card}`}
          novalidate
        >
          <h2 class="text-xl font-semibold" safe>
            {t.staffNewThreadHeading}
          </h2>
          <p safe>{fill(t.staffNewThreadLead, { name: pupil.name })}</p>
          <ErrorSummary heading={t.errorSummary} errors={summary} />
          <SubjectAndBody
            page={page}
            input={composer?.input}
            subjectError={subjectError}
            bodyError={bodyError}
            warning={t.staffWarning}
          />
        </form>
      ) : (
        ''
      )}
      {queue && queue.items.length ? (
        <OfficeQueue page={page} queue={queue} pupil={pupil} returnTo={messagePaths.pupilBook(pupil.id)} />
      ) : (
        ''
      )}
    </div>
  );
}
