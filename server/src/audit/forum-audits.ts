import { ForumAccountsController } from '../forum/forum-accounts.controller';
import { ForumController } from '../forum/forum.controller';
import type { ForumMemberProfile } from '../realtime/contract';
import { Audited, AuditOptions, changedFields } from './audited.decorator';

type Entry = [controller: { prototype: object }, method: string, action: string, options: AuditOptions];

const status = ({ body }: { body: unknown }) => ({ status: (body as { status?: string } | null)?.status ?? null });
const fan = (seniorFan: boolean): AuditOptions => ({
  target: 'customer',
  targetId: ({ result }) => (result as ForumMemberProfile | undefined)?.customerId,
  // The customer id only: a username is personal data an erasure could not take out of this log.
  details: () => ({ seniorFan }),
});

/**
 * The forum's staff actions, audited like everyone else's. The forum module was being finished in
 * parallel when the audit log arrived, so its handlers are marked from here rather than in its
 * files; these can move onto the methods as plain @Audited decorators. A renamed method fails at
 * boot (below), so the list cannot silently go stale.
 */
const FORUM_AUDITS: Entry[] = [
  [ForumController, 'hide', 'forum.post.hide', { target: 'forum_post', param: 'id' }],
  [ForumController, 'unhide', 'forum.post.unhide', { target: 'forum_post', param: 'id' }],
  [ForumController, 'lock', 'forum.thread.lock', { target: 'forum_thread', param: 'id' }],
  [ForumController, 'unlock', 'forum.thread.unlock', { target: 'forum_thread', param: 'id' }],
  [ForumController, 'setStatus', 'forum.thread.status', { target: 'forum_thread', param: 'id', details: status }],
  [ForumController, 'createBoard', 'forum.board.create', { target: 'forum_board', targetId: ({ result }) => (result as { id?: string } | undefined)?.id }],
  [ForumController, 'updateBoard', 'forum.board.update', { target: 'forum_board', param: 'id', details: changedFields }],
  [ForumAccountsController, 'markFan', 'forum.member.senior_fan', fan(true)],
  [ForumAccountsController, 'unmarkFan', 'forum.member.senior_fan', fan(false)],
];

export function markForumAudits(): void {
  for (const [controller, method, action, options] of FORUM_AUDITS) {
    const descriptor = Object.getOwnPropertyDescriptor(controller.prototype, method);
    if (typeof descriptor?.value !== 'function') throw new Error(`Audit: the forum has no handler ${method} any more; update audit/forum-audits.ts`);
    Audited(action, options)(controller.prototype, method, descriptor);
  }
}
