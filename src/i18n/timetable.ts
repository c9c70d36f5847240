/** The timetable (G5): bokmål is the shape, nynorsk and English fill it. */
const nb = {
  title: 'Timeplan',
  childTitle: 'Timeplan for {name}',
  weekHeading: 'Uke {week}',
  previous: 'Forrige uke',
  next: 'Neste uke',
  weekdays: ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag'],
  noSchool: 'Ingen skole',
  noLessons: 'Ingen timer',
  dayOff: 'Fri',
  noTimetable: 'Du har ingen timeplan.',
  feedHeading: 'Abonner i kalenderen på telefonen',
  feedLead:
    'Lag en hemmelig lenke og legg den inn som kalenderabonnement. Den viser timene de neste fire ukene og fridager. Alle som har lenken, kan se timeplanen.',
  feedCreate: 'Lag kalenderlenke',
  feedReplace: 'Lag ny kalenderlenke (den gamle slutter å virke)',
  feedRevoke: 'Slett kalenderlenken',
  feedActive: 'Du har en aktiv kalenderlenke.',
  feedShown: 'Kopier lenken nå. Den vises bare denne ene gangen:',
  feedRevoked: 'Kalenderlenken er slettet.',
};

export type TimetableMessages = typeof nb;

const nn: TimetableMessages = {
  title: 'Timeplan',
  childTitle: 'Timeplan for {name}',
  weekHeading: 'Veke {week}',
  previous: 'Førre veke',
  next: 'Neste veke',
  weekdays: ['Måndag', 'Tysdag', 'Onsdag', 'Torsdag', 'Fredag'],
  noSchool: 'Ingen skule',
  noLessons: 'Ingen timar',
  dayOff: 'Fri',
  noTimetable: 'Du har ingen timeplan.',
  feedHeading: 'Abonner i kalenderen på telefonen',
  feedLead:
    'Lag ei hemmeleg lenkje og legg henne inn som kalenderabonnement. Ho viser timane dei neste fire vekene og fridagar. Alle som har lenkja, kan sjå timeplanen.',
  feedCreate: 'Lag kalenderlenkje',
  feedReplace: 'Lag ny kalenderlenkje (den gamle sluttar å verke)',
  feedRevoke: 'Slett kalenderlenkja',
  feedActive: 'Du har ei aktiv kalenderlenkje.',
  feedShown: 'Kopier lenkja no. Ho blir berre vist denne eine gongen:',
  feedRevoked: 'Kalenderlenkja er sletta.',
};

const en: TimetableMessages = {
  title: 'Timetable',
  childTitle: 'Timetable for {name}',
  weekHeading: 'Week {week}',
  previous: 'Previous week',
  next: 'Next week',
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  noSchool: 'No school',
  noLessons: 'No lessons',
  dayOff: 'Day off',
  noTimetable: 'You have no timetable.',
  feedHeading: 'Subscribe in your phone calendar',
  feedLead:
    'Create a secret link and add it as a calendar subscription. It shows the lessons for the next four weeks and days off. Anyone with the link can see the timetable.',
  feedCreate: 'Create calendar link',
  feedReplace: 'Create a new calendar link (the old one stops working)',
  feedRevoke: 'Delete the calendar link',
  feedActive: 'You have an active calendar link.',
  feedShown: 'Copy the link now. It is shown only this once:',
  feedRevoked: 'The calendar link has been deleted.',
};

export const timetableText = { nb, nn, en };
