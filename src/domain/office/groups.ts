import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { officeRoleOf } from '../access/policy.ts';
import type { ManagedGroup, ManagedSchool } from '../access/scope.ts';
import { recordAudit } from '../audit.ts';
import { pageWindow, toPaged, type Paged } from '../paging.ts';
import { activeOn, notEndedBy } from '../period.ts';
import type { Invalid, Ok } from '../result.ts';
import { checkText, cleanText, type TextError } from '../text.ts';
import { listSchoolYears } from './classes.ts';

/**
 * The school office's teaching groups (undervisningsgrupper) per school and school year: list, create, rename or
 * change the subject, close; and their members: add a pupil (found by name among the school's pupils) or every pupil
 * of a class, remove one. A member is always a pupil with an enrolment at the group's school that has not ended.
 *
 * Closing (migration 0018): a closed group is not offered for new members, staff grants (staff.ts listGrantTargets)
 * or lessons. It is closed only when it has no members (a field error otherwise, as for a class with pupils): the
 * office removes the members first, each removal audited. So a closed group never gives a teacher reach to a pupil,
 * and who was in it stays in the audit log (teaching_group.member_add / member_remove) rather than as live members.
 */

export interface GroupInput {
  name: string;
  subject: string;
  schoolYearId: string;
}

export interface GroupErrors {
  name?: TextError | 'taken';
  subject?: TextError;
  schoolYearId?: 'year';
}

export interface GroupRow {
  id: number;
  name: string;
  subject: string;
  closedOn: string | null;
  members: number;
  /** Who teaches it today (an active teacher grant for the group), by name. */
  teachers: string[];
}

/** At most this many groups in one school year's list (a large school has some 150). */
export const GROUP_LIST_LIMIT = 500;

/** The teaching groups of a school in one school year, by name, with their member count and today's teachers. */
export async function listGroups(
  db: Db,
  school: ManagedSchool,
  schoolYearId: number,
  today: string,
): Promise<GroupRow[]> {
  const rows = await db
    .selectFrom('teaching_group as g')
    .leftJoin('teaching_group_member as m', 'm.teaching_group_id', 'g.id')
    .select(['g.id', 'g.name', 'g.subject', 'g.closed_on'])
    .select((eb) => eb.fn.count<number>('m.pupil_id').as('members'))
    .where('g.school_id', '=', school.id)
    .where('g.school_year_id', '=', schoolYearId)
    .groupBy(['g.id', 'g.name', 'g.subject', 'g.closed_on'])
    .orderBy('g.name')
    .orderBy('g.id')
    .limit(GROUP_LIST_LIMIT)
    .execute();
  const teachers = await teachersOf(
    db,
    rows.map((r) => r.id),
    today,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    subject: r.subject,
    closedOn: r.closed_on,
    members: Number(r.members),
    teachers: teachers.get(r.id) ?? [],
  }));
}

/** The teachers of the groups today (active teacher grants), by name; one query whatever the number of groups. */
export async function teachersOf(db: Db, groupIds: number[], today: string): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>();
  if (groupIds.length === 0) return result;
  const rows = await db
    .selectFrom('staff_assignment as a')
    .innerJoin('staff_membership as s', 's.id', 'a.staff_membership_id')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .select(['a.teaching_group_id', 'p.given_name', 'p.family_name'])
    .where('a.teaching_group_id', 'in', groupIds)
    .where('s.role', '=', 'teacher')
    .where(activeOn('s', today))
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('s.id')
    .execute();
  for (const r of rows) {
    const names = result.get(r.teaching_group_id!) ?? [];
    const name = `${r.given_name} ${r.family_name}`;
    if (!names.includes(name)) names.push(name);
    result.set(r.teaching_group_id!, names);
  }
  return result;
}

const NAME = { max: 40, required: true } as const;
const SUBJECT = { max: 60, required: true } as const;

/** Whether another group of the school and year already has the name (names are unique per school and year). */
async function nameTaken(db: Db, schoolId: number, schoolYearId: number, name: string, exceptId?: number) {
  const row = await db
    .selectFrom('teaching_group')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('school_year_id', '=', schoolYearId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId!))
    .executeTakeFirst();
  return row !== undefined;
}

/** A unique-index violation (two offices creating the same name at once): answered as the field error 'taken'. */
const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/** Creates a teaching group in one of the owner's school years; audited. Nothing is stored when any field is wrong. */
export async function createGroup(
  db: Db,
  actor: Actor,
  school: ManagedSchool,
  input: GroupInput,
  now = new Date(),
): Promise<Ok<{ groupId: number }> | Invalid<GroupErrors>> {
  const errors: GroupErrors = {};
  const name = checkText(input.name, NAME);
  if (name.error) errors.name = name.error;
  const subject = checkText(input.subject, SUBJECT);
  if (subject.error) errors.subject = subject.error;
  const years = await listSchoolYears(db, school);
  const year = years.find((y) => String(y.id) === input.schoolYearId.trim());
  if (!year) errors.schoolYearId = 'year';
  if (!errors.name && year && (await nameTaken(db, school.id, year.id, name.text))) errors.name = 'taken';
  if (Object.keys(errors).length || !year) return { ok: false, errors };
  try {
    const groupId = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('teaching_group')
        .values({ school_id: school.id, school_year_id: year.id, name: name.text, subject: subject.text })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(
        trx,
        {
          actor,
          role: officeRoleOf(actor, school.id),
          action: 'teaching_group.create',
          record: { type: 'teaching_group', id: row.id },
          details: { schoolId: school.id, schoolYearId: year.id, name: name.text, subject: subject.text },
        },
        now,
      );
      return row.id;
    });
    return { ok: true, groupId };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { name: 'taken' } };
    throw error;
  }
}

/** Gives a group a new name (unique in its school and year) and/or subject; audited with the old and the new. */
export async function updateGroup(
  db: Db,
  actor: Actor,
  group: ManagedGroup,
  input: { name: string; subject: string },
  now = new Date(),
): Promise<Ok | Invalid<Pick<GroupErrors, 'name' | 'subject'>>> {
  const errors: Pick<GroupErrors, 'name' | 'subject'> = {};
  const name = checkText(input.name, NAME);
  if (name.error) errors.name = name.error;
  const subject = checkText(input.subject, SUBJECT);
  if (subject.error) errors.subject = subject.error;
  if (!errors.name && (await nameTaken(db, group.school.id, group.schoolYear.id, name.text, group.id)))
    errors.name = 'taken';
  if (Object.keys(errors).length) return { ok: false, errors };
  if (name.text === group.name && subject.text === group.subject) return { ok: true };
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('teaching_group')
        .set({ name: name.text, subject: subject.text })
        .where('id', '=', group.id)
        .execute();
      await recordAudit(
        trx,
        {
          actor,
          role: officeRoleOf(actor, group.school.id),
          action: 'teaching_group.update',
          record: { type: 'teaching_group', id: group.id },
          details: {
            from: { name: group.name, subject: group.subject },
            to: { name: name.text, subject: subject.text },
          },
        },
        now,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { name: 'taken' } };
    throw error;
  }
  return { ok: true };
}

export type GroupCloseError = 'has_members' | 'closed';

/**
 * Closes a group: it is no longer offered for members, grants or lessons. Only when it has no members; otherwise a
 * field error and nothing changes. The group row is locked, as adding a member locks it: nobody slips in while it
 * closes. Audited.
 */
export async function closeGroup(
  db: Db,
  actor: Actor,
  group: ManagedGroup,
  today: string,
  now = new Date(),
): Promise<Ok | Invalid<{ close: GroupCloseError }>> {
  if (group.closedOn !== null) return { ok: false, errors: { close: 'closed' } };
  return db.transaction().execute(async (trx) => {
    const locked = await lockGroup(trx, group.id);
    if (locked?.closed_on !== null) return { ok: false, errors: { close: 'closed' as const } };
    const member = await trx
      .selectFrom('teaching_group_member')
      .select('pupil_id')
      .where('teaching_group_id', '=', group.id)
      .executeTakeFirst();
    if (member) return { ok: false, errors: { close: 'has_members' as const } };
    await trx.updateTable('teaching_group').set({ closed_on: today }).where('id', '=', group.id).execute();
    await recordAudit(
      trx,
      {
        actor,
        role: officeRoleOf(actor, group.school.id),
        action: 'teaching_group.close',
        record: { type: 'teaching_group', id: group.id },
        details: { closedOn: today },
      },
      now,
    );
    return { ok: true as const };
  });
}

const lockGroup = (db: Db, groupId: number) =>
  db.selectFrom('teaching_group').select(['id', 'closed_on']).where('id', '=', groupId).forUpdate().executeTakeFirst();

export interface GroupMember {
  pupilId: number;
  givenName: string;
  familyName: string;
  /** The class of the pupil's enrolment at the group's school that has not ended (none: no longer at the school). */
  className: string | null;
}

export const MEMBERS_PER_PAGE = 50;

/** The group's members by name, a page at a time, with their class at the school; two queries whatever the size. */
export async function listGroupMembers(
  db: Db,
  group: ManagedGroup,
  today: string,
  page: number,
): Promise<Paged<GroupMember> & { total: number }> {
  const { limit, offset } = pageWindow(page, MEMBERS_PER_PAGE);
  const rows = await db
    .selectFrom('teaching_group_member as m')
    .innerJoin('person as p', 'p.id', 'm.pupil_id')
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .select((eb) =>
      eb
        .selectFrom('enrolment as e')
        .innerJoin('class as c', 'c.id', 'e.class_id')
        .select('c.name')
        .whereRef('e.pupil_id', '=', 'p.id')
        .where('e.school_id', '=', group.school.id)
        .where(notEndedBy('e', today))
        .orderBy('e.starts_on')
        .limit(1)
        .as('class_name'),
    )
    .where('m.teaching_group_id', '=', group.id)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const total = await db
    .selectFrom('teaching_group_member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('teaching_group_id', '=', group.id)
    .executeTakeFirstOrThrow();
  const members = rows.map((r) => ({
    pupilId: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    className: r.class_name ?? null,
  }));
  return { ...toPaged(members, page, MEMBERS_PER_PAGE), total: Number(total.n) };
}

export interface PupilMatch {
  id: number;
  givenName: string;
  familyName: string;
  className: string;
}

export type PupilQueryError = 'too_short' | 'too_long';

const MATCH_LIMIT = 20;

/**
 * Pupils of the group's school (an enrolment there that has not ended) who are not in the group yet, found by name:
 * every word must be part of the name, at least two letters. At most 20, by name. Only name and class: nothing the
 * office does not need to pick the pupil.
 */
export async function findSchoolPupils(
  db: Db,
  group: ManagedGroup,
  query: string,
  today: string,
): Promise<{ ok: true; pupils: PupilMatch[] } | { ok: false; error: PupilQueryError }> {
  const text = cleanText(query).trim().replace(/\s+/g, ' ');
  if (text.length < 2) return { ok: false, error: 'too_short' };
  if (text.length > 100) return { ok: false, error: 'too_long' };
  let q = db
    .selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.pupil_id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'c.name as class_name'])
    .where('e.school_id', '=', group.school.id)
    .where(notEndedBy('e', today))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('teaching_group_member as m')
            .select(sql`1`.as('one'))
            .whereRef('m.pupil_id', '=', 'p.id')
            .where('m.teaching_group_id', '=', group.id),
        ),
      ),
    );
  for (const word of text.split(' ')) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`(p.given_name || ' ' || p.family_name) ilike ${pattern}`);
  }
  const rows = await q
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .orderBy('e.starts_on')
    .limit(MATCH_LIMIT)
    .execute();
  const seen = new Set<number>();
  const pupils = rows.flatMap((r) => {
    if (seen.has(r.id)) return [];
    seen.add(r.id);
    return [{ id: r.id, givenName: r.given_name, familyName: r.family_name, className: r.class_name }];
  });
  return { ok: true, pupils };
}

/** The classes of the group's school and school year a whole class can be added from, by trinn and name. */
export async function listGroupClasses(db: Db, group: ManagedGroup) {
  return db
    .selectFrom('class')
    .select(['id', 'name', 'trinn'])
    .where('school_id', '=', group.school.id)
    .where('school_year_id', '=', group.schoolYear.id)
    .where('closed_on', 'is', null)
    .orderBy('trinn')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export type AddMemberErrors = {
  personId?: 'required' | 'not_enrolled' | 'already_member';
  group?: 'closed';
};

const idOf = (value: string) => (/^\d{1,12}$/.test(value.trim()) ? Number(value.trim()) : null);

/** Whether the pupil has an enrolment at the school that has not ended by `today` (now, or from a later day). */
async function enrolledAt(db: Db, pupilId: number, schoolId: number, today: string) {
  const row = await db
    .selectFrom('enrolment as e')
    .select('e.id')
    .where('e.pupil_id', '=', pupilId)
    .where('e.school_id', '=', schoolId)
    .where(notEndedBy('e', today))
    .executeTakeFirst();
  return row !== undefined;
}

const memberAudit = (
  actor: Actor,
  group: ManagedGroup,
  action: 'teaching_group.member_add' | 'teaching_group.member_remove',
  pupilId: number,
  details: Record<string, unknown> = {},
) => ({
  actor,
  role: officeRoleOf(actor, group.school.id),
  action,
  subjectPersonId: pupilId,
  record: { type: 'teaching_group', id: group.id },
  details,
});

/** Adds one pupil of the group's school to an open group; audited. A pupil not enrolled there is a field error. */
export async function addMember(
  db: Db,
  actor: Actor,
  group: ManagedGroup,
  input: { personId: string },
  today: string,
  now = new Date(),
): Promise<Ok | Invalid<AddMemberErrors>> {
  const pupilId = idOf(input.personId);
  if (group.closedOn !== null) return { ok: false, errors: { group: 'closed' } };
  if (pupilId === null) return { ok: false, errors: { personId: 'required' } };
  return db.transaction().execute(async (trx) => {
    if ((await lockGroup(trx, group.id))?.closed_on !== null)
      return { ok: false, errors: { group: 'closed' } } as const;
    if (!(await enrolledAt(trx, pupilId, group.school.id, today)))
      return { ok: false, errors: { personId: 'not_enrolled' } } as const;
    const added = await trx
      .insertInto('teaching_group_member')
      .values({ teaching_group_id: group.id, pupil_id: pupilId })
      .onConflict((oc) => oc.columns(['teaching_group_id', 'pupil_id']).doNothing())
      .returning('pupil_id')
      .executeTakeFirst();
    if (!added) return { ok: false, errors: { personId: 'already_member' } } as const;
    await recordAudit(trx, memberAudit(actor, group, 'teaching_group.member_add', pupilId), now);
    return { ok: true } as const;
  });
}

export type AddClassErrors = {
  classId?: 'required' | 'none_to_add';
  group?: 'closed';
};

/**
 * Adds every pupil of a class (of the group's school and year; an enrolment in it that has not ended) who is not in
 * the group yet; one audit row per pupil added. None to add is a field error.
 */
export async function addClassMembers(
  db: Db,
  actor: Actor,
  group: ManagedGroup,
  input: { classId: string },
  today: string,
  now = new Date(),
): Promise<Ok<{ added: number }> | Invalid<AddClassErrors>> {
  const classId = idOf(input.classId);
  if (group.closedOn !== null) return { ok: false, errors: { group: 'closed' } };
  const cls =
    classId === null
      ? undefined
      : await db
          .selectFrom('class')
          .select('id')
          .where('id', '=', classId)
          .where('school_id', '=', group.school.id)
          .where('school_year_id', '=', group.schoolYear.id)
          .executeTakeFirst();
  if (!cls) return { ok: false, errors: { classId: 'required' } };
  return db.transaction().execute(async (trx) => {
    if ((await lockGroup(trx, group.id))?.closed_on !== null)
      return { ok: false, errors: { group: 'closed' } } as const;
    const added = await trx
      .insertInto('teaching_group_member')
      .columns(['teaching_group_id', 'pupil_id'])
      .expression((eb) =>
        eb
          .selectFrom('enrolment as e')
          .select([sql.lit(group.id).as('teaching_group_id'), 'e.pupil_id'])
          .distinct()
          .where('e.class_id', '=', cls.id)
          .where('e.school_id', '=', group.school.id)
          .where(notEndedBy('e', today)),
      )
      .onConflict((oc) => oc.columns(['teaching_group_id', 'pupil_id']).doNothing())
      .returning('pupil_id')
      .execute();
    if (added.length === 0) return { ok: false, errors: { classId: 'none_to_add' } } as const;
    for (const row of added)
      await recordAudit(
        trx,
        memberAudit(actor, group, 'teaching_group.member_add', row.pupil_id, { fromClassId: cls.id }),
        now,
      );
    return { ok: true, added: added.length } as const;
  });
}

/** Takes a pupil out of the group; audited. Someone who is not a member is a field error. */
export async function removeMember(
  db: Db,
  actor: Actor,
  group: ManagedGroup,
  input: { pupilId: string },
  now = new Date(),
): Promise<Ok | Invalid<{ pupilId: 'not_member' }>> {
  const pupilId = idOf(input.pupilId);
  if (pupilId === null) return { ok: false, errors: { pupilId: 'not_member' } };
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('teaching_group_member')
      .where('teaching_group_id', '=', group.id)
      .where('pupil_id', '=', pupilId)
      .returning('pupil_id')
      .executeTakeFirst();
    if (!removed) return { ok: false, errors: { pupilId: 'not_member' } } as const;
    await recordAudit(trx, memberAudit(actor, group, 'teaching_group.member_remove', pupilId), now);
    return { ok: true } as const;
  });
}
