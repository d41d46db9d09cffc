import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18n, LANG_STORAGE_KEY, TranslatePipe } from './i18n';

@Component({
  selector: 'app-i18n-host',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `<span>{{ 'nav.desk' | t }}</span>`,
})
class Host {}

describe(I18n.name, () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.removeAttribute('lang');
  });

  it('should default to Simplified Chinese and set <html lang>', () => {
    const i18n = TestBed.inject(I18n);

    expect(i18n.lang()).toBe('zh-CN');
    expect(i18n.t('login.submit')).toBe('登录');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('should switch language, persist the choice and update <html lang>', () => {
    const i18n = TestBed.inject(I18n);

    i18n.setLang('en');

    expect(i18n.t('login.submit')).toBe('Sign in');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('should start in the language stored by an earlier visit', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');

    expect(TestBed.inject(I18n).lang()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('should ignore a stored value that is not a supported language', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'fr');

    expect(TestBed.inject(I18n).lang()).toBe('zh-CN');
  });

  it('should fill named placeholders', () => {
    const i18n = TestBed.inject(I18n);

    expect(i18n.t('admin.created', { name: '林晓' })).toBe('已为 林晓 创建账号');
    i18n.setLang('en');
    expect(i18n.t('admin.created', { name: 'Lin Xiao' })).toBe('Created an account for Lin Xiao');
  });

  it('should re-render OnPush templates using the t pipe when the language changes', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toBe('工作台');

    TestBed.inject(I18n).setLang('en');
    await fixture.whenStable();

    expect(fixture.nativeElement.textContent).toBe('Desk');
  });
});
