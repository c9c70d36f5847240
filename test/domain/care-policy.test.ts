import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import type { LoginProvider } from '../../src/db/schema.ts';
import { DEMO_LOGINS, type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { loadActor, type Actor } from '../../src/domain/access/actor.ts';
import { loadCareFacts, type CareUnit } from '../../src/domain/access/care-facts.ts';
import {
  careChildCondition,
  careUnitsFor,
  requireCareUnit,
  requireChildCare,
} from '../../src/domain/access/care-scope.ts';
import { listManagedKindergartens } from '../../src/domain/kindergarten/office.ts';
import {
  kindergartenConsentOverview,
  requireKindergartenConsentChild,
} from '../../src/domain/consents/kindergarten.ts';
import { listManagedNews } from '../../src/domain/news/manage.ts';
import {
  canAnswerKindergartenConsents,
  canManageKindergarten,
  canPublishKindergartenNews,
  canViewKindergartenConsents,
  canReadChildKindergartenNews,
  canReadKindergartenNews,
  canPlanChildCare,
  canRegisterChildCare,
  canUseCareBoard,
  canViewCareStatistics,
  canViewChildCare,
} from '../../src/domain/access/policy.ts';
import type { KindergartenNewsTarget } from '../../src/domain/access/policy.ts';
import { NotFoundError } from '../../src/domain/errors.ts';
import { countUnreadThreads, listInbox } from '../../src/domain/messages/lists.ts';
import { canViewKindergartenThread } from '../../src/domain/messages/policy.ts';
import { requireKindergartenChildThread, requireStaffThread } from '../../src/domain/messages/threads.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId, withRollback } from '../support/fixtures.ts';

/*
 * The daily-care policy matrix (issue 13; G11, S10, K1), checked against the role table, not against the code:
 * - a kindergarten's styrer, pedagogical leaders and staff reach every child of THEIR kindergarten (all departments);
 *   the styrer also reads its statistics;
 * - an SFO's leader and staff reach the SFO's children; the school's leadership is the SFO's leader too;
 * - the school owner reads the statistics of every unit it owns, and never a child's day;
 * - a guardian (not blocked, not a contact person) reaches their own child with a place; plans only as guardian;
 * - everyone else — teachers, pupils, another unit's staff, any staff via ID-porten, a guardian via Feide — nothing.
 * Written out below, on the demo seed at a fixed date, plus a second kindergarten in Demo kommune with its own styrer
 * and child ("another unit") and a kindergarten of the private owner.
 */

const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);

const person = {} as Record<DemoLoginKey, number>;
for (const login of DEMO_LOGINS) person[login.key] = await loginPersonId(db, login.key);

const one = async <T>(q: Promise<{ rows: T[] }>): Promise<T> => {
  const { rows } = await q;
  assert.ok(rows[0], 'a row');
  return rows[0];
};
const idOf = async (text: ReturnType<typeof sql<{ id: number }>>) => Number((await one(text.execute(db))).id);

const nora = await idOf(sql`select id from person where given_name = 'Nora' and family_name = 'Nordmann'
  and exists (select 1 from kindergarten_enrolment where child_id = person.id)`);
const theo = await idOf(sql`select id from person where given_name = 'Theo' and family_name = 'Solvang'`);
const anders = await idOf(sql`select id from person where given_name = 'Anders' and family_name = 'Nordmann'`);
const sfoChild = await idOf(sql`select f.pupil_id as id from sfo_enrolment f join sfo on sfo.id = f.sfo_id
  join person p on p.id = f.pupil_id
  where sfo.name = 'Bjørkelia SFO' and f.starts_on <= ${TODAY} and (f.ends_on is null or f.ends_on >= ${TODAY})
    and p.address_protection = 'none' order by f.pupil_id limit 1`);
const fjSfoChild = await idOf(sql`select f.pupil_id as id from sfo_enrolment f join sfo on sfo.id = f.sfo_id
  where sfo.name = 'Fjellheim SFO' and f.starts_on <= ${TODAY} and (f.ends_on is null or f.ends_on >= ${TODAY})
  order by f.pupil_id limit 1`);
const noPlace = await idOf(sql`select e.pupil_id as id from enrolment e join school s on s.id = e.school_id
  where s.name = 'Bjørkelia skole' and e.ends_on is null
    and not exists (select 1 from sfo_enrolment f where f.pupil_id = e.pupil_id)
  order by e.pupil_id limit 1`);
const sfoGuardian = await idOf(sql`select guardian_id as id from guardian_relation
  where pupil_id = ${sfoChild} and not blocked and not contact_person_only order by guardian_id limit 1`);

// Another unit: Elvetun barnehage in Demo kommune, its styrer and one child; and a kindergarten of the private owner.
const demoOwner = await idOf(sql`select id from municipality where org_number = '921000001'`);
const privateOwner = await idOf(sql`select id from municipality where name = 'Stiftelsen Nordlys'`);
const kg = await idOf(sql`select id from kindergarten where name = 'Bjørkelia barnehage'`);
const kg2 = await idOf(
  sql`insert into kindergarten (municipality_id, name) values (${demoOwner}, 'Elvetun barnehage') returning id`,
);
const kgPrivate = await idOf(
  sql`insert into kindergarten (municipality_id, name) values (${privateOwner}, 'Nordlys barnehage') returning id`,
);
const kg2Department = await idOf(
  sql`insert into kindergarten_department (kindergarten_id, name) values (${kg2}, 'Elva') returning id`,
);
const kg2Child = await idOf(sql`insert into person (given_name, family_name) values ('Mio', 'Elvetun') returning id`);
await sql`insert into kindergarten_enrolment (child_id, department_id, starts_on) values (${kg2Child}, ${kg2Department}, '2026-08-01')`.execute(
  db,
);
const kg2Leader = await idOf(sql`insert into person (given_name, family_name) values ('Åse', 'Elvetun') returning id`);
await sql`insert into staff_membership (person_id, municipality_id, kindergarten_id, role, starts_on)
  values (${kg2Leader}, ${demoOwner}, ${kg2}, 'kindergarten_leader', '2020-08-01')`.execute(db);
const sfoId = async (name: string) => idOf(sql`select id from sfo where name = ${name}`);
const bjSfo = await sfoId('Bjørkelia SFO');
const fjSfo = await sfoId('Fjellheim SFO');
const schoolOf = async (id: number) => idOf(sql`select school_id as id from sfo where id = ${id}`);

const UNITS: Record<string, CareUnit> = {
  'Bjørkelia barnehage': { kind: 'kindergarten', id: kg, schoolId: null, municipalityId: demoOwner },
  'Elvetun barnehage': { kind: 'kindergarten', id: kg2, schoolId: null, municipalityId: demoOwner },
  'Nordlys barnehage': { kind: 'kindergarten', id: kgPrivate, schoolId: null, municipalityId: privateOwner },
  'Bjørkelia SFO': { kind: 'sfo', id: bjSfo, schoolId: await schoolOf(bjSfo), municipalityId: demoOwner },
  'Fjellheim SFO': { kind: 'sfo', id: fjSfo, schoolId: await schoolOf(fjSfo), municipalityId: demoOwner },
};
const CHILDREN: Record<string, number> = { nora, theo, sfoChild, fjSfoChild, noPlace, kg2Child };
const departmentOf = (name: string) =>
  idOf(sql`select id from kindergarten_department where kindergarten_id = ${kg} and name = ${name}`);
/** Where a kindergarten's news post can go: the whole unit, or one department. */
const NEWS_TARGETS: Record<string, KindergartenNewsTarget> = {
  'Bjørkelia barnehage': { kindergartenId: kg, departmentId: null },
  Bjørnehiet: { kindergartenId: kg, departmentId: await departmentOf('Bjørnehiet') },
  Maurtua: { kindergartenId: kg, departmentId: await departmentOf('Maurtua') },
  'Elvetun barnehage': { kindergartenId: kg2, departmentId: null },
  Elva: { kindergartenId: kg2, departmentId: kg2Department },
};

async function actorOf(personId: number, via: LoginProvider, d: Db = db): Promise<Actor> {
  const actor = await loadActor(d, personId, via, TODAY);
  assert.ok(actor, `actor ${personId} loads`);
  return actor;
}

type Can = 'view' | 'register' | 'plan';
const STAFF: Can[] = ['view', 'register'];
const GUARDIAN: Can[] = ['view', 'plan'];

/** Per actor (Feide unless said): which children in which capacity, which units as board / statistics. */
interface Expectation {
  children: Record<string, Can[]>;
  board: string[];
  statistics: string[];
  /** The kindergarten's office (canManageKindergarten): its styrer and its owner. */
  office?: string[];
  /** Kindergarten news (NEWS_TARGETS) the actor publishes, and reads as staff (publishers read too). */
  publishNews?: string[];
  readNews?: string[];
  /** Children whose kindergarten news the actor reads as guardian. */
  childNews?: string[];
  /** Children whose kindergarten consents the actor sees and answers as guardian (a school child's are the school's). */
  childConsents?: string[];
  /** Kindergartens whose consent overview the actor sees. */
  consentOverview?: string[];
}
const NOTHING: Expectation = { children: {}, board: [], statistics: [] };
const KG_STAFF: Expectation = {
  children: { nora: STAFF, theo: STAFF },
  board: ['Bjørkelia barnehage'],
  statistics: [],
  consentOverview: ['Bjørkelia barnehage'],
};
const BJ_SFO_STAFF: Expectation = { children: { sfoChild: STAFF }, board: ['Bjørkelia SFO'], statistics: [] };

const BJ_UNIT_NEWS = ['Bjørkelia barnehage', 'Bjørnehiet', 'Maurtua'];
const BJORNEHIET_READS = ['Bjørkelia barnehage', 'Bjørnehiet'];

const FEIDE: Record<DemoLoginKey, Expectation> = {
  guardian: NOTHING,
  'guardian-private': NOTHING,
  'guardian-blocked': NOTHING,
  'guardian-left': NOTHING,
  'contact-teacher': NOTHING,
  teacher: NOTHING,
  pupil: NOTHING,
  leadership: { ...BJ_SFO_STAFF, statistics: ['Bjørkelia SFO'] },
  'school-owner': {
    children: {},
    board: [],
    statistics: ['Bjørkelia barnehage', 'Elvetun barnehage', 'Bjørkelia SFO', 'Fjellheim SFO'],
    office: ['Bjørkelia barnehage', 'Elvetun barnehage'],
  },
  'sfo-leader': { ...BJ_SFO_STAFF, statistics: ['Bjørkelia SFO'] },
  'sfo-staff': BJ_SFO_STAFF,
  'kindergarten-leader': {
    ...KG_STAFF,
    statistics: ['Bjørkelia barnehage'],
    office: ['Bjørkelia barnehage'],
    publishNews: BJ_UNIT_NEWS,
  },
  'pedagogical-leader': { ...KG_STAFF, publishNews: ['Bjørnehiet'], readNews: BJORNEHIET_READS },
  'kindergarten-staff': { ...KG_STAFF, readNews: BJORNEHIET_READS },
};
const IDPORTEN: Partial<Record<DemoLoginKey, Expectation>> = {
  guardian: { children: { nora: GUARDIAN }, board: [], statistics: [], childNews: ['nora'], childConsents: ['nora'] },
};

/** Whether a scoped load finds the record (a NotFoundError: not found; anything else fails the test). */
const found = (load: Promise<unknown>) =>
  load.then(
    () => true,
    (error) => {
      if (!(error instanceof NotFoundError)) throw error;
      return false;
    },
  );

async function check(label: string, actor: Actor, want: Expectation, failures: string[]) {
  const eq = (actual: unknown, expected: unknown, what: string) => {
    if (actual !== expected) failures.push(`${label} / ${what}: expected ${String(expected)}, got ${String(actual)}`);
  };
  for (const [name, childId] of Object.entries(CHILDREN)) {
    const facts = await loadCareFacts(db, childId, TODAY);
    assert.ok(facts);
    const wanted = want.children[name] ?? [];
    eq(canViewChildCare(actor, facts), wanted.includes('view'), `${name} view`);
    eq(canRegisterChildCare(actor, facts), wanted.includes('register'), `${name} register`);
    eq(canPlanChildCare(actor, facts), wanted.includes('plan'), `${name} plan`);
    eq(
      await found(requireChildCare(db, actor, childId, 'view', TODAY)),
      wanted.includes('view'),
      `${name} requireChildCare`,
    );
    eq(canReadChildKindergartenNews(actor, facts), (want.childNews ?? []).includes(name), `${name} kindergarten news`);
    const consents = (want.childConsents ?? []).includes(name);
    eq(canAnswerKindergartenConsents(actor, facts), consents, `${name} kindergarten consents`);
    eq(await found(requireKindergartenConsentChild(db, actor, childId, TODAY)), consents, `${name} consent child`);
  }
  for (const [name, target] of Object.entries(NEWS_TARGETS)) {
    eq(canPublishKindergartenNews(actor, target), (want.publishNews ?? []).includes(name), `${name} publish news`);
    const reads = want.readNews ?? want.publishNews ?? [];
    eq(canReadKindergartenNews(actor, target), reads.includes(name), `${name} read news`);
  }
  for (const [name, unit] of Object.entries(UNITS)) {
    eq(canUseCareBoard(actor, unit), want.board.includes(name), `${name} board`);
    eq(canViewCareStatistics(actor, unit), want.statistics.includes(name), `${name} statistics`);
    for (const use of ['board', 'statistics'] as const) {
      const found = await requireCareUnit(db, actor, unit.kind, unit.id, use).then(
        () => true,
        () => false,
      );
      eq(found, (use === 'board' ? want.board : want.statistics).includes(name), `${name} requireCareUnit ${use}`);
    }
  }
  const listed = (await careUnitsFor(db, actor)).map((u) => u.name).sort();
  eq(listed.join(','), [...want.board].sort().join(','), 'careUnitsFor');
  for (const [name, unit] of Object.entries(UNITS)) {
    eq(canManageKindergarten(actor, unit), (want.office ?? []).includes(name), `${name} office`);
    const overview = (want.consentOverview ?? []).includes(name);
    eq(canViewKindergartenConsents(actor, unit), overview, `${name} consent overview`);
    if (unit.kind === 'kindergarten')
      eq(await found(kindergartenConsentOverview(db, actor, unit.id, {}, TODAY)), overview, `${name} overview loads`);
  }
  const offices = (await listManagedKindergartens(db, actor)).map((k) => k.name).sort();
  eq(offices.join(','), [...(want.office ?? [])].sort().join(','), 'listManagedKindergartens');
}

test('daily care: every demo login, via Feide and ID-porten, against the role table', async () => {
  const failures: string[] = [];
  for (const login of DEMO_LOGINS) {
    await check(`${login.key} via feide`, await actorOf(person[login.key], 'feide'), FEIDE[login.key], failures);
    await check(
      `${login.key} via idporten`,
      await actorOf(person[login.key], 'idporten'),
      IDPORTEN[login.key] ?? NOTHING,
      failures,
    );
  }
  await check(
    'another unit’s styrer',
    await actorOf(kg2Leader, 'feide'),
    {
      children: { kg2Child: STAFF },
      board: ['Elvetun barnehage'],
      statistics: ['Elvetun barnehage'],
      office: ['Elvetun barnehage'],
      publishNews: ['Elvetun barnehage', 'Elva'],
      consentOverview: ['Elvetun barnehage'],
    },
    failures,
  );
  await check(
    'the other guardian (Anders)',
    await actorOf(anders, 'idporten'),
    {
      children: { nora: GUARDIAN },
      board: [],
      statistics: [],
      childNews: ['nora'],
      childConsents: ['nora'],
    },
    failures,
  );
  await check(
    'an SFO child’s guardian',
    await actorOf(sfoGuardian, 'idporten'),
    {
      children: { sfoChild: GUARDIAN },
      board: [],
      statistics: [],
    },
    failures,
  );
  assert.deepEqual(failures, []);
});

test('daily care: a blocked guardian, a contact person, and an ended place reach nothing', async () => {
  await withRollback(db, async (trx) => {
    await sql`update guardian_relation set blocked = true where pupil_id = ${nora} and guardian_id = ${anders}`.execute(
      trx,
    );
    const facts = await loadCareFacts(trx, nora, TODAY);
    assert.ok(facts);
    assert.equal(canViewChildCare(await actorOf(anders, 'idporten', trx), facts), false, 'blocked');
  });
  await withRollback(db, async (trx) => {
    await sql`update guardian_relation set contact_person_only = true, parental_responsibility = false
      where pupil_id = ${nora} and guardian_id = ${anders}`.execute(trx);
    const facts = await loadCareFacts(trx, nora, TODAY);
    assert.ok(facts);
    assert.equal(canViewChildCare(await actorOf(anders, 'idporten', trx), facts), false, 'contact person');
  });
  await withRollback(db, async (trx) => {
    await sql`update kindergarten_enrolment set ends_on = '2026-11-24' where child_id = ${nora}`.execute(trx);
    const facts = await loadCareFacts(trx, nora, TODAY);
    assert.ok(facts);
    for (const [key, via] of [
      ['guardian', 'idporten'],
      ['kindergarten-leader', 'feide'],
      ['kindergarten-staff', 'feide'],
    ] as const)
      assert.equal(canViewChildCare(await actorOf(person[key], via, trx), facts), false, `${key}: place ended`);
  });
});

test('daily care: the SQL twin (careChildCondition) agrees with canViewChildCare for every login and child', async () => {
  const { rows } = await sql<{
    id: number;
  }>`select id from person p where exists (select 1 from kindergarten_enrolment k
      where k.child_id = p.id) or exists (select 1 from sfo_enrolment f where f.pupil_id = p.id)
      or p.id = ${noPlace} order by id`.execute(db);
  const ids = rows.map((r) => Number(r.id));
  const facts = await Promise.all(ids.map((id) => loadCareFacts(db, id, TODAY)));
  const actors: [string, number, LoginProvider][] = [
    ...DEMO_LOGINS.flatMap((l): [string, number, LoginProvider][] => [
      [l.key, person[l.key], 'feide'],
      [l.key, person[l.key], 'idporten'],
    ]),
    ['kg2 styrer', kg2Leader, 'feide'],
    ['anders', anders, 'idporten'],
  ];
  let reached = 0;
  for (const [label, personId, via] of actors) {
    const actor = await actorOf(personId, via);
    const policy = ids.filter((_, i) => canViewChildCare(actor, facts[i]!));
    const { rows: visible } = await sql<{ id: number }>`select p.id from person p
      where p.id = any(${sql.val(ids)}::bigint[]) and ${careChildCondition(sql.ref('p.id'), actor, TODAY)}
      order by p.id`.execute(db);
    assert.deepEqual(
      visible.map((r) => Number(r.id)),
      policy,
      `${label} via ${via}`,
    );
    reached += policy.length;
  }
  assert.ok(reached > 100, 'the check compares real reach, not empty sets');
});

test('kindergarten news: the staff list (listManagedNews, SQL) agrees with canReadKindergartenNews', async () => {
  await withRollback(db, async (trx) => {
    const author = person['kindergarten-leader'];
    const ids = new Map<number, string>();
    for (const [name, target] of Object.entries(NEWS_TARGETS)) {
      const { id } = await trx
        .insertInto('news_post')
        .values({
          kind: 'news',
          school_id: null,
          scope: target.departmentId === null ? 'kindergarten' : 'department',
          kindergarten_id: target.kindergartenId,
          kindergarten_department_id: target.departmentId,
          title: name,
          body: 'x',
          week: null,
          author_id: author,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(id, name);
    }
    const actors: [string, number, LoginProvider][] = [
      ...DEMO_LOGINS.map((l): [string, number, LoginProvider] => [l.key, person[l.key], 'feide']),
      ['kg2 styrer', kg2Leader, 'feide'],
    ];
    for (const [label, personId, via] of actors) {
      const actor = await actorOf(personId, via, trx);
      const listed = (await listManagedNews(trx, actor, 1)).items.filter((p) => ids.has(p.id)).map((p) => p.title);
      const policy = Object.entries(NEWS_TARGETS)
        .filter(([, target]) => canReadKindergartenNews(actor, target))
        .map(([name]) => name);
      assert.deepEqual(listed.sort(), policy.sort(), label);
    }
  });
});

test('kindergarten news: a post belongs to exactly one school or one kindergarten, its department to it (CHECKs)', async () => {
  const school = await idOf(sql`select id from school where name = 'Bjørkelia skole'`);
  const bad = [
    sql`insert into news_post (kind, school_id, kindergarten_id, scope, title, body, author_id)
      values ('news', ${school}, ${kg}, 'kindergarten', 't', 'b', ${person.leadership})`,
    sql`insert into news_post (kind, scope, title, body, author_id)
      values ('news', 'kindergarten', 't', 'b', ${person.leadership})`,
    sql`insert into news_post (kind, kindergarten_id, kindergarten_department_id, scope, title, body, author_id)
      values ('news', ${kg}, ${kg2Department}, 'department', 't', 'b', ${person.leadership})`,
    sql`insert into news_post (kind, kindergarten_id, scope, title, body, author_id)
      values ('news', ${kg}, 'department', 't', 'b', ${person.leadership})`,
    sql`insert into news_post (kind, school_id, scope, title, body, author_id)
      values ('news', ${school}, 'kindergarten', 't', 'b', ${person.leadership})`,
  ];
  for (const [i, statement] of bad.entries())
    await withRollback(db, async (trx) => {
      await assert.rejects(statement.execute(trx), Error, `statement ${i}`);
    });
});

/*
 * Messages to a kindergarten department (issue 13, items 1 and 5): a thread about a kindergarten child is seen by the
 * child's guardians, the pedagogical leader and staff of the thread's department and the kindergarten's styrer — not by
 * another department, a kindergarten staff member without a department, another kindergarten, or the school side. The
 * policy (canViewKindergartenThread), the loaders (requireStaffThread, requireKindergartenChildThread) and the SQL twin
 * (the inbox and the unread count, staffThreadReaches) must all say the same.
 */
test('kindergarten messages: who sees a thread to a department, in the policy, the loaders and the inbox', async () => {
  const departmentOf = async (child: number) =>
    one(
      sql<{ department_id: number; kindergarten_id: number }>`select ke.department_id, d.kindergarten_id
        from kindergarten_enrolment ke join kindergarten_department d on d.id = ke.department_id
        where ke.child_id = ${child}`.execute(db),
    );
  const threads: Record<string, { id: number; child: number; departmentId: number; kindergartenId: number }> = {};
  for (const [name, child] of Object.entries({ nora, theo, kg2Child })) {
    const place = await departmentOf(child);
    const thread = await idOf(sql`insert into message_thread (pupil_id, school_id, kind, kindergarten_department_id,
        subject, created_at, last_message_at)
      values (${child}, null, 'kindergarten', ${place.department_id}, 'Hei', now(), now()) returning id`);
    const message = await idOf(sql`insert into message (thread_id, author_id, author_capacity, body, via, created_at)
      values (${thread}, null, 'unknown', 'Hei', 'sms', now()) returning id`);
    await sql`update message_thread set last_message_id = ${message} where id = ${thread}`.execute(db);
    threads[name] = {
      id: thread,
      child,
      departmentId: Number(place.department_id),
      kindergartenId: Number(place.kindergarten_id),
    };
  }
  const vilde = await idOf(sql`select id from person where given_name = 'Vilde' and family_name = 'Aune'`);
  const floater = await idOf(
    sql`insert into person (given_name, family_name) values ('Uten', 'Avdeling') returning id`,
  );
  await sql`insert into staff_membership (person_id, municipality_id, kindergarten_id, role, starts_on)
    values (${floater}, ${demoOwner}, ${kg}, 'kindergarten_staff', '2020-08-01')`.execute(db);

  const expected: [string, number, LoginProvider, string[]][] = [
    ...DEMO_LOGINS.map((l): [string, number, LoginProvider, string[]] => [
      l.key,
      person[l.key],
      'feide',
      l.key === 'kindergarten-leader'
        ? ['nora', 'theo']
        : l.key === 'pedagogical-leader' || l.key === 'kindergarten-staff'
          ? ['nora']
          : [],
    ]),
    ...DEMO_LOGINS.map((l): [string, number, LoginProvider, string[]] => [
      l.key,
      person[l.key],
      'idporten',
      l.key === 'guardian' ? ['nora'] : [],
    ]),
    ['another kindergarten’s styrer', kg2Leader, 'feide', ['kg2Child']],
    ['another department’s pedagogical leader (Maurtua)', vilde, 'feide', ['theo']],
    ['kindergarten staff without a department', floater, 'feide', []],
    ['the other guardian (Anders)', anders, 'idporten', ['nora']],
  ];
  const failures: string[] = [];
  for (const [label, personId, via, want] of expected) {
    const actor = await actorOf(personId, via);
    const inbox =
      via === 'feide' && actor.staff.length
        ? (await listInbox(db, actor, 1, TODAY)).items.map((t) => t.id)
        : ([] as number[]);
    for (const [name, t] of Object.entries(threads)) {
      const facts = await loadCareFacts(db, t.child, TODAY);
      assert.ok(facts);
      const threadFacts = {
        kind: 'kindergarten' as const,
        schoolId: null,
        sfoId: null,
        departmentId: t.departmentId,
        kindergartenId: t.kindergartenId,
        participated: false,
      };
      const policy = canViewKindergartenThread(actor, facts, threadFacts);
      const loaded = await (via === 'feide'
        ? requireStaffThread(db, actor, t.id, TODAY)
        : requireKindergartenChildThread(db, actor, t.child, t.id, TODAY)
      ).then(
        () => true,
        (error) => {
          if (!(error instanceof NotFoundError)) throw error;
          return false;
        },
      );
      const wanted = want.includes(name);
      const at = `${label} via ${via} / ${name}`;
      if (policy !== wanted) failures.push(`${at} policy: expected ${wanted}`);
      if (loaded !== wanted) failures.push(`${at} loader: expected ${wanted}`);
      if (via === 'feide' && inbox.includes(t.id) !== wanted) failures.push(`${at} inbox: expected ${wanted}`);
    }
    if (via === 'feide' && actor.staff.some((g) => g.kindergartenId !== null)) {
      const unread = await countUnreadThreads(db, actor, TODAY);
      if (unread !== want.length) failures.push(`${label} unread count: expected ${want.length}, got ${unread}`);
    }
  }
  assert.deepEqual(failures, []);
});
