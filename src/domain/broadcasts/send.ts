import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import type { BroadcastAudience } from './audience.ts';
import { audienceGuardians } from './recipients.ts';
import { checked, type Checked } from '../result.ts';
import { checkText } from '../text.ts';

export interface BroadcastInput {
  audience: string;
  subject: string;
  body: string;
}

export interface BroadcastValues {
  subject: string;
  body: string;
}

export type BroadcastField = keyof BroadcastInput;
export type BroadcastErrors = Partial<Record<BroadcastField, 'required' | 'too_long' | 'no_recipients'>>;

export const SUBJECT_MAX = 200;
export const BODY_MAX = 4000;

/** Checks what the sender typed (the audience is checked against their reach separately: out of reach → 404). */
export function parseBroadcast(input: BroadcastInput): Checked<BroadcastValues, BroadcastErrors> {
  const errors: BroadcastErrors = {};
  const subject = checkText(input.subject, { max: SUBJECT_MAX, required: true });
  const body = checkText(input.body, { max: BODY_MAX, required: true });
  if (input.audience === '') errors.audience = 'required';
  if (subject.error) errors.subject = subject.error === 'too_long' ? 'too_long' : 'required';
  if (body.error) errors.body = body.error === 'too_long' ? 'too_long' : 'required';
  return checked(errors, () => ({ subject: subject.text, body: body.text }));
}

class NoRecipients extends Error {}

export type SendResult = { ok: true; id: number; recipients: number } | { ok: false; errors: BroadcastErrors };

/**
 * S7: sends a notice. In one transaction: the broadcast, one copy per guardian with access naming their children in
 * the audience, one outbox row per guardian (category 'messages', so SMS/e-mail follow the guardian's settings), and
 * the audit row. Both inserts are INSERT … SELECT from the audience query: a whole school (~1000 pupils) is two
 * statements, not a loop. An audience without any guardian with access is refused (nothing is written).
 */
export async function sendBroadcast(
  db: Db,
  actor: Actor,
  audience: BroadcastAudience,
  values: BroadcastValues,
  today: string,
  now: Date,
): Promise<SendResult> {
  const result = await db
    .transaction()
    .execute(async (trx) => {
      const { id } = await trx
        .insertInto('broadcast')
        .values({
          school_id: audience.schoolId,
          audience_kind: audience.kind,
          audience_id: audience.id,
          trinn: audience.trinn,
          audience_name: audience.name,
          subject: values.subject,
          body: values.body,
          sender_id: actor.personId,
          sender_role: audience.role,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const inserted = await trx
        .insertInto('broadcast_recipient')
        .columns(['broadcast_id', 'guardian_id', 'pupil_ids'])
        .expression(
          trx
            .selectFrom(audienceGuardians(trx, audience, today).as('a'))
            .select([sql<number>`${id}::bigint`.as('broadcast_id'), 'a.guardian_id', 'a.pupil_ids']),
        )
        .executeTakeFirst();
      const recipients = Number(inserted.numInsertedOrUpdatedRows ?? 0n);
      if (recipients === 0) throw new NoRecipients(); // rolls back the broadcast row
      await trx
        .insertInto('outbox')
        .columns([
          'recipient_person_id',
          'category',
          'event_type',
          'school_id',
          'payload',
          'idempotency_key',
          'created_at',
        ])
        .expression(
          trx
            .selectFrom('broadcast_recipient as r')
            .select([
              'r.guardian_id',
              sql<string>`'messages'`.as('category'),
              sql<string>`'broadcast.new'`.as('event_type'),
              sql<number>`${audience.schoolId}::bigint`.as('school_id'),
              sql<string>`jsonb_build_object('broadcastId', ${id}::bigint, 'subject', ${values.subject}::text, 'from', ${audience.kind === 'sfo' ? audience.name : audience.schoolName}::text)`.as(
                'payload',
              ),
              sql<string>`'broadcast:' || ${id}::bigint || ':' || r.guardian_id`.as('idempotency_key'),
              sql<Date>`${now}::timestamptz`.as('created_at'),
            ])
            .where('r.broadcast_id', '=', id),
        )
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
      await recordAudit(
        trx,
        {
          actor,
          role: audience.role,
          action: 'broadcast.send',
          record: { type: 'broadcast', id },
          details: { audience: audience.kind, audienceId: audience.id, trinn: audience.trinn, recipients },
        },
        now,
      );
      return { id, recipients };
    })
    .catch((error: unknown) => {
      if (error instanceof NoRecipients) return null;
      throw error;
    });
  return result ? { ok: true, ...result } : { ok: false, errors: { audience: 'no_recipients' } };
}
