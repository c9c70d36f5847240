import type { Db } from '../../db/database.ts';
import { done, loadPart, part, type Part } from '../../db/together.ts';
import type { GeneralConsentState } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import { clearGivenAnswersOnWithdrawal } from './withdrawal.ts';

/**
 * The general consent to electronic communication (G2, seeds/000): given once per guardian (person), not
 * per child. Until it is given, per-child consents are locked. Only guardians (ID-porten) have one.
 */
export interface GeneralConsent {
  state: GeneralConsentState | 'unanswered';
  decidedAt: Date | null;
  history: { at: Date; from: GeneralConsentState | 'unanswered'; to: GeneralConsentState }[];
}

function requireGuardianLogin(actor: Actor) {
  if (actor.via !== 'idporten') throw new NotFoundError();
}

export async function findGeneralConsent(db: Db, actor: Actor): Promise<GeneralConsent> {
  requireGuardianLogin(actor);
  const row = await db
    .selectFrom('general_consent')
    .select(['state', 'decided_at'])
    .where('guardian_id', '=', actor.personId)
    .executeTakeFirst();
  const history = await db
    .selectFrom('general_consent_event')
    .select(['at', 'from_state', 'to_state'])
    .where('guardian_id', '=', actor.personId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
  return {
    state: row?.state ?? 'unanswered',
    decidedAt: row?.decided_at ?? null,
    history: history.map((h) => ({ at: h.at, from: h.from_state, to: h.to_state })),
  };
}

export async function hasGivenGeneralConsent(db: Db, guardianId: number): Promise<boolean> {
  const row = await db
    .selectFrom('general_consent')
    .select('state')
    .where('guardian_id', '=', guardianId)
    .executeTakeFirst();
  return row?.state === 'given';
}

/**
 * Whether the gate is shown first after login: only a guardian who has never decided (no row), and who has
 * not said "Ikke nå" in this login session. A withdrawal is a decision: it is not asked again.
 */
export const needsGeneralConsentGate = (db: Db, actor: Actor, sessionId: string | null) =>
  loadPart(db, generalConsentGatePart(db, actor, sessionId));

/** needsGeneralConsentGate as a part of a larger statement (db/together.ts). */
export function generalConsentGatePart(db: Db, actor: Actor, sessionId: string | null): Part<boolean> {
  if (actor.via !== 'idporten') return done(false);
  return part(
    {
      decided: db.selectFrom('general_consent').select('guardian_id').where('guardian_id', '=', actor.personId),
      deferred: db
        .selectFrom('general_consent_deferral')
        .select('session_id')
        .where('session_id', '=', sessionId ?? ''),
    },
    ({ decided, deferred }) => decided.length === 0 && (!sessionId || deferred.length === 0),
  );
}

/** "Ikke nå": not asked again in this session; the next login asks again until decided. */
export async function deferGeneralConsent(db: Db, actor: Actor, sessionId: string): Promise<void> {
  requireGuardianLogin(actor);
  await db
    .insertInto('general_consent_deferral')
    .values({ session_id: sessionId })
    .onConflict((oc) => oc.column('session_id').doNothing())
    .execute();
}

export async function giveGeneralConsent(db: Db, actor: Actor, now = new Date()): Promise<void> {
  await setGeneralConsent(db, actor, 'given', now);
}

/**
 * Withdrawing locks the per-child consents again. The answers "given" this guardian has made are withdrawn
 * with it (they become unanswered, so nothing rests on an electronic consent the guardian no longer stands
 * behind); refusals stay. The history keeps everything that was given, and the contact teachers are told.
 */
export async function withdrawGeneralConsent(db: Db, actor: Actor, now = new Date()): Promise<void> {
  await setGeneralConsent(db, actor, 'withdrawn', now);
}

async function setGeneralConsent(db: Db, actor: Actor, to: GeneralConsentState, now: Date): Promise<void> {
  requireGuardianLogin(actor);
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('general_consent')
      .select('state')
      .where('guardian_id', '=', actor.personId)
      .forUpdate()
      .executeTakeFirst();
    const from = current?.state ?? 'unanswered';
    if (from === to || (from === 'unanswered' && to === 'withdrawn')) return;
    await trx
      .insertInto('general_consent')
      .values({ guardian_id: actor.personId, state: to, decided_at: now })
      .onConflict((oc) => oc.column('guardian_id').doUpdateSet({ state: to, decided_at: now }))
      .execute();
    await trx
      .insertInto('general_consent_event')
      .values({ guardian_id: actor.personId, from_state: from, to_state: to, at: now })
      .execute();
    await recordAudit(
      trx,
      {
        actor,
        role: 'guardian',
        action: to === 'given' ? 'general_consent.give' : 'general_consent.withdraw',
        subjectPersonId: actor.personId,
        record: { type: 'general_consent', id: actor.personId },
      },
      now,
    );
    if (to === 'withdrawn') await clearGivenAnswersOnWithdrawal(trx, actor, now);
  });
}
