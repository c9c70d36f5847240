/** Forms (S9, G13; src/routes/forms.tsx): staff under /forms, guardians in the child page's tab. */
export const formPaths = {
  list: '/forms',
  create: '/forms',
  new: '/forms/new',
  form: (id: number) => `/forms/${id}`,
  /** The form after sending it: how many recipients (pupils) and guardians got it. */
  sent: (id: number, recipients: number, guardians: number) => `/forms/${id}?sent=${recipients}-${guardians}`,
  questions: (id: number) => `/forms/${id}/questions`,
  questionDeletion: (id: number, questionId: number) => `/forms/${id}/questions/${questionId}/deletion`,
  sending: (id: number) => `/forms/${id}/sending`,
  results: (id: number) => `/forms/${id}/results`,
  csv: (id: number) => `/forms/${id}/results.csv`,
  childList: (pupilId: number) => `/children/${pupilId}/forms`,
  childForm: (pupilId: number, formId: number) => `/children/${pupilId}/forms/${formId}`,
  childFormSaved: (pupilId: number, formId: number) => `/children/${pupilId}/forms/${formId}?saved=1`,
  childAnswer: (pupilId: number, formId: number) => `/children/${pupilId}/forms/${formId}/answer`,
} as const;
