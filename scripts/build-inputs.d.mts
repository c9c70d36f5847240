export const BUILD_STAMP: string;
export function inputsHash(root: string): string;
export function isBuildCurrent(root: string, hash?: string): boolean;
