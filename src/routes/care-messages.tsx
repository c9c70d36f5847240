import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../app-env.ts';
import {
  messageInput,
  parseReply,
  parseStaffThread,
  type MessageErrors,
  type MessageInput,
} from '../domain/messages/form.ts';
import { requireKindergartenBookChild, type KindergartenBookChild } from '../domain/messages/kindergarten-book.ts';
import { listChildThreads } from '../domain/messages/lists.ts';
import { replyToThread, startKindergartenThread } from '../domain/messages/send.ts';
import {
  loadMessages,
  markThreadRead,
  requireKindergartenChildThread,
  type ThreadRecord,
} from '../domain/messages/threads.ts';
import { pageNumber } from '../domain/paging.ts';
import { fill } from '../i18n/index.ts';
import { messageBookText } from '../i18n/messages.ts';
import { actorOf } from '../middleware/session.ts';
import { messagePaths } from '../paths/messages.ts';
import { Conversation, CONVERSATION_ID, type ReplyState } from '../views/messages/conversation.tsx';
import { KindergartenBookPage, KindergartenThreadPage } from '../views/messages/kindergarten.tsx';
import { nowOf, todayOf } from './clock.ts';
import { readForm } from './form-body.ts';
import { idParam } from './params.ts';
import { isPartialRequest, pageContext, render } from './render.tsx';

const db = (c: Context<AppEnv>) => c.get('deps').db;
const child = (c: Context<AppEnv>) =>
  requireKindergartenBookChild(db(c), actorOf(c), idParam(c.req.param('childId') ?? ''), todayOf(c));
const thread = (c: Context<AppEnv>, kid: KindergartenBookChild) =>
  requireKindergartenChildThread(db(c), actorOf(c), kid.childId, idParam(c.req.param('threadId') ?? ''), todayOf(c));
const wantsConversation = (c: Context<AppEnv>) =>
  isPartialRequest(c) && (c.req.header('hx-target') ?? '').endsWith(`#${CONVERSATION_ID}`);

async function book(
  c: Context<AppEnv>,
  kid: KindergartenBookChild,
  composer?: { input: MessageInput; errors: MessageErrors },
  status: ContentfulStatusCode = 200,
) {
  const page = pageNumber(c.req.query('page'));
  const threads = await listChildThreads(db(c), actorOf(c).personId, kid.childId, page, 'kindergarten');
  const title = fill(messageBookText[c.get('locale')].kindergarten.bookHeading, { name: kid.givenName });
  return render(
    c,
    title,
    <KindergartenBookPage page={pageContext(c)} child={kid} threads={threads} composer={composer} />,
    status,
  );
}

/** The thread page, or for an htmx reply only the conversation. Read marks move on a plain view. */
async function threadView(
  c: Context<AppEnv>,
  kid: KindergartenBookChild,
  record: ThreadRecord,
  reply?: ReplyState,
  status: ContentfulStatusCode = 200,
) {
  const actor = actorOf(c);
  const { messages, olderHidden } = await loadMessages(db(c), record, actor.personId);
  if (status === 200) await markThreadRead(db(c), actor.personId, record.thread, nowOf(c));
  const page = pageContext(c);
  const canReply = record.replyAs !== null;
  c.header('Vary', 'HX-Request');
  if (wantsConversation(c))
    return c.html(
      <Conversation
        page={page}
        messages={messages}
        olderHidden={olderHidden}
        replyAction={canReply ? messagePaths.kindergartenReplies(kid.childId, record.thread.id) : undefined}
        reply={reply}
        pupilName={kid.givenName}
        guardianView
        warningText={fill(messageBookText[page.locale].kindergarten.warning, { name: kid.givenName })}
      />,
      status,
    );
  return render(
    c,
    record.thread.subject,
    <KindergartenThreadPage
      page={page}
      child={kid}
      thread={record.thread}
      departmentName={record.departmentName ?? ''}
      messages={messages}
      olderHidden={olderHidden}
      canReply={canReply}
      reply={reply}
      sent={c.req.query('sent') === '1'}
    />,
    status,
  );
}

/**
 * Issue 13: a kindergarten child's message book, beside the child's daily care (/care/children/:id): the guardians
 * write to the child's department and answer; the department and the styrer answer from their inbox (/messages).
 * Only a guardian with care reach and a kindergarten place today; everyone else, and any id out of reach, gets a 404.
 * Forms work without JavaScript (303, or 422 with the text kept); htmx swaps the conversation after a reply.
 */
export const careMessageRoutes = new Hono<AppEnv>()
  .get('/care/children/:childId/messages', async (c) => book(c, await child(c)))
  .post('/care/children/:childId/messages', async (c) => {
    const kid = await child(c);
    const input = messageInput(await readForm(c));
    const parsed = parseStaffThread(input);
    if (!parsed.ok) return book(c, kid, { input, errors: parsed.errors }, 422);
    const { threadId, messageId } = await startKindergartenThread(
      db(c),
      actorOf(c),
      kid.childId,
      parsed.values,
      nowOf(c),
      todayOf(c),
    );
    return c.redirect(messagePaths.kindergartenThreadSent(kid.childId, threadId, messageId), 303);
  })
  .get('/care/children/:childId/messages/:threadId', async (c) => {
    const kid = await child(c);
    return threadView(c, kid, await thread(c, kid));
  })
  .post('/care/children/:childId/messages/:threadId/replies', async (c) => {
    const kid = await child(c);
    const record = await thread(c, kid);
    const input = messageInput(await readForm(c));
    const parsed = parseReply(input);
    if (!parsed.ok) return threadView(c, kid, record, { body: input.body, errors: parsed.errors }, 422);
    const messageId = await replyToThread(db(c), actorOf(c), record, parsed.values.body, nowOf(c), todayOf(c));
    if (wantsConversation(c)) return threadView(c, kid, await thread(c, kid));
    return c.redirect(messagePaths.kindergartenThreadSent(kid.childId, record.thread.id, messageId), 303);
  });
