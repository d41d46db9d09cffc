import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';

export const CustomerErrors = {
  notFound: () => DomainError.notFound('Customer'),
  /** 308 with a pointer: the customer lives on under another id. */
  merged: (intoId: string, path: string) =>
    new DomainError(
      'customer.merged',
      HttpStatus.PERMANENT_REDIRECT,
      `This customer was merged into customer ${intoId}.`,
      undefined,
      { mergedInto: intoId },
      { Location: path.replace(/\/customers\/[^/?]+/, `/customers/${intoId}`) },
    ),
  invalidPhone: () => new DomainError('customer.invalid_phone', HttpStatus.BAD_REQUEST, 'That is not a phone number we can read.'),
  identityElsewhere: (customerId: string) =>
    new DomainError('customer.identity_linked_elsewhere', HttpStatus.CONFLICT, 'This identity already belongs to another customer.', undefined, {
      customerId,
    }),
  alreadyMerged: () =>
    new DomainError('customer.already_merged', HttpStatus.CONFLICT, 'One of these customers was just merged elsewhere. Reload and try again.'),
  phoneOnFile: (customerId: string, displayName: string) =>
    new DomainError('customer.phone_on_file', HttpStatus.CONFLICT, `This phone number belongs to ${displayName}.`, undefined, { customerId, displayName }),
  deskOnlyFromStore: () =>
    new DomainError('note.desk_only_from_store', HttpStatus.FORBIDDEN, 'Store staff write notes the whole team sees; a desk-only note would be hidden from you too.'),
  nameOrPhoneRequired: () =>
    new DomainError('customer.name_or_phone_required', HttpStatus.BAD_REQUEST, 'Give the customer a name, a phone number, or both.'),
  mergeSelf: () => new DomainError('customer.merge_self', HttpStatus.BAD_REQUEST, 'A customer cannot be merged into itself.'),
};
