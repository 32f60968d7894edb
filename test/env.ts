import { testEnv } from '../libs/testing/src/test-env';

Object.assign(process.env, testEnv());
