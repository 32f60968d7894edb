import { checkInputShape, MAX_INPUT_DEPTH, validationPipe } from './validation.pipe';

const nested = (levels: number): unknown => {
  let node: unknown = 1;
  for (let i = 0; i < levels; i++) node = { a: node };
  return node;
};

describe('checkInputShape', () => {
  it.each([
    ['a flat body', { username: 'a', password: 'b' }, null],
    [`${MAX_INPUT_DEPTH} levels`, nested(MAX_INPUT_DEPTH), null],
    [`${MAX_INPUT_DEPTH + 1} levels`, nested(MAX_INPUT_DEPTH + 1), { field: 'body', message: `is nested more than ${MAX_INPUT_DEPTH} levels deep` }],
    ['10,000 levels (no stack overflow)', nested(10_000), { field: 'body', message: `is nested more than ${MAX_INPUT_DEPTH} levels deep` }],
    ['NUL in a nested value', { applicant: { fullName: 'An\u0000' } }, { field: 'body.applicant.fullName', message: 'must not contain NUL characters' }],
    ['NUL in an array item', { ids: ['a', '\u0000'] }, { field: 'body.ids.1', message: 'must not contain NUL characters' }],
    ['NUL in a key', { ['a\u0000']: 1 }, { field: 'body', message: 'must not have keys with NUL characters' }],
    ['a lone high surrogate', { name: 'a\ud800b' }, { field: 'body.name', message: 'must not contain unpaired surrogate escapes' }],
    ['a lone low surrogate', ['\udc00'], { field: 'body.0', message: 'must not contain unpaired surrogate escapes' }],
    ['a surrogate pair (an emoji) is fine', { name: 'Phở 🍜 𝕏' }, null],
    ['Vietnamese text is fine', 'Nguyễn Văn An', null],
  ])('%s', (_label, value, expected) => {
    expect(checkInputShape(value, 'body')).toEqual(expected);
  });
});

describe('validationPipe', () => {
  it('refuses a NUL in a path parameter as a 422 naming it', async () => {
    await expect(validationPipe.transform('a\u0000b', { type: 'param', data: 'code', metatype: String })).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: [{ field: 'code', message: 'must not contain NUL characters' }],
    });
  });

  it('refuses a body nested 10,000 levels deep before class-transformer walks it', async () => {
    await expect(validationPipe.transform(nested(10_000), { type: 'body', metatype: Object })).rejects.toMatchObject({
      fieldErrors: [{ field: 'body', message: `is nested more than ${MAX_INPUT_DEPTH} levels deep` }],
    });
  });
});
