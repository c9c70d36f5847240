import type { StatementOwner } from '../../domain/privacy/statement.ts';
import { privacyStatementText } from '../../i18n/privacy-statement.ts';
import { privacyStatementPaths } from '../../paths/privacy-statements.ts';
import { link } from '../components/classes.ts';
import type { PageContext } from '../page-context.ts';

/** /privacy: every school owner, each with a link to its privacy statement. */
export function PrivacyOwnersPage({ page, owners }: { page: PageContext; owners: StatementOwner[] }) {
  const t = privacyStatementText[page.locale];
  return (
    <article class="max-w-prose space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {t.title}
      </h1>
      <p safe>{t.listLead}</p>
      <h2 class="text-xl font-semibold" safe>
        {t.listHeading}
      </h2>
      {owners.length === 0 ? (
        <p safe>{t.noOwners}</p>
      ) : (
        <ul class="list-disc space-y-1 pl-5">
          {owners.map((o) => (
            <li>
              <a href={privacyStatementPaths.owner(o.municipalityId)} class={link} safe>
                {o.name}
              </a>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
