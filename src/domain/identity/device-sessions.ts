import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { Db } from '../../db/database.ts';
import { hashSecret, randomToken, splitToken } from './sessions.ts';

/**
 * "Husk meg på denne enheten" (issue 19, item 7; seed 001: the app kept guardians logged in). A guardian who ticks it
 * at an ID-porten login gets a device session: a second cookie, good for up to 90 days from that login, from which the
 * app makes an ordinary session whenever the browser has none (the next day, after the 2-hour idle timeout). Sessions
 * made that way are marked (`deviceSessionId`): they read and report absence; the sensitive pages ask for a fresh
 * ID-porten login first (step-up.ts). The guardian sees and ends them on the contact card. Staff never get one.
 *
 * Bound to the browser: the cookie is httpOnly and lives only there, and the browser and system it was made in
 * (its label) must match when it is used — a copied cookie in another browser is refused and the device forgotten.
 */
export const DEVICE_SESSION_DAYS = 90;
const DAY_MS = 24 * 3600_000;
/** last_used_at is written at most this often. */
const TOUCH_AFTER_MS = 60 * 60_000;

export interface DeviceSessionRow {
  id: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
}

/** Browser and system from a User-Agent header ("Firefox · Android"), coarse on purpose: it changes rarely. */
export function deviceLabel(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const browser = /Edg(e|A|iOS)?\//.test(ua)
    ? 'Edge'
    : /SamsungBrowser\//.test(ua)
      ? 'Samsung Internet'
      : /OPR\/|Opera/.test(ua)
        ? 'Opera'
        : /Firefox\/|FxiOS\//.test(ua)
          ? 'Firefox'
          : /Chrome\/|Chromium\/|CriOS\//.test(ua)
            ? 'Chrome'
            : /Safari\//.test(ua)
              ? 'Safari'
              : '';
  const system = /iPhone|iPad|iPod/.test(ua)
    ? 'iOS'
    : /Android/.test(ua)
      ? 'Android'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /CrOS/.test(ua)
            ? 'ChromeOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : '';
  return [browser, system].filter(Boolean).join(' · ') || '?';
}

/** Remembers this browser for a guardian who just logged in with ID-porten. Returns the cookie value. */
export async function createDeviceSession(
  db: Db,
  input: { personId: number; issuer: string; label: string },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const id = randomToken(15);
  const secret = randomToken(32);
  const expiresAt = new Date(now.getTime() + DEVICE_SESSION_DAYS * DAY_MS);
  await db
    .insertInto('device_session')
    .values({
      id,
      secret_hash: hashSecret(secret),
      person_id: input.personId,
      issuer: input.issuer,
      label: input.label,
      created_at: now,
      last_used_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token: `${id}.${secret}`, expiresAt };
}

/**
 * The device session for a cookie value, if it is valid in this browser: known, untampered, not expired, and made in
 * the same browser and system. An expired one, or one presented by another browser, is ended. Null otherwise.
 */
export async function resumeDeviceSession(
  db: Db,
  token: string,
  label: string,
  now = new Date(),
): Promise<{ id: string; personId: number; issuer: string } | null> {
  const row = await findByToken(db, token);
  if (!row) return null;
  if (now >= row.expires_at || row.label !== label) {
    await db.deleteFrom('device_session').where('id', '=', row.id).execute();
    return null;
  }
  if (now.getTime() - row.last_used_at.getTime() >= TOUCH_AFTER_MS) {
    await db.updateTable('device_session').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { id: row.id, personId: row.person_id, issuer: row.issuer };
}

/** A guardian's remembered devices, newest first (a handful at most: bounded anyway). */
export async function listDeviceSessions(db: Db, personId: number, now = new Date()): Promise<DeviceSessionRow[]> {
  const rows = await db
    .selectFrom('device_session')
    .select(['id', 'label', 'created_at', 'last_used_at', 'expires_at'])
    .where('person_id', '=', personId)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
  }));
}

/**
 * Ends one of the person's own device sessions (and the sessions made from it). False when there is no such device
 * session of theirs — another person's id ends nothing.
 */
export async function endDeviceSession(db: Db, personId: number, deviceSessionId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('device_session')
    .where('id', '=', deviceSessionId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The device session a cookie value holds (secret checked), expired or not; null when unknown or tampered. */
async function findByToken(db: Db, token: string) {
  const parts = splitToken(token);
  if (!parts) return null;
  const row = await db.selectFrom('device_session').selectAll().where('id', '=', parts.id).executeTakeFirst();
  return row && constantTimeEqual(hashSecret(parts.secret), row.secret_hash) ? row : null;
}

/** Whose remembered device this browser's cookie is (null when none or not valid). */
export async function deviceSessionOwner(db: Db, token: string): Promise<number | null> {
  return (await findByToken(db, token))?.person_id ?? null;
}

/**
 * Ends the device session this browser's cookie holds, whoever it belongs to (holding the cookie is the right to
 * forget it): at a new "Husk meg" login, and when someone else logs in on this browser.
 */
export async function endDeviceSessionByToken(db: Db, token: string): Promise<void> {
  const row = await findByToken(db, token);
  if (row) await db.deleteFrom('device_session').where('id', '=', row.id).execute();
}

/** The id part of a device cookie (to mark "this device" in the list; never trusted for anything else). */
export function deviceSessionIdOf(token: string | undefined): string | null {
  return token ? (splitToken(token)?.id ?? null) : null;
}
