import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// News and weekly plans for kindergartens (issue 13): the same news_post as for schools, but a post belongs to
// exactly one school or one kindergarten. Scope 'kindergarten' is the whole unit, 'department' one of its
// departments (kindergarten_id is then the department's kindergarten, kept in step by a composite reference).
const statements = `
  alter table kindergarten_department add constraint kindergarten_department_unit_key unique (id, kindergarten_id);
  alter table news_post alter column school_id drop not null;
  alter table news_post
    add column kindergarten_id bigint references kindergarten,
    add column kindergarten_department_id bigint;
  alter table news_post add constraint news_post_department_fk foreign key (kindergarten_department_id, kindergarten_id)
    references kindergarten_department (id, kindergarten_id);
  alter table news_post drop constraint news_post_scope_check;
  alter table news_post add constraint news_post_scope_check
    check (scope in ('school', 'class', 'sfo', 'kindergarten', 'department'));
  alter table news_post add constraint news_post_owner_check check (num_nonnulls(school_id, kindergarten_id) = 1);
  alter table news_post add constraint news_post_kindergarten_check
    check ((scope in ('kindergarten', 'department')) = (kindergarten_id is not null));
  alter table news_post add constraint news_post_department_check
    check ((scope = 'department') = (kindergarten_department_id is not null));
  create index news_post_kindergarten_idx on news_post (kindergarten_id, published_at desc, id desc)
    where deleted_at is null and kindergarten_id is not null;
  create index news_post_department_idx on news_post (kindergarten_department_id, published_at desc, id desc)
    where deleted_at is null and kindergarten_department_id is not null
`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
