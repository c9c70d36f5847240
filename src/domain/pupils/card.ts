import type { Db } from '../../db/database.ts';
import type { AddressProtection, GuardianRelationType } from '../../db/schema.ts';
import { todayInOslo, type Actor } from '../access/actor.ts';
import {
  canRevealProtectedAddress,
  canSendMessage,
  canViewAbsence,
  canViewAddress,
  canViewProtectionMarker,
  reachOf,
  type Reach,
} from '../access/policy.ts';
import { requireVisiblePupil } from '../access/scope.ts';
import { recordAudit } from '../audit.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { hasNotEnded } from '../period.ts';
import { canBlockGuardian } from './guardian-access.ts';

export interface PupilCard {
  id: number;
  givenName: string;
  familyName: string;
  schoolName: string;
  className: string;
  classId: number;
  leftOn: string | null;
  /** null when this actor may not see it. */
  address: { line: string | null; postalCode: string | null; postalPlace: string | null } | null;
  /** null when this actor may not know whether the address is protected. */
  protection: AddressProtection | null;
  canRevealAddress: boolean;
  canViewAbsence: boolean;
  /** May open the pupil's message book (start a thread with the guardians). */
  canMessage: boolean;
  guardians: {
    id: number;
    name: string;
    relation: GuardianRelationType;
    blocked: boolean;
    contactOnly: boolean;
    mobile: string | null;
    email: string | null;
  }[];
  canBlockGuardians: boolean;
}

const STAFF_REACH: Reach[] = [
  'school_owner',
  'leadership',
  'archive',
  'contact_teacher',
  'teacher',
  'sfo_leader',
  'sfo_staff',
];

/** The pupil card (S3). Loaded through the actor's reach (404 otherwise); every view is audited (D9). */
export async function viewPupilCard(db: Db, actor: Actor, pupilId: number, today = todayInOslo()): Promise<PupilCard> {
  const facts = await requireVisiblePupil(db, actor, pupilId, today);
  const reach = reachOf(actor, facts);
  // The pupil card is a staff page; guardians see their children on their own pages.
  if (!STAFF_REACH.some((r) => reach.has(r))) throw new NotFoundError();
  const pupil = await db
    .selectFrom('person as p')
    .innerJoin('enrolment as e', 'e.pupil_id', 'p.id')
    .innerJoin('class as c', 'c.id', 'e.class_id')
    .innerJoin('school as s', 's.id', 'e.school_id')
    .select([
      'p.id',
      'p.given_name',
      'p.family_name',
      'p.address_line',
      'p.postal_code',
      'p.postal_place',
      'c.name as class_name',
      'c.id as class_id',
      's.name as school_name',
      'e.ends_on',
    ])
    .where('p.id', '=', pupilId)
    .orderBy('e.starts_on', 'desc')
    .executeTakeFirstOrThrow();
  const guardians = await guardiansOf(db, pupilId, reach.has('leadership'));
  await recordAudit(db, {
    actor,
    role: [...reach].join(','),
    action: 'pupil_card.view',
    subjectPersonId: pupilId,
    record: { type: 'person', id: pupilId },
  });
  return {
    id: pupil.id,
    givenName: pupil.given_name,
    familyName: pupil.family_name,
    schoolName: pupil.school_name,
    className: pupil.class_name,
    classId: pupil.class_id,
    leftOn: hasNotEnded(pupil, today) ? null : pupil.ends_on,
    address: canViewAddress(actor, facts)
      ? { line: pupil.address_line, postalCode: pupil.postal_code, postalPlace: pupil.postal_place }
      : null,
    protection: canViewProtectionMarker(actor, facts) ? facts.protection : null,
    canRevealAddress: canRevealProtectedAddress(actor, facts),
    canViewAbsence: canViewAbsence(actor, facts),
    canMessage: canSendMessage(actor, facts),
    guardians,
    canBlockGuardians: canBlockGuardian(actor, facts),
  };
}

/** Guardians and contact persons with phone and e-mail; blocked guardians only for leadership. */
async function guardiansOf(db: Db, pupilId: number, includeBlocked: boolean) {
  const rows = await db
    .selectFrom('guardian_relation as g')
    .innerJoin('person as p', 'p.id', 'g.guardian_id')
    .leftJoin('contact_info as ci', 'ci.person_id', 'p.id')
    .select([
      'p.id',
      'p.given_name',
      'p.family_name',
      'g.relation',
      'g.blocked',
      'g.contact_person_only',
      'ci.mobile',
      'ci.email',
    ])
    .where('g.pupil_id', '=', pupilId)
    .where((eb) => (includeBlocked ? eb.val(true) : eb('g.blocked', '=', false)))
    .orderBy('g.contact_person_only')
    .orderBy('p.given_name')
    .limit(20)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: `${r.given_name} ${r.family_name}`,
    relation: r.relation,
    blocked: r.blocked,
    contactOnly: r.contact_person_only,
    mobile: r.mobile,
    email: r.email,
  }));
}

/** Leadership reveals a strengt fortrolig address for a stated reason; the reveal is audited. */
export async function revealProtectedAddress(
  db: Db,
  actor: Actor,
  pupilId: number,
  reason: string,
  today = todayInOslo(),
) {
  const facts = await requireVisiblePupil(db, actor, pupilId, today);
  if (!canRevealProtectedAddress(actor, facts)) throw new ForbiddenError();
  const person = await db
    .selectFrom('person')
    .select(['address_line', 'postal_code', 'postal_place'])
    .where('id', '=', pupilId)
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    actor,
    role: 'leadership',
    action: 'address.reveal',
    subjectPersonId: pupilId,
    record: { type: 'person', id: pupilId },
    reason,
  });
  return { line: person.address_line, postalCode: person.postal_code, postalPlace: person.postal_place };
}
