import type { PrivacyStatement } from '../../domain/privacy/statement.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { privacyStatementText } from '../../i18n/privacy-statement.ts';
import { myDataPaths } from '../../paths/my-data.ts';
import { DATATILSYNET_URL, privacyStatementPaths } from '../../paths/privacy-statements.ts';
import { safeHref } from '../../paths/safe.ts';
import { link } from '../components/classes.ts';
import { ProseSection } from '../components/prose-section.tsx';
import type { PageContext } from '../page-context.ts';
import { statementFields } from './default-statement.ts';

/** The link to the data protection officer: an e-mail address as mailto, a web page as it is. */
export const dpoHref = (contact: string) => safeHref(contact.includes('@') ? `mailto:${contact}` : contact);

/** /privacy/:municipalityId: one school owner's privacy statement, its own or the default (issue 16, item 7). */
export function PrivacyStatementPage({ page, statement }: { page: PageContext; statement: PrivacyStatement }) {
  const t = privacyStatementText[page.locale];
  const f = statementFields(statement, page.locale);
  const owner = statement.owner.name;
  const rights = t.rights;
  return (
    <article class="max-w-prose space-y-6">
      <div class="space-y-2">
        <h1 class="text-3xl font-bold" safe>
          {fill(t.statementTitle, { name: owner })}
        </h1>
        <p safe>{fill(t.intro, { name: owner })}</p>
        <p class="text-sm text-slate-700" safe>
          {statement.stored
            ? fill(t.updated, { date: formatDate(statement.stored.updatedAt) })
            : fill(t.defaultNote, { name: owner })}
        </p>
      </div>
      <ProseSection id="controller" heading={t.controllerHeading}>
        <p safe>{fill(t.controllerText, { name: f.controllerName })}</p>
        <dl class="space-y-1">
          <div>
            <dt class="inline font-semibold" safe>
              {t.orgNumber}:
            </dt>{' '}
            <dd class="inline" safe>
              {f.controllerOrgNumber}
            </dd>
          </div>
          {f.controllerAddress ? (
            <div>
              <dt class="inline font-semibold" safe>
                {t.address}:
              </dt>{' '}
              <dd class="inline whitespace-pre-line" safe>
                {f.controllerAddress}
              </dd>
            </div>
          ) : (
            ''
          )}
        </dl>
      </ProseSection>
      <ProseSection id="dpo" heading={t.dpoHeading}>
        <p safe>{f.dpoName}</p>
        {f.dpoContact ? (
          <p>
            <span safe>{t.dpoContact}</span>:{' '}
            <a href={dpoHref(f.dpoContact)} class={link} safe>
              {f.dpoContact}
            </a>
          </p>
        ) : (
          <p safe>{fill(t.dpoFallback, { name: f.controllerName })}</p>
        )}
      </ProseSection>
      <ProseSection id="purposes" heading={t.purposesHeading}>
        <dl class="space-y-3">
          {f.purposes.map((p) => (
            <div>
              <dt class="font-semibold" safe>
                {p.purpose}
              </dt>
              <dd class="pl-4" safe>
                {p.legalBasis}
              </dd>
            </div>
          ))}
        </dl>
      </ProseSection>
      <ProseSection id="recipients" heading={t.recipientsHeading}>
        <p class="whitespace-pre-line" safe>
          {f.recipients}
        </p>
      </ProseSection>
      <ProseSection id="retention" heading={t.retentionHeading}>
        <p class="whitespace-pre-line" safe>
          {f.retention}
        </p>
        <p safe>{t.archiveNote}</p>
      </ProseSection>
      <ProseSection id="rights" heading={t.rightsHeading}>
        <p safe>{fill(t.rightsLead, { name: f.controllerName })}</p>
        <ul class="list-disc space-y-1 pl-5">
          {[
            rights.access,
            rights.rectification,
            rights.erasure,
            rights.restriction,
            rights.objection,
            rights.portability,
          ].map((r) => (
            <li safe>{r}</li>
          ))}
        </ul>
        <p>
          <span safe>{t.myDataLead}</span>{' '}
          <a href={myDataPaths.page} class={link} safe>
            {t.myDataLink}
          </a>
        </p>
      </ProseSection>
      <ProseSection id="complaint" heading={t.complaintHeading}>
        <p safe>{t.complaintText}</p>
        <p>
          <a href={DATATILSYNET_URL} class={link} safe>
            {t.datatilsynetLink}
          </a>
        </p>
      </ProseSection>
      <p>
        <a href={privacyStatementPaths.list} class={link} safe>
          {t.allOwners}
        </a>
      </p>
    </article>
  );
}
