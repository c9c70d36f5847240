import { LOCALES, messages } from '../../i18n/index.ts';
import type { PageContext } from '../page-context.ts';
import { languagePaths } from '../../paths/language.ts';

/** Three buttons posting the choice; works without JavaScript (POST → redirect back). */
export function LanguageSwitch({ page }: { page: PageContext }) {
  return (
    <form method="post" action={languagePaths.choice} class="flex items-center gap-1 text-sm">
      <input type="hidden" name="return_to" value={page.path} />
      <fieldset class="flex items-center gap-1">
        <legend class="sr-only" safe>
          {page.t.language.choose}
        </legend>
        {LOCALES.map((locale) => (
          <button
            type="submit"
            name="lang"
            value={locale}
            lang={messages(locale).meta.htmlLang}
            aria-pressed={locale === page.locale ? 'true' : 'false'}
            class={
              locale === page.locale
                ? 'rounded px-2 py-1 font-semibold underline underline-offset-4 text-sky-900'
                : 'rounded px-2 py-1 text-slate-700 hover:bg-slate-100'
            }
            safe
          >
            {messages(locale).meta.languageName}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
