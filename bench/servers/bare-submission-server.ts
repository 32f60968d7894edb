/**
 * The submission ceiling: bare Fastify and pg doing the writes of a real online submission and nothing else —
 * the agency's code counter (autocommit), then in one transaction the dossier row, its event and its outbox row.
 * The rows are copies of a template the harness took from a real submission (BENCH_TEMPLATE, JSON), so the
 * bytes written are the same. Prints "listening <port>" when ready.
 */
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

interface Template {
  dossier: Record<string, unknown>;
  event: Record<string, unknown>;
  outbox: Record<string, unknown>[];
}

const template = JSON.parse(process.env.BENCH_TEMPLATE ?? '{}') as Template;
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });

/** INSERT … VALUES ($1…) for a template row; json columns travel as JSON text, like an ORM sends them. */
function insertOf(table: string, row: Record<string, unknown>) {
  const columns = Object.keys(row);
  const sql = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
  const values = (over: Record<string, unknown>) =>
    columns.map((c) => {
      const v = c in over ? over[c] : row[c];
      return v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v;
    });
  return { sql, values };
}

const dossierInsert = insertOf('dossiers', template.dossier);
const { id: _serial, ...eventRow } = template.event;
const eventInsert = insertOf('dossier_events', eventRow);
const outboxInserts = template.outbox.map((o) => insertOf('outbox', o));
const agency = String(template.dossier.receiving_agency_code);

const app = Fastify();
app.post('/submit', async (request, reply) => {
  const body = request.body as { form?: unknown };
  const now = new Date();
  const day = now.toISOString().slice(0, 10);
  const { rows } = await pool.query(
    `INSERT INTO dossier_code_counters (agency_code, day, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_code_counters.last_value + 1 RETURNING last_value`,
    [agency, day],
  );
  const code = `${agency}-${day.replace(/-/g, '').slice(2)}-${String(rows[0].last_value).padStart(4, '0')}`;
  const id = randomUUID();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      dossierInsert.sql,
      dossierInsert.values({ id, code, form: body.form ?? template.dossier.form, submitted_at: now, created_at: now, updated_at: now }),
    );
    await client.query(`${eventInsert.sql} RETURNING id`, eventInsert.values({ dossier_id: id, at: now }));
    for (const o of outboxInserts) await client.query(o.sql, o.values({ id: randomUUID(), dossier_code: code, created_at: now }));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  return reply.code(201).send({ code });
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
