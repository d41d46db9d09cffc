import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { testProviders } from '../../testing/providers';
import { StoriesApi, exportUrl, storyParams } from './stories-api';
import { NO_FILTERS, storyQuery } from './story-filters';

describe(StoriesApi.name, () => {
  let api: StoriesApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: testProviders() });
    api = TestBed.inject(StoriesApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('should send only the filters that are set, and a page size', () => {
    expect(storyParams({}).toString()).toBe('limit=20');
    expect(storyParams({ q: '  ', theme: '', before: 'c1', limit: 5 }).toString()).toBe('before=c1&limit=5');
  });

  it('should build the feed request from the filters in the address', () => {
    const now = new Date(2026, 10, 20);
    const query = storyQuery(
      { ...NO_FILTERS, q: '屏幕碎了', theme: '屏幕', channel: 'store', storeId: 'store-sh', period: 'last-month' },
      now,
    );

    api.list(query).subscribe();

    const req = backend.expectOne((r) => r.url === '/api/stories');
    expect(req.request.params.get('q')).toBe('屏幕碎了');
    expect(req.request.params.get('theme')).toBe('屏幕');
    expect(req.request.params.get('channel')).toBe('store');
    expect(req.request.params.get('storeId')).toBe('store-sh');
    expect(req.request.params.get('from')).toBe('2026-10-01');
    expect(req.request.params.get('to')).toBe('2026-10-31');
    expect(req.request.params.has('highlighted')).toBe(false);
    req.flush({ stories: [], nextCursor: null });
  });

  it('should ask for highlighted and my stories with true flags', () => {
    api.list({ highlighted: true, mine: true }).subscribe();

    const req = backend.expectOne((r) => r.url === '/api/stories');
    expect(req.request.params.get('highlighted')).toBe('true');
    expect(req.request.params.get('mine')).toBe('true');
    req.flush({ stories: [], nextCursor: null });
  });

  it('should ask for this week’s highlighted stories', () => {
    expect(storyParams({ highlighted: 'week' }).get('highlighted')).toBe('week');
  });

  it('should fetch a selection in the given order', async () => {
    const stories = firstValueFrom(api.selection(['b', 'a']));

    const req = backend.expectOne((r) => r.url === '/api/stories/selection');
    expect(req.request.params.get('ids')).toBe('b,a');
    req.flush({ stories: [] });
    expect(await stories).toEqual([]);
  });

  it('should highlight with a note, or without one', () => {
    api.highlight('case 1', '值得一读').subscribe();
    api.highlight('case-2', null).subscribe();

    const withNote = backend.expectOne({ method: 'PUT', url: '/api/stories/case%201/highlight' });
    expect(withNote.request.body).toEqual({ note: '值得一读' });
    expect(backend.expectOne({ method: 'PUT', url: '/api/stories/case-2/highlight' }).request.body).toEqual({});
  });

  it('should post a thank-you with its client id', () => {
    api.thank('c1', 's2', '谢谢你', 'client-123').subscribe();

    const req = backend.expectOne({ method: 'POST', url: '/api/stories/c1/thanks' });
    expect(req.request.body).toEqual({ clientId: 'client-123', toStaffId: 's2', body: '谢谢你' });
  });

  it('should ask for a month of themes, or the server’s current month', () => {
    api.themes('2026-10').subscribe();
    api.themes(null).subscribe();

    expect(backend.expectOne('/api/themes?month=2026-10').request.method).toBe('GET');
    expect(backend.expectOne('/api/themes').request.params.keys()).toEqual([]);
  });

  it('should point the Markdown export at the chosen stories, in the reader’s language', () => {
    expect(exportUrl(['a', 'b c'], 'zh-CN')).toBe('/api/stories/export.md?ids=a,b%20c&lang=zh');
    expect(exportUrl(['a'], 'en')).toBe('/api/stories/export.md?ids=a&lang=en');
  });
});
