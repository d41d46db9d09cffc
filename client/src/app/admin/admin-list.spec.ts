import { EnvironmentInjector, createEnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { Observable, Subject, of } from 'rxjs';
import { FORM_DIALOG } from '../shared/dialog-options';
import { AdminList, openFormDialog } from './admin-list';

interface Row {
  readonly id: string;
  readonly name: string;
}

const A: Row = { id: 'a', name: '甲' };
const B: Row = { id: 'b', name: '乙' };

describe(AdminList.name, () => {
  let injector: EnvironmentInjector;
  let answers: Subject<readonly Row[]>[];

  function makeList(): AdminList<Row> {
    const fetch = (): Observable<readonly Row[]> => {
      const answer = new Subject<readonly Row[]>();
      answers.push(answer);
      return answer;
    };
    return runInInjectionContext(injector, () => new AdminList<Row>(fetch));
  }

  beforeEach(() => {
    injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    answers = [];
  });

  afterEach(() => {
    if (!injector.destroyed) injector.destroy();
  });

  it('should start loading at once, then hold the rows', () => {
    const list = makeList();
    expect(list.state()).toBe('loading');
    expect(answers).toHaveLength(1);

    answers[0].next([A, B]);

    expect(list.state()).toBe('ready');
    expect(list.items()).toEqual([A, B]);
  });

  it('should say when loading failed, and load again when asked', () => {
    const list = makeList();
    answers[0].error(new Error('offline'));
    expect(list.state()).toBe('error');

    list.load();
    expect(list.state()).toBe('loading');
    answers[1].next([A]);

    expect(list.state()).toBe('ready');
    expect(list.items()).toEqual([A]);
  });

  it('should add a new row last and put a saved row in its place', () => {
    const list = makeList();
    answers[0].next([A, B]);

    list.add({ id: 'c', name: '丙' });
    list.replace({ id: 'a', name: '甲（新）' });

    expect(list.items().map((row) => row.name)).toEqual(['甲（新）', '乙', '丙']);
  });

  it('should stop listening for the rows when its page is gone', () => {
    const list = makeList();
    injector.destroy();

    expect(answers[0].observed).toBe(false);
    expect(list.state()).toBe('loading');
  });
});

describe(openFormDialog.name, () => {
  function dialogClosingWith(result: unknown): { dialog: MatDialog; open: jest.Mock } {
    const open = jest.fn(() => ({ afterClosed: (): Observable<unknown> => of(result) }));
    return { dialog: { open } as unknown as MatDialog, open };
  }

  class SomeDialog {}

  it('should open the component as a form dialog with its data and emit what it closed with', () => {
    const { dialog, open } = dialogClosingWith(B);
    const saved: Row[] = [];

    openFormDialog<Row>(dialog, SomeDialog, A).subscribe((row) => saved.push(row));

    expect(open).toHaveBeenCalledWith(SomeDialog, { ...FORM_DIALOG, data: A });
    expect(saved).toEqual([B]);
  });

  it('should pass null as data when there is none', () => {
    const { dialog, open } = dialogClosingWith(undefined);

    openFormDialog<Row>(dialog, SomeDialog).subscribe();

    expect(open).toHaveBeenCalledWith(SomeDialog, { ...FORM_DIALOG, data: null });
  });

  it.each([undefined, false])('should emit nothing when the dialog closed with %s', (result) => {
    const { dialog } = dialogClosingWith(result);
    const emitted = jest.fn();

    openFormDialog<boolean>(dialog, SomeDialog).subscribe(emitted);

    expect(emitted).not.toHaveBeenCalled();
  });
});
