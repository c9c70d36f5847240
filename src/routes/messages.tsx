import { readForm } from './form-body.ts';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../app-env.ts';
import { requireVisiblePupil } from '../domain/access/scope.ts';
import { requireGuardianChild, type GuardianChild } from '../domain/guardian/child.ts';
import {
  messageInput,
  parseGuardianThread,
  parseReply,
  parseStaffThread,
  type MessageErrors,
  type MessageInput,
} from '../domain/messages/form.ts';
import { guardianNoticesOfOwnMessages } from '../domain/messages/delivery.ts';
import { listChildThreads, listInbox, listPupilThreadsForStaff } from '../domain/messages/lists.ts';
import { pageNumber } from '../domain/paging.ts';
import { guardianKindsFor, staffCapacityFor } from '../domain/messages/policy.ts';
import { attachInboundSms, dismissInboundSms, listOfficeQueue } from '../domain/messages/queue.ts';
import { replyToThread, startGuardianThread, startStaffThread } from '../domain/messages/send.ts';
import {
  loadMessages,
  markThreadRead,
  requireChildThread,
  openStaffThread,
  requireStaffThread,
  type ThreadRecord,
} from '../domain/messages/threads.ts';
import { NotFoundError } from '../domain/errors.ts';
import { fill } from '../i18n/index.ts';
import { messageBookText } from '../i18n/messages.ts';
import { actorOf } from '../middleware/session.ts';
import { Conversation, type ReplyState } from '../views/messages/conversation.tsx';
import { ChildMessagesSection, ChildThreadSection } from '../views/messages/guardian.tsx';
import { InboxPage, PupilBookPage, StaffThreadPage } from '../views/messages/staff.tsx';
import { messagePaths } from '../paths/messages.ts';
import { renderChildSection } from './child-section.tsx';
import { nowOf, todayOf } from './clock.ts';
import { idParam } from './params.ts';
import { recordStaffRead } from '../domain/privacy/staff-reads.ts';
import { isPartialRequest, pageContext, render } from './render.tsx';

const text = (c: Context<AppEnv>) => messageBookText[c.get('locale')];
const db = (c: Context<AppEnv>) => c.get('deps').db;
const child = (c: Context<AppEnv>) =>
  requireGuardianChild(db(c), actorOf(c), idParam(c.req.param('id') ?? ''), todayOf(c));
const wantsConversation = (c: Context<AppEnv>) =>
  isPartialRequest(c) && (c.req.header('hx-target') ?? '').endsWith('#thread-conversation');
const pupilName = (r: ThreadRecord) => `${r.pupilName.given} ${r.pupilName.family}`;

async function childBook(
  c: Context<AppEnv>,
  kid: GuardianChild,
  composer?: { input: MessageInput; errors: MessageErrors },
  status: ContentfulStatusCode = 200,
) {
  const threads = await listChildThreads(db(c), actorOf(c).personId, kid.pupilId, pageNumber(c.req.query('page')));
  const body = (
    <ChildMessagesSection
      page={pageContext(c)}
      child={kid}
      threads={threads}
      kinds={guardianKindsFor(actorOf(c), kid.facts)}
      composer={composer}
    />
  );
  return renderChildSection(c, kid, 'messages', body, status);
}

/** A thread page (guardian or staff), or for an htmx reply only the conversation. Read marks move on a plain view. */
async function threadView(
  c: Context<AppEnv>,
  record: ThreadRecord,
  kid: GuardianChild | null,
  reply?: ReplyState,
  status: ContentfulStatusCode = 200,
) {
  const actor = actorOf(c);
  const { messages, olderHidden } = await loadMessages(db(c), record, actor.personId);
  const notices = kid ? undefined : await guardianNoticesOfOwnMessages(db(c), record, messages);
  if (status === 200) await markThreadRead(db(c), actor.personId, record.thread, nowOf(c));
  const page = pageContext(c);
  const canReply = record.replyAs !== null;
  if (wantsConversation(c)) {
    const action = kid
      ? messagePaths.childReplies(kid.pupilId, record.thread.id)
      : messagePaths.replies(record.thread.id);
    c.header('Vary', 'HX-Request');
    return c.html(
      <Conversation
        page={page}
        messages={messages}
        notices={notices}
        olderHidden={olderHidden}
        replyAction={canReply ? action : undefined}
        reply={reply}
        pupilName={record.pupilName.given}
        guardianView={kid !== null}
      />,
      status,
    );
  }
  const sent = c.req.query('sent') === '1';
  if (kid)
    return renderChildSection(
      c,
      kid,
      'messages',
      <ChildThreadSection
        page={page}
        child={kid}
        thread={record.thread}
        messages={messages}
        olderHidden={olderHidden}
        canReply={canReply}
        reply={reply}
        sent={sent}
      />,
      status,
    );
  const notice = sent ? text(c).sentNotice : c.req.query('done') === 'attached' ? text(c).queue.attached : undefined;
  const props = {
    page,
    thread: { ...record.thread, pupilId: record.thread.pupil_id },
    pupilName: pupilName(record),
    messages,
    notices,
    olderHidden,
    canReply,
    reply,
    notice,
    kindergarten: record.departmentName === null ? undefined : { departmentName: record.departmentName },
  };
  return render(c, record.thread.subject, <StaffThreadPage {...props} />, status);
}

/** Replies: 303 back to the thread (or the conversation for htmx, form emptied); 422 keeps the text. */
async function reply(c: Context<AppEnv>, record: ThreadRecord, kid: GuardianChild | null) {
  const input = messageInput(await readForm(c));
  const parsed = parseReply(input);
  if (!parsed.ok) return threadView(c, record, kid, { body: input.body, errors: parsed.errors }, 422);
  const messageId = await replyToThread(db(c), actorOf(c), record, parsed.values.body, nowOf(c), todayOf(c));
  if (wantsConversation(c)) return threadView(c, await reload(c, record, kid), kid);
  return c.redirect(
    kid
      ? messagePaths.childThreadSent(kid.pupilId, record.thread.id, messageId)
      : messagePaths.threadSent(record.thread.id, messageId),
    303,
  );
}

const reload = (c: Context<AppEnv>, record: ThreadRecord, kid: GuardianChild | null) =>
  kid
    ? requireChildThread(db(c), actorOf(c), kid, record.thread.id)
    : requireStaffThread(db(c), actorOf(c), record.thread.id, todayOf(c));

async function pupilBook(
  c: Context<AppEnv>,
  pupilId: number,
  composer?: { input: MessageInput; errors: MessageErrors },
  status: ContentfulStatusCode = 200,
) {
  const actor = actorOf(c);
  if (actor.via === 'idporten') throw new NotFoundError();
  const facts = await requireVisiblePupil(db(c), actor, pupilId, todayOf(c));
  const canWrite = staffCapacityFor(actor, facts) !== null;
  const threads = await listPupilThreadsForStaff(db(c), actor, pupilId, pageNumber(c.req.query('page')), todayOf(c));
  if (!canWrite && threads.items.length === 0 && threads.page === 1) throw new NotFoundError(); // no book for them (school owner, archive)
  const person = await db(c)
    .selectFrom('person')
    .select(['given_name', 'family_name'])
    .where('id', '=', pupilId)
    .executeTakeFirstOrThrow();
  const queue = await listOfficeQueue(db(c), actor, { pupilId, today: todayOf(c) });
  const notice =
    c.req.query('done') === 'dismissed'
      ? text(c).queue.dismissed
      : c.req.query('done') === 'already'
        ? text(c).queue.alreadyHandled
        : undefined;
  if (!composer)
    await recordStaffRead(db(c), actor, { pupil: facts }, 'message_book.view', { type: 'person', id: pupilId });
  const pupil = { id: pupilId, name: `${person.given_name} ${person.family_name}` };
  return render(
    c,
    fill(text(c).pupilBookTitle, { name: pupil.name }),
    <PupilBookPage
      page={pageContext(c)}
      pupil={pupil}
      threads={threads}
      canWrite={canWrite}
      composer={composer}
      queue={queue}
      notice={notice}
    />,
    status,
  );
}

/** Where a queue action returns to: the inbox, or the pupil's book it came from. */
const queueReturn = (value: unknown) =>
  typeof value === 'string' && /^\/pupils\/\d{1,12}\/messages$/.test(value) ? value : messagePaths.inbox();

/** S7, G12: the per-pupil message book (threads between the child's guardians and the school); D5's office queue. */
export const messageRoutes = new Hono<AppEnv>()
  .get('/children/:id/messages', async (c) => childBook(c, await child(c)))
  .post('/children/:id/messages', async (c) => {
    const kid = await child(c);
    const input = messageInput(await readForm(c));
    const parsed = parseGuardianThread(input, guardianKindsFor(actorOf(c), kid.facts));
    if (!parsed.ok) return childBook(c, kid, { input, errors: parsed.errors }, 422);
    const { threadId, messageId } = await startGuardianThread(
      db(c),
      actorOf(c),
      kid,
      parsed.values,
      nowOf(c),
      todayOf(c),
    );
    return c.redirect(messagePaths.childThreadSent(kid.pupilId, threadId, messageId), 303);
  })
  .get('/children/:id/messages/:threadId', async (c) => {
    const kid = await child(c);
    return threadView(c, await requireChildThread(db(c), actorOf(c), kid, idParam(c.req.param('threadId'))), kid);
  })
  .post('/children/:id/messages/:threadId/replies', async (c) => {
    const kid = await child(c);
    return reply(c, await requireChildThread(db(c), actorOf(c), kid, idParam(c.req.param('threadId'))), kid);
  })
  .get('/messages', async (c) => {
    const actor = actorOf(c);
    const threads = await listInbox(db(c), actor, pageNumber(c.req.query('page')), todayOf(c));
    const queue = actor.staff.some((g) => g.role === 'leadership')
      ? await listOfficeQueue(db(c), actor, { today: todayOf(c) })
      : null;
    const done = c.req.query('done');
    const notice =
      done === 'dismissed' ? text(c).queue.dismissed : done === 'already' ? text(c).queue.alreadyHandled : undefined;
    return render(
      c,
      text(c).inboxTitle,
      <InboxPage page={pageContext(c)} threads={threads} queue={queue} notice={notice} />,
    );
  })
  .get('/messages/:threadId', async (c) =>
    threadView(c, await openStaffThread(db(c), actorOf(c), idParam(c.req.param('threadId')), todayOf(c)), null),
  )
  .post('/messages/:threadId/replies', async (c) =>
    reply(c, await requireStaffThread(db(c), actorOf(c), idParam(c.req.param('threadId')), todayOf(c)), null),
  )
  .get('/pupils/:id/messages', async (c) => pupilBook(c, idParam(c.req.param('id'))))
  .post('/pupils/:id/messages', async (c) => {
    const pupilId = idParam(c.req.param('id'));
    const input = messageInput(await readForm(c));
    const parsed = parseStaffThread(input);
    if (!parsed.ok) return pupilBook(c, pupilId, { input, errors: parsed.errors }, 422);
    const { threadId, messageId } = await startStaffThread(
      db(c),
      actorOf(c),
      pupilId,
      parsed.values,
      nowOf(c),
      todayOf(c),
    );
    return c.redirect(messagePaths.threadSent(threadId, messageId), 303);
  })
  .post('/inbound-sms/:id/placement', async (c) => {
    const body = await readForm(c);
    const outcome = await attachInboundSms(
      db(c),
      actorOf(c),
      idParam(c.req.param('id')),
      idParam(typeof body.pupil_id === 'string' ? body.pupil_id : ''),
      nowOf(c),
      todayOf(c),
    );
    return c.redirect(
      outcome.status === 'attached'
        ? messagePaths.threadAttached(outcome.threadId)
        : messagePaths.queueDone(queueReturn(body.return_to), 'already'),
      303,
    );
  })
  .post('/inbound-sms/:id/dismissal', async (c) => {
    const body = await readForm(c);
    const outcome = await dismissInboundSms(db(c), actorOf(c), idParam(c.req.param('id')), nowOf(c), todayOf(c));
    return c.redirect(
      messagePaths.queueDone(queueReturn(body.return_to), outcome.status === 'dismissed' ? 'dismissed' : 'already'),
      303,
    );
  });
