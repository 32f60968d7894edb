/**
 * Node flags the API runs with. Its live heap is about 50 MiB, but under Node's default limit (a share of the
 * machine's memory: 4 GiB here) V8 lets garbage reach 300–400 MiB before a full collection; 256 MiB keeps the RSS
 * near 220 MiB under load at no cost in throughput (BENCHMARKS.md, "API memory"). Docker and `npm run start:api`
 * pass the same flag.
 */
export const API_NODE_ARGS = ['--max-old-space-size=256'];
