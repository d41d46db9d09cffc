import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { testProviders } from '../../../testing/providers';
import { I18n } from '../../core/i18n';
import { caseErrorText } from './case-errors';

function failure(status: number, code: string, extra: Record<string, string> = {}): HttpErrorResponse {
  return new HttpErrorResponse({
    status,
    error: { statusCode: status, code, message: 'in English', requestId: 'req-test', ...extra },
  });
}

describe(caseErrorText.name, () => {
  let i18n: I18n;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: testProviders() });
    i18n = TestBed.inject(I18n);
  });

  afterEach(() => i18n.setLang('zh-CN'));

  it('should name the case that already has the event', () => {
    const error = failure(409, 'case.event_in_other_case', { otherCaseTitle: '退货' });
    expect(caseErrorText(error, i18n)).toBe('这条记录已经在案例「退货」里了。先在那个案例里把它移除，再加入这里。');
    i18n.setLang('en');
    expect(caseErrorText(error, i18n)).toBe('That event already belongs to the case “退货”. Take it out of that case first.');
  });

  it('should name the colleague who changed the story meanwhile', () => {
    const error = failure(409, 'case.resolution_changed', { currentVersion: '3', changedBy: '王磊' });
    expect(caseErrorText(error, i18n)).toBe('王磊 在你写的时候修改了这个结局（现在是第 3 版）。');
  });

  it('should still say what happened when the server names nobody', () => {
    expect(caseErrorText(failure(409, 'case.event_in_other_case'), i18n)).toContain('这条记录已经在另一个案例里了');
    expect(caseErrorText(failure(409, 'case.resolution_changed', { currentVersion: '2' }), i18n)).toBe(
      '在你写的时候，同事修改了这个结局（现在是第 2 版）。',
    );
  });

  it('should say what is left of the allowance', () => {
    expect(caseErrorText(failure(409, 'gesture.over_allowance', { leftCents: '12000' }), i18n)).toBe(
      '超过了本月剩下的心意额度（还剩 ¥120）。',
    );
  });
});
