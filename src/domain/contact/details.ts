import * as v from 'valibot';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit.ts';
import { normaliseMobile, normalisePhone, type PhoneError } from './phone.ts';
import type { Checked } from '../result.ts';

export interface ContactDetailsInput {
  email: string;
  mobile: string;
  phone: string;
}

export interface ContactDetails {
  email: string | null;
  mobile: string | null;
  phone: string | null;
}

export type DetailsField = keyof ContactDetails;
/** Per field, why it was refused: 'email' for an e-mail address, else the phone module's reason. */
export type DetailsErrors = Partial<Record<DetailsField, 'email' | PhoneError>>;

const Email = v.pipe(v.string(), v.maxLength(254), v.email());

/** Checks and normalises what the guardian typed. Blank fields clear the value. */
export function parseContactDetails(input: ContactDetailsInput): Checked<ContactDetails, DetailsErrors> {
  const errors: DetailsErrors = {};
  const emailText = input.email.trim();
  if (emailText !== '' && !v.safeParse(Email, emailText).success) errors.email = 'email';
  const mobile = normaliseMobile(input.mobile);
  if (!mobile.ok) errors.mobile = mobile.error;
  const phone = normalisePhone(input.phone);
  if (!phone.ok) errors.phone = phone.error;
  if (!mobile.ok || !phone.ok || errors.email) return { ok: false, errors };
  return { ok: true, values: { email: emailText || null, mobile: mobile.value, phone: phone.value } };
}

/**
 * Saves the guardian's own e-mail, mobile and phone (G4) and audits which fields changed (not the values).
 * A changed e-mail or mobile is no longer the verified one.
 */
export async function updateContactDetails(
  db: Db,
  actor: Actor,
  values: ContactDetails,
  now = new Date(),
): Promise<DetailsField[]> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('contact_info')
      .select(['email', 'mobile', 'phone'])
      .where('person_id', '=', actor.personId)
      .forUpdate()
      .executeTakeFirst();
    const changed = (['email', 'mobile', 'phone'] as const).filter(
      (field) => (current?.[field] ?? null) !== values[field],
    );
    if (changed.length === 0) return changed;
    const unverified = changed.includes('email') || changed.includes('mobile');
    await trx
      .insertInto('contact_info')
      .values({ person_id: actor.personId, ...values, verified_at: null, updated_at: now })
      .onConflict((oc) =>
        oc
          .column('person_id')
          .doUpdateSet({ ...values, updated_at: now, ...(unverified ? { verified_at: null } : {}) }),
      )
      .execute();
    await recordAudit(
      trx,
      {
        actor,
        role: 'guardian',
        action: 'contact_info.update',
        subjectPersonId: actor.personId,
        record: { type: 'contact_info', id: actor.personId },
        details: { fields: changed },
      },
      now,
    );
    return changed;
  });
}

/** SMS on or off for every message from the school, emergencies included. Returns whether it changed. */
export async function setSmsEnabled(db: Db, actor: Actor, enabled: boolean, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('contact_info')
      .select('sms_enabled')
      .where('person_id', '=', actor.personId)
      .forUpdate()
      .executeTakeFirst();
    if ((current?.sms_enabled ?? true) === enabled) return false;
    await trx
      .insertInto('contact_info')
      .values({ person_id: actor.personId, sms_enabled: enabled, verified_at: null, updated_at: now })
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ sms_enabled: enabled, updated_at: now }))
      .execute();
    await recordAudit(
      trx,
      {
        actor,
        role: 'guardian',
        action: 'contact_info.update',
        subjectPersonId: actor.personId,
        record: { type: 'contact_info', id: actor.personId },
        details: { fields: ['sms_enabled'] },
      },
      now,
    );
    return true;
  });
}
