/** The child's documents (src/routes/documents.tsx). */
export const documentPaths = {
  /** One page of the child's documents; `before` = the cursor for older ones. */
  child: (pupilId: number, before?: number) => `/children/${pupilId}/documents` + (before ? `?before=${before}` : ''),
  /** Where a guardian (or staff) downloads one stored document. */
  download: (documentId: number) => `/documents/${documentId}`,
} as const;
