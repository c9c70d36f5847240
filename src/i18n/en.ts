import type { Messages } from './nb.ts';

/** English. */
export const en: Messages = {
  meta: { languageName: 'English', htmlLang: 'en' },
  app: {
    name: 'Skolebro',
    tagline: 'School and home in one browser',
    skipToContent: 'Skip to main content',
    mainNav: 'Main menu',
    home: 'Home',
  },
  language: {
    legend: 'Language',
    choose: 'Choose language',
    changed: 'The language has been changed.',
  },
  front: {
    title: 'Welcome to Skolebro',
    lead: 'Skolebro brings together what school, after-school care (SFO) and home need to share: absence, leave, consents, messages and documents. It works in every browser, without an app and without JavaScript.',
    forGuardians: 'For guardians',
    forGuardiansText: 'See your children, report absence, apply for leave, give consents and write to the school. You log in with ID-porten.',
    forStaff: 'For staff and pupils',
    forStaffText: 'Register absence, see classes and groups, send messages to homes. You log in with Feide.',
  },
  footer: {
    about: 'Skolebro is free software for Norwegian municipalities and school owners.',
    accessibility: 'Accessibility statement',
    privacy: 'Privacy',
  },
  accessibility: {
    title: 'Accessibility statement',
    body: 'Skolebro aims to meet WCAG 2.1 level AA, as the Norwegian regulation on universal design of ICT requires. Every page works with a keyboard and a screen reader, and without JavaScript. If something does not work for you, contact your school and we will fix it.',
  },
  privacy: {
    title: 'Privacy',
    body: 'Skolebro processes personal data about pupils, guardians and staff on behalf of the school owner (the municipality or private school owner), who is the data controller. We store only what the school needs, show it only to those who need it for their work, and log who has viewed a pupil card.',
  },
  errors: {
    title: { 400: 'Bad request', 403: 'No access', 404: 'Page not found', 405: 'Not allowed', 422: 'The form has errors', 429: 'Too many attempts', 500: 'Something went wrong', 503: 'Service unavailable' },
    body: {
      400: 'The request could not be processed.',
      403: 'You do not have access to this. If you think you should, contact the school.',
      404: 'The page does not exist, or you do not have access to it.',
      405: 'This action is not allowed here.',
      422: 'Correct the errors in the form and try again.',
      429: 'You have tried too many times. Wait a moment and try again.',
      500: 'An error occurred on our side. Please try again shortly. The error has been logged.',
      503: 'The service is temporarily unavailable. Please try again shortly.',
    },
    backHome: 'Go to the home page',
    csrf: 'The form was sent from another site and was rejected for security reasons. Go back and try again.',
    summaryHeading: 'The form has errors',
  },
};
