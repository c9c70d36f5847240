import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { canLeadSchool } from '../access/policy.ts';
import { recordAudit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';

/** A letter on the manual list of a school the actor leads; anything else is not found. */
async function requireManualLetter(db: Db, actor: Actor, id: number) {
  const letter = await db
    .selectFrom('letter_dispatch')
    .select(['id', 'school_id', 'pupil_id', 'document_id', 'guardian_id', 'status'])
    .where('id', '=', id)
    .where('status', 'in', ['manual', 'handled_manually'])
    .executeTakeFirst();
  if (!letter || !canLeadSchool(actor, letter.school_id)) throw new NotFoundError();
  return letter;
}

/** The letter alone (its stored PDF, which never carries a protected address), for the office to send by hand. Audited. */
export async function downloadManualLetter(db: Db, actor: Actor, id: number, now: Date) {
  const letter = await requireManualLetter(db, actor, id);
  const doc = await db
    .selectFrom('document')
    .select(['filename', 'content'])
    .where('id', '=', letter.document_id)
    .executeTakeFirstOrThrow();
  await recordAudit(
    db,
    {
      actor,
      role: 'leadership',
      action: 'letter.dispatch',
      subjectPersonId: letter.pupil_id,
      record: { type: 'letter_dispatch', id },
      details: { event: 'download', documentId: letter.document_id },
    },
    now,
  );
  return doc;
}

/** The office has sent it another way. Marking twice is harmless. */
export async function markHandledManually(db: Db, actor: Actor, id: number, now: Date): Promise<number> {
  const letter = await requireManualLetter(db, actor, id);
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('letter_dispatch')
      .set({ status: 'handled_manually', handled_by: actor.personId, handled_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'manual')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) return;
    await recordAudit(
      trx,
      {
        actor,
        role: 'leadership',
        action: 'letter.dispatch',
        subjectPersonId: letter.pupil_id,
        record: { type: 'letter_dispatch', id },
        details: { event: 'handled_manually', documentId: letter.document_id, guardianId: letter.guardian_id },
      },
      now,
    );
  });
  return letter.school_id;
}
