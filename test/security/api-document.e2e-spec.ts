import { ApiProperty } from '@nestjs/swagger';
import { apiDocument, summaryFrom } from '../../apps/api/src/api-docs';
import { createTestApp, DB_KINDS, TestApp } from '../support';
import { controllerModels, schemaClasses } from './schema-classes';

type Operation = { summary?: string; security?: unknown[]; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** The OpenAPI document scripts read: only the JSON API, and every operation says who may call it and how it refuses. */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let operations: [string, string, Operation][];
  let document: {
    servers?: { url: string }[];
    security?: unknown[];
    components: {
      schemas: Record<
        string,
        { properties?: Record<string, { type?: string; items?: { type?: string }; properties?: unknown; additionalProperties?: unknown; allOf?: unknown }> }
      >;
    };
    paths: Record<string, Record<string, Operation>>;
  };
  beforeAll(async () => {
    t = await createTestApp(DB_KINDS[0]);
    document = (await t.http().get('/api/docs-json').expect(200)).body;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => [m, path, item[m]] as [string, string, Operation]),
    );
  });
  afterAll(() => t.close());

  it('holds the JSON API, the calendar feed and health, not the pages that browsers post forms to', () => {
    const paths = operations.map(([, path]) => path);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/actions/{id}/status', '/health', '/calendar/{token}.ics']));
    expect(paths.filter((p) => !p.startsWith('/api/') && p !== '/health' && !p.startsWith('/calendar/'))).toEqual([]);
  });

  it('asks for a token or the session cookie everywhere but sign-in, health and the feed', () => {
    expect(document.security).toEqual([{ bearer: [] }, { cookie: [] }]);
    const open = operations.filter(([, , op]) => op.security?.length === 0).map(([m, p]) => `${m} ${p}`);
    expect(open.sort()).toEqual(['get /calendar/{token}.ics', 'get /health', 'post /api/v1/auth/sign-in']);
  });

  it('gives every operation a summary and its refusals in the one error shape', () => {
    for (const [method, path, op] of operations) {
      expect({ op: `${method} ${path}`, summary: op.summary?.length }).toEqual({ op: `${method} ${path}`, summary: expect.any(Number) });
      const refusals = Object.keys(op.responses).filter((s) => /^4/.test(s));
      expect({ op: `${method} ${path}`, refusals: refusals.length > 0 }).toEqual({ op: `${method} ${path}`, refusals: true });
      for (const status of refusals) expect(op.responses[status].content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/Error');
    }
    const status = document.paths['/api/v1/actions/{id}/status'].post;
    expect(Object.keys(status.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '404', '422']));
    expect(Object.keys(document.paths['/health'].get.responses)).not.toContain('401');
  });

  it('keeps the pages in the full document the hostile-input test sends to', () => {
    const full = apiDocument(t.app, { pages: true });
    expect(Object.keys(full.paths)).toEqual(expect.arrayContaining(['/actions/{id}/status', '/api/v1/actions/{id}/status']));
  });

  it('names the server and types every number a script may send as a number', () => {
    expect(document.servers).toEqual([{ url: expect.stringMatching(/^http/) }]);
    const rules = document.components.schemas.ReminderRulesDto.properties!;
    expect(rules.beforeDays).toMatchObject({ type: 'array', items: { type: 'number' } });
    for (const name of ['overdueOwnerDays', 'managerAfterDays', 'chairAfterDays', 'overdueRepeatDays']) expect(rules[name].type).toBe('number');
  });

  it('types every field: none is a bare object (a `string | null` field without `type: String` reads as one)', () => {
    const bare = Object.entries(document.components.schemas).flatMap(([name, schema]) =>
      Object.entries(schema.properties ?? {})
        .filter(([, p]) => p.type === 'object' && !p.properties && !p.additionalProperties && !p.allOf)
        .map(([field]) => `${name}.${field}`),
    );
    expect(bare).toEqual([]);
  });

  it('gives each class its own schema name: two classes of one name would overwrite each other in the document', () => {
    const byName = schemaClasses(controllerModels(t.app));
    // The walk reaches every schema of the document (Error is written by hand), so the check covers them all.
    expect(Object.keys(document.components.schemas).filter((name) => name !== 'Error' && !byName.has(name))).toEqual([]);
    expect([...byName].filter(([, classes]) => classes.size > 1).map(([name]) => name)).toEqual([]);
  });

  it('notices two classes of one name', () => {
    const twin = () => {
      class Twin {
        @ApiProperty() field: string;
      }
      return Twin;
    };
    const [first, second] = [twin(), twin()];
    class Holder {
      @ApiProperty({ type: first }) one: unknown;
      @ApiProperty({ type: () => [second] }) other: unknown;
    }
    const byName = schemaClasses([Holder]);
    expect([...byName].map(([name, classes]) => [name, classes.size])).toEqual([
      ['Holder', 1],
      ['Twin', 2],
    ]);
  });

  it('words a summary from the handler name when none is written', () => {
    expect(summaryFrom('ActionsController_changeStatus')).toBe('Change status');
    expect(summaryFrom('PeopleController_listUsers')).toBe('List users');
  });
});
