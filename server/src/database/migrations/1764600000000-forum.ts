import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner, Table, TableCheck } from 'typeorm';
import { columns } from '../migration-helpers';

const UPLOADER_CHECK = 'CHK_chat_images_uploader_type';

/**
 * The community forum: boards, member accounts (each one an identity of a customer) and their
 * sessions, threads, posts (integer ids: their order within a thread) and the feedback status
 * history of suggestions. Forum members may upload images, so chat_images takes a 'member' uploader.
 */
export class Forum1764600000000 implements MigrationInterface {
  name = 'Forum1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    const fk = (column: string, table: string, onDelete?: string) => ({
      columnNames: [column],
      referencedTableName: table,
      referencedColumnNames: ['id'],
      ...(onDelete ? { onDelete } : {}),
    });
    // A thread or post is written by a member or by staff, never both, never neither.
    const oneAuthor = (table: string) => ({ name: `CHK_${table}_one_author`, expression: '(author_member_id IS NULL) <> (author_staff_id IS NULL)' });

    await queryRunner.createTable(
      new Table({
        name: 'forum_boards',
        columns: [
          c.id(),
          c.text('slug', 32),
          c.text('name', 40),
          { ...c.text('description', 200), default: "''" },
          c.text('kind', 20),
          { ...c.int('position'), default: 0 },
          c.bool('archived', false),
          c.createdAt(),
        ],
        uniques: [{ name: 'UQ_forum_boards_slug', columnNames: ['slug'] }],
        checks: [{ name: 'CHK_forum_boards_kind', expression: "kind IN ('help','suggestion','showcase')" }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'forum_members',
        columns: [
          c.id(),
          c.text('username', 20),
          c.text('display_name', 30),
          c.text('password_hash', 255),
          // What the member told us (E.164); not unique: a phone may already belong to another customer.
          c.text('phone', 20, true),
          c.ref('customer_id'),
          c.timestamp('senior_fan_since', true),
          c.ref('senior_fan_by', true),
          c.createdAt(),
        ],
        foreignKeys: [fk('customer_id', 'customers', 'CASCADE'), fk('senior_fan_by', 'staff', 'SET NULL')],
        uniques: [{ name: 'UQ_forum_members_username', columnNames: ['username'] }],
        indices: [{ name: 'IDX_forum_members_customer', columnNames: ['customer_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'forum_sessions',
        columns: [c.id(), c.text('token_hash', 64), c.ref('member_id'), c.createdAt(), c.timestamp('expires_at'), c.timestamp('last_seen_at')],
        foreignKeys: [fk('member_id', 'forum_members', 'CASCADE')],
        uniques: [{ name: 'UQ_forum_sessions_token', columnNames: ['token_hash'] }],
        indices: [{ name: 'IDX_forum_sessions_member', columnNames: ['member_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'forum_threads',
        columns: [
          c.id(),
          c.ref('board_id'),
          c.text('title', 80),
          c.ref('author_member_id', true),
          c.ref('author_staff_id', true),
          // 'm:<memberId>' or 's:<staffId>': with client_id, a double submit is one thread.
          c.text('author_key', 40),
          c.text('client_id', 64),
          // Set in the transaction that creates the thread, right after its opening post.
          c.int('opening_post_id', true),
          c.createdAt(),
          c.timestamp('last_activity_at'),
          c.int('last_post_id', true),
          { ...c.int('reply_count'), default: 0 },
          c.int('solution_post_id', true),
          c.timestamp('solved_at', true),
          c.text('feedback_status', 20, true),
          c.timestamp('locked_at', true),
          c.ref('locked_by', true),
        ],
        foreignKeys: [fk('board_id', 'forum_boards'), fk('author_member_id', 'forum_members'), fk('author_staff_id', 'staff')],
        uniques: [{ name: 'UQ_forum_threads_client', columnNames: ['author_key', 'client_id'] }],
        checks: [oneAuthor('forum_threads'), { name: 'CHK_forum_threads_status', expression: "feedback_status IN ('heard','planned','shipped')" }],
        indices: [
          { name: 'IDX_forum_threads_board_activity', columnNames: ['board_id', 'last_activity_at', 'id'] },
          { name: 'IDX_forum_threads_activity', columnNames: ['last_activity_at', 'id'] },
          { name: 'IDX_forum_threads_author', columnNames: ['author_member_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'forum_posts',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          c.ref('thread_id'),
          c.ref('author_member_id', true),
          c.ref('author_staff_id', true),
          c.text('author_key', 40),
          c.text('client_id', 80),
          c.text('body_markdown'),
          c.text('body_html'),
          { ...c.json('images'), isNullable: false },
          c.createdAt(),
          c.timestamp('hidden_at', true),
          c.ref('hidden_by', true),
          c.text('hidden_reason', 200, true),
        ],
        foreignKeys: [fk('thread_id', 'forum_threads', 'CASCADE'), fk('author_member_id', 'forum_members'), fk('author_staff_id', 'staff')],
        uniques: [{ name: 'UQ_forum_posts_client', columnNames: ['author_key', 'client_id'] }],
        checks: [oneAuthor('forum_posts')],
        indices: [
          { name: 'IDX_forum_posts_thread', columnNames: ['thread_id', 'id'] },
          { name: 'IDX_forum_posts_author', columnNames: ['author_member_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'forum_status_changes',
        columns: [
          c.id(),
          c.ref('thread_id'),
          c.text('status', 20),
          c.text('previous_status', 20, true),
          c.text('note', 500, true),
          c.ref('staff_id'),
          c.createdAt(),
        ],
        foreignKeys: [fk('thread_id', 'forum_threads', 'CASCADE'), fk('staff_id', 'staff')],
        indices: [{ name: 'IDX_forum_status_changes_thread', columnNames: ['thread_id', 'created_at'] }],
      }),
    );

    // The boards the forum opens with; admins rename, add and archive them later.
    const boards = [
      ['help', '使用求助', '用着遇到问题？在这里提问，工作人员和热心的老用户会来帮你。', 'help', 0],
      ['ideas', '产品建议', '想让产品更好用？说说你的想法，我们会告诉你它走到了哪一步。', 'suggestion', 1],
      ['showcase', '晒单分享', '晒晒你的新装备、使用心得和小技巧。', 'showcase', 2],
    ] as const;
    for (const [slug, name, description, kind, position] of boards) {
      await queryRunner.query(
        queryRunner.connection.options.type === 'postgres'
          ? 'INSERT INTO forum_boards (id, slug, name, description, kind, position) VALUES ($1, $2, $3, $4, $5, $6)'
          : 'INSERT INTO forum_boards (id, slug, name, description, kind, position) VALUES (?, ?, ?, ?, ?, ?)',
        [randomUUID(), slug, name, description, kind, position],
      );
    }

    // SQLite cannot alter a CHECK in place: TypeORM rebuilds the (small, unreferenced) table.
    await queryRunner.dropCheckConstraint('chat_images', UPLOADER_CHECK);
    await queryRunner.createCheckConstraint('chat_images', new TableCheck({ name: UPLOADER_CHECK, expression: "uploader_type IN ('staff','visitor','member')" }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM chat_images WHERE uploader_type = 'member'");
    await queryRunner.dropCheckConstraint('chat_images', UPLOADER_CHECK);
    await queryRunner.createCheckConstraint('chat_images', new TableCheck({ name: UPLOADER_CHECK, expression: "uploader_type IN ('staff','visitor')" }));
    // Forum timeline events stay on the timelines (history is never dropped), like the cases' down.
    for (const table of ['forum_status_changes', 'forum_posts', 'forum_threads', 'forum_sessions', 'forum_members', 'forum_boards']) await queryRunner.dropTable(table);
  }
}
