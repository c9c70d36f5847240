/** URLs of the guardian's contact card (G4): one resource, each form posting to its own sub-resource. */
export const contactPaths = {
  card: '/me/contact',
  details: '/me/contact/details',
  sms: '/me/contact/sms',
  notificationSettings: '/me/contact/notification-settings',
  addressReports: '/me/contact/address-reports',
  /** The card after a successful form post (PRG), with the receipt to show. */
  saved: (notice: string, section: string) => `/me/contact?saved=${encodeURIComponent(notice)}#${encodeURIComponent(section)}`,
} as const;

/** The id of each section: htmx swaps exactly one of them, and the PRG redirect scrolls to it. */
export const SECTION_IDS = {
  details: 'contact-details',
  sms: 'contact-sms',
  settings: 'contact-notifications',
  address: 'contact-address',
} as const;

export type ContactSectionName = keyof typeof SECTION_IDS;
