import { fuzzActors } from '../support/fuzz.ts';

// Hostile input over everything these logins reach: see test/support/fuzz.ts.
fuzzActors(['contact-teacher', 'leadership']);
