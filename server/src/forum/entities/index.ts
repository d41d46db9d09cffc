import { ForumBoardEntity } from './board.entity';
import { ForumSessionEntity } from './member-session.entity';
import { ForumMemberEntity } from './member.entity';
import { ForumPostEntity } from './post.entity';
import { ForumStatusChangeEntity } from './status-change.entity';
import { ForumThreadEntity } from './thread.entity';

export { ForumBoardEntity, ForumMemberEntity, ForumPostEntity, ForumSessionEntity, ForumStatusChangeEntity, ForumThreadEntity };

export const FORUM_ENTITIES = [ForumBoardEntity, ForumMemberEntity, ForumSessionEntity, ForumThreadEntity, ForumPostEntity, ForumStatusChangeEntity];
