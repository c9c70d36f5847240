/** The school owner's settings page. */
const nb = {
  title: 'Innstillinger for skoleeier',
  link: 'Innstillinger: permisjon og fraværsoppfølging',
  lead: 'Disse reglene gjelder alle skolene til {name}.',
  leaveLimit: 'Permisjon: høyeste antall skoledager per skoleår',
  leaveLimitHint:
    'Etter kommunens lokale forskrift om permisjon (opplæringslova § 2-2). Foresatte blir varslet når en søknad går over grensen.',
  followUpTime: 'Fraværsoppfølging: klokkeslett hver skoledag',
  followUpTimeHint:
    'Skriv som tt:mm, for eksempel 10:00. Da får foresatte til elever som er registrert borte uten melding hjemmefra, en forespørsel.',
  save: 'Lagre',
  saved: 'Innstillingene er lagret.',
  errorSummary: 'Skjemaet har feil',
  sfoFreeHours: 'SFO: gratis timer per uke',
  sfoFreeHoursHint: 'Minst 12 timer i uka etter loven. Trekkes fra prisen i forhold til timene i plassen.',
  sfoLastTrinn: 'SFO: gratis timer til og med',
  sfoLastTrinnHint: 'Loven gir gratis timer på 1.–3. trinn. Skoleeier kan ta med 4. trinn.',
  sfoTrinn3: '3. trinn',
  sfoTrinn4: '4. trinn',
  errors: {
    limit: 'Skriv et helt tall fra 0 til 190.',
    time: 'Skriv et klokkeslett som tt:mm, for eksempel 10:00.',
    freeHours: 'Skriv et helt tall fra 12 til 40.',
    lastTrinn: 'Velg 3. eller 4. trinn.',
  },
};

export type OwnerSettingsMessages = typeof nb;

const nn: OwnerSettingsMessages = {
  title: 'Innstillingar for skuleeigar',
  link: 'Innstillingar: permisjon og fråværsoppfølging',
  lead: 'Desse reglane gjeld alle skulane til {name}.',
  leaveLimit: 'Permisjon: høgaste tal på skuledagar per skuleår',
  leaveLimitHint:
    'Etter den lokale forskrifta til kommunen om permisjon (opplæringslova § 2-2). Føresette blir varsla når ein søknad går over grensa.',
  followUpTime: 'Fråværsoppfølging: klokkeslett kvar skuledag',
  followUpTimeHint:
    'Skriv som tt:mm, til dømes 10:00. Då får føresette til elevar som er registrerte borte utan melding heimanfrå, ein førespurnad.',
  save: 'Lagre',
  saved: 'Innstillingane er lagra.',
  errorSummary: 'Skjemaet har feil',
  sfoFreeHours: 'SFO: gratis timar per veke',
  sfoFreeHoursHint: 'Minst 12 timar i veka etter lova. Blir trekte frå prisen i forhold til timane i plassen.',
  sfoLastTrinn: 'SFO: gratis timar til og med',
  sfoLastTrinnHint: 'Lova gir gratis timar på 1.–3. trinn. Skuleeigaren kan ta med 4. trinn.',
  sfoTrinn3: '3. trinn',
  sfoTrinn4: '4. trinn',
  errors: {
    limit: 'Skriv eit heilt tal frå 0 til 190.',
    time: 'Skriv eit klokkeslett som tt:mm, til dømes 10:00.',
    freeHours: 'Skriv eit heilt tal frå 12 til 40.',
    lastTrinn: 'Vel 3. eller 4. trinn.',
  },
};

const en: OwnerSettingsMessages = {
  title: 'School owner settings',
  link: 'Settings: leave and absence follow-up',
  lead: 'These rules apply to every school of {name}.',
  leaveLimit: 'Leave: most school days per school year',
  leaveLimitHint:
    'As the local regulation on leave says (Education Act § 2-2). Guardians are warned when an application goes over the limit.',
  followUpTime: 'Absence follow-up: time of day on each school day',
  followUpTimeHint:
    'Write it as hh:mm, for example 10:00. Guardians of pupils registered absent without a message from home then get a request.',
  save: 'Save',
  saved: 'The settings have been saved.',
  errorSummary: 'The form has errors',
  sfoFreeHours: 'SFO: free hours a week',
  sfoFreeHoursHint: 'At least 12 hours a week by law. Deducted from the price in proportion to the hours of the place.',
  sfoLastTrinn: 'SFO: free hours up to and including',
  sfoLastTrinnHint: 'The law gives free hours in years 1–3. The school owner may add year 4.',
  sfoTrinn3: 'Year 3',
  sfoTrinn4: 'Year 4',
  errors: {
    limit: 'Enter a whole number from 0 to 190.',
    time: 'Enter a time as hh:mm, for example 10:00.',
    freeHours: 'Enter a whole number from 12 to 40.',
    lastTrinn: 'Choose year 3 or 4.',
  },
};

export const ownerSettingsText = { nb, nn, en };
