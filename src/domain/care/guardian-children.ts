import { sql } from 'kysely';
import { done, part, type Part } from '../../db/together.ts';
import type { Actor } from '../access/actor.ts';
import { carePlacesSql } from '../access/care-facts.ts';

/** A guardian's child with a daily-care place today (issue 13; K1, G11): for the home page's cards and links. */
export interface CareChildSummary {
  childId: number;
  givenName: string;
  familyName: string;
  kind: 'sfo' | 'kindergarten';
  unitName: string;
  departmentName: string | null;
}

/**
 * The guardian's children with an SFO or kindergarten place covering today (the same rule as the care policy:
 * carePlacesSql over the actor's unblocked guardian relations), as a part of the home page's first statement.
 */
export function guardianCareChildrenPart(actor: Actor, today: string): Part<CareChildSummary[]> {
  if (actor.via !== 'idporten' || actor.guardianOf.length === 0) return done([]);
  return part(
    {
      rows: sql<{
        id: number;
        given_name: string;
        family_name: string;
        kind: 'sfo' | 'kindergarten';
        unit_name: string;
        department_name: string | null;
      }>`select p.id, p.given_name, p.family_name, x.kind, coalesce(f.name, k.name) as unit_name,
          d.name as department_name
        from person p cross join lateral (${carePlacesSql(sql.ref('p.id'), today)}) x
        left join sfo f on x.kind = 'sfo' and f.id = x.id
        left join kindergarten k on x.kind = 'kindergarten' and k.id = x.id
        left join kindergarten_department d on d.id = x.department_id
        where p.id = any(${sql.val(actor.guardianOf)}::bigint[])
        order by p.given_name, p.id, x.kind
        limit 50`,
    },
    ({ rows }) =>
      rows.map((r) => ({
        childId: Number(r.id),
        givenName: r.given_name,
        familyName: r.family_name,
        kind: r.kind,
        unitName: r.unit_name,
        departmentName: r.department_name,
      })),
  );
}
