/**
 * GSM 03.38 (DOMAIN-FACTS §7): Norwegian letters are in the 7-bit alphabet, so an SMS in bokmål or nynorsk
 * stays one 160-character part. A character outside it would switch the whole message to UCS-2 (70 per part).
 */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Sent as escape + character: two septets each. */
const EXTENSION = '^{}\\[~]|€\f';

export const SMS_MAX_SEPTETS = 160;

const basic = new Set(BASIC);
const extension = new Set(EXTENSION);

export const isGsm7 = (text: string) => [...text].every((ch) => basic.has(ch) || extension.has(ch));

/** Length in septets (extension characters count two). */
export function gsmLength(text: string): number {
  let length = 0;
  for (const ch of text) length += extension.has(ch) ? 2 : 1;
  return length;
}

/** Replaces what GSM-7 cannot carry: the base letter where there is one (č → c, á → a), else '?'. */
export function toGsm7(text: string): string {
  return [...text]
    .map((ch) => {
      if (basic.has(ch) || extension.has(ch)) return ch;
      if (ch === '–' || ch === '—') return '-';
      if (ch === '’' || ch === '‘') return "'";
      if (ch === '“' || ch === '”' || ch === '«' || ch === '»') return '"';
      if (ch === '…') return '...';
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return base.length > 0 && [...base].every((b) => basic.has(b)) ? base : '?';
    })
    .join('');
}
