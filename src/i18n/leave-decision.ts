/** S8: leave's own parts of the decision queue, the application page and the decision form. Bokmål is the shape. */
const nb = {
  queueTitle: 'Permisjonssøknader',
  queueNote: 'Fraværet gjelder skoleåret så langt.',
  title: 'Permisjonssøknad – {name}',
  period: 'Periode',
  schoolDays: 'Skoledager',
  reason: 'Årsak',
  justification: 'Begrunnelse fra foresatte',
  absence: 'Fravær i år',
  absenceHeading: 'Fravær dette skoleåret',
  absenceTotals: '{days} og {hours}, herav {leave} permisjon. Kommet for sent: {late}.',
  absenceYear: 'Skoleåret {year}, til og med i dag.',
  noSchoolYear: 'Det er ikke lagt inn noe skoleår.',
  grantedLeaveHeading: 'Innvilget permisjon',
  noGrantedLeave: 'Ingen innvilget permisjon dette skoleåret.',
  absenceDetails: 'Se alt fravær for {name}',
  othersHeading: 'Andre søknader dette skoleåret',
  noOthers: 'Ingen andre søknader dette skoleåret.',
  day: '{count} dag',
  days: '{count} dager',
  hour: '{count} time',
  hours: '{count} timer',
  schoolDay: '{count} skoledag',
  schoolDayPlural: '{count} skoledager',
  grantedFrom: 'Innvilget fra og med',
  grantedTo: 'Innvilget til og med',
  grantedHint: 'Bare ved delvis innvilget. Skriv datoen som dd.mm.åååå, innenfor {from}–{to}.',
  grantedPeriod: 'Innvilget periode',
  errors: {
    from: {
      missing: 'Skriv datoen permisjonen innvilges fra.',
      format: 'Skriv «innvilget fra» som dd.mm.åååå.',
      outside: '«Innvilget fra» må være innenfor perioden det er søkt om.',
      not_shorter:
        'Ved delvis innvilget må perioden være kortere enn den det er søkt om. Velg «Innvilget» for hele perioden.',
      no_school_days: 'Perioden har ingen skoledager.',
    },
    to: {
      missing: 'Skriv datoen permisjonen innvilges til.',
      format: 'Skriv «innvilget til» som dd.mm.åååå.',
      outside: '«Innvilget til» må være innenfor perioden det er søkt om.',
      order: '«Innvilget til» kan ikke være før «innvilget fra».',
    },
  },
  reasonsByCode: {
    reise: 'Reise',
    religion: 'Religiøs høytid',
    arrangement: 'Arrangement (idrett, kultur eller lignende)',
    familie: 'Familiebegivenhet',
    annet: 'Annet',
  },
};

export type LeaveDecisionMessages = typeof nb;

const nn: LeaveDecisionMessages = {
  queueTitle: 'Permisjonssøknader',
  queueNote: 'Fråværet gjeld skuleåret så langt.',
  title: 'Permisjonssøknad – {name}',
  period: 'Periode',
  schoolDays: 'Skuledagar',
  reason: 'Årsak',
  justification: 'Grunngiving frå føresette',
  absence: 'Fråvær i år',
  absenceHeading: 'Fråvær dette skuleåret',
  absenceTotals: '{days} og {hours}, av dette {leave} permisjon. Kome for seint: {late}.',
  absenceYear: 'Skuleåret {year}, til og med i dag.',
  noSchoolYear: 'Det er ikkje lagt inn noko skuleår.',
  grantedLeaveHeading: 'Innvilga permisjon',
  noGrantedLeave: 'Ingen innvilga permisjon dette skuleåret.',
  absenceDetails: 'Sjå alt fråvær for {name}',
  othersHeading: 'Andre søknader dette skuleåret',
  noOthers: 'Ingen andre søknader dette skuleåret.',
  day: '{count} dag',
  days: '{count} dagar',
  hour: '{count} time',
  hours: '{count} timar',
  schoolDay: '{count} skuledag',
  schoolDayPlural: '{count} skuledagar',
  grantedFrom: 'Innvilga frå og med',
  grantedTo: 'Innvilga til og med',
  grantedHint: 'Berre ved delvis innvilga. Skriv datoen som dd.mm.åååå, innanfor {from}–{to}.',
  grantedPeriod: 'Innvilga periode',
  errors: {
    from: {
      missing: 'Skriv datoen permisjonen blir innvilga frå.',
      format: 'Skriv «innvilga frå» som dd.mm.åååå.',
      outside: '«Innvilga frå» må vere innanfor perioden det er søkt om.',
      not_shorter:
        'Ved delvis innvilga må perioden vere kortare enn den det er søkt om. Vel «Innvilga» for heile perioden.',
      no_school_days: 'Perioden har ingen skuledagar.',
    },
    to: {
      missing: 'Skriv datoen permisjonen blir innvilga til.',
      format: 'Skriv «innvilga til» som dd.mm.åååå.',
      outside: '«Innvilga til» må vere innanfor perioden det er søkt om.',
      order: '«Innvilga til» kan ikkje vere før «innvilga frå».',
    },
  },
  reasonsByCode: {
    reise: 'Reise',
    religion: 'Religiøs høgtid',
    arrangement: 'Arrangement (idrett, kultur eller liknande)',
    familie: 'Familiehending',
    annet: 'Anna',
  },
};

const en: LeaveDecisionMessages = {
  queueTitle: 'Leave applications',
  queueNote: 'Absence is for the school year so far.',
  title: 'Leave application – {name}',
  period: 'Period',
  schoolDays: 'School days',
  reason: 'Reason',
  justification: "The guardians' explanation",
  absence: 'Absence this year',
  absenceHeading: 'Absence this school year',
  absenceTotals: '{days} and {hours}, of which {leave} leave. Late: {late}.',
  absenceYear: 'School year {year}, up to and including today.',
  noSchoolYear: 'No school year has been set up.',
  grantedLeaveHeading: 'Granted leave',
  noGrantedLeave: 'No granted leave this school year.',
  absenceDetails: 'See all absence for {name}',
  othersHeading: 'Other applications this school year',
  noOthers: 'No other applications this school year.',
  day: '{count} day',
  days: '{count} days',
  hour: '{count} hour',
  hours: '{count} hours',
  schoolDay: '{count} school day',
  schoolDayPlural: '{count} school days',
  grantedFrom: 'Granted from',
  grantedTo: 'Granted to (inclusive)',
  grantedHint: 'Only when partly granted. Write the date as dd.mm.yyyy, within {from}–{to}.',
  grantedPeriod: 'Granted period',
  errors: {
    from: {
      missing: 'Write the date the leave is granted from.',
      format: 'Write "granted from" as dd.mm.yyyy.',
      outside: '"Granted from" must be within the period applied for.',
      not_shorter:
        'When partly granted, the period must be shorter than the one applied for. Choose "Granted" for the whole period.',
      no_school_days: 'The period has no school days.',
    },
    to: {
      missing: 'Write the date the leave is granted to.',
      format: 'Write "granted to" as dd.mm.yyyy.',
      outside: '"Granted to" must be within the period applied for.',
      order: '"Granted to" cannot be before "granted from".',
    },
  },
  reasonsByCode: {
    reise: 'Travel',
    religion: 'Religious holiday',
    arrangement: 'Event (sport, culture or similar)',
    familie: 'Family occasion',
    annet: 'Other',
  },
};

export const leaveDecisionText = { nb, nn, en };

/** Leave's own parts of the vedtak letter (the frame is vedtakFrameText in applications.ts), in the school's hovudmål only. */
const vedtakNb = {
  title: 'Vedtak om permisjon fra opplæringen',
  documentTitle: 'Vedtak om permisjon – {name}',
  filename: 'vedtak-permisjon-{name}-{date}.pdf',
  intro:
    'Vi viser til søknaden om permisjon fra opplæringen for {name}, som skolen mottok {received} fra {applicant}. Her er skolens vedtak.',
  period: 'Periode',
  schoolDays: 'Skoledager',
  reason: 'Årsak',
  justification: 'Søkerens begrunnelse',
  outcome: {
    granted: 'Innvilget',
    partly_granted: 'Delvis innvilget: {period} ({days})',
    refused: 'Avslag',
  },
  statement: {
    granted: '{name} får permisjon fra opplæringen fra og med {from} til og med {to} ({days}).',
    partly_granted:
      '{name} får permisjon fra opplæringen fra og med {from} til og med {to} ({days}). For resten av perioden det er søkt om, er søknaden avslått.',
    refused: 'Søknaden om permisjon fra opplæringen fra og med {from} til og med {to} er avslått.',
  },
  schoolDay: '{count} skoledag',
  schoolDays_: '{count} skoledager',
  legal:
    'Vedtaket er gjort med hjemmel i opplæringslova § 2-2 fjerde ledd og {municipality}s lokale forskrift om permisjon fra opplæringen.',
  legalReligion:
    'Elever som tilhører et trossamfunn utenfor Den norske kirke, har rett til permisjon på dagene trossamfunnet har helligdag, jf. opplæringslova § 2-2 femte ledd.',
  dutyHeading: 'Foreldrenes ansvar i permisjonstiden',
  duty: 'Når eleven har permisjon, har foreldrene ansvaret for at eleven får den opplæringen han eller hun går glipp av i permisjonstiden.',
  appealBody: 'Statsforvalteren',
};

export type VedtakMessages = typeof vedtakNb;

const vedtakNn: VedtakMessages = {
  title: 'Vedtak om permisjon frå opplæringa',
  documentTitle: 'Vedtak om permisjon – {name}',
  filename: 'vedtak-permisjon-{name}-{date}.pdf',
  intro:
    'Vi viser til søknaden om permisjon frå opplæringa for {name}, som skulen fekk {received} frå {applicant}. Her er vedtaket frå skulen.',
  period: 'Periode',
  schoolDays: 'Skuledagar',
  reason: 'Årsak',
  justification: 'Grunngivinga til søkjaren',
  outcome: {
    granted: 'Innvilga',
    partly_granted: 'Delvis innvilga: {period} ({days})',
    refused: 'Avslag',
  },
  statement: {
    granted: '{name} får permisjon frå opplæringa frå og med {from} til og med {to} ({days}).',
    partly_granted:
      '{name} får permisjon frå opplæringa frå og med {from} til og med {to} ({days}). For resten av perioden det er søkt om, er søknaden avslått.',
    refused: 'Søknaden om permisjon frå opplæringa frå og med {from} til og med {to} er avslått.',
  },
  schoolDay: '{count} skuledag',
  schoolDays_: '{count} skuledagar',
  legal:
    'Vedtaket er gjort med heimel i opplæringslova § 2-2 fjerde ledd og den lokale forskrifta til {municipality} om permisjon frå opplæringa.',
  legalReligion:
    'Elevar som høyrer til eit trussamfunn utanfor Den norske kyrkja, har rett til permisjon dei dagane trussamfunnet har heilagdag, jf. opplæringslova § 2-2 femte ledd.',
  dutyHeading: 'Ansvaret til foreldra i permisjonstida',
  duty: 'Når eleven har permisjon, har foreldra ansvaret for at eleven får den opplæringa han eller ho går glipp av i permisjonstida.',
  appealBody: 'Statsforvaltaren',
};

export const vedtakText = { nb: vedtakNb, nn: vedtakNn };
