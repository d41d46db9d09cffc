import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';

export const StaffErrors = {
  emailTaken: () => new DomainError('staff.email_taken', HttpStatus.CONFLICT, 'This email is already in use.'),
  storeRequired: () => new DomainError('staff.store_required', HttpStatus.BAD_REQUEST, 'Store staff must belong to a store.'),
  unknownStore: () => new DomainError('staff.unknown_store', HttpStatus.BAD_REQUEST, 'That store does not exist.'),
  cannotDisableSelf: () =>
    new DomainError('staff.cannot_disable_self', HttpStatus.BAD_REQUEST, 'You cannot disable your own account or remove your own admin role.'),
  notFound: () => DomainError.notFound('Staff member'),
};
