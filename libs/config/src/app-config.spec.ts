import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite file under data/', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'sqlite', file: expect.stringMatching(/data\/improvement-tracker\.sqlite$/) });
    expect(config.port).toBe(3000);
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.queuePrefix).toBe('it');
  });

  it('uses PostgreSQL when DATABASE_URL says so', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', PG_NAMED_STATEMENTS: 'false' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h/db',
      namedStatements: false,
    });
  });

  it('turns numbers and booleans from strings', () => {
    const config = loadConfig({ PORT: '8080', COOKIE_SECURE: 'false', NODE_ENV: 'production' });
    expect(config.port).toBe(8080);
    expect(config.cookieSecure).toBe(false);
  });

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'mysql://x'],
    ['NODE_ENV', 'staging'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['REDIS_URL', 'localhost:6379'],
    ['QUEUE_PREFIX', 'it:prod'],
    ['TRUST_PROXY', 'everyone'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', 'loopback, 10.0.0/8'],
    ['HEALTH_DETAILS', 'maybe'],
    ['PG_NAMED_STATEMENTS', 'sometimes'],
    ['API_DOCS', 'yes please'],
  ])('refuses a bad %s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}="${value}"`));
  });

  it('trusts only loopback as a proxy unless TRUST_PROXY names more', () => {
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 172.16.0.0/12,10.1.2.3 , fd00::/8' }).trustProxy).toEqual([
      'loopback',
      '172.16.0.0/12',
      '10.1.2.3',
      'fd00::/8',
    ]);
  });

  it('shows health details and the API documentation outside production only, unless told', () => {
    expect(loadConfig({ NODE_ENV: 'development' })).toMatchObject({ healthDetails: true, apiDocs: true });
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ healthDetails: false, apiDocs: false });
    expect(loadConfig({ NODE_ENV: 'production', HEALTH_DETAILS: 'true', API_DOCS: '1' })).toMatchObject({ healthDetails: true, apiDocs: true });
    expect(loadConfig({ NODE_ENV: 'development', HEALTH_DETAILS: 'false', API_DOCS: '0' })).toMatchObject({ healthDetails: false, apiDocs: false });
  });
});
