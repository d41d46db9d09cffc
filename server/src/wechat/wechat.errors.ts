import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';

const bad = (code: string, message: string) => new DomainError(`wechat.${code}`, HttpStatus.BAD_REQUEST, message);

export const WeChatErrors = {
  channelNotFound: () => DomainError.notFound('WeChat account'),
  channelDisabled: () => new DomainError('wechat.channel_disabled', HttpStatus.FORBIDDEN, 'This WeChat account is disconnected from Hearth.'),
  appIdTaken: () => new DomainError('wechat.app_id_taken', HttpStatus.CONFLICT, 'An account with this AppID is already connected.'),
  badSignature: () => new DomainError('wechat.bad_signature', HttpStatus.UNAUTHORIZED, "The signature does not match this account's token."),
  staleTimestamp: () => new DomainError('wechat.stale_timestamp', HttpStatus.UNAUTHORIZED, 'The timestamp is too far from now.'),
  badXml: (why: string) => bad('bad_xml', `The body is not a WeChat XML message: ${why}.`),
  doctype: () => bad('xml_doctype', 'XML with a DOCTYPE or ENTITY declaration is refused.'),
  badMessage: (why: string) => bad('bad_message', `The message is incomplete: ${why}.`),
  badCiphertext: (why: string) => bad('bad_ciphertext', `The encrypted message cannot be read: ${why}.`),
  wrongAppId: () => bad('wrong_app_id', 'The encrypted message is for another AppID.'),
  encryptionRequired: () => bad('encryption_required', 'This account is in safe mode: messages must be encrypted (encrypt_type=aes).'),
  imageUnsupported: () => bad('image_unsupported', 'Images cannot be sent to WeChat from the desk yet. Send text.'),
};
