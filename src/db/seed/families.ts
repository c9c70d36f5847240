import { addDays } from './calendar.ts';
import {
  addPerson,
  claimLocalPart,
  randomAddress,
  randomDate,
  randomMobile,
  setAddress,
  type Address,
  type Context,
} from './context.ts';
import type { FixedFamily } from './demo.ts';
import { BOY_NAMES, DEMO_POSTAL_PLACES, FAMILY_NAMES, GIRL_NAMES, MAN_NAMES, WOMAN_NAMES } from './names.ts';
import type { OwnerBuild } from './organisation.ts';
import { add } from './plan.ts';
import { birthYear, type Adult, type Family, type Slot } from './pupils.ts';

const GUARDIAN_EMAIL_DOMAIN = 'epost.example';

/** E-mail, mobile and SMS choice of a guardian, as if from KRR. */
export function addGuardianContact(ctx: Context, person: number, given: string, family: string, fixed = false): void {
  const { rng } = ctx;
  const email = `${claimLocalPart(ctx, GUARDIAN_EMAIL_DOMAIN, given, family)}@${GUARDIAN_EMAIL_DOMAIN}`;
  const verifiedDaysAgo = fixed ? 30 : rng.chance(0.9) ? rng.int(1, 900) : null;
  add(ctx.plan.contactInfos, {
    person,
    email,
    mobile: randomMobile(ctx),
    phone: null,
    sms_enabled: fixed || !rng.chance(0.05),
    verified_at: verifiedDaysAgo === null ? null : new Date(`${addDays(ctx.today, -verifiedDaysAgo)}T10:00:00Z`),
  });
}

/** Puts the fixed demo families' children into their classes. `guardians[i][j]` is the plan index of guardian j of family i. */
export function placeFixedFamilies(
  ctx: Context,
  fixed: readonly FixedFamily[],
  guardians: number[][],
  slots: Slot[],
): Family[] {
  return fixed.map((spec, i) => {
    const postal = DEMO_POSTAL_PLACES.find((p) => p.place === spec.place) ?? DEMO_POSTAL_PLACES[0]!;
    const family: Family = {
      familyName: spec.familyName,
      address: randomAddress(ctx, [postal]),
      protection: 'none',
      children: [],
      adults: [],
      fixed: true,
    };
    family.adults = spec.guardians.map((g, j) => ({
      given: g.given,
      family: g.family,
      birthDate: g.birthDate,
      relation: g.relation as Adult['relation'],
      parental: true,
      blocked: g.blocked ?? false,
      elsewhere: g.livesElsewhere ? randomAddress(ctx, DEMO_POSTAL_PLACES) : null,
      person: guardians[i]?.[j] ?? null,
    }));
    for (const child of spec.children) {
      const slot = slots.find((s) => !s.family && s.school.spec.key === child.school && s.cls.name === child.className);
      if (!slot)
        throw new Error(`No free place for the demo child ${child.given} in ${child.school} ${child.className}`);
      Object.assign(slot, {
        family,
        given: child.given,
        girl: child.girl,
        left: child.left ?? false,
        login: child.login,
        birthDate: `${birthYear(ctx, slot.cls.trinn)}-${child.birthday}`,
      });
      family.children.push(slot);
    }
    return family;
  });
}

/** Groups the owner's free slots into families: siblings at the same school on different trinn. */
export function buildRandomFamilies(ctx: Context, owner: OwnerBuild, slots: Slot[]): Family[] {
  const { rng } = ctx;
  const families: Family[] = [];
  for (const school of owner.schools) {
    const free = rng.shuffle(slots.filter((s) => s.school === school && !s.family));
    const byTrinn = new Map<number, Slot[]>();
    for (const slot of free) {
      const list = byTrinn.get(slot.cls.trinn);
      if (list) list.push(slot);
      else byTrinn.set(slot.cls.trinn, [slot]);
    }
    const nextFree = (trinn: number): Slot | undefined => {
      const list = byTrinn.get(trinn) ?? [];
      while (list.length > 0 && list[list.length - 1]!.family) list.pop();
      return list[list.length - 1];
    };
    for (const slot of free) {
      if (slot.family) continue;
      const roll = rng.next();
      const children = [slot];
      for (let extra = roll < 0.05 ? 2 : roll < 0.3 ? 1 : 0; extra > 0; extra--) {
        const trinns = [...byTrinn.keys()].filter((t) => !children.some((c) => c.cls.trinn === t) && nextFree(t));
        if (trinns.length === 0) break;
        children.push(nextFree(rng.pick(trinns))!);
      }
      families.push(randomFamily(ctx, owner, children));
    }
  }
  return families;
}

function randomFamily(ctx: Context, owner: OwnerBuild, children: Slot[]): Family {
  const { rng } = ctx;
  const familyName = rng.pick(FAMILY_NAMES);
  const school = children[0]!.school;
  const places = rng.chance(0.7) ? [school.spec.postal] : owner.spec.postalPlaces;
  const family: Family = {
    familyName,
    address: randomAddress(ctx, places),
    protection: 'none',
    children,
    adults: [],
    fixed: false,
  };

  const years = children.map((c) => birthYear(ctx, c.cls.trinn));
  const clamp = (y: number) => Math.min(1995, Math.max(1975, y));
  const parentBirth = () => randomDate(ctx, clamp(Math.max(...years) - 45), clamp(Math.min(...years) - 20));
  const adult = (woman: boolean, relation: Adult['relation'], family: string, parental = true): Adult => ({
    given: rng.pick(woman ? WOMAN_NAMES : MAN_NAMES),
    family,
    birthDate: parentBirth(),
    relation,
    parental,
    blocked: false,
    elsewhere: null,
    person: null,
  });
  const otherName = () => (rng.chance(0.4) ? rng.pick(FAMILY_NAMES) : familyName);

  if (rng.chance(0.15)) {
    family.adults.push(rng.chance(0.7) ? adult(true, 'mor', familyName) : adult(false, 'far', familyName));
  } else if (rng.chance(0.04)) {
    family.adults.push(adult(true, 'mor', familyName), adult(true, 'medmor', otherName()));
  } else {
    family.adults.push(adult(true, 'mor', otherName()), adult(false, 'far', familyName));
    if (rng.chance(0.03)) rng.pick(family.adults).elsewhere = randomAddress(ctx, owner.spec.postalPlaces);
  }
  // A few adults who are contact persons only: a stepfather at home, or someone else (aunt, grandparent).
  const singleMother = family.adults.length === 1 && family.adults[0]!.relation === 'mor';
  if (singleMother && rng.chance(0.2)) {
    family.adults.push(adult(false, 'stefar', rng.pick(FAMILY_NAMES), false));
  } else if (rng.chance(0.02)) {
    const other = adult(rng.chance(0.5), 'annet', rng.pick(FAMILY_NAMES), false);
    other.elsewhere = randomAddress(ctx, owner.spec.postalPlaces);
    family.adults.push(other);
  }
  for (const child of children) {
    child.family = family;
    child.girl = rng.chance(0.5);
    do child.given = rng.pick(child.girl ? GIRL_NAMES : BOY_NAMES);
    while (children.some((c) => c !== child && c.given === child.given));
    child.birthDate = randomDate(ctx, birthYear(ctx, child.cls.trinn), birthYear(ctx, child.cls.trinn));
  }
  return family;
}

/** Protected addresses and blocked guardians, in plain mor+far families with one child. */
export function applySpecialCases(ctx: Context, owner: OwnerBuild, families: Family[]): void {
  const { blocked, fortrolig, strengtFortrolig } = owner.spec.special;
  const plain = (f: Family) =>
    !f.fixed &&
    f.children.length === 1 &&
    f.adults.length === 2 &&
    f.adults.every((a) => a.parental && !a.elsewhere) &&
    f.adults.some((a) => a.relation === 'far');
  const candidates = ctx.rng.shuffle(families.filter(plain));
  const take = (): Family => {
    const family = candidates.pop();
    if (!family) throw new Error(`Too few families in ${owner.spec.name} for the special cases`);
    return family;
  };
  const block = (family: Family): void => {
    const far = family.adults.find((a) => a.relation === 'far')!;
    far.blocked = true;
    far.elsewhere = randomAddress(ctx, owner.spec.postalPlaces);
  };
  for (let i = 0; i < strengtFortrolig; i++) {
    const family = take();
    family.protection = 'strengt_fortrolig';
    if (i === 0) block(family);
  }
  for (let i = 0; i < fortrolig; i++) take().protection = 'fortrolig';
  for (let i = strengtFortrolig > 0 ? 1 : 0; i < blocked; i++) block(take());
}

/** Guardian persons (new ones), their addresses and contact info, and the guardian relations. */
export function emitFamilies(ctx: Context, families: Family[]): void {
  for (const family of families) {
    for (const adult of family.adults) {
      const address: Address = adult.elsewhere ?? family.address;
      const protection = adult.elsewhere ? 'none' : family.protection;
      if (adult.person === null) {
        adult.person = addPerson(ctx, {
          given: adult.given,
          family: adult.family,
          birthDate: adult.birthDate,
          address,
          protection,
        });
        addGuardianContact(ctx, adult.person, adult.given, adult.family);
      } else {
        setAddress(ctx, adult.person, address, protection);
      }
      for (const child of family.children) {
        add(ctx.plan.guardianRelations, {
          pupil: child.person,
          guardian: adult.person,
          relation: adult.relation,
          parental_responsibility: adult.parental,
          blocked: adult.blocked,
          contact_person_only: !adult.parental,
          // As the Folkeregisteret import would have it (src/domain/freg): parents and holders of foreldreansvar.
          lives_with_child: !adult.elsewhere,
          from_register: adult.parental || ['mor', 'far', 'medmor'].includes(adult.relation),
        });
      }
    }
  }
}
