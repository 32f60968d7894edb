import type { EntityMetadata } from 'typeorm';

const TIMESTAMP_TYPES = new Set(['timestamptz', 'timestamp', 'timestamp with time zone', 'timestamp without time zone']);

/**
 * An entity from `to_jsonb(row)` — for a statement that reads several tables' rows at once — converted as TypeORM
 * converts a row of pg: json keys are the column names; timestamps become Dates, `date` columns stay 'YYYY-MM-DD'
 * strings, json and array columns are already values. Supports the column types our entities use; a bigint or
 * numeric column would arrive as a number instead of TypeORM's string, so they are refused.
 */
export function entityFromJson<T>(meta: EntityMetadata, json: Record<string, unknown>): T {
  const entity = meta.create() as Record<string, unknown>;
  for (const column of meta.columns) {
    if (column.isVirtual) continue;
    const type = String(column.type);
    if (type === 'bigint' || type === 'numeric' || type === 'decimal') throw new Error(`entityFromJson: ${meta.tableName}.${column.databaseName} is ${type}`);
    const value = json[column.databaseName];
    if (value === undefined) throw new Error(`entityFromJson: ${meta.tableName} row has no ${column.databaseName}`);
    column.setEntityValue(entity, value !== null && TIMESTAMP_TYPES.has(type) ? new Date(value as string) : value);
  }
  return entity as T;
}
