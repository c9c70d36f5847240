import type { Generated, Selectable } from 'kysely';

export type LoginProvider = 'idporten' | 'feide';

/** One started login: the OIDC state, nonce and PKCE verifier, single use. */
export interface LoginRequestTable {
  id: string;
  provider: LoginProvider;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: Generated<string>;
  /** The guardian ticked "Husk meg på denne enheten" (ID-porten only). */
  remember_device: Generated<boolean>;
  /** A fresh login for a sensitive page: the IdP is asked to authenticate again (prompt=login). */
  step_up: Generated<boolean>;
  created_at: Generated<Date>;
}

/** Lucia-style session: the cookie holds `<id>.<secret>`; only SHA-256(secret) is stored. */
export interface SessionTable {
  id: string;
  secret_hash: Buffer;
  person_id: number;
  provider: LoginProvider;
  issuer: string;
  idp_sid: string | null;
  id_token: string | null;
  acr: string | null;
  created_at: Generated<Date>;
  last_active_at: Generated<Date>;
  expires_at: Date;
  /** Made from a remembered device (not a fresh login): null after a real IdP login. */
  device_session_id: Generated<string | null>;
}

/** "Husk meg på denne enheten": the cookie holds `<id>.<secret>`; only SHA-256(secret) is stored. */
export interface DeviceSessionTable {
  id: string;
  secret_hash: Buffer;
  person_id: number;
  issuer: string;
  /** The browser and system it was given to ("Firefox · Android"): shown on the contact card and checked on use. */
  label: string;
  created_at: Date;
  last_used_at: Date;
  expires_at: Date;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_person_id: number | null;
  actor_role: string | null;
  action: string;
  subject_person_id: number | null;
  record_type: string | null;
  record_id: string | null;
  reason: string | null;
  details: unknown;
}

export type Session = Selectable<SessionTable>;
export type AuditLogEntry = Selectable<AuditLogTable>;
