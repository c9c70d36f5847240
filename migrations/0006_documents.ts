import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

const statements = `
  create table document (
    id bigint generated always as identity primary key,
    pupil_id bigint not null references person,
    guardian_id bigint references person,
    kind text not null check (kind in ('consent_receipt', 'vedtak', 'letter', 'attachment')),
    title text not null check (length(title) between 1 and 300),
    filename text not null check (length(filename) between 1 and 200),
    content_type text not null check (content_type in ('application/pdf')),
    size_bytes integer not null check (size_bytes >= 0),
    sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content bytea not null,
    created_at timestamptz not null default now(),
    created_by bigint references person
  );
  create index document_pupil_idx on document (pupil_id, created_at desc, id desc);
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
