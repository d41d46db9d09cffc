import { HttpErrorResponse } from '@angular/common/http';
import { EnvironmentInjector, createEnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { Subject } from 'rxjs';
import { DialogSubmission, FieldErrors } from './dialog-submission';

describe(DialogSubmission.name, () => {
  let dialogRef: { close: jest.Mock; disableClose: boolean };
  let injector: EnvironmentInjector;
  let form: FormGroup<{ name: FormControl<string> }>;
  let answer: Subject<string>;

  function makeSubmission(fieldErrors?: FieldErrors): DialogSubmission<string> {
    return runInInjectionContext(injector, () => new DialogSubmission<string>(fieldErrors));
  }

  function httpError(status: number, code: string): HttpErrorResponse {
    return new HttpErrorResponse({ status, error: { statusCode: status, code, message: code, requestId: 'r' } });
  }

  beforeEach(() => {
    dialogRef = { close: jest.fn(), disableClose: false };
    injector = createEnvironmentInjector(
      [{ provide: MatDialogRef, useValue: dialogRef }],
      TestBed.inject(EnvironmentInjector),
    );
    form = new FormGroup({ name: new FormControl('上海静安店', { nonNullable: true, validators: Validators.required }) });
    answer = new Subject<string>();
  });

  afterEach(() => injector.destroy());

  it('should show what is wrong and send nothing when the form is invalid', () => {
    const submission = makeSubmission();
    const request = jest.fn(() => answer);
    form.controls.name.setValue('');

    submission.submit(form, request);

    expect(request).not.toHaveBeenCalled();
    expect(form.controls.name.touched).toBe(true);
    expect(dialogRef.close).not.toHaveBeenCalled();
  });

  it('should close with nothing when there is nothing to send', () => {
    makeSubmission().submit(form, () => null);

    expect(dialogRef.close).toHaveBeenCalledWith();
  });

  it('should hold the dialog open while sending, send once, and close with the answer', () => {
    const submission = makeSubmission();
    const request = jest.fn(() => answer);

    submission.submit(form, request);
    submission.submit(form, request);

    expect(request).toHaveBeenCalledTimes(1);
    expect(submission.pending()).toBe(true);
    expect(dialogRef.disableClose).toBe(true);

    answer.next('saved');
    expect(dialogRef.close).toHaveBeenCalledWith('saved');
  });

  it('should show an error code that belongs to a field on that field', () => {
    const submission = makeSubmission({ 'store.name_taken': { control: form.controls.name, error: 'taken' } });

    submission.submit(form, () => answer);
    answer.error(httpError(409, 'store.name_taken'));

    expect(form.controls.name.hasError('taken')).toBe(true);
    expect(form.controls.name.touched).toBe(true);
    expect(submission.serverError()).toBeNull();
    expect(submission.pending()).toBe(false);
    expect(dialogRef.disableClose).toBe(false);
  });

  it('should show any other failure as the server error, and clear it on the next try', () => {
    const submission = makeSubmission({ 'store.name_taken': { control: form.controls.name, error: 'taken' } });

    submission.send(answer);
    answer.error(httpError(500, 'store.unknown'));
    expect(submission.serverError()).toBe('error.unexpected');
    expect(form.controls.name.errors).toBeNull();

    submission.send(new Subject<string>());
    expect(submission.serverError()).toBeNull();
    expect(submission.pending()).toBe(true);
  });
});
