import { localDateTime } from '../common/local-time';
import type { GestureKind, Story, TimelineEvent } from '../realtime/contract';

export type MarkdownLang = 'zh' | 'en';

const TEXT = {
  zh: {
    customer: '顾客',
    resolved: '解决于',
    themes: '主题',
    channels: '渠道',
    stores: '门店',
    helpers: '一起帮忙的',
    needed: '顾客需要什么',
    did: '我们做了什么',
    felt: '顾客的感受',
    gestures: '心意',
    reaction: '顾客的反应',
    excerpts: '经过',
    highlight: '本周故事',
    planned: '已计划',
    given: '已送出',
    sep: '、',
    kinds: { handwritten_card: '手写卡片', small_gift: '小礼物', fee_waived: '免除费用', upgrade: '升级', follow_up_call: '回访电话', other: '其他' },
    channel: { chat: '聊天', wechat: '微信', forum: '社区', store: '门店', desk: '服务台', system: '系统' } as Record<string, string>,
  },
  en: {
    customer: 'Customer',
    resolved: 'Resolved',
    themes: 'Themes',
    channels: 'Channels',
    stores: 'Stores',
    helpers: 'Who helped',
    needed: 'What they needed',
    did: 'What we did',
    felt: 'How they felt',
    gestures: 'Gestures',
    reaction: 'Their reaction',
    excerpts: 'What happened',
    highlight: 'Story of the week',
    planned: 'planned',
    given: 'given',
    sep: ', ',
    kinds: { handwritten_card: 'Handwritten card', small_gift: 'Small gift', fee_waived: 'Fee waived', upgrade: 'Upgrade', follow_up_call: 'Follow-up call', other: 'Other' },
    channel: { chat: 'Chat', wechat: 'WeChat', forum: 'Forum', store: 'Store', desk: 'Desk', system: 'System' } as Record<string, string>,
  },
} satisfies Record<MarkdownLang, { kinds: Record<GestureKind, string> } & Record<string, unknown>>;

/**
 * Text as literal Markdown: every punctuation mark Markdown could read as syntax is escaped, and so
 * is a line that starts like a list, quote, heading or a spreadsheet formula (= + - @), so nothing a
 * customer or colleague typed turns into markup, a link, HTML or a formula when the file is opened.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\\`*_{}[\]()<>#|~!]/g, '\\$&').replace(/^(\s*)([-+=@>]|\d+[.)])/, '$1\\$2'))
    .join('  \n');
}

/** The stories as one Markdown document (a story per top-level heading). */
export function storiesMarkdown(stories: Story[], lang: MarkdownLang, timeZone: string): string {
  const t = TEXT[lang];
  const e = escapeMarkdown;
  const when = (iso: string) => localDateTime(new Date(iso), timeZone);
  const parts = stories.map((s) => {
    const lines: string[] = [`# ${e(s.title)}`, ''];
    if (s.highlight) lines.push(`**${t.highlight}**${s.highlight.note ? ` — ${e(s.highlight.note)}` : ''}`, '');
    const meta = [`${t.customer}: ${e(s.customer.displayName)}`, `${t.resolved}: ${when(s.resolvedAt).slice(0, 10)}`];
    if (s.themes.length) meta.push(`${t.themes}: ${s.themes.map(e).join(t.sep)}`);
    if (s.channels.length) meta.push(`${t.channels}: ${s.channels.map((c) => t.channel[c] ?? e(c)).join(t.sep)}`);
    if (s.stores.length) meta.push(`${t.stores}: ${s.stores.map((x) => e(x.name)).join(t.sep)}`);
    if (s.helpers.length) meta.push(`${t.helpers}: ${s.helpers.map((h) => e(h.name)).join(t.sep)}`);
    lines.push(meta.map((x) => `- ${x}`).join('\n'), '');
    lines.push(`## ${t.needed}`, '', e(s.resolution.needed), '');
    lines.push(`## ${t.did}`, '', e(s.resolution.did), '');
    lines.push(`## ${t.felt}`, '', e(s.resolution.felt), '');
    if (s.resolution.customerWords) lines.push(quote(e(s.resolution.customerWords)), '');
    if (s.gestures.length) {
      lines.push(`## ${t.gestures}`, '');
      for (const g of s.gestures) {
        const cost = g.costCents !== null ? `, ¥${(g.costCents / 100).toFixed(2)}` : '';
        lines.push(`- **${t.kinds[g.kind]}** (${g.status === 'given' ? t.given : t.planned}${cost}, ${e(g.by.name)}): ${e(g.note)}`);
        if (g.reaction) lines.push(`  ${t.reaction}: ${e(g.reaction)}`);
      }
      lines.push('');
    }
    if (s.excerpts.length) {
      lines.push(`## ${t.excerpts}`, '');
      for (const ev of s.excerpts) lines.push(`- ${when(ev.occurredAt)} · ${t.channel[ev.channel] ?? e(ev.channel)} · ${e(author(ev, s.customer.displayName))}: ${e(ev.body || '…')}`);
      lines.push('');
    }
    return lines.join('\n').trimEnd();
  });
  return `${parts.join('\n\n---\n\n')}\n`;
}

const quote = (text: string) => text.split('\n').map((l) => `> ${l}`).join('\n');
/** A web visitor's messages carry no name: they are the story's customer. */
const author = (ev: TimelineEvent, customer: string) => ev.author.name ?? (ev.author.type === 'customer' ? customer : ev.author.type);
