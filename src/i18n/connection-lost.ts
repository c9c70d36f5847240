/** The page for a request that failed because the database connection was lost (503; src/routes/errors.tsx). */
const nb = {
  titleSend: 'Det du sendte, ble ikke lagret',
  titleShow: 'Siden kunne ikke vises',
  leadSend:
    'Vi mistet forbindelsen til databasen mens vi behandlet det du sendte. Ingenting ble lagret. Det du skrev, står under, så du kan prøve igjen eller ta vare på det.',
  leadShow: 'Vi mistet forbindelsen til databasen. Prøv igjen om litt.',
  yourText: 'Det du skrev',
  field: 'Felt',
  filesDropped: 'Vedlegg ble ikke med. Legg dem ved på nytt i skjemaet.',
  retry: 'Prøv igjen',
  retryHint: '«Prøv igjen» sender det samme en gang til.',
};

export type ConnectionLostMessages = typeof nb;

const nn: ConnectionLostMessages = {
  titleSend: 'Det du sende, vart ikkje lagra',
  titleShow: 'Sida kunne ikkje visast',
  leadSend:
    'Vi mista sambandet med databasen medan vi handsama det du sende. Ingenting vart lagra. Det du skreiv, står under, så du kan prøve igjen eller ta vare på det.',
  leadShow: 'Vi mista sambandet med databasen. Prøv igjen om litt.',
  yourText: 'Det du skreiv',
  field: 'Felt',
  filesDropped: 'Vedlegg vart ikkje med. Legg dei ved på nytt i skjemaet.',
  retry: 'Prøv igjen',
  retryHint: '«Prøv igjen» sender det same ein gong til.',
};

const en: ConnectionLostMessages = {
  titleSend: 'What you sent was not saved',
  titleShow: 'The page could not be shown',
  leadSend:
    'We lost the connection to the database while handling what you sent. Nothing was saved. What you wrote is below, so you can try again or keep a copy.',
  leadShow: 'We lost the connection to the database. Please try again in a moment.',
  yourText: 'What you wrote',
  field: 'Field',
  filesDropped: 'Attachments were not kept. Attach them again in the form.',
  retry: 'Try again',
  retryHint: '"Try again" sends the same once more.',
};

export const connectionLostText = { nb, nn, en };
