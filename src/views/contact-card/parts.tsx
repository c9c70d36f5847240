/** The id of each section: htmx swaps exactly one of them, and the PRG redirect scrolls to it. */
export const SECTION_IDS = {
  details: 'contact-details',
  sms: 'contact-sms',
  settings: 'contact-notifications',
  address: 'contact-address',
  devices: 'contact-devices',
} as const;

export type ContactSectionName = keyof typeof SECTION_IDS;

/** htmx: post the form and swap only its own section (on success and on 422); without JS it is a plain post. */
export function swapOwnSection(path: string, sectionId: string): Record<string, string> {
  return { 'hx-post': path, 'hx-target': `#${sectionId}`, 'hx-swap': 'outerHTML' };
}
