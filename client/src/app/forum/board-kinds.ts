import type { ForumBoardKind, ForumFeedbackStatus } from '@hearth/contract';
import type { MaterialSymbol } from 'material-symbols';
import type { MessageKey } from '../core/i18n';

/** How each kind of board looks: help (a question), suggestion (an idea), showcase (a photo). */
export const BOARD_KIND_ICONS: Readonly<Record<ForumBoardKind, MaterialSymbol>> = {
  help: 'help',
  suggestion: 'lightbulb',
  showcase: 'photo_camera',
};

export const BOARD_KIND_LABELS: Readonly<Record<ForumBoardKind, MessageKey>> = {
  help: 'forum.kind.help',
  suggestion: 'forum.kind.suggestion',
  showcase: 'forum.kind.showcase',
};

/** A suggestion's feedback status, as the list chip reads it. */
export const FEEDBACK_STATUS_LABELS: Readonly<Record<ForumFeedbackStatus, MessageKey>> = {
  heard: 'forum.list.status.heard',
  planned: 'forum.list.status.planned',
  shipped: 'forum.list.status.shipped',
};

export const FEEDBACK_STATUS_ICONS: Readonly<Record<ForumFeedbackStatus, MaterialSymbol>> = {
  heard: 'hearing',
  planned: 'event_upcoming',
  shipped: 'rocket_launch',
};
