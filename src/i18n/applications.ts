import type { ApplicationKind } from '../db/schema.ts';

/** S8: the decision queue of every application kind, an application's common parts and the decision form. Bokmål is the shape. */
const nb = {
  title: 'Søknader',
  lead: 'Søknader som venter på vedtak, eldste først.',
  kindLabel: 'Søknadstype',
  allKinds: 'Alle søknader',
  filter: 'Vis',
  kinds: {
    leave: 'Permisjon',
    sfo_place: 'SFO-plass',
    sfo_change: 'Endring av SFO-plass',
    sfo_termination: 'Oppsigelse av SFO-plass',
    sfo_reduced_payment: 'Redusert betaling i SFO',
  } satisfies Record<ApplicationKind, string>,
  queueEmpty: 'Ingen søknader venter på vedtak.',
  queueShowing: 'Viser {first}–{last} av {total}',
  previousPage: 'Forrige side',
  nextPage: 'Neste side',
  pagination: 'Sider',
  recentHeading: 'Nylig avgjort',
  waitingHeading: 'Venter på vedtak',
  backToQueue: 'Tilbake til søknadene',
  applicationHeading: 'Søknaden',
  applicant: 'Søkt av',
  received: 'Mottatt',
  status: 'Status',
  decisionHeading: 'Vedtak',
  outcomeLegend: 'Hva er vedtaket?',
  outcomes: { granted: 'Innvilget', partly_granted: 'Delvis innvilget', refused: 'Avslag' },
  reasons: 'Begrunnelse',
  reasonsHint:
    'Påkrevd ved delvis innvilget og avslag (minst 10 tegn). Begrunnelsen står i vedtaksbrevet til de foresatte.',
  decide: 'Fatt vedtak',
  decideHelp:
    'Vedtaksbrevet lages på skolens målform og legges i dokumentene til hver foresatt med tilgang. Det sendes også med digital post eller brev.',
  decided: 'Vedtaket er fattet. Vedtaksbrevet er lagret hos de foresatte og sendes med digital post eller brev.',
  decidedBy: 'Fattet av {name} {date}',
  outcome: 'Utfall',
  documentsHeading: 'Vedtaksbrev',
  documentFor: 'Vedtak til {name} (PDF)',
  conflict: {
    already_decided: 'Søknaden er allerede avgjort. Vedtaket står under.',
    withdrawn: 'Søknaden er trukket tilbake av de foresatte og kan ikke avgjøres.',
    not_submitted: 'Søknaden er ikke sendt til skolen og kan ikke avgjøres.',
  },
  errorSummary: 'Vedtaket ble ikke fattet. Rett opp dette:',
  errors: {
    outcome: 'Velg innvilget, delvis innvilget eller avslag.',
    reasons: {
      missing: 'Skriv en begrunnelse. Den er påkrevd ved delvis innvilget og avslag.',
      short: 'Begrunnelsen må være på minst 10 tegn.',
      long: 'Begrunnelsen kan være på høyst 4000 tegn.',
    },
  },
  statuses: {
    awaiting_guardians: 'Venter på den andre foresatte',
    submitted: 'Til behandling',
    granted: 'Innvilget',
    partly_granted: 'Delvis innvilget',
    refused: 'Avslått',
    declined: 'Ikke godkjent av den andre foresatte',
    withdrawn: 'Trukket tilbake',
  },
};

export type ApplicationsMessages = typeof nb;

const nn: ApplicationsMessages = {
  title: 'Søknader',
  lead: 'Søknader som ventar på vedtak, eldste først.',
  kindLabel: 'Søknadstype',
  allKinds: 'Alle søknader',
  filter: 'Vis',
  kinds: {
    leave: 'Permisjon',
    sfo_place: 'SFO-plass',
    sfo_change: 'Endring av SFO-plass',
    sfo_termination: 'Oppseiing av SFO-plass',
    sfo_reduced_payment: 'Redusert betaling i SFO',
  },
  queueEmpty: 'Ingen søknader ventar på vedtak.',
  queueShowing: 'Viser {first}–{last} av {total}',
  previousPage: 'Førre side',
  nextPage: 'Neste side',
  pagination: 'Sider',
  recentHeading: 'Nyleg avgjorde',
  waitingHeading: 'Ventar på vedtak',
  backToQueue: 'Tilbake til søknadene',
  applicationHeading: 'Søknaden',
  applicant: 'Søkt av',
  received: 'Motteken',
  status: 'Status',
  decisionHeading: 'Vedtak',
  outcomeLegend: 'Kva er vedtaket?',
  outcomes: { granted: 'Innvilga', partly_granted: 'Delvis innvilga', refused: 'Avslag' },
  reasons: 'Grunngiving',
  reasonsHint:
    'Påkravd ved delvis innvilga og avslag (minst 10 teikn). Grunngivinga står i vedtaksbrevet til dei føresette.',
  decide: 'Gjer vedtak',
  decideHelp:
    'Vedtaksbrevet blir laga på målforma til skulen og lagt i dokumenta til kvar føresett med tilgang. Det blir òg sendt med digital post eller brev.',
  decided: 'Vedtaket er gjort. Vedtaksbrevet er lagra hos dei føresette og blir sendt med digital post eller brev.',
  decidedBy: 'Gjort av {name} {date}',
  outcome: 'Utfall',
  documentsHeading: 'Vedtaksbrev',
  documentFor: 'Vedtak til {name} (PDF)',
  conflict: {
    already_decided: 'Søknaden er alt avgjord. Vedtaket står under.',
    withdrawn: 'Søknaden er trekt tilbake av dei føresette og kan ikkje avgjerast.',
    not_submitted: 'Søknaden er ikkje send til skulen og kan ikkje avgjerast.',
  },
  errorSummary: 'Vedtaket vart ikkje gjort. Rett opp dette:',
  errors: {
    outcome: 'Vel innvilga, delvis innvilga eller avslag.',
    reasons: {
      missing: 'Skriv ei grunngiving. Ho er påkravd ved delvis innvilga og avslag.',
      short: 'Grunngivinga må vere på minst 10 teikn.',
      long: 'Grunngivinga kan vere på høgst 4000 teikn.',
    },
  },
  statuses: {
    awaiting_guardians: 'Ventar på den andre føresette',
    submitted: 'Til behandling',
    granted: 'Innvilga',
    partly_granted: 'Delvis innvilga',
    refused: 'Avslått',
    declined: 'Ikkje godkjend av den andre føresette',
    withdrawn: 'Trekt tilbake',
  },
};

const en: ApplicationsMessages = {
  title: 'Applications',
  lead: 'Applications waiting for a decision, oldest first.',
  kindLabel: 'Type of application',
  allKinds: 'All applications',
  filter: 'Show',
  kinds: {
    leave: 'Leave',
    sfo_place: 'SFO place',
    sfo_change: 'Change of SFO place',
    sfo_termination: 'Termination of SFO place',
    sfo_reduced_payment: 'Reduced SFO payment',
  },
  queueEmpty: 'No applications are waiting for a decision.',
  queueShowing: 'Showing {first}–{last} of {total}',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pagination: 'Pages',
  recentHeading: 'Recently decided',
  waitingHeading: 'Waiting for a decision',
  backToQueue: 'Back to the applications',
  applicationHeading: 'The application',
  applicant: 'Applied by',
  received: 'Received',
  status: 'Status',
  decisionHeading: 'Decision',
  outcomeLegend: 'What is the decision?',
  outcomes: { granted: 'Granted', partly_granted: 'Partly granted', refused: 'Refused' },
  reasons: 'Reasons',
  reasonsHint:
    'Required when partly granted or refused (at least 10 characters). The reasons are printed in the decision letter to the guardians.',
  decide: 'Make the decision',
  decideHelp:
    "The decision letter is written in the school's written standard and put in the documents of each guardian with access. It is also sent by digital post or letter.",
  decided: 'The decision has been made. The letter is stored for the guardians and is sent by digital post or letter.',
  decidedBy: 'Made by {name} {date}',
  outcome: 'Outcome',
  documentsHeading: 'Decision letters',
  documentFor: 'Decision to {name} (PDF)',
  conflict: {
    already_decided: 'The application has already been decided. The decision is shown below.',
    withdrawn: 'The guardians have withdrawn the application; it cannot be decided.',
    not_submitted: 'The application has not been sent to the school; it cannot be decided.',
  },
  errorSummary: 'The decision was not made. Please correct this:',
  errors: {
    outcome: 'Choose granted, partly granted or refused.',
    reasons: {
      missing: 'Write the reasons. They are required when partly granted or refused.',
      short: 'The reasons must be at least 10 characters.',
      long: 'The reasons can be at most 4000 characters.',
    },
  },
  statuses: {
    awaiting_guardians: 'Waiting for the other guardian',
    submitted: 'Awaiting decision',
    granted: 'Granted',
    partly_granted: 'Partly granted',
    refused: 'Refused',
    declined: 'Declined by the other guardian',
    withdrawn: 'Withdrawn',
  },
};

export const applicationsText = { nb, nn, en };

/**
 * The frame of every vedtak letter (an enkeltvedtak), in the school's hovudmål only (bokmål or nynorsk): the pupil,
 * what was applied for, the decision and its reasons (fvl. §§ 24–25), the legal basis, the right to appeal within
 * 3 weeks (fvl. §§ 28–29) and to see the documents (fvl. § 18), the signature. The kind fills in its own parts.
 */
const vedtakFrameNb = {
  pupilHeading: 'Eleven',
  pupil: 'Navn',
  class: 'Klasse',
  school: 'Skole',
  applicationHeading: 'Dette er søkt om',
  decisionHeading: 'Vedtak',
  decision: 'Utfall',
  reasonsHeading: 'Begrunnelse',
  grantedAsApplied: 'Søknaden er innvilget slik det er søkt om.',
  legalHeading: 'Hjemmel',
  appealHeading: 'Du kan klage',
  appeal:
    'Du kan klage på vedtaket. Klagefristen er 3 uker fra den dagen du mottok dette brevet. Klagen skal være skriftlig og sendes til skolen. Skriv hvilket vedtak du klager på, og hva du mener bør endres. Hvis skolen ikke gir deg medhold, sender skolen klagen videre til {appealBody}, som avgjør saken. Dette følger av forvaltningsloven §§ 28 og 29.',
  access: 'Du har rett til å se dokumentene i saken, jf. forvaltningsloven § 18.',
  signatureHeading: 'Med hilsen',
  footer: 'Brevet er sendt fra Skolebro og er godkjent elektronisk. Det har derfor ingen underskrift.',
};

export type VedtakFrameMessages = typeof vedtakFrameNb;

const vedtakFrameNn: VedtakFrameMessages = {
  pupilHeading: 'Eleven',
  pupil: 'Namn',
  class: 'Klasse',
  school: 'Skule',
  applicationHeading: 'Dette er det søkt om',
  decisionHeading: 'Vedtak',
  decision: 'Utfall',
  reasonsHeading: 'Grunngiving',
  grantedAsApplied: 'Søknaden er innvilga slik det er søkt om.',
  legalHeading: 'Heimel',
  appealHeading: 'Du kan klage',
  appeal:
    'Du kan klage på vedtaket. Klagefristen er 3 veker frå den dagen du fekk dette brevet. Klaga skal vere skriftleg og sendast til skulen. Skriv kva vedtak du klagar på, og kva du meiner bør endrast. Dersom skulen ikkje gir deg medhald, sender skulen klaga vidare til {appealBody}, som avgjer saka. Dette følgjer av forvaltningslova §§ 28 og 29.',
  access: 'Du har rett til å sjå dokumenta i saka, jf. forvaltningslova § 18.',
  signatureHeading: 'Med helsing',
  footer: 'Brevet er sendt frå Skolebro og er godkjent elektronisk. Det har difor inga underskrift.',
};

export const vedtakFrameText = { nb: vedtakFrameNb, nn: vedtakFrameNn };
