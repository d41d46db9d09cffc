// Chinese has no spaces between words, and most search words are two characters (屏幕, 电池, 退货).
// So a run of CJK characters is indexed as its overlapping bigrams ("屏幕碎了" -> "屏幕 幕碎 碎了"),
// and a query becomes the phrase of its bigrams: a substring match served from the index. Latin text
// is left to the tokenizer as ordinary words.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  return chars.slice(0, -1).map((ch, i) => ch + chars[i + 1]);
}

/** The text as stored in the index. */
export function indexText(text: string): string {
  return text.normalize('NFKC').replace(CJK, (run) => ` ${bigrams(run).join(' ')} `).replace(/\s+/g, ' ').trim();
}

export type QueryTerm = { phrase: string[] } | { prefix: string };

/** A query split into terms that must all match: CJK phrases of bigrams and Latin word prefixes. */
export function queryTerms(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const text = query.normalize('NFKC').toLowerCase();
  let rest = text;
  for (const run of text.match(CJK) ?? []) {
    terms.push({ phrase: bigrams(run) });
    rest = rest.replace(run, ' ');
  }
  for (const word of rest.match(WORD) ?? []) terms.push({ prefix: word });
  return terms;
}

/** True when every CJK run in the query is a single character (the bigram index cannot serve it). */
export function onlySingleCjkChars(terms: QueryTerm[]): boolean {
  return terms.length > 0 && terms.every((t) => 'phrase' in t && t.phrase.length === 1 && [...t.phrase[0]].length === 1);
}

/** SQLite FTS5 MATCH expression. */
export function ftsMatch(terms: QueryTerm[]): string {
  return terms.map((t) => ('phrase' in t ? `"${t.phrase.join(' ')}"` : `"${t.prefix}"*`)).join(' AND ');
}

/** PostgreSQL to_tsquery('simple', …) expression. */
export function tsQuery(terms: QueryTerm[]): string {
  const lexeme = (s: string) => `'${s.replace(/'/g, "''")}'`;
  return terms.map((t) => ('phrase' in t ? `(${t.phrase.map(lexeme).join(' <-> ')})` : `${lexeme(t.prefix)}:*`)).join(' & ');
}
