import type { StaffRole } from '../schema.ts';
import {
  addPerson,
  claimLocalPart,
  randomAddress,
  randomDate,
  randomMobile,
  type Address,
  type Context,
} from './context.ts';
import { FAMILY_NAMES, MAN_NAMES, STREET_NAMES, WOMAN_NAMES, slug } from './names.ts';
import { add } from './plan.ts';
import type { OwnerSpec, SchoolSpec } from './spec.ts';

/** What the family generator needs to know about the organisation it fills with pupils. */
export interface OwnerBuild {
  spec: OwnerSpec;
  municipality: number;
  schoolYear: number;
  schools: SchoolBuild[];
}

export interface SchoolBuild {
  spec: SchoolSpec;
  owner: OwnerBuild;
  index: number;
  classes: ClassBuild[];
  electives: number[];
  choir: number | null;
  sfo: number | null;
}

export interface ClassBuild {
  index: number;
  name: string;
  trinn: number;
  groups: number[];
  /** How many pupils the class gets. */
  size: number;
}

const ELECTIVES = {
  nb: [
    'Valgfag programmering',
    'Valgfag friluftsliv',
    'Valgfag sal og scene',
    'Valgfag fysisk aktivitet og helse',
    'Valgfag design og redesign',
  ],
  nn: [
    'Valfag friluftsliv',
    'Valfag programmering',
    'Valfag sal og scene',
    'Valfag fysisk aktivitet og helse',
    'Valfag design og redesign',
  ],
};
const TITLES = {
  nb: { contact_teacher: 'Kontaktlærer', teacher: 'Lærer', sfo_leader: 'SFO-leder', sfo_staff: 'Assistent' },
  nn: { contact_teacher: 'Kontaktlærar', teacher: 'Lærar', sfo_leader: 'SFO-leiar', sfo_staff: 'Assistent' },
};

/** Adds a staff person (Feide id and work e-mail in the owner's realm) with contact info. */
export function addStaffPerson(
  ctx: Context,
  realm: string,
  given: string,
  family: string,
  birthDate: string,
  address: Address,
): number {
  const local = claimLocalPart(ctx, realm, given, family);
  const person = addPerson(ctx, { given, family, birthDate, feideId: `feide:${local}@${realm}`, address });
  add(ctx.plan.contactInfos, {
    person,
    email: `${local}@${realm}`,
    mobile: randomMobile(ctx),
    phone: null,
    sms_enabled: true,
    verified_at: null,
  });
  return person;
}

/** Municipality, school year, schools, SFOs, classes, groups and staff of one owner. */
export function buildOwner(ctx: Context, spec: OwnerSpec, fixedStaff: ReadonlyMap<string, number>): OwnerBuild {
  const { plan, year } = ctx;
  const municipality = add(plan.municipalities, {
    name: spec.name,
    org_number: spec.orgNumber,
    kind: spec.kind,
    leave_limit_days: spec.leaveLimitDays,
  });
  const schoolYear = add(plan.schoolYears, {
    municipality,
    name: year.name,
    starts_on: year.startsOn,
    ends_on: year.endsOn,
  });
  const owner: OwnerBuild = { spec, municipality, schoolYear, schools: [] };

  const staff = (slot: string): number => fixedStaff.get(slot) ?? randomStaffPerson(ctx, spec);
  if (spec.ownerTitle) {
    const person = staff(`${spec.key}:owner`);
    addMembership(ctx, { person, municipality, school: null, sfo: null, role: 'school_owner', title: spec.ownerTitle });
  }
  for (const schoolSpec of spec.schools)
    owner.schools.push(buildSchool(ctx, owner, schoolSpec, (slot) => staff(`${schoolSpec.key}:${slot}`)));
  return owner;
}

function buildSchool(ctx: Context, owner: OwnerBuild, spec: SchoolSpec, staff: (slot: string) => number): SchoolBuild {
  const { plan, rng } = ctx;
  const domain = owner.spec.kind === 'kommune' ? `${slug(spec.stem)}.${owner.spec.realm}` : owner.spec.realm;
  // Each school's own SMS number (M2M series, +4759000011, +4759000012, …): inbound SMS are routed by it.
  const smsNumber = `+4759${String(11 + plan.schools.length).padStart(6, '0')}`;
  const index = add(plan.schools, {
    municipality: owner.municipality,
    name: spec.name,
    org_number: spec.orgNumber,
    hovudmaal: spec.hovudmaal,
    address_line: `${rng.pick(STREET_NAMES)} ${rng.int(1, 40)}`,
    postal_code: spec.postal.code,
    postal_place: spec.postal.place,
    email: `${owner.spec.kind === 'kommune' ? 'postmottak' : 'post'}@${domain}`,
    phone: `+47 ${rng.int(31, 38)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`,
    sms_number: smsNumber,
  });
  const school: SchoolBuild = { spec, owner, index, classes: [], electives: [], choir: null, sfo: null };
  const where = { school: index, schoolYear: owner.schoolYear };

  for (let trinn = spec.firstTrinn; trinn <= spec.lastTrinn; trinn++) {
    for (let c = 0; c < spec.classesPerTrinn; c++) {
      const name = `${trinn}${String.fromCharCode(65 + c)}`;
      const groups = ['Matematikk', 'Norsk'].map((subject) =>
        add(plan.teachingGroups, { ...where, name: `${name} ${subject}`, subject }),
      );
      const size = rng.int(spec.pupilsPerClass[0], spec.pupilsPerClass[1]);
      school.classes.push({ index: add(plan.classes, { ...where, name, trinn }), name, trinn, groups, size });
    }
  }
  const upper = school.classes.filter((c) => c.trinn >= 8).reduce((sum, c) => sum + c.size, 0);
  if (upper > 0) {
    const electives = ELECTIVES[spec.hovudmaal].slice(0, Math.max(1, Math.round(upper / 100)));
    const subject = spec.hovudmaal === 'nb' ? 'Valgfag' : 'Valfag';
    school.electives = electives.map((name) => add(plan.teachingGroups, { ...where, name, subject }));
  }
  if (spec.firstTrinn <= 7 && spec.lastTrinn >= 4) {
    school.choir = add(plan.compositeGroups, { ...where, name: spec.hovudmaal === 'nb' ? 'Skolekor' : 'Skulekor' });
  }
  if (spec.sfoStaff !== null && spec.firstTrinn <= 4)
    school.sfo = add(plan.sfos, { school: index, name: `${spec.stem} SFO` });

  addSchoolStaff(ctx, school, staff);
  return school;
}

function addSchoolStaff(ctx: Context, school: SchoolBuild, staff: (slot: string) => number): void {
  const { rng, plan } = ctx;
  const { spec } = school;
  const titles = TITLES[spec.hovudmaal];
  const at = { municipality: school.owner.municipality, school: school.index, sfo: null };

  spec.leadershipTitles.forEach((title, i) =>
    addMembership(ctx, { ...at, person: staff(`leadership:${i}`), role: 'leadership', title }),
  );
  for (const cls of school.classes) {
    const person = staff(`contact:${cls.name}`);
    const contact = addMembership(ctx, { ...at, person, role: 'contact_teacher', title: titles.contact_teacher });
    add(plan.staffAssignments, { membership: contact, class: cls.index });
    const teacher = addMembership(ctx, { ...at, person, role: 'teacher', title: titles.teacher });
    for (const group of cls.groups) add(plan.staffAssignments, { membership: teacher, teachingGroup: group });
  }
  const classGroups = school.classes.flatMap((c) => c.groups);
  for (let i = 0; i < spec.extraTeachers; i++) {
    const membership = addMembership(ctx, {
      ...at,
      person: staff(`teacher:${i}`),
      role: 'teacher',
      title: titles.teacher,
    });
    const elective = school.electives[i % Math.max(1, school.electives.length)];
    if (elective !== undefined) add(plan.staffAssignments, { membership, teachingGroup: elective });
    if (i === 0 && school.choir !== null) add(plan.staffAssignments, { membership, compositeGroup: school.choir });
    for (const group of rng.sample(classGroups, rng.int(2, 4)))
      add(plan.staffAssignments, { membership, teachingGroup: group });
  }
  if (school.sfo !== null) {
    const sfo = { ...at, sfo: school.sfo };
    addMembership(ctx, { ...sfo, person: staff('sfo_leader:0'), role: 'sfo_leader', title: titles.sfo_leader });
    for (let i = 0; i < (spec.sfoStaff ?? 0); i++) {
      addMembership(ctx, { ...sfo, person: staff(`sfo_staff:${i}`), role: 'sfo_staff', title: titles.sfo_staff });
    }
  }
}

interface Membership {
  person: number;
  municipality: number;
  school: number | null;
  sfo: number | null;
  role: StaffRole;
  title: string;
}

function addMembership(ctx: Context, m: Membership): number {
  const started = `${ctx.year.startYear - ctx.rng.int(0, 15)}-08-01`;
  return add(ctx.plan.staffMemberships, { ...m, starts_on: started, ends_on: null });
}

function randomStaffPerson(ctx: Context, owner: OwnerSpec): number {
  const { rng } = ctx;
  const woman = rng.chance(0.7);
  const given = rng.pick(woman ? WOMAN_NAMES : MAN_NAMES);
  const family = rng.pick(FAMILY_NAMES);
  return addStaffPerson(
    ctx,
    owner.realm,
    given,
    family,
    randomDate(ctx, 1962, 1998),
    randomAddress(ctx, owner.postalPlaces),
  );
}
