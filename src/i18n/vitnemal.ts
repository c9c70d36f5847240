/** The vitnemål absence view (leadership, 8.–10. trinn). */
const nb = {
  title: 'Fravær til vitnemålet – {name}',
  link: 'Fravær til vitnemålet',
  lead: 'Skoleåret {year}, {school}, {trinn}. trinn. Fravær føres på vitnemålet i dager og enkelttimer hver for seg, og timer gjøres aldri om til dager. Inntil {max} dager innvilget permisjon og dokumentert fravær av helsegrunner i året føres ikke på vitnemålet.',
  caption: 'Fravær per elev hittil i skoleåret',
  pupil: 'Elev',
  days: 'Dager',
  hours: 'Timer',
  leave: 'Herav permisjon (dager)',
  deductibleDays: 'Trekkes fra (dager)',
  deductibleHours: 'Trekkes fra (timer)',
  onVitnemalDays: 'På vitnemålet: dager',
  onVitnemalHours: 'På vitnemålet: timer',
  late: 'For sent',
  documentedHint: 'Dokumentert fravær av helsegrunner merkes på elevens fraværsside («Dokumentasjon mottatt»).',
  empty: 'Klassen har ingen elever.',
};

export type VitnemalMessages = typeof nb;

const nn: VitnemalMessages = {
  title: 'Fråvær til vitnemålet – {name}',
  link: 'Fråvær til vitnemålet',
  lead: 'Skuleåret {year}, {school}, {trinn}. trinn. Fråvær blir ført på vitnemålet i dagar og enkelttimar kvar for seg, og timar blir aldri gjorde om til dagar. Inntil {max} dagar innvilga permisjon og dokumentert fråvær av helsegrunnar i året blir ikkje førte på vitnemålet.',
  caption: 'Fråvær per elev hittil i skuleåret',
  pupil: 'Elev',
  days: 'Dagar',
  hours: 'Timar',
  leave: 'Av dette permisjon (dagar)',
  deductibleDays: 'Blir trekt frå (dagar)',
  deductibleHours: 'Blir trekt frå (timar)',
  onVitnemalDays: 'På vitnemålet: dagar',
  onVitnemalHours: 'På vitnemålet: timar',
  late: 'For seint',
  documentedHint: 'Dokumentert fråvær av helsegrunnar blir merkt på fråværssida til eleven («Dokumentasjon motteken»).',
  empty: 'Klassen har ingen elevar.',
};

const en: VitnemalMessages = {
  title: 'Absence for the leaving certificate – {name}',
  link: 'Absence for the leaving certificate',
  lead: 'School year {year}, {school}, year {trinn}. Absence goes on the vitnemål in days and single hours, separately; hours are never converted into days. Up to {max} days a year of granted leave and documented absence for health reasons are left off.',
  caption: 'Absence per pupil so far this school year',
  pupil: 'Pupil',
  days: 'Days',
  hours: 'Hours',
  leave: 'Of which leave (days)',
  deductibleDays: 'Deducted (days)',
  deductibleHours: 'Deducted (hours)',
  onVitnemalDays: 'On the vitnemål: days',
  onVitnemalHours: 'On the vitnemål: hours',
  late: 'Late',
  documentedHint:
    'Documented absence for health reasons is marked on the pupil\'s absence page ("Documentation received").',
  empty: 'The class has no pupils.',
};

export const vitnemalText = { nb, nn, en };
