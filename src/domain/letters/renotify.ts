import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { RenotifyOutcome } from '../../db/schema.ts';
import type { LetterDeps } from './deps.ts';
import { KRR_MAX_BATCH } from './krr.ts';
import { notificationFor } from './routing.ts';

const RENOTIFY_BATCH = 200;
const RETRY_MS = 60 * 60_000;

interface Due {
  id: number;
  message_id: string | null;
  document_id: number;
  guardian_id: number;
  fodselsnummer: string | null;
}

/**
 * eFormidling's vedtak rule: a letter still unopened a week after it reached the digital mailbox gets a new notice,
 * again only to KRR contact updated or verified within 18 months (looked up afresh, in one call). A letter the
 * guardian has opened — in the mailbox (opening receipt) or as the document in Skolebro — needs none. Returns
 * how many were notified again. Claimed with SKIP LOCKED under a lease; a failure is tried again in an hour.
 */
export async function renotifyUnopened(db: Db, deps: LetterDeps, now: Date): Promise<number> {
  if (!deps.digitalPost || !deps.krr) return 0;
  const due = await claimDue(db, now);
  if (due.length === 0) return 0;
  const readInSkolebro = await downloadedByGuardian(db, due);
  let renotified = 0;
  try {
    const open = new Set<number>();
    for (const letter of due) {
      if (readInSkolebro.has(letter.id) || (letter.message_id && (await deps.digitalPost.openedAt(letter.message_id))))
        open.add(letter.id);
    }
    const unopened = due.filter((l) => !open.has(l.id) && l.message_id && l.fodselsnummer);
    const krr = unopened.length
      ? await deps.krr.lookup([...new Set(unopened.map((l) => l.fodselsnummer!))].slice(0, KRR_MAX_BATCH))
      : new Map();
    for (const letter of due) {
      let outcome: RenotifyOutcome = 'opened';
      if (!open.has(letter.id)) {
        const person = letter.fodselsnummer ? krr.get(letter.fodselsnummer) : undefined;
        const notification =
          person && person.status === 'AKTIV' && person.varslingsstatus === 'KAN_VARSLES'
            ? notificationFor(person, now)
            : null;
        outcome =
          notification && (notification.email || notification.mobile) && letter.message_id
            ? 'renotified'
            : 'not_notifiable';
        if (outcome === 'renotified') await deps.digitalPost.renotify(letter.message_id!, notification!);
      }
      await db
        .updateTable('letter_dispatch')
        .set({ renotified_at: now, renotify_outcome: outcome, locked_until: null, updated_at: now })
        .where('id', '=', letter.id)
        .where('renotified_at', 'is', null)
        .execute();
      if (outcome === 'renotified') renotified++;
    }
  } catch (error) {
    deps.log?.({ level: 'warn', msg: 'letter re-notification failed', error: (error as Error).message });
    await db
      .updateTable('letter_dispatch')
      .set({ locked_until: new Date(now.getTime() + RETRY_MS) })
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .where('renotified_at', 'is', null)
      .execute();
  }
  return renotified;
}

async function claimDue(db: Db, now: Date): Promise<Due[]> {
  const leaseEnd = new Date(now.getTime() + RETRY_MS);
  const rows = await db
    .with('due', (qb) =>
      qb
        .selectFrom('letter_dispatch')
        .select('id')
        .where('status', '=', 'sent')
        .where('renotified_at', 'is', null)
        .where('renotify_due_at', '<=', now)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .orderBy('renotify_due_at')
        .limit(RENOTIFY_BATCH)
        .forUpdate()
        .skipLocked(),
    )
    .updateTable('letter_dispatch as l')
    .from('due')
    .whereRef('l.id', '=', 'due.id')
    .set({ locked_until: leaseEnd })
    .returning(['l.id', 'l.message_id', 'l.document_id', 'l.guardian_id'])
    .execute();
  if (rows.length === 0) return [];
  const people = await db
    .selectFrom('person')
    .select(['id', 'fodselsnummer'])
    .where('id', 'in', [...new Set(rows.map((r) => r.guardian_id))])
    .execute();
  const fnr = new Map(people.map((p) => [p.id, p.fodselsnummer]));
  return rows.map((r) => ({ ...r, fodselsnummer: fnr.get(r.guardian_id) ?? null }));
}

/** Letters whose document the guardian has downloaded in Skolebro (the audited 'document.download'). */
async function downloadedByGuardian(db: Db, due: Due[]): Promise<Set<number>> {
  const rows = await db
    .selectFrom('audit_log as a')
    .innerJoin('letter_dispatch as l', (join) =>
      join.on(sql<boolean>`a.record_id = l.document_id::text`).onRef('a.actor_person_id', '=', 'l.guardian_id'),
    )
    .select('l.id')
    .where('a.action', '=', 'document.download')
    .where('a.record_type', '=', 'document')
    .where(
      'l.id',
      'in',
      due.map((d) => d.id),
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}
