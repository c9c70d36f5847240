/** URL builders for forms (S9, G13). */
export const formPaths = {
  list: '/forms',
  create: '/forms',
  new: '/forms/new',
  form: (id: number) => `/forms/${id}`,
  questions: (id: number) => `/forms/${id}/questions`,
  questionDeletion: (id: number, questionId: number) => `/forms/${id}/questions/${questionId}/deletion`,
  sending: (id: number) => `/forms/${id}/sending`,
  results: (id: number) => `/forms/${id}/results`,
  csv: (id: number) => `/forms/${id}/results.csv`,
  childList: (pupilId: number) => `/children/${pupilId}/forms`,
  childForm: (pupilId: number, formId: number) => `/children/${pupilId}/forms/${formId}`,
  childAnswer: (pupilId: number, formId: number) => `/children/${pupilId}/forms/${formId}/answer`,
};
