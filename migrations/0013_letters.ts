import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// Decision letters (D3, D4): the KRR look-up decides digital post or the school office's paper print batch.
// krr_person and dev_digital_post are the development stand-ins for KRR and a digital mailbox.
const statements = `
  create table krr_person (
    personidentifikator text primary key check (personidentifikator ~ '^[0-9]{11}$'),
    reservasjon text not null check (reservasjon in ('JA', 'NEI')),
    status text not null check (status in ('AKTIV', 'SLETTET', 'IKKE_REGISTRERT')),
    varslingsstatus text check (varslingsstatus in ('KAN_VARSLES', 'KAN_IKKE_VARSLES')),
    epostadresse text,
    epostadresse_oppdatert timestamptz,
    epostadresse_sist_verifisert timestamptz,
    mobiltelefonnummer text,
    mobiltelefonnummer_oppdatert timestamptz,
    mobiltelefonnummer_sist_verifisert timestamptz,
    postkasseadresse text,
    postkasseleverandoeradresse text,
    sertifikat text,
    spraak text
  );

  create table print_batch (
    id bigint generated always as identity primary key,
    school_id bigint not null references school,
    date date not null,
    letter_count integer not null check (letter_count > 0),
    envelope_count integer not null check (envelope_count > 0),
    page_count integer not null check (page_count > 0),
    content bytea not null,
    sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    created_by bigint not null references person,
    created_at timestamptz not null
  );
  create index print_batch_school_idx on print_batch (school_id, created_at desc, id desc);

  create table letter_dispatch (
    id bigint generated always as identity primary key,
    document_id bigint not null unique references document,
    guardian_id bigint not null references person,
    pupil_id bigint not null references person,
    school_id bigint not null references school,
    status text not null check (status in ('new', 'routing', 'sent', 'awaiting_print', 'printed', 'manual', 'handled_manually', 'withheld')),
    channel text check (channel in ('digital_post', 'paper')),
    paper_reason text check (paper_reason in ('no_identity_number', 'not_registered', 'deleted', 'reserved', 'no_mailbox',
      'not_notifiable', 'stale_contact', 'krr_unavailable', 'krr_failed', 'digital_post_unavailable', 'digital_post_failed')),
    manual_reason text check (manual_reason in ('protected_address', 'no_address')),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null,
    locked_until timestamptz,
    last_error text,
    krr_status text,
    krr_reservasjon text,
    krr_varslingsstatus text,
    krr_mailbox_provider text,
    krr_email_verified_at timestamptz,
    krr_mobile_verified_at timestamptz,
    notified_by_email boolean not null default false,
    notified_by_sms boolean not null default false,
    message_id text,
    decided_at timestamptz,
    sent_at timestamptz,
    renotify_due_at timestamptz,
    renotified_at timestamptz,
    renotify_outcome text check (renotify_outcome in ('renotified', 'opened', 'not_notifiable')),
    print_batch_id bigint references print_batch,
    printed_at timestamptz,
    handled_by bigint references person,
    handled_at timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check (status <> 'routing' or locked_until is not null),
    check ((status = 'sent') = (channel = 'digital_post' and message_id is not null)),
    check (status not in ('awaiting_print', 'printed', 'manual', 'handled_manually') or (channel = 'paper' and paper_reason is not null)),
    check ((status = 'printed') = (print_batch_id is not null)),
    check (status not in ('manual', 'handled_manually') or manual_reason is not null)
  );
  create index letter_dispatch_due_idx on letter_dispatch (next_attempt_at) where status = 'new';
  create index letter_dispatch_routing_idx on letter_dispatch (locked_until) where status = 'routing';
  create index letter_dispatch_school_idx on letter_dispatch (school_id, status, created_at desc);
  create index letter_dispatch_renotify_idx on letter_dispatch (renotify_due_at) where status = 'sent' and renotified_at is null;
  create index letter_dispatch_batch_idx on letter_dispatch (print_batch_id) where print_batch_id is not null;
  create index document_letter_idx on document (id) where kind = 'vedtak' and guardian_id is not null;

  create table dev_digital_post (
    id bigint generated always as identity primary key,
    reference text not null unique,
    recipient_fnr text not null,
    mailbox_address text not null,
    mailbox_provider text not null,
    sender_name text not null,
    sender_org_number text not null,
    title text not null,
    filename text not null,
    content bytea not null,
    notify_email text,
    notify_mobile text,
    notifications integer not null default 1,
    received_at timestamptz not null,
    opened_at timestamptz
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
