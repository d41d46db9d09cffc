import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Transactor } from '../database/transactor';
import type { QuickReply } from '../realtime/contract';
import type { Staff } from '../staff/staff.entity';
import { ChatErrors } from './chat.errors';
import { QuickReplyEntity } from './quick-reply.entity';

const toQuickReply = (q: QuickReplyEntity): QuickReply => ({ id: q.id, text: q.text, updatedAt: q.updatedAt.toISOString(), updatedBy: q.updatedBy });

/** The team's shared saved phrases. Anyone on the team may add, edit or remove one. */
@Injectable()
export class QuickRepliesService {
  constructor(
    private readonly tx: Transactor,
    @InjectRepository(QuickReplyEntity) private readonly replies: Repository<QuickReplyEntity>,
  ) {}

  async list(): Promise<QuickReply[]> {
    const rows = await this.replies.find({ order: { text: 'ASC' }, take: 500 });
    return rows.map(toQuickReply);
  }

  async create(text: string, actor: Staff): Promise<QuickReply> {
    const row = await this.tx.run((m) => m.save(m.create(QuickReplyEntity, { text, updatedBy: actor.displayName })));
    return toQuickReply(row);
  }

  async update(id: string, text: string, actor: Staff): Promise<QuickReply> {
    const row = await this.tx.run(async (m) => {
      const found = await m.findOneBy(QuickReplyEntity, { id });
      if (!found) throw ChatErrors.quickReplyNotFound();
      return m.save(Object.assign(found, { text, updatedBy: actor.displayName }));
    });
    return toQuickReply(row);
  }

  async remove(id: string): Promise<void> {
    await this.tx.run(async (m) => {
      const { affected } = await m.delete(QuickReplyEntity, { id });
      if (!affected) throw ChatErrors.quickReplyNotFound();
    });
  }
}
