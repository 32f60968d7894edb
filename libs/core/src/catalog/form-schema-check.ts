import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FieldError } from '../errors/domain-error';

// The options the e-form validator compiles with (libs/dossiers form-validator), so a schema that saves also validates.
const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: false });
addFormats(ajv);

/**
 * Whether an e-form JSON Schema compiles. Each fault is reported at its place in the schema as a JSON pointer
 * (`formSchema/properties/soBanSao/minimum`): first against the 2020-12 meta-schema, then by compiling it
 * (an unresolvable $ref, a pattern that is not a regular expression). An e-form is an object, so the root must
 * say `type: "object"`.
 */
export function formSchemaProblems(schema: unknown, field = 'formSchema'): FieldError[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return [{ field, message: 'must be a JSON Schema object' }];
  if (!ajv.validateSchema(schema)) {
    return (ajv.errors ?? []).map((e) => ({ field: `${field}${e.instancePath}`, message: `${e.keyword}: ${e.message ?? 'is invalid'}` }));
  }
  if ((schema as { type?: unknown }).type !== 'object') return [{ field: `${field}/type`, message: 'must be "object": an e-form is an object of fields' }];
  try {
    ajv.compile(schema);
    ajv.removeSchema(schema);
  } catch (error) {
    ajv.removeSchema(schema);
    const message = error instanceof Error ? error.message : String(error);
    return [{ field: `${field}${locate(schema, message)}`, message: `does not compile: ${message}` }];
  }
  return [];
}

/** Where a compile error comes from: the first `pattern` that is no regular expression, or a $ref it names. */
function locate(schema: object, message: string): string {
  let found = '';
  const walk = (node: unknown, pointer: string): void => {
    if (found || typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const here = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (key === 'pattern' && typeof value === 'string' && !isRegex(value)) found = here;
      else if (key === '$ref' && typeof value === 'string' && message.includes(value)) found = here;
      else walk(value, here);
      if (found) return;
    }
  };
  walk(schema, '');
  return found;
}

function isRegex(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}
