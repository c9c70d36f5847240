import type { Db } from '../../db/database.ts';
import { pageWindow, toPaged, type Paged } from '../paging.ts';
import { NotFoundError } from '../errors.ts';
import type { GuardianChild } from '../guardian/child.ts';
import { loadAttachment, newsQuery, withAttachments, type NewsItem } from './posts.ts';

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
