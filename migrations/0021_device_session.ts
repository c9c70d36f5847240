import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// "Husk meg på denne enheten" (issue 19, item 7; seed 001): a guardian may let this browser remember them for up to
// 90 days. The device session is its own revocable token (only SHA-256 of its secret is stored, like session), bound
// to the browser it was given to (the cookie, and the browser and system it was made in). From it the app makes
// ordinary sessions marked with device_session_id: good for reading and absence reports, not for the sensitive pages
// (those need a fresh ID-porten login). Ending a device session ends the sessions made from it.
const statements = `
  create table device_session (
    id text primary key,
    secret_hash bytea not null,
    person_id bigint not null references person,
    issuer text not null,
    label text not null,
    created_at timestamptz not null,
    last_used_at timestamptz not null,
    expires_at timestamptz not null
  );
  create index device_session_person_idx on device_session (person_id);
  -- the scheduler's housekeeping deletes expired devices each minute
  create index device_session_expires_idx on device_session (expires_at);

  alter table session add column device_session_id text references device_session on delete cascade;
  create index session_device_session_idx on session (device_session_id) where device_session_id is not null;

  alter table login_request add column remember_device boolean not null default false;
  alter table login_request add column step_up boolean not null default false;
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
