import type { Db } from '../database.ts';
import { schoolYearFor, todayIso } from './calendar.ts';
import { addPerson, createContext, randomAddress, type Context } from './context.ts';
import { FIXED_FAMILIES, FIXED_STAFF } from './demo.ts';
import {
  addGuardianContact,
  applySpecialCases,
  buildRandomFamilies,
  emitFamilies,
  placeFixedFamilies,
} from './families.ts';
import { DEMO_POSTAL_PLACES } from './names.ts';
import { addStaffPerson, buildOwner } from './organisation.ts';
import type { Plan } from './plan.ts';
import { createSlots, emitPupils } from './pupils.ts';
import { ownersFor, type SeedSize } from './spec.ts';
import { writePlan } from './write.ts';
import { seedDocuments } from './documents.ts';
import { seedConsentTypes } from './consents.ts';
import { seedSkolerute } from './skolerute.ts';
import { seedKrr } from './krr.ts';
import { seedSfo } from './sfo.ts';
import { seedCare } from './care.ts';

export { DEMO_LOGINS, type DemoLogin, type DemoLoginKey } from './demo.ts';
export type { SeedSize } from './spec.ts';

/** Same seed → same rows in the same order → same ids. */
const PRNG_SEED = 20_260_817;

export interface SeedSummary {
  municipalities: number;
  schools: number;
  classes: number;
  pupils: number;
  guardians: number;
  staff: number;
}

/** True when no school owner exists yet (a fresh database). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('municipality').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Fills an empty database with a fictional municipality ("Demo kommune") and a private school owner
 * ("Stiftelsen Nordlys"): schools, classes, groups, SFO, pupils, families and staff. Deterministic for a
 * given size and `today` (YYYY-MM-DD, default the current date, which picks the school year).
 * Everything is written in one transaction.
 */
export async function seedDatabase(db: Db, options: { size: SeedSize; today?: string }): Promise<SeedSummary> {
  const plan = buildSeedPlan(options.size, options.today ?? todayIso());
  await db.transaction().execute(async (trx) => {
    await writePlan(trx, plan);
    await seedDocuments(trx, options.today ?? todayIso());
    await seedConsentTypes(trx, options.size);
    await seedSkolerute(trx, options.today ?? todayIso());
    await seedKrr(trx, options.today ?? todayIso());
    await seedSfo(trx);
    await seedCare(trx, options.today ?? todayIso());
  });
  return summarise(plan);
}

/** The whole seed, in memory. */
export function buildSeedPlan(size: SeedSize, today: string): Plan {
  const ctx = createContext(PRNG_SEED, today, schoolYearFor(today));
  const owners = ownersFor(size);
  const demoRealm = owners.find((o) => o.key === 'demo')?.realm ?? 'demo-kommune.example';

  // The fixed demo people come first, so their identity numbers and Feide ids never change.
  const fixedStaff = new Map(
    FIXED_STAFF.map((s) => [
      s.slot,
      addStaffPerson(ctx, demoRealm, s.given, s.family, s.birthDate, randomAddress(ctx, DEMO_POSTAL_PLACES)),
    ]),
  );
  const fixedGuardians = FIXED_FAMILIES.map((f) =>
    f.guardians.map((g) => addFixedGuardian(ctx, g.given, g.family, g.birthDate)),
  );

  const built = owners.map((spec) => buildOwner(ctx, spec, fixedStaff));
  const slots = createSlots(built);
  const families = placeFixedFamilies(ctx, FIXED_FAMILIES, fixedGuardians, slots);
  for (const owner of built) {
    const generated = buildRandomFamilies(ctx, owner, slots);
    applySpecialCases(ctx, owner, generated);
    families.push(...generated);
  }
  emitPupils(ctx, slots);
  emitFamilies(ctx, families);
  return ctx.plan;
}

function addFixedGuardian(ctx: Context, given: string, family: string, birthDate: string): number {
  const person = addPerson(ctx, { given, family, birthDate });
  addGuardianContact(ctx, person, given, family, true);
  return person;
}

function summarise(plan: Plan): SeedSummary {
  return {
    municipalities: plan.municipalities.length,
    schools: plan.schools.length,
    classes: plan.classes.length,
    pupils: new Set(plan.enrolments.map((e) => e.pupil)).size,
    guardians: new Set(plan.guardianRelations.map((r) => r.guardian)).size,
    staff: new Set(plan.staffMemberships.map((m) => m.person)).size,
  };
}
