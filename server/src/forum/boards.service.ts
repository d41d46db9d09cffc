import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UUID_PATTERN } from '../common/ids';
import { isUniqueViolation } from '../database/errors';
import { parseDbDate } from '../database/dates';
import { Transactor } from '../database/transactor';
import type { ForumBoard, ForumBoardKind } from '../realtime/contract';
import { ForumBoardEntity } from './entities';
import { ForumReader, requireAdmin } from './forum-reader';
import { ForumViews } from './forum-views';
import { ForumErrors } from './forum.errors';
import { toForumBoard } from './forum.mapper';

export type BoardFields = { slug: string; name: string; description?: string; kind: ForumBoardKind; position?: number };
export type BoardChanges = Partial<Omit<BoardFields, 'slug'>> & { archived?: boolean };

/** Boards: everyone reads the open ones; admins make, rename, reorder and archive them. */
@Injectable()
export class ForumBoardsService {
  private readonly logger = new Logger(ForumBoardsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactor,
    private readonly views: ForumViews,
  ) {}

  /** Ordered by position, then name; archived boards only for an admin who asks for them. */
  async list(reader: ForumReader, includeArchived: boolean): Promise<ForumBoard[]> {
    const archivedToo = includeArchived && reader.kind === 'staff' && reader.staff.role === 'admin';
    const boards = await this.dataSource.manager.find(ForumBoardEntity, {
      where: archivedToo ? {} : { archived: false },
      order: { position: 'ASC', name: 'ASC' },
    });
    // Visible threads per board (a count of the board's threads, not of anyone's posts).
    const rows = await this.views
      .visibleThreads()
      .select('t.board_id', 'board_id')
      .addSelect('COUNT(*)', 'threads')
      .addSelect('MAX(t.last_activity_at)', 'last')
      .groupBy('t.board_id')
      .getRawMany<{ board_id: string; threads: string | number; last: string | Date | null }>();
    const stats = new Map(rows.map((r) => [r.board_id, { threadCount: Number(r.threads), lastActivityAt: r.last ? parseDbDate(r.last) : null }]));
    return boards.map((b) => toForumBoard(b, stats.get(b.id)));
  }

  async bySlug(slug: string): Promise<ForumBoardEntity> {
    const board = /^[a-z0-9-]{2,32}$/.test(slug) ? await this.dataSource.manager.findOneBy(ForumBoardEntity, { slug }) : null;
    if (!board) throw ForumErrors.boardNotFound();
    return board;
  }

  /** One board as everyone sees it (with its thread count). */
  async view(board: ForumBoardEntity): Promise<ForumBoard> {
    const [row] = await this.views
      .visibleThreads()
      .select('COUNT(*)', 'threads')
      .addSelect('MAX(t.last_activity_at)', 'last')
      .where('t.board_id = :id', { id: board.id })
      .getRawMany<{ threads: string | number; last: string | Date | null }>();
    return toForumBoard(board, { threadCount: Number(row?.threads ?? 0), lastActivityAt: row?.last ? parseDbDate(row.last) : null });
  }

  async create(reader: ForumReader, input: BoardFields, at = new Date()): Promise<ForumBoard> {
    const admin = requireAdmin(reader);
    const board = await this.guardSlug(() =>
      this.tx.run(async (m) => {
        if (await m.existsBy(ForumBoardEntity, { slug: input.slug })) throw ForumErrors.slugTaken();
        const position = input.position ?? ((await m.maximum(ForumBoardEntity, 'position')) ?? -1) + 1;
        return m.save(
          m.create(ForumBoardEntity, { slug: input.slug, name: input.name, description: input.description ?? '', kind: input.kind, position, archived: false, createdAt: at }),
        );
      }),
    );
    this.logger.log({ msg: 'Forum board made', boardId: board.id, by: admin.id });
    return this.view(board);
  }

  async update(reader: ForumReader, id: string, changes: BoardChanges): Promise<ForumBoard> {
    const admin = requireAdmin(reader);
    const board = await this.tx.run(async (m) => {
      const board = UUID_PATTERN.test(id) ? await m.findOneBy(ForumBoardEntity, { id: id.toLowerCase() }) : null;
      if (!board) throw ForumErrors.boardNotFound();
      const columns = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as BoardChanges;
      if (Object.keys(columns).length) await m.update(ForumBoardEntity, { id: board.id }, columns);
      return Object.assign(board, columns);
    });
    this.logger.log({ msg: 'Forum board changed', boardId: board.id, fields: Object.keys(changes), by: admin.id });
    return this.view(board);
  }

  private async guardSlug<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (isUniqueViolation(err)) throw ForumErrors.slugTaken();
      throw err;
    }
  }
}
