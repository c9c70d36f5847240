/** Bokmål: the default language and the shape every other language must fill. */
export const nb = {
  meta: { languageName: 'Bokmål', htmlLang: 'nb' },
  app: {
    name: 'Skolebro',
    tagline: 'Skole og hjem i samme nettleser',
    skipToContent: 'Hopp til hovedinnhold',
    mainNav: 'Hovedmeny',
    home: 'Forside',
  },
  language: {
    legend: 'Språk',
    choose: 'Velg språk',
    changed: 'Språket er endret.',
  },
  front: {
    title: 'Velkommen til Skolebro',
    lead: 'Skolebro samler det skole, SFO og hjem trenger å dele: fravær, permisjon, samtykker, meldinger og dokumenter. Det virker i alle nettlesere, også uten app og uten JavaScript.',
    forGuardians: 'For foresatte',
    forGuardiansText: 'Se barna dine, meld fravær, søk permisjon, gi samtykker og skriv til skolen. Du logger inn med ID-porten.',
    forStaff: 'For ansatte og elever',
    forStaffText: 'Registrer fravær, se klasser og grupper, send meldinger til hjemmene. Du logger inn med Feide.',
  },
  footer: {
    about: 'Skolebro er fri programvare for norske kommuner og skoleeiere.',
    accessibility: 'Tilgjengelighetserklæring',
    privacy: 'Personvern',
  },
  accessibility: {
    title: 'Tilgjengelighetserklæring',
    body: 'Skolebro skal oppfylle kravene i WCAG 2.1 nivå AA, slik forskrift om universell utforming av IKT-løsninger krever. Alle sider virker med tastatur og skjermleser, og uten JavaScript. Finner du noe som ikke virker, ta kontakt med skolen din, så retter vi det.',
  },
  privacy: {
    title: 'Personvern',
    body: 'Skolebro behandler personopplysninger om elever, foresatte og ansatte på vegne av skoleeieren (kommunen eller den private skoleeieren), som er behandlingsansvarlig. Vi lagrer bare det skolen trenger, viser det bare til dem som har tjenstlig behov, og logger hvem som har sett elevkortet.',
  },
  errors: {
    title: { 400: 'Ugyldig forespørsel', 403: 'Ingen tilgang', 404: 'Fant ikke siden', 405: 'Ikke tillatt', 422: 'Skjemaet har feil', 429: 'For mange forsøk', 500: 'Noe gikk galt', 503: 'Tjenesten er utilgjengelig' },
    body: {
      400: 'Forespørselen kunne ikke behandles.',
      403: 'Du har ikke tilgang til dette. Mener du at du skal ha tilgang, ta kontakt med skolen.',
      404: 'Siden finnes ikke, eller du har ikke tilgang til den.',
      405: 'Denne handlingen er ikke tillatt her.',
      422: 'Rett opp feilene i skjemaet og prøv igjen.',
      429: 'Du har prøvd for mange ganger. Vent litt og prøv igjen.',
      500: 'Det oppstod en feil hos oss. Prøv igjen om litt. Feilen er logget.',
      503: 'Tjenesten er midlertidig utilgjengelig. Prøv igjen om litt.',
    },
    backHome: 'Gå til forsiden',
    csrf: 'Skjemaet ble sendt fra et annet nettsted og ble avvist av sikkerhetshensyn. Gå tilbake og prøv igjen.',
    summaryHeading: 'Skjemaet har feil',
  },
} as const;

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
export type Messages = Widen<typeof nb>;
