import type { PrivacyStatement, PrivacyStatementFields, StatementOwner } from '../../domain/privacy/statement.ts';
import { fill, type Locale } from '../../i18n/index.ts';
import { privacyStatementText } from '../../i18n/privacy-statement.ts';

/**
 * Skolebro's default privacy statement for an owner who has not written its own (issue 16, item 7): the owner from
 * the municipality table, the texts from src/i18n/privacy-statement.ts. The address and the DPO's contact are not
 * known: the page leaves the address out and says to contact the owner; the edit form asks for both.
 */
export function defaultStatement(owner: StatementOwner, locale: Locale): PrivacyStatementFields {
  const d = privacyStatementText[locale].defaults;
  return {
    controllerName: owner.name,
    controllerAddress: '',
    controllerOrgNumber: owner.orgNumber,
    dpoName: fill(d.dpoName, { name: owner.name }),
    dpoContact: '',
    purposes: d.purposes.map(([purpose, legalBasis]) => ({ purpose, legalBasis })),
    recipients: fill(d.recipients, { name: owner.name }),
    retention: d.retention,
  };
}

/** What the page shows: the owner's own statement, or the default in the reader's language. */
export function statementFields(statement: PrivacyStatement, locale: Locale): PrivacyStatementFields {
  return statement.stored ?? defaultStatement(statement.owner, locale);
}
