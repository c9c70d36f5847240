/**
 * Household income from Skatteetaten, with the guardian's consent (G9) — an ADAPTER INTERFACE ONLY.
 *
 * Today the guardian attaches the tax assessment (skattemelding/skatteoppgjør) as a PDF and types the income; the SFO
 * leader checks it. A municipality can instead fetch the income from Skatteetaten's "Inntekt" API (via Maskinporten,
 * with the guardian's consent given in ID-porten). That production adapter is NOT built: README.md ("Reduced SFO
 * payment: income from Skatteetaten") describes what it needs. Only the local development implementation below exists,
 * and nothing in the app calls it yet.
 */
export interface HouseholdIncomeLookup {
  /**
   * The sum of personal and capital income (øre) for the income year, for the persons who consented; null when
   * Skatteetaten has no assessment for the year (yet) or consent is missing.
   */
  incomeFor(request: {
    fodselsnummer: string[];
    incomeYear: number;
    /** The consent's reference (ID-porten), kept with the application for the audit. */
    consentId: string;
  }): Promise<{ incomeOre: number; source: 'skatteetaten' | 'development' } | null>;
}

/**
 * The development implementation: a fixed, made-up income per person (derived from the number, so tests and the demo
 * are repeatable), never a real lookup. Refuses to run in production.
 */
export function developmentIncomeLookup(env: string): HouseholdIncomeLookup {
  if (env === 'production') throw new Error('developmentIncomeLookup is for development and tests only');
  return {
    async incomeFor({ fodselsnummer, consentId }) {
      if (!consentId || fodselsnummer.length === 0) return null;
      const perPerson = fodselsnummer.map((n) => 250_000_00 + (Number(n.slice(-4)) % 100) * 1_000_00);
      return { incomeOre: perPerson.reduce((a, b) => a + b, 0), source: 'development' };
    },
  };
}
