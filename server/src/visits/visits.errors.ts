import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';

export const VisitErrors = {
  noStore: () =>
    new DomainError('visit.no_store', HttpStatus.BAD_REQUEST, 'Say which store this visit was at (storeId): your account does not belong to one.'),
  otherStore: () => new DomainError('visit.other_store', HttpStatus.FORBIDDEN, 'Store staff log visits at their own store.'),
  storeNotFound: () => DomainError.notFound('Store'),
  reasonRequired: () => new DomainError('visit.reason_required', HttpStatus.BAD_REQUEST, 'Say why they came: pick a reason or write one.'),
  followUpNoteRequired: () =>
    new DomainError('visit.follow_up_note_required', HttpStatus.BAD_REQUEST, 'A follow-up needs a note for the service team: what should they get back about?'),
  imageNotFound: () => new DomainError('visit.image_not_found', HttpStatus.BAD_REQUEST, 'A photo was not uploaded here. Add it again.'),
};
