import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';

export const StoryErrors = {
  notFound: () => new DomainError('story.not_found', HttpStatus.NOT_FOUND, 'This story was not found: the case may not be resolved yet.'),
  notHelper: () => new DomainError('story.not_helper', HttpStatus.BAD_REQUEST, 'Thank someone who helped in this story.'),
  badCursor: () => new DomainError('story.bad_cursor', HttpStatus.BAD_REQUEST, 'The cursor is not valid. Start again without one.'),
  badPeriod: () => new DomainError('story.bad_period', HttpStatus.BAD_REQUEST, '"from" must not be after "to".'),
};
