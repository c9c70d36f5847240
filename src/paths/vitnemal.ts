/** The vitnemål absence view of a class (src/routes/vitnemal.tsx). */
export const vitnemalPaths = {
  class: (classId: number) => `/classes/${classId}/vitnemal-absence`,
} as const;
