import type { Generated, Selectable } from 'kysely';

/**
 * Who on the school side a thread belongs to: the class's contact teacher, the school office (leadership),
 * the pupil's SFO, or the (subject) teacher who started it. Guardians start the first three. A 'kindergarten' thread
 * belongs to a kindergarten child's department instead (migration 0026).
 */
export type ThreadKind = 'contact_teacher' | 'school_office' | 'sfo' | 'teacher' | 'kindergarten';

/** The capacity a message was written in; 'unknown' = an SMS from a number we could not match (no author). */
export type AuthorCapacity =
  | 'guardian'
  | 'contact_teacher'
  | 'leadership'
  | 'teacher'
  | 'sfo_leader'
  | 'sfo_staff'
  | 'kindergarten_leader'
  | 'pedagogical_leader'
  | 'kindergarten_staff'
  | 'unknown';

export type MessageVia = 'web' | 'sms';

/** One conversation in a pupil's (or a kindergarten child's) message book (S7, G12; issue 13). */
export interface MessageThreadTable {
  id: Generated<number>;
  pupil_id: number;
  /** The pupil's school when the thread started: its staff see it. Null for a kindergarten thread. */
  school_id: number | null;
  /** Only for kind 'kindergarten': the child's department, whose staff (and the kindergarten's styrer) see it. */
  kindergarten_department_id: number | null;
  kind: ThreadKind;
  /** Only for kind 'sfo': the SFO whose leader and staff see it. */
  sfo_id: number | null;
  subject: string;
  /** Null only when the thread was made for an SMS from an unknown number. */
  started_by: number | null;
  created_at: Date;
  last_message_at: Date;
  last_message_id: number | null;
}

export interface MessageTable {
  id: Generated<number>;
  thread_id: number;
  author_id: number | null;
  author_capacity: AuthorCapacity;
  body: string;
  via: MessageVia;
  /** For SMS: the number it came from, as normalised (or as received when it is not a Norwegian mobile). */
  sender_number: string | null;
  created_at: Date;
}

/** Unread markers: the newest message a person has seen in a thread. */
export interface MessageReadTable {
  thread_id: number;
  person_id: number;
  last_read_message_id: number;
  read_at: Date;
}

/**
 * placed = added to a message book on arrival; queued = in the school-office queue (unknown or ambiguous sender);
 * attached = placed from the queue by leadership; dismissed = removed from the queue by leadership;
 * unroutable = from an unknown number to a number that is no school's: kept and logged, in no school's queue.
 */
export type InboundSmsStatus = 'placed' | 'queued' | 'attached' | 'dismissed' | 'unroutable';

/** An SMS the gateway pushed to /webhooks/sms (D5). provider_id unique: a retried webhook is stored once. */
export interface InboundSmsTable {
  id: Generated<number>;
  provider_id: string;
  from_number: string;
  normalised_number: string | null;
  to_number: string | null;
  text: string;
  /** The gateway's timestamp, if it sent one. */
  sent_at: Date | null;
  received_at: Date;
  /** The one guardian whose mobile it is (null: unknown number, or several people share it). */
  guardian_id: number | null;
  /** The school whose SMS number (`school.sms_number`) received it, by the webhook's `to`; null: no school's number. */
  school_id: number | null;
  status: InboundSmsStatus;
  thread_id: number | null;
  message_id: number | null;
  handled_at: Date | null;
  handled_by: number | null;
}

export interface MessagesTables {
  message_thread: MessageThreadTable;
  message: MessageTable;
  message_read: MessageReadTable;
  inbound_sms: InboundSmsTable;
}

export type MessageThread = Selectable<MessageThreadTable>;
export type Message = Selectable<MessageTable>;
export type InboundSms = Selectable<InboundSmsTable>;
