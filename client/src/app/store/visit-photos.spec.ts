import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ChatImage } from '@hearth/contract';
import { buttonNamed } from '../../testing/dom';
import { apiError, testProviders } from '../../testing/providers';
import { VisitPhotos } from './visit-photos';

const anImage = (id: string): ChatImage => ({
  id,
  url: `/api/chat/images/${id}`,
  thumbUrl: `/api/chat/images/${id}/thumb`,
  width: 800,
  height: 600,
  mime: 'image/jpeg',
});

describe(VisitPhotos.name, () => {
  let fixture: ComponentFixture<VisitPhotos>;
  let http: HttpTestingController;
  let added: ChatImage[];
  let removed: string[];

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: testProviders() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(VisitPhotos);
    fixture.componentRef.setInput('images', [anImage('img-1')]);
    added = [];
    removed = [];
    fixture.componentInstance.added.subscribe((image) => added.push(image));
    fixture.componentInstance.removed.subscribe((id) => removed.push(id));
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function pick(file: File): void {
    const input = fixture.nativeElement.querySelector('input[type=file]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  it('should offer the camera for photos and show each one as a thumbnail that can be removed', () => {
    const input = fixture.nativeElement.querySelector('input[type=file]') as HTMLInputElement;
    expect(input.accept).toBe('image/*');
    expect(input.getAttribute('capture')).toBe('environment');
    expect(buttonNamed(fixture.nativeElement, '添加照片')).toBeTruthy();
    expect((fixture.nativeElement.querySelector('img') as HTMLImageElement).getAttribute('src')).toBe('/api/chat/images/img-1/thumb');

    buttonNamed(fixture.nativeElement, '移除照片 1').click();
    expect(removed).toEqual(['img-1']);
  });

  it('should upload a chosen photo as multipart field "file"', async () => {
    pick(new File(['jpeg'], 'screen.jpg', { type: 'image/jpeg' }));
    const req = http.expectOne({ method: 'POST', url: '/api/chat/images' });
    expect((req.request.body as FormData).get('file')).toBeInstanceOf(File);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[role=status]')).not.toBeNull();

    req.flush(anImage('img-2'), { status: 201, statusText: 'Created' });
    expect(added.map((image) => image.id)).toEqual(['img-2']);
  });

  it("should say why the server refused a photo, in the server's words", async () => {
    pick(new File(['huge'], 'huge.jpg', { type: 'image/jpeg' }));
    const { body, opts } = apiError(413, 'image.too_large', 'The image is larger than 5 MB.');
    http.expectOne('/api/chat/images').flush(body, opts);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[role=alert]').textContent).toContain('照片没能上传：The image is larger than 5 MB.');
    expect(added).toEqual([]);
  });
});
