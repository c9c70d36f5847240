import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration never imports application code.

// The staff inbox and unread count run one query per way a staff member reaches threads (issue 18, item 3). The
// "threads I started" reach finds them by this index instead of reading every thread of the municipality (the
// "threads I wrote in" reach already has message_author_idx).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index message_thread_started_by_idx on message_thread (started_by)`.execute(db);
}
