import { readConfig } from './config';

describe('platform configuration', () => {
  const base = { DATABASE_URL: 'postgres://owner:secret@db.internal:5432/kooperacja' };

  it('connects the application as its own role on the same database, unless told otherwise', () => {
    expect(readConfig(base).databaseAppUrl).toBe('postgres://kooperacja_app@db.internal:5432/kooperacja');
    expect(
      readConfig({ ...base, DATABASE_APP_ROLE: 'reader', DATABASE_APP_PASSWORD: 'p@ss/word' }).databaseAppUrl,
    ).toBe('postgres://reader:p%40ss%2Fword@db.internal:5432/kooperacja');
    expect(readConfig({ ...base, DATABASE_APP_URL: 'postgres://x@y/z' }).databaseAppUrl).toBe('postgres://x@y/z');
    expect(() => readConfig({ ...base, DATABASE_APP_ROLE: 'app; DROP ROLE x' })).toThrow(/identifier/);
  });

  it('reads CORS origins and the rate limit from the environment', () => {
    const config = readConfig({
      ...base,
      CORS_ORIGINS: ' https://a.example , https://b.example,',
      RATE_LIMIT_PER_MINUTE: '60',
    });
    expect(config.http).toEqual({
      corsOrigins: ['https://a.example', 'https://b.example'],
      rateLimitPerMinute: 60,
      bodyLimit: '1mb',
    });
  });

  it('lets processes that verify no tokens start in production without OIDC settings; the API cannot', () => {
    const config = readConfig({ ...base, NODE_ENV: 'production' });
    expect(config.databaseUrl).toBe(base.DATABASE_URL);
    expect(() => config.auth).toThrow(/OIDC_ISSUER/);
    expect(() => readConfig({ ...base, NODE_ENV: 'production', AUTH_MODE: 'dev' }).auth).toThrow(/refused/);
  });
});
