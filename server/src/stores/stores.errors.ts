import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';

export const StoreErrors = {
  nameTaken: () => new DomainError('store.name_taken', HttpStatus.CONFLICT, 'Another store already has this name.'),
  notFound: () => DomainError.notFound('Store'),
};
