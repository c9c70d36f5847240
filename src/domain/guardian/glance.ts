import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ApplicationKind, GeneralConsentState } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { canReportAbsence } from '../access/policy.ts';
import { pupilFactsPart } from '../access/pupil-facts.ts';
import { isoWeekday } from '../calendar/dates.ts';
import { ownersWithSchoolDayPart } from '../calendar/school-days.ts';
import { done, mapPart, part, together, type Part } from '../../db/together.ts';
import type { GuardianChildRow } from './children.ts';
import { inArrayOf } from '../sql.ts';

/** One lesson today, as the guardian's home shows it. */
export interface GlanceLesson {
  startsAt: string;
  endsAt: string;
  subject: string;
}

/** What waits for the guardian about one child (G1, issue 19): each item one tap from the home page. */
export interface ChildGlance {
  pupilId: number;
  /** May report absence (G6): the "Meld fravær i dag" button. */
  mayReportAbsence: boolean;
  /** Threads in the child's book with a message this guardian has not read. */
  unreadThreads: number;
  /** Forms sent for the child, still open, not answered by anyone. */
  formsDue: number;
  /** Applications another guardian made that wait for this guardian's confirmation, by kind. */
  confirmations: { kind: ApplicationKind; count: number }[];
  /** Today's lessons in time order; null when today is no school day (weekend, holiday, outside the year). */
  lessonsToday: GlanceLesson[] | null;
}

export interface GuardianGlance {
  children: Map<number, ChildGlance>;
  generalConsent: GeneralConsentState | 'unanswered';
}

const MAX_LESSONS_SHOWN = 10;

/** The guardian's general consent as the home page shows it (G2): a part of its first statement (db/together.ts). */
export function generalConsentStatePart(db: Db, actor: Actor): Part<GeneralConsentState | 'unanswered'> {
  return part(
    { consent: db.selectFrom('general_consent').select('state').where('guardian_id', '=', actor.personId) },
    ({ consent: [row] }) => row?.state ?? 'unanswered',
  );
}

/**
 * Everything the guardian's home shows beside the children's names, for all children at once: one part of a statement
 * whatever the number of children (the children come from listGuardianChildren, so all are in reach).
 */
export function guardianGlancePart(
  db: Db,
  actor: Actor,
  children: GuardianChildRow[],
  today: string,
  generalConsent: GeneralConsentState | 'unanswered',
): Part<GuardianGlance> {
  const ids = children.map((c) => c.pupilId);
  if (ids.length === 0) return done({ children: new Map(), generalConsent });
  const counts = part(
    {
      unread: db
        .selectFrom('message_thread as t')
        .leftJoin('message_read as r', (join) =>
          join.onRef('r.thread_id', '=', 't.id').on('r.person_id', '=', actor.personId),
        )
        .select(['t.pupil_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('t.pupil_id', 'in', ids)
        .where('t.school_id', 'is not', null)
        .where(sql<boolean>`coalesce(t.last_message_id, 0) > coalesce(r.last_read_message_id, 0)`)
        .groupBy('t.pupil_id'),
      forms: db
        .selectFrom('form_recipient as r')
        .innerJoin('form as f', 'f.id', 'r.form_id')
        .leftJoin('form_answer as a', (join) =>
          join.onRef('a.form_id', '=', 'r.form_id').onRef('a.pupil_id', '=', 'r.pupil_id'),
        )
        .select(['r.pupil_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('r.pupil_id', 'in', ids)
        .where('f.sent_at', 'is not', null)
        .where('f.deadline', '>=', today)
        .where('a.form_id', 'is', null)
        .groupBy('r.pupil_id'),
      confirmations: db
        .selectFrom('application_confirmation as k')
        .innerJoin('application as a', 'a.id', 'k.application_id')
        .select(['a.pupil_id', 'a.kind', (eb) => eb.fn.countAll<string>().as('n')])
        .where('k.guardian_id', '=', actor.personId)
        .where('k.answer', 'is', null)
        .where('a.status', '=', 'awaiting_guardians')
        .where('a.pupil_id', 'in', ids)
        .groupBy(['a.pupil_id', 'a.kind'])
        .orderBy('a.kind'),
    },
    (rows) => rows,
  );
  return mapPart(
    together({ facts: pupilFactsPart(ids, today), counts, lessons: lessonsTodayPart(db, children, today) }),
    ({ facts, counts: { unread, forms, confirmations }, lessons }) => {
      const count = (rows: { pupil_id: number; n: string | number }[], id: number) =>
        Number(rows.find((r) => r.pupil_id === id)?.n ?? 0);
      const result = new Map<number, ChildGlance>();
      for (const child of children) {
        const f = facts.get(child.pupilId)?.facts;
        result.set(child.pupilId, {
          pupilId: child.pupilId,
          mayReportAbsence: f ? canReportAbsence(actor, f) : false,
          unreadThreads: count(unread, child.pupilId),
          formsDue: count(forms, child.pupilId),
          confirmations: confirmations
            .filter((r) => r.pupil_id === child.pupilId)
            .map((r) => ({ kind: r.kind, count: Number(r.n) })),
          lessonsToday: lessons.get(child.pupilId) ?? null,
        });
      }
      return { children: result, generalConsent };
    },
  );
}

/**
 * Today's lessons of each child (class lessons and those of the child's teaching groups, of the school year today
 * falls in), or null for a child whose school has no school day today; asked for together with which school owners
 * have a school day, whatever the number of children.
 */
function lessonsTodayPart(
  db: Db,
  children: GuardianChildRow[],
  today: string,
): Part<Map<number, GlanceLesson[] | null>> {
  const weekday = isoWeekday(today);
  const pupilIds = children.map((c) => c.pupilId);
  const rows = part(
    {
      members: db
        .selectFrom('teaching_group_member')
        .select(['pupil_id', 'teaching_group_id'])
        .where('pupil_id', 'in', pupilIds),
      lessons: db
        .selectFrom('lesson as l')
        .leftJoin('class as c', 'c.id', 'l.class_id')
        .leftJoin('teaching_group as g', 'g.id', 'l.teaching_group_id')
        .innerJoin('school_year as y', (join) =>
          join.on((eb) => eb('y.id', '=', eb.fn.coalesce('c.school_year_id', 'g.school_year_id'))),
        )
        .select(['l.class_id', 'l.teaching_group_id', 'l.starts_at', 'l.ends_at', 'l.subject'])
        .where('l.weekday', '=', weekday)
        .where('y.starts_on', '<=', today)
        .where('y.ends_on', '>=', today)
        .where((eb) =>
          eb.or([
            eb(
              'l.class_id',
              'in',
              children.map((c) => c.classId),
            ),
            inArrayOf(
              'l.teaching_group_id',
              eb.selectFrom('teaching_group_member').select('teaching_group_id').where('pupil_id', 'in', pupilIds),
            ),
          ]),
        )
        .orderBy('l.starts_at')
        .limit(60 * children.length),
    },
    (r) => r,
  );
  const open = ownersWithSchoolDayPart(db, [...new Set(children.map((c) => c.municipalityId))], today);
  return mapPart(together({ open, rows }), ({ open, rows: { members, lessons } }) => {
    const result = new Map<number, GlanceLesson[] | null>();
    for (const child of children) {
      if (!open.has(child.municipalityId)) {
        result.set(child.pupilId, null);
        continue;
      }
      const groups = new Set(members.filter((m) => m.pupil_id === child.pupilId).map((m) => m.teaching_group_id));
      result.set(
        child.pupilId,
        lessons
          .filter(
            (r) => r.class_id === child.classId || (r.teaching_group_id !== null && groups.has(r.teaching_group_id)),
          )
          .slice(0, MAX_LESSONS_SHOWN)
          .map((r) => ({ startsAt: r.starts_at, endsAt: r.ends_at, subject: r.subject })),
      );
    }
    return result;
  });
}
