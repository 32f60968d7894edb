export type { ActionInput } from '@dvc/core';
