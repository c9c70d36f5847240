/** Letters (D3, D4; src/routes/letters.tsx), and the development digital-post mailbox. */
export const letterPaths = {
  overview: '/letters',
  /** The overview of one school (leaders of several schools), with an optional receipt to show. */
  school: (schoolId: number, notice?: string) =>
    `/letters?school=${schoolId}${notice ? `&notice=${encodeURIComponent(notice)}` : ''}`,
  printBatches: '/letters/print-batches',
  printBatch: (id: number) => `/letters/print-batches/${id}.pdf`,
  letter: (id: number) => `/letters/${id}.pdf`,
  manualHandling: (id: number) => `/letters/${id}/manual-handling`,
  devDigitalPost: '/dev/digital-post',
  devDigitalPostLetter: (id: number) => `/dev/digital-post/${id}.pdf`,
} as const;
