import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { rawSql } from '../database/raw-sql';
import { ftsMatch, indexText, onlySingleCjkChars, queryTerms, tsQuery } from '../timeline/search-text';

/**
 * Full text over resolved cases (title, resolution, themes, customer name, gestures): the same CJK
 * bigram scheme as the timeline's search, an FTS5 table on SQLite and a tsvector on PostgreSQL.
 * Rewritten in the transaction that changes what a story says; open cases are not in it.
 */
@Injectable()
export class StoryIndex {
  constructor(private readonly dataSource: DataSource) {}

  private get pg() {
    return this.dataSource.options.type === 'postgres';
  }

  /** Re-reads the case and indexes it when resolved (removes it otherwise). */
  async refresh(m: EntityManager, caseId: string): Promise<void> {
    await rawSql(m, 'DELETE FROM story_search WHERE case_id = $1', [caseId]);
    const [c] = await rawSql<{ title: string; status: string; display_name: string; resolution_version: number }[]>(
      m,
      `SELECT c.title, c.status, c.resolution_version, cu.display_name FROM cases c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = $1`,
      [caseId],
    );
    if (!c || c.status !== 'resolved') return;
    const [resolution] = await rawSql<{ needed: string; did: string; felt: string; customer_words: string | null }[]>(
      m,
      'SELECT needed, did, felt, customer_words FROM case_resolutions WHERE case_id = $1 AND version = $2',
      [caseId, c.resolution_version],
    );
    const themes = await rawSql<{ theme: string }[]>(m, 'SELECT theme FROM case_themes WHERE case_id = $1', [caseId]);
    const gestures = await rawSql<{ note: string; reaction: string | null }[]>(m, 'SELECT note, reaction FROM gestures WHERE case_id = $1', [caseId]);
    const text = indexText(
      [
        c.title,
        c.display_name,
        resolution?.needed,
        resolution?.did,
        resolution?.felt,
        resolution?.customer_words,
        ...themes.map((t) => t.theme),
        ...gestures.flatMap((g) => [g.note, g.reaction]),
      ]
        .filter(Boolean)
        .join('\n'),
    );
    if (this.pg) {
      await m.query(
        `INSERT INTO story_search (case_id, text, tsv) VALUES ($1, $2, to_tsvector('simple', $2))
         ON CONFLICT (case_id) DO UPDATE SET text = EXCLUDED.text, tsv = EXCLUDED.tsv`,
        [caseId, text],
      );
    }
    else await m.query('INSERT INTO story_search (case_id, text) VALUES (?, ?)', [caseId, text]);
  }

  /**
   * A condition on `c.id` for the stories matching a query, as SQL text with one `$n` placeholder
   * (number `param`) and its value; null when the query has no searchable term.
   */
  condition(query: string, param: number): { sql: string; value: string } | null {
    const terms = queryTerms(query);
    if (!terms.length) return null;
    // A lone CJK character is not in the bigram index as a token: match it in the stored text.
    if (onlySingleCjkChars(terms)) {
      return { sql: `c.id IN (SELECT case_id FROM story_search WHERE text LIKE $${param})`, value: `%${'phrase' in terms[0] ? terms[0].phrase[0] : ''}%` };
    }
    return this.pg
      ? { sql: `c.id IN (SELECT case_id FROM story_search WHERE tsv @@ to_tsquery('simple', $${param}))`, value: tsQuery(terms) }
      : { sql: `c.id IN (SELECT case_id FROM story_search WHERE story_search MATCH $${param})`, value: ftsMatch(terms) };
  }
}
