import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { grantIds, type Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import { activeOn } from '../period.ts';
import { checked, type Checked } from '../result.ts';
import { checkText } from '../text.ts';
import { canSendMunicipalityNotice } from './policy.ts';
import { BODY_MAX, SUBJECT_MAX } from './send.ts';

/** A municipality as its school owner sends to it: the schools they own there, by name. */
export interface NoticeMunicipality {
  id: number;
  name: string;
  schools: { id: number; name: string }[];
}

export const TRINN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/**
 * The municipalities whose school owner the actor is, with their schools (the ones in actor.ownerSchoolIds: not a
 * private school in the municipality). Bounded: a person owns the schools of one or a few municipalities.
 */
export async function listNoticeMunicipalities(db: Db, actor: Actor): Promise<NoticeMunicipality[]> {
  if (actor.via !== 'feide') return [];
  const ids = grantIds(actor, ['school_owner'], (g) => [g.municipalityId]).filter((id) =>
    canSendMunicipalityNotice(actor, id),
  );
  if (ids.length === 0 || actor.ownerSchoolIds.length === 0) return [];
  const rows = await db
    .selectFrom('municipality as m')
    .innerJoin('school as s', 's.municipality_id', 'm.id')
    .select(['m.id', 'm.name', 's.id as school_id', 's.name as school_name'])
    .where('m.id', 'in', ids)
    .where('s.id', 'in', actor.ownerSchoolIds)
    .orderBy('m.name')
    .orderBy('m.id')
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(500)
    .execute();
  const byId = new Map<number, NoticeMunicipality>();
  for (const r of rows) {
    const m = byId.get(r.id) ?? byId.set(r.id, { id: r.id, name: r.name, schools: [] }).get(r.id)!;
    m.schools.push({ id: r.school_id, name: r.school_name });
  }
  return [...byId.values()];
}

/** The municipality, if the actor may send it a notice; for anyone else it does not exist (404). */
export async function requireNoticeMunicipality(db: Db, actor: Actor, id: number): Promise<NoticeMunicipality> {
  const found = (await listNoticeMunicipalities(db, actor)).find((m) => m.id === id);
  if (!found) throw new NotFoundError();
  return found;
}

export interface MunicipalityNoticeInput {
  /** Form values: school ids and trinn as strings, as the checkboxes send them. */
  schools: string[];
  trinn: string[];
  subject: string;
  body: string;
}

export interface MunicipalityNoticeValues {
  schoolIds: number[];
  trinn: number[];
  subject: string;
  body: string;
}

export type MunicipalityNoticeField = 'schools' | 'trinn' | 'subject' | 'body';
export type MunicipalityNoticeErrors = Partial<
  Record<MunicipalityNoticeField, 'required' | 'too_long' | 'no_recipients'>
>;

/**
 * Checks the form against the municipality: schools must be among its schools (an unknown id is ignored, as a
 * stale form would send it), at least one school and one trinn.
 */
export function parseMunicipalityNotice(
  input: MunicipalityNoticeInput,
  municipality: NoticeMunicipality,
): Checked<MunicipalityNoticeValues, MunicipalityNoticeErrors> {
  const errors: MunicipalityNoticeErrors = {};
  const schoolIds = municipality.schools.filter((s) => input.schools.includes(String(s.id))).map((s) => s.id);
  const trinn = TRINN.filter((n) => input.trinn.includes(String(n)));
  const subject = checkText(input.subject, { max: SUBJECT_MAX, required: true });
  const body = checkText(input.body, { max: BODY_MAX, required: true });
  if (schoolIds.length === 0) errors.schools = 'required';
  if (trinn.length === 0) errors.trinn = 'required';
  if (subject.error) errors.subject = subject.error === 'too_long' ? 'too_long' : 'required';
  if (body.error) errors.body = body.error === 'too_long' ? 'too_long' : 'required';
  return checked(errors, () => ({ schoolIds, trinn: [...trinn], subject: subject.text, body: body.text }));
}

export type MunicipalityNoticeResult =
  | { ok: true; id: number; recipients: number }
  | { ok: false; errors: MunicipalityNoticeErrors };

class NoRecipients extends Error {}

/**
 * Issue 18, item 7: one notice from the school owner to the guardians of the chosen schools and trinn of the
 * municipality — 35 000 guardians in one transaction of three statements: the broadcast row, then one statement
 * that resolves the guardians set-based and writes both their copies (broadcast_recipient) and their outbox rows
 * (INSERT … SELECT through a data-modifying CTE), then the audit row. A guardian with children at several schools
 * gets one copy naming them all, and one notification. Idempotent: `requestKey` is the form's one-time key; a
 * retried POST (a double click, a reload after a timeout) finds the notice it made and sends nothing more.
 */
export async function sendMunicipalityNotice(
  db: Db,
  actor: Actor,
  municipality: NoticeMunicipality,
  values: MunicipalityNoticeValues,
  requestKey: string,
  today: string,
  now: Date,
): Promise<MunicipalityNoticeResult> {
  const result = await db
    .transaction()
    .execute(async (trx) => {
      const created = await trx
        .insertInto('broadcast')
        .values({
          school_id: null,
          audience_kind: 'municipality',
          audience_id: municipality.id,
          trinn: null,
          audience_name: municipality.name,
          target_school_ids: sql<number[]>`${sql.val(values.schoolIds)}::bigint[]`,
          target_trinn: sql<number[]>`${sql.val(values.trinn)}::integer[]`,
          request_key: requestKey,
          subject: values.subject,
          body: values.body,
          sender_id: actor.personId,
          sender_role: 'school_owner',
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['sender_id', 'request_key']).where('request_key', 'is not', null).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!created) return findRepeated(trx, actor, requestKey);
      const id = created.id;
      const recipients = await writeRecipients(trx, id, municipality.name, values, today, now);
      if (recipients === 0) throw new NoRecipients(); // rolls back the broadcast row
      await recordAudit(
        trx,
        {
          actor,
          role: 'school_owner',
          action: 'broadcast.send',
          record: { type: 'broadcast', id },
          details: {
            audience: 'municipality',
            audienceId: municipality.id,
            schools: values.schoolIds,
            trinn: values.trinn,
            recipients,
          },
        },
        now,
      );
      return { id, recipients };
    })
    .catch((error: unknown) => {
      if (error instanceof NoRecipients) return null;
      throw error;
    });
  return result ? { ok: true, ...result } : { ok: false, errors: { schools: 'no_recipients' } };
}

/** The notice a retried POST already made: the same answer as the first time. */
async function findRepeated(db: Db, actor: Actor, requestKey: string) {
  const row = await db
    .selectFrom('broadcast as b')
    .select([
      'b.id',
      (eb) =>
        eb
          .selectFrom('broadcast_recipient as r')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('r.broadcast_id', '=', 'b.id')
          .as('recipients'),
    ])
    .where('b.sender_id', '=', actor.personId)
    .where('b.request_key', '=', requestKey)
    .executeTakeFirstOrThrow();
  return { id: row.id, recipients: Number(row.recipients ?? 0) };
}

/**
 * The guardians with access (parental responsibility, not blocked, not a contact person only) of the pupils
 * enrolled today at the chosen schools in classes of the chosen trinn: one copy each naming those children, and one
 * outbox row each (category 'messages'; the school of their first child gives the SMS/e-mail its name and målform).
 * One statement; returns how many guardians.
 */
async function writeRecipients(
  db: Db,
  id: number,
  municipalityName: string,
  values: MunicipalityNoticeValues,
  today: string,
  now: Date,
): Promise<number> {
  const schools = sql.join(values.schoolIds.map((s) => sql`${s}::bigint`));
  const trinn = sql.join(values.trinn.map((t) => sql`${t}::integer`));
  const result = await sql<{ n: number }>`
    with audience as (
      select g.guardian_id,
             array_agg(distinct g.pupil_id) as pupil_ids,
             (array_agg(e.school_id order by g.pupil_id))[1] as school_id
      from enrolment e
      join class c on c.id = e.class_id
      join guardian_relation g on g.pupil_id = e.pupil_id
      where e.school_id in (${schools})
        and c.trinn in (${trinn})
        and ${activeOn('e', today)}
        and g.parental_responsibility and not g.blocked and not g.contact_person_only
      group by g.guardian_id
    ),
    copies as (
      insert into broadcast_recipient (broadcast_id, guardian_id, pupil_ids)
      select ${id}::bigint, guardian_id, pupil_ids from audience
    ),
    notifications as (
      insert into outbox (recipient_person_id, category, event_type, school_id, payload, idempotency_key, created_at)
      select guardian_id, 'messages', 'broadcast.new', school_id,
             jsonb_build_object('broadcastId', ${id}::bigint, 'subject', ${values.subject}::text, 'from', ${municipalityName}::text),
             'broadcast:' || ${id}::bigint || ':' || guardian_id, ${now}::timestamptz
      from audience
      on conflict (idempotency_key) do nothing
    )
    select count(*)::integer as n from audience`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}
