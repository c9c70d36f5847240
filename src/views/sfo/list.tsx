import { fill } from '../../i18n/index.ts';
import { sfoAdminText } from '../../i18n/sfo-admin.ts';
import { link } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';

export interface SfoListItem {
  sfoId: number;
  name: string;
  schoolName: string;
  links: { href: string; label: string }[];
}

/** /sfo: the SFOs the person may use, each with the pages they may open (src/routes/sfo-admin.tsx SFO_PAGES). */
export function SfoListPage({ page, sfos }: { page: PageContext; sfos: SfoListItem[] }) {
  const t = sfoAdminText[page.locale];
  return (
    <div class="max-w-prose space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {t.title}
      </h1>
      <p safe>{sfos.length ? t.lead : t.none}</p>
      <ul class="space-y-4" role="list">
        {sfos.map((s) => (
          <li class="space-y-2">
            <h2 id={`sfo-${s.sfoId}`} class="text-xl font-semibold" safe>
              {fill(t.sfoAt, { sfo: s.name, school: s.schoolName })}
            </h2>
            <ul class="flex flex-wrap gap-x-6 gap-y-2" aria-labelledby={`sfo-${s.sfoId}`} role="list">
              {s.links.map((l) => (
                <li>
                  <a href={l.href} class={link} safe>
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
