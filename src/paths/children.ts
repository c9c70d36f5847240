/** The child page (src/routes/children.tsx); each of its other tabs belongs to its own area (absencePaths.child, …). */
export const childPaths = {
  overview: (pupilId: number) => `/children/${pupilId}`,
} as const;
