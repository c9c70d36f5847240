import type { Db } from '../../db/database.ts';
import type { NewsKind, NewsScope } from '../../db/schema.ts';

/** A news post or weekly plan as lists and pages show it (no attachment bytes). */
export interface NewsItem {
  id: number;
  kind: NewsKind;
  scope: NewsScope;
  /** The school's id, or (a kindergarten's post) null. */
  schoolId: number | null;
  classId: number | null;
  sfoId: number | null;
  kindergartenId: number | null;
  departmentId: number | null;
  /** The school's, class's, SFO's, kindergarten's or department's name. */
  scopeName: string;
  /** The school's or the kindergarten's name. */
  schoolName: string;
  title: string;
  body: string;
  week: string | null;
  authorName: string;
  publishedAt: Date;
  attachments: { id: number; filename: string; sizeBytes: number }[];
}

/** Posts with their scope's name and author; callers add the scope condition. Deleted posts are left out. */
export function newsQuery(db: Db) {
  return db
    .selectFrom('news_post as n')
    .leftJoin('school as s', 's.id', 'n.school_id')
    .innerJoin('person as a', 'a.id', 'n.author_id')
    .leftJoin('class as c', 'c.id', 'n.class_id')
    .leftJoin('sfo as f', 'f.id', 'n.sfo_id')
    .leftJoin('kindergarten as k', 'k.id', 'n.kindergarten_id')
    .leftJoin('kindergarten_department as kd', 'kd.id', 'n.kindergarten_department_id')
    .select([
      'n.id',
      'n.kind',
      'n.scope',
      'n.school_id',
      'n.class_id',
      'n.sfo_id',
      'n.kindergarten_id',
      'n.kindergarten_department_id',
      'n.title',
      'n.body',
      'n.week',
      'n.published_at',
      's.name as school_name',
      'c.name as class_name',
      'f.name as sfo_name',
      'k.name as kindergarten_name',
      'kd.name as department_name',
      'a.given_name',
      'a.family_name',
    ])
    .where('n.deleted_at', 'is', null);
}

export type NewsRow = Awaited<ReturnType<ReturnType<typeof newsQuery>['execute']>>[number];
type Row = NewsRow;
export interface AttachmentRow {
  id: number;
  news_post_id: number;
  filename: string;
  size_bytes: number;
}

function scopeNameOf(r: Row): string {
  switch (r.scope) {
    case 'class':
      return r.class_name ?? '';
    case 'sfo':
      return r.sfo_name ?? '';
    case 'department':
      return r.department_name ?? '';
    case 'kindergarten':
      return r.kindergarten_name ?? '';
    case 'school':
      return r.school_name ?? '';
  }
}

/** Rows → items, with the attachments of all of them in one more query (no N+1). */
export async function withAttachments(db: Db, rows: Row[]): Promise<NewsItem[]> {
  const ids = rows.map((r) => r.id);
  const files = ids.length
    ? await db
        .selectFrom('news_attachment')
        .select(['id', 'news_post_id', 'filename', 'size_bytes'])
        .where('news_post_id', 'in', ids)
        .orderBy('id')
        .execute()
    : [];
  return toNewsItems(rows, files);
}

/** Rows and the attachments of them → items. */
export function toNewsItems(rows: Row[], files: AttachmentRow[]): NewsItem[] {
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    scope: r.scope,
    schoolId: r.school_id,
    classId: r.class_id,
    sfoId: r.sfo_id,
    kindergartenId: r.kindergarten_id,
    departmentId: r.kindergarten_department_id,
    scopeName: scopeNameOf(r),
    schoolName: r.school_name ?? r.kindergarten_name ?? '',
    title: r.title,
    body: r.body,
    week: r.week,
    authorName: `${r.given_name} ${r.family_name}`,
    publishedAt: r.published_at,
    attachments: files
      .filter((f) => f.news_post_id === r.id)
      .map((f) => ({ id: f.id, filename: f.filename, sizeBytes: f.size_bytes })),
  }));
}

/** One attachment of one post, with its bytes (the caller has checked access to the post). */
export async function loadAttachment(db: Db, postId: number, attachmentId: number) {
  const row = await db
    .selectFrom('news_attachment')
    .select(['id', 'filename', 'content_type', 'size_bytes', 'content'])
    .where('id', '=', attachmentId)
    .where('news_post_id', '=', postId)
    .executeTakeFirst();
  return row ? { id: row.id, filename: row.filename, contentType: row.content_type, content: row.content } : undefined;
}
