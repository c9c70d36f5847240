import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { maskIdentityNumber, parseIdentityNumber } from '../person/fodselsnummer.ts';
import { cleanText } from '../text.ts';

/** A person from the register as the school office finds them for an admission. */
export interface PersonMatch {
  id: number;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  /** "DDMMYY *****" */
  maskedNumber: string;
  /** The register address, only when it is not protected (fortrolig / strengt fortrolig: never shown here). */
  address: string | null;
}

export type PersonQueryError = 'too_short' | 'too_long';

const LIMIT = 20;

/**
 * Persons from the register (with a fødselsnummer or d-nummer) found by an 11-digit number or by name (every word
 * must be part of the name; at least two letters). At most 20, by name. A protected address is never returned.
 */
export async function findPersons(
  db: Db,
  query: string,
): Promise<{ ok: true; persons: PersonMatch[] } | { ok: false; error: PersonQueryError }> {
  // A query string is not a form body: clean it here (no NUL may reach PostgreSQL).
  const text = cleanText(query).trim().replace(/\s+/g, ' ');
  const number = text.replace(/ /g, '');
  if (text.length < 2) return { ok: false, error: 'too_short' };
  if (text.length > 100) return { ok: false, error: 'too_long' };
  let q = db
    .selectFrom('person')
    .select([
      'id',
      'given_name',
      'family_name',
      'fodselsnummer',
      'address_line',
      'postal_code',
      'postal_place',
      'address_protection',
    ])
    .where('fodselsnummer', 'is not', null);
  if (/^\d{11}$/.test(number)) q = q.where('fodselsnummer', '=', number);
  else {
    for (const word of text.split(' ')) {
      const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where(sql<boolean>`(given_name || ' ' || family_name) ilike ${pattern}`);
    }
  }
  const rows = await q.orderBy('family_name').orderBy('given_name').orderBy('id').limit(LIMIT).execute();
  return {
    ok: true,
    persons: rows.map((r) => ({
      id: r.id,
      givenName: r.given_name,
      familyName: r.family_name,
      birthDate: parseIdentityNumber(r.fodselsnummer ?? '')?.birthDate ?? null,
      maskedNumber: maskIdentityNumber(r.fodselsnummer ?? ''),
      address:
        r.address_protection === 'none' && r.address_line
          ? [r.address_line, [r.postal_code, r.postal_place].filter(Boolean).join(' ')].filter(Boolean).join(', ')
          : null,
    })),
  };
}
