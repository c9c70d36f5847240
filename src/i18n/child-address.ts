/** The child's address on the child page (issue 11: a fortrolig address to a guardian who lives with the child). */
const nb = { heading: 'Adresse i Folkeregisteret' };

export type ChildAddressMessages = typeof nb;

const nn: ChildAddressMessages = { heading: 'Adresse i Folkeregisteret' };
const en: ChildAddressMessages = { heading: 'Address in the population register' };

export const childAddressText = { nb, nn, en };
