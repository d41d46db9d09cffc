import type { ForumBoardKind } from '@hearth/contract';
import type { MessageKey } from '../core/i18n';

/** How a board's kind reads to an admin: help, suggestions (which carry a feedback status), sharing. */
export const BOARD_KIND_LABELS: Readonly<Record<ForumBoardKind, MessageKey>> = {
  help: 'adminForum.kind.help',
  suggestion: 'adminForum.kind.suggestion',
  showcase: 'adminForum.kind.showcase',
};

/** What each kind lets people do, under the kind field. */
export const BOARD_KIND_HINTS: Readonly<Record<ForumBoardKind, MessageKey>> = {
  help: 'forumBoardForm.kindHint.help',
  suggestion: 'forumBoardForm.kindHint.suggestion',
  showcase: 'forumBoardForm.kindHint.showcase',
};
