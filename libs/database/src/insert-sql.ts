import type { EntityMetadata } from 'typeorm';

/** Positional parameters shared by the parts of one statement ($1, $2, … in the order they are added). */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * `INSERT INTO table (columns) VALUES (…)` for one or more entity-shaped rows, from TypeORM's metadata, so
 * several inserts can travel as one statement (data-modifying CTEs). A column left undefined takes its database
 * default; json columns are sent as JSON text, as TypeORM sends them. `expressions` replaces a
 * column's placeholder with SQL around it (e.g. to merge a value known only inside the statement).
 */
export function insertSql<T extends object>(
  meta: EntityMetadata,
  rows: readonly T[],
  params: SqlParams,
  expressions: Partial<Record<string, (placeholder: string, row: T) => string>> = {},
): string {
  if (rows.length === 0) throw new Error(`insertSql: no rows for ${meta.tableName}`);
  const columns = meta.columns.filter((c) => rows.some((row) => c.getEntityValue(row) !== undefined));
  const tuples = rows.map(
    (row) =>
      `(${columns
        .map((c) => {
          const value = c.getEntityValue(row) as unknown;
          if (value === undefined) return 'DEFAULT';
          const json = (c.type === 'jsonb' || c.type === 'json') && value !== null;
          const placeholder = params.add(json ? JSON.stringify(value) : value);
          const wrap = expressions[c.propertyName];
          return wrap ? wrap(placeholder, row) : placeholder;
        })
        .join(', ')})`,
  );
  return `INSERT INTO "${meta.tableName}" (${columns.map((c) => `"${c.databaseName}"`).join(', ')}) VALUES ${tuples.join(', ')}`;
}
