import type { DevMail, DevPage, DevSms } from '../../domain/delivery/dev-store.ts';
import { deliveryText } from '../../i18n/delivery.ts';
import { fill } from '../../i18n/index.ts';
import { card, link } from '../components/classes.ts';
import { formatDateTime } from '../components/dates.ts';
import { TableRegion } from '../components/table.tsx';
import type { PageContext } from '../page-context.ts';
import { devOutboxPaths } from '../../paths/dev-outbox.ts';

function Pager(props: {
  label: string;
  href: (before?: number) => string;
  olderThan: number | null;
  isOlderPage: boolean;
  t: (typeof deliveryText)['nb']['dev'];
}) {
  if (props.olderThan === null && !props.isOlderPage) return '';
  return (
    <nav aria-label={props.label} class="flex gap-6">
      {props.isOlderPage ? (
        <a href={props.href()} class={link} safe>
          {props.t.newest}
        </a>
      ) : (
        ''
      )}
      {props.olderThan !== null ? (
        <a href={props.href(props.olderThan)} class={link} safe>
          {props.t.older}
        </a>
      ) : (
        ''
      )}
    </nav>
  );
}

function Intro(props: { title: string; lead: string; other: { href: string; name: string } }) {
  return (
    <>
      <h1 class="text-3xl font-bold" safe>
        {props.title}
      </h1>
      <p class="max-w-prose text-slate-700" safe>
        {props.lead}
      </p>
      <p>
        <a href={props.other.href} class={link} safe>
          {props.other.name}
        </a>
      </p>
    </>
  );
}

/** /dev/sms: what the development SMS gateway received for the logged-in person, newest first, a table of one page. */
export function DevSmsPage({
  page,
  list,
  isOlderPage,
}: {
  page: PageContext;
  list: DevPage<DevSms>;
  isOlderPage: boolean;
}) {
  const t = deliveryText[page.locale].dev;
  return (
    <section class="space-y-4">
      <Intro
        title={t.smsTitle}
        lead={t.lead}
        other={{ href: devOutboxPaths.mail, name: fill(t.otherTool, { name: t.mailTitle }) }}
      />
      {list.items.length === 0 ? (
        <p class={card} safe>
          {t.emptySms}
        </p>
      ) : (
        <TableRegion labelledBy="dev-sms-caption" framed>
          <table class="w-full text-left">
            <caption id="dev-sms-caption" class="sr-only" safe>
              {t.smsList}
            </caption>
            <thead class="bg-slate-100">
              <tr>
                <th scope="col" class="p-2" safe>
                  {t.received}
                </th>
                <th scope="col" class="p-2" safe>
                  {t.to}
                </th>
                <th scope="col" class="p-2" safe>
                  {t.sender}
                </th>
                <th scope="col" class="p-2" safe>
                  {t.text}
                </th>
              </tr>
            </thead>
            <tbody class="divide-y divide-slate-200">
              {list.items.map((sms) => (
                <tr>
                  <td class="whitespace-nowrap p-2" safe>
                    {formatDateTime(sms.received_at)}
                  </td>
                  <td class="whitespace-nowrap p-2" safe>
                    {sms.to_number}
                  </td>
                  <td class="p-2" safe>
                    {sms.sender}
                  </td>
                  <td class="p-2 sms-text" safe>
                    {sms.text}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pager
        label={t.smsList}
        href={devOutboxPaths.smsPage}
        olderThan={list.olderThan}
        isOlderPage={isOlderPage}
        t={t}
      />
    </section>
  );
}

/** /dev/mail: what the development SMTP server received for the logged-in person, newest first; each message's text in plain view. */
export function DevMailPage({
  page,
  list,
  isOlderPage,
}: {
  page: PageContext;
  list: DevPage<DevMail>;
  isOlderPage: boolean;
}) {
  const t = deliveryText[page.locale].dev;
  return (
    <section class="space-y-4">
      <Intro
        title={t.mailTitle}
        lead={t.lead}
        other={{ href: devOutboxPaths.sms, name: fill(t.otherTool, { name: t.smsTitle }) }}
      />
      {list.items.length === 0 ? (
        <p class={card} safe>
          {t.emptyMail}
        </p>
      ) : (
        <ul role="list" aria-label={t.mailList} class="space-y-3">
          {list.items.map((mail) => (
            <li class={`space-y-2 ${card}`}>
              <h2 class="text-lg font-semibold mail-subject" safe>
                {mail.subject}
              </h2>
              <dl class="grid grid-cols-[auto_1fr] gap-x-4 text-sm">
                <dt class="font-semibold" safe>
                  {t.received}
                </dt>
                <dd safe>{formatDateTime(mail.received_at)}</dd>
                <dt class="font-semibold" safe>
                  {t.from}
                </dt>
                <dd safe>{mail.from_address}</dd>
                <dt class="font-semibold" safe>
                  {t.to}
                </dt>
                <dd safe>{mail.to_address}</dd>
              </dl>
              <pre class="whitespace-pre-wrap break-words rounded bg-slate-50 p-3 font-sans mail-text" safe>
                {mail.text}
              </pre>
            </li>
          ))}
        </ul>
      )}
      <Pager
        label={t.mailList}
        href={devOutboxPaths.mailPage}
        olderThan={list.olderThan}
        isOlderPage={isOlderPage}
        t={t}
      />
    </section>
  );
}
