/**
 * Everything Skolebro stores about a guardian and each child they may see (G16, D9): the person data,
 * contact data, relations, enrolments, and who has looked at the child's pupil card; the areas' data
 * (consents, settings, address reports, documents) comes from sections.ts into `extra`.
 */
export interface MyData {
  generatedAt: string;
  /**
   * Whose data: a guardian's (with their children), a pupil's own (`guardian` is then the pupil, `children` them), or
   * a staff member's (`guardian` is the person, `staff` their roles and what they did).
   */
  subject: 'guardian' | 'pupil' | 'staff';
  staff?: {
    roles: { role: string; title: string | null; unit: string; from: string; to: string | null }[];
    /** The audit rows they are the actor of: when, what, and the kind of record (never whose). */
    actions: { at: string; action: string; record: string | null }[];
    actionsMore: boolean;
  };
  guardian: {
    name: string;
    fodselsnummer: string | null;
    address: { line: string | null; postalCode: string | null; postalPlace: string | null; protection: string };
    contact: {
      email: string | null;
      mobile: string | null;
      phone: string | null;
      smsEnabled: boolean;
      updatedAt: string | null;
    } | null;
    extra: Record<string, unknown>;
  };
  children: {
    name: string;
    birthDate: string | null;
    school: string;
    className: string;
    enrolledFrom: string;
    guardians: { name: string; relation: string; parentalResponsibility: boolean }[];
    /** The person's id: the address of the child's whole log (`myDataPaths.log`). */
    id: number;
    /** Who read and changed the child's data, newest first (child-log.ts): a few on the page, the rest in the exports. */
    log: { at: string; action: string; by: string; role: string | null }[];
    /** The log has more rows than `log` holds. */
    logMore: boolean;
    extra: Record<string, unknown>;
  }[];
}
