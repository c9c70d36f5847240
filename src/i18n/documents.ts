/** The documents section of the child page (G14): bokmål is the shape, nynorsk and English fill it. */
const nb = {
  heading: 'Dokumenter',
  lead: 'Brev, kvitteringer og vedtak fra skolen om {name}. Dokumentene er PDF-filer som du kan laste ned og ta vare på.',
  empty:
    'Det er ingen dokumenter om {name} ennå. Når skolen sender brev, kvitteringer eller vedtak, finner du dem her.',
  noOlder: 'Det er ingen eldre dokumenter.',
  listLabel: 'Dokumenter om {name}',
  date: 'Dato',
  download: 'Last ned',
  fileInfo: 'PDF, {size}',
  older: 'Vis eldre dokumenter',
  newest: 'Tilbake til de nyeste dokumentene',
  kind: {
    letter: 'Brev',
    consent_receipt: 'Kvittering for samtykke',
    vedtak: 'Vedtak',
    attachment: 'Vedlegg',
  },
  sizeUnits: { b: 'byte', kb: 'kB', mb: 'MB' },
  decimal: ',',
};

export type DocumentsMessages = typeof nb;

const nn: DocumentsMessages = {
  heading: 'Dokument',
  lead: 'Brev, kvitteringar og vedtak frå skulen om {name}. Dokumenta er PDF-filer som du kan lasta ned og ta vare på.',
  empty: 'Det er ingen dokument om {name} enno. Når skulen sender brev, kvitteringar eller vedtak, finn du dei her.',
  noOlder: 'Det er ingen eldre dokument.',
  listLabel: 'Dokument om {name}',
  date: 'Dato',
  download: 'Last ned',
  fileInfo: 'PDF, {size}',
  older: 'Vis eldre dokument',
  newest: 'Tilbake til dei nyaste dokumenta',
  kind: {
    letter: 'Brev',
    consent_receipt: 'Kvittering for samtykke',
    vedtak: 'Vedtak',
    attachment: 'Vedlegg',
  },
  sizeUnits: { b: 'byte', kb: 'kB', mb: 'MB' },
  decimal: ',',
};

const en: DocumentsMessages = {
  heading: 'Documents',
  lead: 'Letters, receipts and decisions from the school about {name}. The documents are PDF files you can download and keep.',
  empty:
    'There are no documents about {name} yet. When the school sends letters, receipts or decisions, you will find them here.',
  noOlder: 'There are no older documents.',
  listLabel: 'Documents about {name}',
  date: 'Date',
  download: 'Download',
  fileInfo: 'PDF, {size}',
  older: 'Show older documents',
  newest: 'Back to the newest documents',
  kind: {
    letter: 'Letter',
    consent_receipt: 'Consent receipt',
    vedtak: 'Decision',
    attachment: 'Attachment',
  },
  sizeUnits: { b: 'bytes', kb: 'kB', mb: 'MB' },
  decimal: '.',
};

export const documentsText = { nb, nn, en };
