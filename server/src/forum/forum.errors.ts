import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';

const retryAfter = (seconds: number) => ({ 'Retry-After': String(seconds) });

export const ForumErrors = {
  signInRequired: () => new DomainError('forum.sign_in_required', HttpStatus.UNAUTHORIZED, 'Sign in to your forum account to post.'),
  forbidden: () => new DomainError('auth.forbidden', HttpStatus.FORBIDDEN, 'Your role does not allow this.'),
  membersOnly: () => new DomainError('forum.members_only', HttpStatus.FORBIDDEN, 'Only a forum account has a profile to change.'),
  usernameTaken: () => new DomainError('forum.username_taken', HttpStatus.CONFLICT, 'That username is taken. Try another one.'),
  invalidPhone: () => new DomainError('forum.invalid_phone', HttpStatus.BAD_REQUEST, 'That is not a phone number we can read.'),
  invalidCredentials: () => new DomainError('forum.invalid_credentials', HttpStatus.UNAUTHORIZED, 'Username or password is incorrect.'),
  wrongPassword: () => new DomainError('forum.wrong_password', HttpStatus.BAD_REQUEST, 'Your current password is not right.'),
  memberNotFound: () => new DomainError('forum.member_not_found', HttpStatus.NOT_FOUND, 'There is no forum member with that username.'),
  boardNotFound: () => new DomainError('forum.board_not_found', HttpStatus.NOT_FOUND, 'This board was not found.'),
  boardArchived: () => new DomainError('forum.board_archived', HttpStatus.BAD_REQUEST, 'This board is archived: it takes no new threads.'),
  slugTaken: () => new DomainError('forum.slug_taken', HttpStatus.CONFLICT, 'Another board already has that slug.'),
  threadNotFound: () => new DomainError('forum.thread_not_found', HttpStatus.NOT_FOUND, 'This thread was not found.'),
  postNotFound: () => new DomainError('forum.post_not_found', HttpStatus.NOT_FOUND, 'This post was not found.'),
  threadLocked: () => new DomainError('forum.thread_locked', HttpStatus.CONFLICT, 'This thread is locked: it takes no new replies.'),
  emptyPost: () => new DomainError('forum.empty_post', HttpStatus.BAD_REQUEST, 'Write something first.'),
  clientIdReused: () =>
    new DomainError('forum.client_id_reused', HttpStatus.CONFLICT, 'That clientId was already used for a post in another thread; make a new one per post.'),
  invalidSolution: () =>
    new DomainError('forum.invalid_solution', HttpStatus.BAD_REQUEST, 'Only a visible reply in this thread (not the opening post) can be its solution.'),
  notASuggestion: () => new DomainError('forum.not_a_suggestion', HttpStatus.BAD_REQUEST, 'Feedback status is only for threads on suggestion boards.'),
  invalidCursor: () => new DomainError('forum.invalid_cursor', HttpStatus.BAD_REQUEST, 'That page position is not valid. Start from the first page.'),
  tooManyWatches: () => new DomainError('forum.too_many_watches', HttpStatus.TOO_MANY_REQUESTS, 'Watching too many threads at once: close some first.'),
  registrationsRateLimited: (seconds: number) =>
    new DomainError('rate_limited', HttpStatus.TOO_MANY_REQUESTS, `Many accounts were made from here lately. Try again in ${seconds} seconds.`, undefined, undefined, retryAfter(seconds)),
  signInRateLimited: (seconds: number) =>
    new DomainError('rate_limited', HttpStatus.TOO_MANY_REQUESTS, `Too many failed sign-in attempts. Try again in ${seconds} seconds.`, undefined, undefined, retryAfter(seconds)),
  postingRateLimited: (seconds: number) =>
    new DomainError('rate_limited', HttpStatus.TOO_MANY_REQUESTS, `You are posting very fast. Wait ${seconds} seconds and post again.`, undefined, undefined, retryAfter(seconds)),
  previewRateLimited: (seconds: number) =>
    new DomainError('rate_limited', HttpStatus.TOO_MANY_REQUESTS, `Too many previews at once. Try again in ${seconds} seconds.`, undefined, undefined, retryAfter(seconds)),
};
