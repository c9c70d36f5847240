import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// The message book per pupil (S7, G12): threads between the child's guardians and the school, messages
// (from the web or by SMS), read marks per person, and inbound SMS (D5) with the school-office queue.
// A thread's kind says who on the school side it belongs to: the contact teacher, the school office
// (leadership), the pupil's SFO, or the teacher who started it.
const statements = `
  create table message_thread (
    id bigint generated always as identity primary key,
    pupil_id bigint not null references person,
    school_id bigint not null references school,
    kind text not null check (kind in ('contact_teacher', 'school_office', 'sfo', 'teacher')),
    sfo_id bigint references sfo,
    subject text not null check (length(subject) between 1 and 200),
    started_by bigint references person,
    created_at timestamptz not null,
    last_message_at timestamptz not null,
    last_message_id bigint,
    check ((kind = 'sfo') = (sfo_id is not null))
  );
  create index message_thread_pupil_idx on message_thread (pupil_id, last_message_at desc, id desc);
  create index message_thread_school_idx on message_thread (school_id, last_message_at desc, id desc);

  create table message (
    id bigint generated always as identity primary key,
    thread_id bigint not null references message_thread,
    author_id bigint references person,
    author_capacity text not null check (author_capacity in ('guardian', 'contact_teacher', 'leadership', 'teacher', 'sfo_leader', 'sfo_staff', 'unknown')),
    body text not null check (length(body) between 1 and 4000),
    via text not null check (via in ('web', 'sms')),
    sender_number text,
    created_at timestamptz not null,
    check ((author_id is null) = (author_capacity = 'unknown')),
    check (author_id is not null or via = 'sms')
  );
  create index message_thread_idx on message (thread_id, id);
  create index message_author_idx on message (author_id, thread_id);

  create table message_read (
    thread_id bigint not null references message_thread,
    person_id bigint not null references person,
    last_read_message_id bigint not null,
    read_at timestamptz not null,
    primary key (thread_id, person_id)
  );

  create table inbound_sms (
    id bigint generated always as identity primary key,
    provider_id text not null unique check (length(provider_id) between 1 and 200),
    from_number text not null,
    normalised_number text,
    to_number text,
    text text not null check (length(text) between 1 and 4000),
    sent_at timestamptz,
    received_at timestamptz not null,
    guardian_id bigint references person,
    status text not null check (status in ('placed', 'queued', 'attached', 'dismissed')),
    thread_id bigint references message_thread,
    message_id bigint references message,
    handled_at timestamptz,
    handled_by bigint references person,
    check ((status in ('placed', 'attached')) = (message_id is not null))
  );
  create index inbound_sms_queued_idx on inbound_sms (received_at desc, id desc) where status = 'queued';

  create index contact_info_mobile_idx on contact_info (mobile) where mobile is not null;
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
