/**
 * Skolestartere (issue 12): a child admitted to 1. trinn from a later day. Before the first school day the guardians
 * reach only the child's SFO screen (apply for a place from the first school day, answer the summer SFO).
 */
const nb = {
  startsOn: 'Skolestarter fra {date}',
  sfoLink: 'SFO for {name}',
  lead: 'Før første skoledag finner du her SFO for {name}: søk om plass fra første skoledag, og svar på sommer-SFO. Resten av barnesiden åpner når {name} har begynt på skolen.',
};

const nn: typeof nb = {
  startsOn: 'Skulestartar frå {date}',
  sfoLink: 'SFO for {name}',
  lead: 'Før første skuledag finn du her SFO for {name}: søk om plass frå første skuledag, og svar på sommar-SFO. Resten av barnesida opnar når {name} har byrja på skulen.',
};

const en: typeof nb = {
  startsOn: 'Starting school on {date}',
  sfoLink: 'SFO for {name}',
  lead: 'Before the first school day you find the SFO for {name} here: apply for a place from the first school day, and answer the summer SFO. The rest of the child page opens when {name} has started school.',
};

export const startersText = { nb, nn, en };
