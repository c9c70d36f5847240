import assert from 'node:assert/strict';
import { NotFoundError } from '../../src/domain/errors.ts';
import { describe, test } from 'node:test';
import type { LoginProvider } from '../../src/db/schema.ts';
import { loadActor, type Actor } from '../../src/domain/access/actor.ts';
import { loadPupilFacts } from '../../src/domain/access/pupil-facts.ts';
import { requireGuardianChild } from '../../src/domain/guardian/child.ts';
import {
  countUnreadThreads,
  listChildThreads,
  listInbox,
  listPupilThreadsForStaff,
  type ThreadSummary,
  UNREAD_CAP,
} from '../../src/domain/messages/lists.ts';
import { activeOn } from '../../src/domain/period.ts';
import { canViewThread, replyCapacity, type ThreadFacts } from '../../src/domain/messages/policy.ts';
import { replyToThread, startGuardianThread, startStaffThread } from '../../src/domain/messages/send.ts';
import { markThreadRead, requireChildThread, requireStaffThread } from '../../src/domain/messages/threads.ts';
import { contactTeacherIdsForPupil, leadershipIdsForSchool } from '../../src/domain/notifications/outbox.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId, personNamed } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const NOW = new Date('2026-11-25T08:00:00+01:00');
const db = await createDemoTestDb(TODAY);

const actor = async (personId: number, via: LoginProvider): Promise<Actor> =>
  (await loadActor(db, personId, via, TODAY))!;
const schoolId = async (name: string) =>
  (await db.selectFrom('school').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

const kari = await actor(await loginPersonId(db, 'guardian'), 'idporten');
const anders = await actor(await personNamed(db, 'Anders', 'Nordmann'), 'idporten');
const ola = await actor(await loginPersonId(db, 'guardian-private'), 'idporten');
const geir = await actor(await loginPersonId(db, 'guardian-blocked'), 'idporten');
const sofie = await personNamed(db, 'Sofie', 'Nordmann');
const maja = await personNamed(db, 'Maja', 'Bakkeli');
const [fatimaId] = await contactTeacherIdsForPupil(db, sofie, TODAY);
const fatima = await actor(fatimaId!, 'feide');
const marius = await actor(await loginPersonId(db, 'contact-teacher'), 'feide');
const torunn = await actor(await loginPersonId(db, 'leadership'), 'feide');
const bjorkeliaLeaders = await leadershipIdsForSchool(db, await schoolId('Bjørkelia skole'), TODAY);
const fjellheimRektor = await actor(
  (await leadershipIdsForSchool(db, await schoolId('Fjellheim skule'), TODAY))[0]!,
  'feide',
);
const berit = await actor(await loginPersonId(db, 'sfo-leader'), 'feide');
const sfoStaff = await actor(await loginPersonId(db, 'sfo-staff'), 'feide');
const emma = await actor(await loginPersonId(db, 'pupil'), 'feide');
const randi = await actor(await loginPersonId(db, 'school-owner'), 'feide');

/** A teacher of one of Sofie's teaching groups who is not her contact teacher. */
const vibekeId = (
  await db
    .selectFrom('staff_membership as m')
    .innerJoin('staff_assignment as a', 'a.staff_membership_id', 'm.id')
    .innerJoin('teaching_group_member as g', 'g.teaching_group_id', 'a.teaching_group_id')
    .select('m.person_id')
    .where('m.role', '=', 'teacher')
    .where('g.pupil_id', '=', sofie)
    .where('m.person_id', '<>', fatimaId!)
    .orderBy('m.person_id')
    .executeTakeFirstOrThrow()
).person_id;
const vibeke = await actor(vibekeId, 'feide');

/** A Bjørkelia SFO pupil with a guardian who has access. */
const sfoPupil = await db
  .selectFrom('sfo_enrolment as s')
  .innerJoin('sfo', 'sfo.id', 's.sfo_id')
  .innerJoin('guardian_relation as g', 'g.pupil_id', 's.pupil_id')
  .select(['s.pupil_id', 'g.guardian_id'])
  .where('sfo.name', '=', 'Bjørkelia SFO')
  .where('g.blocked', '=', false)
  .where('g.contact_person_only', '=', false)
  .orderBy('s.pupil_id')
  .executeTakeFirstOrThrow();
const sfoGuardian = await actor(sfoPupil.guardian_id, 'idporten');

const outboxFor = (messageId: number) =>
  db
    .selectFrom('outbox')
    .select(['recipient_person_id', 'category', 'event_type', 'payload', 'idempotency_key', 'pupil_id'])
    .where('idempotency_key', 'like', `message:${messageId}:%`)
    .orderBy('recipient_person_id')
    .execute();

async function threadFacts(
  threadId: number,
  who: Actor,
): Promise<{ facts: ThreadFacts; pupil: NonNullable<Awaited<ReturnType<typeof loadPupilFacts>>> }> {
  const t = await db.selectFrom('message_thread').selectAll().where('id', '=', threadId).executeTakeFirstOrThrow();
  const wrote = await db
    .selectFrom('message')
    .select('id')
    .where('thread_id', '=', threadId)
    .where('author_id', '=', who.personId)
    .executeTakeFirst();
  const pupil = (await loadPupilFacts(db, t.pupil_id, TODAY))!;
  return {
    pupil,
    facts: {
      kind: t.kind,
      schoolId: t.school_id,
      sfoId: t.sfo_id,
      departmentId: t.kindergarten_department_id,
      kindergartenId: null,
      participated: t.started_by === who.personId || wrote !== undefined,
    },
  };
}

const sees = async (who: Actor, threadId: number) => {
  const { facts, pupil } = await threadFacts(threadId, who);
  return canViewThread(who, pupil, facts);
};

const kariChild = await requireGuardianChild(db, kari, sofie, TODAY);
const toTeacher = await startGuardianThread(
  db,
  kari,
  kariChild,
  { kind: 'contact_teacher', subject: 'Tannlege', body: 'Sofie er hos tannlegen i morgen og kommer kl. 10.' },
  NOW,
  TODAY,
);

describe("who sees and writes in a pupil's message book", () => {
  test("a guardian's thread to the contact teacher: the matrix per role", async () => {
    const expected: [string, Actor, boolean, string | null][] = [
      ['Kari (writer, guardian)', kari, true, 'guardian'],
      ['Anders (co-guardian)', anders, true, 'guardian'],
      ['Ola (another family)', ola, false, null],
      ['Geir (blocked guardian)', geir, false, null],
      ['Fatima (contact teacher of 3A)', fatima, true, 'contact_teacher'],
      ['Marius (contact teacher of 5A)', marius, false, null],
      ['Vibeke (teaches Sofie, not a participant)', vibeke, false, null],
      ['Torunn (rektor Bjørkelia)', torunn, true, 'leadership'],
      ['rektor of Fjellheim', fjellheimRektor, false, null],
      ['Berit (SFO leader; Sofie is not in SFO)', berit, false, null],
      ['Emma (a pupil)', emma, false, null],
      ['Randi (school owner)', randi, false, null],
    ];
    for (const [who, a, view, capacity] of expected) {
      const { facts, pupil } = await threadFacts(toTeacher.threadId, a);
      assert.equal(canViewThread(a, pupil, facts), view, `${who} sees`);
      assert.equal(replyCapacity(a, pupil, facts), capacity, `${who} replies as`);
    }
  });

  test('the route loaders agree: 404 for another family, a blocked guardian and staff out of reach', async () => {
    await assert.rejects(requireGuardianChild(db, ola, sofie, TODAY), { status: 404 });
    await assert.rejects(requireGuardianChild(db, geir, maja, TODAY), { status: 404 });
    for (const a of [marius, vibeke, fjellheimRektor, berit, emma, randi, kari]) {
      await assert.rejects(requireStaffThread(db, a, toTeacher.threadId, TODAY), { status: 404 }, `${a.givenName}`);
    }
    const seen = await requireStaffThread(db, torunn, toTeacher.threadId, TODAY);
    assert.equal(seen.replyAs, 'leadership');
    const kariOther = await requireGuardianChild(db, kari, await personNamed(db, 'Jonas', 'Nordmann'), TODAY);
    await assert.rejects(
      requireChildThread(db, kari, kariOther, toTeacher.threadId),
      { status: 404 },
      'not through another child',
    );
  });

  test('a teacher of the pupil starts a thread: they see it, the contact teacher and rektor too, not other teachers', async () => {
    const started = await startStaffThread(
      db,
      vibeke,
      sofie,
      { subject: 'Gymtøy', body: 'Husk gymtøy på fredag.' },
      NOW,
      TODAY,
    );
    const thread = await db
      .selectFrom('message_thread')
      .selectAll()
      .where('id', '=', started.threadId)
      .executeTakeFirstOrThrow();
    assert.equal(thread.kind, 'teacher');
    assert.equal(await sees(vibeke, started.threadId), true);
    assert.equal(await sees(fatima, started.threadId), true);
    assert.equal(await sees(torunn, started.threadId), true);
    assert.equal(await sees(kari, started.threadId), true);
    assert.equal(await sees(marius, started.threadId), false);
    assert.equal(await sees(vibeke, toTeacher.threadId), false, 'not the threads she did not take part in');
    await assert.rejects(
      startStaffThread(db, randi, sofie, { subject: 'x', body: 'y' }, NOW, TODAY),
      { status: 403 },
      'the school owner sees the pupil but does not message the home',
    );
    await assert.rejects(startStaffThread(db, marius, sofie, { subject: 'x', body: 'y' }, NOW, TODAY), { status: 404 });
    await assert.rejects(startStaffThread(db, emma, sofie, { subject: 'x', body: 'y' }, NOW, TODAY), { status: 404 });
  });

  test("SFO threads: the SFO leader and staff see them, but not the pupil's other threads", async () => {
    const child = await requireGuardianChild(db, sfoGuardian, sfoPupil.pupil_id, TODAY);
    const toSfo = await startGuardianThread(
      db,
      sfoGuardian,
      child,
      { kind: 'sfo', subject: 'Henting', body: 'Bestemor henter i dag.' },
      NOW,
      TODAY,
    );
    const toClass = await startGuardianThread(
      db,
      sfoGuardian,
      child,
      { kind: 'contact_teacher', subject: 'Lekser', body: 'Spørsmål om lekser.' },
      NOW,
      TODAY,
    );
    assert.equal(await sees(berit, toSfo.threadId), true);
    assert.equal(await sees(sfoStaff, toSfo.threadId), true);
    assert.equal(await sees(berit, toClass.threadId), false);
    assert.equal(await sees(sfoStaff, toClass.threadId), false);
    assert.equal(await sees(torunn, toSfo.threadId), true, 'school administration sees every thread');
    const sfoRecipients = (await outboxFor(toSfo.messageId)).map((r) => r.recipient_person_id);
    assert.ok(sfoRecipients.includes(berit.personId) && sfoRecipients.includes(sfoStaff.personId), 'the SFO is told');
    assert.ok(!sfoRecipients.includes(torunn.personId), 'leadership is not notified of SFO threads');
    await assert.rejects(
      startGuardianThread(db, kari, kariChild, { kind: 'sfo', subject: 'x', body: 'y' }, NOW, TODAY),
      { status: 403 },
      'Sofie is not in SFO',
    );
  });

  test('the inbox query and the thread policy agree for every staff member', async () => {
    const threads = await db.selectFrom('message_thread').select('id').execute();
    // A pupil has no inbox (404, not an empty staff page) and may see no thread.
    await assert.rejects(listInbox(db, emma, 1, TODAY), NotFoundError);
    for (const { id } of threads) assert.equal(await sees(emma, id), false, `Emma and thread ${id}`);
    for (const a of [fatima, marius, vibeke, torunn, fjellheimRektor, berit, sfoStaff, randi]) {
      const inbox: ThreadSummary[] = [];
      for (let page = 1; ; page++) {
        const list = await listInbox(db, a, page, TODAY);
        inbox.push(...list.items);
        if (!list.hasNext) break;
      }
      const who = `${a.givenName} ${a.familyName}`;
      const allowed = new Set<number>();
      for (const { id } of threads) if (await sees(a, id)) allowed.add(id);
      const ids = inbox.map((t) => t.id);
      assert.equal(new Set(ids).size, ids.length, `${who}: no thread twice across the pages`);
      assert.deepEqual([...ids].sort(), [...allowed].sort(), who);
      const newestFirst = [...inbox].sort(
        (x, y) => y.lastMessageAt.getTime() - x.lastMessageAt.getTime() || y.id - x.id,
      );
      assert.deepEqual(
        ids,
        newestFirst.map((t) => t.id),
        `${who}: newest first`,
      );
      const unread = inbox.filter((t) => t.unread).length;
      assert.equal(await countUnreadThreads(db, a, TODAY), Math.min(unread, UNREAD_CAP), `${who}: unread count`);
      // each pupil's book shows the same threads of that pupil
      for (const pupilId of new Set(inbox.map((t) => t.pupilId))) {
        const book = await listPupilThreadsForStaff(db, a, pupilId, 1, TODAY);
        assert.deepEqual(
          book.items.map((t) => t.id).sort(),
          inbox
            .filter((t) => t.pupilId === pupilId)
            .map((t) => t.id)
            .sort(),
          `${who}: pupil ${pupilId}'s book`,
        );
      }
    }
  });
});

describe('notifications and unread markers', () => {
  test("a guardian's message notifies the contact teacher and the other guardian, in the outbox, once each", async () => {
    const rows = await outboxFor(toTeacher.messageId);
    assert.deepEqual(rows.map((r) => r.recipient_person_id).sort(), [anders.personId, fatima.personId].sort());
    for (const r of rows) {
      assert.equal(r.category, 'messages');
      assert.equal(r.event_type, 'message.new');
      assert.deepEqual(typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload, {
        threadId: toTeacher.threadId,
      });
      assert.equal(r.idempotency_key, `message:${toTeacher.messageId}:${r.recipient_person_id}`);
      assert.equal(r.pupil_id, sofie);
    }
  });

  test('a staff reply notifies every guardian with access, not a blocked one', async () => {
    const majaTeacher = await actor((await contactTeacherIdsForPupil(db, maja, TODAY))[0]!, 'feide');
    const started = await startStaffThread(
      db,
      majaTeacher,
      maja,
      { subject: 'Foreldresamtale', body: 'Passer tirsdag kl. 14?' },
      NOW,
      TODAY,
    );
    const guardians = await db
      .selectFrom('guardian_relation')
      .select(['guardian_id', 'blocked'])
      .where('pupil_id', '=', maja)
      .execute();
    const expected = guardians
      .filter((g) => !g.blocked)
      .map((g) => g.guardian_id)
      .sort();
    assert.ok(
      guardians.some((g) => g.blocked && g.guardian_id === geir.personId),
      "Geir is Maja's blocked father",
    );
    assert.deepEqual((await outboxFor(started.messageId)).map((r) => r.recipient_person_id).sort(), expected);

    const record = await requireStaffThread(db, fatima, toTeacher.threadId, TODAY);
    const replyId = await replyToThread(
      db,
      fatima,
      record,
      'Takk for beskjed!',
      new Date(NOW.getTime() + 60_000),
      TODAY,
    );
    assert.deepEqual(
      (await outboxFor(replyId)).map((r) => r.recipient_person_id).sort(),
      [kari.personId, anders.personId].sort(),
    );
  });

  test('a message to the school office notifies the leadership, not the contact teacher', async () => {
    const started = await startGuardianThread(
      db,
      kari,
      kariChild,
      { kind: 'school_office', subject: 'Adresse', body: 'Vi flytter i januar.' },
      NOW,
      TODAY,
    );
    const recipients = (await outboxFor(started.messageId)).map((r) => r.recipient_person_id).sort();
    assert.deepEqual(recipients, [...bjorkeliaLeaders, anders.personId].sort());
  });

  test('unread markers are per person: the writer has nothing new, everyone else does until they open it', async () => {
    const child = await requireGuardianChild(db, kari, sofie, TODAY);
    const started = await startGuardianThread(
      db,
      kari,
      child,
      { kind: 'contact_teacher', subject: 'Syk', body: 'Sofie er syk i dag.' },
      new Date(NOW.getTime() + 120_000),
      TODAY,
    );
    const unreadIn = async (list: Promise<{ items: { id: number; unread: boolean }[] }>) =>
      (await list).items.find((t) => t.id === started.threadId)?.unread;
    assert.equal(await unreadIn(listChildThreads(db, kari.personId, sofie, 1)), false, 'Kari wrote it');
    assert.equal(await unreadIn(listChildThreads(db, anders.personId, sofie, 1)), true, 'Anders has not read it');
    const inbox = await listInbox(db, fatima, 1, TODAY);
    assert.equal(inbox.items[0]?.id, started.threadId, 'unread first (and newest)');
    assert.equal(inbox.items[0]?.unread, true);
    assert.ok(inbox.unreadCount >= 1);

    const record = await requireStaffThread(db, fatima, started.threadId, TODAY);
    await markThreadRead(db, fatima.personId, record.thread, NOW);
    assert.equal(await unreadIn(listInbox(db, fatima, 1, TODAY)), false, 'Fatima has read it');
    assert.equal(await unreadIn(listInbox(db, torunn, 1, TODAY)), true, 'Torunn has not');
    const notice = await db
      .selectFrom('outbox')
      .select('read_at')
      .where('idempotency_key', '=', `message:${started.messageId}:${fatima.personId}`)
      .executeTakeFirstOrThrow();
    assert.ok(notice.read_at, 'her notification is read too (no SMS about what she has seen)');

    await replyToThread(db, fatima, record, 'God bedring!', new Date(NOW.getTime() + 180_000), TODAY);
    assert.equal(await unreadIn(listChildThreads(db, kari.personId, sofie, 1)), true, 'now Kari has something new');
    assert.equal(await unreadIn(listInbox(db, fatima, 1, TODAY)), false, 'her own reply is not new to her');
  });
});

describe('the unread count at volume', () => {
  test('stops at the cap (the page says 99+): a rektor reaches every thread of her school', async () => {
    const before = await countUnreadThreads(db, torunn, TODAY);
    assert.ok(before < UNREAD_CAP, `${before} unread before`);
    const schoolId = torunn.staff.find((g) => g.role === 'leadership')!.schoolId!;
    const pupils = await db
      .selectFrom('enrolment')
      .select('pupil_id')
      .where('school_id', '=', schoolId)
      .where(activeOn('enrolment', TODAY))
      .limit(UNREAD_CAP)
      .execute();
    assert.equal(pupils.length, UNREAD_CAP, 'enough pupils at Bjørkelia');
    const threads = await db
      .insertInto('message_thread')
      .values(
        pupils.map((p, i) => ({
          pupil_id: p.pupil_id,
          school_id: schoolId,
          kind: 'school_office' as const,
          subject: `Spørsmål ${i}`,
          started_by: kari.personId,
          created_at: NOW,
          last_message_at: NOW,
        })),
      )
      .returning('id')
      .execute();
    for (const { id } of threads) {
      const message = await db
        .insertInto('message')
        .values({
          thread_id: id,
          author_id: kari.personId,
          author_capacity: 'guardian',
          body: 'Hei',
          via: 'web',
          created_at: NOW,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.updateTable('message_thread').set({ last_message_id: message.id }).where('id', '=', id).execute();
    }
    assert.equal(await countUnreadThreads(db, torunn, TODAY), UNREAD_CAP);
    const inbox = await listInbox(db, torunn, 1, TODAY);
    assert.equal(inbox.unreadCount, UNREAD_CAP);
    assert.ok(
      inbox.items.every((t) => t.unread),
      'the newest page is the new threads',
    );
  });
});
