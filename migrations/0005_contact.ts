import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

const statements = `
  create table notification_setting (
    person_id bigint not null references person,
    channel text not null check (channel in ('sms', 'email')),
    category text not null check (category in ('messages', 'absence', 'news', 'decisions')),
    enabled boolean not null,
    updated_at timestamptz not null default now(),
    primary key (person_id, channel, category)
  );

  create table address_report (
    id bigint generated always as identity primary key,
    person_id bigint not null references person,
    what_is_wrong text not null check (length(what_is_wrong) between 1 and 1000),
    correct_address text check (correct_address is null or length(correct_address) <= 300),
    created_at timestamptz not null default now(),
    handled_at timestamptz,
    handled_by bigint references person
  );
  create index address_report_person_idx on address_report (person_id, created_at desc);
  create index address_report_open_idx on address_report (created_at) where handled_at is null;
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
