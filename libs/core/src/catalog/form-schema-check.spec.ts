import { formSchemaProblems } from './form-schema-check';

const form = (properties: Record<string, unknown>) => ({ type: 'object', properties, additionalProperties: false });

describe('formSchemaProblems: an e-form schema compiles, or the fault is named at its JSON pointer', () => {
  it.each<[string, unknown, { field: string; message: RegExp }[]]>([
    ['a schema with a string and a bounded integer', form({ hoTen: { type: 'string', maxLength: 100 }, soBanSao: { type: 'integer', minimum: 1 } }), []],
    ['a type that is no JSON type', form({ hoTen: { type: 'strin' } }), [{ field: 'formSchema/properties/hoTen/type', message: /^(type|enum|anyOf)/ }]],
    [
      'a minimum that is text',
      form({ soBanSao: { type: 'integer', minimum: 'một' } }),
      [{ field: 'formSchema/properties/soBanSao/minimum', message: /type: must be number/ }],
    ],
    ['required that is not a list', { type: 'object', properties: {}, required: 'hoTen' }, [{ field: 'formSchema/required', message: /type: must be array/ }]],
    [
      'a pattern that is no regular expression',
      form({ cccd: { type: 'string', pattern: '([0-9]{12}' } }),
      [{ field: 'formSchema/properties/cccd/pattern', message: /does not compile/ }],
    ],
    ['a $ref to nothing', form({ diaChi: { $ref: '#/$defs/diaChi' } }), [{ field: 'formSchema/properties/diaChi/$ref', message: /does not compile/ }]],
    ['a root that is not an object form', { type: 'string' }, [{ field: 'formSchema/type', message: /must be "object"/ }]],
    ['not an object at all', ['hoTen'], [{ field: 'formSchema', message: /JSON Schema object/ }]],
  ])('%s', (_name, schema, expected) => {
    const problems = formSchemaProblems(schema);
    expect(problems.length).toBeGreaterThanOrEqual(expected.length === 0 ? 0 : 1);
    if (expected.length === 0) expect(problems).toEqual([]);
    for (const e of expected) expect(problems).toContainEqual({ field: e.field, message: expect.stringMatching(e.message) });
  });
});
