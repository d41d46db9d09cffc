import { looksLikePhone, maskPhone } from './phone-text';

describe('looksLikePhone', () => {
  it.each(['13812345678', '138 1234 5678', '138-1234-5678', '+86 138 1234 5678', '0086 13812345678', '(021) 6123 4567', '１３８１２３４５６７８'])(
    'should take %s for a phone number',
    (text) => expect(looksLikePhone(text)).toBe(true),
  );

  it.each(['王芳', '138', '1381234', 'Wang 138', ''])('should not take %s for a whole phone number', (text) =>
    expect(looksLikePhone(text)).toBe(false),
  );
});

describe('maskPhone', () => {
  it('should hide the middle four digits of a Chinese mobile', () => {
    expect(maskPhone('+8613812345678')).toBe('138****5678');
  });

  it('should hide the middle of other numbers too, keeping their plus', () => {
    expect(maskPhone('+14155550100')).toBe('+141****0100');
  });
});
