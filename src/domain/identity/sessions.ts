import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database, LoginProvider } from '../../db/schema.ts';
import { type Actor, type ActorRow, actorFromRow, actorQuery } from '../access/actor.ts';

/** Session lifetimes: idle timeout and absolute maximum, in milliseconds. */
export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 2 * 3600_000, maxMs: 12 * 3600_000 };
/** last_active_at is written at most this often, so a busy user does not write on every click. */
const TOUCH_AFTER_MS = 60_000;

export interface ValidSession {
  id: string;
  personId: number;
  provider: LoginProvider;
  issuer: string;
  idToken: string | null;
  acr: string | null;
  /** Made from a remembered device ("Husk meg"), not by a login: the sensitive pages ask for a fresh login. */
  deviceSessionId: string | null;
}

export function randomToken(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function hashSecret(secret: string): Buffer {
  return Buffer.from(sha256(new TextEncoder().encode(secret)));
}

/** A cookie value `<id>.<secret>` split, or null when it has not that shape (nothing is looked up for it). */
export function splitToken(token: string): { id: string; secret: string } | null {
  const [id, secret, extra] = token.split('.');
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 128) return null;
  return { id, secret };
}

/** Starts a new session (a new id on every login: no fixation). Returns the cookie value `<id>.<secret>`. */
export async function createSession(
  db: Db,
  input: {
    personId: number;
    provider: LoginProvider;
    issuer: string;
    idpSid: string | null;
    idToken: string | null;
    acr: string | null;
    deviceSessionId?: string | null;
  },
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  now = new Date(),
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const id = randomToken(15);
  const secret = randomToken(32);
  const expiresAt = new Date(now.getTime() + policy.maxMs);
  await db
    .insertInto('session')
    .values({
      id,
      secret_hash: hashSecret(secret),
      person_id: input.personId,
      provider: input.provider,
      issuer: input.issuer,
      idp_sid: input.idpSid,
      id_token: input.idToken,
      acr: input.acr,
      device_session_id: input.deviceSessionId ?? null,
      created_at: now,
      last_active_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { id, token: `${id}.${secret}`, expiresAt };
}

/** The session for a cookie value, or null when unknown, tampered, idle too long or past its maximum age. */
export async function validateSessionToken(
  db: Db,
  token: string,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  now = new Date(),
): Promise<ValidSession | null> {
  const parts = splitToken(token);
  if (!parts) return null;
  const row = await db.selectFrom('session').selectAll().where('id', '=', parts.id).executeTakeFirst();
  return row ? checkSession(db, row, parts.secret, policy, now) : null;
}

/**
 * validateSessionToken and loadActor in one statement (issue 18, item 4): the session row with its person's actor
 * (actorQuery, loaded afresh on every request). Null when the session is not valid; the actor is null when the person
 * is gone.
 */
export async function validateSessionWithActor(
  db: Db,
  token: string,
  policy: SessionPolicy,
  now: Date,
  today: string,
): Promise<{ session: ValidSession; actor: Actor | null } | null> {
  const parts = splitToken(token);
  if (!parts) return null;
  const actor = actorQuery(sql.ref('s.person_id'), sql.ref('s.provider'), today);
  const { rows } = await sql<Selectable<Database['session']> & ActorRow>`
    select s.*, a.* from session s left join lateral (${actor}) a on true where s.id = ${parts.id}`.execute(db);
  const row = rows[0];
  const session = row ? await checkSession(db, row, parts.secret, policy, now) : null;
  return session && row ? { session, actor: actorFromRow(row, session.provider) } : null;
}

async function checkSession(
  db: Db,
  row: Selectable<Database['session']>,
  secret: string,
  policy: SessionPolicy,
  now: Date,
): Promise<ValidSession | null> {
  if (!constantTimeEqual(hashSecret(secret), row.secret_hash)) return null;
  const idleSince = now.getTime() - row.last_active_at.getTime();
  if (idleSince >= policy.idleMs || now >= row.expires_at) {
    await invalidateSession(db, row.id);
    return null;
  }
  if (idleSince >= TOUCH_AFTER_MS) {
    await db.updateTable('session').set({ last_active_at: now }).where('id', '=', row.id).execute();
  }
  return {
    id: row.id,
    personId: row.person_id,
    provider: row.provider,
    issuer: row.issuer,
    idToken: row.id_token,
    acr: row.acr,
    deviceSessionId: row.device_session_id,
  };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

/** Front-channel logout: the IdP names its session; every local session from it ends. */
export async function invalidateSessionsByIdpSid(db: Db, issuer: string, sid: string): Promise<number> {
  const result = await db
    .deleteFrom('session')
    .where('issuer', '=', issuer)
    .where('idp_sid', '=', sid)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Logs a person out everywhere: every session, and every remembered device. */
export async function invalidateSessionsForPerson(db: Db, personId: number): Promise<void> {
  await db.deleteFrom('session').where('person_id', '=', personId).execute();
  await db.deleteFrom('device_session').where('person_id', '=', personId).execute();
}

/** Housekeeping: removes expired sessions (unused login requests: `deleteExpiredLoginRequests`, a scheduler job). */
export async function deleteExpiredSessions(
  db: Db,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  now = new Date(),
): Promise<void> {
  await db
    .deleteFrom('session')
    .where((eb) =>
      eb.or([eb('expires_at', '<=', now), eb('last_active_at', '<=', new Date(now.getTime() - policy.idleMs))]),
    )
    .execute();
  await db.deleteFrom('device_session').where('expires_at', '<=', now).execute();
}
