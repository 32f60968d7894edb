import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, type FieldError } from '@dvc/core';

/** Deeper than any form we take; the class-transformer/validator walk is recursive and would overflow the stack. */
export const MAX_INPUT_DEPTH = 32;

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message: message.replace(/^property \S+ /, '') }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Half of a UTF-16 surrogate pair on its own: only a JSON escape such as "\ud800" produces one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function badText(text: string): string | null {
  if (text.includes('\u0000')) return 'NUL characters';
  if (LONE_SURROGATE.test(text)) return 'unpaired surrogate escapes';
  return null;
}

/**
 * Refuses, without recursion, input nested deeper than MAX_INPUT_DEPTH and text PostgreSQL cannot store (NUL
 * characters in text; unpaired surrogates in jsonb), which would otherwise fail in the database instead of here.
 */
export function checkInputShape(value: unknown, root: string): FieldError | null {
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (typeof node === 'string') {
      const bad = badText(node);
      if (bad) return { field: path, message: `must not contain ${bad}` };
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return { field: root, message: `is nested more than ${MAX_INPUT_DEPTH} levels deep` };
    for (const [key, child] of Object.entries(node)) {
      const bad = badText(key);
      if (bad) return { field: path, message: `must not have keys with ${bad}` };
      stack.push({ node: child, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return null;
}

/** Unknown fields are errors too; every failure is a 422 listing each field; a body must be a JSON object. */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const shape = checkInputShape(value, metadata.data ?? metadata.type);
      if (shape) throw DomainError.validation([{ ...shape, field: shape.field.replace(/^(body|query)\./, '') }]);
    }
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw DomainError.validation([{ field: 'body', message: 'must be a JSON object' }]);
      }
    }
    return super.transform(value, metadata);
  }
}

export const validationPipe = new ProblemValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  forbidUnknownValues: true,
  stopAtFirstError: false,
  exceptionFactory: (errors) => DomainError.validation(flatten(errors)),
});
