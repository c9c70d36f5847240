/**
 * Norwegian national identity numbers: fødselsnummer, D-nummer, H-nummer and
 * synthetic test numbers (Skatteetaten/Testnorge/TestID, month + 80).
 *
 * Layout: DDMMYY + individnummer (3 digits) + k1 + k2.
 */

/** What kind of identity number a value is. */
export type IdentityNumberKind = 'fodselsnummer' | 'd-nummer' | 'h-nummer';

/** A validated identity number together with what it encodes. */
export interface ParsedIdentityNumber {
  /** The normalised 11-digit value (spaces removed). */
  value: string;
  /** D-nummer (day + 40), H-nummer (month + 40) or ordinary fødselsnummer. */
  kind: IdentityNumberKind;
  /** True for synthetic test numbers (month + 80). */
  synthetic: boolean;
  /** Birth date as YYYY-MM-DD. */
  birthDate: string;
}

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

const weightedSum = (digits: readonly number[], weights: readonly number[]): number =>
  weights.reduce((sum, w, i) => sum + w * (digits[i] ?? 0), 0);

/** Classic mod-11 check digit: 11 − (sum mod 11); 11 → 0; 10 → null (no valid digit). */
function classicCheckDigit(digits: readonly number[], weights: readonly number[]): number | null {
  const k = 11 - (weightedSum(digits, weights) % 11);
  return k === 11 ? 0 : k === 10 ? null : k;
}

/**
 * Check digits of an 11-digit number. k1 passes under the classic rule or the
 * 2032 rule (sum incl. k1 with weight 1, mod 11, in 0–3); k2 always uses the
 * classic rule (sum incl. k2 with weight 1 ≡ 0 mod 11).
 */
function hasValidCheckDigits(d: readonly number[]): boolean {
  const k1Classic = classicCheckDigit(d, K1_WEIGHTS) === d[9];
  const k1From2032 = weightedSum(d, [...K1_WEIGHTS, 1]) % 11 <= 3;
  const k2Classic = weightedSum(d, [...K2_WEIGHTS, 1]) % 11 === 0;
  return (k1Classic || k1From2032) && k2Classic;
}

/** Century (1800/1900/2000) from individnummer and two-digit year, or null if impossible. */
function century(individnummer: number, yy: number): number | null {
  if (individnummer <= 499) return 1900;
  if (individnummer <= 749 && yy >= 54) return 1800;
  if (yy <= 39) return 2000;
  if (individnummer >= 900) return 1900;
  return null;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Parse and validate an identity number. Surrounding whitespace is trimmed and
 * spaces inside are removed (e.g. "010190 12345"); nothing else is stripped.
 * Returns null unless the value is 11 digits with valid check digits, a
 * consistent century and a real calendar date.
 */
export function parseIdentityNumber(input: string): ParsedIdentityNumber | null {
  const value = input.trim().replace(/ /g, '');
  if (!/^\d{11}$/.test(value)) return null;
  const digits = [...value].map(Number);
  if (!hasValidCheckDigits(digits)) return null;

  const part = (from: number, to: number): number => Number(value.slice(from, to));
  let day = part(0, 2);
  let month = part(2, 4);
  const yy = part(4, 6);
  const isD = day > 40;
  if (isD) day -= 40;
  const synthetic = month > 80;
  if (synthetic) month -= 80;
  const isH = month > 40;
  if (isH) month -= 40;
  if (isD && isH) return null;

  const c = century(part(6, 9), yy);
  if (c === null || !isRealDate(c + yy, month, day)) return null;
  return {
    value,
    kind: isD ? 'd-nummer' : isH ? 'h-nummer' : 'fodselsnummer',
    synthetic,
    birthDate: `${c + yy}-${pad(month)}-${pad(day)}`,
  };
}

/** True when {@link parseIdentityNumber} accepts the input. */
export function isValidIdentityNumber(input: string): boolean {
  return parseIdentityNumber(input) !== null;
}

/** Individnummer range that yields the given birth year's century, or null. */
function individnummerRange(year: number): [number, number] | null {
  if (year >= 1854 && year <= 1899) return [500, 749];
  if (year >= 1900 && year <= 1999) return [0, 499];
  if (year >= 2000 && year <= 2039) return [500, 999];
  return null;
}

/**
 * Deterministically build a valid synthetic (month + 80) fødselsnummer for a
 * birth date (YYYY-MM-DD, years 1854–2039). The individnummere in the
 * century's range whose classic mod-11 check digits both exist are taken in
 * ascending order and `sequence` (0, 1, 2, …) picks one, so different
 * sequences always give different numbers; `kind` 'd-nummer' adds 40 to the day. Throws RangeError for an invalid
 * date or sequence, or when the date's range is exhausted.
 */
export function syntheticIdentityNumber(
  birthDate: string,
  sequence: number,
  kind: 'fodselsnummer' | 'd-nummer' = 'fodselsnummer',
): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const [year, month, day] = (match ?? []).slice(1).map(Number);
  if (year === undefined || month === undefined || day === undefined || !isRealDate(year, month, day)) {
    throw new RangeError(`Invalid birth date: ${birthDate}`);
  }
  const range = individnummerRange(year);
  if (!range) throw new RangeError(`Birth year outside 1854–2039: ${birthDate}`);
  if (!Number.isSafeInteger(sequence) || sequence < 0) {
    throw new RangeError(`Sequence must be a non-negative integer: ${sequence}`);
  }

  const prefix = pad(day + (kind === 'd-nummer' ? 40 : 0)) + pad(month + 80) + pad(year % 100);
  let remaining = sequence;
  for (let ind = range[0]; ind <= range[1]; ind++) {
    const digits = [...(prefix + pad(ind, 3))].map(Number);
    const k1 = classicCheckDigit(digits, K1_WEIGHTS);
    if (k1 === null) continue;
    const k2 = classicCheckDigit([...digits, k1], K2_WEIGHTS);
    if (k2 === null) continue;
    if (remaining-- === 0) return `${prefix}${pad(ind, 3)}${k1}${k2}`;
  }
  throw new RangeError(`No synthetic number left for ${birthDate} at sequence ${sequence}`);
}

/** Mask for display: "DDMMYY *****"; anything that is not 11 digits is fully masked. */
export function maskIdentityNumber(value: string): string {
  const v = value.trim().replace(/ /g, '');
  return /^\d{11}$/.test(v) ? `${v.slice(0, 6)} *****` : '*'.repeat(11);
}
