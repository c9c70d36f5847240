import { readForm } from './form-body.ts';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.ts';
import { pageNumber } from '../domain/paging.ts';
import { requireStaffActor } from '../domain/broadcasts/policy.ts';
import { listReceivedBroadcasts } from '../domain/broadcasts/received.ts';
import { requireGuardianChild } from '../domain/guardian/child.ts';
import {
  childNewsAttachment,
  kindergartenChildNewsAttachment,
  listChildNews,
  listKindergartenChildNews,
  requireKindergartenNewsChild,
} from '../domain/news/feed.ts';
import { findManagedNews, listManagedNews, managedAttachment, requireNewsManager } from '../domain/news/manage.ts';
import {
  deleteNews,
  parseNews,
  publishNews,
  type NewsErrors,
  type NewsInput,
  type UploadedFile,
} from '../domain/news/publish.ts';
import { listNewsScopes, requireNewsScope } from '../domain/news/scopes.ts';
import { nextWeekNumber } from '../domain/news/week.ts';
import { fill } from '../i18n/index.ts';
import { newsText } from '../i18n/news.ts';
import { actorOf } from '../middleware/session.ts';
import { ChildNewsSection } from '../views/news/child-section.tsx';
import { KindergartenChildNewsPage } from '../views/news/kindergarten-child.tsx';
import { ManagedNewsPage, NewNewsPage, NewsListPage, TooLargePage } from '../views/news/staff.tsx';
import { newsPaths } from '../paths/news.ts';
import { renderChildSection } from './child-section.tsx';
import { nowOf, todayOf } from './clock.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';
import { sendDocument } from './send-document.ts';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const t = (c: Context<AppEnv>) => newsText[c.get('locale')];
/** Above this the request is not read at all (413); between 10 MB and this, the form comes back with its text. */
const MAX_REQUEST_BYTES = 25 * 1024 * 1024;

async function newForm(
  c: Context<AppEnv>,
  state: { input?: NewsInput; errors?: NewsErrors; fileChosen?: boolean } = {},
  status: 200 | 422 = 200,
) {
  const scopes = await listNewsScopes(c.get('deps').db, actorOf(c), todayOf(c));
  return render(
    c,
    t(c).newPost,
    <NewNewsPage page={pageContext(c)} scopes={scopes} nextWeek={nextWeekNumber(todayOf(c))} {...state} />,
    status,
  );
}

/** The posted file, if one was chosen (an empty file input sends a nameless, empty part). */
async function uploaded(value: unknown): Promise<UploadedFile | null> {
  if (!(value instanceof File) || (value.name === '' && value.size === 0)) return null;
  return { filename: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
}

/**
 * G15: staff publish news and weekly plans (with a PDF); guardians read them on the child page. A kindergarten's
 * (issue 13): its styrer and pedagogical leaders publish, its staff read them here, and guardians on the child's
 * daily-care page and /care/children/:id/news.
 */
export const newsRoutes = new Hono<AppEnv>()
  .get(newsPaths.list, async (c) => {
    requireStaffActor(actorOf(c));
    const posts = await listManagedNews(c.get('deps').db, actorOf(c), pageNumber(c.req.query('page')));
    return render(
      c,
      t(c).title,
      <NewsListPage page={pageContext(c)} posts={posts} deleted={c.req.query('deleted') === '1'} />,
    );
  })
  .get(newsPaths.new, async (c) => {
    requireStaffActor(actorOf(c));
    return newForm(c);
  })
  .post(
    newsPaths.create,
    bodyLimit({
      maxSize: MAX_REQUEST_BYTES,
      onError: (c) => render(c, t(c).tooLargeTitle, <TooLargePage page={pageContext(c)} />, 413),
    }),
    async (c) => {
      const { db } = c.get('deps');
      const actor = actorOf(c);
      requireStaffActor(actor);
      const body = await readForm(c);
      const input = {
        scope: text(body.scope),
        kind: text(body.kind),
        title: text(body.title),
        body: text(body.body),
        week: text(body.week),
      };
      const file = await uploaded(body.file);
      const scope = input.scope ? await requireNewsScope(db, actor, input.scope, todayOf(c)) : null;
      const parsed = parseNews(input, file, todayOf(c));
      if (!parsed.ok || !scope)
        return newForm(
          c,
          { input, errors: parsed.ok ? { scope: 'required' } : parsed.errors, fileChosen: file !== null },
          422,
        );
      const { id, notified } = await publishNews(db, actor, scope, parsed.values, todayOf(c), nowOf(c));
      return c.redirect(newsPaths.published(id, notified), 303);
    },
  )
  .get('/news/:id', async (c) => {
    const post = await findManagedNews(c.get('deps').db, actorOf(c), idParam(c.req.param('id')));
    const notified = /^\d{1,6}$/.test(c.req.query('published') ?? '') ? Number(c.req.query('published')) : undefined;
    return render(c, post.title, <ManagedNewsPage page={pageContext(c)} post={post} notified={notified} />);
  })
  .post('/news/:id/deletion', async (c) => {
    const { db } = c.get('deps');
    const post = requireNewsManager(await findManagedNews(db, actorOf(c), idParam(c.req.param('id'))));
    await deleteNews(db, actorOf(c), post, nowOf(c));
    return c.redirect(newsPaths.deleted, 303);
  })
  .get('/news/:id/attachments/:attachmentId', async (c) => {
    const { db } = c.get('deps');
    const post = await findManagedNews(db, actorOf(c), idParam(c.req.param('id')));
    return sendDocument(c, await managedAttachment(db, post, idParam(c.req.param('attachmentId'))));
  })
  .get('/children/:id/news', async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const child = await requireGuardianChild(db, actor, idParam(c.req.param('id')), todayOf(c));
    const news = await listChildNews(db, child, pageNumber(c.req.query('page')));
    const broadcasts =
      news.page === 1 ? (await listReceivedBroadcasts(db, actor, 1, { pupilId: child.pupilId, perPage: 3 })).items : [];
    return renderChildSection(
      c,
      child,
      'news',
      <ChildNewsSection page={pageContext(c)} child={child} news={news} broadcasts={broadcasts} />,
    );
  })
  .get('/children/:id/news/:postId/attachments/:attachmentId', async (c) => {
    const { db } = c.get('deps');
    const child = await requireGuardianChild(db, actorOf(c), idParam(c.req.param('id')), todayOf(c));
    return sendDocument(
      c,
      await childNewsAttachment(db, child, idParam(c.req.param('postId')), idParam(c.req.param('attachmentId'))),
    );
  })
  .get('/care/children/:id/news', async (c) => {
    const { db } = c.get('deps');
    const child = await requireKindergartenNewsChild(db, actorOf(c), idParam(c.req.param('id')), todayOf(c));
    const news = await listKindergartenChildNews(db, child.childId, todayOf(c), pageNumber(c.req.query('page')));
    const title = fill(t(c).childHeading, { name: child.givenName });
    return render(
      c,
      title,
      <KindergartenChildNewsPage
        page={pageContext(c)}
        childId={child.childId}
        childName={child.givenName}
        news={news}
      />,
    );
  })
  .get('/care/children/:id/news/:postId/attachments/:attachmentId', async (c) => {
    const { db } = c.get('deps');
    const child = await requireKindergartenNewsChild(db, actorOf(c), idParam(c.req.param('id')), todayOf(c));
    const [postId, attachmentId] = [idParam(c.req.param('postId')), idParam(c.req.param('attachmentId'))];
    return sendDocument(c, await kindergartenChildNewsAttachment(db, child.childId, todayOf(c), postId, attachmentId));
  });
