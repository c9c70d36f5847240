import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ApplicationKind } from '../../db/schema.ts';
import { KIND_NAMES } from '../applications/kinds.ts';
import type { Actor } from '../access/actor.ts';
import { STAFF_READ_ACTIONS, type AuditAction } from '../audit.ts';
import { NotFoundError } from '../errors.ts';

/**
 * G16, D9: the log a guardian sees about a child in My data — who read the child's data and who changed it, with the
 * newest first, paged (the page) or whole (the exports). A whitelist of actions, so a new kind of audit row is shown
 * only when someone has decided it concerns the child and written its text. Left out: reasons and details (a reason
 * may concern others, e.g. a reveal for the child welfare service), actions about other guardians (blocking), and
 * what the child's other guardians did themselves (their own data, not the child's).
 */
export const CHILD_LOG_ACTIONS = [
  ...STAFF_READ_ACTIONS,
  'document.download',
  'person.update',
  'absence.report',
  'absence.withdraw',
  'absence.documented',
  'attendance.register',
  'consent.answer',
  'form.answer',
  'message_thread.create',
  'message.send',
  'message.inbound',
  'letter.dispatch',
  'enrolment.admit',
  'enrolment.move',
  'enrolment.end',
  'kindergarten.admit',
  'kindergarten.move',
  'kindergarten.end',
  'contact_person.add',
  'contact_person.update',
  'contact_person.remove',
  'sfo_reduction.record',
  'sfo_reduction.end',
  'sfo_summer.answer',
  'care.week',
  'care.day_change',
  'care.holiday',
  'care.pickup_person',
  'care.walk_alone',
  'care.day_note',
  'care_day.check_in',
  'care_day.check_out',
  'care_day.undo',
  'care_day.note',
] as const satisfies readonly AuditAction[];
export type ChildLogAction = (typeof CHILD_LOG_ACTIONS)[number];

const APPLICATION_STEPS = ['apply', 'confirm', 'decline', 'withdraw', 'decide'] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];
const APPLICATION_ACTIONS = KIND_NAMES.flatMap((kind) => APPLICATION_STEPS.map((step) => `${kind}.${step}`));

/** Every action a child's log shows. */
export const LOGGED_ACTIONS: readonly string[] = [...CHILD_LOG_ACTIONS, ...APPLICATION_ACTIONS];

/** An application's action split into its kind and step (the texts are composed of the two); null for others. */
export function applicationAction(action: string): { kind: ApplicationKind; step: ApplicationStep } | null {
  const [kind, step] = action.split('.') as [ApplicationKind, ApplicationStep];
  return KIND_NAMES.includes(kind) && APPLICATION_STEPS.includes(step) ? { kind, step } : null;
}

export interface LogEntry {
  at: string;
  action: string;
  by: string;
  role: string | null;
}

/** Rows on one page of the log in My data; the page itself shows the newest few and links to the rest. */
export const LOG_PAGE_SIZE = 50;
/** Rows of each child's log on the My data page itself. */
export const MY_DATA_LOG_ROWS = 10;
/** The exports carry the whole log up to this many rows (a bound; the paged page has every row). */
export const LOG_EXPORT_LIMIT = 10_000;

/**
 * One page of the child's log for the guardian `viewerId` (who may see the child: the caller has checked). Keyset
 * order (at, id) descending on audit_log_subject_idx; `offset` pages are fine at the log's size (hundreds a year).
 */
export async function listChildLog(
  db: Db,
  childId: number,
  viewerId: number,
  page: { limit: number; offset: number },
): Promise<{ entries: LogEntry[]; more: boolean }> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('person as actor', 'actor.id', 'a.actor_person_id')
    .select(['a.at', 'a.action', 'a.actor_role', 'actor.given_name', 'actor.family_name'])
    .where('a.subject_person_id', '=', childId)
    .where('a.action', 'in', LOGGED_ACTIONS)
    .where((eb) =>
      eb.or([
        eb('a.actor_person_id', 'is', null),
        eb('a.actor_person_id', '=', viewerId),
        eb.not(
          eb.exists(
            eb
              .selectFrom('guardian_relation as other')
              .select(sql`1`.as('one'))
              .where('other.pupil_id', '=', childId)
              .whereRef('other.guardian_id', '=', 'a.actor_person_id'),
          ),
        ),
      ]),
    )
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  return {
    entries: rows.slice(0, page.limit).map((r) => ({
      at: r.at.toISOString(),
      action: r.action,
      by: r.given_name ? `${r.given_name} ${r.family_name}` : '',
      role: r.actor_role,
    })),
    more: rows.length > page.limit,
  };
}

export interface ChildLogPage {
  childId: number;
  childName: string;
  page: number;
  entries: LogEntry[];
  more: boolean;
}

/**
 * One page of a child's whole log, for a guardian of the child (an unblocked one, as on every page about the child)
 * or the pupil themself (Feide); anyone else gets 404.
 */
export async function loadChildLogPage(db: Db, actor: Actor, childId: number, page: number): Promise<ChildLogPage> {
  const guardian = actor.via === 'idporten' && actor.guardianOf.includes(childId);
  const self = actor.via === 'feide' && actor.isPupil && actor.personId === childId;
  if (!guardian && !self) throw new NotFoundError();
  const [child, log] = await Promise.all([
    db.selectFrom('person').select(['given_name', 'family_name']).where('id', '=', childId).executeTakeFirst(),
    listChildLog(db, childId, actor.personId, { limit: LOG_PAGE_SIZE, offset: (page - 1) * LOG_PAGE_SIZE }),
  ]);
  if (!child) throw new NotFoundError();
  return { childId, childName: `${child.given_name} ${child.family_name}`, page, ...log };
}
