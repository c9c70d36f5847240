/**
 * The number an SMS was sent to (the webhook's `to`), in the form a school's `sms_number` is stored, so the two can
 * be compared. Gateways write our number every way there is: `+4759000011`, `0047 59 00 00 11`, `4759000011`,
 * `59000011`. Norwegian numbers become +47 and 8 digits (any series: a gateway's number is often an M2M 58/59
 * number, which phone.ts rightly refuses as a person's mobile); a short code (4–6 digits, e.g. `2201`) stays as its
 * digits; a foreign number becomes + and 8–15 digits. Anything else is not a number we could own: null.
 */
export function normaliseSmsNumber(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const compact = input.trim().replace(/[\s\-.()/]/g, '');
  if (compact.length === 0 || compact.length > 20 || !/^\+?[0-9]+$/.test(compact)) return null;
  const national =
    /^\+47([0-9]{8})$/.exec(compact)?.[1] ??
    /^0047([0-9]{8})$/.exec(compact)?.[1] ??
    /^47([0-9]{8})$/.exec(compact)?.[1] ??
    /^([0-9]{8})$/.exec(compact)?.[1];
  if (national !== undefined) return /^[2-9]/.test(national) ? `+47${national}` : null;
  if (/^[0-9]{4,6}$/.test(compact) && !compact.startsWith('0')) return compact;
  const foreign = /^(?:\+|00)([1-9][0-9]{7,14})$/.exec(compact)?.[1];
  return foreign !== undefined && !foreign.startsWith('47') ? `+${foreign}` : null;
}
