import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// Issue 16, item 7: each school owner's privacy statement (personvernerklæring), as the owner wrote it. No row means
// the owner has not edited it and the public page shows Skolebro's default. purposes is a JSON array of
// {"purpose": …, "legal_basis": …} in the owner's order. The rights, Datatilsynet and the archive note are not stored:
// the app writes them in every language.
const statements = [
  `create table privacy_statement (
    municipality_id bigint primary key references municipality on delete cascade,
    controller_name text not null check (char_length(controller_name) between 1 and 200),
    controller_address text not null check (char_length(controller_address) between 1 and 300),
    controller_org_number text not null check (controller_org_number ~ '^[0-9]{9}$'),
    dpo_name text not null check (char_length(dpo_name) between 1 and 200),
    dpo_contact text not null check (char_length(dpo_contact) between 1 and 200),
    purposes jsonb not null check (jsonb_typeof(purposes) = 'array' and jsonb_array_length(purposes) between 1 and 12),
    recipients text not null check (char_length(recipients) between 1 and 4000),
    retention text not null check (char_length(retention) between 1 and 4000),
    updated_at timestamptz not null default now(),
    updated_by bigint references person
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
