import { link } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';
import { pagePaths } from '../../paths/pages.ts';

export type ErrorStatus = 400 | 403 | 404 | 405 | 422 | 429 | 500 | 503;

export function ErrorPage({ page, status, detail }: { page: PageContext; status: ErrorStatus; detail?: string }) {
  const t = page.t.errors;
  return (
    <div class="max-w-prose space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {t.title[status]}
      </h1>
      <p safe>{detail ?? t.body[status]}</p>
      <p>
        <a href={pagePaths.front} class={link} safe>
          {t.backHome}
        </a>
      </p>
    </div>
  );
}
