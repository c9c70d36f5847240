import type { Db } from '../../db/database.ts';
import { part, type Part } from '../../db/together.ts';
import { activeOn } from '../period.ts';

/**
 * SMS addresses (issue 19, item 8; seed 000: "each contact teacher has an SMS number guardians can text"). The
 * gateway gives each school one number; a keyword first in the message says who it is for: the class's name for its
 * contact teacher ("3A Sofie er syk"), "SFO" for the school's SFO. Keywords are matched without regard to case.
 */
export const SFO_KEYWORD = 'SFO';

/** The keyword first in an SMS and the text after it; null when the text does not start with a word. */
export function splitKeyword(text: string): { keyword: string; rest: string } | null {
  const match = /^\s*([\p{L}\p{N}]{1,12})(?:[\s:.,-]+|$)([\s\S]*)$/u.exec(text);
  return match ? { keyword: match[1]!.toUpperCase(), rest: match[2]!.trim() } : null;
}

/** One of the guardian's children as inbound.ts's reachableChildren gives it. */
type Child = { pupil_id: number; school_id: number; class_name: string };

/** Where a keyword on a school's number points: the guardian's children there it concerns, and the thread's kind. */
export type KeywordTarget =
  | { kind: 'contact_teacher'; pupilIds: number[] }
  | { kind: 'sfo'; sfoId: number; pupilIds: number[] };

/**
 * The target of `keyword` sent to `schoolId`'s number by a guardian with `children` (those they reach): a class of
 * that school by its name (the guardian's children in it), or the school's SFO (the children with a place there
 * today). Null when the word is no keyword of that school (the SMS is then routed as any other).
 */
export async function keywordTarget(
  db: Db,
  schoolId: number,
  keyword: string,
  children: Child[],
  today: string,
): Promise<KeywordTarget | null> {
  if (keyword === SFO_KEYWORD) {
    const sfo = await db.selectFrom('sfo').select('id').where('school_id', '=', schoolId).executeTakeFirst();
    if (!sfo) return null;
    const atSchool = children.filter((c) => c.school_id === schoolId).map((c) => c.pupil_id);
    const placed = atSchool.length
      ? await db
          .selectFrom('sfo_enrolment as e')
          .select('e.pupil_id')
          .where('e.sfo_id', '=', sfo.id)
          .where('e.pupil_id', 'in', atSchool)
          .where(activeOn('e', today))
          .execute()
      : [];
    return { kind: 'sfo', sfoId: sfo.id, pupilIds: [...new Set(placed.map((p) => p.pupil_id))] };
  }
  const inClass = children.filter((c) => c.school_id === schoolId && c.class_name.toUpperCase() === keyword);
  if (inClass.length) return { kind: 'contact_teacher', pupilIds: inClass.map((c) => c.pupil_id) };
  const isClass = await db
    .selectFrom('class as c')
    .innerJoin('school_year as y', 'y.id', 'c.school_year_id')
    .select('c.id')
    .where('c.school_id', '=', schoolId)
    .where((eb) => eb(eb.fn('upper', ['c.name']), '=', keyword))
    .where(activeOn('y', today))
    .executeTakeFirst();
  return isClass ? { kind: 'contact_teacher', pupilIds: [] } : null;
}

/** What the child page shows: the school's SMS number and the keywords for the contact teacher and the SFO. */
export interface ChildSmsAddress {
  number: string;
  contactTeacherKeyword: string;
  sfoKeyword: string | null;
}

/** The child's SMS addresses, or null when the school has no SMS number; a part of a larger statement (db/together.ts). */
export function childSmsAddressPart(
  db: Db,
  child: { pupilId: number; schoolId: number; className: string },
  today: string,
): Part<ChildSmsAddress | null> {
  return part(
    {
      school: db.selectFrom('school').select('sms_number').where('id', '=', child.schoolId),
      sfo: db
        .selectFrom('sfo_enrolment as e')
        .innerJoin('sfo as s', 's.id', 'e.sfo_id')
        .select('s.id')
        .where('e.pupil_id', '=', child.pupilId)
        .where('s.school_id', '=', child.schoolId)
        .where(activeOn('e', today))
        .limit(1),
    },
    ({ school: [school], sfo: [sfo] }) =>
      school?.sms_number
        ? {
            number: school.sms_number,
            contactTeacherKeyword: child.className.toUpperCase(),
            sfoKeyword: sfo ? SFO_KEYWORD : null,
          }
        : null,
  );
}
