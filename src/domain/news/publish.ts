import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { NewsKind } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { audienceGuardians } from '../broadcasts/recipients.ts';
import { activeOn } from '../period.ts';
import { safeFilename } from '../documents/store.ts';
import type { NewsScopeOption } from './scopes.ts';
import { parseWeek } from './week.ts';
import type { Checked } from '../result.ts';
import { checkText } from '../text.ts';

export interface NewsInput {
  scope: string;
  kind: string;
  title: string;
  body: string;
  week: string;
}

/** A file the form carried (the route reads it; the domain never sees the request). */
export interface UploadedFile {
  filename: string;
  bytes: Uint8Array;
}

export interface NewsValues {
  kind: NewsKind;
  title: string;
  body: string;
  week: string | null;
  attachment: { filename: string; content: Buffer; sha256: string } | null;
}

export type NewsField = keyof NewsInput | 'file';
export type NewsErrors = Partial<
  Record<NewsField, 'required' | 'too_long' | 'week' | 'body_or_file' | 'not_pdf' | 'too_large' | 'empty'>
>;

export const TITLE_MAX = 200;
export const NEWS_BODY_MAX = 8000;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** A PDF by its bytes (starts with %PDF-), not by what the browser claims it is. */
function checkPdf(file: UploadedFile): NewsErrors['file'] | null {
  if (file.bytes.byteLength === 0) return 'empty';
  if (file.bytes.byteLength > ATTACHMENT_MAX_BYTES) return 'too_large';
  return Buffer.from(file.bytes.buffer, file.bytes.byteOffset, Math.min(5, file.bytes.byteLength)).toString(
    'latin1',
  ) === '%PDF-'
    ? null
    : 'not_pdf';
}

/** Checks the form. A text-only post needs a body; a weekly plan needs its week. */
export function parseNews(input: NewsInput, file: UploadedFile | null, today: string): Checked<NewsValues, NewsErrors> {
  const errors: NewsErrors = {};
  const kind: NewsKind = input.kind === 'weekly_plan' ? 'weekly_plan' : 'news';
  const checkedTitle = checkText(input.title, { max: TITLE_MAX, required: true });
  const checkedBody = checkText(input.body, { max: NEWS_BODY_MAX });
  const title = checkedTitle.text;
  const body = checkedBody.text;
  if (input.scope === '') errors.scope = 'required';
  if (checkedTitle.error) errors.title = checkedTitle.error === 'too_long' ? 'too_long' : 'required';
  if (checkedBody.error) errors.body = 'too_long';
  else if (!body && !file) errors.body = 'body_or_file';
  const week = kind === 'weekly_plan' ? parseWeek(input.week, today) : null;
  if (kind === 'weekly_plan' && !week) errors.week = input.week.trim() ? 'week' : 'required';
  const fileError = file ? checkPdf(file) : null;
  if (fileError) errors.file = fileError;
  if (Object.keys(errors).length) return { ok: false, errors };
  const attachment = file
    ? {
        filename: safeFilename(file.filename, 'vedlegg.pdf'),
        content: Buffer.from(file.bytes),
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
      }
    : null;
  return { ok: true, values: { kind, title, body, week, attachment } };
}

/**
 * G15: publishes a post. In one transaction: the post, its PDF, one outbox row per guardian with access of the
 * scope's pupils (category 'news': e-mail by default, SMS only if the guardian chose it), the audit row. The outbox
 * rows come from the same set-based audience query as broadcasts; each links to the news of one of the guardian's
 * children in the scope.
 */
export async function publishNews(
  db: Db,
  actor: Actor,
  scope: NewsScopeOption,
  values: NewsValues,
  today: string,
  now: Date,
): Promise<{ id: number; notified: number }> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('news_post')
      .values({
        kind: values.kind,
        school_id: scope.schoolId,
        scope: scope.scope,
        class_id: scope.classId,
        sfo_id: scope.sfoId,
        kindergarten_id: scope.kindergartenId,
        kindergarten_department_id: scope.departmentId,
        title: values.title,
        body: values.body,
        week: values.week,
        author_id: actor.personId,
        published_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (values.attachment) {
      const { filename, content, sha256 } = values.attachment;
      await trx
        .insertInto('news_attachment')
        .values({
          news_post_id: id,
          filename,
          content_type: 'application/pdf',
          size_bytes: content.byteLength,
          sha256,
          content,
          created_at: now,
        })
        .execute();
    }
    const result = await trx
      .insertInto('outbox')
      .columns([
        'recipient_person_id',
        'category',
        'event_type',
        'school_id',
        'pupil_id',
        'payload',
        'idempotency_key',
        'created_at',
      ])
      .expression(
        trx
          .selectFrom(scopeGuardians(trx, scope, today).as('a'))
          .select([
            'a.guardian_id',
            sql<string>`'news'`.as('category'),
            sql<string>`'news.published'`.as('event_type'),
            sql<number | null>`${scope.schoolId}::bigint`.as('school_id'),
            'a.first_pupil_id',
            sql<string>`jsonb_build_object('postId', ${id}::bigint, 'kind', ${values.kind}::text, 'title', ${values.title}::text, 'week', ${values.week}::text, 'scopeName', ${scope.name}::text, 'kindergarten', ${scope.kindergartenId !== null}::boolean)`.as(
              'payload',
            ),
            sql<string>`'news:' || ${id}::bigint || ':' || a.guardian_id`.as('idempotency_key'),
            sql<Date>`${now}::timestamptz`.as('created_at'),
          ]),
      )
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .executeTakeFirst();
    const notified = Number(result.numInsertedOrUpdatedRows ?? 0n);
    await recordAudit(
      trx,
      {
        actor,
        role: scope.role,
        action: 'news.publish',
        record: { type: 'news_post', id },
        details: {
          scope: scope.scope,
          kind: values.kind,
          week: values.week,
          attachment: values.attachment?.sha256 ?? null,
          notified,
        },
      },
      now,
    );
    return { id, notified };
  });
}

/**
 * The guardians a post notifies: for a school's scope the broadcast audience's; for a kindergarten or a department,
 * the guardians with access of the children with a place there today (the same columns: guardian_id, pupil_ids,
 * first_pupil_id).
 */
function scopeGuardians(db: Db, scope: NewsScopeOption, today: string) {
  if (scope.kindergartenId === null)
    return audienceGuardians(
      db,
      {
        kind: scope.scope as 'school' | 'class' | 'sfo',
        id: scope.classId ?? scope.sfoId ?? scope.schoolId!,
        trinn: null,
      },
      today,
    );
  const children = db
    .selectFrom('kindergarten_enrolment as ke')
    .innerJoin('kindergarten_department as d', 'd.id', 'ke.department_id')
    .select('ke.child_id')
    .where(activeOn('ke', today))
    .where(scope.departmentId !== null ? 'd.id' : 'd.kindergarten_id', '=', scope.departmentId ?? scope.kindergartenId);
  return db
    .selectFrom('guardian_relation as g')
    .select([
      'g.guardian_id',
      sql<number[]>`array_agg(g.pupil_id order by g.pupil_id)`.as('pupil_ids'),
      sql<number>`min(g.pupil_id)`.as('first_pupil_id'),
    ])
    .where('g.pupil_id', 'in', children)
    .where('g.parental_responsibility', '=', true)
    .where('g.blocked', '=', false)
    .where('g.contact_person_only', '=', false)
    .groupBy('g.guardian_id');
}

/** Takes a post down (soft delete, audited): guardians no longer see it or its attachment. */
export async function deleteNews(db: Db, actor: Actor, post: { id: number; role: string }, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('news_post')
      .set({ deleted_at: now, deleted_by: actor.personId })
      .where('id', '=', post.id)
      .where('deleted_at', 'is', null)
      .execute();
    await recordAudit(
      trx,
      { actor, role: post.role, action: 'news.delete', record: { type: 'news_post', id: post.id } },
      now,
    );
  });
}
