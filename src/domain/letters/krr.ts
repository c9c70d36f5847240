import type { Db } from '../../db/database.ts';
import type { KrrReservasjon, KrrStatus, KrrVarslingsstatus } from '../../db/schema.ts';

/** One e-mail address or mobile number in KRR, with when the person last changed and last confirmed it. */
export interface KrrContact {
  value: string;
  /** `…_oppdatert` */
  updatedAt: Date | null;
  /** `…_sist_verifisert` */
  verifiedAt: Date | null;
}

/**
 * A person in the contact and reservation register (DOMAIN-FACTS §2), the KRR REST v2 fields in our shape:
 * reservasjon, status, varslingsstatus, kontaktinformasjon.{epostadresse, mobiltelefonnummer}(_oppdatert,
 * _sist_verifisert), digital_post.{postkasseadresse, postkasseleverandoeradresse}, sertifikat, spraak.
 */
export interface KrrPerson {
  fodselsnummer: string;
  reservasjon: KrrReservasjon;
  status: KrrStatus;
  varslingsstatus: KrrVarslingsstatus | null;
  email: KrrContact | null;
  mobile: KrrContact | null;
  /** The digital mailbox, when the person has one. */
  mailbox: { address: string; providerAddress: string } | null;
  sertifikat: string | null;
  spraak: string | null;
}

/** D3: look people up in KRR. KRR answers 1–1000 identifiers per call; a person not in the answer is IKKE_REGISTRERT. */
export interface KrrClient {
  lookup(fodselsnumre: string[]): Promise<Map<string, KrrPerson>>;
}

export const KRR_MAX_BATCH = 1000;

/** The mailbox providers' organisation numbers (KRR's postkasseleverandoeradresse) and the names people know. */
export const MAILBOX_PROVIDERS: Record<string, string> = { '984661185': 'Digipost', '996460320': 'e-Boks' };
export const mailboxProviderName = (providerAddress: string | null | undefined): string | null =>
  providerAddress ? (MAILBOX_PROVIDERS[providerAddress] ?? providerAddress) : null;

/** What KRR says about someone it does not know. */
export function notRegistered(fodselsnummer: string): KrrPerson {
  return {
    fodselsnummer,
    reservasjon: 'NEI',
    status: 'IKKE_REGISTRERT',
    varslingsstatus: null,
    email: null,
    mobile: null,
    mailbox: null,
    sertifikat: null,
    spraak: null,
  };
}

/**
 * Development and tests: KRR backed by the `krr_person` table (seeded for the demo guardians by src/db/seed/krr.ts).
 * One query per look-up, like the real register's one request; unknown people come back IKKE_REGISTRERT.
 */
export class DevKrrClient implements KrrClient {
  constructor(private readonly db: Db) {}

  async lookup(fodselsnumre: string[]): Promise<Map<string, KrrPerson>> {
    assertBatch(fodselsnumre);
    const result = new Map<string, KrrPerson>();
    if (fodselsnumre.length === 0) return result;
    const rows = await this.db
      .selectFrom('krr_person')
      .selectAll()
      .where('personidentifikator', 'in', [...new Set(fodselsnumre)])
      .execute();
    for (const row of rows) {
      result.set(row.personidentifikator, {
        fodselsnummer: row.personidentifikator,
        reservasjon: row.reservasjon,
        status: row.status,
        varslingsstatus: row.varslingsstatus,
        email: contact(row.epostadresse, row.epostadresse_oppdatert, row.epostadresse_sist_verifisert),
        mobile: contact(
          row.mobiltelefonnummer,
          row.mobiltelefonnummer_oppdatert,
          row.mobiltelefonnummer_sist_verifisert,
        ),
        mailbox:
          row.postkasseadresse && row.postkasseleverandoeradresse
            ? { address: row.postkasseadresse, providerAddress: row.postkasseleverandoeradresse }
            : null,
        sertifikat: row.sertifikat,
        spraak: row.spraak,
      });
    }
    for (const fnr of fodselsnumre) if (!result.has(fnr)) result.set(fnr, notRegistered(fnr));
    return result;
  }
}

export function assertBatch(fodselsnumre: string[]): void {
  if (fodselsnumre.length > KRR_MAX_BATCH) throw new Error(`KRR answers at most ${KRR_MAX_BATCH} people per look-up`);
}

function contact(value: string | null, updatedAt: Date | null, verifiedAt: Date | null): KrrContact | null {
  return value ? { value, updatedAt, verifiedAt } : null;
}
