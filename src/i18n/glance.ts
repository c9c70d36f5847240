/**
 * The guardian's home page at a glance (G1, issue 19): per child what waits, one tap each; the general consent's
 * state. And the child overview's absence summary and next lessons.
 */
const nb = {
  reportToday: 'Meld fravær i dag',
  reportTodayFor: 'Meld fravær i dag for {name}',
  unreadOne: '1 ulest melding',
  unreadMany: '{count} uleste meldinger',
  formsOne: '1 skjema å svare på',
  formsMany: '{count} skjemaer å svare på',
  confirmation: {
    leave: 'Permisjonssøknad venter på at du bekrefter',
    sfo_place: 'SFO-søknad venter på at du bekrefter',
    sfo_change: 'Endring av SFO-plass venter på at du bekrefter',
    sfo_termination: 'Oppsigelse av SFO-plass venter på at du bekrefter',
    sfo_reduced_payment: 'Søknad om redusert betaling venter på at du bekrefter',
  },
  nothingWaits: 'Ingenting venter på deg.',
  todayHeading: 'I dag',
  noSchoolToday: 'Ingen skole i dag.',
  noLessonsToday: 'Ingen timer i timeplanen i dag.',
  timetable: 'Timeplan',
  generalConsent: {
    heading: 'Samtykke til elektronisk kommunikasjon',
    given: 'Du har samtykket. Skolen kan sende deg beskjeder og skjemaer elektronisk.',
    unanswered: 'Du har ikke svart ennå. Til du samtykker, kan du ikke svare på samtykker for barna her.',
    withdrawn: 'Du har trukket samtykket. Til du samtykker igjen, kan du ikke svare på samtykker for barna her.',
    change: 'Se eller endre samtykket',
    answer: 'Svar nå',
  },
  absenceLink: 'Se alt fravær',
  nextLessonsHeading: 'Neste timer',
  nextLessonsOn: '{day} {date}',
  noNextLessons: 'Ingen timer de neste to ukene.',
};

type Glance = typeof nb;

const nn: Glance = {
  reportToday: 'Meld fråvær i dag',
  reportTodayFor: 'Meld fråvær i dag for {name}',
  unreadOne: '1 ulesen melding',
  unreadMany: '{count} ulesne meldingar',
  formsOne: '1 skjema å svare på',
  formsMany: '{count} skjema å svare på',
  confirmation: {
    leave: 'Permisjonssøknad ventar på at du stadfestar',
    sfo_place: 'SFO-søknad ventar på at du stadfestar',
    sfo_change: 'Endring av SFO-plass ventar på at du stadfestar',
    sfo_termination: 'Oppseiing av SFO-plass ventar på at du stadfestar',
    sfo_reduced_payment: 'Søknad om redusert betaling ventar på at du stadfestar',
  },
  nothingWaits: 'Ingenting ventar på deg.',
  todayHeading: 'I dag',
  noSchoolToday: 'Ingen skule i dag.',
  noLessonsToday: 'Ingen timar i timeplanen i dag.',
  timetable: 'Timeplan',
  generalConsent: {
    heading: 'Samtykke til elektronisk kommunikasjon',
    given: 'Du har samtykt. Skulen kan sende deg beskjedar og skjema elektronisk.',
    unanswered: 'Du har ikkje svart enno. Til du samtykkjer, kan du ikkje svare på samtykke for barna her.',
    withdrawn: 'Du har trekt samtykket. Til du samtykkjer igjen, kan du ikkje svare på samtykke for barna her.',
    change: 'Sjå eller endre samtykket',
    answer: 'Svar no',
  },
  absenceLink: 'Sjå alt fråvær',
  nextLessonsHeading: 'Neste timar',
  nextLessonsOn: '{day} {date}',
  noNextLessons: 'Ingen timar dei neste to vekene.',
};

const en: Glance = {
  reportToday: 'Report absence today',
  reportTodayFor: 'Report absence today for {name}',
  unreadOne: '1 unread message',
  unreadMany: '{count} unread messages',
  formsOne: '1 form to answer',
  formsMany: '{count} forms to answer',
  confirmation: {
    leave: 'A leave application waits for your confirmation',
    sfo_place: 'An SFO application waits for your confirmation',
    sfo_change: 'A change of SFO place waits for your confirmation',
    sfo_termination: 'A termination of the SFO place waits for your confirmation',
    sfo_reduced_payment: 'An application for reduced payment waits for your confirmation',
  },
  nothingWaits: 'Nothing is waiting for you.',
  todayHeading: 'Today',
  noSchoolToday: 'No school today.',
  noLessonsToday: 'No lessons in the timetable today.',
  timetable: 'Timetable',
  generalConsent: {
    heading: 'Consent to electronic communication',
    given: 'You have consented. The school can send you messages and forms electronically.',
    unanswered: 'You have not answered yet. Until you consent, you cannot answer consents for your children here.',
    withdrawn:
      'You have withdrawn your consent. Until you consent again, you cannot answer consents for your children here.',
    change: 'See or change the consent',
    answer: 'Answer now',
  },
  absenceLink: 'See all absence',
  nextLessonsHeading: 'Next lessons',
  nextLessonsOn: '{day} {date}',
  noNextLessons: 'No lessons in the next two weeks.',
};

export const glanceText = { nb, nn, en };
