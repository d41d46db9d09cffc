import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';

export const AuthErrors = {
  invalidCredentials: () => new DomainError('auth.invalid_credentials', HttpStatus.UNAUTHORIZED, 'Email or password is incorrect.'),
  accountDisabled: () => new DomainError('auth.account_disabled', HttpStatus.UNAUTHORIZED, 'This account is disabled. Ask an admin to enable it.'),
  required: () => new DomainError('auth.required', HttpStatus.UNAUTHORIZED, 'Please sign in.'),
  forbidden: () => new DomainError('auth.forbidden', HttpStatus.FORBIDDEN, 'Your role does not allow this.'),
  rateLimited: (seconds: number) =>
    new DomainError('rate_limited', HttpStatus.TOO_MANY_REQUESTS, `Too many failed sign-in attempts. Try again in ${seconds} seconds.`),
};
