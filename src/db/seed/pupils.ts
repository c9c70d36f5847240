import type { AddressProtection } from '../schema.ts';
import { addDays, daysBetween } from './calendar.ts';
import { addPerson, claimLocalPart, type Address, type Context } from './context.ts';
import type { DemoLoginKey } from './demo.ts';
import type { ClassBuild, OwnerBuild, SchoolBuild } from './organisation.ts';
import { add } from './plan.ts';

/** One place in a class, filled by a child of a family. */
export interface Slot {
  school: SchoolBuild;
  cls: ClassBuild;
  family: Family | null;
  given: string;
  girl: boolean;
  birthDate: string;
  left: boolean;
  login?: DemoLoginKey;
  /** Plan index of the pupil, once emitted. */
  person: number;
}

export interface Adult {
  given: string;
  family: string;
  birthDate: string;
  relation: 'mor' | 'far' | 'medmor' | 'stefar' | 'annet';
  parental: boolean;
  blocked: boolean;
  /** Set when the adult does not live with the children. */
  elsewhere: Address | null;
  /** Plan index (fixed people have one from the start). */
  person: number | null;
}

export interface Family {
  familyName: string;
  address: Address;
  protection: AddressProtection;
  children: Slot[];
  adults: Adult[];
  fixed: boolean;
}

export function birthYear(ctx: Context, trinn: number): number {
  return ctx.year.startYear - 5 - trinn;
}

/** Empty slots for every class of every school, in organisation order. */
export function createSlots(owners: OwnerBuild[]): Slot[] {
  return owners.flatMap((owner) =>
    owner.schools.flatMap((school) =>
      school.classes.flatMap((cls) =>
        Array.from(
          { length: cls.size },
          (): Slot => ({
            school,
            cls,
            family: null,
            given: '',
            girl: false,
            birthDate: '',
            left: false,
            person: -1,
          }),
        ),
      ),
    ),
  );
}

/** Pupils, enrolments, class/elective/choir/SFO memberships, in slot order. */
export function emitPupils(ctx: Context, slots: Slot[]): void {
  const { plan, rng, year } = ctx;
  const leftOn = leftDate(ctx);
  for (const slot of slots) {
    const family = slot.family;
    if (!family) throw new Error(`Slot in ${slot.school.spec.name} ${slot.cls.name} has no family`);
    const realm = slot.school.owner.spec.realm;
    const local = claimLocalPart(ctx, realm, slot.given, family.familyName, true);
    slot.person = addPerson(ctx, {
      given: slot.given,
      family: family.familyName,
      birthDate: slot.birthDate,
      feideId: `feide:${local}@${realm}`,
      address: family.address,
      protection: family.protection,
    });
    add(plan.enrolments, {
      pupil: slot.person,
      school: slot.school.index,
      class: slot.cls.index,
      starts_on: year.startsOn,
      ends_on: slot.left ? leftOn : null,
    });
    if (slot.left) continue;
    for (const group of slot.cls.groups) add(plan.teachingGroupMembers, { group, pupil: slot.person });
    const { electives, sfo } = slot.school;
    if (slot.cls.trinn >= 8 && electives.length > 0 && rng.chance(0.35)) {
      add(plan.teachingGroupMembers, { group: rng.pick(electives), pupil: slot.person });
    }
    if (sfo !== null && slot.cls.trinn <= 4 && rng.chance(0.6)) {
      add(plan.sfoEnrolments, { sfo, pupil: slot.person, starts_on: year.startsOn, ends_on: null });
    }
  }
  addChoirs(ctx, slots);
}

/** ~25 pupils from trinn 4–7 in each school's choir. */
function addChoirs(ctx: Context, slots: Slot[]): void {
  const bySchool = new Map<SchoolBuild, Slot[]>();
  for (const slot of slots) {
    if (slot.school.choir === null || slot.left || slot.cls.trinn < 4 || slot.cls.trinn > 7) continue;
    const list = bySchool.get(slot.school);
    if (list) list.push(slot);
    else bySchool.set(slot.school, [slot]);
  }
  for (const [school, eligible] of bySchool) {
    const size = Math.min(ctx.rng.int(22, 28), Math.floor(eligible.length / 2));
    for (const slot of ctx.rng.sample(eligible, size)) {
      add(ctx.plan.compositeGroupMembers, { group: school.choir!, pupil: slot.person });
    }
  }
}

/** The day the pupil who moved away left: ~2.5 months into the year, but not after yesterday. */
export function leftDate(ctx: Context): string {
  const { startsOn } = ctx.year;
  const planned = addDays(startsOn, 74);
  const yesterday = addDays(ctx.today, -1);
  if (daysBetween(yesterday, planned) <= 0) return planned;
  return daysBetween(startsOn, yesterday) >= 0 ? yesterday : startsOn;
}
