import { checkUntranslated } from '../support/untranslated.ts';

// No raw key on any page of the demo, in this language: see test/support/untranslated.ts.
checkUntranslated('nb');
