import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

/**
 * `column = any(array(subquery))`: the subquery runs once (an InitPlan) and its ids are then looked up by index. The
 * same test written `column in (subquery)` inside an OR makes PostgreSQL read the whole table and probe a hash — on a
 * municipality's lessons or threads that is every row on every page (issue 18).
 */
export function inArrayOf(column: string, subquery: Expression<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} = any(array(${subquery}))`;
}
