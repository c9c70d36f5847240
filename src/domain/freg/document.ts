import * as v from 'valibot';
import { parseIdentityNumber } from '../person/fodselsnummer.ts';

/**
 * A person document as Skatteetaten's Folkeregisteret API returns it (only the parts Skolebro uses; other fields are
 * allowed and ignored). Every element is a list with history; `erGjeldende` marks the current one.
 */
const Historic = { erGjeldende: v.optional(v.boolean()) };
const Ident = v.pipe(
  v.string(),
  v.check((s) => parseIdentityNumber(s) !== null, 'invalid identity number'),
);
const Text = v.pipe(v.string(), v.trim(), v.maxLength(200));
const Poststed = v.union([Text, v.looseObject({ poststedsnavn: Text, postnummer: v.optional(Text) })]);
const Vegadresse = v.looseObject({
  adressenavn: Text,
  adressenummer: v.optional(
    v.looseObject({ husnummer: v.optional(v.union([Text, v.number()])), husbokstav: v.optional(Text) }),
  ),
  postnummer: v.optional(Text),
  poststed: v.optional(Poststed),
  kommunenummer: v.optional(Text),
});
const Adresse = v.looseObject({ ...Historic, vegadresse: v.optional(Vegadresse) });
const list = <T extends v.GenericSchema>(item: T) => v.optional(v.array(item), []);

export const PersonDocument = v.looseObject({
  identifikasjonsnummer: v.pipe(
    v.array(
      v.looseObject({
        ...Historic,
        foedselsEllerDNummer: Ident,
        // foedselsnummer or dNummer; the number itself says which, so the spelling is not checked.
        identifikatortype: v.optional(Text),
      }),
    ),
    v.minLength(1, 'no identity number'),
  ),
  navn: v.pipe(
    v.array(v.looseObject({ ...Historic, fornavn: Text, mellomnavn: v.optional(Text), etternavn: Text })),
    v.minLength(1, 'no name'),
  ),
  foedsel: list(v.looseObject({ ...Historic, foedselsdato: v.optional(v.pipe(v.string(), v.isoDate())) })),
  bostedsadresse: list(Adresse),
  oppholdsadresse: list(Adresse),
  postadresse: list(v.looseObject({ ...Historic })),
  adressebeskyttelse: list(
    v.looseObject({
      ...Historic,
      graderingsnivaa: v.picklist(['ugradert', 'fortrolig', 'strengtFortrolig', 'strengtFortroligUtland']),
    }),
  ),
  familierelasjon: list(
    v.looseObject({
      ...Historic,
      relatertPerson: v.optional(Ident),
      relatertPersonsRolle: Text,
      minRolleForPerson: v.optional(Text),
    }),
  ),
  foreldreansvar: list(
    v.looseObject({
      ...Historic,
      ansvar: v.picklist(['felles', 'mor', 'far', 'medmor', 'andre']),
      ansvarlig: v.optional(Ident),
    }),
  ),
  status: list(v.looseObject({ ...Historic, status: Text })),
  doedsfall: list(v.looseObject({ ...Historic, doedsdato: v.optional(v.string()) })),
  utflytting: list(
    v.looseObject({ ...Historic, tilflyttingsland: v.optional(Text), utflyttingsdato: v.optional(v.string()) }),
  ),
});
type Doc = v.InferOutput<typeof PersonDocument>;

export type Protection = 'none' | 'fortrolig' | 'strengt_fortrolig';
export type ParentRole = 'mor' | 'far' | 'medmor';
export interface FregAddress {
  line: string;
  postalCode: string | null;
  postalPlace: string | null;
  municipalityNumber: string | null;
}

/** What Skolebro takes from one person document. */
export interface FregPerson {
  /** The current identity number, and every number the person has had (current included). */
  id: string;
  allIds: string[];
  givenName: string;
  familyName: string;
  birthDate: string | null;
  address: FregAddress | null;
  protection: Protection;
  /** Parents named in familierelasjon (this person is their child). */
  parents: { id: string; role: ParentRole }[];
  /** Who holds foreldreansvar for this person: identity number → the parent role, or 'annet' for andre. */
  responsible: Map<string, ParentRole | 'annet'>;
  dead: { date: string | null } | null;
  movedOut: { country: string | null; date: string | null } | null;
}

/** The current entry of a history: the one marked erGjeldende, else the last one. */
function current<T extends { erGjeldende?: boolean | undefined }>(items: T[]): T | undefined {
  return (
    items.find((i) => i.erGjeldende === true) ??
    (items.every((i) => i.erGjeldende === undefined) ? items.at(-1) : undefined)
  );
}
const currentAll = <T extends { erGjeldende?: boolean | undefined }>(items: T[]): T[] =>
  items.some((i) => i.erGjeldende !== undefined) ? items.filter((i) => i.erGjeldende !== false) : items;

const PROTECTION: Record<string, Protection> = {
  ugradert: 'none',
  fortrolig: 'fortrolig',
  strengtFortrolig: 'strengt_fortrolig',
  strengtFortroligUtland: 'strengt_fortrolig',
};

function addressOf(a: v.InferOutput<typeof Adresse> | undefined): FregAddress | null {
  const veg = a?.vegadresse;
  if (!veg) return null;
  const nr = veg.adressenummer;
  const number = nr ? `${nr.husnummer ?? ''}${nr.husbokstav ?? ''}` : '';
  const place = typeof veg.poststed === 'string' ? veg.poststed : (veg.poststed?.poststedsnavn ?? null);
  const code = veg.postnummer ?? (typeof veg.poststed === 'object' ? veg.poststed.postnummer : undefined) ?? null;
  return {
    line: number ? `${veg.adressenavn} ${number}` : veg.adressenavn,
    postalCode: code,
    postalPlace: place,
    municipalityNumber: veg.kommunenummer ?? null,
  };
}

function toPerson(doc: Doc): FregPerson {
  const ids = doc.identifikasjonsnummer;
  const id = (current(ids) ?? ids.at(-1)!).foedselsEllerDNummer;
  const name = current(doc.navn) ?? doc.navn.at(-1)!;
  const parents = currentAll(doc.familierelasjon)
    .filter((r) => r.relatertPerson && ['mor', 'far', 'medmor'].includes(r.relatertPersonsRolle))
    .filter((r) => r.minRolleForPerson === undefined || r.minRolleForPerson === 'barn')
    .map((r) => ({ id: r.relatertPerson!, role: r.relatertPersonsRolle as ParentRole }));
  const responsible = new Map<string, ParentRole | 'annet'>();
  for (const a of currentAll(doc.foreldreansvar)) {
    if (a.ansvar === 'andre') {
      if (a.ansvarlig) responsible.set(a.ansvarlig, parents.find((p) => p.id === a.ansvarlig)?.role ?? 'annet');
      continue;
    }
    const holders = a.ansvarlig
      ? parents.filter((p) => p.id === a.ansvarlig)
      : parents.filter((p) => a.ansvar === 'felles' || p.role === a.ansvar);
    if (a.ansvarlig && holders.length === 0) responsible.set(a.ansvarlig, a.ansvar === 'felles' ? 'annet' : a.ansvar);
    for (const p of holders) responsible.set(p.id, p.role);
  }
  const status = current(doc.status)?.status;
  const death = current(doc.doedsfall);
  const moved = current(doc.utflytting);
  const protection = PROTECTION[current(doc.adressebeskyttelse)?.graderingsnivaa ?? 'ugradert'] ?? 'none';
  return {
    id,
    allIds: [...new Set([...ids.map((i) => i.foedselsEllerDNummer), id])],
    givenName: [name.fornavn, name.mellomnavn].filter(Boolean).join(' '),
    familyName: name.etternavn,
    birthDate: current(doc.foedsel)?.foedselsdato ?? null,
    address: addressOf(current(doc.bostedsadresse)) ?? addressOf(current(doc.oppholdsadresse)),
    protection,
    parents,
    responsible,
    dead: death || status === 'doed' ? { date: death?.doedsdato ?? null } : null,
    movedOut:
      moved || status === 'utflyttet'
        ? { country: moved?.tilflyttingsland ?? null, date: moved?.utflyttingsdato ?? null }
        : null,
  };
}

export interface DocumentProblem {
  /** The line (JSON Lines) or the document's position (JSON array, HTTP), from 1. */
  line: number;
  message: string;
}

/** Checks one document; a problem names the field's path. */
export function parsePersonDocument(
  value: unknown,
  line: number,
): { ok: true; person: FregPerson } | { ok: false; problem: DocumentProblem } {
  const result = v.safeParse(PersonDocument, value);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, problem: { line, message: path ? `${path}: ${issue.message}` : issue.message } };
  }
  return { ok: true, person: toPerson(result.output) };
}
