import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { CaseDetail } from '@hearth/contract';
import { buttonNamed, controlLabelled, typeInto } from '../../../testing/dom';
import { apiError, testProviders } from '../../../testing/providers';
import { aCaseDetail } from './cases-fixtures';
import { ResolveDialog } from './resolve-dialog';

const STORY = { needed: '屏幕碎了，想当天修好', did: '门店当天换屏，送了一张手写卡片', felt: '松了一口气', customerWords: '没想到这么快' };

describe(ResolveDialog.name, () => {
  let http: HttpTestingController;
  let close: jest.Mock;

  async function render(detail: CaseDetail): Promise<HTMLElement> {
    close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        { provide: MAT_DIALOG_DATA, useValue: detail },
        { provide: MatDialogRef, useValue: { close, disableClose: false } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ResolveDialog);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    (root as HTMLElement & { settle: () => Promise<unknown> }).settle = () => fixture.whenStable();
    return root;
  }
  const settle = (root: HTMLElement) => (root as HTMLElement & { settle: () => Promise<unknown> }).settle();

  async function write(root: HTMLElement, story: Partial<typeof STORY>): Promise<void> {
    if (story.needed !== undefined) typeInto(controlLabelled(root, '顾客需要什么'), story.needed);
    if (story.did !== undefined) typeInto(controlLabelled(root, '我们做了什么'), story.did);
    if (story.felt !== undefined) typeInto(controlLabelled(root, '顾客的感受'), story.felt);
    if (story.customerWords !== undefined) typeInto(controlLabelled(root, '顾客的原话（可选）'), story.customerWords);
    await settle(root);
  }

  afterEach(() => http.verify());

  it('should resolve an open case with its story, from version 0', async () => {
    const root = await render(aCaseDetail());
    await write(root, STORY);
    buttonNamed(root, '保存并解决').click();
    const req = http.expectOne({ method: 'PUT', url: '/api/cases/case-1/resolution' });
    expect(req.request.body).toEqual({ expectedVersion: 0, ...STORY, themes: ['屏幕'] });
    const saved = aCaseDetail({ status: 'resolved' });
    req.flush(saved);
    expect(close).toHaveBeenCalledWith(saved);
  });

  it('should ask for the three plain answers before saving', async () => {
    const root = await render(aCaseDetail());
    await write(root, { needed: '换屏' });
    buttonNamed(root, '保存并解决').click();
    await settle(root);
    http.expectNone({ method: 'PUT' });
    expect(root.querySelectorAll('[role=alert].field-error')).toHaveLength(2);
  });

  it('should edit a written story from the version it shows', async () => {
    const resolution = { version: 2, ...STORY, writtenBy: { id: 's-2', name: '王磊' }, writtenAt: '2026-11-02T08:00:00.000Z' };
    const root = await render(aCaseDetail({ status: 'resolved', resolution }));
    expect((controlLabelled(root, '顾客需要什么') as HTMLTextAreaElement).value).toBe(STORY.needed);
    await write(root, { felt: '很开心' });
    buttonNamed(root, '保存修改').click();
    expect(http.expectOne({ method: 'PUT' }).request.body).toEqual(expect.objectContaining({ expectedVersion: 2, felt: '很开心' }));
  });

  it('should keep the draft when a colleague saved meanwhile, and save again from their version', async () => {
    const root = await render(aCaseDetail());
    await write(root, STORY);
    buttonNamed(root, '保存并解决').click();
    const { body, opts } = apiError(409, 'case.resolution_changed', '王磊 changed this story in the meantime (version 1).');
    http.expectOne({ method: 'PUT' }).flush({ ...body, currentVersion: '1', changedBy: '王磊' }, opts);
    await settle(root);

    expect(close).not.toHaveBeenCalled();
    expect(root.textContent).toContain('王磊 在你写的时候修改了这个结局（现在是第 1 版）');
    expect(root.textContent).toContain('你写的内容都还在');
    expect((controlLabelled(root, '我们做了什么') as HTMLTextAreaElement).value).toBe(STORY.did);

    buttonNamed(root, '载入最新版本').click();
    const theirs = { version: 1, needed: '修屏', did: '寄修', felt: '还行', customerWords: null, writtenBy: { id: 's-2', name: '王磊' }, writtenAt: '2026-11-02T08:00:00.000Z' };
    http.expectOne({ method: 'GET', url: '/api/cases/case-1' }).flush(aCaseDetail({ status: 'resolved', resolution: theirs }));
    await settle(root);
    expect(root.textContent).toContain('最新版本（第 1 版，王磊）');
    expect(root.textContent).toContain('寄修');
    // My words are still in the fields.
    expect((controlLabelled(root, '我们做了什么') as HTMLTextAreaElement).value).toBe(STORY.did);

    buttonNamed(root, '保存并解决').click();
    expect(http.expectOne({ method: 'PUT' }).request.body).toEqual(expect.objectContaining({ expectedVersion: 1, did: STORY.did }));
  });

  it('should let the writer start from the colleague’s version instead', async () => {
    const root = await render(aCaseDetail());
    await write(root, STORY);
    buttonNamed(root, '保存并解决').click();
    const { body, opts } = apiError(409, 'case.resolution_changed', '结局已被修改');
    http.expectOne({ method: 'PUT' }).flush(body, opts);
    await settle(root);
    buttonNamed(root, '载入最新版本').click();
    const theirs = { version: 3, needed: '修屏', did: '寄修', felt: '还行', customerWords: null, writtenBy: { id: 's-2', name: '王磊' }, writtenAt: '2026-11-02T08:00:00.000Z' };
    http.expectOne({ method: 'GET' }).flush(aCaseDetail({ status: 'resolved', resolution: theirs }));
    await settle(root);
    buttonNamed(root, '改用最新版本').click();
    await settle(root);
    expect((controlLabelled(root, '我们做了什么') as HTMLTextAreaElement).value).toBe('寄修');
  });
});
