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
  errors: { limit: 'Skriv et helt tall fra 0 til 190.', time: 'Skriv et klokkeslett som tt:mm, for eksempel 10:00.' },
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
  errors: { limit: 'Skriv eit heilt tal frå 0 til 190.', time: 'Skriv eit klokkeslett som tt:mm, til dømes 10:00.' },
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
  errors: { limit: 'Enter a whole number from 0 to 190.', time: 'Enter a time as hh:mm, for example 10:00.' },
};

export const ownerSettingsText = { nb, nn, en };
