import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { DevDigitalPostClient, type DigitalPostClient } from './digital-post.ts';
import { EFormidlingDigitalPostClient } from './eformidling.ts';
import { DevKrrClient, type KrrClient } from './krr.ts';
import { HttpKrrClient, MaskinportenTokenProvider } from './krr-http.ts';

/** What the dispatcher works with. A null client is not configured: every letter then goes on paper. */
export interface LetterDeps {
  krr: KrrClient | null;
  digitalPost: DigitalPostClient | null;
  batchSize?: number;
  leaseMs?: number;
  log?: (line: Record<string, unknown>) => void;
}

/**
 * From the configuration: KRR_URL → the real KRR with a Maskinporten token; otherwise the development KRR
 * (krr_person), never in production. Digital post: EFORMIDLING_URL → the school owner's integrasjonspunkt (DPI);
 * otherwise the development mailbox outside production, and none in production (every letter goes on paper).
 */
export function letterDepsFromConfig(config: Config, db: Db): LetterDeps {
  const production = config.env === 'production';
  const { krrUrl, maskinporten } = config.letters;
  const krr =
    krrUrl && maskinporten
      ? new HttpKrrClient(krrUrl, new MaskinportenTokenProvider(maskinporten))
      : production
        ? null
        : new DevKrrClient(db);
  const { eformidling } = config.letters;
  const digitalPost = eformidling
    ? new EFormidlingDigitalPostClient({
        ...eformidling,
        securityLevel: config.idportenAcrValues === 'idporten-loa-high' ? 4 : 3,
      })
    : production
      ? null
      : new DevDigitalPostClient(db);
  return { krr, digitalPost };
}
