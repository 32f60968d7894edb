import { meetsAssurance, requiredAssurance } from './assurance';

describe('requiredAssurance', () => {
  // Decree 69/2024 + the brief: a procedure may name the level; a full online (level 4) one needs the deployment's default.
  it.each([
    [4, null, 2, 2],
    [4, null, 1, 1],
    [3, null, 2, 0],
    [3, 2, 2, 2],
    [4, 0, 2, 0],
    [4, 1, 2, 1],
  ] as const)('online level %p, own setting %p, level-4 default %p → %p', (onlineLevel, own, level4Default, expected) => {
    expect(requiredAssurance({ onlineLevel, requiredAssurance: own }, level4Default)).toBe(expected);
  });
});

describe('meetsAssurance', () => {
  it.each([
    [0, 0, true],
    [0, 1, false],
    [1, 2, false],
    [2, 2, true],
    [2, 1, true],
    [1, 1, true],
  ] as const)('held %p, needed %p → %p', (held, needed, expected) => {
    expect(meetsAssurance(held, needed)).toBe(expected);
  });
});
