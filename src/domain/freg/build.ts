/**
 * Writes a person document in the Folkeregisteret API's shape from plain facts: for the file generator, the demo's
 * second import and tests. Only synthetic identity numbers belong in such files.
 */
export interface DocumentFacts {
  id: string;
  /** Earlier identity numbers (a d-nummer before the fødselsnummer). */
  previousIds?: string[];
  given: string;
  middle?: string;
  family: string;
  birthDate?: string;
  address?: {
    street: string;
    number: string;
    letter?: string;
    postalCode: string;
    postalPlace: string;
    municipality?: string;
  } | null;
  protection?: 'ugradert' | 'fortrolig' | 'strengtFortrolig' | 'strengtFortroligUtland';
  parents?: { id: string; role: 'mor' | 'far' | 'medmor' }[];
  /** foreldreansvar: felles (both parents), one parent, or andre with the holder's number. */
  responsibility?: { ansvar: 'felles' | 'mor' | 'far' | 'medmor' | 'andre'; ansvarlig?: string }[];
  dead?: string;
  movedOutTo?: string;
}

const typeOf = (id: string) => (Number(id[0]) >= 4 ? 'dNummer' : 'foedselsnummer');

export function fregDocument(f: DocumentFacts): Record<string, unknown> {
  const address = f.address
    ? [
        {
          erGjeldende: true,
          vegadresse: {
            adressenavn: f.address.street,
            adressenummer: {
              husnummer: f.address.number,
              ...(f.address.letter ? { husbokstav: f.address.letter } : {}),
            },
            postnummer: f.address.postalCode,
            poststed: f.address.postalPlace,
            ...(f.address.municipality ? { kommunenummer: f.address.municipality } : {}),
          },
        },
      ]
    : [];
  return {
    identifikasjonsnummer: [
      ...(f.previousIds ?? []).map((id) => ({
        erGjeldende: false,
        foedselsEllerDNummer: id,
        identifikatortype: typeOf(id),
      })),
      { erGjeldende: true, foedselsEllerDNummer: f.id, identifikatortype: typeOf(f.id) },
    ],
    navn: [{ erGjeldende: true, fornavn: f.given, ...(f.middle ? { mellomnavn: f.middle } : {}), etternavn: f.family }],
    foedsel: f.birthDate ? [{ erGjeldende: true, foedselsdato: f.birthDate }] : [],
    bostedsadresse: address,
    adressebeskyttelse: [{ erGjeldende: true, graderingsnivaa: f.protection ?? 'ugradert' }],
    familierelasjon: (f.parents ?? []).map((p) => ({
      erGjeldende: true,
      relatertPerson: p.id,
      relatertPersonsRolle: p.role,
      minRolleForPerson: 'barn',
    })),
    foreldreansvar: (f.responsibility ?? []).map((r) => ({ erGjeldende: true, ...r })),
    status: [{ erGjeldende: true, status: f.dead ? 'doed' : f.movedOutTo ? 'utflyttet' : 'bosatt' }],
    doedsfall: f.dead ? [{ erGjeldende: true, doedsdato: f.dead }] : [],
    utflytting: f.movedOutTo ? [{ erGjeldende: true, tilflyttingsland: f.movedOutTo }] : [],
  };
}
