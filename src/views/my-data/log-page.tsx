import type { ChildLogPage } from '../../domain/privacy/child-log.ts';
import { fill } from '../../i18n/index.ts';
import { myDataText } from '../../i18n/my-data.ts';
import { myDataPaths } from '../../paths/my-data.ts';
import { link } from '../components/classes.ts';
import { Pager } from '../components/pager.tsx';
import type { PageContext } from '../page-context.ts';
import { LogTable } from './page.tsx';

/** G16: the whole log of one child, newest first, a page at a time (GET /me/data/children/:childId/log?page=). */
export function ChildLogPageView({ page, log }: { page: PageContext; log: ChildLogPage }) {
  const t = myDataText[page.locale];
  return (
    <div class="space-y-4">
      <p>
        <a href={myDataPaths.page} class={link} safe>
          {t.back}
        </a>
      </p>
      <h1 class="text-3xl font-bold" safe>
        {fill(t.logTitle, { name: log.childName })}
      </h1>
      <p class="max-w-prose" safe>
        {t.logLead}
      </p>
      {log.page > 1 ? <p safe>{fill(t.logPage, { page: log.page })}</p> : ''}
      <LogTable page={page} name={log.childName} entries={log.entries} />
      <Pager
        label={fill(t.logTitle, { name: log.childName })}
        page={log.page}
        hasNext={log.more}
        href={(n) => myDataPaths.log(log.childId, n)}
        previousText={t.logNewer}
        nextText={t.logOlder}
      />
    </div>
  );
}
