import type { Db } from '../../db/database.ts';
import type { StaffRole } from '../../db/schema.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import { canReadKindergartenNews } from '../access/policy.ts';
import { newsCapacity } from '../broadcasts/policy.ts';
import { pageWindow, toPaged, type Paged } from '../paging.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { loadAttachment, newsQuery, withAttachments, type NewsItem } from './posts.ts';

export const MANAGED_PER_PAGE = 20;

const orNone = (ids: number[]) => (ids.length ? ids : [0]);

/**
 * The posts the actor manages: those in a scope they may publish for (their own, and colleagues' in the same class,
 * SFO or — for leadership — school), newest first, one page; and a kindergarten's posts its staff read (the whole
 * kindergarten's, their department's). The SQL mirrors newsCapacity and canReadKindergartenNews.
 */
export async function listManagedNews(db: Db, actor: Actor, page: number): Promise<Paged<NewsItem>> {
  if (actor.via !== 'feide' || actor.staff.length === 0) return { items: [], page, hasNext: false };
  const leads = orNone(grantIds(actor, ['leadership'], (g) => [g.schoolId]));
  const classes = orNone(grantIds(actor, ['contact_teacher', 'teacher'], (g) => g.classIds));
  const sfos = orNone(grantIds(actor, ['sfo_leader', 'sfo_staff'], (g) => [g.sfoId]));
  const styrer = orNone(grantIds(actor, ['kindergarten_leader'], (g) => [g.kindergartenId]));
  const kgStaff = ['pedagogical_leader', 'kindergarten_staff'] as const;
  const kindergartens = orNone(grantIds(actor, [...kgStaff], (g) => [g.kindergartenId]));
  const departments = orNone(grantIds(actor, [...kgStaff], (g) => [g.departmentId]));
  const { limit, offset } = pageWindow(page, MANAGED_PER_PAGE);
  const rows = await newsQuery(db)
    .where((eb) =>
      eb.or([
        eb('n.school_id', 'in', leads),
        eb('n.class_id', 'in', classes),
        eb('n.sfo_id', 'in', sfos),
        eb('n.kindergarten_id', 'in', styrer),
        eb('n.kindergarten_department_id', 'in', departments),
        eb.and([eb('n.scope', '=', 'kindergarten'), eb('n.kindergarten_id', 'in', kindergartens)]),
      ]),
    )
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return toPaged(await withAttachments(db, rows), page, MANAGED_PER_PAGE);
}

export interface ManagedNews extends NewsItem {
  /** The capacity the actor manages (or, as a kindergarten's staff, reads) it in. */
  role: StaffRole;
  /** The actor may take it down (publishes in its scope); a kindergarten's staff only read it. */
  mayManage: boolean;
}

/** The staff role a kindergarten's reader reads a post in (their grant at the post's kindergarten). */
function readerRole(actor: Actor, row: { kindergarten_id: number | null; kindergarten_department_id: number | null }) {
  const target = row.kindergarten_id
    ? { kindergartenId: row.kindergarten_id, departmentId: row.kindergarten_department_id }
    : null;
  if (!target || !canReadKindergartenNews(actor, target)) return null;
  return actor.staff.find((g) => g.kindergartenId === target.kindergartenId)?.role ?? null;
}

/**
 * A post the actor may manage (view as staff, delete) or, as a kindergarten's staff, read; any other, or a deleted
 * one, does not exist for them (404).
 */
export async function findManagedNews(db: Db, actor: Actor, id: number): Promise<ManagedNews> {
  const row = id > 0 ? await newsQuery(db).where('n.id', '=', id).executeTakeFirst() : undefined;
  if (!row) throw new NotFoundError();
  const capacity = newsCapacity(actor, {
    scope: row.scope,
    schoolId: row.school_id,
    classId: row.class_id,
    sfoId: row.sfo_id,
    kindergartenId: row.kindergarten_id,
    departmentId: row.kindergarten_department_id,
  });
  const role = capacity ?? readerRole(actor, row);
  if (!role) throw new NotFoundError();
  const [item] = await withAttachments(db, [row]);
  return { ...item!, role, mayManage: capacity !== null };
}

/** The post, if the actor may take it down; a reader who may not gets 403. */
export function requireNewsManager(post: ManagedNews): ManagedNews {
  if (!post.mayManage) throw new ForbiddenError();
  return post;
}

/** An attachment of a managed post (the author checks what guardians get). */
export async function managedAttachment(db: Db, post: ManagedNews, attachmentId: number) {
  const file = await loadAttachment(db, post.id, attachmentId);
  if (!file) throw new NotFoundError();
  return file;
}
