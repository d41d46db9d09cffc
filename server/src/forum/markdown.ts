import { Marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { UUID_PATTERN } from '../common/ids';

/** An uploaded image as posts may show it: ours, same origin, nothing else. */
const OUR_IMAGE = new RegExp(`^/api/chat/images/(${UUID_PATTERN.source.slice(1, -1)})(/thumb)?$`, 'i');
/** Link targets: the web, mail, or a path on this site (never `//host`, which leaves it). */
const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?!\/))/i;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/**
 * Markdown as posts use it. Raw HTML typed into a post is shown as text (never live), and headings
 * start at h3 so a post never outranks the page's own title.
 */
const markdown = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    heading({ tokens, depth }: Tokens.Heading) {
      const level = depth <= 1 ? 3 : 4;
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    html(token: Tokens.HTML | Tokens.Tag) {
      return 'block' in token && token.block ? `<p>${escapeHtml(token.text.trim())}</p>\n` : escapeHtml(token.text);
    },
    // A link to somewhere we don't allow keeps its text and loses the link.
    link({ href, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      return SAFE_HREF.test(cleanUrl(href) ?? '') ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
    },
  },
});

/** What sanitize-html lets through: the tags Markdown makes, with only the attributes they need. */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h3', 'h4', 'hr', 'a', 'img'],
  allowedAttributes: { a: ['href', 'rel', 'target'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  // Anything else (a table, an input from a task list) goes; its text stays.
  disallowedTagsMode: 'discard',
  transformTags: {
    // The renderer already dropped unsafe links; this is the second lock (an <a> without href is inert).
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = cleanUrl(attribs.href);
      return { tagName, attribs: href && SAFE_HREF.test(href) ? { href, rel: 'nofollow ugc noopener noreferrer', target: '_blank' } : {} };
    },
    img: (tagName, attribs): sanitizeHtml.Tag => {
      const src = cleanUrl(attribs.src);
      const alt = attribs.alt ?? '';
      // Only our own uploads; any other image is dropped (the exclusive filter below removes it).
      return { tagName, attribs: src && OUR_IMAGE.test(src) ? { src, alt } : { alt } };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** Control characters and whitespace split a scheme (`jav&#x09;ascript:`) in browsers: they never survive. */
function cleanUrl(value: string | undefined): string | null {
  if (!value) return null;
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  return cleaned || null;
}

/** A post's Markdown as safe HTML: rendered by marked, then cleaned by sanitize-html. */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source, { async: false }) as string;
  return sanitizeHtml(html, SANITIZE).trim();
}

/** Ids of our uploaded images a rendered post shows, in order, each once. */
export function imageIdsIn(html: string): string[] {
  const ids = [...html.matchAll(/<img src="\/api\/chat\/images\/([0-9a-f-]{36})(?:\/thumb)?"/gi)].map((m) => m[1].toLowerCase());
  return [...new Set(ids)];
}

/**
 * The plain text of a post, for the timeline (search and the desk card) and thread excerpts:
 * Markdown marks gone, images as [图片], blocks on their own lines.
 */
export function plainText(source: string): string {
  const lines = markdown.lexer(source).map((token) => tokenText(token));
  return lines
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function tokenText(token: Token): string {
  switch (token.type) {
    case 'image':
      return '[图片]';
    case 'br':
      return '\n';
    case 'space':
    case 'hr':
      return '';
    case 'code':
    case 'codespan':
    case 'escape':
    case 'html':
      return token.text as string;
    case 'list':
      return (token as Tokens.List).items.map((item) => tokenText(item)).join('\n');
    case 'table': {
      const table = token as Tokens.Table;
      return [table.header, ...table.rows].map((row) => row.map((cell) => cell.tokens.map(tokenText).join('')).join(' ')).join('\n');
    }
  }
  if ('tokens' in token && Array.isArray(token.tokens)) {
    const lines = token.type === 'blockquote' || token.type === 'list_item';
    return (token.tokens as Token[]).map(tokenText).join(lines ? '\n' : '');
  }
  return 'text' in token && typeof token.text === 'string' ? token.text : '';
}

/** The start of a text, cut at a character (not in the middle of a surrogate pair), with an ellipsis. */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}
