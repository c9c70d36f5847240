import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// Broadcasts (S7): a notice to the guardians of a class, trinn, school, teaching or composite group or SFO; one
// copy per guardian naming their children in the audience, with read status. News and weekly plans (G15).
const statements = `
  create table broadcast (
    id bigint generated always as identity primary key,
    school_id bigint not null references school,
    audience_kind text not null check (audience_kind in ('class', 'trinn', 'school', 'teaching_group', 'composite_group', 'sfo')),
    audience_id bigint not null,
    trinn integer check (trinn between 1 and 10),
    audience_name text not null check (length(audience_name) between 1 and 200),
    subject text not null check (length(subject) between 1 and 200),
    body text not null check (length(body) between 1 and 4000),
    sender_id bigint not null references person,
    sender_role text not null,
    created_at timestamptz not null default now(),
    check ((audience_kind = 'trinn') = (trinn is not null))
  );
  create index broadcast_sender_idx on broadcast (sender_id, created_at desc, id desc);
  create index broadcast_school_idx on broadcast (school_id, created_at desc);

  create table broadcast_recipient (
    broadcast_id bigint not null references broadcast,
    guardian_id bigint not null references person,
    pupil_ids bigint[] not null check (cardinality(pupil_ids) > 0),
    read_at timestamptz,
    primary key (broadcast_id, guardian_id)
  );
  create index broadcast_recipient_guardian_idx on broadcast_recipient (guardian_id, broadcast_id desc);

  create table news_post (
    id bigint generated always as identity primary key,
    kind text not null check (kind in ('news', 'weekly_plan')),
    school_id bigint not null references school,
    scope text not null check (scope in ('school', 'class', 'sfo')),
    class_id bigint references class,
    sfo_id bigint references sfo,
    title text not null check (length(title) between 1 and 200),
    body text not null check (length(body) <= 8000),
    week text check (week ~ '^[0-9]{4}-W[0-9]{2}$'),
    author_id bigint not null references person,
    published_at timestamptz not null default now(),
    deleted_at timestamptz,
    deleted_by bigint references person,
    check ((scope = 'class') = (class_id is not null)),
    check ((scope = 'sfo') = (sfo_id is not null)),
    check ((kind = 'weekly_plan') = (week is not null))
  );
  create index news_post_school_idx on news_post (school_id, published_at desc, id desc) where deleted_at is null;
  create index news_post_class_idx on news_post (class_id, published_at desc) where class_id is not null;
  create index news_post_sfo_idx on news_post (sfo_id, published_at desc) where sfo_id is not null;
  create index news_post_author_idx on news_post (author_id, published_at desc);

  create table news_attachment (
    id bigint generated always as identity primary key,
    news_post_id bigint not null references news_post,
    filename text not null check (length(filename) between 1 and 200),
    content_type text not null check (content_type in ('application/pdf')),
    size_bytes integer not null check (size_bytes between 1 and 10485760),
    sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content bytea not null,
    created_at timestamptz not null default now()
  );
  create index news_attachment_post_idx on news_attachment (news_post_id);
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
