import { createHash } from 'node:crypto';

/**
 * A stable UUID (version 5 layout, SHA-1 of a name) for the archive's entities that have no row of their own — the
 * arkiv of a school owner, an arkivdel (a school year), the klassifikasjonssystem and its klasser — so two extracts
 * give them the same systemID.
 */
export function stableUuid(name: string): string {
  const hash = createHash('sha1').update(`skolebro:noark5:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
