import { field, parseWeChatXml } from './wechat-xml';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return 'none';
  } catch (err) {
    return (err as { code?: string }).code ?? `plain Error: ${(err as Error).message}`;
  }
};

describe('WeChat XML', () => {
  it('should refuse XML nested deeper than a message ever is with a 400, not a plain Error', () => {
    const deep = `<xml>${'<a>'.repeat(150)}x${'</a>'.repeat(150)}</xml>`;
    expect(codeOf(() => parseWeChatXml(deep))).toBe('wechat.bad_xml');
    const fairlyDeep = `<xml>${'<a>'.repeat(40)}x${'</a>'.repeat(40)}</xml>`;
    expect(codeOf(() => parseWeChatXml(fairlyDeep))).toBe('wechat.bad_xml');
  });

  it('should refuse reserved element names (__proto__, constructor, prototype) with a 400 and pollute nothing', () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const xml = `<xml><FromUserName>o1</FromUserName><${name}><polluted>yes</polluted></${name}></xml>`;
      expect([name, codeOf(() => parseWeChatXml(xml))]).toEqual([name, 'wechat.bad_xml']);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('should never quote the body in its error messages', () => {
    const secret = 'customer-wrote-this-0123456789';
    for (const xml of [
      `<xml>${'<a>'.repeat(150)}${secret}${'</a>'.repeat(150)}</xml>`,
      `<xml><__proto__>${secret}</__proto__></xml>`,
      `<xml><Content>${secret}</xml>`,
      `<xml><${secret}>1</${secret.toUpperCase()}></xml>`,
    ]) {
      try {
        parseWeChatXml(xml);
        throw new Error('parsed');
      } catch (err) {
        expect((err as { code?: string }).code).toMatch(/^wechat\./);
        expect(JSON.stringify({ message: (err as Error).message, details: (err as { details?: unknown }).details })).not.toContain(secret.slice(0, 12));
      }
    }
  });

  it('should keep a customer message whose CDATA holds a DOCTYPE (pasted HTML), but refuse a DOCTYPE anywhere else', () => {
    const html = '<!DOCTYPE html><html><body>&lt;hi&gt; <!ENTITY x "y"></body></html>';
    const fields = parseWeChatXml(`<xml><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${html}]]></Content></xml>`);
    expect(field(fields, 'Content', { trim: false })).toBe(html);
    expect(codeOf(() => parseWeChatXml('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><xml><Content>&e;</Content></xml>'))).toBe('wechat.xml_doctype');
    // After the root's start the parser would still read one: refused too.
    expect(codeOf(() => parseWeChatXml('<xml><A>1</A><!DOCTYPE x [<!ENTITY e "boom">]><B>&e;</B></xml>'))).toBe('wechat.xml_doctype');
    expect(codeOf(() => parseWeChatXml('<xml><A><![CDATA[x]]></A><!ENTITY e "boom"><B>1</B></xml>'))).toBe('wechat.xml_doctype');
  });

  it("should keep a customer's leading and trailing spaces in Content, trim the protocol's fields, and decode character references", () => {
    const fields = parseWeChatXml(
      '<xml>\n  <FromUserName>\n    <![CDATA[oUser1]]>\n  </FromUserName>\n  <CreateTime> 1348831860 </CreateTime>\n' +
        '  <Content><![CDATA[  两个空格开头，结尾也有  ]]></Content>\n  <Label>&#20320;&#x597D; &amp; &lt;b&gt; &nbsp;</Label>\n' +
        '  <Title><![CDATA[&#20320; &amp;]]></Title>\n</xml>',
    );
    expect(field(fields, 'Content', { trim: false })).toBe('  两个空格开头，结尾也有  ');
    expect(field(fields, 'FromUserName')).toBe('oUser1');
    expect(field(fields, 'CreateTime')).toBe('1348831860');
    // Numeric references and XML's five entities are decoded; HTML's named ones are not XML.
    expect(field(fields, 'Label')).toBe('你好 & <b> &nbsp;');
    // CDATA is text as is.
    expect(field(fields, 'Title')).toBe('&#20320; &amp;');
    expect(field(fields, 'Missing')).toBe('');
    expect(field(fields, 'toString')).toBe('');
  });

  it('should keep a 64-bit MsgId as its digits', () => {
    expect(field(parseWeChatXml('<xml><MsgId>9223372036854775807</MsgId></xml>'), 'MsgId')).toBe('9223372036854775807');
  });
});
