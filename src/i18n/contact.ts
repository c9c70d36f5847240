/** The contact card (G4, G18): bokmål is the shape, nynorsk and English fill it. */
const nb = {
  nav: 'Kontaktkort',
  homeLink: 'Kontaktkortet ditt: e-post, mobil, SMS og varsler',
  title: 'Kontaktkortet ditt',
  lead: 'Her ser du og endrer hvordan skolen når deg.',
  name: 'Navn',
  whoSees: 'Disse skolene ser kontaktopplysningene dine, fordi du er foresatt for barn der:',
  child: '{name} – {school}, {class}',
  noChildren: 'Du har ingen barn i skolen nå. Opplysningene lagres, men ingen skole bruker dem.',
  errorSummary: 'Rett opp dette før du lagrer:',
  details: {
    heading: 'E-post og telefon',
    email: 'E-postadresse',
    emailHint: 'For eksempel kari@eksempel.no. Skolen sender e-post og varsler hit.',
    mobile: 'Mobilnummer',
    mobileHint:
      'Norsk mobilnummer, 8 siffer. Skriv det som du vil, med eller uten +47 og mellomrom. Skolen sender SMS hit.',
    phone: 'Annet telefonnummer (valgfritt)',
    phoneHint: 'Fasttelefon, jobb eller et utenlandsk nummer (start med + og landskode).',
    save: 'Lagre e-post og telefon',
    saved: 'Endringene er lagret.',
    unchanged: 'Du gjorde ingen endringer.',
  },
  errors: {
    email: 'Skriv en gyldig e-postadresse, for eksempel kari@eksempel.no.',
    mobile: {
      invalid: 'Mobilnummeret kan bare ha siffer, mellomrom, bindestrek og +47 foran.',
      length: 'Et norsk mobilnummer har 8 siffer, for eksempel 412 34 567.',
      not_mobile:
        'Dette er ikke et mobilnummer: norske mobilnumre begynner på 4 eller 9. Et fasttelefonnummer kan du skrive i «Annet telefonnummer».',
      m2m: 'Numre som begynner på 58 eller 59 er maskinnumre (M2M), ikke mobilnumre til personer.',
      foreign_mobile:
        'Skolen kan bare sende SMS til norske mobilnumre. Et utenlandsk nummer kan du skrive i «Annet telefonnummer».',
    },
    phone: {
      invalid: 'Telefonnummeret kan bare ha siffer, mellomrom, bindestrek og + foran.',
      length: 'Et norsk telefonnummer har 8 siffer. Et utenlandsk nummer skriver du med + og landskode (8–15 siffer).',
      not_mobile: 'Dette er ikke et gyldig telefonnummer.',
      m2m: 'Numre som begynner på 58 eller 59 er maskinnumre (M2M), ikke telefonnumre til personer.',
      foreign_mobile: 'Dette er ikke et gyldig telefonnummer.',
    },
    what: 'Skriv kort hva som er feil med adressen (høyst 1000 tegn).',
    correct: 'Den riktige adressen kan være høyst 300 tegn.',
  },
  sms: {
    heading: 'SMS fra skolen',
    on: 'SMS er på: du får SMS fra skolen.',
    off: 'SMS er av: du får ikke SMS fra skolen.',
    warning:
      'SMS av gjelder alle beskjeder fra skolen – også varsler i en beredskapssituasjon, for eksempel når skolen stenger på grunn av uvær.',
    noMobile: 'Du har ikke registrert mobilnummer, så skolen kan ikke sende deg SMS.',
    turnOff: 'Slå av SMS',
    turnOn: 'Slå på SMS',
    confirmHeading: 'Vil du slå av SMS fra skolen?',
    confirmText:
      'Da får du ingen SMS fra skolen, heller ikke hvis skolen må stenge eller noe alvorlig skjer. Beskjeder kommer bare på e-post og i Skolebro.',
    confirm: 'Ja, slå av SMS',
    cancel: 'Nei, behold SMS',
    savedOn: 'SMS er slått på.',
    savedOff: 'SMS er slått av.',
  },
  settings: {
    heading: 'Varslingsinnstillinger',
    lead: 'Velg hva du vil ha varsel om, og hvordan. Varselet sier bare at noe nytt har kommet, med en lenke; selve innholdet leser du i Skolebro.',
    caption: 'Varsel per kanal',
    what: 'Varsel om',
    channel: { sms: 'SMS', email: 'E-post' },
    channelInline: { sms: 'SMS', email: 'e-post' },
    category: {
      messages: 'Meldinger fra skolen',
      absence: 'Oppfølging av fravær',
      news: 'Nyheter og informasjon',
      decisions: 'Vedtak og svar på søknader',
    },
    checkbox: '{category} på {channel}',
    smsOffNote: 'SMS er slått av, så du får ingen SMS-varsler før du slår SMS på igjen.',
    save: 'Lagre varslingsinnstillinger',
    saved: 'Varslingsinnstillingene er lagret.',
  },
  address: {
    heading: 'Adresse',
    source:
      'Adressen kommer fra Folkeregisteret og kan ikke endres her. Har du flyttet, melder du flytting til Skatteetaten.',
    none: 'Ingen adresse er registrert.',
    protection: {
      fortrolig: 'Adressen din er fortrolig. Bare skoleledelsen og kontaktlærerne ser den.',
      strengt_fortrolig: 'Adressen din er strengt fortrolig. Skolen ser den ikke; bare du ser den her.',
    },
    reportHeading: 'Meld fra om feil adresse',
    reportLead: 'Er adressen feil? Gi skolen beskjed, så følger de det opp.',
    what: 'Hva er feil?',
    whatHint: 'For eksempel «Vi flyttet i august» eller «Postnummeret er feil».',
    correct: 'Riktig adresse (valgfritt)',
    strictNote: 'Adressen din er strengt fortrolig. Skriv ikke den nye adressen her; meld den til Skatteetaten.',
    send: 'Send til skolen',
    sent: 'Skolen har fått beskjed om at adressen er feil. De tar kontakt hvis de trenger mer. Har du flyttet, husk også å melde flytting til Skatteetaten.',
    noSchool:
      'Du har ingen barn i skolen nå, så det er ingen skole å melde til. Er adressen feil, ta kontakt med Skatteetaten.',
  },
};

export type ContactMessages = typeof nb;

const nn: ContactMessages = {
  nav: 'Kontaktkort',
  homeLink: 'Kontaktkortet ditt: e-post, mobil, SMS og varsel',
  title: 'Kontaktkortet ditt',
  lead: 'Her ser du og endrar korleis skulen når deg.',
  name: 'Namn',
  whoSees: 'Desse skulane ser kontaktopplysingane dine, fordi du er føresett for born der:',
  child: '{name} – {school}, {class}',
  noChildren: 'Du har ingen born i skulen no. Opplysingane blir lagra, men ingen skule brukar dei.',
  errorSummary: 'Rett opp dette før du lagrar:',
  details: {
    heading: 'E-post og telefon',
    email: 'E-postadresse',
    emailHint: 'Til dømes kari@eksempel.no. Skulen sender e-post og varsel hit.',
    mobile: 'Mobilnummer',
    mobileHint:
      'Norsk mobilnummer, 8 siffer. Skriv det som du vil, med eller utan +47 og mellomrom. Skulen sender SMS hit.',
    phone: 'Anna telefonnummer (valfritt)',
    phoneHint: 'Fasttelefon, jobb eller eit utanlandsk nummer (start med + og landskode).',
    save: 'Lagre e-post og telefon',
    saved: 'Endringane er lagra.',
    unchanged: 'Du gjorde ingen endringar.',
  },
  errors: {
    email: 'Skriv ei gyldig e-postadresse, til dømes kari@eksempel.no.',
    mobile: {
      invalid: 'Mobilnummeret kan berre ha siffer, mellomrom, bindestrek og +47 framfor.',
      length: 'Eit norsk mobilnummer har 8 siffer, til dømes 412 34 567.',
      not_mobile:
        'Dette er ikkje eit mobilnummer: norske mobilnummer byrjar på 4 eller 9. Eit fasttelefonnummer kan du skrive i «Anna telefonnummer».',
      m2m: 'Nummer som byrjar på 58 eller 59 er maskinnummer (M2M), ikkje mobilnummer til personar.',
      foreign_mobile:
        'Skulen kan berre sende SMS til norske mobilnummer. Eit utanlandsk nummer kan du skrive i «Anna telefonnummer».',
    },
    phone: {
      invalid: 'Telefonnummeret kan berre ha siffer, mellomrom, bindestrek og + framfor.',
      length: 'Eit norsk telefonnummer har 8 siffer. Eit utanlandsk nummer skriv du med + og landskode (8–15 siffer).',
      not_mobile: 'Dette er ikkje eit gyldig telefonnummer.',
      m2m: 'Nummer som byrjar på 58 eller 59 er maskinnummer (M2M), ikkje telefonnummer til personar.',
      foreign_mobile: 'Dette er ikkje eit gyldig telefonnummer.',
    },
    what: 'Skriv kort kva som er feil med adressa (høgst 1000 teikn).',
    correct: 'Den rette adressa kan vere høgst 300 teikn.',
  },
  sms: {
    heading: 'SMS frå skulen',
    on: 'SMS er på: du får SMS frå skulen.',
    off: 'SMS er av: du får ikkje SMS frå skulen.',
    warning:
      'SMS av gjeld alle meldingar frå skulen – også varsel i ein beredskapssituasjon, til dømes når skulen stengjer på grunn av uvêr.',
    noMobile: 'Du har ikkje registrert mobilnummer, så skulen kan ikkje sende deg SMS.',
    turnOff: 'Slå av SMS',
    turnOn: 'Slå på SMS',
    confirmHeading: 'Vil du slå av SMS frå skulen?',
    confirmText:
      'Då får du ingen SMS frå skulen, heller ikkje om skulen må stengje eller noko alvorleg skjer. Meldingar kjem berre på e-post og i Skolebro.',
    confirm: 'Ja, slå av SMS',
    cancel: 'Nei, behald SMS',
    savedOn: 'SMS er slått på.',
    savedOff: 'SMS er slått av.',
  },
  settings: {
    heading: 'Varslingsinnstillingar',
    lead: 'Vel kva du vil ha varsel om, og korleis. Varselet seier berre at noko nytt har kome, med ei lenkje; sjølve innhaldet les du i Skolebro.',
    caption: 'Varsel per kanal',
    what: 'Varsel om',
    channel: { sms: 'SMS', email: 'E-post' },
    channelInline: { sms: 'SMS', email: 'e-post' },
    category: {
      messages: 'Meldingar frå skulen',
      absence: 'Oppfølging av fråvær',
      news: 'Nyheiter og informasjon',
      decisions: 'Vedtak og svar på søknader',
    },
    checkbox: '{category} på {channel}',
    smsOffNote: 'SMS er slått av, så du får ingen SMS-varsel før du slår SMS på igjen.',
    save: 'Lagre varslingsinnstillingar',
    saved: 'Varslingsinnstillingane er lagra.',
  },
  address: {
    heading: 'Adresse',
    source:
      'Adressa kjem frå Folkeregisteret og kan ikkje endrast her. Har du flytta, melder du flytting til Skatteetaten.',
    none: 'Inga adresse er registrert.',
    protection: {
      fortrolig: 'Adressa di er fortruleg. Berre skuleleiinga og kontaktlærarane ser ho.',
      strengt_fortrolig: 'Adressa di er strengt fortruleg. Skulen ser ho ikkje; berre du ser ho her.',
    },
    reportHeading: 'Meld frå om feil adresse',
    reportLead: 'Er adressa feil? Gi skulen beskjed, så følgjer dei det opp.',
    what: 'Kva er feil?',
    whatHint: 'Til dømes «Vi flytta i august» eller «Postnummeret er feil».',
    correct: 'Rett adresse (valfritt)',
    strictNote: 'Adressa di er strengt fortruleg. Skriv ikkje den nye adressa her; meld ho til Skatteetaten.',
    send: 'Send til skulen',
    sent: 'Skulen har fått beskjed om at adressa er feil. Dei tek kontakt om dei treng meir. Har du flytta, hugs også å melde flytting til Skatteetaten.',
    noSchool:
      'Du har ingen born i skulen no, så det er ingen skule å melde til. Er adressa feil, ta kontakt med Skatteetaten.',
  },
};

const en: ContactMessages = {
  nav: 'Contact card',
  homeLink: 'Your contact card: e-mail, mobile, SMS and notifications',
  title: 'Your contact card',
  lead: 'See and change how the school reaches you.',
  name: 'Name',
  whoSees: 'These schools see your contact details, because you are a guardian of children there:',
  child: '{name} – {school}, {class}',
  noChildren: 'You have no children at school now. Your details are kept, but no school uses them.',
  errorSummary: 'Please correct this before saving:',
  details: {
    heading: 'E-mail and phone',
    email: 'E-mail address',
    emailHint: 'For example kari@example.no. The school sends e-mail and notifications here.',
    mobile: 'Mobile number',
    mobileHint:
      'A Norwegian mobile number, 8 digits. Type it as you like, with or without +47 and spaces. The school sends SMS here.',
    phone: 'Other phone number (optional)',
    phoneHint: 'Landline, work or a foreign number (start with + and the country code).',
    save: 'Save e-mail and phone',
    saved: 'Your changes have been saved.',
    unchanged: 'You made no changes.',
  },
  errors: {
    email: 'Enter a valid e-mail address, for example kari@example.no.',
    mobile: {
      invalid: 'A mobile number can only contain digits, spaces, hyphens and a leading +47.',
      length: 'A Norwegian mobile number has 8 digits, for example 412 34 567.',
      not_mobile:
        'This is not a mobile number: Norwegian mobile numbers start with 4 or 9. You can enter a landline under "Other phone number".',
      m2m: 'Numbers starting with 58 or 59 are machine numbers (M2M), not personal mobile numbers.',
      foreign_mobile:
        'The school can only send SMS to Norwegian mobile numbers. You can enter a foreign number under "Other phone number".',
    },
    phone: {
      invalid: 'A phone number can only contain digits, spaces, hyphens and a leading +.',
      length:
        'A Norwegian phone number has 8 digits. Write a foreign number with + and the country code (8–15 digits).',
      not_mobile: 'This is not a valid phone number.',
      m2m: 'Numbers starting with 58 or 59 are machine numbers (M2M), not personal phone numbers.',
      foreign_mobile: 'This is not a valid phone number.',
    },
    what: 'Briefly describe what is wrong with the address (at most 1000 characters).',
    correct: 'The correct address can be at most 300 characters.',
  },
  sms: {
    heading: 'SMS from the school',
    on: 'SMS is on: you receive text messages from the school.',
    off: 'SMS is off: you do not receive text messages from the school.',
    warning:
      'Turning SMS off covers every message from the school – including emergency alerts, for example when the school closes because of bad weather.',
    noMobile: 'You have not registered a mobile number, so the school cannot send you SMS.',
    turnOff: 'Turn SMS off',
    turnOn: 'Turn SMS on',
    confirmHeading: 'Turn off SMS from the school?',
    confirmText:
      'You will get no text messages from the school, not even if the school has to close or something serious happens. Messages will only come by e-mail and in Skolebro.',
    confirm: 'Yes, turn SMS off',
    cancel: 'No, keep SMS',
    savedOn: 'SMS is turned on.',
    savedOff: 'SMS is turned off.',
  },
  settings: {
    heading: 'Notification settings',
    lead: 'Choose what you want to be notified about, and how. A notification only says that something new has arrived, with a link; you read the content in Skolebro.',
    caption: 'Notifications per channel',
    what: 'Notify me about',
    channel: { sms: 'SMS', email: 'E-mail' },
    channelInline: { sms: 'SMS', email: 'e-mail' },
    category: {
      messages: 'Messages from the school',
      absence: 'Absence follow-up',
      news: 'News and information',
      decisions: 'Decisions and replies to applications',
    },
    checkbox: '{category} by {channel}',
    smsOffNote: 'SMS is turned off, so you get no SMS notifications until you turn SMS on again.',
    save: 'Save notification settings',
    saved: 'Your notification settings have been saved.',
  },
  address: {
    heading: 'Address',
    source:
      'The address comes from the National Population Register (Folkeregisteret) and cannot be changed here. If you have moved, report the move to the Tax Administration (Skatteetaten).',
    none: 'No address is registered.',
    protection: {
      fortrolig: 'Your address is confidential. Only the school leadership and the contact teachers see it.',
      strengt_fortrolig: 'Your address is strictly confidential. The school does not see it; only you see it here.',
    },
    reportHeading: 'Report a wrong address',
    reportLead: 'Is the address wrong? Tell the school and they will follow it up.',
    what: 'What is wrong?',
    whatHint: 'For example "We moved in August" or "The postcode is wrong".',
    correct: 'Correct address (optional)',
    strictNote: 'Your address is strictly confidential. Do not write the new address here; report it to Skatteetaten.',
    send: 'Send to the school',
    sent: 'The school has been told that the address is wrong. They will contact you if they need more. If you have moved, remember to report the move to Skatteetaten as well.',
    noSchool:
      'You have no children at school now, so there is no school to tell. If the address is wrong, contact Skatteetaten.',
  },
};

export const contactText = { nb, nn, en };
