import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// A municipality notice (issue 18, item 7): the school owner sends one notice to the guardians of all (or a chosen
// set of) the municipality's schools, optionally only some trinn, in one POST. It is one broadcast with audience
// 'municipality' (audience_id = the municipality), no school of its own, and the chosen schools and trinn kept as
// sent. request_key is the form's one-time key: a retried POST finds the notice it already made instead of sending
// it twice.
const statements = `
  alter table broadcast alter column school_id drop not null;
  alter table broadcast drop constraint broadcast_audience_kind_check;
  alter table broadcast add constraint broadcast_audience_kind_check
    check (audience_kind in ('class', 'trinn', 'school', 'teaching_group', 'composite_group', 'sfo', 'municipality'));
  alter table broadcast add column target_school_ids bigint[];
  alter table broadcast add column target_trinn integer[];
  alter table broadcast add column request_key text;
  alter table broadcast add constraint broadcast_school_check
    check ((audience_kind = 'municipality') = (school_id is null));
  create unique index broadcast_request_key_idx on broadcast (sender_id, request_key) where request_key is not null
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
