import type { ChannelStatus, OutboxDeliveryStatus } from '../../domain/delivery/status.ts';
import type { DeliveryMessages } from '../../i18n/delivery.ts';

export const CHANNELS = ['sms', 'email'] as const;

/** "sendt", "levert", "ikke sendt (mottakeren har reservert seg mot SMS)" */
export function channelText(d: DeliveryMessages, status: ChannelStatus): string {
  const word = status.deliveredAt ? d.status.delivered : d.status[status.status];
  return status.skipReason ? `${word} (${d.skipReason[status.skipReason]})` : word;
}

/** "SMS: sendt · E-post: ikke sendt (…)": one notification's channels on one line. */
export function deliveryLine(d: DeliveryMessages, status: OutboxDeliveryStatus): string {
  return CHANNELS.map((channel) => `${d.channel[channel]}: ${channelText(d, status[channel])}`).join(' · ');
}
