import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { recordAudit } from '../../src/domain/audit.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

// D9 (issue 16, item 5): audit rows are written and never changed — the database refuses, whoever asks.
const db = await createDemoTestDb('2026-11-25');
const rektor = await loginPersonId(db, 'leadership');

test('an audit row is written, and can be neither changed, deleted nor truncated away', async () => {
  await recordAudit(db, {
    actor: { personId: rektor, via: 'feide' },
    role: 'leadership',
    action: 'pupil_card.view',
    subjectPersonId: rektor,
    record: { type: 'person', id: rektor },
  });
  const row = await db
    .selectFrom('audit_log')
    .select(['id', 'action'])
    .where('actor_person_id', '=', rektor)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  assert.equal(row.action, 'pupil_card.view');
  const refused = /audit_log is append-only/;
  await assert.rejects(
    db.updateTable('audit_log').set({ reason: 'covered up' }).where('id', '=', row.id).execute(),
    refused,
  );
  await assert.rejects(db.deleteFrom('audit_log').where('id', '=', row.id).execute(), refused);
  await assert.rejects(sql`truncate audit_log`.execute(db), refused);
  const after = await db
    .selectFrom('audit_log')
    .select(['action', 'reason'])
    .where('id', '=', row.id)
    .executeTakeFirst();
  assert.deepEqual(after, { action: 'pupil_card.view', reason: null }, 'the row is as written');
});
