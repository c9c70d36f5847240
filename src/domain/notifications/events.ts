/**
 * The payloads of outbox events, by event_type. Views turn them into words in the reader's language;
 * SMS and e-mail (the messaging work) carry only "something new" and a link. Never a fødselsnummer,
 * never a health detail: reasons and notes stay in the app.
 */
export interface EventPayloads {
  /** To each guardian: the pupil was registered absent on `date` and home sent no report (S4). */
  'absence.follow_up': { date: string };
  /** To the other guardian(s) with parental responsibility: confirm before it goes to the school (G7). */
  'leave.confirmation_requested': { applicationId: number; applicantName: string; from: string; to: string };
  /** To the applicant: another guardian declined, so the application did not go to the school. */
  'leave.declined': { applicationId: number; guardianName: string; from: string; to: string };
  /** To the school's leadership: a new application in the queue (S8). */
  'leave.submitted': { applicationId: number; from: string; to: string };
  /** To each guardian with access: the vedtak letter is in the child's documents, and goes by digital post or paper. */
  'leave.decided': { applicationId: number; outcome: 'granted' | 'partly_granted' | 'refused'; documentId: number };
}

export interface EventPayloads {
  /** To each guardian of the form's audience, once (S9). */
  'form.sent': { formId: number; title: string; deadline: string };
}

export interface EventPayloads {
  /** To each guardian with access of the audience, once, however many children they have in it (S7). */
  /** `from`: the SFO for a notice to an SFO, else the school (missing in notices sent before it was added). */
  'broadcast.new': { broadcastId: number; subject: string; from?: string };
  /** To each guardian with access of the post's school, class or SFO, once (G15); pupil_id = one of their children there. */
  'news.published': {
    postId: number;
    kind: 'news' | 'weekly_plan';
    title: string;
    week: string | null;
    scopeName: string;
    /** A kindergarten's post (issue 13): pupil_id is a kindergarten child, whose news is on its daily-care page. */
    kindergarten?: boolean;
  };
}

export interface EventPayloads {
  /** To everyone else who sees the thread and should know: guardians with access, the thread's school side, staff who took part (S7, G12). */
  'message.new': { threadId: number; kindergarten?: boolean };
  /** To the leadership of a known guardian's children's schools: an SMS waits in the office queue (D5). */
  'message.sms_queued': { inboundSmsId: number };
}

export interface EventPayloads {
  /** To each guardian with access of a child in the SFO in the summer (or starting 1. trinn in August), once per child (G10, S9). */
  'sfo_summer.sent': { periodId: number; sfoName: string; year: number; deadline: string };
}

export type EventType = keyof EventPayloads;
