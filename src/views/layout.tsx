import type { Children } from '@kitajs/html';
import type { PageContext } from './page-context.ts';
import { navLink } from './components/classes.ts';
import { LanguageSwitch } from './components/language-switch.tsx';
import { StaffNav } from './components/staff-nav.tsx';
import { fill } from '../i18n/index.ts';
import { myDataText } from '../i18n/my-data.ts';
import { assetPaths } from '../paths/assets.ts';
import { authPaths } from '../paths/auth.ts';
import { contactCardPaths } from '../paths/contact-card.ts';
import { devOutboxPaths } from '../paths/dev-outbox.ts';
import { homePaths } from '../paths/home.ts';
import { letterPaths } from '../paths/letters.ts';
import { myDataPaths } from '../paths/my-data.ts';
import { pagePaths } from '../paths/pages.ts';
import { contactText } from '../i18n/contact.ts';
import { mobileText } from '../i18n/mobile.ts';

interface LayoutProps {
  page: PageContext;
  title: string;
  children: Children;
}

/** The one HTML document shell: landmarks, skip link, language switch, visible focus (see app.css). */
export function Layout({ page, title, children }: LayoutProps) {
  const t = page.t;
  return (
    <>
      {'<!doctype html>'}
      <html lang={t.meta.htmlLang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="htmx-config" content='{"includeIndicatorCSS":false}' />
          <title safe>{`${title} – ${t.app.name}`}</title>
          <link rel="stylesheet" href={page.assets.css} />
          <link rel="icon" href={assetPaths.favicon} type="image/svg+xml" />
          <script src={page.assets.htmx} defer></script>
        </head>
        <body class="min-h-screen flex flex-col bg-slate-50 text-slate-900">
          <a href="#main" class="skip-link" safe>
            {t.app.skipToContent}
          </a>
          <header class="border-b border-slate-200 bg-white">
            <div class="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
              <a href={pagePaths.front} class="text-xl font-bold text-sky-900 no-underline" safe>
                {t.app.name}
              </a>
              <nav aria-label={t.app.mainNav} class="flex flex-wrap items-center gap-4">
                {page.userName ? (
                  <>
                    <a href={homePaths.start} class={navLink} safe>
                      {t.home.title}
                    </a>
                    {page.isGuardian ? (
                      <a href={contactCardPaths.card} class={navLink} safe>
                        {contactText[page.locale].nav}
                      </a>
                    ) : (
                      ''
                    )}
                    {page.userName ? (
                      <a href={myDataPaths.page} class={navLink} safe>
                        {myDataText[page.locale].title}
                      </a>
                    ) : (
                      ''
                    )}
                    {page.mobileSwitch ? (
                      <a href={page.mobileSwitch} class={navLink} data-view-switch="mobile" safe>
                        {mobileText[page.locale].mobileVersion}
                      </a>
                    ) : (
                      ''
                    )}
                    <span class="text-sm text-slate-700" safe>
                      {fill(t.auth.loggedInAs, { name: page.userName })}
                    </span>
                    <form method="post" action={authPaths.logout}>
                      <button
                        type="submit"
                        class="rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100"
                        safe
                      >
                        {t.auth.logout}
                      </button>
                    </form>
                  </>
                ) : (
                  <a
                    href={authPaths.login}
                    class="rounded bg-sky-800 px-3 py-1.5 font-semibold text-white hover:bg-sky-900"
                    safe
                  >
                    {t.auth.chooserTitle}
                  </a>
                )}
              </nav>
              <LanguageSwitch page={page} />
            </div>
          </header>
          <StaffNav page={page} />
          <main id="main" tabindex="-1" class="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
            {children}
          </main>
          <footer class="border-t border-slate-200 bg-white">
            <div class="mx-auto flex max-w-5xl flex-wrap gap-x-6 gap-y-2 px-4 py-4 text-sm text-slate-700">
              <p safe>{t.footer.about}</p>
              <a href={pagePaths.accessibility} class="underline" safe>
                {t.footer.accessibility}
              </a>
              <a href={pagePaths.privacy} class="underline" safe>
                {t.footer.privacy}
              </a>
            </div>
            {page.devTools ? (
              <nav
                aria-label={t.footer.devTools}
                class="mx-auto flex max-w-5xl flex-wrap gap-x-6 gap-y-2 px-4 pb-4 text-sm text-slate-700"
              >
                <span safe>{t.footer.devTools}:</span>
                <a href={devOutboxPaths.sms} class="underline" safe>
                  {t.footer.devSms}
                </a>
                <a href={devOutboxPaths.mail} class="underline" safe>
                  {t.footer.devMail}
                </a>
                <a href={letterPaths.devDigitalPost} class="underline" safe>
                  {t.footer.devDigitalPost}
                </a>
              </nav>
            ) : (
              ''
            )}
          </footer>
        </body>
      </html>
    </>
  );
}
