import type { Db } from '../../db/database.ts';
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
export async function findLetterOverview(db: Db, actor: Actor, requestedSchool?: number): Promise<LetterOverview> {
  const schools = await letterSchools(db, actor);
  const school = requestedSchool === undefined ? schools[0] : schools.find((s) => s.id === requestedSchool);
  if (!school) throw new NotFoundError();
  const [awaiting, awaitingCount, manual, sent, batches] = await Promise.all([
    letterRows(db, school.id, ['awaiting_print'], 'asc'),
    db
      .selectFrom('letter_dispatch')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('school_id', '=', school.id)
      .where('status', '=', 'awaiting_print')
      .executeTakeFirstOrThrow(),
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
