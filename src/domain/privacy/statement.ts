import * as v from 'valibot';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { canEditPrivacyStatement } from '../access/policy.ts';
import { recordAudit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import type { Checked } from '../result.ts';
import { cleanText } from '../text.ts';

/**
 * Issue 16, item 7: each school owner's privacy statement (personvernerklæring). The owner (the controller) writes the
 * controller, its data protection officer, the purposes with their legal bases, the recipients and the retention; the
 * rights, how to complain to Datatilsynet and the archive note are the same for every owner and written by the app.
 * An owner who has not written one gets the default (the views build it from src/i18n/privacy-statement.ts).
 */
export interface StatementOwner {
  municipalityId: number;
  name: string;
  orgNumber: string;
}

export interface PrivacyPurpose {
  purpose: string;
  legalBasis: string;
}

export interface PrivacyStatementFields {
  controllerName: string;
  controllerAddress: string;
  controllerOrgNumber: string;
  dpoName: string;
  dpoContact: string;
  purposes: PrivacyPurpose[];
  recipients: string;
  retention: string;
}

/** The owner's statement as stored, or null when the owner has not edited it (the default applies). */
export interface PrivacyStatement {
  owner: StatementOwner;
  stored: (PrivacyStatementFields & { updatedAt: Date }) | null;
}

/** At most this many purposes (the form offers this many rows). */
export const MAX_PURPOSES = 12;

export type PrivacyStatementField = Exclude<keyof PrivacyStatementFields, 'purposes'>;
export type PrivacyStatementError = 'required' | 'tooLong' | 'orgNumber' | 'dpoContact' | 'purposeRow' | 'purposes';
/** A code per field; `purpose<i>` for a purpose row (0-based) with only one half filled in, `purposes` for none. */
export type PrivacyStatementErrors = Partial<
  Record<PrivacyStatementField | 'purposes' | `purpose${number}`, PrivacyStatementError>
>;

/** What the form posts: every field as typed, and the purpose rows in order (empty rows included). */
export type PrivacyStatementInput = Record<PrivacyStatementField, string> & { purposes: PrivacyPurpose[] };

/** Every school owner (kommune or private owner), by name: the public /privacy list. */
export async function listStatementOwners(db: Db): Promise<StatementOwner[]> {
  const rows = await db.selectFrom('municipality').select(['id', 'name', 'org_number']).orderBy('name').execute();
  return rows.map((r) => ({ municipalityId: r.id, name: r.name, orgNumber: r.org_number }));
}

/** One owner's statement (public); an unknown owner → 404. */
export async function findPrivacyStatement(db: Db, municipalityId: number): Promise<PrivacyStatement> {
  const row = await db
    .selectFrom('municipality as m')
    .leftJoin('privacy_statement as p', 'p.municipality_id', 'm.id')
    .select([
      'm.id',
      'm.name',
      'm.org_number',
      'p.controller_name',
      'p.controller_address',
      'p.controller_org_number',
      'p.dpo_name',
      'p.dpo_contact',
      'p.purposes',
      'p.recipients',
      'p.retention',
      'p.updated_at',
    ])
    .where('m.id', '=', municipalityId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  const owner = { municipalityId: row.id, name: row.name, orgNumber: row.org_number };
  if (row.controller_name === null || row.updated_at === null) return { owner, stored: null };
  return {
    owner,
    stored: {
      controllerName: row.controller_name,
      controllerAddress: row.controller_address ?? '',
      controllerOrgNumber: row.controller_org_number ?? '',
      dpoName: row.dpo_name ?? '',
      dpoContact: row.dpo_contact ?? '',
      purposes: (row.purposes ?? []).map((p) => ({ purpose: p.purpose, legalBasis: p.legal_basis })),
      recipients: row.recipients ?? '',
      retention: row.retention ?? '',
      updatedAt: row.updated_at,
    },
  };
}

/** The statement for the edit page: only the school owner of that municipality (canEditPrivacyStatement), else 404. */
export async function findEditablePrivacyStatement(
  db: Db,
  actor: Actor,
  municipalityId: number,
): Promise<PrivacyStatement> {
  if (!canEditPrivacyStatement(actor, municipalityId)) throw new NotFoundError();
  return findPrivacyStatement(db, municipalityId);
}

const LIMITS: Record<PrivacyStatementField, number> = {
  controllerName: 200,
  controllerAddress: 300,
  controllerOrgNumber: 20,
  dpoName: 200,
  dpoContact: 200,
  recipients: 4000,
  retention: 4000,
};
const PURPOSE_LIMIT = 300;

const OrgNumber = v.pipe(
  v.string(),
  v.transform((s) => s.replace(/\s/g, '')),
  v.regex(/^\d{9}$/),
);
/** The DPO is reached by e-mail or through a web page (a contact form): an address or an https URL. */
const DpoContact = v.union([
  v.pipe(v.string(), v.trim(), v.email()),
  v.pipe(v.string(), v.trim(), v.url(), v.startsWith('https://')),
]);

function checkField(field: PrivacyStatementField, value: string): { text: string; error?: PrivacyStatementError } {
  const text = cleanText(value).trim();
  if (text === '') return { text, error: 'required' };
  if (text.length > LIMITS[field]) return { text, error: 'tooLong' };
  if (field === 'controllerOrgNumber') {
    const org = v.safeParse(OrgNumber, text);
    return org.success ? { text: org.output } : { text, error: 'orgNumber' };
  }
  if (field === 'dpoContact') return v.safeParse(DpoContact, text).success ? { text } : { text, error: 'dpoContact' };
  return { text };
}

export function parsePrivacyStatement(
  input: PrivacyStatementInput,
): Checked<PrivacyStatementFields, PrivacyStatementErrors> {
  const errors: PrivacyStatementErrors = {};
  const values: Partial<Record<PrivacyStatementField, string>> = {};
  for (const field of Object.keys(LIMITS) as PrivacyStatementField[]) {
    const checked = checkField(field, input[field]);
    values[field] = checked.text;
    if (checked.error) errors[field] = checked.error;
  }
  const purposes: PrivacyPurpose[] = [];
  input.purposes.slice(0, MAX_PURPOSES).forEach((row, i) => {
    const purpose = cleanText(row.purpose).trim();
    const legalBasis = cleanText(row.legalBasis).trim();
    if (purpose === '' && legalBasis === '') return;
    if (purpose === '' || legalBasis === '' || purpose.length > PURPOSE_LIMIT || legalBasis.length > PURPOSE_LIMIT)
      errors[`purpose${i}`] = 'purposeRow';
    else purposes.push({ purpose, legalBasis });
  });
  if (purposes.length === 0 && !Object.keys(errors).some((k) => k.startsWith('purpose'))) errors.purposes = 'purposes';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, values: { ...(values as Record<PrivacyStatementField, string>), purposes } };
}

/** Saves the owner's statement (canEditPrivacyStatement, else 404), audited with what changed. */
export async function savePrivacyStatement(
  db: Db,
  actor: Actor,
  municipalityId: number,
  values: PrivacyStatementFields,
  now = new Date(),
): Promise<void> {
  const current = await findEditablePrivacyStatement(db, actor, municipalityId);
  const row = {
    controller_name: values.controllerName,
    controller_address: values.controllerAddress,
    controller_org_number: values.controllerOrgNumber,
    dpo_name: values.dpoName,
    dpo_contact: values.dpoContact,
    purposes: JSON.stringify(values.purposes.map((p) => ({ purpose: p.purpose, legal_basis: p.legalBasis }))),
    recipients: values.recipients,
    retention: values.retention,
    updated_at: now,
    updated_by: actor.personId,
  };
  const before = current.stored;
  const changed = before
    ? (Object.keys(values) as (keyof PrivacyStatementFields)[]).filter(
        (k) => JSON.stringify(before[k]) !== JSON.stringify(values[k]),
      )
    : Object.keys(values);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('privacy_statement')
      .values({ municipality_id: municipalityId, ...row })
      .onConflict((oc) => oc.column('municipality_id').doUpdateSet(row))
      .execute();
    await recordAudit(
      trx,
      {
        actor,
        role: 'school_owner',
        action: 'privacy_statement.update',
        record: { type: 'municipality', id: municipalityId },
        details: { first: before === null, changed },
      },
      now,
    );
  });
}
