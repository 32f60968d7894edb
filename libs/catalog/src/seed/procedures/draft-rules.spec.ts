import { draftProblems, editsOfContent, contentOfDefinition } from '@dvc/core';
import { PROCEDURES } from '.';

describe('every seeded procedure is a valid draft as it stands (an administrator can open and save it)', () => {
  it.each(PROCEDURES.map((p) => [p.code, p] as const))('%s', (_code, p) => {
    expect(draftProblems(editsOfContent(contentOfDefinition(p)), false)).toEqual([]);
  });
});
