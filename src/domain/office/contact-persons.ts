import type { Db } from '../../db/database.ts';
import type { AddressProtection, GuardianRelationType } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { officeRoleOf } from '../access/policy.ts';
import type { ManagedPupil } from '../access/scope.ts';
import { recordAudit } from '../audit.ts';
import { parseContactDetails } from '../contact/details.ts';
import type { PhoneError } from '../contact/phone.ts';
import { NotFoundError } from '../errors.ts';
import type { Invalid, Ok } from '../result.ts';
import { checkText, type TextError } from '../text.ts';

/**
 * A pupil's other contact persons, kept by the school office (issue 11): mor, far, fostermor, fosterfar, stemor, stefar,
 * annet — a name, a mobile and an e-mail address, and NO portal access. Each is a person row without fødselsnummer or
 * Feide id (nobody can log in as them), their contact_info, and a guardian_relation with contact_person_only = true and
 * parental_responsibility = false (the table's check keeps the two apart). Every read of guardians for access,
 * messages, letters, consents and deliveries filters contact_person_only out. The Folkeregisteret import leaves these
 * relations alone (from_register = false).
 */

export const CONTACT_RELATIONS = ['mor', 'far', 'fostermor', 'fosterfar', 'stemor', 'stefar', 'annet'] as const;
export type ContactRelation = (typeof CONTACT_RELATIONS)[number];

/** The most contact persons a pupil can have (a list a school office reads at a glance). */
export const MAX_CONTACT_PERSONS = 10;

export interface RegisterGuardian {
  personId: number;
  givenName: string;
  familyName: string;
  relation: GuardianRelationType;
  parentalResponsibility: boolean;
  blocked: boolean;
  mobile: string | null;
  email: string | null;
  /** Null when the person's address is protected (fortrolig/strengt fortrolig): it is never shown here. */
  address: { line: string | null; postalCode: string | null; postalPlace: string | null } | null;
  protection: AddressProtection;
}

export interface ContactPerson {
  /** The guardian_relation id: what the office edits and removes. */
  id: number;
  personId: number;
  givenName: string;
  familyName: string;
  relation: GuardianRelationType;
  mobile: string | null;
  email: string | null;
  /** Made by the office (no fødselsnummer): the office edits the name too. A register person is only unlinked. */
  editable: boolean;
  /** Kept by the Folkeregisteret import (a parent without parental responsibility): not removed here. */
  fromRegister: boolean;
}

/** The pupil's guardians from the register (with access, or blocked), without a protected address. */
export async function listRegisterGuardians(db: Db, pupilId: number): Promise<RegisterGuardian[]> {
  const rows = await db
    .selectFrom('guardian_relation as g')
    .innerJoin('person as p', 'p.id', 'g.guardian_id')
    .leftJoin('contact_info as ci', 'ci.person_id', 'p.id')
    .select([
      'p.id',
      'p.given_name',
      'p.family_name',
      'p.address_line',
      'p.postal_code',
      'p.postal_place',
      'p.address_protection',
      'g.relation',
      'g.parental_responsibility',
      'g.blocked',
      'ci.mobile',
      'ci.email',
    ])
    .where('g.pupil_id', '=', pupilId)
    .where('g.contact_person_only', '=', false)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .limit(20)
    .execute();
  return rows.map((r) => ({
    personId: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    relation: r.relation,
    parentalResponsibility: r.parental_responsibility,
    blocked: r.blocked,
    mobile: r.mobile,
    email: r.email,
    protection: r.address_protection,
    address:
      r.address_protection === 'none'
        ? { line: r.address_line, postalCode: r.postal_code, postalPlace: r.postal_place }
        : null,
  }));
}

/** The pupil's contact persons, by name (bounded). */
export async function listContactPersons(db: Db, pupilId: number): Promise<ContactPerson[]> {
  const rows = await db
    .selectFrom('guardian_relation as g')
    .innerJoin('person as p', 'p.id', 'g.guardian_id')
    .leftJoin('contact_info as ci', 'ci.person_id', 'p.id')
    .select([
      'g.id',
      'p.id as person_id',
      'p.given_name',
      'p.family_name',
      'p.fodselsnummer',
      'p.feide_id',
      'g.relation',
      'g.from_register',
      'ci.mobile',
      'ci.email',
    ])
    .where('g.pupil_id', '=', pupilId)
    .where('g.contact_person_only', '=', true)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('g.id')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    givenName: r.given_name,
    familyName: r.family_name,
    relation: r.relation,
    mobile: r.mobile,
    email: r.email,
    editable: r.fodselsnummer === null && r.feide_id === null,
    fromRegister: r.from_register,
  }));
}

export interface ContactPersonInput {
  givenName: string;
  familyName: string;
  relation: string;
  mobile: string;
  email: string;
}

export interface ContactPersonErrors {
  givenName?: TextError;
  familyName?: TextError;
  relation?: 'relation';
  mobile?: PhoneError | 'reach';
  email?: 'email';
  /** The pupil has MAX_CONTACT_PERSONS already. */
  pupil?: 'too_many';
}

const NAME = { max: 100, required: true } as const;

function parseInput(input: ContactPersonInput) {
  const errors: ContactPersonErrors = {};
  const given = checkText(input.givenName, NAME);
  if (given.error) errors.givenName = given.error;
  const family = checkText(input.familyName, NAME);
  if (family.error) errors.familyName = family.error;
  const relation = CONTACT_RELATIONS.find((r) => r === input.relation.trim());
  if (!relation) errors.relation = 'relation';
  const details = parseContactDetails({ email: input.email, mobile: input.mobile, phone: '' });
  if (!details.ok) {
    const mobile = details.errors.mobile;
    if (mobile && mobile !== 'email') errors.mobile = mobile;
    if (details.errors.email) errors.email = 'email';
  } else if (!details.values.mobile && !details.values.email) errors.mobile = 'reach'; // a contact person is reachable
  if (Object.keys(errors).length || !relation || !details.ok) return { ok: false as const, errors };
  return {
    ok: true as const,
    values: {
      givenName: given.text,
      familyName: family.text,
      relation,
      mobile: details.values.mobile,
      email: details.values.email,
    },
  };
}

/** Adds a contact person of the pupil: a new person (no fødselsnummer), contact_info and the relation. Audited. */
export async function addContactPerson(
  db: Db,
  actor: Actor,
  pupil: ManagedPupil,
  input: ContactPersonInput,
  now = new Date(),
): Promise<Ok<{ relationId: number }> | Invalid<ContactPersonErrors>> {
  const parsed = parseInput(input);
  if (!parsed.ok) return parsed;
  const v = parsed.values;
  return db.transaction().execute(async (trx) => {
    // The pupil row is locked so two additions at once cannot pass the limit together.
    await trx.selectFrom('person').select('id').where('id', '=', pupil.id).forUpdate().execute();
    const count = await trx
      .selectFrom('guardian_relation')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('pupil_id', '=', pupil.id)
      .where('contact_person_only', '=', true)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_CONTACT_PERSONS) return { ok: false as const, errors: { pupil: 'too_many' as const } };
    const person = await trx
      .insertInto('person')
      .values({ given_name: v.givenName, family_name: v.familyName })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('contact_info')
      .values({ person_id: person.id, mobile: v.mobile, email: v.email, sms_enabled: false })
      .execute();
    const relation = await trx
      .insertInto('guardian_relation')
      .values({
        pupil_id: pupil.id,
        guardian_id: person.id,
        relation: v.relation,
        parental_responsibility: false,
        contact_person_only: true,
        from_register: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actor,
        role: officeRoleOf(actor, pupil.school.id),
        action: 'contact_person.add',
        subjectPersonId: pupil.id,
        record: { type: 'guardian_relation', id: relation.id },
        details: { contactPersonId: person.id, relation: v.relation },
      },
      now,
    );
    return { ok: true as const, relationId: relation.id };
  });
}

/** One contact person of this pupil (by relation id); anything else → 404. */
async function requireContactPerson(db: Db, pupil: ManagedPupil, relationId: number) {
  const row =
    Number.isSafeInteger(relationId) && relationId > 0
      ? await db
          .selectFrom('guardian_relation as g')
          .innerJoin('person as p', 'p.id', 'g.guardian_id')
          .select(['g.id', 'g.guardian_id', 'g.relation', 'g.from_register', 'p.fodselsnummer', 'p.feide_id'])
          .where('g.id', '=', relationId)
          .where('g.pupil_id', '=', pupil.id)
          .where('g.contact_person_only', '=', true)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
  if (!row) throw new NotFoundError();
  return { ...row, editable: row.fodselsnummer === null && row.feide_id === null };
}

/** Changes a contact person the office made: name, relation, mobile, e-mail. Audited with the fields changed. */
export async function updateContactPerson(
  db: Db,
  actor: Actor,
  pupil: ManagedPupil,
  relationId: number,
  input: ContactPersonInput,
  now = new Date(),
): Promise<Ok | Invalid<ContactPersonErrors>> {
  const parsed = parseInput(input);
  return db.transaction().execute(async (trx) => {
    const current = await requireContactPerson(trx, pupil, relationId);
    if (!current.editable) throw new NotFoundError();
    if (!parsed.ok) return parsed;
    const v = parsed.values;
    const before = await trx
      .selectFrom('person as p')
      .leftJoin('contact_info as ci', 'ci.person_id', 'p.id')
      .select(['p.given_name', 'p.family_name', 'ci.mobile', 'ci.email'])
      .where('p.id', '=', current.guardian_id)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('person')
      .set({ given_name: v.givenName, family_name: v.familyName, updated_at: now })
      .where('id', '=', current.guardian_id)
      .execute();
    await trx
      .insertInto('contact_info')
      .values({ person_id: current.guardian_id, mobile: v.mobile, email: v.email, sms_enabled: false })
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ mobile: v.mobile, email: v.email, updated_at: now }))
      .execute();
    await trx.updateTable('guardian_relation').set({ relation: v.relation }).where('id', '=', current.id).execute();
    const changed = [
      before.given_name !== v.givenName || before.family_name !== v.familyName ? 'name' : '',
      current.relation !== v.relation ? 'relation' : '',
      before.mobile !== v.mobile ? 'mobile' : '',
      before.email !== v.email ? 'email' : '',
    ].filter(Boolean);
    await recordAudit(
      trx,
      {
        actor,
        role: officeRoleOf(actor, pupil.school.id),
        action: 'contact_person.update',
        subjectPersonId: pupil.id,
        record: { type: 'guardian_relation', id: current.id },
        details: { contactPersonId: current.guardian_id, changed },
      },
      now,
    );
    return { ok: true as const };
  });
}

/**
 * Removes a contact person from the pupil. A person the office made and nobody else links to is deleted with their
 * contact details (they were only ever this pupil's contact person); a register person is only unlinked. Audited.
 */
export async function removeContactPerson(
  db: Db,
  actor: Actor,
  pupil: ManagedPupil,
  relationId: number,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await requireContactPerson(trx, pupil, relationId);
    if (current.from_register) throw new NotFoundError(); // the register's relations are the import's
    await trx.deleteFrom('guardian_relation').where('id', '=', current.id).execute();
    const others = await trx
      .selectFrom('guardian_relation')
      .select('id')
      .where('guardian_id', '=', current.guardian_id)
      .executeTakeFirst();
    const deleted = current.editable && !others;
    if (deleted) {
      await trx.deleteFrom('contact_info').where('person_id', '=', current.guardian_id).execute();
      await trx.deleteFrom('person').where('id', '=', current.guardian_id).execute();
    }
    await recordAudit(
      trx,
      {
        actor,
        role: officeRoleOf(actor, pupil.school.id),
        action: 'contact_person.remove',
        subjectPersonId: pupil.id,
        record: { type: 'guardian_relation', id: current.id },
        details: { contactPersonId: current.guardian_id, relation: current.relation, personDeleted: deleted },
      },
      now,
    );
  });
}
