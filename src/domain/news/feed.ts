import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { loadCareFacts } from '../access/care-facts.ts';
import { canReadChildKindergartenNews } from '../access/policy.ts';
import { activeOn } from '../period.ts';
import { pageWindow, toPaged, type Paged } from '../paging.ts';
import { NotFoundError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import { asDate, part, type Part } from '../../db/together.ts';
import { loadAttachment, newsQuery, toNewsItems, withAttachments, type AttachmentRow, type NewsItem } from './posts.ts';

export const CHILD_NEWS_PER_PAGE = 10;

/** The posts a child's guardians see: for the child's school, class and SFO (an SFO place covering today). */
function childNewsQuery(db: Db, child: GuardianChild) {
  return newsQuery(db).where((eb) =>
    eb.or([
      eb.and([eb('n.scope', '=', 'school'), eb('n.school_id', '=', child.schoolId)]),
      eb.and([eb('n.scope', '=', 'class'), eb('n.class_id', '=', child.classId)]),
      eb.and([eb('n.scope', '=', 'sfo'), eb('n.sfo_id', 'in', child.facts.sfoIds.length ? child.facts.sfoIds : [0])]),
    ]),
  );
}

/** G15: the child page's news — newest first, weekly plans with their week, attachments listed; one page. */
export async function listChildNews(db: Db, child: GuardianChild, page: number): Promise<Paged<NewsItem>> {
  const { limit, offset } = pageWindow(page, CHILD_NEWS_PER_PAGE);
  const rows = await childNewsQuery(db, child)
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return toPaged(await withAttachments(db, rows), page, CHILD_NEWS_PER_PAGE);
}

/**
 * An attachment for download by the child's guardian (the child already loaded through requireGuardianChild, so
 * access is re-checked on every download): only of a post the child's guardians see; anything else is 404.
 */
export async function childNewsAttachment(db: Db, child: GuardianChild, postId: number, attachmentId: number) {
  const post = postId > 0 ? await childNewsQuery(db, child).where('n.id', '=', postId).executeTakeFirst() : undefined;
  const file = post && attachmentId > 0 ? await loadAttachment(db, post.id, attachmentId) : undefined;
  if (!file) throw new NotFoundError();
  return file;
}

/**
 * The posts a kindergarten child's guardians see (issue 13): its kindergarten's (the whole unit) and its
 * department's, for the places that cover today. The caller has checked access (requireKindergartenNewsChild).
 */
function kindergartenChildNewsQuery(db: Db, childId: number, today: string) {
  const places = db
    .selectFrom('kindergarten_enrolment as ke')
    .innerJoin('kindergarten_department as d', 'd.id', 'ke.department_id')
    .where('ke.child_id', '=', childId)
    .where(activeOn('ke', today));
  return newsQuery(db).where((eb) =>
    eb.or([
      eb.and([eb('n.scope', '=', 'kindergarten'), eb('n.kindergarten_id', 'in', places.select('d.kindergarten_id'))]),
      eb.and([eb('n.scope', '=', 'department'), eb('n.kindergarten_department_id', 'in', places.select('d.id'))]),
    ]),
  );
}

/** A kindergarten child, for its guardian's news (any other actor or child: 404). */
export async function requireKindergartenNewsChild(
  db: Db,
  actor: Actor,
  childId: number,
  today: string,
): Promise<{ childId: number; givenName: string }> {
  const facts = childId > 0 ? await loadCareFacts(db, childId, today) : null;
  if (!facts || !canReadChildKindergartenNews(actor, facts)) throw new NotFoundError();
  const person = await db.selectFrom('person').select('given_name').where('id', '=', childId).executeTakeFirstOrThrow();
  return { childId, givenName: person.given_name };
}

/** A kindergarten child's news and weekly plans, newest first, one page (of `perPage`). */
export async function listKindergartenChildNews(
  db: Db,
  childId: number,
  today: string,
  page: number,
  perPage = CHILD_NEWS_PER_PAGE,
): Promise<Paged<NewsItem>> {
  const { limit, offset } = pageWindow(page, perPage);
  const rows = await kindergartenChildNewsQuery(db, childId, today)
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return toPaged(await withAttachments(db, rows), page, perPage);
}

/**
 * The latest of a kindergarten child's posts with their attachments, as a part of the care page's statement
 * (db/together.ts). The caller has checked access (canReadChildKindergartenNews).
 */
export function latestKindergartenNewsPart(db: Db, childId: number, today: string, limit: number): Part<NewsItem[]> {
  const posts = kindergartenChildNewsQuery(db, childId, today)
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit);
  const files = db
    .selectFrom('news_attachment')
    .select(['id', 'news_post_id', 'filename', 'size_bytes'])
    .where('news_post_id', 'in', posts.clearSelect().select('n.id'))
    .orderBy('id');
  return part({ posts, files }, (rows) =>
    toNewsItems(
      rows.posts.map((r) => ({ ...r, published_at: asDate(r.published_at) })),
      rows.files as AttachmentRow[],
    ),
  );
}

/** An attachment of a post the kindergarten child's guardians see; anything else is 404. */
export async function kindergartenChildNewsAttachment(
  db: Db,
  childId: number,
  today: string,
  postId: number,
  attachmentId: number,
) {
  const post =
    postId > 0
      ? await kindergartenChildNewsQuery(db, childId, today).where('n.id', '=', postId).executeTakeFirst()
      : undefined;
  const file = post && attachmentId > 0 ? await loadAttachment(db, post.id, attachmentId) : undefined;
  if (!file) throw new NotFoundError();
  return file;
}
