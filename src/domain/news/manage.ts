import type { Db } from '../../db/database.ts';
import type { StaffRole } from '../../db/schema.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import { newsCapacity } from '../broadcasts/policy.ts';
import { pageWindow, toPaged, type Paged } from '../paging.ts';
import { NotFoundError } from '../errors.ts';
import { loadAttachment, newsQuery, withAttachments, type NewsItem } from './posts.ts';

export const MANAGED_PER_PAGE = 20;

const orNone = (ids: number[]) => (ids.length ? ids : [0]);

/**
 * The posts the actor manages: those in a scope they may publish for (their own, and colleagues' in the same class,
 * SFO or — for leadership — school), newest first, one page. The SQL mirrors newsCapacity.
 */
export async function listManagedNews(db: Db, actor: Actor, page: number): Promise<Paged<NewsItem>> {
  if (actor.via !== 'feide' || actor.staff.length === 0) return { items: [], page, hasNext: false };
  const leads = orNone(grantIds(actor, ['leadership'], (g) => [g.schoolId]));
  const classes = orNone(grantIds(actor, ['contact_teacher', 'teacher'], (g) => g.classIds));
  const sfos = orNone(grantIds(actor, ['sfo_leader', 'sfo_staff'], (g) => [g.sfoId]));
  const { limit, offset } = pageWindow(page, MANAGED_PER_PAGE);
  const rows = await newsQuery(db)
    .where((eb) => eb.or([eb('n.school_id', 'in', leads), eb('n.class_id', 'in', classes), eb('n.sfo_id', 'in', sfos)]))
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return toPaged(await withAttachments(db, rows), page, MANAGED_PER_PAGE);
}

export interface ManagedNews extends NewsItem {
  /** The capacity the actor manages it in. */
  role: StaffRole;
}

/** A post the actor may manage (view as staff, delete); any other, or a deleted one, does not exist for them (404). */
export async function findManagedNews(db: Db, actor: Actor, id: number): Promise<ManagedNews> {
  const row = id > 0 ? await newsQuery(db).where('n.id', '=', id).executeTakeFirst() : undefined;
  const role = row
    ? newsCapacity(actor, { scope: row.scope, schoolId: row.school_id, classId: row.class_id, sfoId: row.sfo_id })
    : null;
  if (!row || !role) throw new NotFoundError();
  const [item] = await withAttachments(db, [row]);
  return { ...item!, role };
}

/** An attachment of a managed post (the author checks what guardians get). */
export async function managedAttachment(db: Db, post: ManagedNews, attachmentId: number) {
  const file = await loadAttachment(db, post.id, attachmentId);
  if (!file) throw new NotFoundError();
  return file;
}
