import type { EntityMetadata } from 'typeorm';

const TIMESTAMP_TYPES = new Set(['timestamptz', 'timestamp', 'timestamp with time zone', 'timestamp without time zone']);

/**
 * An entity from a row keyed by column names, converted as TypeORM converts a row of pg: from `to_jsonb(row)` (a
 * statement that reads several tables' rows at once) or from `RETURNING *` (the row as a statement wrote it).
 * Timestamps become Dates (from JSON text or pg's Date), `date` columns stay 'YYYY-MM-DD' strings, json and array
 * columns are already values. Supports the column types our entities use; a bigint or numeric column would arrive
 * from JSON as a number instead of TypeORM's string, so they are refused.
 */
export function entityFromRow<T>(meta: EntityMetadata, row: Record<string, unknown>): T {
  const entity = meta.create() as Record<string, unknown>;
  for (const column of meta.columns) {
    if (column.isVirtual) continue;
    const type = String(column.type);
    if (type === 'bigint' || type === 'numeric' || type === 'decimal') throw new Error(`entityFromRow: ${meta.tableName}.${column.databaseName} is ${type}`);
    const value = row[column.databaseName];
    if (value === undefined) throw new Error(`entityFromRow: ${meta.tableName} row has no ${column.databaseName}`);
    column.setEntityValue(entity, value !== null && TIMESTAMP_TYPES.has(type) ? new Date(value as string) : value);
  }
  return entity as T;
}
