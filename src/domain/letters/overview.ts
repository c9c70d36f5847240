import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { done, part, type Part } from '../../db/together.ts';
import type { ManualReason, PaperReason, RenotifyOutcome } from '../../db/schema.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import { NotFoundError } from '../errors.ts';

export interface LetterRow {
  id: number;
  recipient: string;
  pupil: string;
  title: string;
  paperReason: PaperReason | null;
  manualReason: ManualReason | null;
  mailbox: string | null;
  renotifyOutcome: RenotifyOutcome | null;
  at: Date;
}

export interface BatchRow {
  id: number;
  date: string;
  letters: number;
  envelopes: number;
  pages: number;
  createdBy: string;
}

export interface LetterOverview {
  schools: { id: number; name: string }[];
  schoolId: number;
  awaiting: LetterRow[];
  awaitingCount: number;
  /** Letters decided but not yet routed (the dispatcher asks KRR within minutes): "sendes snart". */
  routingCount: number;
  manual: LetterRow[];
  sent: LetterRow[];
  batches: BatchRow[];
}

export const LIST_LIMIT = 100;

/** The schools whose letters the actor handles: the school office is the school's leadership here. */
export async function letterSchools(db: Db, actor: Actor): Promise<{ id: number; name: string }[]> {
  const ids = grantIds(actor, ['leadership'], (g) => [g.schoolId]);
  if (ids.length === 0) return [];
  return db.selectFrom('school').select(['id', 'name']).where('id', 'in', ids).orderBy('name').execute();
}

/** GET /letters: the paper letters waiting, those to send by hand, the latest digital ones and batches. Bounded lists. */
/**
 * Decision letters on their way for a school: planned but not routed yet (new, routing), and vedtak documents of the
 * last week for the school's pupils that the dispatcher has not planned yet (it runs every minute). Two index-bound
 * counts: the pupils' documents by (pupil_id, created_at), the dispatch rows by school.
 */
async function lettersOnTheirWay(db: Db, schoolId: number, now: Date): Promise<number> {
  const since = new Date(now.getTime() - 7 * 24 * 3600 * 1000);
  const [planned, unplanned] = await Promise.all([
    db
      .selectFrom('letter_dispatch')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('school_id', '=', schoolId)
      .where('status', 'in', ['new', 'routing'])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('document as d')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('d.kind', '=', 'vedtak')
      .where('d.guardian_id', 'is not', null)
      .where('d.created_at', '>=', since)
      .where('d.pupil_id', 'in', (eb) =>
        eb
          .selectFrom('enrolment as e')
          .select('e.pupil_id')
          .where('e.school_id', '=', schoolId)
          .where((w) => w.or([w('e.ends_on', 'is', null), w('e.ends_on', '>=', sql<string>`${since}::date`)])),
      )
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('letter_dispatch as l').select('l.id').whereRef('l.document_id', '=', 'd.id'))),
      )
      .executeTakeFirstOrThrow(),
  ]);
  return Number(planned.n) + Number(unplanned.n);
}

export async function findLetterOverview(
  db: Db,
  actor: Actor,
  requestedSchool?: number,
  now = new Date(),
): Promise<LetterOverview> {
  const schools = await letterSchools(db, actor);
  const school = requestedSchool === undefined ? schools[0] : schools.find((s) => s.id === requestedSchool);
  if (!school) throw new NotFoundError();
  const [awaiting, awaitingCount, routingCount, manual, sent, batches] = await Promise.all([
    letterRows(db, school.id, ['awaiting_print'], 'asc'),
    db
      .selectFrom('letter_dispatch')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('school_id', '=', school.id)
      .where('status', '=', 'awaiting_print')
      .executeTakeFirstOrThrow(),
    lettersOnTheirWay(db, school.id, now),
    letterRows(db, school.id, ['manual'], 'asc'),
    letterRows(db, school.id, ['sent'], 'desc', 50),
    db
      .selectFrom('print_batch as b')
      .innerJoin('person as p', 'p.id', 'b.created_by')
      .select(['b.id', 'b.date', 'b.letter_count', 'b.envelope_count', 'b.page_count', 'p.given_name', 'p.family_name'])
      .where('b.school_id', '=', school.id)
      .orderBy('b.created_at', 'desc')
      .orderBy('b.id', 'desc')
      .limit(30)
      .execute(),
  ]);
  return {
    schools,
    schoolId: school.id,
    awaiting,
    awaitingCount: Number(awaitingCount.n),
    routingCount,
    manual,
    sent,
    batches: batches.map((b) => ({
      id: b.id,
      date: b.date,
      letters: b.letter_count,
      envelopes: b.envelope_count,
      pages: b.page_count,
      createdBy: `${b.given_name} ${b.family_name}`,
    })),
  };
}

async function letterRows(
  db: Db,
  schoolId: number,
  statuses: ('awaiting_print' | 'manual' | 'sent')[],
  order: 'asc' | 'desc',
  limit = LIST_LIMIT,
): Promise<LetterRow[]> {
  const rows = await db
    .selectFrom('letter_dispatch as l')
    .innerJoin('person as g', 'g.id', 'l.guardian_id')
    .innerJoin('person as p', 'p.id', 'l.pupil_id')
    .innerJoin('document as d', 'd.id', 'l.document_id')
    .select([
      'l.id',
      'g.given_name',
      'g.family_name',
      'p.given_name as pupil_given',
      'p.family_name as pupil_family',
      'd.title',
      'l.paper_reason',
      'l.manual_reason',
      'l.krr_mailbox_provider',
      'l.renotify_outcome',
      'l.decided_at',
      'l.sent_at',
      'l.created_at',
    ])
    .where('l.school_id', '=', schoolId)
    .where('l.status', 'in', statuses)
    .orderBy('l.created_at', order)
    .orderBy('l.id', order)
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    recipient: `${r.given_name} ${r.family_name}`,
    pupil: `${r.pupil_given} ${r.pupil_family}`,
    title: r.title,
    paperReason: r.paper_reason,
    manualReason: r.manual_reason,
    mailbox: r.krr_mailbox_provider,
    renotifyOutcome: r.renotify_outcome,
    at: r.sent_at ?? r.decided_at ?? r.created_at,
  }));
}

/** Paper letters waiting to be printed at the actor's schools (the count on leadership's home); 0 for anyone else. */
export function lettersToPrintPart(db: Db, actor: Actor): Part<number> {
  const ids = grantIds(actor, ['leadership'], (g) => [g.schoolId]);
  if (ids.length === 0) return done(0);
  return part(
    {
      count: db
        .selectFrom('letter_dispatch')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('school_id', 'in', ids)
        .where('status', '=', 'awaiting_print'),
    },
    ({ count: [row] }) => Number(row?.n ?? 0),
  );
}
