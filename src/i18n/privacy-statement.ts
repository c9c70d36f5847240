/**
 * The school owners' privacy statements (issue 16, item 7): the public pages, the owner's edit form, and the default
 * statement an owner gets until it writes its own (built from the seed's privacy statement [002] and DOMAIN-FACTS).
 * `{name}` is the school owner. The rights, Datatilsynet and the archive note are the app's, the same for every owner.
 */
const nb = {
  title: 'Personvern',
  listLead:
    'Skolebro brukes av skoleeierne nedenfor. Hver skoleeier (kommunen eller den private skoleeieren) er behandlingsansvarlig for opplysningene om sine elever, barn, foresatte og ansatte, og har sin egen personvernerklæring.',
  listHeading: 'Personvernerklæring for hver skoleeier',
  noOwners: 'Ingen skoleeiere er lagt inn ennå.',
  statementTitle: 'Personvernerklæring for {name}',
  intro:
    'Her står det hvordan {name} behandler personopplysninger i Skolebro, løsningen for skole, SFO og barnehage som foresatte, elever og ansatte bruker.',
  defaultNote: 'Dette er Skolebros standardtekst. {name} har ikke tilpasset den ennå.',
  updated: 'Sist endret {date}.',
  allOwners: 'Alle skoleeiere',
  controllerHeading: 'Behandlingsansvarlig',
  controllerText: '{name} er behandlingsansvarlig for behandlingen av personopplysninger i Skolebro.',
  orgNumber: 'Organisasjonsnummer',
  address: 'Adresse',
  dpoHeading: 'Personvernombud',
  dpoFallback: 'Kontakt {name} for å nå personvernombudet.',
  dpoContact: 'Kontakt',
  purposesHeading: 'Formål og rettslig grunnlag',
  purposeColumn: 'Formål',
  legalBasisColumn: 'Rettslig grunnlag',
  recipientsHeading: 'Hvem opplysningene deles med',
  retentionHeading: 'Hvor lenge opplysningene lagres',
  archiveNote:
    'Det som er arkivverdig – vedtak, søknader, samtykker og meldingsboken – blir bevart etter arkivloven, også når barnet har sluttet. Slike opplysninger kan ikke slettes selv om du ber om det.',
  rightsHeading: 'Dine rettigheter',
  rightsLead:
    'Du bruker rettighetene dine ved å kontakte {name}. Det er gratis, og du får svar så snart som mulig, senest innen én måned. Vi kan be deg bekrefte hvem du er.',
  rights: {
    access:
      'Innsyn: du har rett til å vite hvilke opplysninger vi har om deg og barna dine, hva de brukes til, hvor lenge de lagres og hvem som har sett dem.',
    rectification: 'Retting: opplysninger som er feil eller ufullstendige, skal rettes.',
    erasure:
      'Sletting: opplysninger vi ikke lenger trenger, skal slettes. Det gjelder ikke det som skal bevares etter arkivloven eller annen lov.',
    restriction: 'Begrensning: du kan be om at opplysninger blir lagret, men ikke brukt, mens noe blir avklart.',
    objection: 'Innsigelse: du kan protestere mot behandling som bygger på en oppgave i allmennhetens interesse.',
    portability:
      'Dataportabilitet: opplysninger du selv har gitt oss, kan du få i et maskinlesbart format når behandlingen bygger på samtykke eller avtale.',
  },
  myDataLead:
    'Som innlogget foresatt ser du det meste selv under «Mine data», også som JSON-fil og PDF, med hvem som har sett og endret opplysningene om barnet:',
  myDataLink: 'Mine data',
  complaintHeading: 'Klage til Datatilsynet',
  complaintText:
    'Mener du at vi behandler personopplysninger i strid med personvernregelverket, kan du klage til Datatilsynet. Ta gjerne kontakt med personvernombudet først.',
  datatilsynetLink: 'Datatilsynet (www.datatilsynet.no)',
  editLink: 'Personvernerklæring',
  editTitle: 'Personvernerklæring for {name}',
  editLead:
    'Skriv erklæringen slik den skal stå på {link}. Rettighetene, klage til Datatilsynet og arkivloven skriver Skolebro selv på bokmål, nynorsk og engelsk. Feltene du skriver, vises slik du skriver dem.',
  editDefaultNote: 'Skjemaet er fylt ut med standardteksten. Den gjelder til du lagrer din egen.',
  publicLink: 'den offentlige siden',
  fields: {
    controllerName: 'Behandlingsansvarlig: navn',
    controllerAddress: 'Behandlingsansvarlig: adresse',
    controllerOrgNumber: 'Behandlingsansvarlig: organisasjonsnummer',
    dpoName: 'Personvernombud: navn',
    dpoContact: 'Personvernombud: e-post eller nettside',
    recipients: 'Hvem opplysningene deles med',
    retention: 'Hvor lenge opplysningene lagres',
  },
  hints: {
    controllerAddress: 'Besøks- eller postadresse.',
    controllerOrgNumber: '9 siffer.',
    dpoContact: 'En e-postadresse, eller en nettadresse som begynner med https://.',
    purposes: 'Ett formål per rad med det rettslige grunnlaget. Tomme rader blir ikke lagret.',
  },
  purposesLegend: 'Formål og rettslig grunnlag',
  purposeRow: 'Formål {n}',
  purposeLabel: 'Formål',
  legalBasisLabel: 'Rettslig grunnlag',
  save: 'Lagre erklæringen',
  saved: 'Personvernerklæringen er lagret.',
  errorSummary: 'Skjemaet har feil',
  errors: {
    required: 'Fyll ut feltet.',
    tooLong: 'Teksten er for lang.',
    orgNumber: 'Skriv et organisasjonsnummer med 9 siffer.',
    dpoContact: 'Skriv en e-postadresse eller en nettadresse som begynner med https://.',
    purposeRow: 'Fyll ut både formålet og det rettslige grunnlaget (høyst 300 tegn hver), eller la begge stå tomme.',
    purposes: 'Skriv minst ett formål med rettslig grunnlag.',
  },
  defaults: {
    dpoName: 'Personvernombudet i {name}',
    purposes: [
      [
        'Grunnskoleopplæring: elever, klasser og grupper, timeplan, fravær og vurdering',
        'Personvernforordningen art. 6 nr. 1 bokstav c og e, jf. opplæringslova',
      ],
      [
        'Samarbeid med hjemmet: meldingsbok, beskjeder, nyheter, skjemaer og varsler på SMS og e-post',
        'Personvernforordningen art. 6 nr. 1 bokstav e, jf. opplæringslova',
      ],
      [
        'Oppslag i Folkeregisteret (navn, adresse, adressebeskyttelse og foreldreansvar), slik at bare de rette foresatte får tilgang',
        'Personvernforordningen art. 6 nr. 1 bokstav c og e, jf. opplæringslova',
      ],
      [
        'Fravær og fraværsårsak, som kan si noe om helse',
        'Personvernforordningen art. 6 nr. 1 bokstav c og art. 9 nr. 2 bokstav g, jf. opplæringslova',
      ],
      [
        'Søknader og vedtak (permisjon, SFO-plass, redusert foreldrebetaling) med brev til digital postkasse eller papir',
        'Personvernforordningen art. 6 nr. 1 bokstav c og e, jf. opplæringslova og forvaltningsloven',
      ],
      [
        'Skolefritidsordningen (SFO): plass, oppholdsplan, inn- og utsjekk og fakturagrunnlag',
        'Personvernforordningen art. 6 nr. 1 bokstav b (avtalen om plass) og e, jf. opplæringslova',
      ],
      [
        'Barnehage: plass og avdeling, oppholdsplan, henteavtaler, meldinger og nyheter',
        'Personvernforordningen art. 6 nr. 1 bokstav c og e, jf. barnehageloven',
      ],
      [
        'Samtykker, for eksempel til bilder, turer og klasseliste',
        'Personvernforordningen art. 6 nr. 1 bokstav a (samtykke, som kan trekkes tilbake når som helst)',
      ],
      [
        'Logg over hvem som har lest og endret opplysningene, for sikkerhet og innsyn',
        'Personvernforordningen art. 6 nr. 1 bokstav c, jf. art. 5 nr. 2 og art. 32',
      ],
      [
        'Arkivering av vedtak, søknader, samtykker og meldingsbok',
        'Personvernforordningen art. 6 nr. 1 bokstav c, jf. arkivloven',
      ],
    ] as [string, string][],
    recipients:
      'Opplysningene vises bare for dem i skolen, SFO og barnehagen som trenger dem i arbeidet sitt. Leverandøren som drifter Skolebro for {name}, er databehandler med databehandleravtale. Ellers går opplysninger bare dit loven krever eller du har bedt om: vedtaksbrev til digital postkasse (Digipost eller e-Boks) eller som papirbrev, SMS og e-post gjennom leverandører med databehandleravtale, oppslag i Kontakt- og reservasjonsregisteret og Folkeregisteret, og arkivuttrekk til arkivdepot.',
    retention:
      'Vi lagrer opplysningene så lenge det trengs for formålet de ble samlet inn for. Når et barn slutter, forsvinner det fra de foresattes sider, og bare skolens ledelse og skoleeieren ser det som bevares. Samtykker lagres med historikk, slik at det kan dokumenteres hva som gjaldt når. Loggen over hvem som har lest og endret opplysninger, kan ikke endres eller slettes.',
  },
};

export type PrivacyStatementMessages = typeof nb;

const nn: PrivacyStatementMessages = {
  title: 'Personvern',
  listLead:
    'Skolebro blir brukt av skuleeigarane nedanfor. Kvar skuleeigar (kommunen eller den private skuleeigaren) er behandlingsansvarleg for opplysningane om elevane, barna, dei føresette og dei tilsette sine, og har si eiga personvernerklæring.',
  listHeading: 'Personvernerklæring for kvar skuleeigar',
  noOwners: 'Ingen skuleeigarar er lagde inn enno.',
  statementTitle: 'Personvernerklæring for {name}',
  intro:
    'Her står det korleis {name} behandlar personopplysningar i Skolebro, løysinga for skule, SFO og barnehage som føresette, elevar og tilsette bruker.',
  defaultNote: 'Dette er standardteksten til Skolebro. {name} har ikkje tilpassa han enno.',
  updated: 'Sist endra {date}.',
  allOwners: 'Alle skuleeigarar',
  controllerHeading: 'Behandlingsansvarleg',
  controllerText: '{name} er behandlingsansvarleg for behandlinga av personopplysningar i Skolebro.',
  orgNumber: 'Organisasjonsnummer',
  address: 'Adresse',
  dpoHeading: 'Personvernombod',
  dpoFallback: 'Kontakt {name} for å nå personvernombodet.',
  dpoContact: 'Kontakt',
  purposesHeading: 'Formål og rettsleg grunnlag',
  purposeColumn: 'Formål',
  legalBasisColumn: 'Rettsleg grunnlag',
  recipientsHeading: 'Kven opplysningane blir delte med',
  retentionHeading: 'Kor lenge opplysningane blir lagra',
  archiveNote:
    'Det som er arkivverdig – vedtak, søknader, samtykke og meldingsboka – blir teke vare på etter arkivlova, også når barnet har slutta. Slike opplysningar kan ikkje slettast sjølv om du ber om det.',
  rightsHeading: 'Rettane dine',
  rightsLead:
    'Du bruker rettane dine ved å kontakte {name}. Det er gratis, og du får svar så snart som mogleg, seinast innan éin månad. Vi kan be deg stadfeste kven du er.',
  rights: {
    access:
      'Innsyn: du har rett til å vite kva opplysningar vi har om deg og barna dine, kva dei blir brukte til, kor lenge dei blir lagra og kven som har sett dei.',
    rectification: 'Retting: opplysningar som er feil eller ufullstendige, skal rettast.',
    erasure:
      'Sletting: opplysningar vi ikkje lenger treng, skal slettast. Det gjeld ikkje det som skal takast vare på etter arkivlova eller anna lov.',
    restriction: 'Avgrensing: du kan be om at opplysningar blir lagra, men ikkje brukte, medan noko blir avklart.',
    objection: 'Innvending: du kan protestere mot behandling som byggjer på ei oppgåve i allmenta si interesse.',
    portability:
      'Dataportabilitet: opplysningar du sjølv har gitt oss, kan du få i eit maskinlesbart format når behandlinga byggjer på samtykke eller avtale.',
  },
  myDataLead:
    'Som innlogga føresett ser du det meste sjølv under «Mine data», også som JSON-fil og PDF, med kven som har sett og endra opplysningane om barnet:',
  myDataLink: 'Mine data',
  complaintHeading: 'Klage til Datatilsynet',
  complaintText:
    'Meiner du at vi behandlar personopplysningar i strid med personvernregelverket, kan du klage til Datatilsynet. Ta gjerne kontakt med personvernombodet først.',
  datatilsynetLink: 'Datatilsynet (www.datatilsynet.no)',
  editLink: 'Personvernerklæring',
  editTitle: 'Personvernerklæring for {name}',
  editLead:
    'Skriv erklæringa slik ho skal stå på {link}. Rettane, klage til Datatilsynet og arkivlova skriv Skolebro sjølv på bokmål, nynorsk og engelsk. Felta du skriv, blir viste slik du skriv dei.',
  editDefaultNote: 'Skjemaet er fylt ut med standardteksten. Han gjeld til du lagrar di eiga.',
  publicLink: 'den offentlege sida',
  fields: {
    controllerName: 'Behandlingsansvarleg: namn',
    controllerAddress: 'Behandlingsansvarleg: adresse',
    controllerOrgNumber: 'Behandlingsansvarleg: organisasjonsnummer',
    dpoName: 'Personvernombod: namn',
    dpoContact: 'Personvernombod: e-post eller nettside',
    recipients: 'Kven opplysningane blir delte med',
    retention: 'Kor lenge opplysningane blir lagra',
  },
  hints: {
    controllerAddress: 'Besøks- eller postadresse.',
    controllerOrgNumber: '9 siffer.',
    dpoContact: 'Ei e-postadresse, eller ei nettadresse som byrjar med https://.',
    purposes: 'Eitt formål per rad med det rettslege grunnlaget. Tomme rader blir ikkje lagra.',
  },
  purposesLegend: 'Formål og rettsleg grunnlag',
  purposeRow: 'Formål {n}',
  purposeLabel: 'Formål',
  legalBasisLabel: 'Rettsleg grunnlag',
  save: 'Lagre erklæringa',
  saved: 'Personvernerklæringa er lagra.',
  errorSummary: 'Skjemaet har feil',
  errors: {
    required: 'Fyll ut feltet.',
    tooLong: 'Teksten er for lang.',
    orgNumber: 'Skriv eit organisasjonsnummer med 9 siffer.',
    dpoContact: 'Skriv ei e-postadresse eller ei nettadresse som byrjar med https://.',
    purposeRow: 'Fyll ut både formålet og det rettslege grunnlaget (høgst 300 teikn kvar), eller la begge stå tomme.',
    purposes: 'Skriv minst eitt formål med rettsleg grunnlag.',
  },
  defaults: {
    dpoName: 'Personvernombodet i {name}',
    purposes: [
      [
        'Grunnskuleopplæring: elevar, klassar og grupper, timeplan, fråvær og vurdering',
        'Personvernforordninga art. 6 nr. 1 bokstav c og e, jf. opplæringslova',
      ],
      [
        'Samarbeid med heimen: meldingsbok, beskjedar, nyheiter, skjema og varsel på SMS og e-post',
        'Personvernforordninga art. 6 nr. 1 bokstav e, jf. opplæringslova',
      ],
      [
        'Oppslag i Folkeregisteret (namn, adresse, adressevern og foreldreansvar), slik at berre dei rette føresette får tilgang',
        'Personvernforordninga art. 6 nr. 1 bokstav c og e, jf. opplæringslova',
      ],
      [
        'Fråvær og fråværsårsak, som kan seie noko om helse',
        'Personvernforordninga art. 6 nr. 1 bokstav c og art. 9 nr. 2 bokstav g, jf. opplæringslova',
      ],
      [
        'Søknader og vedtak (permisjon, SFO-plass, redusert foreldrebetaling) med brev til digital postkasse eller papir',
        'Personvernforordninga art. 6 nr. 1 bokstav c og e, jf. opplæringslova og forvaltningslova',
      ],
      [
        'Skulefritidsordninga (SFO): plass, opphaldsplan, inn- og utsjekk og fakturagrunnlag',
        'Personvernforordninga art. 6 nr. 1 bokstav b (avtalen om plass) og e, jf. opplæringslova',
      ],
      [
        'Barnehage: plass og avdeling, opphaldsplan, henteavtalar, meldingar og nyheiter',
        'Personvernforordninga art. 6 nr. 1 bokstav c og e, jf. barnehagelova',
      ],
      [
        'Samtykke, til dømes til bilete, turar og klasseliste',
        'Personvernforordninga art. 6 nr. 1 bokstav a (samtykke, som kan trekkjast tilbake når som helst)',
      ],
      [
        'Logg over kven som har lese og endra opplysningane, for tryggleik og innsyn',
        'Personvernforordninga art. 6 nr. 1 bokstav c, jf. art. 5 nr. 2 og art. 32',
      ],
      [
        'Arkivering av vedtak, søknader, samtykke og meldingsbok',
        'Personvernforordninga art. 6 nr. 1 bokstav c, jf. arkivlova',
      ],
    ] as [string, string][],
    recipients:
      'Opplysningane blir berre viste for dei i skulen, SFO og barnehagen som treng dei i arbeidet sitt. Leverandøren som driftar Skolebro for {name}, er databehandlar med databehandlaravtale. Elles går opplysningar berre dit lova krev eller du har bede om: vedtaksbrev til digital postkasse (Digipost eller e-Boks) eller som papirbrev, SMS og e-post gjennom leverandørar med databehandlaravtale, oppslag i Kontakt- og reservasjonsregisteret og Folkeregisteret, og arkivuttrekk til arkivdepot.',
    retention:
      'Vi lagrar opplysningane så lenge det trengst for formålet dei vart samla inn for. Når eit barn sluttar, blir det borte frå sidene til dei føresette, og berre leiinga ved skulen og skuleeigaren ser det som blir teke vare på. Samtykke blir lagra med historikk, slik at det kan dokumenterast kva som galdt når. Loggen over kven som har lese og endra opplysningar, kan ikkje endrast eller slettast.',
  },
};

const en: PrivacyStatementMessages = {
  title: 'Privacy',
  listLead:
    'Skolebro is used by the school owners below. Each school owner (the municipality or the private school owner) is the data controller for the data about its pupils, children, guardians and staff, and has its own privacy statement.',
  listHeading: 'Privacy statement per school owner',
  noOwners: 'No school owners have been added yet.',
  statementTitle: 'Privacy statement for {name}',
  intro:
    'This is how {name} processes personal data in Skolebro, the platform for school, SFO and kindergarten that guardians, pupils and staff use.',
  defaultNote: "This is Skolebro's default text. {name} has not adapted it yet.",
  updated: 'Last changed {date}.',
  allOwners: 'All school owners',
  controllerHeading: 'Data controller',
  controllerText: '{name} is the data controller for the processing of personal data in Skolebro.',
  orgNumber: 'Organisation number',
  address: 'Address',
  dpoHeading: 'Data protection officer',
  dpoFallback: 'Contact {name} to reach the data protection officer.',
  dpoContact: 'Contact',
  purposesHeading: 'Purposes and legal bases',
  purposeColumn: 'Purpose',
  legalBasisColumn: 'Legal basis',
  recipientsHeading: 'Who the data is shared with',
  retentionHeading: 'How long the data is kept',
  archiveNote:
    'What is of archival value – decisions, applications, consents and the message book – is kept under the Archives Act, also after the child has left. Such data cannot be erased even if you ask.',
  rightsHeading: 'Your rights',
  rightsLead:
    'You use your rights by contacting {name}. It is free of charge, and you get an answer as soon as possible, within one month at the latest. We may ask you to confirm who you are.',
  rights: {
    access:
      'Access: you have the right to know what data we hold about you and your children, what it is used for, how long it is kept and who has seen it.',
    rectification: 'Rectification: data that is wrong or incomplete shall be corrected.',
    erasure:
      'Erasure: data we no longer need shall be erased. This does not apply to what must be kept under the Archives Act or other law.',
    restriction: 'Restriction: you may ask that data is kept but not used while something is being clarified.',
    objection: 'Objection: you may object to processing based on a task carried out in the public interest.',
    portability:
      'Portability: data you have given us yourself you can get in a machine-readable format when the processing is based on consent or a contract.',
  },
  myDataLead:
    'Logged in as a guardian, you can see most of it yourself under "My data", also as a JSON file and a PDF, with who has seen and changed the data about your child:',
  myDataLink: 'My data',
  complaintHeading: 'Complaints to Datatilsynet',
  complaintText:
    'If you believe we process personal data in breach of the data protection rules, you may complain to Datatilsynet, the Norwegian Data Protection Authority. Feel free to contact the data protection officer first.',
  datatilsynetLink: 'Datatilsynet (www.datatilsynet.no)',
  editLink: 'Privacy statement',
  editTitle: 'Privacy statement for {name}',
  editLead:
    'Write the statement as it is to appear on {link}. Skolebro itself writes the rights, complaints to Datatilsynet and the Archives Act in Bokmål, Nynorsk and English. The fields you write are shown as you write them.',
  editDefaultNote: 'The form is filled in with the default text. It applies until you save your own.',
  publicLink: 'the public page',
  fields: {
    controllerName: 'Data controller: name',
    controllerAddress: 'Data controller: address',
    controllerOrgNumber: 'Data controller: organisation number',
    dpoName: 'Data protection officer: name',
    dpoContact: 'Data protection officer: e-mail or web page',
    recipients: 'Who the data is shared with',
    retention: 'How long the data is kept',
  },
  hints: {
    controllerAddress: 'Visiting or postal address.',
    controllerOrgNumber: '9 digits.',
    dpoContact: 'An e-mail address, or a web address starting with https://.',
    purposes: 'One purpose per row with its legal basis. Empty rows are not saved.',
  },
  purposesLegend: 'Purposes and legal bases',
  purposeRow: 'Purpose {n}',
  purposeLabel: 'Purpose',
  legalBasisLabel: 'Legal basis',
  save: 'Save the statement',
  saved: 'The privacy statement has been saved.',
  errorSummary: 'The form has errors',
  errors: {
    required: 'Fill in the field.',
    tooLong: 'The text is too long.',
    orgNumber: 'Enter an organisation number of 9 digits.',
    dpoContact: 'Enter an e-mail address or a web address starting with https://.',
    purposeRow: 'Fill in both the purpose and the legal basis (at most 300 characters each), or leave both empty.',
    purposes: 'Enter at least one purpose with its legal basis.',
  },
  defaults: {
    dpoName: 'The data protection officer of {name}',
    purposes: [
      [
        'Primary and lower secondary education: pupils, classes and groups, timetable, absence and assessment',
        'GDPR Art. 6(1)(c) and (e), with the Education Act (opplæringslova)',
      ],
      [
        'Cooperation with the home: message book, notices, news, forms and notifications by SMS and e-mail',
        'GDPR Art. 6(1)(e), with the Education Act',
      ],
      [
        'Look-ups in the National Population Register (name, address, address protection and parental responsibility), so that only the right guardians get access',
        'GDPR Art. 6(1)(c) and (e), with the Education Act',
      ],
      [
        'Absence and its reason, which may say something about health',
        'GDPR Art. 6(1)(c) and Art. 9(2)(g), with the Education Act',
      ],
      [
        'Applications and decisions (leave, SFO place, reduced payment) with letters to the digital mailbox or on paper',
        'GDPR Art. 6(1)(c) and (e), with the Education Act and the Public Administration Act',
      ],
      [
        'After-school care (SFO): place, stay plan, check-in and check-out, and the invoice basis',
        'GDPR Art. 6(1)(b) (the agreement on the place) and (e), with the Education Act',
      ],
      [
        'Kindergarten: place and department, stay plan, pickup agreements, messages and news',
        'GDPR Art. 6(1)(c) and (e), with the Kindergarten Act (barnehageloven)',
      ],
      [
        'Consents, for example to photos, trips and the class list',
        'GDPR Art. 6(1)(a) (consent, which may be withdrawn at any time)',
      ],
      [
        'A log of who has read and changed the data, for security and access requests',
        'GDPR Art. 6(1)(c), with Art. 5(2) and Art. 32',
      ],
      [
        'Archiving decisions, applications, consents and the message book',
        'GDPR Art. 6(1)(c), with the Archives Act (arkivloven)',
      ],
    ] as [string, string][],
    recipients:
      'The data is shown only to those at the school, SFO and kindergarten who need it for their work. The supplier who runs Skolebro for {name} is a data processor under a data processing agreement. Otherwise data goes only where the law requires or you have asked: decision letters to the digital mailbox (Digipost or e-Boks) or on paper, SMS and e-mail through suppliers under data processing agreements, look-ups in the Common Contact Register (KRR) and the National Population Register, and archive extracts to the archive repository.',
    retention:
      "We keep the data as long as the purpose it was collected for requires. When a child leaves, the child disappears from the guardians' pages, and only the school's leadership and the school owner see what is kept. Consents are kept with their history, so that what applied when can be documented. The log of who has read and changed data cannot be changed or deleted.",
  },
};

export const privacyStatementText = { nb, nn, en };
