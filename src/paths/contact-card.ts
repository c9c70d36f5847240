/** The guardian's contact card (G4; src/routes/contact-card.tsx): one resource, each form posting to its own sub-resource. */
export const contactCardPaths = {
  card: '/me/contact',
  /** The card scrolled to one section (its element id). */
  cardAt: (sectionId: string) => `/me/contact#${sectionId}`,
  details: '/me/contact/details',
  sms: '/me/contact/sms',
  notificationSettings: '/me/contact/notification-settings',
  addressReports: '/me/contact/address-reports',
  /** Ends one remembered device ("Husk meg"). */
  endDevice: (deviceSessionId: string) => `/me/contact/devices/${encodeURIComponent(deviceSessionId)}/end`,
  /** The card after a successful form post (PRG), with the receipt to show. */
  saved: (notice: string, section: string) =>
    `/me/contact?saved=${encodeURIComponent(notice)}#${encodeURIComponent(section)}`,
} as const;
