import type { AddressProtection } from '../schema.ts';
import { addDays, type SchoolYearDates } from './calendar.ts';
import { STREET_NAMES, slug, type PostalPlace } from './names.ts';
import { add, emptyPlan, IdentityNumbers, LocalParts, type Plan } from './plan.ts';
import { Random } from './random.ts';

/** Everything the generators share while building one plan. */
export interface Context {
  plan: Plan;
  rng: Random;
  today: string;
  year: SchoolYearDates;
  identityNumbers: IdentityNumbers;
  /** Local parts per e-mail/Feide domain. */
  domains: Map<string, LocalParts>;
  mobiles: Set<string>;
}

export function createContext(seed: number, today: string, year: SchoolYearDates): Context {
  return {
    plan: emptyPlan(),
    rng: new Random(seed),
    today,
    year,
    identityNumbers: new IdentityNumbers(),
    domains: new Map(),
    mobiles: new Set(),
  };
}

export interface Address {
  line: string;
  postal: PostalPlace;
}

export function randomAddress(ctx: Context, places: readonly PostalPlace[]): Address {
  const { rng } = ctx;
  const letter = rng.chance(0.15) ? rng.pick(['A', 'B', 'C']) : '';
  return { line: `${rng.pick(STREET_NAMES)} ${rng.int(1, 120)}${letter}`, postal: rng.pick(places) };
}

export function randomDate(ctx: Context, fromYear: number, toYear: number): string {
  const start = `${fromYear}-01-01`;
  const days = Math.round((Date.UTC(toYear + 1, 0, 1) - Date.UTC(fromYear, 0, 1)) / 86_400_000);
  return addDays(start, ctx.rng.int(0, days - 1));
}

/** A unique Norwegian mobile number matching ^\+47[49][0-9]{7}$. */
export function randomMobile(ctx: Context): string {
  for (;;) {
    const mobile = `+47${ctx.rng.pick(['4', '9'])}${String(ctx.rng.int(0, 9_999_999)).padStart(7, '0')}`;
    if (!ctx.mobiles.has(mobile)) {
      ctx.mobiles.add(mobile);
      return mobile;
    }
  }
}

/** Claims `<given>.<family>` (or a numbered variant) in a domain. */
export function claimLocalPart(ctx: Context, domain: string, given: string, family: string, numbered = false): string {
  let parts = ctx.domains.get(domain);
  if (!parts) ctx.domains.set(domain, (parts = new LocalParts()));
  const base = `${slug(given)}.${slug(family)}`;
  return numbered ? parts.claimNumbered(base) : parts.claim(base);
}

export interface NewPerson {
  given: string;
  family: string;
  birthDate: string;
  feideId?: string | null;
  address?: Address | null;
  protection?: AddressProtection;
}

/** Adds a person with a fresh synthetic fødselsnummer; returns its plan index. */
export function addPerson(ctx: Context, person: NewPerson): number {
  return add(ctx.plan.persons, {
    fodselsnummer: ctx.identityNumbers.next(person.birthDate),
    feide_id: person.feideId ?? null,
    given_name: person.given,
    family_name: person.family,
    address_line: person.address?.line ?? null,
    postal_code: person.address?.postal.code ?? null,
    postal_place: person.address?.postal.place ?? null,
    address_protection: person.protection ?? 'none',
  });
}

/** Moves a person (already in the plan) to an address. */
export function setAddress(ctx: Context, person: number, address: Address, protection: AddressProtection): void {
  const row = ctx.plan.persons[person];
  if (!row) throw new Error(`No person ${person} in the plan`);
  row.address_line = address.line;
  row.postal_code = address.postal.code;
  row.postal_place = address.postal.place;
  row.address_protection = protection;
}
