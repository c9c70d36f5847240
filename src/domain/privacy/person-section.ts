import type { Db } from '../../db/database.ts';
import type { MyData } from './types.ts';

/** The person's own data — name, fødselsnummer, address from Folkeregisteret, contact card — as My data shows it. */
export async function loadPersonSection(db: Db, personId: number): Promise<MyData['guardian']> {
  const person = await db
    .selectFrom('person as p')
    .leftJoin('contact_info as c', 'c.person_id', 'p.id')
    .select([
      'p.given_name',
      'p.family_name',
      'p.fodselsnummer',
      'p.address_line',
      'p.postal_code',
      'p.postal_place',
      'p.address_protection',
      'c.email',
      'c.mobile',
      'c.phone',
      'c.sms_enabled',
      'c.updated_at',
      'c.person_id as contact_person',
    ])
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow();
  return {
    name: `${person.given_name} ${person.family_name}`,
    fodselsnummer: person.fodselsnummer,
    address: {
      line: person.address_line,
      postalCode: person.postal_code,
      postalPlace: person.postal_place,
      protection: person.address_protection,
    },
    contact: person.contact_person
      ? {
          email: person.email,
          mobile: person.mobile,
          phone: person.phone,
          smsEnabled: person.sms_enabled ?? true,
          updatedAt: person.updated_at?.toISOString() ?? null,
        }
      : null,
    extra: {},
  };
}
