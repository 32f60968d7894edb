import { safeReturnTo } from './vneid-sign-in.service';

describe('safeReturnTo', () => {
  it.each([
    ['/ho-so', '/ho-so'],
    ['/dang-nhap?next=%2Fho-so', '/dang-nhap?next=%2Fho-so'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['ho-so', '/'],
    ['/a b', '/'],
    ['/x#vneid=stolen', '/'],
    ['', '/'],
    [undefined, '/'],
    [['/a', '/b'], '/'],
    [`/${'x'.repeat(600)}`, '/'],
  ])('%p → %p', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });
});
