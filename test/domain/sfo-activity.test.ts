import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedSfoActivity } from '../../src/db/seed/sfo-activity.ts';
import { seedDatabase } from '../../src/db/seed/seed.ts';
import { loadActor } from '../../src/domain/access/actor.ts';
import { listApplicationQueue } from '../../src/domain/applications/queue.ts';
import { createTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

test('the demo has SFO applications of each kind: one waiting for Kari to confirm, the rest in the SFO leader’s queue', async () => {
  const db = await createTestDb();
  const now = new Date('2026-11-25T09:00:00+01:00');
  await seedDatabase(db, { size: 'demo', today: '2026-11-25' });
  const ids = await seedSfoActivity(db, now);
  assert.equal(ids.length, 4);
  const apps = await db
    .selectFrom('application as a')
    .innerJoin('sfo_application as x', 'x.application_id', 'a.id')
    .innerJoin('person as p', 'p.id', 'a.pupil_id')
    .select(['a.id', 'a.kind', 'a.status', 'p.given_name', 'x.from_date', 'x.shared_invoice'])
    .orderBy('a.id')
    .execute();
  assert.deepEqual(
    apps.map((a) => [a.kind, a.status]),
    [
      ['sfo_place', 'awaiting_guardians'],
      ['sfo_place', 'submitted'],
      ['sfo_change', 'submitted'],
      ['sfo_termination', 'submitted'],
    ],
  );
  assert.equal(apps[0]!.given_name, 'Jonas');
  assert.equal(apps[0]!.shared_invoice, true, 'Anders asks to share the invoice');
  assert.deepEqual(
    apps.map((a) => a.from_date),
    ['2026-12-01', '2026-12-01', '2026-12-01', '2027-01-01'],
  );

  const kari = await loginPersonId(db, 'guardian');
  const asked = await db
    .selectFrom('application_confirmation')
    .select(['guardian_id', 'answer'])
    .where('application_id', '=', apps[0]!.id)
    .execute();
  assert.deepEqual(asked, [{ guardian_id: kari, answer: null }]);
  const notified = await db
    .selectFrom('outbox')
    .select('event_type')
    .where('recipient_person_id', '=', kari)
    .where('event_type', '=', 'sfo_place.confirmation_requested')
    .execute();
  assert.equal(notified.length, 1, 'Kari is told');

  const berit = (await loadActor(db, await loginPersonId(db, 'sfo-leader'), 'feide', '2026-11-25'))!;
  const queue = await listApplicationQueue(db, berit, {}, '2026-11-25');
  assert.deepEqual(queue.items.map((i) => i.kind).sort(), ['sfo_change', 'sfo_place', 'sfo_termination']);
});
