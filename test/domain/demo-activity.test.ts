import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemoActivity } from '../../src/db/seed/activity.ts';
import { seedDatabase } from '../../src/db/seed/seed.ts';
import { createTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

test('the demo has a notice, a news post and a message thread to look at, each with its notifications', async () => {
  const db = await createTestDb();
  const now = new Date('2026-11-25T09:00:00+01:00');
  await seedDatabase(db, { size: 'demo', today: '2026-11-25' });
  await seedDemoActivity(db, now);
  const marius = await loginPersonId(db, 'contact-teacher');
  const kari = await loginPersonId(db, 'guardian');

  const notice = await db
    .selectFrom('broadcast')
    .select(['id', 'subject'])
    .where('sender_id', '=', marius)
    .executeTakeFirstOrThrow();
  assert.equal(notice.subject, 'Turdag i skogen fredag');
  const copies = await db
    .selectFrom('broadcast_recipient')
    .select('guardian_id')
    .where('broadcast_id', '=', notice.id)
    .execute();
  assert.ok(copies.length >= 10, "the class's guardians got it");

  const news = await db.selectFrom('news_post').select('title').where('school_id', 'is not', null).execute();
  assert.deepEqual(
    news.map((n) => n.title),
    ['Velkommen til foreldremøte'],
  );

  const thread = await db
    .selectFrom('message_thread as t')
    .innerJoin('person as p', 'p.id', 't.pupil_id')
    .select(['t.id', 't.subject', 'p.given_name'])
    .executeTakeFirstOrThrow();
  assert.deepEqual([thread.subject, thread.given_name], ['Lesebok som er borte', 'Sofie']);
  const messages = await db
    .selectFrom('message')
    .select(['author_id', 'body'])
    .where('thread_id', '=', thread.id)
    .orderBy('id')
    .execute();
  assert.equal(messages.length, 2);
  assert.equal(messages[1]!.author_id, kari, 'Kari answered');
  const toKari = await db
    .selectFrom('outbox')
    .select('event_type')
    .where('recipient_person_id', '=', kari)
    .where('event_type', '=', 'message.new')
    .execute();
  assert.equal(toKari.length, 1, "Kari was told about the teacher's message, not about her own reply");
  const toTeacher = await db
    .selectFrom('outbox')
    .select('id')
    .where('recipient_person_id', '=', messages[0]!.author_id!)
    .where('event_type', '=', 'message.new')
    .execute();
  assert.equal(toTeacher.length, 1, "the teacher was told about Kari's reply");
  const newsNotices = await db.selectFrom('outbox').select('id').where('event_type', '=', 'news.published').execute();
  assert.ok(newsNotices.length >= 10, "the class's guardians were told about the news");
});
