import type { ColumnType, Generated } from 'kysely';

/** One purpose of the processing and its legal basis, in the owner's words (stored in `purposes` as JSON). */
export interface PrivacyPurposeRow {
  purpose: string;
  legal_basis: string;
}

/**
 * A school owner's privacy statement (issue 16, item 7; migration 0031). No row: the owner has not edited it, and
 * the public page shows Skolebro's default (src/i18n/privacy-statement.ts).
 */
export interface PrivacyStatementTable {
  municipality_id: number;
  controller_name: string;
  controller_address: string;
  controller_org_number: string;
  dpo_name: string;
  /** An e-mail address or an https URL (a contact form). */
  dpo_contact: string;
  /** Read as the parsed JSON array; written as a JSON string. */
  purposes: ColumnType<PrivacyPurposeRow[], string, string>;
  recipients: string;
  retention: string;
  updated_at: Generated<Date>;
  updated_by: number | null;
}

export interface PrivacyTables {
  privacy_statement: PrivacyStatementTable;
}
