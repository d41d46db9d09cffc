import { excerpt, imageIdsIn, plainText, renderMarkdown } from './markdown';
import { XSS_PAYLOADS } from './xss-payloads';

const IMAGE_ID = '3f6c0c3e-1111-4222-8333-444455556666';


/**
 * The elements of the output with their attributes. sanitize-html writes every attribute value in
 * double quotes (a quote inside is &quot;), so this reads its markup exactly.
 */
const elementsOf = (html: string) =>
  [...html.matchAll(/<([a-z][a-z0-9]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*\/?>/gi)].map(([, tag, attrs]) => ({
    tag: tag.toLowerCase(),
    attrs: [...attrs.matchAll(/\s+([^\s=/>]+)(?:="([^"]*)")?/g)].map(([, name, value]) => ({ name: name.toLowerCase(), value: value ?? '' })),
  }));

describe(renderMarkdown.name, () => {
  it('should have a payload list of at least 30 classic XSS attempts', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(XSS_PAYLOADS)('should never let %j become live script', (payload) => {
    const html = renderMarkdown(payload);
    expect(html).not.toMatch(/<script/i);
    // Raw HTML shows as text: what stays a tag is one of ours, with only its own attributes.
    const elements = elementsOf(html);
    expect(html.match(/</g)?.length ?? 0).toBe(html.match(/<\/?[a-z][a-z0-9]*[\s/>]/gi)?.length ?? 0);
    for (const { tag, attrs } of elements) {
      expect(['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h3', 'h4', 'hr', 'a', 'img']).toContain(tag);
      for (const { name, value } of attrs) {
        expect(name).not.toMatch(/^on/);
        expect(tag === 'a' ? ['href', 'rel', 'target'] : tag === 'img' ? ['src', 'alt'] : []).toContain(name);
        if (name === 'href' || name === 'src') expect(value).not.toMatch(/javascript:|vbscript:|data:/i);
      }
    }
    // Every link and image that survives points somewhere we allow.
    for (const [, href] of html.matchAll(/<a [^>]*href="([^"]*)"/g)) expect(href).toMatch(/^(https?:\/\/|mailto:|\/(?!\/))/);
    for (const [, src] of html.matchAll(/<img [^>]*src="([^"]*)"/g)) expect(src).toMatch(/^\/api\/chat\/images\/[0-9a-f-]{36}(\/thumb)?$/);
  });

  it('should show raw HTML typed into a post as text, never as tags', () => {
    expect(renderMarkdown('a <b>bold</b> c')).toBe('<p>a &lt;b&gt;bold&lt;/b&gt; c</p>');
    expect(renderMarkdown('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it('should keep ordinary Markdown: emphasis, lists, quotes, code and line breaks', () => {
    expect(renderMarkdown('**粗体** _斜体_ ~~删除~~ `code`')).toBe('<p><strong>粗体</strong> <em>斜体</em> <del>删除</del> <code>code</code></p>');
    expect(renderMarkdown('- 一\n- 二\n\n1. one\n2. two')).toBe('<ul>\n<li>一</li>\n<li>二</li>\n</ul>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>');
    expect(renderMarkdown('> 引用\n\n第一行\n第二行')).toBe('<blockquote>\n<p>引用</p>\n</blockquote>\n<p>第一行<br />第二行</p>');
    expect(renderMarkdown('```\nif (a < b) {}\n```')).toBe('<pre><code>if (a &lt; b) {}\n</code></pre>');
    expect(renderMarkdown('---')).toBe('<hr />');
  });

  it('should turn headings into h3 and h4 so a post never outranks the page title', () => {
    expect(renderMarkdown('# 一\n## 二\n### 三')).toBe('<h3>一</h3>\n<h4>二</h4>\n<h4>三</h4>');
  });

  it('should keep safe links, opening them in a new tab without passing on who sent the reader', () => {
    const rel = 'rel="nofollow ugc noopener noreferrer" target="_blank"';
    expect(renderMarkdown('[帮助](https://example.com/help)')).toBe(`<p><a href="https://example.com/help" ${rel}>帮助</a></p>`);
    expect(renderMarkdown('[版块](/forum/boards/help)')).toBe(`<p><a href="/forum/boards/help" ${rel}>版块</a></p>`);
    expect(renderMarkdown('<mailto:help@example.com>')).toContain('href="mailto:help@example.com"');
    expect(renderMarkdown('见 https://example.com')).toContain('<a href="https://example.com"');
    // A link somewhere else keeps its words.
    expect(renderMarkdown('[点这里](javascript:alert(1))')).toBe('<p>点这里</p>');
  });

  it('should keep our uploaded images (and thumbnails) and drop any other', () => {
    expect(renderMarkdown(`![屏幕](/api/chat/images/${IMAGE_ID})`)).toBe(`<p><img src="/api/chat/images/${IMAGE_ID}" alt="屏幕" /></p>`);
    expect(renderMarkdown(`![](/api/chat/images/${IMAGE_ID}/thumb)`)).toContain(`src="/api/chat/images/${IMAGE_ID}/thumb"`);
    expect(renderMarkdown('![外链](https://example.com/a.png)')).toBe('<p></p>');
    expect(renderMarkdown(`![](/api/chat/images/${IMAGE_ID}/../../evil)`)).not.toContain('<img');
  });
});

describe(plainText.name, () => {
  it('should strip Markdown, show images as [图片] and put blocks on their own lines', () => {
    expect(plainText(`# 充不进电\n\n试了**两根**线都不行 ![](/api/chat/images/${IMAGE_ID})\n\n- 重启过\n- 换过插座`)).toBe(
      '充不进电\n试了两根线都不行 [图片]\n重启过\n换过插座',
    );
    expect(plainText('[帮助](https://example.com) `code` <b>x</b>')).toBe('帮助 code <b>x</b>');
  });
});

describe(imageIdsIn.name, () => {
  it('should list the uploaded images a rendered post shows, each once', () => {
    const html = renderMarkdown(`![](/api/chat/images/${IMAGE_ID}) ![](/api/chat/images/${IMAGE_ID}/thumb) ![](https://x.example/a.png)`);
    expect(imageIdsIn(html)).toEqual([IMAGE_ID]);
  });
});

describe(excerpt.name, () => {
  it('should cut long text at 140 characters with an ellipsis and keep short text', () => {
    expect(excerpt('短')).toBe('短');
    const long = '好'.repeat(200);
    expect(excerpt(long)).toHaveLength(140);
    expect(excerpt(long).endsWith('…')).toBe(true);
  });
});
