import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { TimelineEvent } from '@hearth/contract';
import { accessibleText } from '../../testing/dom';
import { anEvent } from '../../testing/timeline';
import { I18n } from '../core/i18n';
import { excerptText } from '../shared/event-excerpt';
import type { EventRenderer } from './event-renderer';
import { rendererFor } from './event-registry';
import { ForumSolvedEvent } from './forum-solved-event';
import { ForumStatusEvent } from './forum-status-event';

// The two forum events that tell how a thread turned out: solved (forum.solved) and a suggestion's
// feedback status (forum.status). Both read as help given and heard, never as a score.

const THREAD = { threadId: 't-1', threadTitle: '电池掉电快', board: '使用求助', boardSlug: 'help', url: '/forum/threads/t-1' };

function solved(on: 'asker' | 'helper', solvedBy: unknown): TimelineEvent {
  return anEvent(5, {
    customerId: on === 'asker' ? 'c-zhang' : 'c-xiaomi',
    kind: 'forum.solved',
    channel: 'forum',
    author: { type: 'customer', id: 'c-zhang', name: '张伟' },
    body: '「电池掉电快」已解决：采纳了 小米 的回答',
    sourceId: `solved:t-1:12:${on}`,
    details: { ...THREAD, postId: '12', solvedBy },
  });
}

function status(details: Record<string, unknown>): TimelineEvent {
  return anEvent(6, {
    kind: 'forum.status',
    channel: 'forum',
    author: { type: 'staff', id: 's-1', name: '林晓' },
    body: '产品建议「夜间模式」状态：已计划',
    details: { ...THREAD, threadTitle: '夜间模式', board: '产品建议', url: '/forum/threads/t-2', threadId: 't-2', ...details },
  });
}

const FAN = { kind: 'member', username: 'xiaomi', displayName: '小米', seniorFan: true };

describe('forum outcome events', () => {
  let i18n: I18n;
  const t = (key: Parameters<I18n['t']>[0], params?: Parameters<I18n['t']>[1]) => i18n.t(key, params);

  beforeEach(() => {
    localStorage.clear();
    i18n = TestBed.inject(I18n);
  });

  afterEach(() => i18n.setLang('zh-CN'));

  async function render(component: Type<EventRenderer>, event: TimelineEvent): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(component);
    fixture.componentRef.setInput('event', event);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('should draw forum.solved and forum.status with their own renderers', () => {
    expect(rendererFor('forum.solved')).toBe(ForumSolvedEvent);
    expect(rendererFor('forum.status')).toBe(ForumStatusEvent);
  });

  describe(ForumSolvedEvent.name, () => {
    it('should tell the asker’s timeline that a senior fan’s answer helped them, linking to the thread', async () => {
      const root = await render(ForumSolvedEvent, solved('asker', FAN));

      const link = root.querySelector<HTMLAnchorElement>('.title a')!;
      expect(accessibleText(link)).toBe('「电池掉电快」已解决（在新标签页打开）');
      expect(link.getAttribute('href')).toBe('/forum/threads/t-1');
      expect(link.target).toBe('_blank');
      expect(root.querySelector('.helped')!.textContent).toBe('小米（资深粉丝） 的回答帮到了 TA');
      expect(root.textContent).toContain('版块：使用求助');
    });

    it('should name a member who is not a senior fan plainly, and staff as official', async () => {
      const member = await render(ForumSolvedEvent, solved('asker', { ...FAN, displayName: '阿杰', seniorFan: false }));
      expect(member.querySelector('.helped')!.textContent).toBe('阿杰 的回答帮到了 TA');

      const staff = await render(ForumSolvedEvent, solved('asker', { kind: 'staff', name: '林晓' }));
      expect(staff.querySelector('.helped')!.textContent).toBe('林晓（官方） 的回答帮到了 TA');
    });

    it('should thank the helper on their own timeline', async () => {
      const root = await render(ForumSolvedEvent, solved('helper', FAN));
      expect(root.querySelector('.helped')!.textContent).toBe('TA 的回答帮提问的人解决了问题，谢谢 TA');
    });

    it('should never count or score anything', async () => {
      const root = await render(ForumSolvedEvent, solved('asker', FAN));
      expect(root.textContent).not.toMatch(/\d|积分|分数|排名/);
    });

    it('should still read when the answer’s author is missing', async () => {
      const root = await render(ForumSolvedEvent, solved('asker', 'garbage'));
      expect(root.querySelector('.title')!.textContent).toContain('「电池掉电快」已解决');
      expect(root.querySelector('.helped')).toBeNull();
    });
  });

  describe(ForumStatusEvent.name, () => {
    it('should give the suggestion’s new status, where it was before and the team’s note', async () => {
      const root = await render(ForumStatusEvent, status({ status: 'planned', previousStatus: 'heard', note: '预计下个版本加入' }));

      const link = root.querySelector<HTMLAnchorElement>('.title a')!;
      expect(accessibleText(link)).toBe('产品建议「夜间模式」：已计划（在新标签页打开）');
      expect(link.getAttribute('href')).toBe('/forum/threads/t-2');
      expect(root.textContent).toContain('之前：已收到');
      expect(root.querySelector('.note')!.textContent).toContain('官方说明');
      expect(root.querySelector('.note')!.textContent).toContain('预计下个版本加入');
    });

    it.each([
      ['heard', '已收到', 'hearing'],
      ['shipped', '已上线', 'rocket_launch'],
    ])('should read %s as %s', async (value, label, icon) => {
      const root = await render(ForumStatusEvent, status({ status: value, previousStatus: null, note: null }));
      expect(root.querySelector('.title')!.textContent).toContain(`产品建议「夜间模式」：${label}`);
      expect(root.querySelector('.icon')!.textContent).toBe(icon);
      expect(root.textContent).not.toContain('之前');
      expect(root.querySelector('.note')).toBeNull();
    });

    it('should fall back to the server’s words for a status it doesn’t know', async () => {
      const root = await render(ForumStatusEvent, status({ status: 'rejected' }));
      expect(root.querySelector('.title')!.textContent).toContain('产品建议「夜间模式」状态：已计划');
    });
  });

  describe('excerpts (case panels, stories)', () => {
    it('should tell a solved thread in one line, in the reader’s language', () => {
      expect(excerptText(solved('asker', FAN), t)).toBe('「电池掉电快」已解决：小米（资深粉丝） 的回答帮到了 TA');
      expect(excerptText(solved('helper', FAN), t)).toBe('「电池掉电快」已解决：TA 的回答帮提问的人解决了问题，谢谢 TA');
      i18n.setLang('en');
      expect(excerptText(solved('asker', FAN), t)).toBe('“电池掉电快” is solved: 小米 (senior fan)’s answer helped them');
    });

    it('should tell a status change with its note, or alone', () => {
      expect(excerptText(status({ status: 'shipped', note: '已在 2.3 版上线' }), t)).toBe('产品建议「夜间模式」：已上线 — 已在 2.3 版上线');
      expect(excerptText(status({ status: 'heard' }), t)).toBe('产品建议「夜间模式」：已收到');
      expect(excerptText(status({ status: 'rejected' }), t)).toBe('产品建议「夜间模式」状态：已计划');
    });
  });
});
