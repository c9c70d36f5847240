import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LoginProvider } from '../../src/db/schema.ts';
import type { DemoLoginKey } from '../../src/db/seed/seed.ts';
import { loadActor } from '../../src/domain/access/actor.ts';
import { canUseStaffView, decidesUnder } from '../../src/domain/access/policy.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

// Issue 14: who gets the staff pages (and on a phone "Skolebro – Ansatt"), and whose mobile "I dag" counts the
// applications waiting for a decision.
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);

// who, via, staff view, decides applications
const rows: [DemoLoginKey, LoginProvider, boolean, boolean][] = [
  ['leadership', 'feide', true, true],
  ['leadership', 'idporten', false, false],
  ['sfo-leader', 'feide', true, true],
  ['sfo-staff', 'feide', true, false],
  ['contact-teacher', 'feide', true, false],
  ['teacher', 'feide', true, false],
  ['kindergarten-staff', 'feide', true, false],
  ['school-owner', 'feide', true, false],
  ['guardian', 'idporten', false, false],
  ['pupil', 'feide', false, false],
];

for (const [key, via, staffView, decides] of rows) {
  test(`${key} via ${via}: staff view ${staffView}, decides applications ${decides}`, async () => {
    const actor = (await loadActor(db, await loginPersonId(db, key), via, TODAY))!;
    assert.equal(canUseStaffView(actor), staffView);
    assert.equal(decidesUnder(actor, 'school_leadership') || decidesUnder(actor, 'sfo_leader'), decides);
  });
}
