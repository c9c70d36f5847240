import type { DocumentFacts } from '../../domain/freg/build.ts';
import { parseIdentityNumber } from '../../domain/person/fodselsnummer.ts';
import type { Plan } from './plan.ts';

const PROTECTION = { none: 'ugradert', fortrolig: 'fortrolig', strengt_fortrolig: 'strengtFortrolig' } as const;
const PARENT_ROLES = ['mor', 'far', 'medmor'] as const;
type ParentRole = (typeof PARENT_ROLES)[number];
const isParent = (r: string): r is ParentRole => (PARENT_ROLES as readonly string[]).includes(r);

/**
 * The seed's pupils and their register guardians as Folkeregisteret would describe them (synthetic numbers only):
 * what the file generator writes, so that importing it over the same seed changes nothing.
 */
export function fregFactsFromPlan(plan: Plan): DocumentFacts[] {
  const pupils = new Set(plan.enrolments.map((e) => e.pupil));
  const relationsOf = new Map<number, Plan['guardianRelations']>();
  for (const r of plan.guardianRelations) {
    if (!r.parental_responsibility && !isParent(r.relation)) continue; // the school's contact persons
    relationsOf.set(r.pupil, [...(relationsOf.get(r.pupil) ?? []), r]);
  }
  const guardians = new Set([...relationsOf.values()].flat().map((r) => r.guardian));
  const out: DocumentFacts[] = [];
  for (const index of [...new Set([...pupils, ...guardians])].sort((a, b) => a - b)) {
    const person = plan.persons[index]!;
    if (!person.fodselsnummer) continue;
    const facts = baseFacts(person);
    const relations = relationsOf.get(index) ?? [];
    if (relations.length) {
      const number = (r: (typeof relations)[number]) => plan.persons[r.guardian]!.fodselsnummer!;
      facts.parents = relations
        .filter((r) => isParent(r.relation))
        .map((r) => ({ id: number(r), role: r.relation as ParentRole }));
      const holders = relations.filter((r) => r.parental_responsibility);
      const parentHolders = holders.filter((r) => isParent(r.relation));
      const others = holders.filter((r) => !isParent(r.relation));
      facts.responsibility = [
        ...(parentHolders.length >= 2 && parentHolders.length === facts.parents.length
          ? [{ ansvar: 'felles' as const }]
          : parentHolders.map((r) => ({ ansvar: r.relation as ParentRole, ansvarlig: number(r) }))),
        ...others.map((r) => ({ ansvar: 'andre' as const, ansvarlig: number(r) })),
      ];
    }
    out.push(facts);
  }
  return out;
}

function baseFacts(person: Plan['persons'][number]): DocumentFacts {
  const id = person.fodselsnummer!;
  const match = /^(.*\S) (\d+)([A-Z]?)$/.exec(person.address_line ?? '');
  return {
    id,
    given: person.given_name,
    family: person.family_name,
    birthDate: parseIdentityNumber(id)?.birthDate,
    address:
      person.address_line && person.postal_code && person.postal_place
        ? {
            street: match ? match[1]! : person.address_line,
            number: match ? match[2]! : '',
            letter: match?.[3] || undefined,
            postalCode: person.postal_code,
            postalPlace: person.postal_place,
          }
        : null,
    protection: PROTECTION[person.address_protection ?? 'none'],
  };
}
