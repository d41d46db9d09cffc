import type { GestureKind, GestureStatus } from '@hearth/contract';
import type { MaterialSymbol } from 'material-symbols';
import type { MessageKey } from '../core/i18n';
import type { StoryChannel } from './story-filters';

export const CHANNEL_NAMES: Readonly<Record<StoryChannel, MessageKey>> = {
  chat: 'stories.channel.chat',
  wechat: 'stories.channel.wechat',
  forum: 'stories.channel.forum',
  store: 'stories.channel.store',
  desk: 'stories.channel.desk',
};

/** A channel's name; one this client does not know yet shows as sent. */
export function channelName(channel: string, t: (key: MessageKey) => string): string {
  return Object.hasOwn(CHANNEL_NAMES, channel) ? t(CHANNEL_NAMES[channel as StoryChannel]) : channel;
}

export const GESTURE_NAMES: Readonly<Record<GestureKind, MessageKey>> = {
  handwritten_card: 'stories.gesture.handwritten_card',
  small_gift: 'stories.gesture.small_gift',
  fee_waived: 'stories.gesture.fee_waived',
  upgrade: 'stories.gesture.upgrade',
  follow_up_call: 'stories.gesture.follow_up_call',
  other: 'stories.gesture.other',
};

export const GESTURE_ICONS: Readonly<Record<GestureKind, MaterialSymbol>> = {
  handwritten_card: 'edit_note',
  small_gift: 'redeem',
  fee_waived: 'money_off',
  upgrade: 'upgrade',
  follow_up_call: 'call',
  other: 'favorite',
};

export function gestureName(kind: string, t: (key: MessageKey) => string): string {
  return Object.hasOwn(GESTURE_NAMES, kind) ? t(GESTURE_NAMES[kind as GestureKind]) : kind;
}

export function gestureIcon(kind: string): MaterialSymbol {
  return Object.hasOwn(GESTURE_ICONS, kind) ? GESTURE_ICONS[kind as GestureKind] : 'favorite';
}

export const GESTURE_STATUS_NAMES: Readonly<Record<GestureStatus, MessageKey>> = {
  planned: 'stories.gestureStatus.planned',
  given: 'stories.gestureStatus.given',
};

/** Paragraphs of a text someone wrote (blank lines or single newlines both start one). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
