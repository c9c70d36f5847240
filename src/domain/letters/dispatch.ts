import type { Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { LetterDispatchTable, PaperReason } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import type { LetterDeps } from './deps.ts';
import { letterReference, PermanentSendError } from './digital-post.ts';
import { loadLetterFacts, manualReasonOf, type LetterFacts } from './facts.ts';
import { KRR_MAX_BATCH, mailboxProviderName, type KrrPerson } from './krr.ts';
import { planLetters } from './plan.ts';
import { renotifyUnopened } from './renotify.ts';
import { lastConfirmed, routeLetter } from './routing.ts';

export const MAX_ATTEMPTS = 5;
/** Wait after failed attempt n: 5, 15, 60, 240 minutes; after the 5th a letter goes on paper (never lost). */
export const BACKOFF_MINUTES = [5, 15, 60, 240];
export const LEASE_MS = 5 * 60_000;
export const RENOTIFY_AFTER_MS = 7 * 24 * 3600_000;

export interface DispatchResult {
  planned: number;
  claimed: number;
  digital: number;
  paper: number;
  manual: number;
  withheld: number;
  retrying: number;
  renotified: number;
}

interface Claimed {
  id: number;
  attempts: number;
}

type Update = Updateable<LetterDispatchTable>;
type Outcome = 'digital' | 'paper' | 'manual' | 'withheld' | 'retrying';

/**
 * D3/D4, the job: plan new decision letters, route one batch — ONE KRR look-up for all of it — and send by
 * digital post or leave for the print batch; then the week-old unopened ones get a new notice. Safe with several
 * processes: rows are claimed with FOR UPDATE SKIP LOCKED under a lease, outcomes are fenced on `attempts`, and
 * digital post dedupes on the letter's reference, so each document is sent exactly once.
 */
export async function dispatchLetters(db: Db, deps: LetterDeps, now = new Date()): Promise<DispatchResult> {
  const planned = await planLetters(db, now);
  const result: DispatchResult = {
    planned,
    claimed: 0,
    digital: 0,
    paper: 0,
    manual: 0,
    withheld: 0,
    retrying: 0,
    renotified: 0,
  };
  const claimed = await claimDue(db, deps, now);
  result.claimed = claimed.length;
  if (claimed.length > 0) {
    const facts = await loadLetterFacts(
      db,
      claimed.map((c) => c.id),
    );
    const krr = await lookUp(deps, [...facts.values()]);
    for (const letter of claimed) result[await routeOne(db, deps, letter, facts.get(letter.id)!, krr, now)]++;
  }
  result.renotified = await renotifyUnopened(db, deps, now);
  return result;
}

async function claimDue(db: Db, deps: LetterDeps, now: Date): Promise<Claimed[]> {
  const leaseEnd = new Date(now.getTime() + (deps.leaseMs ?? LEASE_MS));
  return db
    .with('due', (qb) =>
      qb
        .selectFrom('letter_dispatch')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'new'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'routing'), eb('locked_until', '<=', now)]),
          ]),
        )
        .orderBy('id')
        .limit(Math.min(deps.batchSize ?? KRR_MAX_BATCH, KRR_MAX_BATCH))
        .forUpdate()
        .skipLocked(),
    )
    .updateTable('letter_dispatch as l')
    .from('due')
    .whereRef('l.id', '=', 'due.id')
    .set((eb) => ({ status: 'routing', attempts: eb('l.attempts', '+', 1), locked_until: leaseEnd, updated_at: now }))
    .returning(['l.id', 'l.attempts'])
    .execute();
}

/** The KRR answers for the batch, or the error when the look-up failed (then each letter retries or goes on paper). */
async function lookUp(deps: LetterDeps, letters: LetterFacts[]): Promise<Map<string, KrrPerson> | Error | null> {
  if (!deps.krr) return null;
  const numbers = [...new Set(letters.filter((l) => l.hasAccess && l.fodselsnummer).map((l) => l.fodselsnummer!))];
  if (numbers.length === 0) return new Map();
  try {
    return await deps.krr.lookup(numbers);
  } catch (error) {
    deps.log?.({ level: 'warn', msg: 'KRR look-up failed', letters: letters.length, error: (error as Error).message });
    return error instanceof Error ? error : new Error(String(error));
  }
}

async function routeOne(
  db: Db,
  deps: LetterDeps,
  letter: Claimed,
  facts: LetterFacts,
  krr: Map<string, KrrPerson> | Error | null,
  now: Date,
): Promise<Outcome> {
  if (!facts.hasAccess) return finish(db, letter, facts, { status: 'withheld' }, now);
  if (letter.attempts > MAX_ATTEMPTS) return toPaper(db, letter, facts, 'digital_post_failed', {}, now);
  if (!facts.fodselsnummer) return toPaper(db, letter, facts, 'no_identity_number', {}, now);
  if (krr === null) return toPaper(db, letter, facts, 'krr_unavailable', {}, now);
  if (krr instanceof Error) return retryOrPaper(db, letter, facts, 'krr_failed', krr, {}, now);
  const person = krr.get(facts.fodselsnummer);
  const snapshot = snapshotOf(person);
  const route = routeLetter(person, now);
  if (route.channel === 'paper') return toPaper(db, letter, facts, route.reason, snapshot, now);
  if (!deps.digitalPost) return toPaper(db, letter, facts, 'digital_post_unavailable', snapshot, now);
  try {
    const doc = await db
      .selectFrom('document')
      .select('content')
      .where('id', '=', facts.documentId)
      .executeTakeFirstOrThrow();
    const { messageId } = await deps.digitalPost.send({
      reference: letterReference(facts.documentId),
      recipientFnr: facts.fodselsnummer,
      mailbox: route.mailbox,
      sender: facts.school,
      title: facts.title,
      filename: facts.filename,
      content: doc.content,
      notification: route.notification,
    });
    return finish(
      db,
      letter,
      facts,
      {
        ...snapshot,
        status: 'sent',
        channel: 'digital_post',
        message_id: messageId,
        decided_at: now,
        sent_at: now,
        last_error: null,
        notified_by_email: route.notification.email !== null,
        notified_by_sms: route.notification.mobile !== null,
        renotify_due_at: new Date(now.getTime() + RENOTIFY_AFTER_MS),
      },
      now,
    );
  } catch (error) {
    deps.log?.({
      level: 'warn',
      msg: 'digital post failed',
      letter: letter.id,
      attempt: letter.attempts,
      error: (error as Error).message,
    });
    if (error instanceof PermanentSendError) return toPaper(db, letter, facts, 'digital_post_failed', snapshot, now);
    return retryOrPaper(db, letter, facts, 'digital_post_failed', error as Error, snapshot, now);
  }
}

function retryOrPaper(
  db: Db,
  letter: Claimed,
  facts: LetterFacts,
  reason: PaperReason,
  error: Error,
  snapshot: Update,
  now: Date,
): Promise<Outcome> {
  const lastError = String(error.message ?? error).slice(0, 500);
  if (letter.attempts >= MAX_ATTEMPTS)
    return toPaper(db, letter, facts, reason, { ...snapshot, last_error: lastError }, now);
  const retryAt = new Date(now.getTime() + BACKOFF_MINUTES[letter.attempts - 1]! * 60_000);
  return finish(db, letter, facts, { status: 'new', next_attempt_at: retryAt, last_error: lastError }, now);
}

/** Paper: into the next print batch, or to the office's manual list when the address must not or cannot be printed. */
function toPaper(
  db: Db,
  letter: Claimed,
  facts: LetterFacts,
  reason: PaperReason,
  snapshot: Update,
  now: Date,
): Promise<Outcome> {
  const manual = manualReasonOf(facts.address);
  return finish(
    db,
    letter,
    facts,
    {
      ...snapshot,
      status: manual ? 'manual' : 'awaiting_print',
      channel: 'paper',
      paper_reason: reason,
      manual_reason: manual,
      decided_at: now,
    },
    now,
  );
}

function snapshotOf(person: KrrPerson | undefined): Update {
  if (!person) return {};
  return {
    krr_status: person.status,
    krr_reservasjon: person.reservasjon,
    krr_varslingsstatus: person.varslingsstatus,
    krr_mailbox_provider: mailboxProviderName(person.mailbox?.providerAddress),
    krr_email_verified_at: lastConfirmed(person.email),
    krr_mobile_verified_at: lastConfirmed(person.mobile),
  };
}

const OUTCOME: Record<string, Outcome> = {
  sent: 'digital',
  awaiting_print: 'paper',
  manual: 'manual',
  withheld: 'withheld',
  new: 'retrying',
};

/** Records the outcome (and its audit row) unless another process has claimed the letter since. */
async function finish(db: Db, letter: Claimed, facts: LetterFacts, values: Update, now: Date): Promise<Outcome> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('letter_dispatch')
      .set({ ...values, locked_until: null, updated_at: now })
      .where('id', '=', letter.id)
      .where('status', '=', 'routing')
      .where('attempts', '=', letter.attempts)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0 || values.status === 'new') return;
    await recordAudit(
      trx,
      {
        actor: null,
        action: 'letter.dispatch',
        subjectPersonId: facts.pupilId,
        record: { type: 'letter_dispatch', id: letter.id },
        details: {
          documentId: facts.documentId,
          guardianId: facts.guardianId,
          status: values.status,
          channel: values.channel ?? null,
          reason: values.paper_reason ?? values.manual_reason ?? null,
        },
      },
      now,
    );
  });
  return OUTCOME[values.status!]!;
}
