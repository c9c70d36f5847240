/**
 * Pages of the built-in test identity provider (login, logout, error) and their two static assets.
 * Always Norwegian bokmål; no inline script or style (see the CSP set in interactions.ts).
 */

import type { Children } from '@kitajs/html';

export type IdpKind = 'idporten' | 'feide';

export const ACR_SUBSTANTIAL = 'idporten-loa-substantial';
export const ACR_HIGH = 'idporten-loa-high';

export const ASSET_PATHS = { css: '/assets/test-idp.css', logoutScript: '/assets/test-idp-logout.js' } as const;

export const IDP_CSS = `:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;line-height:1.5}
body{margin:0}
main{max-width:42rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.75rem;margin:0 0 .75rem}
h2{font-size:1.25rem;margin:1.75rem 0 .5rem}
h3{font-size:1.05rem;margin:1rem 0 .25rem}
.note{background:#fff4ce;border-left:4px solid #7a5c00;padding:.5rem .75rem;margin:0 0 1rem}
.error{color:#a30000;font-weight:600}
fieldset{border:1px solid #6b6b6b;border-radius:.25rem;padding:.5rem 1rem .75rem;margin:1rem 0}
legend{font-weight:600;padding:0 .25rem}
.choice{display:block;margin:.25rem 0}
.field label{display:block;font-weight:600}
.hint{display:block;color:#4a4a4a;font-size:.95rem}
input[type=text]{font:inherit;padding:.45rem .5rem;border:2px solid #4a4a4a;border-radius:.25rem;width:100%;max-width:16rem;box-sizing:border-box;margin:.25rem .5rem .25rem 0}
input[aria-invalid=true]{border-color:#a30000}
button{font:inherit;padding:.45rem 1rem;border-radius:.25rem;border:2px solid #0b3d91;background:#0b3d91;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b3d91}
ul.users{list-style:none;padding:0;margin:0}
ul.users li{margin:.35rem 0}
ul.users button{width:100%;text-align:left;background:#fff;color:#0b3d91}
ul.users button:hover,button.secondary:hover{background:#e8f0fe}
.actions{margin-top:2rem}
:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px;box-shadow:0 0 0 5px #ffd100}
iframe.frontchannel{display:none}
`;

/** Submits the logout form once every front-channel iframe has loaded (window load), at the latest after 3 s. */
export const LOGOUT_SCRIPT = `(function () {
  var form = document.getElementById('logout-form');
  if (!form) return;
  var sent = false;
  function go() { if (!sent) { sent = true; form.submit(); } }
  if (document.readyState === 'complete') { go(); return; }
  window.addEventListener('load', go);
  setTimeout(go, 3000);
})();
`;

export function idpTitle(kind: IdpKind): string {
  return kind === 'idporten' ? 'ID-porten (test)' : 'Feide (test)';
}

const TEST_NOTICE = 'Dette er en innebygd testinnlogging for demoen, og den blir aldri brukt i produksjon.';

function Document({ title, script, children }: { title: string; script?: string; children: Children }) {
  return (
    <>
      {'<!doctype html>'}
      <html lang="nb">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title safe>{title}</title>
          <link rel="stylesheet" href={ASSET_PATHS.css} />
          {script ? <script src={script} defer></script> : ''}
        </head>
        <body>
          <main id="main">{children}</main>
        </body>
      </html>
    </>
  );
}

export interface LoginPageUser {
  id: string;
  name: string;
  role: string;
}

export interface LoginPageProps {
  kind: IdpKind;
  loginAction: string;
  abortAction: string;
  users: LoginPageUser[];
  /** ID-porten only: the preselected assurance level. */
  acr?: string;
  /** ID-porten only: the fødselsnummer typed in (kept on an error). */
  pid?: string;
  /** Feide only: the Feide name typed in (kept on an error). */
  feideUser?: string;
  error?: string;
}

function groupByRole(users: LoginPageUser[]): [string, LoginPageUser[]][] {
  const groups = new Map<string, LoginPageUser[]>();
  for (const user of users) {
    const group = groups.get(user.role);
    if (group) group.push(user);
    else groups.set(user.role, [user]);
  }
  return [...groups];
}

function UserList({ users }: { users: LoginPageUser[] }) {
  const groups = groupByRole(users);
  if (users.length === 0) return <p>Ingen testbrukere er registrert.</p>;
  return (
    <>
      {groups.map(([role, members]) => (
        <section aria-labelledby={`role-${slug(role)}`}>
          <h3 id={`role-${slug(role)}`} safe>
            {role}
          </h3>
          <ul class="users">
            {members.map((user) => (
              <li>
                <button type="submit" name="user" value={user.id} safe>
                  {`${user.name} — ${user.role}`}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function slug(text: string): string {
  let hash = 0;
  for (const ch of text) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return hash.toString(36);
}

export function LoginPage(props: LoginPageProps) {
  const title = idpTitle(props.kind);
  const idporten = props.kind === 'idporten';
  const acr = props.acr === ACR_HIGH ? ACR_HIGH : ACR_SUBSTANTIAL;
  return (
    <Document title={title}>
      <h1 safe>{title}</h1>
      <p class="note">{TEST_NOTICE}</p>
      {props.error ? (
        <p class="error" role="alert" id="login-error" safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
      <form method="post" action={props.loginAction}>
        {idporten ? (
          <>
            <fieldset>
              <legend>Sikkerhetsnivå</legend>
              <label class="choice">
                <input type="radio" name="acr" value={ACR_SUBSTANTIAL} checked={acr === ACR_SUBSTANTIAL} /> Betydelig
                (idporten-loa-substantial)
              </label>
              <label class="choice">
                <input type="radio" name="acr" value={ACR_HIGH} checked={acr === ACR_HIGH} /> Høyt (idporten-loa-high)
              </label>
            </fieldset>
            <h2>Logg inn med fødselsnummer</h2>
            <div class="field">
              <label for="pid">Fødselsnummer (11 siffer)</label>
              <span class="hint" id="pid-hint">
                Syntetisk testnummer, slik som i TestID.
              </span>
              <input
                type="text"
                id="pid"
                name="pid"
                inputmode="numeric"
                autocomplete="off"
                maxlength="11"
                value={props.pid ?? ''}
                aria-describedby={props.error ? 'pid-hint login-error' : 'pid-hint'}
                aria-invalid={props.error ? 'true' : undefined}
              />
              <button type="submit" name="action" value="pid">
                Logg inn
              </button>
            </div>
            <h2>Eller velg en testbruker</h2>
          </>
        ) : (
          <>
            <h2>Logg inn med Feide-navn</h2>
            <div class="field">
              <label for="feide-user">Feide-navn (brukernavn@organisasjon)</label>
              <span class="hint" id="feide-user-hint">
                For en ansatt eller elev som ikke står i listen, for eksempel en som nettopp har fått en rolle.
              </span>
              <input
                type="text"
                id="feide-user"
                name="feide_user"
                autocomplete="off"
                maxlength="200"
                value={props.feideUser ?? ''}
                aria-describedby={props.error ? 'feide-user-hint login-error' : 'feide-user-hint'}
                aria-invalid={props.error ? 'true' : undefined}
              />
              <button type="submit" name="action" value="feide_user">
                Logg inn
              </button>
            </div>
            <h2>Eller velg en testbruker</h2>
          </>
        )}
        <UserList users={props.users} />
      </form>
      <form method="post" action={props.abortAction} class="actions">
        <button type="submit" class="secondary">
          Avbryt innloggingen
        </button>
      </form>
    </Document>
  );
}

export interface LogoutPageProps {
  kind: IdpKind;
  confirmAction: string;
  xsrf: string;
  /** Front-channel logout URLs (`<frontchannel_logout_uri>?iss=…&sid=…`) to load in hidden iframes. */
  frontchannelUrls: string[];
}

/** Shown briefly during RP-initiated logout; the script submits the form (button for no-JS). */
export function LogoutPage(props: LogoutPageProps) {
  const title = idpTitle(props.kind);
  return (
    <Document title={`Logger ut – ${title}`} script={ASSET_PATHS.logoutScript}>
      <h1 safe>{title}</h1>
      <p class="note">{TEST_NOTICE}</p>
      <p>Du blir logget ut av alle tjenester i denne økten.</p>
      {props.frontchannelUrls.map((url) => (
        <iframe class="frontchannel" data-frontchannel="" src={url} title="Utlogging fra tjeneste"></iframe>
      ))}
      <form id="logout-form" method="post" action={props.confirmAction}>
        <input type="hidden" name="xsrf" value={props.xsrf} />
        <input type="hidden" name="logout" value="yes" />
        <button type="submit">Fortsett</button>
      </form>
    </Document>
  );
}

export function LoggedOutPage({ kind }: { kind: IdpKind }) {
  const title = idpTitle(kind);
  return (
    <Document title={`Logget ut – ${title}`}>
      <h1 safe>{title}</h1>
      <p class="note">{TEST_NOTICE}</p>
      <p>Du er logget ut. Du kan lukke dette vinduet.</p>
    </Document>
  );
}

export function ErrorPage({ kind, message, details }: { kind?: IdpKind; message: string; details?: string[] }) {
  const title = kind ? idpTitle(kind) : 'Testinnlogging';
  return (
    <Document title={`Feil – ${title}`}>
      <h1 safe>{title}</h1>
      <p class="note">{TEST_NOTICE}</p>
      <p class="error" safe>
        {message}
      </p>
      {details && details.length > 0 ? (
        <ul>
          {details.map((line) => (
            <li safe>{line}</li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </Document>
  );
}
