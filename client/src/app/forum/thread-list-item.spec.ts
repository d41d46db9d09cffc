import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ForumThreadSummary } from '@hearth/contract';
import { accessibleText } from '../../testing/dom';
import { I18n } from '../core/i18n';
import { aThreadSummary } from './forum-page-fixtures';
import { ThreadListItem, authorName } from './thread-list-item';

@Component({
  imports: [ThreadListItem],
  template: '<app-forum-thread-list-item [thread]="thread()" [showBoard]="showBoard()" />',
})
class Host {
  readonly thread = signal<ForumThreadSummary>(aThreadSummary('t1'));
  readonly showBoard = signal(false);
}

describe(ThreadListItem.name, () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
  });

  async function render(thread: ForumThreadSummary, showBoard = false): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.thread.set(thread);
    fixture.componentInstance.showBoard.set(showBoard);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('should name a staff author with the staff badge and a staff last poster by name', async () => {
    const el = await render(
      aThreadSummary('t1', { author: { kind: 'staff', name: '林晓' }, lastPoster: { kind: 'staff', name: '周婷' } }),
    );

    expect(accessibleText(el.querySelector('app-forum-author')!)).toBe('林晓官方');
    expect(el.querySelector('.last')!.textContent).toMatch(/周婷 回复于 /);
  });

  it('should name the board only across boards', async () => {
    expect((await render(aThreadSummary('t1'))).querySelector('a.board')).toBeNull();
    const el = await render(aThreadSummary('t1'), true);
    expect(el.querySelector('a.board')!.getAttribute('href')).toBe('/forum/boards/help');
  });

  it('should leave out an empty excerpt (an image-only post)', async () => {
    expect((await render(aThreadSummary('t1', { excerpt: '' }))).querySelector('.excerpt')).toBeNull();
  });

  it('should read in English when English is chosen', async () => {
    TestBed.inject(I18n).setLang('en');
    const el = await render(aThreadSummary('t1', { solved: true, feedbackStatus: 'planned' }));

    expect(Array.from(el.querySelectorAll('.badge')).map((b) => accessibleText(b))).toEqual(['Planned', 'Solved']);
    expect(el.querySelector('.replies')!.textContent).toContain('3 replies');
  });

  it('should tell author names apart by kind', () => {
    expect(authorName({ kind: 'member', username: 'a', displayName: '阿芳', seniorFan: false })).toBe('阿芳');
    expect(authorName({ kind: 'staff', name: '林晓' })).toBe('林晓');
  });
});
