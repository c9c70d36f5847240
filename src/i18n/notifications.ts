/** In-app notification texts for absence and leave events (the consent texts live in consents.ts). */
const nb = {
  absenceFollowUp:
    '{pupil} er registrert borte fra skolen {date}, og skolen har ikke fått melding hjemmefra. Meld fravær, eller ta kontakt med skolen.',
  leaveConfirmationRequested:
    '{applicant} har søkt om permisjon for {pupil} {from}–{to}. Søknaden går til skolen først når du har bekreftet den.',
  leaveDeclined: '{guardian} bekreftet ikke permisjonssøknaden for {pupil} {from}–{to}. Den er ikke sendt til skolen.',
  leaveSubmitted: 'Ny permisjonssøknad for {pupil} {from}–{to}.',
  leaveDecided: 'Vedtak om permisjon for {pupil}: {outcome}. Vedtaksbrevet ligger under dokumenter.',
  outcome: { granted: 'innvilget', partly_granted: 'delvis innvilget', refused: 'avslått' },
  formSent: 'Nytt skjema fra skolen: «{title}». Svar innen {deadline}.',
  sfoSummerSent: 'Påmelding til sommer-SFO ved {sfo} for {pupil}. Svar innen {deadline}.',
  open: 'Åpne',
};

export type NotificationMessages = typeof nb;

const nn: NotificationMessages = {
  absenceFollowUp:
    '{pupil} er registrert borte frå skulen {date}, og skulen har ikkje fått melding heimanfrå. Meld fråvær, eller ta kontakt med skulen.',
  leaveConfirmationRequested:
    '{applicant} har søkt om permisjon for {pupil} {from}–{to}. Søknaden går til skulen først når du har stadfesta han.',
  leaveDeclined: '{guardian} stadfesta ikkje permisjonssøknaden for {pupil} {from}–{to}. Han er ikkje send til skulen.',
  leaveSubmitted: 'Ny permisjonssøknad for {pupil} {from}–{to}.',
  leaveDecided: 'Vedtak om permisjon for {pupil}: {outcome}. Vedtaksbrevet ligg under dokument.',
  outcome: { granted: 'innvilga', partly_granted: 'delvis innvilga', refused: 'avslått' },
  formSent: 'Nytt skjema frå skulen: «{title}». Svar innan {deadline}.',
  sfoSummerSent: 'Påmelding til sommar-SFO ved {sfo} for {pupil}. Svar innan {deadline}.',
  open: 'Opne',
};

const en: NotificationMessages = {
  absenceFollowUp:
    '{pupil} was registered absent from school on {date}, and the school has had no message from home. Report the absence, or contact the school.',
  leaveConfirmationRequested:
    '{applicant} has applied for leave for {pupil} {from}–{to}. The application goes to the school only when you have confirmed it.',
  leaveDeclined:
    '{guardian} did not confirm the leave application for {pupil} {from}–{to}. It has not been sent to the school.',
  leaveSubmitted: 'New leave application for {pupil} {from}–{to}.',
  leaveDecided: 'Decision on leave for {pupil}: {outcome}. The decision letter is under documents.',
  outcome: { granted: 'granted', partly_granted: 'partly granted', refused: 'refused' },
  formSent: 'New form from the school: “{title}”. Answer by {deadline}.',
  sfoSummerSent: 'Summer SFO registration at {sfo} for {pupil}. Answer by {deadline}.',
  open: 'Open',
};

export const notificationText = { nb, nn, en };
