import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FieldError } from '@dvc/core';

const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: false });
addFormats(ajv);
const compiled = new Map<string, { source: string; schema: object; validate: ValidateFunction }>();

function fieldOf(error: ErrorObject, prefix: string): string {
  const path = error.instancePath.split('/').filter(Boolean).join('.');
  const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : null;
  const extra = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : null;
  return [prefix, path, missing ?? extra].filter(Boolean).join('.');
}

function messageOf(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return 'is not a field of this form';
  if (error.keyword === 'required') return 'is required';
  return error.message ?? 'is invalid';
}

/** Checks an e-form against its procedure's JSON Schema; every error is reported with its field. */
export function validateForm(procedureCode: string, schema: object, form: unknown, prefix = 'form'): FieldError[] {
  // The schema arrives as a new object with every load of the procedure: compare its text, not its identity,
  // or every request compiles it again and Ajv's own cache (keyed by object) grows without end.
  let entry = compiled.get(procedureCode);
  if (entry?.schema !== schema) {
    const source = JSON.stringify(schema);
    if (entry?.source !== source) {
      if (entry) ajv.removeSchema(entry.schema);
      entry = { source, schema, validate: ajv.compile(schema) };
      compiled.set(procedureCode, entry);
    }
  }
  if (entry.validate(form)) return [];
  const seen = new Set<string>();
  return (
    (entry.validate.errors ?? [])
      // anyOf/oneOf branches repeat their children's errors; keep the specific ones.
      .filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword))
      .map((e) => ({ field: fieldOf(e, prefix), message: messageOf(e) }))
      .filter((e) => {
        const key = `${e.field}|${e.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
  );
}
