import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedCareActivity } from '../../src/db/seed/care-activity.ts';
import { seedDatabase } from '../../src/db/seed/seed.ts';
import { loadCareUnits } from '../../src/domain/access/care-scope.ts';
import { loadCareStatistics } from '../../src/domain/care/statistics.ts';
import { createTestDb } from '../support/db.ts';

test('the demo activity gives four weeks of check-ins near the plans, some ill days, and statistics with numbers', async () => {
  const db = await createTestDb();
  const now = new Date('2026-11-25T09:00:00+01:00');
  await seedDatabase(db, { size: 'demo', today: '2026-11-25' });
  await seedCareActivity(db, now);
  const kg = await db.selectFrom('kindergarten').select('id').executeTakeFirstOrThrow();
  const days = await db
    .selectFrom('care_day')
    .select(['on_date', 'checked_in_at', 'checked_out_at', 'sfo_id', 'kindergarten_id', 'picked_up_by'])
    .execute();
  assert.ok(days.some((d) => d.kindergarten_id === kg.id));
  assert.ok(
    days.some((d) => d.sfo_id !== null),
    'SFO children too',
  );
  assert.ok(
    days.every((d) => d.on_date >= '2026-10-28' && d.on_date <= '2026-11-24'),
    'the four weeks before today',
  );
  assert.ok(days.every((d) => d.checked_in_at! < d.checked_out_at!));
  const ill = await db.selectFrom('care_day_change').select('child_id').where('kind', '=', 'absent').execute();
  assert.ok(ill.length > 0, 'some were ill');
  const before = days.length;
  await seedCareActivity(db, now);
  assert.equal(
    (await db.selectFrom('care_day').select('child_id').execute()).length,
    before,
    'run twice: nothing more',
  );
  const unit = (await loadCareUnits(db, [{ kind: 'kindergarten', id: kg.id }])).get(`kindergarten:${kg.id}`)!;
  const stats = await loadCareStatistics(db, unit, { from: '2026-11-01', to: '2026-11-30' }, '2026-11-25', {
    withChildren: true,
  });
  assert.ok(stats.total.came > 100, `came: ${stats.total.came}`);
  assert.ok(stats.total.absent > 0);
  const ratio = stats.total.actualHours / stats.total.plannedHours;
  assert.ok(ratio > 0.7 && ratio < 1, `actual against planned: ${ratio}`);
  assert.ok(
    stats.children.some((c) => c.ratio !== null && c.ratio < 0.85),
    'some children use far less than their place',
  );
});
