import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

const statements = `
  create table login_request (
    id text primary key,
    provider text not null check (provider in ('idporten', 'feide')),
    state text not null,
    nonce text not null,
    code_verifier text not null,
    return_to text not null default '/',
    created_at timestamptz not null default now()
  );
  create index login_request_created_idx on login_request (created_at);

  create table session (
    id text primary key,
    secret_hash bytea not null,
    person_id bigint not null references person,
    provider text not null check (provider in ('idporten', 'feide')),
    issuer text not null,
    idp_sid text,
    id_token text,
    acr text,
    created_at timestamptz not null default now(),
    last_active_at timestamptz not null default now(),
    expires_at timestamptz not null
  );
  create index session_person_idx on session (person_id);
  create index session_idp_sid_idx on session (issuer, idp_sid);

  create table audit_log (
    id bigint generated always as identity primary key,
    at timestamptz not null default now(),
    actor_person_id bigint references person,
    actor_role text,
    action text not null,
    subject_person_id bigint references person,
    record_type text,
    record_id text,
    reason text,
    details jsonb
  );
  create index audit_log_subject_idx on audit_log (subject_person_id, at desc);
  create index audit_log_actor_idx on audit_log (actor_person_id, at desc);
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
