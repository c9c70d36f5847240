import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { done, loadPart, part, type Part } from '../../db/together.ts';
import type { ThreadKind } from '../../db/schema.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import { NotFoundError } from '../errors.ts';
import { pageWindow, toPaged, type Paged } from '../paging.ts';
import { staffThreadCondition, staffThreadReaches } from './scope.ts';

export const THREADS_PER_PAGE = 20;

export interface ThreadSummary {
  id: number;
  pupilId: number;
  pupilName: string;
  kind: ThreadKind;
  subject: string;
  lastMessageAt: Date;
  /** The newest message is not the reader's own and is newer than what they have read. */
  unread: boolean;
}

/** Threads joined with the pupil and the reader's read mark; unread is computed in the same query (no N+1). */
function threadQuery(db: Db, readerId: number) {
  return db
    .selectFrom('message_thread as t')
    .innerJoin('person as p', 'p.id', 't.pupil_id')
    .leftJoin('message_read as r', (join) => join.onRef('r.thread_id', '=', 't.id').on('r.person_id', '=', readerId))
    .select([
      't.id',
      't.pupil_id',
      'p.given_name',
      'p.family_name',
      't.kind',
      't.subject',
      't.last_message_at',
      sql<boolean>`coalesce(t.last_message_id, 0) > coalesce(r.last_read_message_id, 0)`.as('unread'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof threadQuery>['execute']>>[number];

function toPage(rows: Row[], page: number): Paged<ThreadSummary> {
  return toPaged(
    rows.map((r) => ({
      id: r.id,
      pupilId: r.pupil_id,
      pupilName: `${r.given_name} ${r.family_name}`,
      kind: r.kind,
      subject: r.subject,
      lastMessageAt: r.last_message_at,
      unread: Boolean(r.unread),
    })),
    page,
    THREADS_PER_PAGE,
  );
}

const window = (page: number) => pageWindow(page, THREADS_PER_PAGE);

/**
 * The child's book for a guardian, newest first: a school child's (loaded with requireGuardianChild) has the threads
 * with the school, a kindergarten child's (loaded through the care reach) those with the department.
 */
export async function listChildThreads(
  db: Db,
  readerId: number,
  pupilId: number,
  page: number,
  book: 'school' | 'kindergarten' = 'school',
): Promise<Paged<ThreadSummary>> {
  const { limit, offset } = window(page);
  const rows = await threadQuery(db, readerId)
    .where('t.pupil_id', '=', pupilId)
    .where(book === 'school' ? 't.school_id' : 't.kindergarten_department_id', 'is not', null)
    .orderBy('t.last_message_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return toPage(rows, page);
}

/**
 * Staff inbox: the threads of every pupil in reach that the actor may see, newest first (unread ones are marked).
 * One query: each reach (staffThreadReaches) takes its own newest threads up to the end of the page, driven by its
 * index, and the union is ordered and cut — so page n costs n pages per reach, never every thread of the school.
 */
export async function listInbox(
  db: Db,
  actor: Actor,
  page: number,
  today = todayInOslo(),
): Promise<Paged<ThreadSummary> & { unreadCount: number }> {
  // Only staff have an inbox: a guardian or a pupil gets 404, not an empty staff page.
  if (actor.via === 'idporten' || actor.staff.length === 0) throw new NotFoundError();
  const { limit, offset } = window(page);
  const branches = staffThreadReaches(actor, today).map((reach, i) =>
    db
      .selectFrom(
        threadQuery(db, actor.personId)
          .where(reach)
          .orderBy('t.last_message_at', 'desc')
          .orderBy('t.id', 'desc')
          .limit(offset + limit)
          .as(`reach${i}`),
      )
      .selectAll(),
  );
  const rows = await db
    .selectFrom(branches.reduce((all, branch) => all.union(branch)).as('v'))
    .selectAll()
    .orderBy('v.last_message_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { ...toPage(rows, page), unreadCount: await countUnreadThreads(db, actor, today) };
}

/** The unread count stops here: the page says "99+" (a rektor may reach thousands of threads they never open). */
export const UNREAD_CAP = 100;

/** The count as the page shows it: "99+" at the cap. */
export const unreadLabel = (count: number): string => (count >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : String(count));

/**
 * How many threads the staff member may see have a message they have not read (the home page's count), up to
 * UNREAD_CAP. Each reach stops at the cap, so the cost is bounded whatever the volume (issue 18, item 3).
 */
export const countUnreadThreads = (db: Db, actor: Actor, today = todayInOslo()) =>
  loadPart(db, unreadThreadsPart(db, actor, today));

/** countUnreadThreads as a part of a larger statement (db/together.ts). */
export function unreadThreadsPart(db: Db, actor: Actor, today: string): Part<number> {
  const reaches = staffThreadReaches(actor, today);
  if (!reaches.length) return done(0);
  const branches = reaches.map((reach, i) =>
    db
      .selectFrom(
        db
          .selectFrom('message_thread as t')
          .innerJoin('person as p', 'p.id', 't.pupil_id')
          .leftJoin('message_read as r', (join) =>
            join.onRef('r.thread_id', '=', 't.id').on('r.person_id', '=', actor.personId),
          )
          .select('t.id')
          .where(reach)
          .where(sql<boolean>`coalesce(t.last_message_id, 0) > coalesce(r.last_read_message_id, 0)`)
          .limit(UNREAD_CAP)
          .as(`reach${i}`),
      )
      .selectAll(),
  );
  return part(
    {
      count: db
        .selectFrom(branches.reduce((all, branch) => all.union(branch)).as('v'))
        .select((eb) => eb.fn.countAll<number>().as('n')),
    },
    ({ count: [count] }) => Math.min(Number(count?.n ?? 0), UNREAD_CAP),
  );
}

/** One pupil's book as a staff member sees it (pupil loaded through requireVisiblePupil): the threads they may see. */
export async function listPupilThreadsForStaff(
  db: Db,
  actor: Actor,
  pupilId: number,
  page: number,
  today = todayInOslo(),
): Promise<Paged<ThreadSummary>> {
  const { limit, offset } = window(page);
  const rows = await threadQuery(db, actor.personId)
    .where('t.pupil_id', '=', pupilId)
    .where((eb) => staffThreadCondition(eb, actor, today))
    .orderBy('t.last_message_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return toPage(rows, page);
}
