import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

const statements = `
  create table outbox (
    id bigint generated always as identity primary key,
    created_at timestamptz not null default now(),
    recipient_person_id bigint not null references person,
    category text not null check (category in ('messages', 'absence', 'news', 'decisions', 'consents', 'contact')),
    event_type text not null,
    school_id bigint references school,
    pupil_id bigint references person,
    payload jsonb not null default '{}',
    idempotency_key text not null unique,
    read_at timestamptz
  );
  create index outbox_recipient_idx on outbox (recipient_person_id, created_at desc);
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
