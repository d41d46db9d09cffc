import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomainError } from '../common/domain-error';
import { WeChatErrors } from './wechat.errors';

/** Deeper than this is not a WeChat message (theirs are two levels deep); the parser stops at 100 anyway. */
const MAX_DEPTH = 32;

// No attributes, no number parsing (a 64-bit MsgId must stay a string). Entities: XML's five
// predefined ones and numeric character references (&#20320;), never declared ones: a DOCTYPE
// (the only place entities can be declared) is refused before parsing. `htmlEntities: {}` means
// "no extra named entities, numeric references allowed" (fast-xml-parser 5; pinned by a test).
// Values are not trimmed (a customer's leading and trailing spaces are theirs); field() trims the
// protocol's own fields.
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: {} as unknown as boolean,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
});

/** The fields of a WeChat `<xml>` message: top-level element name → text. Nested elements stay objects. */
export type WeChatFields = Record<string, unknown>;

const CDATA = /<!\[CDATA\[[\s\S]*?\]\]>/g;
const COMMENT = /<!--[\s\S]*?-->/g;
const DECLARATION = /<!(DOCTYPE|ENTITY)/i;

/**
 * Parses a callback body (or a decrypted one). Every failure is a 400 DomainError whose message
 * never quotes the body: parser errors can carry the text around the fault, and what customers
 * write must not reach the logs.
 */
export function parseWeChatXml(text: string): WeChatFields {
  // A DOCTYPE or ENTITY declaration anywhere outside CDATA and comments (in a valid document that is
  // the prolog) is refused: the parser would honour one even after the root. Inside CDATA it is
  // just what a customer pasted (an HTML page), and stays their message.
  if (DECLARATION.test(text.replace(CDATA, '').replace(COMMENT, ''))) throw WeChatErrors.doctype();
  let parsed: unknown;
  try {
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw WeChatErrors.badXml(`not well-formed (line ${Number(valid.err.line) || 0})`);
    parsed = parser.parse(text);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    // Too deep, a reserved name such as <__proto__> or <constructor>, anything else the parser throws.
    throw WeChatErrors.badXml(err instanceof Error && /nested/i.test(err.message) ? 'nested too deep' : 'it cannot be parsed');
  }
  const root = typeof parsed === 'object' && parsed !== null ? (parsed as { xml?: unknown }).xml : undefined;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw WeChatErrors.badXml('the root element must be <xml> with fields');
  return root as WeChatFields;
}

/**
 * A field's text ('' when absent; the first one when repeated), trimmed: the whitespace around a
 * protocol value is the XML's layout. `{ trim: false }` for what the customer wrote (Content).
 */
export function field(fields: WeChatFields, name: string, options: { trim?: boolean } = {}): string {
  if (!Object.prototype.hasOwnProperty.call(fields, name)) return '';
  const value = fields[name];
  const first = Array.isArray(value) ? value[0] : value;
  const text = typeof first === 'string' ? first : typeof first === 'number' ? String(first) : '';
  return options.trim === false ? text : text.trim();
}
