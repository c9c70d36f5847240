import type { ContactCard } from '../../domain/contact/card.ts';
import { CHANNELS, SETTING_CATEGORIES, settingField } from '../../domain/contact/notification-settings.ts';
import { contactText } from '../../i18n/contact.ts';
import { fill } from '../../i18n/index.ts';
import type { PageContext } from '../page-context.ts';
import { contactCardPaths } from '../../paths/contact-card.ts';
import { primaryButton } from '../components/classes.ts';
import { Notice } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import { SECTION_IDS, swapOwnSection } from './parts.tsx';

/** Which categories arrive by SMS and by e-mail (G18): a table of checkboxes, rows and columns with th scope. */
export function SettingsSection({
  page,
  card,
  notice,
  oob,
}: {
  page: PageContext;
  card: ContactCard;
  notice?: string;
  oob?: boolean;
}) {
  const t = contactText[page.locale].settings;
  return (
    <Section id={SECTION_IDS.settings} heading={t.heading} oob={oob}>
      <Notice text={notice} />
      <p safe>{t.lead}</p>
      {card.smsEnabled ? (
        ''
      ) : (
        <p class="text-amber-900" safe>
          {contactText[page.locale].settings.smsOffNote}
        </p>
      )}
      <form
        method="post"
        action={contactCardPaths.notificationSettings}
        class="space-y-4"
        {...swapOwnSection(contactCardPaths.notificationSettings, SECTION_IDS.settings)}
      >
        <table class="w-full max-w-xl border-collapse text-left">
          <caption class="sr-only" safe>
            {t.caption}
          </caption>
          <thead>
            <tr class="border-b border-slate-300">
              <th scope="col" class="py-2 pr-2" safe>
                {t.what}
              </th>
              {CHANNELS.map((channel) => (
                <th scope="col" class="w-20 px-2 py-2 text-center" safe>
                  {t.channel[channel]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SETTING_CATEGORIES.map((category) => (
              <tr class="border-b border-slate-200">
                <th scope="row" class="py-2 pr-2 font-normal" safe>
                  {t.category[category]}
                </th>
                {CHANNELS.map((channel) => {
                  const id = `setting-${settingField(channel, category)}`;
                  return (
                    <td class="px-2 py-1 text-center">
                      <label for={id} class="inline-flex cursor-pointer p-2">
                        <input
                          type="checkbox"
                          id={id}
                          name={settingField(channel, category)}
                          checked={card.settings[channel][category]}
                          class="h-6 w-6"
                        />
                        <span class="sr-only" safe>
                          {fill(t.checkbox, { category: t.category[category], channel: t.channelInline[channel] })}
                        </span>
                      </label>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit" class={primaryButton} safe>
          {t.save}
        </button>
      </form>
    </Section>
  );
}
