import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileType, fuzzCounty, registeredRoutes, type Method, type Route } from '../test/fuzz-routes';
import { DIALECTS, startHarness, type Harness } from '../test/harness';

// Property-based fuzz of every API route (SECURITY.md row 9): random methods × random JSON
// bodies (valid bodies with fields swapped for hostile values, arbitrary JSON, deep nesting,
// long strings) × random path ids and query strings. Whatever comes in, the answer is never
// a 500, never hangs, and every error is JSON {error:{code,message}}.
// FUZZ_SEED=<n> replays a run; FUZZ_RUNS=<n> runs longer. The county, the id pools and the
// table of routes with their valid bodies are in test/fuzz-routes.ts.

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

describe.each(DIALECTS)('fuzz every route on %s', (dialect) => {
  type County = Awaited<ReturnType<typeof fuzzCounty>>;
  let h: Harness;
  let f: County['f'];
  let codes: County['codes'];
  let cookies: County['cookies'];
  let freshSession: County['freshSession'];
  let pools: County['pools'];
  let defaults: County['defaults'];
  let routes: Route[];
  beforeAll(async () => {
    h = await startHarness(dialect);
    ({ f, codes, cookies, freshSession, pools, defaults, routes } = await fuzzCounty(h));
  });
  afterAll(() => h.close());

  it('covers every registered route', () => {
    const table = routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(table).toEqual(registeredRoutes(h.app.printRoutes({ commonPrefix: false })));
  });

  it('answers every field, query key and path parameter set to each sharp hostile value without a 500', async () => {
    // Deterministic where the random run above is not: each value alone in an otherwise valid
    // request, as a city-level user (so an in-scope region code can still not exist).
    const missingRegion = `${codes.city.slice(0, 4)}77`;
    const SHARP: unknown[] = ['\u0000', '\uD800', 'x'.repeat(5_000), "' OR 1=1 --", '', null, true, {}, [], -0, 1.5, 2 ** 31, 1e308, 999_999, missingRegion];
    const asRole = (path: string) => (path.startsWith('/api/v1/regions') ? 'sysadmin' : path.startsWith('/api/v1/audit') ? 'auditor' : 'cityOffice');
    const sessions: Record<string, string> = {
      cityOffice: (await f.session('office', codes.city)).cookie, sysadmin: cookies.sysadmin, auditor: cookies.auditor,
    };
    const fillPath = (path: string, override?: [string, string]) =>
      path.replace(/:(\w+)/g, (_, name: string) => {
        if (override && override[0] === name) return override[1];
        if (name === 'id') return String(defaults[path.split('/')[3]!]);
        if (name === 'year') return '2026';
        if (name === 'item') return 'eia';
        return String(defaults[name]);
      });
    const failures: string[] = [];
    let sent = 0;
    const send = async (route: Route, url: string, payload: string | undefined) => {
      const role = asRole(route.path);
      const res = await h.app.inject({
        method: route.method,
        url,
        headers: { cookie: sessions[role]!, 'x-requested-with': 'tuijin', ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(payload !== undefined ? { payload } : {}),
      });
      sent++;
      const label = `${route.method} ${url} ${payload?.slice(0, 200) ?? ''} → ${res.statusCode} ${res.body.slice(0, 200)}`;
      const error = res.statusCode >= 400 ? res.json().error : null;
      // The export answers a spreadsheet; everything else, and every error, is JSON.
      const expected = res.statusCode >= 400 || res.statusCode === 304 ? 'application/json' : fileType(route.path);
      if (res.statusCode >= 500 || (res.statusCode !== 304 && !String(res.headers['content-type']).startsWith(expected)) || (error && !(typeof error.code === 'string' && error.message))) failures.push(label);
      if (/\/(users|auth)\b/.test(route.path)) {
        const me = await h.request('GET', '/api/v1/auth/me', { cookie: sessions[role]! });
        if (me.statusCode !== 200 || me.json().user.mustChangePassword) {
          sessions[role] = (await f.session(role === 'cityOffice' ? 'office' : (role as 'sysadmin' | 'auditor'), role === 'auditor' ? codes.county : codes.city)).cookie;
        }
      }
    };
    const qs = (q: Record<string, string>) => (Object.keys(q).length ? `?${new URLSearchParams(q)}` : '');
    for (const route of routes) {
      const template = () => (typeof route.body === 'function' ? route.body() : route.body);
      for (const key of Object.keys(template() ?? {})) {
        for (const value of SHARP) await send(route, fillPath(route.path) + qs(route.query ?? {}), JSON.stringify({ ...template(), [key]: value }));
      }
      for (const key of Object.keys(route.query ?? {})) {
        for (const value of SHARP) {
          const text = typeof value === 'string' ? value : JSON.stringify(value);
          await send(route, fillPath(route.path) + qs({ ...route.query, [key]: text }), route.body ? JSON.stringify(template()) : undefined);
        }
      }
      for (const [, name] of route.path.matchAll(/:(\w+)/g)) {
        for (const value of SHARP) {
          const raw = typeof value === 'string' ? value.slice(0, 150) : JSON.stringify(value);
          const text = raw === '\uD800' ? '%ED%A0%80' : encodeURIComponent(raw); // a lone surrogate as raw (invalid) UTF-8
          await send(route, fillPath(route.path, [name!, text]) + qs(route.query ?? {}), route.body ? JSON.stringify(template()) : undefined);
        }
      }
    }
    expect(sent).toBeGreaterThan(1_000);
    expect(failures).toEqual([]);
  }, 180_000); // about 20 s at rest on SQLite and 40 s on PostgreSQL; a loaded 2-core machine takes three times that

  it('never answers with a 500, never hangs, and every error is {error:{code,message}}', async () => {
    // Hostile values, mostly of the field's own type so that they get past the schema and
    // reach the services and the database: NUL and lone surrogates in text, 32-bit overflow
    // in ids and versions, ids that do not exist, 1e308, -0.
    const hostileText = fc.oneof(
      fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\uD800', '\uFEFF', '💥', '<script>alert(1)</script>', "' OR 1=1 --", '%', '_', '\\', '../../etc/passwd', '2026-02-30', '0000-00-00', '１２３', 'NaN', '-0', '1e308', '13800138000'),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.integer({ min: 1, max: 150_000 }).map((n) => '长'.repeat(n)),
    );
    const hostileNumber = fc.oneof(
      fc.constantFrom(0, -0, -1, 1.5, 1e308, -1e308, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 63, 1e21, Number.MAX_SAFE_INTEGER, 5e-324),
      fc.integer({ min: 1, max: 100_000 }),
      fc.integer(),
      fc.double(),
    );
    const hostileAny = fc.oneof(
      fc.constantFrom<unknown>(null, true, false, [], {}, [[]], { version: 1 }, ['a', 1, null], 'NaN', 'Infinity'),
      fc.anything({ maxDepth: 3 }),
    );
    const hostileFor = (value: unknown): fc.Arbitrary<unknown> =>
      typeof value === 'string' ? fc.oneof({ weight: 4, arbitrary: hostileText }, { weight: 1, arbitrary: hostileAny })
        : typeof value === 'number' ? fc.oneof({ weight: 4, arbitrary: hostileNumber }, { weight: 1, arbitrary: hostileAny })
          : Array.isArray(value) && value.length ? fc.oneof(fc.array(hostileFor(value[0]), { maxLength: 25 }), hostileAny)
            : fc.oneof(hostileText, hostileNumber, hostileAny);
    const deep = fc.integer({ min: 1, max: 3_000 }).map((d) => {
      let v: unknown = 'bottom';
      for (let i = 0; i < d; i++) v = i % 2 ? [v] : { a: v };
      return v;
    });
    const pick = <T>(items: T[]) => fc.constantFrom(...items);
    const paramValue = (name: string) => {
      const known: (string | number)[] =
        name === 'code' ? pools.code : name === 'year' ? [2026, 2025, 2100] : name === 'item' ? ['eia', 'filing', 'land_permit'] :
        name === 'variant' ? ['thumb', 'display', 'original', 'converted', 'x'] :
        name === 'keyListId' ? pools.keyListId : name === 'nodeId' ? pools.nodeId : [...pools.id, ...pools.uploadId];
      return fc.oneof(
        { weight: 4, arbitrary: pick(known.map(String)) },
        { weight: 1, arbitrary: fc.integer({ min: -3, max: 60 }).map(String) },
        { weight: 2, arbitrary: fc.constantFrom('0', '-1', '1e3', '1.5', '0x1A', '2147483648', '9007199254740993', '100000000000000000000', 'abc', 'null', 'NaN', 'Infinity', '%00', '%20', '%EF%BC%91', '..%2F..', '110000', '1%27%20OR%201%3D1') },
        { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 30 }).map(encodeURIComponent) },
      );
    };
    const QUERY_KEYS = ['q', 'kind', 'regionCode', 'orgId', 'page', 'pageSize', 'year', 'category', 'industry', 'stage', 'level', 'size', 'leaderId', 'responsibleOrgId', 'townshipId', 'ownerOrgId', 'sort', 'order', 'version', 'action', 'username'];
    const queryValue = fc.oneof(
      fc.constantFrom('', '0', '-1', '1', '2', '1e308', '-0', 'NaN', 'Infinity', '2147483647', '2147483648', '9007199254740991', '9007199254740993', '100000000000000000000', '\u0000', 'a\u0000', '%', '_', 'a,b,,c', 'industrial,'.repeat(60), "'; drop table org; --", '2026', 'desc', 'totalInvestment', 'county'),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.integer().map(String),
      fc.integer({ min: 1, max: 100_000 }).map(String),
      fc.constantFrom(...pools.id.map(String)),
    );
    const query = (route: Route) =>
      fc.tuple(
        fc.tuple(...Object.entries(route.query ?? {}).map(([k, v]) => fc.oneof({ weight: 3, arbitrary: fc.constant<[string, string] | null>([k, v]) }, { weight: 2, arbitrary: queryValue.map((x): [string, string] => [k, x]) }, { weight: 1, arbitrary: fc.constant(null) }))),
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 })), queryValue), { maxLength: 2 }),
      ).map(([own, extra]) => {
        const params = new URLSearchParams();
        for (const kv of own) if (kv) params.append(kv[0], kv[1]);
        for (const [k, v] of extra) params.append(k, v);
        const s = params.toString();
        return s ? `?${s}` : '';
      });
    const body = (route: Route) => {
      const templateOf = () => (typeof route.body === 'function' ? route.body() : route.body ?? {});
      const sample = templateOf();
      const keys = Object.keys(sample);
      const fieldChange = fc.oneof(
        ...keys.map((k) => ({ weight: 4, arbitrary: hostileFor(sample[k]).map((v): [string, unknown] => [k, v]) })),
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'createdAt', 'deletedAt', 'version', 'regionCode', 'personId', 'orgId'), fc.oneof(hostileText, hostileNumber, hostileAny)) },
      );
      const mutated = fc
        .tuple(fc.subarray(keys, { maxLength: Math.min(2, keys.length) }), fc.array(fieldChange, { minLength: 1, maxLength: 2 }))
        .map(([drop, set]) => {
          const b: Record<string, unknown> = templateOf();
          for (const k of drop) delete b[k];
          for (const [k, v] of set) Object.defineProperty(b, k, { value: v, enumerable: true, writable: true, configurable: true });
          return JSON.stringify(b);
        });
      return fc.oneof(
        { weight: 2, arbitrary: fc.constant(null).map(() => (route.body ? JSON.stringify(templateOf()) : undefined)) },
        { weight: 10, arbitrary: mutated },
        { weight: 1, arbitrary: fc.anything({ maxDepth: 4 }).map((v) => JSON.stringify(v) as string | undefined) },
        { weight: 1, arbitrary: fc.json({ maxDepth: 4 }) },
        { weight: 1, arbitrary: deep.map((v) => JSON.stringify(v)) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      );
    };
    const request = fc.constantFrom(...routes).chain((route) =>
      fc.record({
        as: fc.oneof({ weight: 8, arbitrary: fc.constant('office' as const) }, { weight: 1, arbitrary: fc.constant('sysadmin' as const) }, { weight: 1, arbitrary: fc.constant('auditor' as const) }),
        method: fc.oneof({ weight: 6, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom<Method>('GET', 'POST', 'PUT', 'PATCH', 'DELETE') }),
        path: fc.tuple(...(route.path.match(/:\w+/g) ?? []).map((p) => paramValue(p.slice(1)))).map((values) => {
          let i = 0;
          return route.path.replace(/:\w+/g, () => String(values[i++]));
        }),
        query: query(route),
        payload: body(route),
      }),
    );

    const statuses = new Map<number, number>();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(request, async ({ as, method, path, query: qs, payload }) => {
        const url = path + qs;
        const label = `${as} ${method} ${url} ${payload === undefined ? '' : payload.slice(0, 300)}`;
        const inject = h.app.inject({
          method,
          url,
          headers: { cookie: cookies[as], 'x-requested-with': 'tuijin', ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
          ...(payload !== undefined ? { payload } : {}),
        });
        let timer: NodeJS.Timeout | undefined;
        const res = await Promise.race([
          inject,
          new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`hung for 5 s: ${label}`)), 5_000); }),
        ]).finally(() => clearTimeout(timer)) as LightMyRequestResponse;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, label).toBeLessThan(500);
        const expected = res.statusCode >= 400 ? 'application/json' : fileType(path.replace(/\/media\/[^/]+\/[^/?]+$/, '/media/:id/:variant').replace(/\/periods\/[^/]+\/archive$/, '/periods/:id/archive'), method);
        expect(String(res.headers['content-type']), label).toMatch(new RegExp(`^${expected.replace('/', '\\/')}`));
        if (res.statusCode >= 400) {
          const { error } = res.json();
          expect(typeof error?.code, label).toBe('string');
          expect(typeof error?.message, label).toBe('string');
          expect(error.message.length, label).toBeGreaterThan(0);
          expect(error.message, label).not.toMatch(/SQLITE|syntax error|violates|relation "|at \w+ \(/i);
        }
        // The fuzz may log itself out, reset its own password or change its own organisation:
        // carry on with a fresh session of the same role.
        const me = await h.request('GET', '/api/v1/auth/me', { cookie: cookies[as] });
        if (me.statusCode !== 200 || me.json().user.mustChangePassword) await freshSession(as);
      }),
      { numRuns: NUM_RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    const count = (pred: (s: number) => boolean) => [...statuses].filter(([s]) => pred(s)).reduce((n, [, c]) => n + c, 0);
    // The fuzz must get past the door: some requests succeed, many are refused as invalid.
    expect(count((s) => s >= 200 && s < 300)).toBeGreaterThanOrEqual(NUM_RUNS / 20);
    expect(count((s) => s === 400)).toBeGreaterThanOrEqual(NUM_RUNS / 5);
    console.log(`fuzz on ${dialect}: ${NUM_RUNS} runs in ${Date.now() - started} ms`, Object.fromEntries([...statuses].sort(([a], [b]) => a - b)));
    expect((await h.request('GET', '/api/v1/health')).statusCode).toBe(200);
  }, 60_000);
});
