import { createValidationPipe } from './validation';

describe(createValidationPipe.name, () => {
  const pipe = createValidationPipe();

  it('should refuse a NUL character anywhere in what the client sent', async () => {
    for (const type of ['body', 'query', 'param'] as const) {
      await expect(pipe.transform({ a: [{ b: 'x\u0000y' }] }, { type })).rejects.toMatchObject({ code: 'validation_failed', status: 400 });
    }
    await expect(pipe.transform({ ['k\u0000']: 'v' }, { type: 'body' })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('should leave injected values alone (the request object is a huge graph: walking it cost seconds per request)', async () => {
    const cyclic: Record<string, unknown> = { name: 'x\u0000' };
    for (let i = 0; i < 40; i++) cyclic[`k${i}`] = cyclic;
    // Walking this one would never finish; the pipe must not look at it.
    await expect(pipe.transform(cyclic, { type: 'custom' })).resolves.toBe(cyclic);
  });
});
