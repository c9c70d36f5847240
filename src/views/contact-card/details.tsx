import type { ContactCard } from '../../domain/contact/card.ts';
import type { ContactDetailsInput, DetailsErrors, DetailsField } from '../../domain/contact/details.ts';
import { formatPhone } from '../../domain/contact/phone.ts';
import { contactText } from '../../i18n/contact.ts';
import type { PageContext } from '../page-context.ts';
import { contactCardPaths } from '../../paths/contact-card.ts';
import { primaryButton, secondaryButton } from '../components/classes.ts';
import { ErrorSummary, Field, Notice } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import { SECTION_IDS, swapOwnSection } from './parts.tsx';

export interface DetailsFormState {
  input: ContactDetailsInput;
  errors: DetailsErrors;
}

const FIELDS: readonly DetailsField[] = ['email', 'mobile', 'phone'];
const fieldId = (field: DetailsField) => `contact-${field}`;

/** E-mail, mobile and phone: numbers shown as +47 412 34 567, typed values kept on a 422. */
export function DetailsSection({
  page,
  card,
  form,
  notice,
  oob,
}: {
  page: PageContext;
  card: ContactCard;
  form?: DetailsFormState;
  notice?: string;
  oob?: boolean;
}) {
  const t = contactText[page.locale];
  const values = form?.input ?? {
    email: card.email ?? '',
    mobile: formatPhone(card.mobile),
    phone: formatPhone(card.phone),
  };
  const message = (field: DetailsField): string | undefined => {
    const code = form?.errors[field];
    if (!code) return undefined;
    if (field === 'email' || code === 'email') return t.errors.email;
    return t.errors[field][code];
  };
  const errors = FIELDS.flatMap((field) =>
    message(field) ? [{ field: fieldId(field), message: message(field)! }] : [],
  );
  return (
    <Section id={SECTION_IDS.details} heading={t.details.heading} oob={oob}>
      <Notice text={notice} />
      <form
        method="post"
        action={contactCardPaths.details}
        class="space-y-4"
        novalidate
        {...swapOwnSection(contactCardPaths.details, SECTION_IDS.details)}
      >
        <ErrorSummary heading={t.errorSummary} errors={errors} />
        <Field
          id={fieldId('email')}
          name="email"
          type="email"
          label={t.details.email}
          hint={t.details.emailHint}
          value={values.email}
          error={message('email')}
          autocomplete="email"
          maxlength={254}
        />
        <Field
          id={fieldId('mobile')}
          name="mobile"
          type="tel"
          label={t.details.mobile}
          hint={t.details.mobileHint}
          value={values.mobile}
          error={message('mobile')}
          autocomplete="tel"
          maxlength={40}
        />
        <Field
          id={fieldId('phone')}
          name="phone"
          type="tel"
          label={t.details.phone}
          hint={t.details.phoneHint}
          value={values.phone}
          error={message('phone')}
          maxlength={40}
        />
        <button type="submit" class={primaryButton} safe>
          {t.details.save}
        </button>
      </form>
    </Section>
  );
}

/**
 * SMS on/off. The warning stands next to the switch, always; turning SMS off takes a second, explicit
 * step (a POST with confirm=yes), so it works without JavaScript.
 */
export function SmsSection({
  page,
  card,
  confirm,
  notice,
  oob,
}: {
  page: PageContext;
  card: ContactCard;
  confirm?: boolean;
  notice?: string;
  oob?: boolean;
}) {
  const t = contactText[page.locale].sms;
  const htmx = swapOwnSection(contactCardPaths.sms, SECTION_IDS.sms);
  if (confirm && card.smsEnabled) {
    return (
      <Section id={SECTION_IDS.sms} heading={t.heading} oob={oob}>
        <div
          class="space-y-3 rounded border-2 border-amber-700 bg-amber-50 p-3"
          role="alert"
          tabindex="-1"
          {...{ autofocus: true }}
        >
          <h3 class="text-lg font-semibold" safe>
            {t.confirmHeading}
          </h3>
          <p safe>{t.confirmText}</p>
        </div>
        <form method="post" action={contactCardPaths.sms} class="flex flex-wrap gap-3" {...htmx}>
          <input type="hidden" name="enabled" value="false" />
          <input type="hidden" name="confirm" value="yes" />
          <button type="submit" class="rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900" safe>
            {t.confirm}
          </button>
          <a href={contactCardPaths.cardAt(SECTION_IDS.sms)} class={secondaryButton} safe>
            {t.cancel}
          </a>
        </form>
      </Section>
    );
  }
  return (
    <Section id={SECTION_IDS.sms} heading={t.heading} oob={oob}>
      <Notice text={notice} />
      <p class="font-semibold" safe>
        {card.smsEnabled ? t.on : t.off}
      </p>
      {card.smsEnabled && !card.mobile ? (
        <p class="text-amber-900" safe>
          {t.noMobile}
        </p>
      ) : (
        ''
      )}
      <p id="sms-warning" class="rounded border-l-4 border-amber-700 bg-amber-50 p-3" safe>
        {t.warning}
      </p>
      <form method="post" action={contactCardPaths.sms} {...htmx}>
        <input type="hidden" name="enabled" value={card.smsEnabled ? 'false' : 'true'} />
        <button
          type="submit"
          aria-describedby="sms-warning"
          class={card.smsEnabled ? secondaryButton : primaryButton}
          safe
        >
          {card.smsEnabled ? t.turnOff : t.turnOn}
        </button>
      </form>
    </Section>
  );
}
