import type { ChildConsentItem, ChildConsents } from '../../domain/consents/child.ts';
import type { ConsentChild } from '../../domain/consents/types.ts';
import { consentsText } from '../../i18n/consents.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import type { PageContext } from '../page-context.ts';
import { ConsentHistory } from './history.tsx';
import { StateBadge } from './parts.tsx';
import { consentPaths } from '../../paths/consents.ts';
import { card, primaryButton, primaryLink, secondaryButton } from '../components/classes.ts';
import { ErrorSummary, Notice } from '../components/form.tsx';

/** A field error on one consent's answer (the form re-rendered with status 422). */
export interface AnswerError {
  typeKey: string;
  message: string;
}

interface SectionProps {
  page: PageContext;
  /** A school pupil (a section of the child page) or a kindergarten child (a page of its own, no htmx). */
  child: ConsentChild;
  consents: ChildConsents;
  /** The consent just saved (PRG: `?saved=key`), for the receipt notice. */
  savedKey?: string;
  /** An error that is not about one field (locked, no parental responsibility). */
  alert?: string;
  /** Field errors, one per consent (the one form re-rendered with status 422). */
  errors?: AnswerError[];
  /** The answers as submitted, kept when the form comes back with errors. */
  values?: Record<string, string>;
  /** After the one form was saved (PRG: `?saved=all|none`). */
  savedAll?: 'all' | 'none';
  receipt?: boolean;
}

const fieldId = (key: string) => `consent-${key}`;

/** G3: the child's consents for one guardian — answers, the other guardian's, the effective state, history. */
export function ChildConsentsSection({
  page,
  child,
  consents,
  savedKey,
  alert,
  errors = [],
  values,
  savedAll,
  receipt,
}: SectionProps) {
  const texts = consentsText[page.locale];
  const kindergarten = child.kindergartenId !== undefined;
  const t = kindergarten ? { ...texts.child, ...texts.kindergarten.child } : texts.child;
  const name = child.givenName;
  const formPath = kindergarten ? consentPaths.kindergartenChild(child.pupilId) : consentPaths.child(child.pupilId);
  const receiptPath = kindergarten
    ? consentPaths.kindergartenReceipt(child.pupilId)
    : consentPaths.receipt(child.pupilId);
  const Heading = kindergarten ? 'h1' : 'h2';
  const Sub = kindergarten ? 'h2' : 'h3';
  const saved = savedKey ? consents.types.find((type) => type.key === savedKey) : undefined;
  const notice = saved
    ? fill(t.saved, { name: saved.name[page.locale] })
    : savedAll === 'all'
      ? t.savedAll
      : savedAll === 'none'
        ? t.savedNone
        : undefined;
  const editable = !consents.locked && consents.mayAnswer;
  const errorOf = (key: string) => errors.find((e) => e.typeKey === key)?.message;
  return (
    <section aria-labelledby="consents-heading" class="space-y-4">
      <Heading id="consents-heading" class="text-2xl font-semibold" safe>
        {fill(t.heading, { name })}
      </Heading>
      <Notice text={notice} />
      <ErrorSummary
        heading={page.t.errors.summaryHeading}
        errors={errors.map((e) => ({ field: `${fieldId(e.typeKey)}-given`, message: e.message }))}
      />
      {alert ? (
        <p class="rounded border-2 border-red-800 bg-red-50 p-3 font-semibold text-red-950" role="alert" safe>
          {alert}
        </p>
      ) : (
        ''
      )}
      {consents.locked ? (
        <div class="space-y-2 rounded-lg border-2 border-amber-700 bg-amber-50 p-4">
          <Sub class="text-lg font-semibold" safe>
            {t.lockedHeading}
          </Sub>
          <p safe>{t.lockedBody}</p>
          <a href={consentPaths.gateFrom(formPath)} class={primaryLink} safe>
            {t.lockedLink}
          </a>
        </div>
      ) : (
        ''
      )}
      {!consents.mayAnswer ? (
        <p class="rounded border border-slate-400 bg-slate-50 p-3" safe>
          {t.noResponsibility}
        </p>
      ) : (
        ''
      )}
      <p safe>{fill(t.intro, { name })}</p>
      <details class="rounded border border-slate-300 bg-white p-3">
        <summary class="cursor-pointer font-semibold" safe>
          {t.ruleHeading}
        </summary>
        <p class="mt-2" safe>
          {t.ruleBody}
        </p>
      </details>
      {consents.items.length === 0 ? <p safe>{t.noTypes}</p> : ''}
      {editable && consents.items.length ? (
        <form
          method="post"
          action={formPath}
          hx-post={kindergarten ? undefined : formPath}
          hx-target={kindergarten ? undefined : '#child-section'}
          class="space-y-3"
          novalidate
        >
          <ConsentList
            page={page}
            consents={consents}
            editable
            errorOf={errorOf}
            values={values}
            sees={t.schoolSees}
            sub={Sub}
          />
          <button type="submit" class={primaryButton} safe>
            {t.saveAll}
          </button>
        </form>
      ) : (
        <ConsentList page={page} consents={consents} editable={false} errorOf={errorOf} sees={t.schoolSees} sub={Sub} />
      )}
      {receipt ? (
        <form method="post" action={receiptPath} class="space-y-1">
          <button type="submit" class={secondaryButton} aria-describedby="receipt-help" safe>
            {t.receiptButton}
          </button>
          <p id="receipt-help" class="text-sm text-slate-700" safe>
            {t.receiptHelp}
          </p>
        </form>
      ) : (
        ''
      )}
      <ConsentHistory page={page} consents={consents} headingTag={Sub} />
    </section>
  );
}

/** The consents, each with this guardian's answer, the other guardian's and what the school sees. */
function ConsentList({
  page,
  consents,
  editable,
  errorOf,
  values,
  sees,
  sub,
}: {
  page: PageContext;
  consents: ChildConsents;
  editable: boolean;
  errorOf: (key: string) => string | undefined;
  values?: Record<string, string>;
  /** "Gjelder for skolen" / "Gjelder for barnehagen". */
  sees: string;
  sub: 'h2' | 'h3';
}) {
  return (
    <ul class="space-y-3" role="list">
      {consents.items.map((item) => (
        <ConsentItem
          page={page}
          item={item}
          editable={editable}
          error={errorOf(item.type.key)}
          chosen={values ? values[item.type.key] : item.mine.state}
          sees={sees}
          sub={sub}
        />
      ))}
    </ul>
  );
}

function ConsentItem({
  page,
  item,
  editable,
  error,
  chosen,
  sees,
  sub: Heading,
}: {
  page: PageContext;
  item: ChildConsentItem;
  editable: boolean;
  error?: string;
  sees: string;
  sub: 'h2' | 'h3';
  /** The radio to check: the submitted answer when the form came back, else the saved one. */
  chosen?: string;
}) {
  const t = consentsText[page.locale].child;
  const id = fieldId(item.type.key);
  const typeName = item.type.name[page.locale];
  const parentName = item.parent?.name[page.locale] ?? '';
  const answered = item.mine.answeredAt ? ` (${fill(t.answeredAt, { date: formatDate(item.mine.answeredAt) })})` : '';
  return (
    <li id={id} class={`${card} space-y-2 ${item.parent ? 'ml-4 border-l-4 border-l-sky-800 sm:ml-10' : ''}`}>
      <Heading class="text-lg font-semibold" safe>
        {typeName}
      </Heading>
      {item.parent ? (
        <p class="text-sm text-slate-700" safe>
          {fill(t.subOf, { parent: parentName })}
        </p>
      ) : (
        ''
      )}
      {item.type.description[page.locale] ? <p safe>{item.type.description[page.locale]}</p> : ''}
      <dl class="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1">
        <dt class="font-semibold" safe>
          {t.yourAnswer}
        </dt>
        <dd>
          <StateBadge page={page} state={item.mine.state} />
          <span class="text-sm text-slate-700" safe>
            {answered}
          </span>
        </dd>
        {item.others.map((other) => (
          <>
            <dt class="font-semibold" safe>
              {fill(t.otherAnswer, { name: other.name })}
            </dt>
            <dd>
              <StateBadge page={page} state={other.state} />
            </dd>
          </>
        ))}
        <dt class="font-semibold" safe>
          {sees}
        </dt>
        <dd>
          <StateBadge page={page} state={item.effective} />
        </dd>
      </dl>
      {editable ? (
        <div class="space-y-2">
          <fieldset class="space-y-2">
            <legend class="font-semibold" safe>
              {fill(t.answerLegend, { name: typeName })}
            </legend>
            {!item.mayGive ? (
              <p id={`${id}-needs`} class="text-sm text-slate-800" safe>
                {fill(t.needsParentHere, { parent: parentName })}
              </p>
            ) : (
              ''
            )}
            {error ? (
              <p id={`${id}-error`} class="font-semibold text-red-900" safe>
                {error}
              </p>
            ) : (
              ''
            )}
            <div class="flex flex-wrap gap-x-6 gap-y-2">
              <label class="flex items-center gap-2">
                <input
                  type="radio"
                  name={`answer-${item.type.key}`}
                  value="given"
                  id={`${id}-given`}
                  class="h-5 w-5"
                  checked={chosen === 'given'}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={
                    [item.mayGive ? '' : `${id}-needs`, error ? `${id}-error` : ''].filter(Boolean).join(' ') ||
                    undefined
                  }
                />
                <span safe>{t.give}</span>
              </label>
              <label class="flex items-center gap-2">
                <input
                  type="radio"
                  name={`answer-${item.type.key}`}
                  value="refused"
                  id={`${id}-refused`}
                  class="h-5 w-5"
                  checked={chosen === 'refused'}
                />
                <span safe>{t.refuse}</span>
              </label>
            </div>
          </fieldset>
        </div>
      ) : (
        ''
      )}
    </li>
  );
}
