/**
 * The catalogue ceiling: bare Fastify and pg running exactly the statements the API's GET /api/v1/procedures ran
 * for the same query (captured from TypeORM's query log by the harness, BENCH_QUERIES_FILE: one list of
 * {sql, params} per query of the mix), answering the rows as JSON — no Nest, no validation, no mapping.
 * GET /q/<i> runs the i-th query's statements. Prints "listening <port>" when ready.
 */
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import { Pool } from 'pg';

const queries = JSON.parse(readFileSync(process.env.BENCH_QUERIES_FILE ?? '', 'utf8')) as { sql: string; params: unknown[] }[][];
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });

const app = Fastify();
app.get('/q/:i', async (request) => {
  const statements = queries[Number((request.params as { i: string }).i)] ?? [];
  const results = [];
  for (const s of statements) results.push((await pool.query(s.sql, s.params)).rows);
  return results;
});

app.listen({ port: 0, host: '127.0.0.1' }).then(() => {
  process.stdout.write(`listening ${(app.server.address() as { port: number }).port}\n`);
});
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0)),
);
