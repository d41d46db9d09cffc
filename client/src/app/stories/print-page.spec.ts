import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { testProviders } from '../../testing/providers';
import { PrintPage, printIds } from './print-page';
import { aStory } from './story-fixtures';

describe(PrintPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;
  let print: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...testProviders(), provideRouter([{ path: 'print/stories', component: PrintPage }])],
    });
    backend = TestBed.inject(HttpTestingController);
    print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
  });

  afterEach(() => {
    backend.verify();
    print.mockRestore();
  });

  const page = (): HTMLElement => harness.routeNativeElement!;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  };

  async function open(url: string, stories = [aStory('a'), aStory('b', { title: '电池鼓包' })]): Promise<void> {
    harness = await RouterTestingHarness.create(url);
    const req = backend.expectOne((r) => r.url === '/api/stories/selection');
    expect(req.request.params.get('ids')).toBe(stories.map((s) => s.caseId).join(','));
    req.flush({ stories });
    await settle();
  }

  it('should lay out each chosen story in the given order, then open the print dialog', async () => {
    await open('/print/stories?ids=a,b');

    const titles = Array.from(page().querySelectorAll('article h1')).map((h) => h.textContent);
    expect(titles).toEqual(['屏幕碎了 a', '电池鼓包']);
    const first = page().querySelector('article')!;
    expect(first.textContent).toContain('顾客需要什么');
    expect(first.querySelector('blockquote')!.textContent).toContain('没想到你们这么快！');
    expect(first.textContent).toContain('一起帮忙的：林晓、王磊');
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('should not open the print dialog with noprint=1', async () => {
    await open('/print/stories?ids=a,b&noprint=1');

    expect(page().querySelectorAll('article')).toHaveLength(2);
    expect(print).not.toHaveBeenCalled();
  });

  it('should say so when no stories were chosen, and ask for nothing', async () => {
    harness = await RouterTestingHarness.create('/print/stories');
    await settle();

    expect(page().textContent).toContain('没有选中要打印的故事。');
    expect(print).not.toHaveBeenCalled();
  });

  it('should say when the stories cannot be loaded, without printing', async () => {
    harness = await RouterTestingHarness.create('/print/stories?ids=a');
    backend.expectOne((r) => r.url === '/api/stories/selection').flush(null, { status: 500, statusText: 'Error' });
    await settle();

    expect(page().querySelector('[role=alert]')!.textContent).toContain('没能加载要打印的故事。');
    expect(print).not.toHaveBeenCalled();
  });

  it('should read the ids without blanks or repeats, at most 50', () => {
    expect(printIds(' a, ,b,a ')).toEqual(['a', 'b']);
    expect(printIds(null)).toEqual([]);
    expect(printIds(Array.from({ length: 60 }, (_, i) => `c${i}`).join(','))).toHaveLength(50);
  });
});
