import { ftsMatch, indexText, onlySingleCjkChars, queryTerms, tsQuery } from './search-text';

describe('search text', () => {
  it('should index a CJK run as overlapping bigrams and keep Latin words', () => {
    expect(indexText('我的屏幕碎了 iPhone 15')).toBe('我的 的屏 屏幕 幕碎 碎了 iPhone 15');
  });

  it('should find a two-character word inside a sentence: the query phrase occurs in the indexed text', () => {
    const [term] = queryTerms('屏幕');
    expect(term).toEqual({ phrase: ['屏幕'] });
    expect(indexText('我的屏幕碎了').split(' ')).toContain('屏幕');
  });

  it('should turn a longer CJK query into a phrase of consecutive bigrams', () => {
    expect(queryTerms('屏幕碎')).toEqual([{ phrase: ['屏幕', '幕碎'] }]);
  });

  it('should mix CJK phrases and Latin prefixes, normalising full-width letters', () => {
    const terms = queryTerms('ＩＰＨＯＮＥ 屏幕');
    expect(terms).toEqual([{ phrase: ['屏幕'] }, { prefix: 'iphone' }]);
    expect(ftsMatch(terms)).toBe('"屏幕" AND "iphone"*');
    expect(tsQuery(terms)).toBe("('屏幕') & 'iphone':*");
  });

  it('should neutralise quotes and operators in queries', () => {
    expect(ftsMatch(queryTerms('"a" OR b*'))).toBe('"a"* AND "or"* AND "b"*');
    expect(tsQuery(queryTerms("o'brien"))).toBe("'o':* & 'brien':*");
  });

  it('should tell when a query is a single CJK character', () => {
    expect(onlySingleCjkChars(queryTerms('王'))).toBe(true);
    expect(onlySingleCjkChars(queryTerms('王芳'))).toBe(false);
    expect(queryTerms('  ')).toEqual([]);
  });
});
