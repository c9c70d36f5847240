const nb = {
  title: 'Arkivuttrekk',
  link: 'Arkivuttrekk (Noark 5)',
  lead: 'Dokumentene i Skolebro (vedtak, samtykkekvitteringer, brev til foresatte og vedlegg til søknader) arkiveres i elevmapper og barnemapper når de lages. Her laster du ned et arkivuttrekk etter Noark 5 versjon 5.0 for en periode: arkivstruktur, løpende og offentlig journal, endringslogg, dokumentene og skjemaene, pakket som en tar-fil med sjekksummer.',
  archived: 'Arkiverte journalposter: {n}',
  since: 'Den første er journalført {date}.',
  from: 'Fra dato',
  to: 'Til dato',
  dateHint: 'dd.mm.åååå (journaldato)',
  submit: 'Last ned arkivuttrekk',
  errorSummary: 'Rett dette før du laster ned:',
  errors: {
    date: 'Skriv en gyldig dato, for eksempel 01.08.2026.',
    order: 'Til-datoen kan ikke være før fra-datoen.',
    empty: 'Ingenting er journalført i denne perioden.',
  },
};

type Shape = { [K in keyof typeof nb]: (typeof nb)[K] extends string ? string : (typeof nb)[K] };

const nn: Shape = {
  title: 'Arkivuttrekk',
  link: 'Arkivuttrekk (Noark 5)',
  lead: 'Dokumenta i Skolebro (vedtak, samtykkekvitteringar, brev til føresette og vedlegg til søknader) blir arkiverte i elevmapper og barnemapper når dei blir laga. Her lastar du ned eit arkivuttrekk etter Noark 5 versjon 5.0 for ein periode: arkivstruktur, løpande og offentleg journal, endringslogg, dokumenta og skjemaa, pakka som ei tar-fil med sjekksummar.',
  archived: 'Arkiverte journalpostar: {n}',
  since: 'Den første er journalført {date}.',
  from: 'Frå dato',
  to: 'Til dato',
  dateHint: 'dd.mm.åååå (journaldato)',
  submit: 'Last ned arkivuttrekk',
  errorSummary: 'Rett dette før du lastar ned:',
  errors: {
    date: 'Skriv ein gyldig dato, til dømes 01.08.2026.',
    order: 'Til-datoen kan ikkje vere før frå-datoen.',
    empty: 'Ingenting er journalført i denne perioden.',
  },
};

const en: Shape = {
  title: 'Archive extract',
  link: 'Archive extract (Noark 5)',
  lead: 'The documents in Skolebro (decisions, consent receipts, letters to guardians and attachments to applications) are archived in pupil and child folders when they are made. Here you download a Noark 5 version 5.0 archive extract for a period: the archive structure, the running and public journals, the change log, the documents and the schemas, packed as a tar file with checksums.',
  archived: 'Archived journal entries: {n}',
  since: 'The first was registered on {date}.',
  from: 'From date',
  to: 'To date',
  dateHint: 'dd.mm.yyyy (journal date)',
  submit: 'Download the archive extract',
  errorSummary: 'Correct this before you download:',
  errors: {
    date: 'Enter a valid date, for example 01.08.2026.',
    order: 'The to date cannot be before the from date.',
    empty: 'Nothing was registered in this period.',
  },
};

export const archiveText = { nb, nn, en };
