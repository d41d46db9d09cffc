import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { buttonNamed, overlay, queryButtonNamed } from '../../testing/dom';
import { signInAs, testProviders } from '../../testing/providers';
import { aStaff } from '../../testing/staff';
import { aCustomer, anEvent } from '../../testing/timeline';
import { Role } from '../core/staff';
import { LinkSuggestedEvent } from './link-suggested-event';
import { MergeFlow } from './merge-flow';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe(LinkSuggestedEvent.name, () => {
  const visitor = aCustomer({ id: 'v-1', displayName: '访客 8F3A', phone: null });
  const suggestion = anEvent(7, {
    customerId: 'v-1',
    kind: 'customer.link_suggested',
    channel: 'system',
    author: { type: 'system', id: null, name: null },
    details: { phone: '+8613900001111', suggestedCustomerId: 'c-7', suggestedName: '张伟' },
    internal: true,
  });

  async function render(role: Role = 'agent', pageCustomer = visitor): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [...testProviders(), provideRouter([]), MergeFlow] });
    await signInAs(aStaff({ role }));
    TestBed.inject(MergeFlow).setCustomer(pageCustomer);
    const fixture = TestBed.createComponent(LinkSuggestedEvent);
    fixture.componentRef.setInput('event', suggestion);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => localStorage.clear());

  it('should say whose phone number the visitor left', async () => {
    const root = await render();
    expect(root.textContent).toContain('访客留下的手机号与 张伟 相同');
    expect(root.textContent).toContain('+86 139 0000 1111');
  });

  it('should open the merge confirmation for this visitor into the suggested customer', async () => {
    const root = await render();
    buttonNamed(root, '核对并合并').click();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/customers/c-7').flush({ customer: aCustomer({ id: 'c-7', displayName: '张伟' }) });
    await settle();
    expect(overlay().textContent).toContain('把 访客 8F3A 合并到 张伟？');
    buttonNamed(overlay(), '合并').click();
    const merge = http.expectOne('/api/customers/c-7/merge');
    expect(merge.request.body).toEqual({ fromCustomerId: 'v-1' });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    merge.flush({ customer: aCustomer({ id: 'c-7', displayName: '张伟' }) });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/desk/customers', 'c-7'], { replaceUrl: true });
  });

  it('should offer no merge to store staff, nor once merged', async () => {
    expect(queryButtonNamed(await render('store'), '核对并合并')).toBeUndefined();
    TestBed.resetTestingModule();
    expect(queryButtonNamed(await render('agent', aCustomer({ id: 'c-7' })), '核对并合并')).toBeUndefined();
  });
});
