import { createHash } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import type { Database, KrrPersonTable } from '../schema.ts';
import { addDays, toDate } from './calendar.ts';

type Trx = Transaction<Database>;
type KrrRow = Insertable<KrrPersonTable>;
type Kind = 'digipost' | 'eboks' | 'reserved' | 'stale' | 'partly_stale' | 'not_registered' | 'deleted' | 'no_mailbox';

const DIGIPOST = '984661185';
const EBOKS = '996460320';

/**
 * The fixed demo people (name + the first six digits of their synthetic number, month + 80) whose KRR state the
 * README promises: Kari gets digital post, Anders paper (reserved).
 */
const FIXED: Record<string, Kind> = {
  'Kari Nordmann 148384': 'digipost',
  'Anders Nordmann 088782': 'reserved',
  'Ola Nordmann 019280': 'eboks',
  'Liv Nordmann 198583': 'not_registered',
  'Trine Bakkeli 248887': 'stale',
  'Siri Solvang 148283': 'no_mailbox',
  'Knut Solvang 309181': 'partly_stale',
};

/** Everyone else, by a hash of the number (same every time): mostly Digipost, some of every other case. */
const SHARES: [Kind, number][] = [
  ['digipost', 50],
  ['eboks', 15],
  ['reserved', 10],
  ['stale', 6],
  ['partly_stale', 4],
  ['not_registered', 8],
  ['deleted', 3],
  ['no_mailbox', 4],
];

/**
 * The development KRR (krr_person) for every guardian with a fødselsnummer: deterministic from the number and
 * `today`, so the demo shows both ways a letter goes. Real KRR reports contact data older than 18 months as
 * KAN_IKKE_VARSLES, and so does this one.
 */
export async function seedKrr(trx: Trx, today: string): Promise<number> {
  const rows = await trx
    .selectFrom('person as p')
    .leftJoin('contact_info as c', 'c.person_id', 'p.id')
    .select(['p.fodselsnummer', 'p.given_name', 'p.family_name', 'c.email', 'c.mobile'])
    .where('p.fodselsnummer', 'is not', null)
    .where((eb) =>
      eb.exists(eb.selectFrom('guardian_relation as r').select('r.id').whereRef('r.guardian_id', '=', 'p.id')),
    )
    .orderBy('p.fodselsnummer')
    .execute();
  const values = rows.map((r) => {
    const fnr = r.fodselsnummer!;
    const kind = FIXED[`${r.given_name} ${r.family_name} ${fnr.slice(0, 6)}`] ?? pick(fnr);
    const email = r.email ?? `${slug(r.given_name)}.${slug(r.family_name)}@example.invalid`;
    const mobile = r.mobile ?? `+479${fnr.slice(4, 11)}`;
    return krrRow(
      fnr,
      kind,
      email,
      mobile,
      today,
      hash(fnr) % 300,
      `${slug(r.given_name)}.${slug(r.family_name)}#${fnr.slice(7, 11)}`,
    );
  });
  for (let i = 0; i < values.length; i += 1000)
    await trx
      .insertInto('krr_person')
      .values(values.slice(i, i + 1000))
      .execute();
  return values.length;
}

function krrRow(
  fnr: string,
  kind: Kind,
  email: string,
  mobile: string,
  today: string,
  ageDays: number,
  mailbox: string,
): KrrRow {
  const at = (days: number) => new Date(toDate(addDays(today, -days)).getTime() + 10 * 3600_000);
  const fresh = at(ageDays + 5);
  const old = at(600 + ageDays);
  const base: KrrRow = {
    personidentifikator: fnr,
    reservasjon: 'NEI',
    status: 'AKTIV',
    varslingsstatus: 'KAN_VARSLES',
    epostadresse: email,
    epostadresse_oppdatert: fresh,
    epostadresse_sist_verifisert: fresh,
    mobiltelefonnummer: mobile,
    mobiltelefonnummer_oppdatert: fresh,
    mobiltelefonnummer_sist_verifisert: fresh,
    postkasseadresse: mailbox,
    postkasseleverandoeradresse: DIGIPOST,
    sertifikat: null,
    spraak: 'nb',
  };
  switch (kind) {
    case 'digipost':
      return base;
    case 'eboks':
      return { ...base, postkasseleverandoeradresse: EBOKS };
    case 'reserved':
      return { ...base, reservasjon: 'JA', postkasseadresse: null, postkasseleverandoeradresse: null };
    case 'stale':
      return {
        ...base,
        varslingsstatus: 'KAN_IKKE_VARSLES',
        epostadresse_oppdatert: old,
        epostadresse_sist_verifisert: old,
        mobiltelefonnummer_oppdatert: old,
        mobiltelefonnummer_sist_verifisert: old,
      };
    case 'partly_stale':
      return { ...base, epostadresse_oppdatert: old, epostadresse_sist_verifisert: old };
    case 'no_mailbox':
      return { ...base, postkasseadresse: null, postkasseleverandoeradresse: null };
    case 'deleted':
      return { ...empty(fnr), status: 'SLETTET' };
    case 'not_registered':
      return empty(fnr);
  }
}

function empty(fnr: string): KrrRow {
  return {
    personidentifikator: fnr,
    reservasjon: 'NEI',
    status: 'IKKE_REGISTRERT',
    varslingsstatus: null,
    epostadresse: null,
    epostadresse_oppdatert: null,
    epostadresse_sist_verifisert: null,
    mobiltelefonnummer: null,
    mobiltelefonnummer_oppdatert: null,
    mobiltelefonnummer_sist_verifisert: null,
    postkasseadresse: null,
    postkasseleverandoeradresse: null,
    sertifikat: null,
    spraak: null,
  };
}

const hash = (fnr: string) => createHash('sha256').update(`krr:${fnr}`).digest().readUInt32BE(0);

function pick(fnr: string): Kind {
  let n = hash(fnr) % 100;
  for (const [kind, share] of SHARES) {
    if (n < share) return kind;
    n -= share;
  }
  return 'digipost';
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '');
