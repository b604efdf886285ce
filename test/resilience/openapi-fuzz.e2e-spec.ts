import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ROLES } from '@app/domain';
import { apiDocument } from '../../apps/api/src/api-docs';
import { bearer, createTestApp, DB_KINDS, newAuthority, newBoard, newUser, TestApp, TestUser } from '../support';

/**
 * Every operation in the OpenAPI document, sent what a careless script or an attacker sends: a null
 * or a wrong type in each field, extra fields, a huge string, a deep body, odd ids and query values.
 * The answer is never a 5xx, and when every answer for an operation is a 4xx, no data has changed.
 */
type Schema = {
  type?: string;
  format?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  example?: unknown;
  allOf?: Schema[];
};
type Operation = { parameters?: { name: string; in: string; required?: boolean }[]; requestBody?: { content: Record<string, { schema: Schema }> } };

const WRONG: Record<string, unknown[]> = {
  string: [null, 12345, {}, [], 'x'.repeat(20_000), '\u0000'],
  number: [null, '1', 1e300, -1, 1.5],
  integer: [null, '1', 1e300, -1, 1.5],
  boolean: [null, 'true', 1],
  array: [null, 'x', [null], [{}]],
  object: [null, 'x', []],
};
const ODD_QUERY = ['x', '-1', '1e300', '', '%00', 'null'];
// Rows these change on every request, refused or not: the refusal counts and a session's last-seen time.
const MOVING = new Set(['audit_event', 'user_session', 'sign_in_throttle', 'migrations']);

// Thousands of requests: a minute or so on a quiet machine.
jest.setTimeout(300_000);

describe.each(DB_KINDS)('every API operation under hostile input (%s)', (kind) => {
  let t: TestApp;
  let person: TestUser;
  const real: Record<string, string> = {};
  let spec: { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

  beforeAll(async () => {
    t = await createTestApp(kind);
    person = await newUser(t, (await newAuthority(t, 'Fuzzshire')).id, [...ROLES]);
    const board = await newBoard(t, person);
    const plan = await t.http().post('/api/v1/plans').set(bearer(person)).send({ title: 'Plan', boardId: board.id, startDate: '2026-12-01' }).expect(201);
    const action = await t.http().post(`/api/v1/plans/${plan.body.id}/actions`).set(bearer(person)).send({ title: 'An action' }).expect(201);
    Object.assign(real, { plans: plan.body.id, actions: action.body.id, boards: board.id, users: person.id });
    spec = apiDocument(t.app, { pages: true }) as unknown as typeof spec;
  });
  afterAll(() => t.close());

  const resolve = (schema: Schema | undefined): Schema => {
    if (!schema) return {};
    if (schema.$ref) return resolve(spec.components?.schemas?.[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length) return resolve(schema.allOf[0]);
    return schema;
  };
  const sample = (schema: Schema): unknown => {
    const s = resolve(schema);
    if (s.example !== undefined) return s.example;
    if (s.enum?.length) return s.enum[0];
    if (s.format === 'uuid') return randomUUID();
    if (s.type === 'integer' || s.type === 'number') return 1;
    if (s.type === 'boolean') return true;
    if (s.type === 'array') return [];
    if (s.type === 'object' || s.properties) return plausible(s);
    return 'text';
  };
  const plausible = (schema: Schema): Record<string, unknown> => {
    const s = resolve(schema);
    return Object.fromEntries((s.required ?? []).map((name) => [name, sample(s.properties?.[name] ?? {})]));
  };
  const bodiesFor = (op: Operation): unknown[] => {
    const schema = resolve(op.requestBody?.content?.['application/json']?.schema);
    const base = plausible(schema);
    const bodies: unknown[] = [{}, null, [], 'text', { ...base, unexpected: 1 }, { ...base, nested: JSON.parse('['.repeat(40) + ']'.repeat(40)) }];
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const type = resolve(property).type ?? (resolve(property).properties ? 'object' : 'string');
      for (const value of WRONG[type] ?? WRONG.string) bodies.push({ ...base, [name]: value });
    }
    return bodies;
  };
  /** The template with each id the one of a real record, by the segment before it; null when one is not known. */
  const realPath = (template: string): string | null => {
    let known = true;
    const path = template.replace(/([\w-]+)\/\{[^}]+\}/g, (_all, segment: string) => {
      if (!real[segment]) known = false;
      return `${segment}/${real[segment]}`;
    });
    return known && path !== template ? path : null;
  };
  const snapshot = async () => {
    const ds = t.get(DataSource);
    const hash = createHash('sha256');
    for (const table of ds.entityMetadatas.map((m) => m.tableName).sort()) {
      if (MOVING.has(table)) continue;
      hash.update(table + JSON.stringify(await ds.query(`SELECT * FROM "${table}" ORDER BY 1`)));
    }
    return hash.digest('hex');
  };

  it('never answers 5xx, and a refused operation changes nothing', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const [template, operations] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const paths = [template.replace(/\{[^}]+\}/g, () => randomUUID()), template.replace(/\{[^}]+\}/g, 'not-an-id')];
        const queries = (op.parameters ?? []).filter((p) => p.in === 'query').flatMap((p) => ODD_QUERY.map((v) => `?${p.name}=${encodeURIComponent(v)}`));
        const changes = method !== 'get';
        const before = changes ? await snapshot() : null;
        const statuses: number[] = [];
        const send = async (path: string, body?: unknown) => {
          const request = t.http()[method as 'get'](path).set(bearer(person));
          const response = await (body === undefined ? request : request.set('content-type', 'application/json').send(JSON.stringify(body)));
          requests++;
          statuses.push(response.status);
          if (response.status >= 500) failures.push(`${method.toUpperCase()} ${path} ${JSON.stringify(body)?.slice(0, 120)} → ${response.status}`);
        };
        for (const path of paths) await send(path);
        for (const query of queries) await send(template.replace(/\{[^}]+\}/g, () => randomUUID()) + query);
        const reachable = realPath(template);
        if (op.requestBody) for (const body of bodiesFor(op)) for (const path of [paths[0], ...(reachable ? [reachable] : [])]) await send(path, body);
        if (changes && statuses.every((s) => s >= 400 && s < 500) && (await snapshot()) !== before)
          failures.push(`${method.toUpperCase()} ${template}: a refused request changed data`);
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(500);
  });
});
