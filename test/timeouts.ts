// End-to-end tests wait for queues, SMS delivery and Redis restarts.
jest.setTimeout(30_000);
