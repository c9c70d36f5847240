import type { Db } from '../../db/database.ts';
import type { AddressProtection, ManualReason } from '../../db/schema.ts';

/** What routing one letter needs to know, loaded for a whole batch in one query. */
export interface LetterFacts {
  dispatchId: number;
  documentId: number;
  guardianId: number;
  pupilId: number;
  schoolId: number;
  fodselsnummer: string | null;
  /** The guardian still reaches the child (not blocked, not a contact person only). */
  hasAccess: boolean;
  address: {
    line: string | null;
    postalCode: string | null;
    postalPlace: string | null;
    protection: AddressProtection;
  };
  title: string;
  filename: string;
  school: { name: string; orgNumber: string };
}

export async function loadLetterFacts(db: Db, dispatchIds: number[]): Promise<Map<number, LetterFacts>> {
  const facts = new Map<number, LetterFacts>();
  if (dispatchIds.length === 0) return facts;
  const rows = await db
    .selectFrom('letter_dispatch as l')
    .innerJoin('person as g', 'g.id', 'l.guardian_id')
    .innerJoin('document as d', 'd.id', 'l.document_id')
    .innerJoin('school as s', 's.id', 'l.school_id')
    .select((eb) => [
      'l.id',
      'l.document_id',
      'l.guardian_id',
      'l.pupil_id',
      'l.school_id',
      'g.fodselsnummer',
      'g.address_line',
      'g.postal_code',
      'g.postal_place',
      'g.address_protection',
      'd.title',
      'd.filename',
      's.name as school_name',
      's.org_number',
      eb
        .exists(
          eb
            .selectFrom('guardian_relation as r')
            .select('r.id')
            .whereRef('r.pupil_id', '=', 'l.pupil_id')
            .whereRef('r.guardian_id', '=', 'l.guardian_id')
            .where('r.blocked', '=', false)
            .where('r.contact_person_only', '=', false),
        )
        .as('has_access'),
    ])
    .where('l.id', 'in', dispatchIds)
    .execute();
  for (const r of rows) {
    facts.set(r.id, {
      dispatchId: r.id,
      documentId: r.document_id,
      guardianId: r.guardian_id,
      pupilId: r.pupil_id,
      schoolId: r.school_id,
      fodselsnummer: r.fodselsnummer,
      hasAccess: Boolean(r.has_access),
      address: {
        line: r.address_line,
        postalCode: r.postal_code,
        postalPlace: r.postal_place,
        protection: r.address_protection,
      },
      title: r.title,
      filename: r.filename,
      school: { name: r.school_name, orgNumber: r.org_number },
    });
  }
  return facts;
}

/**
 * A paper letter the print batch must not take: a protected address (fortrolig / strengt fortrolig) is never
 * printed, and without a postal address there is nothing to print. The office sends these by hand.
 */
export function manualReasonOf(address: LetterFacts['address']): ManualReason | null {
  if (address.protection !== 'none') return 'protected_address';
  if (!address.line || !address.postalCode || !address.postalPlace) return 'no_address';
  return null;
}
