/** The language switch posts here (src/routes/language.ts). */
export const languagePaths = {
  choice: '/language',
} as const;
