import type { Generated, Selectable } from 'kysely';

/** The audiences staff choose from (notices and forms). */
export type BroadcastAudienceKind = 'class' | 'trinn' | 'school' | 'teaching_group' | 'composite_group' | 'sfo';
/** What a notice went to: one of those, or the school owner's municipality notice (issue 18, item 7). */
export type SentAudienceKind = BroadcastAudienceKind | 'municipality';

/** A notice from staff to the guardians of a group of pupils (S7). */
export interface BroadcastTable {
  id: Generated<number>;
  /** The audience's school (for an SFO, the SFO's school): its name goes in SMS/e-mail. Null for 'municipality'. */
  school_id: number | null;
  audience_kind: SentAudienceKind;
  /** The class, teaching group, composite group or SFO id; the school id for 'school' and 'trinn'; the municipality id. */
  audience_id: number;
  /** Only for 'trinn'. */
  trinn: number | null;
  /** The audience's name when sent ("5A", "Skolekor", the school's name for 'school' and 'trinn'). */
  audience_name: string;
  subject: string;
  body: string;
  sender_id: number;
  /** The capacity the sender sent in (contact_teacher, leadership, …). */
  sender_role: string;
  created_at: Generated<Date>;
  /** A municipality notice: the schools and trinn it was sent to (written and read in SQL). */
  target_school_ids: number[] | null;
  target_trinn: number[] | null;
  /** A municipality notice: the form's one-time key, unique per sender (a retried POST finds the notice). */
  request_key: string | null;
}

/** One copy per guardian, naming the guardian's children in the audience. */
export interface BroadcastRecipientTable {
  broadcast_id: number;
  guardian_id: number;
  /** Written and read in SQL (node-pg would hand int8[] elements to JavaScript as strings). */
  pupil_ids: number[];
  read_at: Date | null;
}

export type NewsKind = 'news' | 'weekly_plan';
export type NewsScope = 'school' | 'class' | 'sfo' | 'kindergarten' | 'department';

/**
 * News or a weekly plan (G15) for a school, a class or an SFO, or (issue 13) for a kindergarten or one of its
 * departments. A post belongs to exactly one school or one kindergarten (a CHECK in migration 0027).
 */
export interface NewsPostTable {
  id: Generated<number>;
  kind: NewsKind;
  /** The school of a 'school', 'class' or 'sfo' post; null for a kindergarten's. */
  school_id: number | null;
  scope: NewsScope;
  class_id: number | null;
  sfo_id: number | null;
  /** The kindergarten of a 'kindergarten' or 'department' post. */
  kindergarten_id: number | null;
  kindergarten_department_id: number | null;
  title: string;
  body: string;
  /** ISO week ('2026-W48') of a weekly plan; null for news. */
  week: string | null;
  author_id: number;
  published_at: Generated<Date>;
  deleted_at: Date | null;
  deleted_by: number | null;
}

/** A PDF attached to a news post (at most 10 MB). */
export interface NewsAttachmentTable {
  id: Generated<number>;
  news_post_id: number;
  filename: string;
  content_type: 'application/pdf';
  size_bytes: number;
  sha256: string;
  content: Buffer;
  created_at: Generated<Date>;
}

export type Broadcast = Selectable<BroadcastTable>;
export type NewsPost = Selectable<NewsPostTable>;

export interface BroadcastsTables {
  broadcast: BroadcastTable;
  broadcast_recipient: BroadcastRecipientTable;
  news_post: NewsPostTable;
  news_attachment: NewsAttachmentTable;
}
