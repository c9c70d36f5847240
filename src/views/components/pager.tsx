import { link } from './classes.ts';

/** Previous / next page links for a list numbered from 1 (plain links: no JavaScript needed). */
export function Pager({
  label,
  page,
  hasNext,
  href,
  previousText,
  nextText,
}: {
  label: string;
  page: number;
  hasNext: boolean;
  href: (page: number) => string;
  previousText: string;
  nextText: string;
}) {
  if (page <= 1 && !hasNext) return '';
  return (
    <nav aria-label={label} class="flex flex-wrap gap-x-6 gap-y-2">
      {page > 1 ? (
        <a href={href(page - 1)} class={link} rel="prev" safe>
          {previousText}
        </a>
      ) : (
        ''
      )}
      {hasNext ? (
        <a href={href(page + 1)} class={link} rel="next" safe>
          {nextText}
        </a>
      ) : (
        ''
      )}
    </nav>
  );
}
