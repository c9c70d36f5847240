import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// Delivery of outbox notifications by SMS and e-mail (G18, D5, D6), and the development gateways' stores.
// Outbox rows that exist before delivery existed were shown in-app only: they are marked planned, so an
// upgrade does not send a flood of old notifications.
const statements = `
  alter table outbox add column planned_at timestamptz;

  update outbox set planned_at = created_at;

  create index outbox_unplanned_idx on outbox (id) where planned_at is null;

  create table delivery (
    id bigint generated always as identity primary key,
    outbox_id bigint not null references outbox,
    channel text not null check (channel in ('sms', 'email')),
    status text not null check (status in ('pending', 'sending', 'sent', 'failed', 'skipped')),
    skip_reason text check (skip_reason in ('read', 'not_configured', 'opted_out', 'email_only', 'setting_off', 'no_address', 'unverified_contact')),
    idempotency_key text not null unique,
    attempts integer not null default 0,
    next_attempt_at timestamptz not null,
    locked_until timestamptz,
    claimed_by text,
    last_error text,
    provider_message_id text,
    sent_at timestamptz,
    delivered_at timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    unique (outbox_id, channel),
    check ((status = 'skipped') = (skip_reason is not null)),
    check (status <> 'sending' or locked_until is not null)
  );
  create index delivery_pending_idx on delivery (next_attempt_at) where status = 'pending';
  create index delivery_sending_idx on delivery (locked_until) where status = 'sending';
  create index delivery_provider_idx on delivery (provider_message_id) where provider_message_id is not null;

  create table dev_sms (
    id bigint generated always as identity primary key,
    reference text not null unique,
    to_number text not null,
    sender text not null,
    text text not null,
    received_at timestamptz not null default now()
  );

  create table dev_mail (
    id bigint generated always as identity primary key,
    message_id text not null unique,
    to_address text not null,
    from_address text not null,
    subject text not null,
    text text not null,
    raw text not null,
    received_at timestamptz not null default now()
  );
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
