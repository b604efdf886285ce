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
  ])('refuses a bad %s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}="${value}"`));
  });
});
