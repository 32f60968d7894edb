import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { JwtService } from '@nestjs/jwt';
import { startTestApp, TestApp } from '@dvc/testing';
import {
  boundaryValues,
  encodeSegment,
  FORGED_CURSORS,
  NULL_KEY_CURSOR,
  hostileHeaderValue,
  nodePaths,
  replaceAt,
  valueAt,
  hostileSegment,
  hostileString,
  hostileValue,
  mutate,
  mutation,
  rawBodies,
  RAW_SEGMENTS,
  toJson,
  type Mutation,
  type RawBody,
} from './sweep/hostile-values';
import { exampleOf, fillPath, operationsOf, pathParamNames, type Operation } from './sweep/openapi-operations';
import { send, summarise, violation, type RawRequest, type RawResponse } from './sweep/raw-http';
import { changes, snapshot, snapshotQuery } from './sweep/row-counts';
import { actionBody, buildWorld, freshDatabase, IDENTITIES, type Identity, type SweepWorld } from './sweep/sweep-fixtures';
import { multipartBody, uploadPlan, UPLOAD_CONTENTS, type UploadPlan } from './sweep/upload-contents';

/**
 * Property-based sweep of every operation in the API's own OpenAPI document with hostile paths, queries, headers and
 * bodies. Rules: never a 5xx; a 4xx is problem+json; a refused request leaves every table as it was (and a GET never
 * writes). SWEEP_SEED and SWEEP_RUNS reproduce or widen a run.
 */
const SEED = Number(process.env.SWEEP_SEED ?? 20_261_125);
const RUNS = Number(process.env.SWEEP_RUNS ?? 30);
/** Operations in the document when this sweep was written: fewer means the enumeration broke, not that routes went. */
const KNOWN_OPERATIONS = 38;
const BODY_LIMIT = 1_048_576;
/** A few operations do real work on valid input (a reorganisation dry run takes seconds): they get fewer runs. */
const OPERATION_TIME_LIMIT_MS = 3_000;
const ALLOWED_MIME = ['application/pdf', 'image/jpeg', 'image/png'];

type BodyPlan =
  | { kind: 'none' }
  | { kind: 'mutated'; mutation: Mutation; contentType: string | null }
  | { kind: 'whole'; value: unknown }
  | { kind: 'raw'; raw: RawBody }
  | { kind: 'upload'; plan: UploadPlan };

interface Plan {
  identity: Identity;
  authorization: string | string[] | null;
  pathValues: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string | string[]>;
  body: BodyPlan;
}

const JSON_TYPES = [
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  null,
];
const EXTRA_QUERY_KEYS = [
  '__proto__',
  '__proto__[isAdmin]',
  'constructor[prototype][isAdmin]',
  'a[b][c][d][e]',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_SecureHash',
  'token',
  'limit',
  'cursor',
  'phone',
  'code',
];

describe('bad-input sweep (fast-check)', () => {
  let t: TestApp;
  let base: string;
  let world: SweepWorld;
  let operations: Operation[];
  let filesDir: string;
  let dropDb: () => Promise<void>;
  let countQuery: string;
  const admitted = new Map<string, Identity[]>();
  let requests = 0;

  beforeAll(async () => {
    const database = await freshDatabase('sweep');
    dropDb = database.drop;
    filesDir = await mkdtemp(join(tmpdir(), 'dvc-sweep-files-'));
    t = await startTestApp({ ...database.env, FILES_DIR: filesDir, SMS_PROVIDER: 'log', HTTP_BODY_LIMIT_BYTES: String(BODY_LIMIT) }, { listen: true });
    base = t.baseUrl!;
    world = await buildWorld(t);
    operations = operationsOf((await t.http.get('/docs-json').expect(200)).body);
    countQuery = await snapshotQuery(t.db);
    // Which callers get past the guard on each operation (a probe without a body: a 422 at most, nothing written).
    for (const op of operations) {
      const ok: Identity[] = [];
      for (const identity of IDENTITIES) {
        const res = await dispatch(op, { identity, authorization: null, pathValues: {}, query: [], headers: {}, body: { kind: 'none' } });
        if (res.status !== 401 && res.status !== 403) ok.push(identity);
      }
      admitted.set(op.id, ok.length > 0 ? ok : [...IDENTITIES]);
    }
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await dropDb?.();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
    console.log(`bad-input sweep: seed ${SEED}, ${RUNS} runs per operation, ${operations?.length ?? 0} operations, ${requests} requests`);
  });

  function pathFor(op: Operation, chosen: Record<string, string>): string {
    const values: Record<string, string> = {};
    for (const name of pathParamNames(op.path)) values[name] = chosen[name] ?? encodeURIComponent(world.pathValues[name]?.[0] ?? 'x');
    return fillPath(op.path, values);
  }

  function bodyOf(op: Operation, plan: Plan): { contentType: string | null; bytes: Buffer } | null {
    const b = plan.body;
    switch (b.kind) {
      case 'none':
        return null;
      case 'raw':
        return { contentType: b.raw.contentType, bytes: b.raw.bytes };
      case 'upload':
        return multipartBody(b.plan);
      case 'whole':
        return { contentType: 'application/json', bytes: Buffer.from(toJson(b.value), 'utf8') };
      case 'mutated':
        return { contentType: b.contentType, bytes: Buffer.from(toJson(mutate(baseBody(op, plan), b.mutation)), 'utf8') };
    }
  }

  /** The valid body the mutations start from. */
  function baseBody(op: Operation, plan: Plan): unknown {
    if (op.path.endsWith('/dossiers') && op.method === 'POST') return world.submission;
    if (op.path.endsWith('/{code}/{action}')) return actionBody(plan.pathValues.action ?? 'accept', world);
    if (op.path.endsWith('/auth/citizens/verify')) return { phone: world.citizenPhone, code: '123456' };
    return op.body ? exampleOf(op.body.schema) : {};
  }

  function requestOf(op: Operation, plan: Plan): RawRequest {
    const headers: Record<string, string | string[]> = { ...plan.headers };
    const authorization = plan.authorization ?? (plan.identity === 'anonymous' ? null : `Bearer ${world.tokens[plan.identity]}`);
    if (authorization !== null) headers.authorization = authorization;
    const body = bodyOf(op, plan);
    if (body?.contentType) headers['content-type'] = body.contentType;
    const query = plan.query.map(([k, v]) => `${k}=${v}`).join('&');
    return { method: op.method, path: `${pathFor(op, plan.pathValues)}${query ? `?${query}` : ''}`, headers, body: body?.bytes };
  }

  async function dispatch(op: Operation, plan: Plan): Promise<RawResponse> {
    requests += 1;
    return send(base, requestOf(op, plan));
  }

  const segmentFor = (name: string) =>
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(world.pathValues[name] ?? ['x'])).map(encodeURIComponent) }, { weight: 2, arbitrary: hostileSegment });

  function planFor(op: Operation): fc.Arbitrary<Plan> {
    const names = pathParamNames(op.path);
    const queryParams = op.params.filter((p) => p.in === 'query');
    const documented = fc.tuple(
      ...queryParams.map((p) =>
        fc
          .oneof(
            { weight: 2, arbitrary: fc.constant(null) },
            { weight: 2, arbitrary: fc.constant(encodeURIComponent(String(exampleOf(p.schema)))) },
            { weight: 3, arbitrary: hostileString.map(encodeSegment) },
            { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
            ...(p.name === 'cursor' ? [{ weight: 3, arbitrary: fc.constantFrom(...FORGED_CURSORS.map((c) => c.cursor), NULL_KEY_CURSOR) }] : []),
          )
          .map((v) => (v === null ? null : ([p.name, v] as [string, string]))),
      ),
    );
    const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...EXTRA_QUERY_KEYS), hostileSegment), fc.oneof(hostileSegment, fc.constant('1'))), {
      maxLength: 2,
    });
    const body: fc.Arbitrary<BodyPlan> =
      op.body?.mediaType === 'multipart/form-data'
        ? fc.oneof(
            { weight: 6, arbitrary: uploadPlan.map((plan) => ({ kind: 'upload', plan }) as BodyPlan) },
            { weight: 1, arbitrary: fc.constantFrom(...rawBodies(BODY_LIMIT)).map((raw) => ({ kind: 'raw', raw }) as BodyPlan) },
          )
        : op.body
          ? fc.oneof(
              {
                weight: 6,
                arbitrary: fc.record({ mutation, contentType: fc.constantFrom(...JSON_TYPES) }).map((m) => ({ kind: 'mutated', ...m }) as BodyPlan),
              },
              { weight: 1, arbitrary: hostileValue.map((value) => ({ kind: 'whole', value }) as BodyPlan) },
              { weight: 2, arbitrary: fc.constantFrom(...rawBodies(BODY_LIMIT)).map((raw) => ({ kind: 'raw', raw }) as BodyPlan) },
            )
          : fc.oneof(
              { weight: 4, arbitrary: fc.constant({ kind: 'none' } as BodyPlan) },
              { weight: 1, arbitrary: fc.constantFrom(...rawBodies(BODY_LIMIT)).map((raw) => ({ kind: 'raw', raw }) as BodyPlan) },
            );
    return fc.record({
      identity: fc.constantFrom(...admitted.get(op.id)!),
      authorization: fc.oneof(
        { weight: 8, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: hostileHeaderValue.map((v) => (Array.isArray(v) ? v.map((x) => `Bearer ${x}`) : `Bearer ${v}`)) },
        { weight: 1, arbitrary: hostileHeaderValue },
      ),
      pathValues: fc.record(Object.fromEntries(names.map((n) => [n, segmentFor(n)]))) as fc.Arbitrary<Record<string, string>>,
      query: fc.tuple(documented, extra).map(([d, e]) => [...d.filter((x): x is [string, string] => x !== null), ...e]),
      headers: fc.record(
        {
          'idempotency-key': hostileHeaderValue,
          'x-request-id': hostileHeaderValue,
          accept: fc.constantFrom('application/json', 'application/xml', '*/*', 'text/html;q=0.1, \xff'),
          'accept-language': hostileHeaderValue,
        },
        { requiredKeys: [] },
      ),
      body,
    });
  }

  /** Sends the plan and checks the answer, throwing (so fast-check reports it) on the first break. */
  async function sendChecked(op: Operation, plan: Plan): Promise<{ req: RawRequest; res: RawResponse }> {
    const req = requestOf(op, plan);
    requests += 1;
    const res = await send(base, req);
    const broken = violation(res, op.id);
    if (broken) throw new Error(`${op.id}: ${broken}\n  request: ${summarise(req)}`);
    if (plan.body.kind === 'upload' && res.status === 201) {
      const content = plan.body.plan.content;
      const mime = (res.json as { mime: string }).mime;
      if (content.storedAs === null || (content.storedAs !== 'sniffed' && content.storedAs !== mime) || !ALLOWED_MIME.includes(mime)) {
        throw new Error(`${op.id}: ${content.label} was stored as ${mime}\n  request: ${summarise(req)}`);
      }
    }
    return { req, res };
  }

  /**
   * Runs requests against one operation while watching the rows: after each refused write the figures must be
   * those from before it; a GET may not change anything at all (checked once at the end, which is cheaper).
   */
  async function watchingRows(op: Operation, run: (one: (plan: Plan) => Promise<void>, resync: () => Promise<void>) => Promise<void>): Promise<void> {
    let rows = await snapshot(t.db, countQuery, filesDir);
    const perRequest = op.method !== 'GET';
    const resync = async () => {
      rows = await snapshot(t.db, countQuery, filesDir);
    };
    await run(async (plan) => {
      const { req, res } = await sendChecked(op, plan);
      if (!perRequest) return;
      const after = await snapshot(t.db, countQuery, filesDir);
      const moved = changes(rows, after);
      rows = after;
      if (res.status >= 400 && moved.length > 0)
        throw new Error(`${op.id}: answered ${res.status} but rows changed (${moved.join(', ')})\n  request: ${summarise(req)}`);
    }, resync);
    if (!perRequest) {
      const moved = changes(rows, await snapshot(t.db, countQuery, filesDir));
      if (moved.length > 0) throw new Error(`${op.id}: reading changed rows (${moved.join(', ')})`);
    }
  }

  /** Each plan in turn; failures are collected so one run reports every operation that breaks. */
  async function sweepFixed(op: Operation, plans: Plan[], failures: string[]): Promise<void> {
    await watchingRows(op, async (one) => {
      for (const plan of plans) await one(plan).catch((e: Error) => failures.push(e.message));
    }).catch((e: Error) => failures.push(e.message));
  }

  const plain = (op: Operation, over: Partial<Plan>): Plan => ({
    identity: admitted.get(op.id)!.at(-1)!,
    authorization: null,
    pathValues: {},
    query: [],
    headers: {},
    body: { kind: 'none' },
    ...over,
  });

  it(`the OpenAPI document lists at least the ${KNOWN_OPERATIONS} operations known today, each reachable by someone`, () => {
    expect(operations.length).toBeGreaterThanOrEqual(KNOWN_OPERATIONS);
    expect(operations.filter((op) => op.secured && admitted.get(op.id)!.includes('anonymous')).map((op) => op.id)).toEqual([]);
  });

  it('every operation: hostile paths, queries, headers and bodies → no 5xx, 4xx as problem+json, no rows from refused requests', async () => {
    const failures: string[] = [];
    for (const [i, op] of operations.entries()) {
      await watchingRows(op, async (one) => {
        const result = await fc.check(fc.asyncProperty(planFor(op), one), {
          seed: SEED + i,
          numRuns: RUNS,
          endOnFailure: true,
          interruptAfterTimeLimit: OPERATION_TIME_LIMIT_MS,
          markInterruptAsFailure: false,
        });
        if (result.failed) failures.push(`${op.id} (seed ${SEED + i}): ${String((result.errorInstance as Error)?.message ?? result.errorInstance)}`);
      }).catch((e: Error) => failures.push(e.message));
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('every operation with a body: each broken body (10,000 levels deep, invalid UTF-8, NUL, oversize, wrong types) is a 4xx problem', async () => {
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.body)) {
      await sweepFixed(
        op,
        rawBodies(BODY_LIMIT).map((raw) => plain(op, { body: { kind: 'raw', raw } })),
        failures,
      );
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('every path parameter and query: undecodable bytes, bad escapes, NUL, traversal → no 5xx', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const names = pathParamNames(op.path);
      await sweepFixed(
        op,
        RAW_SEGMENTS.map((segment) =>
          plain(op, {
            pathValues: Object.fromEntries(names.map((n) => [n, segment])),
            query: [...op.params.filter((p) => p.in === 'query').map((p) => [p.name, segment] as [string, string]), [segment, segment]],
          }),
        ),
        failures,
      );
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('every cursor parameter: forged cursors (null or unreadable times, non-uuid ids, impossible years) as every caller let in', async () => {
    const failures: string[] = [];
    const withCursor = operations.filter((op) => op.params.some((p) => p.in === 'query' && p.name === 'cursor'));
    expect(withCursor.map((op) => op.id)).toContain('GET /api/v1/dossiers');
    for (const op of withCursor) {
      const plans = admitted
        .get(op.id)!
        .flatMap((identity) => [...FORGED_CURSORS.map((c) => c.cursor), NULL_KEY_CURSOR].map((cursor) => plain(op, { identity, query: [['cursor', cursor]] })));
      await sweepFixed(op, plans, failures);
    }
    expect(failures).toEqual([]);
  });

  it('every documented query parameter and every body field: boundary values of its own kind (dates, numbers, text)', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const plans: Plan[] = [];
      for (const p of op.params.filter((x) => x.in === 'query')) {
        const example = p.schema.type === 'number' || p.schema.type === 'integer' ? 1 : exampleOf(p.schema);
        for (const v of boundaryValues(example)) plans.push(plain(op, { query: [[p.name, encodeSegment(String(v))]] }));
      }
      if (op.body?.mediaType === 'application/json' && !op.path.endsWith('/{code}/{action}')) {
        const base = baseBody(op, plain(op, {}));
        for (const path of nodePaths(base, 2)) {
          for (const v of boundaryValues(valueAt(base, path))) plans.push(plain(op, { body: { kind: 'whole', value: replaceAt(base, path, v) } }));
        }
      }
      await sweepFixed(op, plans, failures);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('numbers and dates in action bodies reach the database only when they fit (current version, an officer who may act)', async () => {
    const op = operations.find((o) => o.id === 'POST /api/v1/dossiers/{code}/{action}')!;
    const failures: string[] = [];
    let code = world.dossierCodes[1];
    const version = async () =>
      (await t.http.get(`/api/v1/dossiers/${code}`).set('Authorization', `Bearer ${world.tokens.receiving_officer}`)).body.version as number;
    const cases: [string, string, unknown[]][] = [
      ['request-payment', 'amount', boundaryValues(1)],
      ['extend', 'newDueAt', boundaryValues('2027-01-05T17:00:00+07:00')],
      ['accept', 'version', boundaryValues(1)],
    ];
    await watchingRows(op, async (one, resync) => {
      for (const [action, field, values] of cases) {
        for (const v of values) {
          const body = { ...actionBody(action, world, await version()), [field]: v };
          const plan = plain(op, { identity: 'receiving_officer', pathValues: { code, action }, body: { kind: 'whole', value: body } });
          await one(plan).catch((e: Error) => failures.push(e.message));
          // Once an action went through, the next value gets a dossier in the state it needs.
          if ((await t.http.get(`/api/v1/dossiers/${code}`).set('Authorization', `Bearer ${world.tokens.receiving_officer}`)).body.status !== 'received') {
            code = await world.freshReceived();
            await resync();
          }
        }
      }
    }).catch((e: Error) => failures.push(e.message));
    expect(failures).toEqual([]);
  }, 60_000);

  it('what the HTTP parser itself refuses (raw bytes in the request line, oversize headers) is a problem too', async () => {
    const failures: string[] = [];
    const op = operations.find((o) => o.id === 'GET /api/v1/dossiers/{code}')!;
    await sweepFixed(
      op,
      [
        plain(op, { pathValues: { code: '\u00ff\u00fe' } }),
        plain(op, { query: [['q', '\u00c3\u0028']] }),
        plain(op, { headers: { 'x-padding': 'x'.repeat(20_000) } }),
        plain(op, { pathValues: { code: 'x'.repeat(20_000) } }),
      ],
      failures,
    );
    expect(failures).toEqual([]);
  });

  it('uploads: every spoofed type, polyglot and empty file under every claimed name and type is refused or kept as what it really is', async () => {
    const op = operations.find((o) => o.id === 'POST /api/v1/files')!;
    const failures: string[] = [];
    const plans = UPLOAD_CONTENTS.flatMap((content) =>
      ['application/pdf', 'image/png', 'text/html'].map((declaredType) =>
        plain(op, {
          identity: 'citizen',
          body: {
            kind: 'upload',
            plan: { content, fieldName: 'file', fileName: declaredType === 'application/pdf' ? 'giay-to.pdf' : 'anh.png', declaredType, extraParts: 0 },
          },
        }),
      ),
    );
    await sweepFixed(op, plans, failures);
    expect(failures).toEqual([]);
  });

  it('tokens signed with the real key but without expiry, living ten years or with a hostile subject: no 5xx on any secured operation', async () => {
    const jwt = t.app.get(JwtService);
    const citizen = jwt.decode(world.tokens.citizen) as Record<string, unknown>;
    const { iat: _iat, exp: _exp, iss: _iss, ...bare } = citizen;
    const subjects = ['not-a-uuid', "1' OR '1'='1", '\u0000', 'x'.repeat(5000), '../../etc/passwd', '{"$ne":null}', '12345678-1234-1234-1234-1234567890123'];
    const tokens = [
      await jwt.signAsync(bare),
      await jwt.signAsync(bare, { expiresIn: 10 * 365 * 86400 }),
      ...(await Promise.all(
        subjects.flatMap((sub) => [
          jwt.signAsync({ ...bare, sub }, { expiresIn: 60 }),
          jwt.signAsync(
            { sub, kind: 'officer', username: 'admin', roles: ['admin'], agencyCode: '000.00.00.H26', unitCode: '01', scopeCode: '000.00.00.H26' },
            { expiresIn: 60 },
          ),
        ]),
      )),
    ];
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.secured)) {
      await sweepFixed(
        op,
        tokens.map((token) => plain(op, { authorization: `Bearer ${token}` })),
        failures,
      );
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('the API still answers normally afterwards', async () => {
    await t.http.get('/health/ready').expect(200);
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${world.tokens.citizen}`).expect(200);
    expect(me.body.kind).toBe('citizen');
  });
});
