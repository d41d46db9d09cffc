import { normalizePhone } from './phone';

describe(normalizePhone.name, () => {
  it.each([
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '+86 138 1234 5678',
    '+86-13812345678',
    '0086 13812345678',
    '86 13812345678',
    '(+86) 138 1234 5678',
    '１３８１２３４５６７８',
  ])('should read the Chinese mobile %s as +8613812345678', (input) => {
    expect(normalizePhone(input)).toBe('+8613812345678');
  });

  it('should keep other countries when a prefix says so', () => {
    expect(normalizePhone('+44 20 7946 0958')).toBe('+442079460958');
    expect(normalizePhone('+1 (415) 555-2671')).toBe('+14155552671');
  });

  it('should read a mainland landline with its area code', () => {
    expect(normalizePhone('021-6279 8888')).toBe('+862162798888');
  });

  it('should reject what is not a phone number', () => {
    for (const input of ['', 'abc', '123', '1381234567', '23812345678']) expect(normalizePhone(input)).toBeNull();
  });
});
