import type { LoginFailure } from '../../domain/identity/login.ts';
import { link } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';
import { authPaths } from '../../paths/auth.ts';
import { mobileText } from '../../i18n/mobile.ts';

/** The login chooser: guardians go to ID-porten (with "Husk meg"), staff and pupils to Feide. No JS needed. */
export function LoginChooser({
  page,
  returnTo,
  demo,
  phone = false,
}: {
  page: PageContext;
  returnTo: string;
  demo: boolean;
  /** The mobile view (a phone, or the remembered choice): say first how a guardian logs in (issue 14, item 2). */
  phone?: boolean;
}) {
  const t = page.t.auth;
  const m = mobileText[page.locale];
  const choice = 'block rounded-lg border-2 border-sky-800 bg-white p-4 text-sky-900 no-underline hover:bg-sky-50';
  return (
    <div class="max-w-xl space-y-6">
      <h1 class="text-3xl font-bold" safe>
        {t.chooserTitle}
      </h1>
      {phone ? (
        <div class="rounded-lg border-l-4 border-sky-800 bg-sky-50 p-3" data-guardian-hint>
          <p class="text-lg font-semibold" safe>
            {m.guardianTitle}
          </p>
          <p safe>{m.guardianLead}</p>
        </div>
      ) : (
        ''
      )}
      <p safe>{t.chooserLead}</p>
      <ul class="space-y-4" role="list">
        <li>
          {/* A GET form, so "Husk meg" travels with the choice without JavaScript (ID-porten only: never for staff). */}
          <form method="get" action={authPaths.loginStart('idporten')} class="space-y-3">
            {returnTo !== '/' ? <input type="hidden" name="return_to" value={returnTo} /> : ''}
            <div class="flex items-start gap-3">
              <input
                type="checkbox"
                id="remember-device"
                name="remember"
                value="on"
                class="mt-1 h-5 w-5 shrink-0"
                aria-describedby="remember-device-hint"
              />
              <div>
                <label for="remember-device" class="font-semibold" safe>
                  {t.rememberDevice}
                </label>
                <p id="remember-device-hint" class="text-sm text-slate-700" safe>
                  {t.rememberDeviceHint}
                </p>
              </div>
            </div>
            <button type="submit" class={`${choice} w-full cursor-pointer text-left`}>
              <span class="block text-xl font-semibold" safe>
                {t.guardianButton}
              </span>
              <span class="block text-slate-700" safe>
                {t.guardianHint}
              </span>
            </button>
          </form>
        </li>
        <li>
          <a href={authPaths.loginStart('feide', returnTo)} class={choice}>
            <span class="block text-xl font-semibold" safe>
              {t.staffButton}
            </span>
            <span class="block text-slate-700" safe>
              {t.staffHint}
            </span>
          </a>
        </li>
      </ul>
      {demo ? (
        <p class="rounded bg-amber-50 p-3 text-amber-950" safe>
          {t.demoNotice}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

/** Why a login did not go through, and what to do. Nothing was created. */
export function LoginFailed({ page, reason }: { page: PageContext; reason: LoginFailure }) {
  const t = page.t.auth;
  const unknown = reason === 'unknown_identity';
  return (
    <div class="max-w-prose space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {unknown ? t.unknownTitle : t.failureTitle}
      </h1>
      <p safe>{t.failure[reason]}</p>
      {unknown ? <p safe>{t.unknownHelp}</p> : ''}
      <p>
        <a href={authPaths.login} class={link} safe>
          {t.tryAgain}
        </a>
      </p>
    </div>
  );
}
