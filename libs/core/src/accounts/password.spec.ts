import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/); // the test runner's cost
    expect(hash).not.toContain('correct horse');
    await expect(verifyPassword('correct horse battery staple', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapler', hash)).resolves.toBe(false);
  });

  it('hashes at the full cost outside the test runner, and checks a hash at the cost it names', async () => {
    const testHash = await hashPassword('correct horse battery staple');
    const runner = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const hash = await hashPassword('correct horse battery staple');
      expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
      await expect(verifyPassword('correct horse battery staple', hash)).resolves.toBe(true);
      await expect(verifyPassword('correct horse battery staple', testHash)).resolves.toBe(true);
      await expect(verifyPassword('correct horse battery stapler', testHash)).resolves.toBe(false);
    } finally {
      process.env.NODE_ENV = runner;
    }
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toEqual(await hashPassword('same'));
  });

  it('refuses a malformed stored hash', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
  });
});
