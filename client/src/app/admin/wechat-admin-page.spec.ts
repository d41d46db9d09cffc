import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { WeChatChannel } from '@hearth/contract';
import { accessibleText, buttonNamed, controlLabelled, overlay, typeInto } from '../../testing/dom';
import { apiError, testProviders } from '../../testing/providers';
import { WeChatAdminPage } from './wechat-admin-page';

const DEMO: WeChatChannel = {
  id: 'ch-1',
  name: 'Hearth 服务号',
  appId: 'wx5f3c2a1b9d8e7f60',
  callbackPath: '/api/wechat/ch-1',
  mode: 'plain',
  active: true,
  secrets: { appSecret: true, token: true, encodingAesKey: false },
  createdAt: '2026-11-01T00:00:00.000Z',
};

describe(WeChatAdminPage.name, () => {
  let fixture: ComponentFixture<WeChatAdminPage>;
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: testProviders() });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(WeChatAdminPage);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const page = (): HTMLElement => fixture.nativeElement;
  const rows = () => Array.from(page().querySelectorAll<HTMLTableRowElement>('tbody tr'));
  const dialog = () => overlay().querySelector<HTMLElement>('mat-dialog-container')!;
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
  async function loadList(channels: WeChatChannel[]): Promise<void> {
    backend.expectOne({ method: 'GET', url: '/api/channels/wechat' }).flush({ channels });
    await settle();
  }

  it('should list each account with its AppID, mode, callback URL and status, and never a secret', async () => {
    await loadList([DEMO, { ...DEMO, id: 'ch-2', name: '售后号', appId: 'wx0000000000000002', mode: 'safe', active: false, callbackPath: '/api/wechat/ch-2' }]);
    expect(rows()).toHaveLength(2);
    const cells = Array.from(rows()[0].querySelectorAll('td')).map(accessibleText);
    expect(cells.slice(0, 3)).toEqual(['Hearth 服务号', 'wx5f3c2a1b9d8e7f60', '明文模式']);
    expect(cells[3]).toMatch(/\/api\/wechat\/ch-1$/);
    expect(cells[4]).toBe('已连接');
    expect(accessibleText(rows()[1])).toContain('安全模式');
    expect(accessibleText(rows()[1])).toContain('已断开');
    expect(buttonNamed(rows()[1], '重新连接')).toBeTruthy();
  });

  it('should show an empty state with how to start', async () => {
    await loadList([]);
    expect(page().textContent).toContain('还没有连接公众号');
  });

  it('should connect an account with its secrets, then show it in the list', async () => {
    await loadList([]);
    buttonNamed(page(), '连接公众号').click();
    await settle();
    typeInto(controlLabelled(dialog(), '名称'), 'Hearth 服务号');
    typeInto(controlLabelled(dialog(), 'AppID'), 'wx5f3c2a1b9d8e7f60');
    typeInto(controlLabelled(dialog(), 'AppSecret'), 'abc123');
    typeInto(controlLabelled(dialog(), 'Token'), 'hearthdemo');
    buttonNamed(dialog(), '创建').click();
    await settle();

    const req = backend.expectOne({ method: 'POST', url: '/api/channels/wechat' });
    expect(req.request.body).toEqual({ name: 'Hearth 服务号', appId: 'wx5f3c2a1b9d8e7f60', appSecret: 'abc123', token: 'hearthdemo' });
    req.flush({ id: DEMO.id, callbackPath: DEMO.callbackPath, channel: DEMO });
    await settle();
    expect(rows()).toHaveLength(1);
    expect(overlay().textContent).toContain('已连接 Hearth 服务号');
  });

  it('should check the AppID and Token before sending, and show a taken AppID on its field', async () => {
    await loadList([]);
    buttonNamed(page(), '连接公众号').click();
    await settle();
    typeInto(controlLabelled(dialog(), '名称'), '号');
    typeInto(controlLabelled(dialog(), 'AppID'), 'gh_123');
    typeInto(controlLabelled(dialog(), 'AppSecret'), 'abc');
    typeInto(controlLabelled(dialog(), 'Token'), 'x');
    buttonNamed(dialog(), '创建').click();
    await settle();
    backend.expectNone('/api/channels/wechat');
    expect(dialog().textContent).toContain('AppID 以 wx 开头');
    expect(dialog().textContent).toContain('Token 为 3–32 位字母或数字');

    typeInto(controlLabelled(dialog(), 'AppID'), 'wx5f3c2a1b9d8e7f60');
    typeInto(controlLabelled(dialog(), 'Token'), 'hearthdemo');
    buttonNamed(dialog(), '创建').click();
    await settle();
    const { body, opts } = apiError(409, 'wechat.app_id_taken');
    backend.expectOne('/api/channels/wechat').flush(body, opts);
    await settle();
    expect(dialog().textContent).toContain('这个 AppID 已经连接过了');
  });

  it('should send only what changed when editing, keeping secrets left empty', async () => {
    await loadList([DEMO]);
    buttonNamed(rows()[0], '编辑').click();
    await settle();
    expect(dialog().textContent).toContain('已设置，留空则不变');
    typeInto(controlLabelled(dialog(), '名称'), 'Hearth 售后');
    buttonNamed(dialog(), '保存').click();
    await settle();
    const req = backend.expectOne({ method: 'PATCH', url: '/api/channels/wechat/ch-1' });
    expect(req.request.body).toEqual({ name: 'Hearth 售后' });
    req.flush({ channel: { ...DEMO, name: 'Hearth 售后' } });
    await settle();
    expect(accessibleText(rows()[0])).toContain('Hearth 售后');
  });

  it('should disconnect an account', async () => {
    await loadList([DEMO]);
    buttonNamed(rows()[0], '断开').click();
    const req = backend.expectOne({ method: 'PATCH', url: '/api/channels/wechat/ch-1' });
    expect(req.request.body).toEqual({ active: false });
    req.flush({ channel: { ...DEMO, active: false } });
    await settle();
    expect(accessibleText(rows()[0])).toContain('已断开');
  });
});
