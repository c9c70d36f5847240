import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { done, part, type Part } from '../../db/together.ts';
import type { ApplicationKind } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { canDecideApplication, decidesUnder } from '../access/policy.ts';
import { loadPupilFacts, type PupilFacts } from '../access/pupil-facts.ts';
import { NotFoundError } from '../errors.ts';
import { decidableCases, withDetails } from './cases.ts';
import {
  APPLICATION_KINDS,
  definitionOf,
  KIND_NAMES,
  type AnyCase,
  type CaseOf,
  type PageFactsOf,
  type QueueFactsOf,
} from './kinds.ts';
import { recordStaffRead } from '../privacy/staff-reads.ts';
import { DECIDED_OUTCOMES } from './status.ts';

export const QUEUE_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 50;
const RECENT_LIMIT = 10;

/** One waiting application with its kind's facts beside it (e.g. the pupil's absence this school year). */
export type QueueItemOf<K extends ApplicationKind> = CaseOf<K> & { facts: QueueFactsOf<K> | null };
export type QueueItem = { [K in ApplicationKind]: QueueItemOf<K> }[ApplicationKind];

export interface ApplicationQueue {
  /** The kinds the actor decides (the filter's choices). */
  kinds: ApplicationKind[];
  /** The kind filtered by, or null for every kind. */
  kind: ApplicationKind | null;
  items: QueueItem[];
  total: number;
  limit: number;
  offset: number;
  recent: AnyCase[];
}

/** The kinds the actor decides anywhere (their kind's decider rule applies to the actor). */
export const decidedKinds = (actor: Actor) =>
  KIND_NAMES.filter((kind) => decidesUnder(actor, APPLICATION_KINDS[kind].decider));

/**
 * S8: the applications of every kind the actor decides (or of one kind), waiting for a decision, oldest submitted
 * first, one page (at most 50), each with its kind's facts; and the latest decided ones. Deciding nothing → 404.
 */
export async function listApplicationQueue(
  db: Db,
  actor: Actor,
  options: { kind?: ApplicationKind | null; limit?: number; offset?: number },
  today: string,
): Promise<ApplicationQueue> {
  const kinds = decidedKinds(actor);
  if (kinds.length === 0) throw new NotFoundError();
  const kind = options.kind ?? null;
  const shown = kind ? kinds.filter((k) => k === kind) : kinds;
  const limit = Math.min(Math.max(options.limit ?? QUEUE_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const offset = Math.max(options.offset ?? 0, 0);
  if (shown.length === 0) return { kinds, kind, items: [], total: 0, limit, offset, recent: [] };
  const waiting = decidableCases(db, actor, shown, today).where('a.status', '=', 'submitted');
  const [rows, count, recentRows] = await Promise.all([
    waiting.orderBy('a.submitted_at').orderBy('a.id').limit(limit).offset(offset).execute(),
    waiting.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    decidableCases(db, actor, shown, today)
      .where('a.status', 'in', DECIDED_OUTCOMES)
      .orderBy('a.decided_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(RECENT_LIMIT)
      .execute(),
  ]);
  const [cases, recent] = await Promise.all([withDetails(db, rows), withDetails(db, recentRows)]);
  const facts = await queueFacts(db, cases, today);
  return {
    kinds,
    kind,
    items: cases.map((c) => ({ ...c, facts: facts.get(c.id) ?? null }) as QueueItem),
    total: Number(count.n),
    limit,
    offset,
    recent,
  };
}

/** Each kind's facts beside its listed applications (one call per kind present). */
async function queueFacts(db: Db, cases: AnyCase[], today: string): Promise<Map<number, unknown>> {
  const facts = new Map<number, unknown>();
  for (const kind of new Set(cases.map((c) => c.kind))) {
    for (const [id, f] of await definitionOf(kind).loadQueueFacts(
      db,
      cases.filter((c) => c.kind === kind),
      today,
    ))
      facts.set(id, f);
  }
  return facts;
}

/**
 * Loads an application the actor may decide — by its kind's rule, in SQL and in the policy (canDecideApplication),
 * at the application's own school / SFO — else 404.
 */
export async function requireDecidableApplication(
  db: Db,
  actor: Actor,
  id: number,
  today: string,
): Promise<{ app: AnyCase; facts: PupilFacts }> {
  const kinds = decidedKinds(actor);
  if (!Number.isSafeInteger(id) || id <= 0 || kinds.length === 0) throw new NotFoundError();
  const row = await decidableCases(db, actor, kinds, today).where('a.id', '=', id).executeTakeFirst();
  const facts = row ? await loadPupilFacts(db, row.pupil_id, today) : null;
  if (
    !row ||
    !facts ||
    !canDecideApplication(actor, facts, APPLICATION_KINDS[row.kind].decider, {
      schoolId: row.school_id,
      sfoId: row.sfo_id,
    })
  )
    throw new NotFoundError();
  const [app] = await withDetails(db, [row]);
  if (!app) throw new NotFoundError();
  return { app, facts };
}

/** The vedtak letters of a decided application, one per guardian (bounded). */
export type VedtakLetters = { documentId: number; guardianName: string; title: string }[];

/** The application page: the application, its kind's facts, and the letters once decided. */
export type PageOf<K extends ApplicationKind> = {
  kind: K;
  app: CaseOf<K>;
  facts: PageFactsOf<K>;
  documents: VedtakLetters;
};
export type ApplicationPage = { [K in ApplicationKind]: PageOf<K> }[ApplicationKind];

export async function findApplicationForDecision(
  db: Db,
  actor: Actor,
  id: number,
  today: string,
  options: { recordView?: boolean } = {},
): Promise<ApplicationPage> {
  const { app, facts } = await requireDecidableApplication(db, actor, id, today);
  if (options.recordView)
    await recordStaffRead(
      db,
      actor,
      { pupil: facts },
      'application.view',
      { type: 'application', id: app.id },
      { kind: app.kind },
    );
  return pageOf(db, app, today);
}

async function pageOf<K extends ApplicationKind>(db: Db, app: CaseOf<K>, today: string): Promise<ApplicationPage> {
  const [facts, documents] = await Promise.all([
    definitionOf<K>(app.kind).loadPageFacts(db, app, today),
    db
      .selectFrom('application_document as ad')
      .innerJoin('person as g', 'g.id', 'ad.guardian_id')
      .innerJoin('document as d', 'd.id', 'ad.document_id')
      .select(['ad.document_id', 'g.given_name', 'g.family_name', 'd.title'])
      .where('ad.application_id', '=', app.id)
      .orderBy('ad.guardian_id')
      .limit(10)
      .execute(),
  ]);
  const letters = documents.map((d) => ({
    documentId: d.document_id,
    guardianName: `${d.given_name} ${d.family_name}`,
    title: d.title,
  }));
  return { kind: app.kind, app, facts, documents: letters } as ApplicationPage;
}

/** How many applications wait for the actor's decision (the count on leadership's home); 0 for one who decides none. */
export function waitingApplicationsPart(db: Db, actor: Actor, today: string): Part<number> {
  const kinds = decidedKinds(actor);
  if (kinds.length === 0) return done(0);
  return part(
    {
      count: decidableCases(db, actor, kinds, today)
        .where('a.status', '=', 'submitted')
        .clearSelect()
        .select(sql<number>`count(*)::int`.as('n')),
    },
    ({ count: [row] }) => Number(row?.n ?? 0),
  );
}
