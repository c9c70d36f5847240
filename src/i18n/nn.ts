import type { Messages } from './nb.ts';

/** Nynorsk. */
export const nn: Messages = {
  meta: { languageName: 'Nynorsk', htmlLang: 'nn' },
  app: {
    name: 'Skolebro',
    tagline: 'Skule og heim i same nettlesar',
    skipToContent: 'Hopp til hovudinnhald',
    mainNav: 'Hovudmeny',
    home: 'Framside',
  },
  language: {
    legend: 'Språk',
    choose: 'Vel språk',
    changed: 'Språket er endra.',
  },
  front: {
    title: 'Velkomen til Skolebro',
    lead: 'Skolebro samlar det skule, SFO og heim treng å dele: fråvær, permisjon, samtykke, meldingar og dokument. Det verkar i alle nettlesarar, også utan app og utan JavaScript.',
    forGuardians: 'For føresette',
    forGuardiansText: 'Sjå borna dine, meld fråvær, søk permisjon, gi samtykke og skriv til skulen. Du loggar inn med ID-porten.',
    forStaff: 'For tilsette og elevar',
    forStaffText: 'Registrer fråvær, sjå klassar og grupper, send meldingar til heimane. Du loggar inn med Feide.',
  },
  footer: {
    about: 'Skolebro er fri programvare for norske kommunar og skuleeigarar.',
    accessibility: 'Tilgjengelegheitserklæring',
    privacy: 'Personvern',
  },
  accessibility: {
    title: 'Tilgjengelegheitserklæring',
    body: 'Skolebro skal oppfylle krava i WCAG 2.1 nivå AA, slik forskrift om universell utforming av IKT-løysingar krev. Alle sider verkar med tastatur og skjermlesar, og utan JavaScript. Finn du noko som ikkje verkar, ta kontakt med skulen din, så rettar vi det.',
  },
  privacy: {
    title: 'Personvern',
    body: 'Skolebro behandlar personopplysningar om elevar, føresette og tilsette på vegner av skuleeigaren (kommunen eller den private skuleeigaren), som er behandlingsansvarleg. Vi lagrar berre det skulen treng, viser det berre til dei som har tenstleg behov, og loggar kven som har sett elevkortet.',
  },
  errors: {
    title: { 400: 'Ugyldig førespurnad', 403: 'Inga tilgang', 404: 'Fann ikkje sida', 405: 'Ikkje tillate', 422: 'Skjemaet har feil', 429: 'For mange forsøk', 500: 'Noko gjekk gale', 503: 'Tenesta er utilgjengeleg' },
    body: {
      400: 'Førespurnaden kunne ikkje behandlast.',
      403: 'Du har ikkje tilgang til dette. Meiner du at du skal ha tilgang, ta kontakt med skulen.',
      404: 'Sida finst ikkje, eller du har ikkje tilgang til henne.',
      405: 'Denne handlinga er ikkje tillaten her.',
      422: 'Rett opp feila i skjemaet og prøv igjen.',
      429: 'Du har prøvd for mange gonger. Vent litt og prøv igjen.',
      500: 'Det oppstod ein feil hos oss. Prøv igjen om litt. Feilen er logga.',
      503: 'Tenesta er mellombels utilgjengeleg. Prøv igjen om litt.',
    },
    backHome: 'Gå til framsida',
    csrf: 'Skjemaet vart sendt frå ein annan nettstad og vart avvist av omsyn til tryggleik. Gå tilbake og prøv igjen.',
    summaryHeading: 'Skjemaet har feil',
  },
};
