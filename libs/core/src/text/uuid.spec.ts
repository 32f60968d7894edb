import { isUuid } from './uuid';

describe('isUuid', () => {
  it.each([
    ['08264b44-5d96-4280-b2be-98b6d195ab19', true],
    ['08264B44-5D96-4280-B2BE-98B6D195AB19', true],
    ['08264b44-5d96-4280-b2be-98b6d195ab1', false],
    ['08264b445d964280b2be98b6d195ab19', false],
    [' 08264b44-5d96-4280-b2be-98b6d195ab19', false],
    ["08264b44-5d96-4280-b2be-98b6d195ab19' OR 1=1", false],
    ['', false],
    [42, false],
    [null, false],
  ])('%p → %p', (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});
