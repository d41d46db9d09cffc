import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('should verify the right password and reject a wrong one', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    await expect(verifyPassword('correct horse', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horsf', hash)).resolves.toBe(false);
  });

  it('should salt every hash differently', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('should treat a malformed stored hash as no match', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
  });
});
