import { TestBed } from '@angular/core/testing';
import { I18n } from '../core/i18n';
import { nameList } from './names';

describe(nameList.name, () => {
  beforeEach(() => localStorage.clear());

  it('should list names with the separator of the reader’s language', () => {
    const i18n = TestBed.inject(I18n);
    const people = [{ name: '王芳' }, { name: 'Li Lei' }];
    expect(nameList(people, i18n)).toBe('王芳、Li Lei');
    i18n.setLang('en');
    expect(nameList(people, i18n)).toBe('王芳, Li Lei');
    i18n.setLang('zh-CN');
    expect(nameList([], i18n)).toBe('');
  });
});
