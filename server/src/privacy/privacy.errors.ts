import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';

export const PrivacyErrors = {
  confirmMismatch: () =>
    new DomainError('privacy.confirm_mismatch', HttpStatus.BAD_REQUEST, "Type the customer's name exactly as shown to confirm the erasure."),
  changedMeanwhile: () =>
    new DomainError('privacy.changed_meanwhile', HttpStatus.CONFLICT, 'This customer was just merged or changed. Reload and try again.'),
};
