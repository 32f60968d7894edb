// A drill waits on restarts, retries and a thousand requests; each reports its own progress on failure.
jest.setTimeout(120_000);
