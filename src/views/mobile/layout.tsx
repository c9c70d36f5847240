import type { Children } from '@kitajs/html';
import { mobileText } from '../../i18n/mobile.ts';
import { assetPaths } from '../../paths/assets.ts';
import { authPaths } from '../../paths/auth.ts';
import { homePaths } from '../../paths/home.ts';
import { messagePaths } from '../../paths/messages.ts';
import { mobilePaths } from '../../paths/mobile.ts';
import type { PageContext } from '../page-context.ts';

/** The care tab: the person's board(s) and whether they are SFO or kindergarten; null when they work in none. */
export type CareTab = { href: string; kind: 'sfo' | 'kindergarten' } | null;

type TabKey = 'today' | 'attendance' | 'messages' | 'care';

const current = (key: TabKey, path: string): boolean => {
  if (key === 'today') return path === homePaths.start;
  if (key === 'attendance')
    return path === mobilePaths.attendance || /^\/(classes|groups)\/\d+\/attendance$/.test(path);
  if (key === 'messages') return path === messagePaths.inbox() || path.startsWith(`${messagePaths.inbox()}/`);
  return path === '/care' || path.startsWith('/care/');
};

/**
 * "Skolebro – Ansatt" (issue 14, item 1): the staff's phone shell. A short header with the way to the full version,
 * and a bottom navigation of at most four large targets. Plain links: no JavaScript needed.
 */
export function MobileLayout({
  page,
  title,
  care,
  children,
}: {
  page: PageContext;
  title: string;
  care: CareTab;
  children: Children;
}) {
  const t = mobileText[page.locale];
  const tabs: { key: TabKey; href: string; label: string }[] = [
    { key: 'today', href: homePaths.start, label: t.today },
    { key: 'attendance', href: mobilePaths.attendance, label: t.attendance },
    { key: 'messages', href: messagePaths.inbox(), label: t.messages },
    ...(care ? [{ key: 'care' as const, href: care.href, label: care.kind === 'sfo' ? t.sfo : t.care }] : []),
  ];
  return (
    <>
      {'<!doctype html>'}
      <html lang={page.t.meta.htmlLang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="htmx-config" content='{"includeIndicatorCSS":false}' />
          <title safe>{`${title} – ${t.appName}`}</title>
          <link rel="stylesheet" href={page.assets.css} />
          <link rel="icon" href={assetPaths.favicon} type="image/svg+xml" />
          <script src={page.assets.htmx} defer></script>
        </head>
        <body class="min-h-screen bg-slate-50 pb-24 text-slate-900" data-view="mobile">
          <a href="#main" class="skip-link" safe>
            {page.t.app.skipToContent}
          </a>
          <header class="sticky top-0 z-10 border-b border-slate-200 bg-white">
            <div class="mx-auto flex max-w-2xl items-center justify-between gap-2 px-3 py-2">
              <a href={homePaths.start} class="font-bold text-sky-900 no-underline" safe>
                {t.appName}
              </a>
              <div class="flex items-center gap-1">
                <a
                  href={mobilePaths.choose('full', page.here ?? page.path)}
                  class="inline-flex min-h-11 items-center px-2 text-sm text-sky-900 underline underline-offset-2"
                  data-view-switch="full"
                  safe
                >
                  {t.fullVersion}
                </a>
                <form method="post" action={authPaths.logout}>
                  <button
                    type="submit"
                    class="min-h-11 rounded border border-slate-400 px-2 text-sm hover:bg-slate-100"
                    safe
                  >
                    {page.t.auth.logout}
                  </button>
                </form>
              </div>
            </div>
          </header>
          <main id="main" tabindex="-1" class="mx-auto w-full max-w-2xl overflow-x-hidden px-3 py-4">
            {children}
          </main>
          <nav aria-label={t.tabs} class="fixed inset-x-0 bottom-0 z-10 border-t border-slate-300 bg-white">
            <ul class="mx-auto flex max-w-2xl" role="list">
              {tabs.map((tab) => {
                const here = current(tab.key, page.path);
                return (
                  <li class="flex-1">
                    <a
                      href={tab.href}
                      aria-current={here ? 'page' : undefined}
                      class={`flex min-h-14 items-center justify-center px-1 text-center font-semibold no-underline ${
                        here ? 'bg-sky-800 text-white' : 'text-sky-900 hover:bg-sky-50'
                      }`}
                      safe
                    >
                      {tab.label}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        </body>
      </html>
    </>
  );
}
