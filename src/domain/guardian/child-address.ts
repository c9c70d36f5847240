import type { Db } from '../../db/database.ts';
import { done, part, type Part } from '../../db/together.ts';
import type { Actor } from '../access/actor.ts';
import { canViewAddress } from '../access/policy.ts';
import type { GuardianChild } from './child.ts';

/**
 * The child's address from Folkeregisteret as its guardian sees it on the child page: unprotected to every guardian with
 * access, fortrolig only to one who lives with the child (canViewAddress), strengt fortrolig to nobody. Null when not
 * theirs to see (nothing tells them why) or when the register has none. A part of the child page's statement
 * (db/together.ts): no query when the address is not theirs to see.
 */
export function childAddressPart(db: Db, actor: Actor, child: GuardianChild): Part<string[] | null> {
  if (!canViewAddress(actor, child.facts)) return done(null);
  return part(
    {
      person: db
        .selectFrom('person')
        .select(['address_line', 'postal_code', 'postal_place'])
        .where('id', '=', child.pupilId),
    },
    ({ person: [row] }) => {
      const lines = row
        ? [row.address_line, [row.postal_code, row.postal_place].filter(Boolean).join(' ')].filter(
            (line): line is string => !!line,
          )
        : [];
      return lines.length ? lines : null;
    },
  );
}
