import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';

export const ChatErrors = {
  empty: () => new DomainError('chat.empty_message', HttpStatus.BAD_REQUEST, 'A message needs text or an image.'),
  imageNotFound: () => new DomainError('chat.image_not_found', HttpStatus.BAD_REQUEST, 'That image was not uploaded here. Upload it again.'),
  noWebChat: () =>
    new DomainError('chat.no_web_chat', HttpStatus.CONFLICT, 'This customer has no web chat or WeChat to reply to. Reach them on the channel they used.'),
  tooFast: (seconds: number) =>
    new DomainError('chat.rate_limited', HttpStatus.TOO_MANY_REQUESTS, 'Messages are arriving very fast. Wait a moment and send again.', undefined, undefined, {
      'Retry-After': String(seconds),
    }),
  tooManyVisitors: (seconds: number) =>
    new DomainError('chat.too_many_visitors', HttpStatus.TOO_MANY_REQUESTS, `Too many new chats from this address. Try again in ${seconds} seconds.`, undefined, undefined, {
      'Retry-After': String(seconds),
    }),
  quickReplyNotFound: () => DomainError.notFound('Quick reply'),
};
