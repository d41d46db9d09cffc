import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';

export const AuditErrors = {
  badCursor: () => new DomainError('audit.bad_cursor', HttpStatus.BAD_REQUEST, 'That page position is not one this list gave out.'),
};
