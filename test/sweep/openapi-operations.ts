/** The operations of the running API, read from its own OpenAPI document, so new routes are swept without listing them. */

export type JsonSchema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
};

export interface ParamSpec {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** `POST /api/v1/dossiers/{code}/{action}` */
  id: string;
  method: string;
  /** The OpenAPI path template. */
  path: string;
  params: ParamSpec[];
  body: { mediaType: string; schema: JsonSchema } | null;
  /** Documented as needing a bearer token. */
  secured: boolean;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
        requestBody?: { content: Record<string, { schema?: JsonSchema }> };
        security?: unknown[];
      }
    >
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The schema with every `$ref` replaced by its target (the DTO graph has no cycles; depth is capped anyway). */
export function inlineRefs(doc: OpenApiDocument, schema: JsonSchema | undefined, depth = 0): JsonSchema {
  if (!schema || depth > 12) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return inlineRefs(doc, doc.components?.schemas?.[name], depth + 1);
  }
  const out: JsonSchema = { ...schema };
  if (schema.items) out.items = inlineRefs(doc, schema.items, depth + 1);
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, inlineRefs(doc, v, depth + 1)]));
  if (schema.allOf)
    return schema.allOf.reduce<JsonSchema>((acc, s) => {
      const part = inlineRefs(doc, s, depth + 1);
      return { ...acc, ...part, properties: { ...acc.properties, ...part.properties }, required: [...(acc.required ?? []), ...(part.required ?? [])] };
    }, out);
  return out;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const content = op.requestBody?.content ?? {};
      const mediaType = Object.keys(content)[0];
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? [])
          .filter((p) => ['path', 'query', 'header'].includes(p.in))
          .map((p) => ({
            name: p.name,
            in: p.in as ParamSpec['in'],
            required: p.required ?? p.in === 'path',
            schema: inlineRefs(doc, p.schema),
          })),
        body: mediaType ? { mediaType, schema: inlineRefs(doc, content[mediaType].schema) } : null,
        secured: Array.isArray(op.security) && op.security.length > 0,
      });
    }
  }
  return operations;
}

/** `/api/v1/dossiers/{code}/{action}` with the given (already encoded) segments. */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? 'x');
}

export const pathParamNames = (template: string): string[] => [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);

/** A body that satisfies the documented schema as far as examples, enums and types tell. */
export function exampleOf(schema: JsonSchema): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, exampleOf(v)]));
    case 'array':
      return schema.items ? [exampleOf(schema.items)] : [];
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return schema.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'abc';
    default:
      return schema.properties ? exampleOf({ ...schema, type: 'object' }) : 'abc';
  }
}
