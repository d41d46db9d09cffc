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

/** Paragraphs of a text someone wrote (blank lines or single newlines both start one). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
