/** The signed-in start page (src/routes/home.tsx); also the link SMS and e-mail carry. */
export const homePaths = {
  start: '/home',
} as const;
