import type { ContactCard } from '../../domain/contact/card.ts';
import { contactText } from '../../i18n/contact.ts';
import { fill, formatDate } from '../../i18n/index.ts';
import { contactCardPaths } from '../../paths/contact-card.ts';
import { listCard, secondaryButton } from '../components/classes.ts';
import { Notice } from '../components/form.tsx';
import { Section } from '../components/section.tsx';
import type { PageContext } from '../page-context.ts';
import { SECTION_IDS, swapOwnSection } from './parts.tsx';

/**
 * The browsers that remember the guardian ("Husk meg på denne enheten", issue 19 item 7), each with an "Avslutt"
 * button; this browser is marked. Ending one forgets it at once (the sessions made from it end too).
 */
export function DevicesSection({
  page,
  card,
  thisDeviceId,
  notice,
  oob,
}: {
  page: PageContext;
  card: ContactCard;
  thisDeviceId: string | null;
  notice?: string;
  oob?: boolean;
}) {
  const t = contactText[page.locale].devices;
  return (
    <Section id={SECTION_IDS.devices} heading={t.heading} oob={oob}>
      <Notice text={notice} />
      {card.devices.length === 0 ? (
        <p safe>{t.none}</p>
      ) : (
        <>
          <p safe>{t.lead}</p>
          <ul class={listCard} role="list">
            {card.devices.map((device) => {
              const created = formatDate(device.createdAt);
              const name = device.id === thisDeviceId ? `${device.label} (${t.thisDevice})` : device.label;
              const path = contactCardPaths.endDevice(device.id);
              return (
                <li class="flex flex-wrap items-center justify-between gap-3 p-3">
                  <div>
                    <p class="font-semibold" safe>
                      {name}
                    </p>
                    <p class="text-sm text-slate-700" safe>
                      {fill(t.detail, {
                        created,
                        used: formatDate(device.lastUsedAt),
                        expires: formatDate(device.expiresAt),
                      })}
                    </p>
                  </div>
                  <form method="post" action={path} {...swapOwnSection(path, SECTION_IDS.devices)}>
                    <button
                      type="submit"
                      class={secondaryButton}
                      aria-label={fill(t.endLabel, { label: device.label, created })}
                      safe
                    >
                      {t.end}
                    </button>
                  </form>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Section>
  );
}
