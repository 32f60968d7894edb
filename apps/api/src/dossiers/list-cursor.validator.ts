import { ValidateBy, type ValidationOptions } from 'class-validator';
import { decodeListCursor } from '@dvc/core';

/**
 * A cursor of either list order. The null-key form is allowed here (the worklist uses it); the service checks the
 * order of the caller's own list.
 */
export function IsListCursor(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isListCursor',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && decodeListCursor(value, 'due') !== null,
        defaultMessage: () => 'is not a cursor this API returned',
      },
    },
    options,
  );
}
