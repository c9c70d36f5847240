/**
 * The accessibility statement (tilgjengelighetserklæring, U2), in the order of Digdir's statements on uustatus.no:
 * the solution and who answers for it, the status against the 47 requirements (WCAG 2.1 A and AA), what breaks them
 * and what that means for users, how it was tested, feedback, and supervision and complaints. `{date}` is dd.mm.yyyy.
 */
const nb = {
  title: 'Tilgjengelighetserklæring',
  lead: 'Denne erklæringen gjelder Skolebro, løsningen for skole, SFO og barnehage som foresatte, elever og ansatte bruker. Den følger oppbygningen i Digitaliseringsdirektoratets tilgjengelighetserklæringer.',
  dates: 'Erklæringen ble laget {made}. Løsningen ble sist testet {tested}.',
  solutionHeading: 'Løsningen og hvem som er ansvarlig',
  solutionText:
    'Nettløsningen Skolebro, på denne adressen. Hver skoleeier som bruker Skolebro – kommunen eller den private skoleeieren – er ansvarlig for løsningen overfor sine brukere. Du finner skoleeierne og kontaktopplysningene deres under',
  ownersLink: 'Personvern',
  statusHeading: 'I hvilken grad er løsningen i samsvar med kravene?',
  statusText:
    'Skolebro er delvis i samsvar med kravene i forskrift om universell utforming av IKT-løsninger. Forskriften gjennomfører EUs webdirektiv og krever at offentlige nettløsninger følger WCAG 2.1 nivå A og AA, 47 suksesskriterier. Vi kjenner til brudd på {count} av de 47 kravene.',
  deviationsHeading: 'Innhold som ikke er universelt utformet',
  deviationsLead: 'Bruddene vi kjenner til, ordnet etter kravene i WCAG 2.1:',
  deviations: {
    pdf: {
      criterion: '1.3.1 Informasjon og relasjoner',
      text: 'Brev, vedtak, kvitteringer og «Mine data» som PDF lages uten tagger for overskrifter og tabeller. En skjermleser leser teksten, men ikke strukturen. «Mine data» finnes også som nettside og som JSON-fil. Trenger du et brev i et annet format, kontakt skolen.',
    },
    attachments: {
      criterion: '1.3.1 Informasjon og relasjoner (vedlegg)',
      text: 'PDF-vedlegg som skolen eller barnehagen legger ved nyheter og ukeplaner, blir ikke kontrollert av Skolebro og er ikke alltid universelt utformet. Be skolen om innholdet i et annet format.',
    },
    timeout: {
      criterion: '2.2.1 Justerbar hastighet',
      text: 'Du blir logget ut etter to timer uten aktivitet (og alltid etter tolv timer), uten varsel og uten mulighet til å forlenge. Tekst du har skrevet i et skjema og ikke sendt, går da tapt.',
    },
  },
  testingHeading: 'Slik har vi testet',
  testing: {
    automated:
      'Automatisk: axe-core sjekker reglene for WCAG 2.1 A og AA (og beste praksis) på sidene i alle hovedflytene for foresatte, elever og ansatte. Det skjer i nettlesertestene i Chromium, med JavaScript på og av, i mobilbredde (375 piksler) og skjermbredde (1280 piksler), hver gang koden endres.',
    noScript: 'Uten JavaScript: hvert skjema sendes og besvares som vanlig HTML, og det testes med JavaScript av.',
    keyboard:
      'Tastatur: at «Hopp til hovedinnhold» er første stopp og flytter fokus, testes automatisk. Skjemaene er vanlige HTML-elementer. En fullstendig gjennomgang med bare tastatur er ikke dokumentert.',
    screenReader:
      'Skjermleser: vi har ikke gjennomført og dokumentert en manuell test med skjermleser. Automatiske tester finner ikke alle feil, så det kan finnes brudd vi ikke kjenner til.',
  },
  feedbackHeading: 'Meld fra om feil og mangler',
  feedbackText:
    'Har du funnet noe som ikke virker, trenger du innhold i et annet format, eller har du forslag til forbedringer? Kontakt skolen, barnehagen eller skoleeieren din. Skoleeierens kontaktopplysninger står i personvernerklæringen. Du skal få svar så snart som mulig.',
  supervisionHeading: 'Tilsyn og klage',
  supervisionText:
    'Tilsynet for universell utforming av ikt (Uu-tilsynet) i Digitaliseringsdirektoratet fører tilsyn med at regelverket blir fulgt, og du kan melde fra om mangler til tilsynet. Diskrimineringsnemnda behandler klager på brudd på regelverket. Du kan også klage hvis du ikke får svar på en tilbakemelding du har sendt.',
  uutilsynetLink: 'Uu-tilsynet (uutilsynet.no)',
  nemndaLink: 'Diskrimineringsnemnda (diskrimineringsnemnda.no)',
};

export type AccessibilityMessages = typeof nb;

const nn: AccessibilityMessages = {
  title: 'Tilgjengelegheitserklæring',
  lead: 'Denne erklæringa gjeld Skolebro, løysinga for skule, SFO og barnehage som føresette, elevar og tilsette bruker. Ho følgjer oppbygginga i tilgjengelegheitserklæringane til Digitaliseringsdirektoratet.',
  dates: 'Erklæringa vart laga {made}. Løysinga vart sist testa {tested}.',
  solutionHeading: 'Løysinga og kven som er ansvarleg',
  solutionText:
    'Nettløysinga Skolebro, på denne adressa. Kvar skuleeigar som bruker Skolebro – kommunen eller den private skuleeigaren – er ansvarleg for løysinga overfor brukarane sine. Du finn skuleeigarane og kontaktopplysningane deira under',
  ownersLink: 'Personvern',
  statusHeading: 'I kva grad er løysinga i samsvar med krava?',
  statusText:
    'Skolebro er delvis i samsvar med krava i forskrift om universell utforming av IKT-løysingar. Forskrifta gjennomfører webdirektivet til EU og krev at offentlege nettløysingar følgjer WCAG 2.1 nivå A og AA, 47 suksesskriterium. Vi kjenner til brot på {count} av dei 47 krava.',
  deviationsHeading: 'Innhald som ikkje er universelt utforma',
  deviationsLead: 'Brota vi kjenner til, ordna etter krava i WCAG 2.1:',
  deviations: {
    pdf: {
      criterion: '1.3.1 Informasjon og relasjonar',
      text: 'Brev, vedtak, kvitteringar og «Mine data» som PDF blir laga utan taggar for overskrifter og tabellar. Ein skjermlesar les teksten, men ikkje strukturen. «Mine data» finst også som nettside og som JSON-fil. Treng du eit brev i eit anna format, kontakt skulen.',
    },
    attachments: {
      criterion: '1.3.1 Informasjon og relasjonar (vedlegg)',
      text: 'PDF-vedlegg som skulen eller barnehagen legg ved nyheiter og vekeplanar, blir ikkje kontrollerte av Skolebro og er ikkje alltid universelt utforma. Be skulen om innhaldet i eit anna format.',
    },
    timeout: {
      criterion: '2.2.1 Justerbar hastigheit',
      text: 'Du blir logga ut etter to timar utan aktivitet (og alltid etter tolv timar), utan varsel og utan høve til å forlengje. Tekst du har skrive i eit skjema og ikkje sendt, går då tapt.',
    },
  },
  testingHeading: 'Slik har vi testa',
  testing: {
    automated:
      'Automatisk: axe-core sjekkar reglane for WCAG 2.1 A og AA (og beste praksis) på sidene i alle hovudflytane for føresette, elevar og tilsette. Det skjer i nettlesartestane i Chromium, med JavaScript på og av, i mobilbreidd (375 pikslar) og skjermbreidd (1280 pikslar), kvar gong koden blir endra.',
    noScript:
      'Utan JavaScript: kvart skjema blir sendt og svara på som vanleg HTML, og det blir testa med JavaScript av.',
    keyboard:
      'Tastatur: at «Hopp til hovudinnhald» er første stopp og flyttar fokus, blir testa automatisk. Skjemaa er vanlege HTML-element. Ein fullstendig gjennomgang med berre tastatur er ikkje dokumentert.',
    screenReader:
      'Skjermlesar: vi har ikkje gjennomført og dokumentert ein manuell test med skjermlesar. Automatiske testar finn ikkje alle feil, så det kan finnast brot vi ikkje kjenner til.',
  },
  feedbackHeading: 'Meld frå om feil og manglar',
  feedbackText:
    'Har du funne noko som ikkje verkar, treng du innhald i eit anna format, eller har du forslag til forbetringar? Kontakt skulen, barnehagen eller skuleeigaren din. Kontaktopplysningane til skuleeigaren står i personvernerklæringa. Du skal få svar så snart som mogleg.',
  supervisionHeading: 'Tilsyn og klage',
  supervisionText:
    'Tilsynet for universell utforming av ikt (Uu-tilsynet) i Digitaliseringsdirektoratet fører tilsyn med at regelverket blir følgt, og du kan melde frå om manglar til tilsynet. Diskrimineringsnemnda behandlar klager på brot på regelverket. Du kan også klage om du ikkje får svar på ei tilbakemelding du har sendt.',
  uutilsynetLink: 'Uu-tilsynet (uutilsynet.no)',
  nemndaLink: 'Diskrimineringsnemnda (diskrimineringsnemnda.no)',
};

const en: AccessibilityMessages = {
  title: 'Accessibility statement',
  lead: "This statement covers Skolebro, the platform for school, SFO and kindergarten that guardians, pupils and staff use. It follows the structure of the Norwegian Digitalisation Agency's (Digdir) accessibility statements.",
  dates: 'The statement was made on {made}. The solution was last tested on {tested}.',
  solutionHeading: 'The solution and who is responsible',
  solutionText:
    'The web solution Skolebro, at this address. Each school owner that uses Skolebro – the municipality or the private school owner – is responsible for it towards its users. You find the school owners and their contact details under',
  ownersLink: 'Privacy',
  statusHeading: 'How far does the solution meet the requirements?',
  statusText:
    'Skolebro partly meets the requirements of the Norwegian regulation on universal design of ICT solutions. The regulation implements the EU Web Accessibility Directive and requires public web solutions to follow WCAG 2.1 levels A and AA, 47 success criteria. We know of breaches of {count} of the 47 requirements.',
  deviationsHeading: 'Content that is not accessible',
  deviationsLead: 'The breaches we know of, in the order of WCAG 2.1:',
  deviations: {
    pdf: {
      criterion: '1.3.1 Info and Relationships',
      text: 'Letters, decisions, receipts and "My data" as PDF are made without tags for headings and tables. A screen reader reads the text but not the structure. "My data" is also a web page and a JSON file. If you need a letter in another format, contact the school.',
    },
    attachments: {
      criterion: '1.3.1 Info and Relationships (attachments)',
      text: 'PDF attachments the school or kindergarten adds to news and weekly plans are not checked by Skolebro and are not always accessible. Ask the school for the content in another format.',
    },
    timeout: {
      criterion: '2.2.1 Timing Adjustable',
      text: 'You are logged out after two hours without activity (and always after twelve hours), without a warning and without a way to extend. Text you have typed in a form and not sent is then lost.',
    },
  },
  testingHeading: 'How we tested',
  testing: {
    automated:
      'Automated: axe-core checks the WCAG 2.1 A and AA rules (and best practices) on the pages of every main flow for guardians, pupils and staff. It runs in the browser tests in Chromium, with JavaScript on and off, at phone width (375 pixels) and desktop width (1280 pixels), every time the code changes.',
    noScript:
      'Without JavaScript: every form is sent and answered as plain HTML, and this is tested with JavaScript off.',
    keyboard:
      'Keyboard: that "Skip to main content" is the first stop and moves focus is tested automatically. The forms are plain HTML elements. A complete keyboard-only walk-through is not recorded.',
    screenReader:
      'Screen readers: we have not carried out and recorded a manual screen reader test. Automated tests do not find every fault, so there may be breaches we do not know of.',
  },
  feedbackHeading: 'Report faults and shortcomings',
  feedbackText:
    "Have you found something that does not work, do you need content in another format, or do you have a suggestion? Contact your school, kindergarten or school owner. The school owner's contact details are in its privacy statement. You will get an answer as soon as possible.",
  supervisionHeading: 'Supervision and complaints',
  supervisionText:
    'The Authority for Universal Design of ICT (Uu-tilsynet) at the Norwegian Digitalisation Agency supervises that the rules are followed, and you may report shortcomings to it. The Anti-Discrimination Tribunal (Diskrimineringsnemnda) handles complaints about breaches of the rules. You may also complain if you get no answer to feedback you have sent.',
  uutilsynetLink: 'Uu-tilsynet (uutilsynet.no)',
  nemndaLink: 'Diskrimineringsnemnda (diskrimineringsnemnda.no)',
};

export const accessibilityText = { nb, nn, en };
