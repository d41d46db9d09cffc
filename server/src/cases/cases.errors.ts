import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';

export const CaseErrors = {
  notFound: () => new DomainError('case.not_found', HttpStatus.NOT_FOUND, 'This case was not found.'),
  eventNotFound: () => new DomainError('case.event_not_found', HttpStatus.NOT_FOUND, "That event is not on this customer's timeline."),
  eventInOtherCase: (title: string) =>
    new DomainError(
      'case.event_in_other_case',
      HttpStatus.CONFLICT,
      `That event already belongs to the case “${title}”. Take it out of that case first.`,
      undefined,
      { otherCaseTitle: title },
    ),
  eventRequired: () =>
    new DomainError('case.event_required', HttpStatus.BAD_REQUEST, "The case's own entries (opened, resolved, gestures) stay with it."),
  otherCustomer: () => new DomainError('case.other_customer', HttpStatus.BAD_REQUEST, 'That case belongs to another customer.'),
  resolutionChanged: (by: string, version: number) =>
    new DomainError(
      'case.resolution_changed',
      HttpStatus.CONFLICT,
      `${by} changed this story in the meantime (version ${version}). Reload it and add your changes to theirs.`,
      undefined,
      { currentVersion: String(version), changedBy: by },
    ),
  alreadyOpen: () => new DomainError('case.already_open', HttpStatus.CONFLICT, 'This case is already open.'),
};

export const GestureErrors = {
  notFound: () => new DomainError('gesture.not_found', HttpStatus.NOT_FOUND, 'This gesture was not found.'),
  overAllowance: (leftCents: number) =>
    new DomainError(
      'gesture.over_allowance',
      HttpStatus.CONFLICT,
      `That is more than your gesture allowance has left this month (¥${(leftCents / 100).toFixed(2)}).`,
      undefined,
      { leftCents: String(leftCents) },
    ),
  notGiver: () => new DomainError('gesture.not_giver', HttpStatus.FORBIDDEN, 'Only the person who gives a gesture changes its note or cost.'),
};
