import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { WeChatErrors } from './wechat.errors';

// No attributes, no number parsing (a 64-bit MsgId must stay a string), only XML's five predefined
// entities: a DOCTYPE (the only place entities can be declared) is refused before parsing.
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** The fields of a WeChat `<xml>` message: top-level element name → text. Nested elements stay objects. */
export type WeChatFields = Record<string, unknown>;

export function parseWeChatXml(text: string): WeChatFields {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw WeChatErrors.doctype();
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw WeChatErrors.badXml(`line ${valid.err.line}: ${valid.err.msg}`);
  const parsed: unknown = parser.parse(text);
  const root = (parsed as { xml?: unknown }).xml;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw WeChatErrors.badXml('the root element must be <xml> with fields');
  return root as WeChatFields;
}

/** A field's text ('' when absent; the first one when repeated). */
export function field(fields: WeChatFields, name: string): string {
  const value = fields[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : typeof first === 'number' ? String(first) : '';
}
