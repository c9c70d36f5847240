import { readFile } from 'node:fs/promises';
import type { TokenProvider } from '../letters/krr-http.ts';

/** One document as read from a source, with its line (or position) for error messages; or why it could not be read. */
export type RawDocument = { line: number; value: unknown } | { line: number; error: string };

/** Where person documents come from: a batch extract file, or the Folkeregisteret API over HTTP. */
export interface FregSource {
  /** Shown in the run's record, e.g. `file:uttrekk.jsonl`. */
  readonly name: string;
  read(): Promise<RawDocument[]>;
}

/** A JSON array of documents (position = "line"), or JSON Lines (one document per line; blank lines skipped). */
export function parseFregText(text: string): RawDocument[] {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('[')) {
    try {
      const list = JSON.parse(body) as unknown;
      if (!Array.isArray(list)) return [{ line: 1, error: 'not a JSON array' }];
      return list.map((value, i) => ({ line: i + 1, value }));
    } catch (e) {
      return [{ line: 1, error: `not valid JSON: ${(e as Error).message}` }];
    }
  }
  const out: RawDocument[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    try {
      out.push({ line: i + 1, value: JSON.parse(line) });
    } catch {
      out.push({ line: i + 1, error: 'not valid JSON' });
    }
  }
  return out;
}

export function fileSource(path: string): FregSource {
  return { name: `file:${path}`, read: async () => parseFregText(await readFile(path, 'utf8')) };
}

export interface HttpSourceOptions {
  /** e.g. https://folkeregisteret.api.skatteetaten.no/folkeregisteret/offentlig-med-hjemmel */
  baseUrl: string;
  /** Maskinporten in production (the same provider KRR uses). */
  tokens: TokenProvider;
  /** The Maskinporten scope the municipality's agreement with Skatteetaten grants. */
  scopes?: string[];
  /** The identity numbers to look up (the municipality's pupils and guardians). */
  numbers: string[];
  /** Also fetch the parents and holders of foreldreansvar the documents name that were not asked for. */
  followRelations?: boolean;
  /** Numbers per bulk request (the API's limit is 1000). */
  batchSize?: number;
  fetch?: typeof fetch;
}

export const FREG_SCOPES = ['folkeregister:deling/offentligmedhjemmel'];

/**
 * The Folkeregisteret API: `POST {baseUrl}/api/v1/personer/bulkoppslag` with `{ foedselsEllerDNummer: [...] }` and
 * `Authorization: Bearer <Maskinporten token>`; the answer is `{ dokumenter: [{ foedselsEllerDNummer, dokument }] }`.
 * Any HTTP error fails the whole read, so nothing of the run is applied.
 */
export function httpSource(options: HttpSourceOptions): FregSource {
  const size = options.batchSize ?? 1000;
  const doFetch = options.fetch ?? fetch;
  const ask = async (numbers: string[], out: RawDocument[]) => {
    for (let i = 0; i < numbers.length; i += size) {
      const token = await options.tokens.token(options.scopes ?? FREG_SCOPES);
      const response = await doFetch(`${options.baseUrl.replace(/\/$/, '')}/api/v1/personer/bulkoppslag`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ foedselsEllerDNummer: numbers.slice(i, i + size) }),
      });
      if (!response.ok) throw new Error(`Folkeregisteret answered ${response.status}`);
      const body = (await response.json()) as { dokumenter?: { dokument?: unknown }[] };
      if (!Array.isArray(body.dokumenter)) throw new Error('Folkeregisteret answered without dokumenter');
      for (const d of body.dokumenter) out.push({ line: out.length + 1, value: d.dokument ?? d });
    }
  };
  return {
    name: `http:${new URL(options.baseUrl).host}`,
    async read() {
      const out: RawDocument[] = [];
      await ask(options.numbers, out);
      if (options.followRelations) {
        const asked = new Set(options.numbers);
        const named = new Set(out.flatMap((d) => ('value' in d ? relatedNumbers(d.value) : [])));
        await ask(
          [...named].filter((n) => !asked.has(n)),
          out,
        );
      }
      return out;
    },
  };
}

/** The parents and holders of foreldreansvar a raw document names (checked later, with the document). */
function relatedNumbers(doc: unknown): string[] {
  const d = doc as { familierelasjon?: { relatertPerson?: unknown }[]; foreldreansvar?: { ansvarlig?: unknown }[] };
  const numbers = [
    ...(Array.isArray(d?.familierelasjon) ? d.familierelasjon.map((r) => r?.relatertPerson) : []),
    ...(Array.isArray(d?.foreldreansvar) ? d.foreldreansvar.map((r) => r?.ansvarlig) : []),
  ];
  return numbers.filter((n): n is string => typeof n === 'string' && /^\d{11}$/.test(n));
}
