/** Tables of this area; filled in by the area's migration. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DocumentsTables {}
