import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Db } from '../../src/db/database.ts';
import type { LoginProvider } from '../../src/db/schema.ts';
import { DEMO_LOGINS, type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { loadActor, type Actor } from '../../src/domain/access/actor.ts';
import {
  canManageSchool,
  canApplyForLeave,
  canDecideApplication,
  canApplyForSfo,
  decidesUnder,
  type ApplicationPlace,
  canMarkAbsenceDocumented,
  canRegisterAbsence,
  canReportAbsence,
  canViewAbsence,
  canRevealProtectedAddress,
  canSendMessage,
  canViewAddress,
  canViewConsents,
  canViewPupil,
  canViewProtectionMarker,
  canEditPrivacyStatement,
  canExtractArchive,
  reachOf,
} from '../../src/domain/access/policy.ts';
import { loadPupilFacts, type PupilFacts } from '../../src/domain/access/pupil-facts.ts';
import {
  decidableApplicationCondition,
  listManagedSchools,
  listVisiblePupils,
  requireVisiblePupil,
} from '../../src/domain/access/scope.ts';
import { APPLICATION_KINDS } from '../../src/domain/applications/kinds.ts';
import { canApplyForReducedSfoPayment, canUseSfo } from '../../src/domain/access/policy.ts';
import { requireSfo } from '../../src/domain/sfo/units.ts';
import { canSendMunicipalityNotice } from '../../src/domain/broadcasts/policy.ts';
import { listNoticeMunicipalities } from '../../src/domain/broadcasts/municipality.ts';
import { NotFoundError } from '../../src/domain/errors.ts';
import { createDemoTestDb } from '../support/db.ts';
import {
  activeEnrolment,
  findPupil,
  inClass,
  insertStaff,
  isActive,
  loadWorld,
  loginPersonId,
  specReach,
  specVisible,
  staffWith,
  withRollback,
  type SpecReach,
  type World,
  type WorldPupil,
} from '../support/fixtures.ts';

/*
 * The access-policy matrix, checked against the SPECIFICATION (the role table), not against the code.
 * Expected values are written out below; the data is the demo seed at a fixed date.
 */

const TODAY = '2026-11-25';
const BJ = 'Bjørkelia skole';
const FJ = 'Fjellheim skule';
const NL = 'Nordlys montessoriskole';

const started = performance.now();
const db = await createDemoTestDb(TODAY);
const world = await loadWorld(db, TODAY);

// ---------------------------------------------------------------------------------------------------
// The spec's action table
// ---------------------------------------------------------------------------------------------------

const ACTIONS = [
  'viewPupil',
  'viewAddress',
  'viewMarker',
  'revealAddress',
  'registerAbsence',
  'viewConsents',
  'sendMessage',
  'decideLeave',
  'decideSfo',
  'reportAbsence',
  'viewAbsence',
  'markDocumented',
  'applyLeave',
] as const;
type Action = (typeof ACTIONS)[number];
/** Expected decisions; an action left out is one the spec does not decide (not asserted). */
type Row = Partial<Record<Action, boolean>>;

/** 'Y' / 'N' / '-' (unspecified) per action, in ACTIONS order. */
function grid(cells: string): Row {
  const flags = cells.match(/[YN-]/g) ?? [];
  assert.equal(flags.length, ACTIONS.length, `grid "${cells}"`);
  return Object.fromEntries(ACTIONS.flatMap((a, i) => (flags[i] === '-' ? [] : [[a, flags[i] === 'Y']]))) as Row;
}

/** For an active pupil with an unprotected address whom the actor reaches in that capacity. */
const OWN: Record<SpecReach, Row> = {
  //                     view  address  marker  reveal  absence  consents  message  leave  sfo-appl.  report view-abs. documented apply-leave
  school_owner: grid('Y     Y        N       N       N        Y         N        N      N      N  Y  N  N'),
  leadership: grid('Y     Y        Y       N       Y        Y         Y        Y      N      N  Y  Y  N'),
  contact_teacher: grid('Y     Y        Y       N       Y        Y         Y        N      N      N  Y  Y  N'),
  teacher: grid('Y     N        N       N       Y        Y         Y        N      N      N  Y  N  N'),
  sfo_leader: grid('Y     Y        N       N       N        Y         Y        N      Y      N  N  N  N'),
  sfo_staff: grid('Y     N        N       N       N        N         Y        N      N      N  N  N  N'),
  guardian: grid('Y     Y        N       N       N        Y         Y        N      N      Y  Y  N  Y'),
  // A skolestarter's guardian (issue 12): sees the child (the SFO screen), nothing else; applying for SFO is
  // canApplyForSfo (checked in the skolestarter test).
  starter_guardian: grid('Y     N        N       N       N        N         N        N      N      N  N  N  N'),
  self: grid('Y     Y        N       N       N        N         N        N      N      N  Y  N  N'),
};
/**
 * A pupil who has left the actor's school (archive): view, consents and the absence record yes (the archive keeps
 * it); registering absence, messages and decisions no.
 * The spec does not say whether archive access includes the address or the protection marker: '-' (not asserted).
 */
const ARCHIVE = {
  //                     view  address  marker  reveal  absence  consents  message  leave  sfo-appl.  report view-abs. documented apply-leave
  school_owner: grid('Y     -        N       N       N        Y         N        N      N      N  Y  N  N'),
  leadership: grid('Y     -        -       N       N        Y         N        N      N      N  Y  N  N'),
};
const NONE = grid('N N N N N N N N N N N N N');

// ---------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------

let checks = 0;
after(() => console.log(`policy-matrix: ${checks} checks in ${((performance.now() - started) / 1000).toFixed(1)} s`));

/** Soft assertions: every cell is checked and every disagreement reported, then the test fails once. */
function checker() {
  const failures: string[] = [];
  return {
    equal(actual: unknown, expected: unknown, message: string) {
      checks++;
      try {
        assert.equal(actual, expected, message);
      } catch {
        failures.push(`${message}: expected ${String(expected)}, got ${String(actual)}`);
      }
    },
    ok(value: boolean, message: string) {
      this.equal(value, true, message);
    },
    fail(message: string) {
      checks++;
      failures.push(message);
    },
    async notFound(promise: Promise<unknown>, message: string) {
      checks++;
      try {
        await promise;
        failures.push(`${message}: expected NotFoundError, but it resolved`);
      } catch (error) {
        if (!(error instanceof NotFoundError))
          failures.push(`${message}: expected NotFoundError, got ${String(error)}`);
      }
    },
    done() {
      if (failures.length)
        assert.fail(`${failures.length} check(s) disagree with the spec:\n  ${failures.join('\n  ')}`);
    },
  };
}
type Checker = ReturnType<typeof checker>;

async function actorOf(personId: number, via: LoginProvider, d: Db = db): Promise<Actor> {
  const actor = await loadActor(d, personId, via, TODAY);
  assert.ok(actor, `actor ${personId} loads`);
  return actor;
}

async function factsOf(pupilId: number, d: Db = db): Promise<PupilFacts> {
  const facts = await loadPupilFacts(d, pupilId, TODAY);
  assert.ok(facts, `pupil ${pupilId} has facts`);
  return facts;
}

/** Where an application for the pupil belongs: the school they attend (or last attended), and their SFO. */
function placeOf(facts: PupilFacts): ApplicationPlace {
  const enrolment = facts.enrolments.find((e) => e.active) ?? facts.enrolments[0]!;
  return { schoolId: enrolment.schoolId, sfoId: facts.sfoIds[0] ?? null };
}

function decisions(actor: Actor, facts: PupilFacts): Record<Action, boolean> {
  return {
    viewPupil: canViewPupil(actor, facts),
    viewAddress: canViewAddress(actor, facts),
    viewMarker: canViewProtectionMarker(actor, facts),
    revealAddress: canRevealProtectedAddress(actor, facts),
    registerAbsence: canRegisterAbsence(actor, facts),
    viewConsents: canViewConsents(actor, facts),
    sendMessage: canSendMessage(actor, facts),
    decideLeave: canDecideApplication(actor, facts, APPLICATION_KINDS.leave.decider, placeOf(facts)),
    decideSfo: canDecideApplication(actor, facts, 'sfo_leader', placeOf(facts)),
    reportAbsence: canReportAbsence(actor, facts),
    viewAbsence: canViewAbsence(actor, facts),
    markDocumented: canMarkAbsenceDocumented(actor, facts),
    applyLeave: canApplyForLeave(actor, facts),
  };
}

/** Checks every action of one cell, and that requireVisiblePupil agrees with viewPupil (facts, or 404). */
async function checkCell(c: Checker, d: Db, actor: Actor, pupilId: number, expected: Row, label: string) {
  const actual = decisions(actor, await factsOf(pupilId, d));
  for (const action of ACTIONS) {
    if (expected[action] !== undefined) c.equal(actual[action], expected[action], `${label} / ${action}`);
  }
  if (expected.viewPupil === false)
    await c.notFound(requireVisiblePupil(d, actor, pupilId, TODAY), `${label} / requireVisiblePupil`);
  if (expected.viewPupil === true) {
    try {
      c.equal((await requireVisiblePupil(d, actor, pupilId, TODAY)).pupilId, pupilId, `${label} / requireVisiblePupil`);
    } catch (error) {
      c.fail(`${label} / requireVisiblePupil: expected the pupil's facts, got ${String(error)}`);
    }
  }
}

/** Every id listVisiblePupils returns, paging with the maximum page size; checks pages do not overlap. */
async function visibleIds(d: Db, actor: Actor): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await listVisiblePupils(d, actor, { limit: 200, offset, today: TODAY });
    ids.push(...page.map((p) => p.id));
    if (page.length < 200) break;
  }
  assert.equal(new Set(ids).size, ids.length, 'no pupil is listed twice across pages');
  return ids.sort((a, b) => a - b);
}

const sorted = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b);
const nameOf = (id: number) => world.pupils.get(id)?.name ?? `#${id}`;

// ---------------------------------------------------------------------------------------------------
// People and fixture pupils
// ---------------------------------------------------------------------------------------------------

const person = {} as Record<DemoLoginKey, number>;
for (const login of DEMO_LOGINS) person[login.key] = await loginPersonId(db, login.key);

const childrenOf = (guardianId: number) =>
  world.relations.filter((r) => r.guardianId === guardianId).map((r) => world.pupils.get(r.pupilId)!);
const childAt = (guardianId: number, school: string) => {
  const child = childrenOf(guardianId).find((p) => p.enrolments.some((e) => e.school === school));
  assert.ok(child, `guardian ${guardianId} has a child at ${school}`);
  return child;
};

const ingvildGroups = world.memberships.filter((m) => m.personId === person.teacher && m.role === 'teacher');
const ingvildGroupIds = ingvildGroups.flatMap((m) => m.groupIds);
const ingvildCompositeIds = ingvildGroups.flatMap((m) => m.compositeIds);
const inIngvildsReach = (p: WorldPupil) =>
  p.groupIds.some((g) => ingvildGroupIds.includes(g)) || p.compositeIds.some((g) => ingvildCompositeIds.includes(g));
const bjSfo = world.sfoId('Bjørkelia SFO');
const fjSfo = world.sfoId('Fjellheim SFO');
const bjPupil = (p: WorldPupil) => p.protection === 'none' && p.enrolments.some((e) => e.active && e.school === BJ);

const kariSofie = childAt(person.guardian, BJ);
const kariJonas = childAt(person.guardian, FJ);
const olaEmil = childAt(person['guardian-private'], BJ);
const olaHedda = childAt(person['guardian-private'], NL);
const maja = childrenOf(person['guardian-blocked'])[0]!;
const oskar = childrenOf(person['guardian-left'])[0]!;
const emma = world.pupils.get(person.pupil)!;
const trine = world.relations.find(
  (r) => r.pupilId === maja.id && r.guardianId !== person['guardian-blocked'] && !r.blocked && !r.contactOnly,
)!.guardianId;

const P = {
  in5A: findPupil(world, 'Bjørkelia 5A', inClass(BJ, '5A')),
  in5B: findPupil(world, 'Bjørkelia 5B', inClass(BJ, '5B')),
  teacherOwn: findPupil(
    world,
    "in one of Ingvild's teaching groups",
    (p) => bjPupil(p) && p.groupIds.some((g) => ingvildGroupIds.includes(g)),
  ),
  teacherChoir: findPupil(
    world,
    "in Ingvild's choir but none of her teaching groups",
    (p) =>
      bjPupil(p) &&
      p.compositeIds.some((g) => ingvildCompositeIds.includes(g)) &&
      !p.groupIds.some((g) => ingvildGroupIds.includes(g)),
  ),
  teacherOther: findPupil(world, 'Bjørkelia pupil Ingvild does not teach', (p) => bjPupil(p) && !inIngvildsReach(p)),
  sfoOwn: findPupil(world, 'in Bjørkelia SFO', (p) => bjPupil(p) && p.activeSfoIds.includes(bjSfo)),
  sfoOther: findPupil(
    world,
    'Bjørkelia trinn 1–4, not in SFO',
    (p) => bjPupil(p) && activeEnrolment(p)!.trinn <= 4 && p.activeSfoIds.length === 0,
  ),
  otherSchool: findPupil(
    world,
    'Fjellheim pupil in Fjellheim SFO',
    (p) =>
      p.protection === 'none' &&
      p.enrolments.some((e) => e.active && e.school === FJ) &&
      p.activeSfoIds.includes(fjSfo),
  ),
  nordlys: findPupil(
    world,
    'Nordlys pupil (not Hedda Nordmann)',
    (p) => p.id !== olaHedda.id && p.enrolments.some((e) => e.active && e.school === NL),
  ),
  classmate7A: findPupil(world, "Emma's classmate in 7A", (p) => p.id !== emma.id && inClass(BJ, '7A')(p)),
};

interface Cell {
  situation: string;
  pupil: WorldPupil;
  expect: Row;
}
interface MatrixRow {
  role: string;
  personId: number;
  via: LoginProvider;
  cells: Cell[];
}

const OTHER_MUNICIPALITY = 'other municipality (Nordlys)';
const BLOCKED_CHILD = 'child of a blocked guardian (Maja)';
const LEFT = 'pupil who left (Oskar)';
const OTHER_SCHOOL = 'other school, same municipality (Fjellheim)';
const OTHER_CLASS = 'other class, same school';
const cell = (situation: string, pupil: WorldPupil, expect: Row): Cell => ({ situation, pupil, expect });

const MATRIX: MatrixRow[] = [
  {
    role: 'school_owner (Randi Kolstad)',
    personId: person['school-owner'],
    via: 'feide',
    cells: [
      cell('own (Bjørkelia 5A)', P.in5A, OWN.school_owner),
      cell(`${OTHER_CLASS} (5B)`, P.in5B, OWN.school_owner),
      cell(OTHER_SCHOOL, P.otherSchool, OWN.school_owner),
      cell(OTHER_MUNICIPALITY, P.nordlys, NONE),
      cell(BLOCKED_CHILD, maja, OWN.school_owner),
      cell(LEFT, oskar, ARCHIVE.school_owner),
    ],
  },
  {
    role: 'leadership (Torunn Holmvik, Bjørkelia)',
    personId: person.leadership,
    via: 'feide',
    cells: [
      cell('own (Bjørkelia 5A)', P.in5A, OWN.leadership),
      cell(`${OTHER_CLASS} (5B)`, P.in5B, OWN.leadership),
      cell(OTHER_SCHOOL, P.otherSchool, NONE),
      cell(OTHER_MUNICIPALITY, P.nordlys, NONE),
      cell(BLOCKED_CHILD, maja, OWN.leadership),
      cell(LEFT, oskar, ARCHIVE.leadership),
    ],
  },
  {
    role: 'contact_teacher (Marius Fossum, 5A)',
    personId: person['contact-teacher'],
    via: 'feide',
    cells: [
      cell('own (5A)', P.in5A, OWN.contact_teacher),
      cell(`${OTHER_CLASS} (5B)`, P.in5B, NONE),
      cell(OTHER_SCHOOL, P.otherSchool, NONE),
      cell(OTHER_MUNICIPALITY, P.nordlys, NONE),
      cell(BLOCKED_CHILD, maja, NONE),
      cell(LEFT, oskar, NONE),
    ],
  },
  {
    role: 'teacher (Ingvild Rasten)',
    personId: person.teacher,
    via: 'feide',
    cells: [
      cell('own (teaching group)', P.teacherOwn, OWN.teacher),
      cell('own (composite group: choir)', P.teacherChoir, OWN.teacher),
      cell(`${OTHER_CLASS} (no group of hers)`, P.teacherOther, NONE),
      cell(OTHER_SCHOOL, P.otherSchool, NONE),
      cell(OTHER_MUNICIPALITY, P.nordlys, NONE),
      cell(BLOCKED_CHILD, maja, NONE),
      cell(LEFT, oskar, NONE),
    ],
  },
  {
    role: 'sfo_leader (Berit Sandnes, Bjørkelia SFO)',
    personId: person['sfo-leader'],
    via: 'feide',
    cells: [
      cell('own (in Bjørkelia SFO)', P.sfoOwn, OWN.sfo_leader),
      cell(`${OTHER_CLASS} (trinn 1–4, not in SFO)`, P.sfoOther, NONE),
      cell(`${OTHER_SCHOOL}, in Fjellheim SFO`, P.otherSchool, NONE),
      cell(OTHER_MUNICIPALITY, P.nordlys, NONE),
      cell(BLOCKED_CHILD, maja, NONE),
      cell(LEFT, oskar, NONE),
    ],
  },
  {
    role: 'sfo_staff (Jonas Eng, Bjørkelia SFO)',
    personId: person['sfo-staff'],
    via: 'feide',
    cells: [
      cell('own (in Bjørkelia SFO)', P.sfoOwn, OWN.sfo_staff),
      cell(`${OTHER_CLASS} (trinn 1–4, not in SFO)`, P.sfoOther, NONE),
      cell(`${OTHER_SCHOOL}, in Fjellheim SFO`, P.otherSchool, NONE),
      cell(OTHER_MUNICIPALITY, P.nordlys, NONE),
      cell(BLOCKED_CHILD, maja, NONE),
      cell(LEFT, oskar, NONE),
    ],
  },
  {
    role: 'guardian (Kari Nordmann)',
    personId: person.guardian,
    via: 'idporten',
    cells: [
      cell('own child (Sofie, Bjørkelia 3A)', kariSofie, OWN.guardian),
      cell('own child at another school (Jonas, Fjellheim 6A)', kariJonas, OWN.guardian),
      cell(`${OTHER_CLASS} (5B)`, P.in5B, NONE),
      cell(OTHER_SCHOOL, P.otherSchool, NONE),
      cell(OTHER_MUNICIPALITY, P.nordlys, NONE),
      cell(BLOCKED_CHILD, maja, NONE),
      cell(LEFT, oskar, NONE),
    ],
  },
  {
    role: 'guardian-private (Ola Nordmann)',
    personId: person['guardian-private'],
    via: 'idporten',
    cells: [
      cell('own child (Emil, Bjørkelia 4B, Demo kommune)', olaEmil, OWN.guardian),
      cell('own child under another school owner (Hedda, Nordlys 2A)', olaHedda, OWN.guardian),
      cell(`${OTHER_CLASS} (5B)`, P.in5B, NONE),
      cell(OTHER_SCHOOL, P.otherSchool, NONE),
      cell(`${OTHER_MUNICIPALITY}, not his child`, P.nordlys, NONE),
      cell(BLOCKED_CHILD, maja, NONE),
      cell(LEFT, oskar, NONE),
    ],
  },
  {
    role: 'guardian-blocked (Geir Brattli)',
    personId: person['guardian-blocked'],
    via: 'idporten',
    cells: [
      cell(`${BLOCKED_CHILD}: his own, blocked`, maja, NONE),
      cell(`${OTHER_CLASS} (5B)`, P.in5B, NONE),
      cell(OTHER_SCHOOL, P.otherSchool, NONE),
      cell(OTHER_MUNICIPALITY, P.nordlys, NONE),
      cell(LEFT, oskar, NONE),
    ],
  },
  {
    role: "Maja's unblocked guardian (Trine Bakkeli)",
    personId: trine,
    via: 'idporten',
    cells: [
      cell(`${BLOCKED_CHILD}: her own, unblocked`, maja, OWN.guardian),
      cell(`${OTHER_CLASS} (5B)`, P.in5B, NONE),
      cell(LEFT, oskar, NONE),
    ],
  },
  {
    role: 'guardian-left (Hanne Lystad)',
    personId: person['guardian-left'],
    via: 'idporten',
    cells: [
      cell(`${LEFT}: her own child`, oskar, NONE),
      cell(`${OTHER_CLASS} (5B)`, P.in5B, NONE),
      cell(OTHER_SCHOOL, P.otherSchool, NONE),
      cell(OTHER_MUNICIPALITY, P.nordlys, NONE),
      cell(BLOCKED_CHILD, maja, NONE),
    ],
  },
  {
    role: 'pupil (Emma Solvang, 7A)',
    personId: person.pupil,
    via: 'feide',
    cells: [
      cell('own (herself)', emma, OWN.self),
      cell('classmate in 7A', P.classmate7A, NONE),
      cell(`${OTHER_CLASS} (5B)`, P.in5B, NONE),
      cell(OTHER_SCHOOL, P.otherSchool, NONE),
      cell(OTHER_MUNICIPALITY, P.nordlys, NONE),
      cell(BLOCKED_CHILD, maja, NONE),
      cell(LEFT, oskar, NONE),
    ],
  },
];

// ---------------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------------

test('fixtures: the seeded pupils are what the matrix says they are (spec oracle, no src/domain/access)', () => {
  assert.equal(kariSofie.name, 'Sofie Nordmann');
  assert.equal(kariJonas.name, 'Jonas Nordmann');
  assert.deepEqual(
    [olaEmil.name, olaHedda.name, maja.name, oskar.name, emma.name],
    ['Emil Nordmann', 'Hedda Nordmann', 'Maja Bakkeli', 'Oskar Lystad', 'Emma Solvang'],
  );
  assert.equal(isActive(oskar), false, 'Oskar has no active enrolment');
  assert.deepEqual(
    oskar.enrolments.map((e) => [e.school, e.className, e.endsOn]),
    [[BJ, '4A', '2026-10-30']],
  );
  assert.ok(
    world.relations.some((r) => r.guardianId === person['guardian-blocked'] && r.pupilId === maja.id && r.blocked),
  );
  assert.equal(P.nordlys.enrolments[0]!.municipality, 'Stiftelsen Nordlys');
  assert.equal(P.otherSchool.enrolments[0]!.municipality, 'Demo kommune');
  for (const row of MATRIX) {
    for (const c of row.cells) {
      const reach = specReach(world, row.personId, row.via, c.pupil.id);
      assert.equal(
        reach.size > 0,
        c.expect.viewPupil,
        `fixture: ${row.role} / ${c.situation} (${c.pupil.name}) reach {${[...reach]}}`,
      );
      assert.equal(c.pupil.protection, 'none', `fixture: ${c.pupil.name} has an unprotected address`);
    }
  }
});

for (const row of MATRIX) {
  test(`matrix: ${row.role} via ${row.via}`, async () => {
    const c = checker();
    const actor = await actorOf(row.personId, row.via);
    for (const cell of row.cells)
      await checkCell(c, db, actor, cell.pupil.id, cell.expect, `${row.role} / ${cell.situation} [${cell.pupil.name}]`);
    c.done();
  });
}

test("the decision queue's SQL twin lists exactly the applications canDecideApplication allows, for every actor and decider rule", async () => {
  const c = checker();
  await withRollback(db, async (trx) => {
    const pupils = [...new Set(MATRIX.flatMap((r) => r.cells.map((x) => x.pupil.id)))];
    const applications: { id: number; pupilId: number; facts: PupilFacts; place: ApplicationPlace }[] = [];
    for (const pupilId of pupils) {
      const facts = await factsOf(pupilId, trx);
      const place = placeOf(facts);
      const { id } = await trx
        .insertInto('application')
        .values({
          kind: 'leave',
          pupil_id: pupilId,
          school_id: place.schoolId,
          sfo_id: place.sfoId,
          applicant_id: pupilId,
          status: 'submitted',
          submitted_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      applications.push({ id, pupilId, facts, place });
    }
    const ids = applications.map((a) => a.id);
    const decided = { school_leadership: 0, sfo_leader: 0 };
    for (const row of MATRIX) {
      const actor = await actorOf(row.personId, row.via, trx);
      for (const rule of ['school_leadership', 'sfo_leader'] as const) {
        const listed = (
          await trx
            .selectFrom('application as a')
            .select('a.id')
            .where('a.id', 'in', ids)
            .where((eb) => decidableApplicationCondition(eb, actor, rule, TODAY))
            .execute()
        ).map((r) => r.id);
        for (const app of applications) {
          c.equal(
            listed.includes(app.id),
            canDecideApplication(actor, app.facts, rule, app.place),
            `${row.role} / ${rule} / ${nameOf(app.pupilId)}`,
          );
        }
        if (listed.length) c.ok(decidesUnder(actor, rule), `${row.role} / ${rule} / decides somewhere`);
        decided[rule] += listed.length;
      }
    }
    c.ok(
      decided.school_leadership > 0 && decided.sfo_leader > 0,
      'some applications are decidable under each rule (the test checks something)',
    );
  });
  c.done();
});

test('the login decides the capacity: staff and pupils reach nothing via ID-porten, guardians nothing via Feide', async () => {
  const c = checker();
  for (const login of DEMO_LOGINS) {
    const wrongVia: LoginProvider = login.role === 'guardian' ? 'feide' : 'idporten';
    const actor = await actorOf(person[login.key], wrongVia);
    for (const pupil of [P.in5A, kariSofie, emma, olaHedda, maja, oskar, P.sfoOwn, P.teacherOwn]) {
      await checkCell(c, db, actor, pupil.id, NONE, `${login.key} via ${wrongVia} / ${pupil.name}`);
    }
    c.equal((await visibleIds(db, actor)).length, 0, `${login.key} via ${wrongVia} / listVisiblePupils is empty`);
  }
  c.done();
});

test('protected addresses: fortrolig and strengt fortrolig, per observer', async () => {
  const c = checker();
  const protectedPupils = [...world.pupils.values()].filter((p) => p.protection !== 'none' && isActive(p));
  assert.ok(
    protectedPupils.some((p) => p.protection === 'fortrolig'),
    'the seed has a fortrolig pupil',
  );
  assert.ok(
    protectedPupils.some((p) => p.protection === 'strengt_fortrolig'),
    'the seed has a strengt fortrolig pupil',
  );
  const fjellheimLeaders = staffWith(world, 'leadership', (m) => m.schoolId === world.schoolId(FJ));
  assert.ok(fjellheimLeaders.length > 0);

  await withRollback(db, async (trx) => {
    for (const pupil of protectedPupils) {
      const e = activeEnrolment(pupil)!;
      const strict = pupil.protection === 'strengt_fortrolig';
      const leaders = staffWith(world, 'leadership', (m) => m.schoolId === e.schoolId);
      const contactTeachers = staffWith(world, 'contact_teacher', (m) => m.classIds.includes(e.classId));
      assert.ok(
        leaders.length > 0 && contactTeachers.length === 1,
        `${pupil.name}: leadership and contact teacher found`,
      );
      // A teacher who teaches the pupil but is not their contact teacher.
      const teacher = await insertStaff(trx, {
        role: 'teacher',
        municipalityId: e.municipalityId,
        schoolId: e.schoolId,
        groupIds: [world.groupId(e.school, `${e.className} Matematikk`)],
      });
      const guardians = world.relations.filter((r) => r.pupilId === pupil.id);
      const unblocked = guardians.filter((r) => !r.blocked && !r.contactOnly).map((r) => r.guardianId);
      // A fortrolig address is also the address of a guardian who lives with the child: shown to them (issue 11).
      const livesWith = (id: number) => !strict && guardians.some((r) => r.guardianId === id && r.livesWith);
      const blocked = guardians.filter((r) => r.blocked).map((r) => r.guardianId);
      assert.ok(unblocked.length > 0, `${pupil.name} has an unblocked guardian`);
      const inSfo = pupil.activeSfoIds.length > 0;

      //            [who, personId, via, expected]
      const observers: [string, number, LoginProvider, Row][] = [
        ...leaders.map((id): [string, number, LoginProvider, Row] => [
          `leadership of the school (#${id})`,
          id,
          'feide',
          { viewPupil: true, viewAddress: !strict, viewMarker: true, revealAddress: strict },
        ]),
        [
          'contact teacher of the class',
          contactTeachers[0]!,
          'feide',
          { viewPupil: true, viewAddress: !strict, viewMarker: true, revealAddress: false },
        ],
        [
          'a teacher of the pupil (not contact teacher)',
          teacher,
          'feide',
          { viewPupil: true, viewAddress: false, viewMarker: false, revealAddress: false },
        ],
        [
          'school owner',
          person['school-owner'],
          'feide',
          { viewPupil: true, viewAddress: false, viewMarker: false, revealAddress: false },
        ],
        ...unblocked.map((id): [string, number, LoginProvider, Row] => [
          `unblocked guardian (#${id})`,
          id,
          'idporten',
          { viewPupil: true, viewAddress: livesWith(id), viewMarker: false, revealAddress: false },
        ]),
        ...blocked.map((id): [string, number, LoginProvider, Row] => [
          `blocked guardian (#${id})`,
          id,
          'idporten',
          NONE,
        ]),
        [
          'the pupil themself',
          pupil.id,
          'feide',
          { viewPupil: true, viewAddress: false, viewMarker: false, revealAddress: false },
        ],
        [
          'SFO leader of Bjørkelia SFO',
          person['sfo-leader'],
          'feide',
          { viewPupil: inSfo && e.school === BJ, viewAddress: false, viewMarker: false, revealAddress: false },
        ],
        ...fjellheimLeaders.map((id): [string, number, LoginProvider, Row] => [
          `leadership of another school (#${id})`,
          id,
          'feide',
          NONE,
        ]),
      ];
      for (const [who, personId, via, expected] of observers) {
        const actor = await actorOf(personId, via, trx);
        await checkCell(
          c,
          trx,
          actor,
          pupil.id,
          expected,
          `${pupil.protection} ${pupil.name} (${e.school} ${e.className}) / ${who}`,
        );
      }
    }
  });
  c.done();
});

test('SQL scope (listVisiblePupils) = pure policy (canViewPupil) = spec oracle, for every demo login, over every pupil', async () => {
  const allFacts = new Map<number, PupilFacts>();
  for (const id of world.pupils.keys()) allFacts.set(id, await factsOf(id));
  assert.ok(allFacts.size > 400, `${allFacts.size} pupils`);
  const actors: [string, number, LoginProvider][] = [
    ...DEMO_LOGINS.flatMap((l): [string, number, LoginProvider][] => [
      [`${l.key} via feide`, person[l.key], 'feide'],
      [`${l.key} via idporten`, person[l.key], 'idporten'],
    ]),
    ["Maja's unblocked guardian via idporten", trine, 'idporten'],
    ...staffWith(world, 'leadership', (m) => m.schoolId === world.schoolId(NL)).map(
      (id): [string, number, LoginProvider] => ['Nordlys leadership via feide', id, 'feide'],
    ),
  ];
  const c = checker();
  for (const [label, personId, via] of actors) {
    const actor = await actorOf(personId, via);
    const sqlIds = await visibleIds(db, actor);
    const pureIds = sorted([...allFacts.values()].filter((f) => canViewPupil(actor, f)).map((f) => f.pupilId));
    const specIds = sorted(specVisible(world, personId, via));
    const diff = (a: number[], b: number[]) =>
      a
        .filter((id) => !b.includes(id))
        .map(nameOf)
        .join(', ') || '–';
    c.equal(
      JSON.stringify(sqlIds),
      JSON.stringify(pureIds),
      `${label}: SQL vs canViewPupil (only in SQL: ${diff(sqlIds, pureIds)}; only in policy: ${diff(pureIds, sqlIds)})`,
    );
    c.equal(
      JSON.stringify(sqlIds),
      JSON.stringify(specIds),
      `${label}: SQL vs spec (only in SQL: ${diff(sqlIds, specIds)}; only in spec: ${diff(specIds, sqlIds)})`,
    );
  }
  // Sanity: the sets are not trivially empty where the spec gives reach.
  const size = (key: DemoLoginKey, via: LoginProvider) => specVisible(world, person[key], via).size;
  assert.ok(size('school-owner', 'feide') > 380, 'the school owner sees both Demo kommune schools');
  assert.ok(size('leadership', 'feide') > 200);
  assert.equal(size('guardian', 'idporten'), 2);
  assert.equal(size('guardian-private', 'idporten'), 2);
  assert.equal(size('pupil', 'feide'), 1);
  c.done();
});

test('requireVisiblePupil: 404 for out-of-reach pupils, unknown ids, non-pupils, 0 and negative ids', async () => {
  const c = checker();
  const maxId = (
    await db
      .selectFrom('person')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirstOrThrow()
  ).max as number;
  const nonPupils: [string, number][] = [
    ['a non-existent id', maxId + 1000],
    ["a guardian's person id (Kari Nordmann)", person.guardian],
    ["a staff member's person id (Torunn Holmvik)", person.leadership],
    ['0', 0],
    ['-1', -1],
    ['1.5', 1.5],
    ['NaN', Number.NaN],
    ['2^53', 2 ** 53],
  ];
  const owner = await actorOf(person['school-owner'], 'feide');
  const leadership = await actorOf(person.leadership, 'feide');
  const contact = await actorOf(person['contact-teacher'], 'feide');
  const kari = await actorOf(person.guardian, 'idporten');
  const pupil = await actorOf(person.pupil, 'feide');
  for (const [who, actor] of [
    ['school owner', owner],
    ['leadership', leadership],
    ['contact teacher', contact],
    ['guardian', kari],
    ['pupil', pupil],
  ] as const) {
    for (const [what, id] of nonPupils) await c.notFound(requireVisiblePupil(db, actor, id, TODAY), `${who} / ${what}`);
    await c.notFound(requireVisiblePupil(db, actor, P.nordlys.id, TODAY), `${who} / a Nordlys pupil (out of reach)`);
  }
  // Out of reach per role (the matrix also checks every NONE cell).
  await c.notFound(requireVisiblePupil(db, leadership, P.otherSchool.id, TODAY), 'leadership / Fjellheim pupil');
  await c.notFound(requireVisiblePupil(db, contact, P.in5B.id, TODAY), 'contact teacher / 5B pupil');
  await c.notFound(requireVisiblePupil(db, kari, P.in5A.id, TODAY), 'guardian / not her child');
  await c.notFound(requireVisiblePupil(db, pupil, P.classmate7A.id, TODAY), 'pupil / a classmate');
  // In reach: the facts come back.
  c.equal(
    (await requireVisiblePupil(db, kari, kariSofie.id, TODAY)).pupilId,
    kariSofie.id,
    'guardian / own child resolves',
  );
  c.equal(
    (await requireVisiblePupil(db, owner, oskar.id, TODAY)).pupilId,
    oskar.id,
    'school owner / pupil who left resolves (archive)',
  );
  c.done();
});

test('a guardian who is also staff: the child only via ID-porten, the class only via Feide', async () => {
  const c = checker();
  await withRollback(db, async (trx) => {
    // (1) The 5A contact teacher becomes far of a Fjellheim pupil.
    const child = findPupil(
      world,
      'a Fjellheim pupil',
      (p) => p.protection === 'none' && p.id !== kariJonas.id && p.enrolments.some((e) => e.active && e.school === FJ),
    );
    await trx
      .insertInto('guardian_relation')
      .values({ pupil_id: child.id, guardian_id: person['contact-teacher'], relation: 'far' })
      .execute();
    // (2) Kari Nordmann becomes a teacher of a Fjellheim group her children are not in.
    const fjGroup = world.groupId(FJ, '3A Matematikk');
    assert.ok(![kariSofie, kariJonas].some((k) => k.groupIds.includes(fjGroup)));
    const groupPupil = findPupil(
      world,
      'member of Fjellheim 3A Matematikk',
      (p) => p.protection === 'none' && isActive(p) && p.groupIds.includes(fjGroup),
    );
    await insertStaff(trx, {
      personId: person.guardian,
      role: 'teacher',
      municipalityId: activeEnrolment(groupPupil)!.municipalityId,
      schoolId: world.schoolId(FJ),
      groupIds: [fjGroup],
    });
    const w = await loadWorld(trx, TODAY);

    const mariusGuardian = await actorOf(person['contact-teacher'], 'idporten', trx);
    const mariusStaff = await actorOf(person['contact-teacher'], 'feide', trx);
    await checkCell(c, trx, mariusGuardian, child.id, OWN.guardian, 'Marius via idporten / his child');
    await checkCell(c, trx, mariusGuardian, P.in5A.id, NONE, 'Marius via idporten / his 5A pupil');
    await checkCell(c, trx, mariusStaff, child.id, NONE, 'Marius via feide / his child');
    await checkCell(c, trx, mariusStaff, P.in5A.id, OWN.contact_teacher, 'Marius via feide / his 5A pupil');
    c.equal(
      JSON.stringify(await visibleIds(trx, mariusGuardian)),
      JSON.stringify([child.id]),
      'Marius via idporten / list = his child only',
    );
    c.equal(
      JSON.stringify(await visibleIds(trx, mariusStaff)),
      JSON.stringify(sorted(specVisible(w, person['contact-teacher'], 'feide'))),
      'Marius via feide / list = his class',
    );
    c.ok(!(await visibleIds(trx, mariusStaff)).includes(child.id), 'Marius via feide / list excludes his child');

    const kariGuardian = await actorOf(person.guardian, 'idporten', trx);
    const kariStaff = await actorOf(person.guardian, 'feide', trx);
    for (const kid of [kariSofie, kariJonas]) {
      await checkCell(c, trx, kariGuardian, kid.id, OWN.guardian, `Kari via idporten / ${kid.name}`);
      await checkCell(c, trx, kariStaff, kid.id, NONE, `Kari via feide / ${kid.name}`);
    }
    await checkCell(c, trx, kariGuardian, groupPupil.id, NONE, 'Kari via idporten / pupil in her group');
    await checkCell(c, trx, kariStaff, groupPupil.id, OWN.teacher, 'Kari via feide / pupil in her group');
    c.equal(
      JSON.stringify(await visibleIds(trx, kariGuardian)),
      JSON.stringify(sorted([kariSofie.id, kariJonas.id])),
      'Kari via idporten / list = her children',
    );
    c.equal(
      JSON.stringify(await visibleIds(trx, kariStaff)),
      JSON.stringify(sorted(specVisible(w, person.guardian, 'feide'))),
      'Kari via feide / list = her group',
    );
  });
  c.done();
});

test('blocking takes effect at once: Kari blocked from Sofie no longer reaches her, but still reaches Jonas', async () => {
  const c = checker();
  await withRollback(db, async (trx) => {
    const before = await actorOf(person.guardian, 'idporten', trx);
    await checkCell(c, trx, before, kariSofie.id, OWN.guardian, 'before the block / Sofie');
    await trx
      .updateTable('guardian_relation')
      .set({ blocked: true })
      .where('guardian_id', '=', person.guardian)
      .where('pupil_id', '=', kariSofie.id)
      .execute();

    const kari = await actorOf(person.guardian, 'idporten', trx);
    c.ok(!kari.guardianOf.includes(kariSofie.id), 'reloaded actor / guardianOf excludes Sofie');
    await checkCell(c, trx, kari, kariSofie.id, NONE, 'after the block / Sofie');
    await checkCell(c, trx, kari, kariJonas.id, OWN.guardian, 'after the block / Jonas');
    c.equal(
      JSON.stringify(await visibleIds(trx, kari)),
      JSON.stringify([kariJonas.id]),
      'after the block / list = Jonas only',
    );
    // Even an actor loaded before the block is refused once the pupil's facts show the block.
    c.equal(
      canViewPupil(before, await factsOf(kariSofie.id, trx)),
      false,
      'actor loaded before the block, facts after / Sofie',
    );
    // The other (unblocked) guardian is unaffected.
    const anders = world.relations.find(
      (r) => r.pupilId === kariSofie.id && r.guardianId !== person.guardian,
    )!.guardianId;
    await checkCell(
      c,
      trx,
      await actorOf(anders, 'idporten', trx),
      kariSofie.id,
      OWN.guardian,
      'Anders Nordmann (unblocked) / Sofie',
    );
  });
  c.done();
});

test('every blocked and every contact-person-only relation in the seed gives no reach; the other guardians keep theirs', async () => {
  const c = checker();
  const blocked = world.relations.filter((r) => r.blocked);
  const contactOnly = world.relations.filter((r) => r.contactOnly);
  assert.ok(blocked.length >= 5 && contactOnly.length >= 3);
  for (const r of [...blocked, ...contactOnly]) {
    const actor = await actorOf(r.guardianId, 'idporten');
    const label = `${r.blocked ? 'blocked' : 'contact-only'} #${r.guardianId} / ${nameOf(r.pupilId)}`;
    await checkCell(c, db, actor, r.pupilId, NONE, label);
    c.ok(!(await visibleIds(db, actor)).includes(r.pupilId), `${label} / not listed`);
  }
  for (const r of blocked) {
    const others = world.relations.filter((o) => o.pupilId === r.pupilId && !o.blocked && !o.contactOnly);
    c.ok(others.length > 0, `${nameOf(r.pupilId)} has an unblocked guardian`);
    for (const o of others)
      await checkCell(
        c,
        db,
        await actorOf(o.guardianId, 'idporten'),
        r.pupilId,
        { viewPupil: true },
        `unblocked #${o.guardianId} / ${nameOf(r.pupilId)}`,
      );
  }
  c.done();
});

test('a pupil who left is out of reach for teachers, contact teacher, SFO and guardian even with lingering group/SFO rows', async () => {
  const c = checker();
  await withRollback(db, async (trx) => {
    const e = oskar.enrolments[0]!;
    const groups = [world.groupId(BJ, '4A Norsk'), world.groupId(BJ, '4A Matematikk')];
    const choir = world.compositeId(BJ, 'Skolekor');
    assert.ok(ingvildGroupIds.includes(groups[0]!), 'Ingvild teaches 4A Norsk');
    await trx
      .insertInto('teaching_group_member')
      .values(groups.map((g) => ({ teaching_group_id: g, pupil_id: oskar.id })))
      .execute();
    await trx.insertInto('composite_group_member').values({ composite_group_id: choir, pupil_id: oskar.id }).execute();
    await trx
      .insertInto('sfo_enrolment')
      .values({ sfo_id: bjSfo, pupil_id: oskar.id, starts_on: '2026-08-17', ends_on: null })
      .execute();
    const classTeacher = await insertStaff(trx, {
      role: 'teacher',
      municipalityId: e.municipalityId,
      schoolId: e.schoolId,
      classIds: [e.classId],
    });
    const contact4A = staffWith(world, 'contact_teacher', (m) => m.classIds.includes(e.classId));
    assert.equal(contact4A.length, 1);
    const active4A = findPupil(world, 'an active 4A pupil', inClass(BJ, '4A'));

    const cases: [string, number, LoginProvider, Row, Row][] = [
      //  who, person, via, expected for Oskar, expected for an active 4A classmate
      ['teacher of 4A Norsk + choir (Ingvild)', person.teacher, 'feide', NONE, OWN.teacher],
      ['teacher assigned to class 4A', classTeacher, 'feide', NONE, OWN.teacher],
      ['contact teacher of 4A', contact4A[0]!, 'feide', NONE, OWN.contact_teacher],
      [
        'SFO leader',
        person['sfo-leader'],
        'feide',
        NONE,
        active4A.activeSfoIds.includes(bjSfo) ? OWN.sfo_leader : NONE,
      ],
      ['SFO staff', person['sfo-staff'], 'feide', NONE, active4A.activeSfoIds.includes(bjSfo) ? OWN.sfo_staff : NONE],
      ['his guardian (Hanne Lystad)', person['guardian-left'], 'idporten', NONE, NONE],
      ['leadership (archive)', person.leadership, 'feide', ARCHIVE.leadership, OWN.leadership],
      ['school owner (archive)', person['school-owner'], 'feide', ARCHIVE.school_owner, OWN.school_owner],
    ];
    for (const [who, personId, via, forOskar, forActive] of cases) {
      const actor = await actorOf(personId, via, trx);
      await checkCell(c, trx, actor, oskar.id, forOskar, `${who} / Oskar (left, lingering rows)`);
      await checkCell(c, trx, actor, active4A.id, forActive, `${who} / ${active4A.name} (active 4A)`);
      c.equal((await visibleIds(trx, actor)).includes(oskar.id), forOskar.viewPupil, `${who} / Oskar listed`);
    }
  });
  c.done();
});

test("a pupil who moved to another school — the old school's leadership keeps archive access only (no absence, message, leave decision)", async () => {
  const c = checker();
  await withRollback(db, async (trx) => {
    await trx
      .insertInto('enrolment')
      .values({
        pupil_id: oskar.id,
        school_id: world.schoolId(FJ),
        class_id: world.classId(FJ, '4A'),
        starts_on: '2026-11-02',
        ends_on: null,
      })
      .execute();
    const fjLeaders = staffWith(world, 'leadership', (m) => m.schoolId === world.schoolId(FJ));
    const fjContact = staffWith(world, 'contact_teacher', (m) => m.classIds.includes(world.classId(FJ, '4A')));
    const bjContact = staffWith(world, 'contact_teacher', (m) => m.classIds.includes(world.classId(BJ, '4A')));
    const cases: [string, number, LoginProvider, Row][] = [
      ['Bjørkelia leadership (old school, archive)', person.leadership, 'feide', ARCHIVE.leadership],
      ...fjLeaders.map((id): [string, number, LoginProvider, Row] => [
        `Fjellheim leadership #${id} (new school)`,
        id,
        'feide',
        OWN.leadership,
      ]),
      ['Bjørkelia 4A contact teacher (old class)', bjContact[0]!, 'feide', NONE],
      ['Fjellheim 4A contact teacher (new class)', fjContact[0]!, 'feide', OWN.contact_teacher],
      ['school owner', person['school-owner'], 'feide', OWN.school_owner],
      ['his guardian (Hanne Lystad)', person['guardian-left'], 'idporten', OWN.guardian],
    ];
    for (const [who, personId, via, expected] of cases) {
      await checkCell(
        c,
        trx,
        await actorOf(personId, via, trx),
        oskar.id,
        expected,
        `moved pupil (Bjørkelia → Fjellheim) / ${who}`,
      );
    }
  });
  c.done();
});

test('a pupil who moved to another school: a lingering teaching or composite group at the old school gives its teacher no reach; a group at the new school does', async () => {
  const c = checker();
  await withRollback(db, async (trx) => {
    const fjGroup = world.groupId(FJ, '4A Norsk');
    const oldGroup = world.groupId(BJ, '4A Norsk');
    assert.ok(ingvildGroupIds.includes(oldGroup), 'Ingvild teaches 4A Norsk at Bjørkelia');
    await trx
      .insertInto('enrolment')
      .values({
        pupil_id: oskar.id,
        school_id: world.schoolId(FJ),
        class_id: world.classId(FJ, '4A'),
        starts_on: '2026-11-02',
        ends_on: null,
      })
      .execute();
    await trx
      .insertInto('teaching_group_member')
      .values([
        { teaching_group_id: oldGroup, pupil_id: oskar.id },
        { teaching_group_id: fjGroup, pupil_id: oskar.id },
      ])
      .execute();
    const fjTeacher = await insertStaff(trx, {
      role: 'teacher',
      municipalityId: oskar.enrolments[0]!.municipalityId,
      schoolId: world.schoolId(FJ),
      groupIds: [fjGroup],
    });
    const choir = world.compositeId(BJ, 'Skolekor');
    await trx.insertInto('composite_group_member').values({ composite_group_id: choir, pupil_id: oskar.id }).execute();
    const choirTeacher = await insertStaff(trx, {
      role: 'teacher',
      municipalityId: oskar.enrolments[0]!.municipalityId,
      schoolId: world.schoolId(BJ),
      compositeIds: [choir],
    });
    const cases: [string, number, Row][] = [
      ["teacher of the old school's group (Ingvild)", person.teacher, NONE],
      ["teacher of the old school's composite group (choir)", choirTeacher, NONE],
      ["teacher of the new school's group", fjTeacher, OWN.teacher],
    ];
    for (const [who, personId, expected] of cases) {
      const actor = await actorOf(personId, 'feide', trx);
      await checkCell(c, trx, actor, oskar.id, expected, `moved pupil with lingering group / ${who}`);
      c.equal((await visibleIds(trx, actor)).includes(oskar.id), expected.viewPupil, `${who} / Oskar listed`);
    }
  });
  c.done();
});

test("strengt fortrolig — only the leadership of the pupil's (current) school may reveal, not a former school's", async () => {
  const c = checker();
  await withRollback(db, async (trx) => {
    await trx
      .insertInto('enrolment')
      .values({
        pupil_id: oskar.id,
        school_id: world.schoolId(FJ),
        class_id: world.classId(FJ, '4A'),
        starts_on: '2026-11-02',
        ends_on: null,
      })
      .execute();
    await trx
      .updateTable('person')
      .set({ address_protection: 'strengt_fortrolig' })
      .where('id', '=', oskar.id)
      .execute();
    for (const id of staffWith(world, 'leadership', (m) => m.schoolId === world.schoolId(FJ))) {
      await checkCell(
        c,
        trx,
        await actorOf(id, 'feide', trx),
        oskar.id,
        { viewAddress: false, revealAddress: true },
        `current (Fjellheim) leadership #${id}`,
      );
    }
    await checkCell(
      c,
      trx,
      await actorOf(person.leadership, 'feide', trx),
      oskar.id,
      { viewAddress: false, revealAddress: false },
      'former (Bjørkelia) leadership',
    );
  });
  c.done();
});

test('a contact teacher reaches their own classes only — a composite group on a contact_teacher membership gives no reach', async () => {
  const c = checker();
  await withRollback(db, async (trx) => {
    const contactMembership = world.memberships.find(
      (m) => m.personId === person['contact-teacher'] && m.role === 'contact_teacher',
    )!;
    const choir = world.compositeId(BJ, 'Skolekor');
    await trx
      .insertInto('staff_assignment')
      .values({ staff_membership_id: contactMembership.id, composite_group_id: choir })
      .execute();
    const singer = findPupil(
      world,
      'choir member outside 5A',
      (p) => bjPupil(p) && p.compositeIds.includes(choir) && !inClass(BJ, '5A')(p),
    );
    const actor = await actorOf(person['contact-teacher'], 'feide', trx);
    await checkCell(c, trx, actor, singer.id, NONE, `contact_teacher membership + choir assignment / ${singer.name}`);
    c.ok(
      !(await visibleIds(trx, actor)).includes(singer.id),
      'contact_teacher membership + choir assignment / not listed',
    );
  });
  c.done();
});

test('an ended or not yet started staff membership gives no reach', async () => {
  const c = checker();
  for (const [label, change] of [
    ['ended yesterday', { ends_on: '2026-11-24' }],
    ['starts tomorrow', { starts_on: '2026-11-26' }],
  ] as const) {
    await withRollback(db, async (trx) => {
      await trx
        .updateTable('staff_membership')
        .set(change)
        .where('person_id', 'in', [person['contact-teacher'], person.leadership])
        .execute();
      for (const key of ['contact-teacher', 'leadership'] as const) {
        const actor = await actorOf(person[key], 'feide', trx);
        await checkCell(c, trx, actor, P.in5A.id, NONE, `${key}, membership ${label} / ${P.in5A.name}`);
        c.equal((await visibleIds(trx, actor)).length, 0, `${key}, membership ${label} / list is empty`);
      }
    });
  }
  c.done();
});

test('the school office (canManageSchool, listManagedSchools): leadership of the school, the school owner for all its schools, nobody else', async () => {
  // Written from the role table: rektor Torunn leads Bjørkelia; Randi is school owner of Demo kommune (Bjørkelia and
  // Fjellheim, not the private Nordlys); every other role runs no school office; nobody does via ID-porten.
  const expected: Record<DemoLoginKey, string[]> = {
    guardian: [],
    'guardian-private': [],
    'guardian-blocked': [],
    'guardian-left': [],
    'contact-teacher': [],
    teacher: [],
    leadership: [BJ],
    'school-owner': [BJ, FJ],
    'sfo-leader': [],
    'sfo-staff': [],
    'kindergarten-leader': [],
    'pedagogical-leader': [],
    'kindergarten-staff': [],
    pupil: [],
  };
  const schools = [BJ, FJ, NL];
  const c = checker();
  for (const login of DEMO_LOGINS) {
    for (const via of ['feide', 'idporten'] as const) {
      const actor = await actorOf(person[login.key], via);
      const want = via === 'feide' ? expected[login.key] : [];
      for (const school of schools)
        c.equal(
          canManageSchool(actor, world.schoolId(school)),
          want.includes(school),
          `${login.key} via ${via} / ${school}`,
        );
      let listed: string[] = [];
      try {
        listed = (await listManagedSchools(db, actor)).map((s) => s.name);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
      c.equal(listed.sort().join(','), [...want].sort().join(','), `${login.key} via ${via} / listManagedSchools`);
    }
  }
  await withRollback(db, async (trx) => {
    await trx
      .updateTable('staff_membership')
      .set({ ends_on: '2026-11-24' })
      .where('person_id', '=', person.leadership)
      .execute();
    const actor = await actorOf(person.leadership, 'feide', trx);
    c.equal(canManageSchool(actor, world.schoolId(BJ)), false, 'leadership, membership ended yesterday / Bjørkelia');
  });
  c.done();
});

test('a municipality notice (issue 18, item 7): the school owner of the municipality, nobody else; via ID-porten nobody', async () => {
  // Written from the role table: Randi is school owner of Demo kommune; rektor Torunn leads one school and has no
  // municipality scope; every other role sends no notice to the municipality (404).
  const demo = (
    await db.selectFrom('municipality').select('id').where('name', '=', 'Demo kommune').executeTakeFirstOrThrow()
  ).id;
  const c = checker();
  for (const login of DEMO_LOGINS) {
    for (const via of ['feide', 'idporten'] as const) {
      const actor = await actorOf(person[login.key], via);
      const want = via === 'feide' && login.key === 'school-owner';
      c.equal(canSendMunicipalityNotice(actor, demo), want, `${login.key} via ${via}`);
      c.equal(
        (await listNoticeMunicipalities(db, actor)).map((m) => m.id).join(','),
        want ? String(demo) : '',
        `${login.key} via ${via} / listNoticeMunicipalities`,
      );
      c.equal(canSendMunicipalityNotice(actor, demo + 1000), false, `${login.key} via ${via} / another municipality`);
    }
  }
  c.done();
});

test("a school owner's privacy statement and archive extract (issue 16, items 7 and 2): only the school owner of that municipality; via ID-porten nobody", async () => {
  // Written from the role table: Randi is school owner of Demo kommune and of nothing else; every other demo login,
  // rektor included, has no municipality scope; a guardian (ID-porten) edits nothing.
  const demo = (
    await db.selectFrom('municipality').select('id').where('name', '=', 'Demo kommune').executeTakeFirstOrThrow()
  ).id;
  const c = checker();
  for (const login of DEMO_LOGINS) {
    for (const via of ['feide', 'idporten'] as const) {
      const actor = await actorOf(person[login.key], via);
      const want = via === 'feide' && login.key === 'school-owner';
      c.equal(canEditPrivacyStatement(actor, demo), want, `${login.key} via ${via}`);
      c.equal(canEditPrivacyStatement(actor, demo + 1000), false, `${login.key} via ${via} / another municipality`);
      c.equal(canExtractArchive(actor, demo), want, `${login.key} via ${via} / archive extract`);
      c.equal(canExtractArchive(actor, demo + 1000), false, `${login.key} via ${via} / another municipality's archive`);
    }
  }
  c.done();
});

// ---------------------------------------------------------------------------------------------------
// SFO applications (issue 12: G8, S8): who applies, who decides — also for a pupil not yet in the SFO
// ---------------------------------------------------------------------------------------------------

test('SFO applications: the guardian applies; the SFO leader and the school leadership decide, also before the pupil is in the SFO; not SFO staff, teachers or another school', async () => {
  const c = checker();
  const fjLeader = staffWith(world, 'sfo_leader', (m) => m.sfoId === fjSfo)[0]!;
  const atBj = { schoolId: world.schoolId(BJ), sfoId: bjSfo };
  const atFj = { schoolId: world.schoolId(FJ), sfoId: fjSfo };
  // Sofie (Bjørkelia 3A) has no SFO place in the seed: an application for a first place.
  const pupils = [
    { label: 'Sofie, Bjørkelia, not in SFO yet', pupil: kariSofie, place: atBj },
    { label: 'in Bjørkelia SFO', pupil: P.sfoOwn, place: atBj },
    { label: 'Bjørkelia trinn 1–4, not in SFO', pupil: P.sfoOther, place: atBj },
    { label: 'Fjellheim pupil in Fjellheim SFO', pupil: P.otherSchool, place: atFj },
  ];
  const rows: { role: string; personId: number; via: LoginProvider; decides: boolean[]; applies: boolean[] }[] = [
    {
      role: 'guardian Kari',
      personId: person.guardian,
      via: 'idporten',
      decides: [false, false, false, false],
      applies: [true, false, false, false],
    },
    {
      role: 'sfo_leader Berit (Bjørkelia SFO)',
      personId: person['sfo-leader'],
      via: 'feide',
      decides: [true, true, true, false],
      applies: [false, false, false, false],
    },
    {
      role: 'sfo_staff Jonas Eng',
      personId: person['sfo-staff'],
      via: 'feide',
      decides: [false, false, false, false],
      applies: [false, false, false, false],
    },
    {
      role: 'leadership Torunn (Bjørkelia)',
      personId: person.leadership,
      via: 'feide',
      decides: [true, true, true, false],
      applies: [false, false, false, false],
    },
    {
      role: 'teacher Ingvild',
      personId: person.teacher,
      via: 'feide',
      decides: [false, false, false, false],
      applies: [false, false, false, false],
    },
    {
      role: 'contact_teacher Marius',
      personId: person['contact-teacher'],
      via: 'feide',
      decides: [false, false, false, false],
      applies: [false, false, false, false],
    },
    {
      role: 'school_owner Randi',
      personId: person['school-owner'],
      via: 'feide',
      decides: [false, false, false, false],
      applies: [false, false, false, false],
    },
    {
      role: 'sfo_leader (Fjellheim SFO: other school)',
      personId: fjLeader,
      via: 'feide',
      decides: [false, false, false, true],
      applies: [false, false, false, false],
    },
  ];
  await withRollback(db, async (trx) => {
    const apps: { id: number; facts: PupilFacts; place: ApplicationPlace }[] = [];
    for (const p of pupils) {
      const facts = await factsOf(p.pupil.id, trx);
      const { id } = await trx
        .insertInto('application')
        .values({
          kind: 'sfo_place',
          pupil_id: p.pupil.id,
          school_id: p.place.schoolId,
          sfo_id: p.place.sfoId,
          applicant_id: p.pupil.id,
          status: 'submitted',
          submitted_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      apps.push({ id, facts, place: p.place });
    }
    for (const row of rows) {
      const actor = await actorOf(row.personId, row.via, trx);
      const listed = (
        await trx
          .selectFrom('application as a')
          .select('a.id')
          .where(
            'a.id',
            'in',
            apps.map((a) => a.id),
          )
          .where((eb) => decidableApplicationCondition(eb, actor, APPLICATION_KINDS.sfo_place.decider, TODAY))
          .execute()
      ).map((r) => r.id);
      pupils.forEach((p, i) => {
        const app = apps[i]!;
        const decides = canDecideApplication(actor, app.facts, APPLICATION_KINDS.sfo_place.decider, app.place);
        c.equal(decides, row.decides[i], `${row.role} decides / ${p.label}`);
        c.equal(listed.includes(app.id), row.decides[i], `${row.role} queue (SQL twin) / ${p.label}`);
        c.equal(
          canApplyForSfo(actor, app.facts, app.place) && APPLICATION_KINDS.sfo_place.mayApply(actor, app.facts),
          row.applies[i],
          `${row.role} applies / ${p.label}`,
        );
      });
    }
    // A blocked guardian applies for nothing; the other guardian with responsibility does.
    const majaFacts = await factsOf(maja.id, trx);
    c.equal(
      canApplyForSfo(await actorOf(person['guardian-blocked'], 'idporten', trx), majaFacts),
      false,
      'blocked guardian applies',
    );
    c.equal(canApplyForSfo(await actorOf(trine, 'idporten', trx), majaFacts), true, 'the other guardian applies');
    // A guardian applies only to an SFO at the child's own school.
    const sofieFacts = await factsOf(kariSofie.id, trx);
    const kari = await actorOf(person.guardian, 'idporten', trx);
    c.equal(canApplyForSfo(kari, sofieFacts, atFj), false, "Kari applies for Sofie to another school's SFO");
  });
  c.done();
});

test('SFO prices and the invoice basis (issue 12): canUseSfo per role and capability, and sfosFor (SQL) agrees', async () => {
  const { canUseSfo } = await import('../../src/domain/access/policy.ts');
  const { sfosFor } = await import('../../src/domain/sfo/units.ts');
  const units = await db
    .selectFrom('sfo as f')
    .innerJoin('school as s', 's.id', 'f.school_id')
    .select(['f.id as sfoId', 'f.school_id as schoolId', 's.municipality_id as municipalityId', 'f.name'])
    .where('f.id', 'in', [bjSfo, fjSfo])
    .execute();
  const caps = ['view_prices', 'edit_prices', 'run', 'accounts'] as const;
  // Written from the role table: the owner reads and edits prices and reads the accounts of every SFO it owns (not
  // 'run'); the SFO's leader and its school's leadership read prices, run it and read the accounts; nobody else —
  // not SFO staff, teachers, guardians, pupils, nor leadership of another school (Fjellheim SFO for Bjørkelia's).
  const Y = { view_prices: true, edit_prices: false, run: true, accounts: true };
  const OWNER = { view_prices: true, edit_prices: true, run: false, accounts: true };
  const N = { view_prices: false, edit_prices: false, run: false, accounts: false };
  const expected: Partial<Record<DemoLoginKey, Record<string, typeof N>>> = {
    'school-owner': { 'Bjørkelia SFO': OWNER, 'Fjellheim SFO': OWNER },
    leadership: { 'Bjørkelia SFO': Y, 'Fjellheim SFO': N },
    'sfo-leader': { 'Bjørkelia SFO': Y, 'Fjellheim SFO': N },
  };
  const c = checker();
  for (const login of DEMO_LOGINS) {
    for (const via of ['feide', 'idporten'] as const) {
      const actor = await actorOf(person[login.key], via);
      for (const cap of caps) {
        const want = units
          .filter((u) => via === 'feide' && (expected[login.key]?.[u.name] ?? N)[cap])
          .map((u) => u.name);
        for (const u of units)
          c.equal(canUseSfo(actor, u, cap), want.includes(u.name), `${login.key} via ${via} / ${u.name} / ${cap}`);
        const listed = (await sfosFor(db, actor, cap))
          .map((s) => s.name)
          .filter((n) => units.some((u) => u.name === n));
        c.equal(listed.sort().join(','), want.sort().join(','), `${login.key} via ${via} / sfosFor ${cap}`);
      }
    }
  }
  c.done();
});

test('reduced SFO payment (canApplyForReducedSfoPayment) and summer SFO / free SFO (canUseSfo run, requireSfo): per role', async () => {
  // From the role table: a guardian applies for their own child with an SFO place now (Kari for Sofie once she has
  // one; nobody for Jonas without a place); staff never (not via Feide, not via ID-porten). The summer SFO and the
  // free-SFO records ('run') are the SFO leader's and the school's leadership's: Berit and Torunn for Bjørkelia SFO,
  // nobody of the demo logins for Fjellheim SFO; not SFO staff, teachers, the school owner, guardians or pupils.
  const c = checker();
  const units = await db
    .selectFrom('sfo as f')
    .innerJoin('school as s', 's.id', 'f.school_id')
    .select(['f.id as sfoId', 'f.school_id as schoolId', 's.municipality_id as municipalityId', 'f.name'])
    .orderBy('f.id')
    .execute();
  const runners: Record<string, DemoLoginKey[]> = {
    'Bjørkelia SFO': ['sfo-leader', 'leadership'],
    'Fjellheim SFO': [],
  };
  await withRollback(db, async (trx) => {
    await trx
      .insertInto('sfo_enrolment')
      .values({ sfo_id: bjSfo, pupil_id: kariSofie.id, starts_on: '2026-08-17' })
      .execute();
    const sofieFacts = await factsOf(kariSofie.id, trx);
    const jonasFacts = await factsOf(kariJonas.id, trx);
    for (const login of DEMO_LOGINS) {
      for (const via of ['feide', 'idporten'] as const) {
        const actor = await actorOf(person[login.key], via, trx);
        const label = `${login.key} via ${via}`;
        c.equal(
          canApplyForReducedSfoPayment(actor, sofieFacts),
          login.key === 'guardian' && via === 'idporten',
          `${label} / reduced payment for Sofie (SFO place)`,
        );
        c.equal(
          canApplyForReducedSfoPayment(actor, jonasFacts),
          false,
          `${label} / reduced payment for Jonas (no place)`,
        );
        for (const unit of units) {
          const want = via === 'feide' && (runners[unit.name] ?? []).includes(login.key);
          c.equal(canUseSfo(actor, unit, 'run'), want, `${label} / run ${unit.name}`);
          if (!want) await c.notFound(requireSfo(trx, actor, unit.sfoId, 'run'), `${label} / requireSfo ${unit.name}`);
        }
      }
    }
  });
  const kari = await actorOf(person.guardian, 'idporten');
  c.equal(
    canApplyForReducedSfoPayment(kari, await factsOf(kariSofie.id)),
    false,
    'Kari for Sofie without an SFO place',
  );
  c.done();
});

// ---------------------------------------------------------------------------------------------------
// Skolestartere (issue 12): a child admitted to 1. trinn from a later day — 'starter_guardian'
// ---------------------------------------------------------------------------------------------------

const FIRST_SCHOOL_DAY = '2027-08-16';

/**
 * Ida, admitted to a 1. trinn class at Bjørkelia from the first school day of next year, no enrolment now. Kari and a
 * second guardian hold parental responsibility; a blocked guardian, and a contact person (no parental responsibility,
 * as the register import and the office make one), do not reach her.
 */
async function addStarter(trx: Db) {
  const bj = world.schoolId(BJ);
  const { municipality_id } = await trx
    .selectFrom('school')
    .select('municipality_id')
    .where('id', '=', bj)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('school_year')
    .values({ municipality_id, name: '2027–2028', starts_on: FIRST_SCHOOL_DAY, ends_on: '2028-06-16' })
    .onConflict((oc) => oc.columns(['municipality_id', 'starts_on']).doNothing())
    .execute();
  const year = await trx
    .selectFrom('school_year')
    .select('id')
    .where('municipality_id', '=', municipality_id)
    .where('starts_on', '=', FIRST_SCHOOL_DAY)
    .executeTakeFirstOrThrow();
  const cls = await trx
    .insertInto('class')
    .values({ school_id: bj, school_year_id: year.id, name: '1S', trinn: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const newPerson = async (given: string) =>
    (
      await trx
        .insertInto('person')
        .values({ given_name: given, family_name: 'Skolestarter' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const ida = await newPerson('Ida');
  const coGuardian = await newPerson('Per');
  const blocked = await newPerson('Blokkert');
  const contact = await newPerson('Kontakt');
  await trx
    .insertInto('enrolment')
    .values({ pupil_id: ida, school_id: bj, class_id: cls.id, starts_on: FIRST_SCHOOL_DAY })
    .execute();
  await trx
    .insertInto('guardian_relation')
    .values([
      { pupil_id: ida, guardian_id: person.guardian, relation: 'mor' },
      { pupil_id: ida, guardian_id: coGuardian, relation: 'far' },
      { pupil_id: ida, guardian_id: blocked, relation: 'far', blocked: true },
      {
        pupil_id: ida,
        guardian_id: contact,
        relation: 'annet',
        parental_responsibility: false,
        contact_person_only: true,
      },
    ])
    .execute();
  return { ida, coGuardian, blocked, contact, classId: cls.id };
}

test('skolestarter (starter_guardian): her guardians see her and apply for SFO, nothing else; blocked and contact persons nothing; staff as for a pupil not yet started; JS, SQL and the spec agree', async () => {
  const c = checker();
  await withRollback(db, async (trx) => {
    const s = await addStarter(trx);
    const w = await loadWorld(trx, TODAY);
    const facts = await factsOf(s.ida, trx);
    const atBj = { schoolId: world.schoolId(BJ), sfoId: bjSfo };
    const atFj = { schoolId: world.schoolId(FJ), sfoId: fjSfo };
    const fjLeader = staffWith(world, 'sfo_leader', (m) => m.sfoId === fjSfo)[0]!;
    const { id: appId } = await trx
      .insertInto('application')
      .values({
        kind: 'sfo_place',
        pupil_id: s.ida,
        school_id: atBj.schoolId,
        sfo_id: atBj.sfoId,
        applicant_id: person.guardian,
        status: 'submitted',
        submitted_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    //  [role, personId, via, expected grid, applies for SFO at Bjørkelia, decides her SFO application]
    const rows: [string, number, LoginProvider, Row, boolean, boolean][] = [
      ['guardian Kari (mor)', person.guardian, 'idporten', OWN.starter_guardian, true, false],
      ['the other guardian (far)', s.coGuardian, 'idporten', OWN.starter_guardian, true, false],
      ['a blocked guardian', s.blocked, 'idporten', NONE, false, false],
      ['a contact person (no parental responsibility)', s.contact, 'idporten', NONE, false, false],
      ['Kari via feide', person.guardian, 'feide', NONE, false, false],
      ['guardian Ola (not hers)', person['guardian-private'], 'idporten', NONE, false, false],
      // Leadership and the school owner reach every enrolment at their schools, also one starting later (as 'archive').
      ['leadership Torunn (Bjørkelia)', person.leadership, 'feide', ARCHIVE.leadership, false, true],
      ['school owner Randi', person['school-owner'], 'feide', ARCHIVE.school_owner, false, false],
      ['sfo_leader Berit (Bjørkelia SFO)', person['sfo-leader'], 'feide', NONE, false, true],
      ['sfo_staff Jonas Eng', person['sfo-staff'], 'feide', NONE, false, false],
      ['contact_teacher Marius (5A)', person['contact-teacher'], 'feide', NONE, false, false],
      ['teacher Ingvild', person.teacher, 'feide', NONE, false, false],
      ['sfo_leader of Fjellheim SFO', fjLeader, 'feide', NONE, false, false],
      ['pupil Emma', person.pupil, 'feide', NONE, false, false],
    ];
    let starterReach = 0;
    for (const [role, personId, via, expected, applies, decides] of rows) {
      const actor = await actorOf(personId, via, trx);
      const label = `${role} / skolestarter Ida`;
      await checkCell(c, trx, actor, s.ida, expected, label);
      const reach = reachOf(actor, facts);
      if (reach.has('starter_guardian')) starterReach++;
      c.equal(reach.has('guardian'), false, `${label} / no ordinary guardian reach before the first school day`);
      c.equal(
        specReach(w, personId, via, s.ida).has('starter_guardian'),
        reach.has('starter_guardian'),
        `${label} / starter_guardian: policy vs spec`,
      );
      // SQL twin: the list has her exactly when the policy lets the actor see her.
      c.equal((await visibleIds(trx, actor)).includes(s.ida), expected.viewPupil, `${label} / listVisiblePupils`);
      c.equal(canApplyForSfo(actor, facts, atBj), applies, `${label} / applies for SFO at Bjørkelia`);
      c.equal(APPLICATION_KINDS.sfo_place.mayApply(actor, facts), applies, `${label} / sfo_place mayApply`);
      c.equal(canApplyForSfo(actor, facts, atFj), false, `${label} / applies for SFO at Fjellheim (not her school)`);
      c.equal(canApplyForLeave(actor, facts), false, `${label} / applies for leave`);
      c.equal(canApplyForReducedSfoPayment(actor, facts), false, `${label} / reduced payment (no place)`);
      c.equal(
        canDecideApplication(actor, facts, APPLICATION_KINDS.sfo_place.decider, atBj),
        decides,
        `${label} / decides her SFO application`,
      );
      c.equal(
        canDecideApplication(actor, facts, 'school_leadership', atBj),
        false,
        `${label} / decides leave (she is not at school yet)`,
      );
      const listed = await trx
        .selectFrom('application as a')
        .select('a.id')
        .where('a.id', '=', appId)
        .where((eb) => decidableApplicationCondition(eb, actor, APPLICATION_KINDS.sfo_place.decider, TODAY))
        .execute();
      c.equal(listed.length === 1, decides, `${label} / the SFO decision queue (SQL twin)`);
    }
    c.equal(starterReach, 2, 'exactly her two guardians with parental responsibility reach her as starter_guardian');
    // Guardians' whole lists: SQL = policy = spec (Kari: Sofie, Jonas and Ida).
    for (const [who, personId] of [
      ['Kari', person.guardian],
      ['the other guardian', s.coGuardian],
      ['the blocked guardian', s.blocked],
    ] as const) {
      const actor = await actorOf(personId, 'idporten', trx);
      c.equal(
        JSON.stringify(await visibleIds(trx, actor)),
        JSON.stringify(sorted(specVisible(w, personId, 'idporten'))),
        `${who} via idporten / list = spec`,
      );
    }
    c.equal(
      JSON.stringify(await visibleIds(trx, await actorOf(person.guardian, 'idporten', trx))),
      JSON.stringify(sorted([kariSofie.id, kariJonas.id, s.ida])),
      'Kari / list = Sofie, Jonas and Ida',
    );
  });
  c.done();
});

test('skolestarter: on the first school day she is an ordinary pupil (guardian), and a 2. trinn admission from a later day gives no starter reach', async () => {
  const c = checker();
  await withRollback(db, async (trx) => {
    const s = await addStarter(trx);
    const kariThen = await loadActor(trx, person.guardian, 'idporten', FIRST_SCHOOL_DAY);
    const then = await loadPupilFacts(trx, s.ida, FIRST_SCHOOL_DAY);
    assert.ok(kariThen && then);
    const reach = reachOf(kariThen, then);
    c.ok(reach.has('guardian') && !reach.has('starter_guardian'), 'first school day / guardian, not starter_guardian');
    c.equal(canApplyForLeave(kariThen, then), true, 'first school day / Kari applies for leave');
    // A child moving in from elsewhere, admitted to 2. trinn from a later day, is not a skolestarter.
    await trx.updateTable('class').set({ trinn: 2 }).where('id', '=', s.classId).execute();
    const kari = await actorOf(person.guardian, 'idporten', trx);
    await checkCell(c, trx, kari, s.ida, NONE, 'admitted to 2. trinn from a later day');
    c.ok(!(await visibleIds(trx, kari)).includes(s.ida), 'admitted to 2. trinn from a later day / not listed');
  });
  c.done();
});
