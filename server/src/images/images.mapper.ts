import type { ChatImage } from '../realtime/contract';
import type { ChatImageEntity } from './chat-image.entity';

export const imageUrl = (id: string) => `/api/chat/images/${id}`;
export const thumbUrl = (id: string) => `/api/chat/images/${id}/thumb`;

/** The shape chat messages carry and `POST /api/chat/images` answers with. */
export function toChatImage(image: ChatImageEntity): ChatImage {
  return { id: image.id, url: imageUrl(image.id), thumbUrl: thumbUrl(image.id), width: image.width, height: image.height, mime: image.mime };
}
