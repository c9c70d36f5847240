/**
 * Telephone numbers as people type them. Norwegian numbers are stored as +47 and 8 digits, however they
 * were typed (412 34 567, +47 412 34 567, 0047 41234567, 412-34-567, (+47) 41234567): the old advice to
 * "remove +47" is exactly what this module makes unnecessary. Numbering facts: DOMAIN-FACTS §7.
 */

export type PhoneError =
  /** letters or other characters no phone number has */
  | 'invalid'
  /** a Norwegian number must have 8 digits, a foreign one 8–15 */
  | 'length'
  /** a valid Norwegian number, but a landline or service number: no SMS */
  | 'not_mobile'
  /** 58/59: machine-to-machine numbers (alarms, meters), never a person's phone */
  | 'm2m'
  /** SMS goes only to Norwegian mobiles */
  | 'foreign_mobile';

export type PhoneResult = { ok: true; value: string | null } | { ok: false; error: PhoneError };

const MAX_INPUT = 40;
const ALLOWED = /^[0-9+\s\-.()/]*$/;
const SEPARATORS = /[\s\-.()/]/g;

type Parsed =
  | { kind: 'no'; national: string }
  | { kind: 'foreign'; digits: string }
  | { kind: 'error'; error: PhoneError };

/** The mobile field: a Norwegian mobile (4xxxxxxx or 9xxxxxxx) or nothing. Blank → null (no number). */
export function normaliseMobile(input: string): PhoneResult {
  if (input.trim() === '') return { ok: true, value: null };
  const parsed = parse(input);
  if (parsed.kind === 'error') return { ok: false, error: parsed.error };
  if (parsed.kind === 'foreign') return { ok: false, error: 'foreign_mobile' };
  const error = checkNorwegian(parsed.national);
  if (error) return { ok: false, error };
  if (!/^[49]/.test(parsed.national)) return { ok: false, error: 'not_mobile' };
  return { ok: true, value: `+47${parsed.national}` };
}

/** The phone field: any Norwegian number (landline or mobile) or a foreign number written with + or 00. */
export function normalisePhone(input: string): PhoneResult {
  if (input.trim() === '') return { ok: true, value: null };
  const parsed = parse(input);
  if (parsed.kind === 'error') return { ok: false, error: parsed.error };
  if (parsed.kind === 'foreign') return { ok: true, value: `+${parsed.digits}` };
  const error = checkNorwegian(parsed.national);
  return error ? { ok: false, error } : { ok: true, value: `+47${parsed.national}` };
}

export const isNorwegianMobile = (value: string): boolean => /^\+47[49][0-9]{7}$/.test(value);

/** For people: +47 412 34 567 (mobiles and 8xx service numbers), +47 22 33 44 55 (landlines); foreign as stored. */
export function formatPhone(value: string | null | undefined): string {
  if (!value) return '';
  const no = /^\+47([0-9]{8})$/.exec(value);
  if (!no) return value;
  const n = no[1]!;
  if (/^[489]/.test(n)) return `+47 ${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5)}`;
  return `+47 ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6)}`;
}

function parse(input: string): Parsed {
  const text = input.trim();
  if (text.length > MAX_INPUT || !ALLOWED.test(text)) return { kind: 'error', error: 'invalid' };
  const compact = text.replace(SEPARATORS, '');
  if (compact.lastIndexOf('+') > 0 || compact === '+' || compact === '') return { kind: 'error', error: 'invalid' };
  if (compact.startsWith('+47')) return { kind: 'no', national: compact.slice(3) };
  if (compact.startsWith('0047')) return { kind: 'no', national: compact.slice(4) };
  if (compact.startsWith('+') || compact.startsWith('00')) {
    const digits = compact.replace(/^\+|^00/, '');
    if (digits.startsWith('0')) return { kind: 'error', error: 'invalid' };
    return digits.length >= 8 && digits.length <= 15 ? { kind: 'foreign', digits } : { kind: 'error', error: 'length' };
  }
  // 47 and 8 digits: the country code without + or 00 (no Norwegian number has 10 digits).
  if (/^47[0-9]{8}$/.test(compact)) return { kind: 'no', national: compact.slice(2) };
  return { kind: 'no', national: compact };
}

/** Norwegian subscriber numbers: 8 digits, first digit 2–9 (0 and 1 are prefixes and short numbers), not M2M. */
function checkNorwegian(national: string): PhoneError | null {
  if (!/^[0-9]+$/.test(national)) return 'invalid';
  if (national.length !== 8) return 'length';
  if (/^[01]/.test(national)) return 'invalid';
  if (/^5[89]/.test(national)) return 'm2m';
  return null;
}
