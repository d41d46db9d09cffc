import * as path from 'node:path';
import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In, MoreThan } from 'typeorm';
import { ZipFile } from 'yazl';
import { CaseOnItEntity, CaseThemeEntity } from '../cases/case-on-it.entity';
import { CaseResolutionEntity } from '../cases/case-resolution.entity';
import { CaseEntity } from '../cases/case.entity';
import { GestureEntity } from '../cases/gesture.entity';
import { Conversation } from '../chat/conversation.entity';
import { Customer } from '../customers/customer.entity';
import { CustomersService } from '../customers/customers.service';
import { Identity } from '../customers/identity.entity';
import { ChatImageEntity } from '../images/chat-image.entity';
import { ImageStore } from '../images/image-store';
import type { ChatImage } from '../realtime/contract';
import { TimelineEventEntity } from '../timeline/event.entity';
import { toTimelineEvent } from '../timeline/timeline.mapper';
import { exportedAccount, forumRowsOf } from './forum-privacy';

export const EXPORT_FORMAT = 'hearth.customer-export/1';
const EVENT_BATCH = 1000;

const json = (value: unknown) => JSON.stringify(value, null, 2);
/** A value inside the pretty-printed top-level object, indented one level. */
const field = (name: string, value: unknown) => `  ${JSON.stringify(name)}: ${json(value).replace(/\n/g, '\n  ')}`;

/**
 * Everything we hold about one customer, as a zip: `customer.json` (the customer, identities, every
 * timeline event including internal notes, cases with every resolution version and themes, gestures,
 * the chat conversation, forum accounts without password hashes and what they wrote, image
 * metadata) and `attachments/` with the original image files. Streamed: the events are read in
 * batches while the zip is written, never a whole history in memory.
 */
@Injectable()
export class CustomerExport {
  private readonly logger = new Logger(CustomerExport.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly files: ImageStore,
  ) {}

  async zip(id: string): Promise<Readable> {
    const customer = await this.customers.get(id);
    const m = this.dataSource.manager;
    const mergedIn = await m.find(Customer, { where: { mergedIntoId: id }, order: { createdAt: 'ASC' } });
    const people = [id, ...mergedIn.map((c) => c.id)];
    const identities = await m.find(Identity, { where: { customerId: id }, order: { createdAt: 'ASC' } });
    const cases = await m.find(CaseEntity, { where: { customerId: id }, order: { openedAt: 'ASC' } });
    const caseIds = cases.map((c) => c.id);
    const [resolutions, themes, onIt] = caseIds.length
      ? await Promise.all([
          m.find(CaseResolutionEntity, { where: { caseId: In(caseIds) }, order: { version: 'ASC' } }),
          m.find(CaseThemeEntity, { where: { caseId: In(caseIds) } }),
          m.find(CaseOnItEntity, { where: { caseId: In(caseIds) } }),
        ])
      : [[], [], []];
    const gestures = await m.find(GestureEntity, { where: { customerId: id }, order: { createdAt: 'ASC' } });
    const conversation = await m.findOneBy(Conversation, { customerId: id });
    const forum = await forumRowsOf(m, people);
    const visitorIds = identities.filter((i) => i.channel === 'web').map((i) => i.externalId);

    // Images: uploads of their visitor and forum accounts, the pictures of their forum posts, and
    // whatever their events show (found while the events stream by).
    const imageIds = new Set<string>(forum.posts.flatMap((p) => (p.images ?? []).map((i) => i.id)));
    const uploaders = [
      ...visitorIds.map((uploaderId) => ({ uploaderType: 'visitor' as const, uploaderId })),
      ...forum.accounts.map((a) => ({ uploaderType: 'member' as const, uploaderId: a.id })),
    ];
    if (uploaders.length) for (const image of await m.find(ChatImageEntity, { where: uploaders, select: { id: true } })) imageIds.add(image.id);

    const head = {
      format: EXPORT_FORMAT,
      exportedAt: new Date().toISOString(),
      customer: {
        id: customer.id,
        displayName: customer.displayName,
        phone: customer.phone,
        notes: customer.notes,
        origin: customer.origin,
        createdAt: customer.createdAt,
        updatedAt: customer.updatedAt,
        lastEventAt: customer.lastEventAt,
        erasedAt: customer.erasedAt,
      },
      identities: identities.map(({ customer: _c, ...i }) => i),
      mergedCustomers: mergedIn.map((c) => ({ id: c.id, displayName: c.displayName, createdAt: c.createdAt })),
      conversation,
      cases: cases.map((c) => ({
        ...c,
        themes: themes.filter((t) => t.caseId === c.id).map((t) => t.theme),
        onIt: onIt.filter((o) => o.caseId === c.id),
        resolutions: resolutions.filter((r) => r.caseId === c.id),
      })),
      gestures,
      forum: { accounts: forum.accounts.map(exportedAccount), threads: forum.threads, posts: forum.posts },
    };

    const zip = new ZipFile();
    // A failure half-way (a file that cannot be read, the database gone) ends the download broken,
    // rather than leaving it hanging: the browser says the download failed.
    zip.on('error', (err: Error) => {
      this.logger.warn({ msg: 'Customer export failed', customerId: id, reason: err.message });
      (zip.outputStream as Readable).destroy(err);
    });
    const files = this.files;
    const logger = this.logger;
    async function* customerJson(): AsyncGenerator<string> {
      yield `{\n${Object.entries(head).map(([k, v]) => field(k, v)).join(',\n')},\n  "events": [`;
      let afterId = 0;
      let count = 0;
      for (;;) {
        const batch = await m.find(TimelineEventEntity, { where: { customerId: id, id: MoreThan(afterId) }, order: { id: 'ASC' }, take: EVENT_BATCH });
        for (const event of batch) {
          if (event.kind === 'chat.message' || event.kind === 'store.visit' || (event.kind === 'forum.post' && event.authorType !== 'staff')) {
            const d = event.details;
            const shown = [(d?.image as ChatImage | undefined)?.id, ...(Array.isArray(d?.images) ? (d.images as ChatImage[]).map((i) => i.id) : [])];
            // A forum reply by someone else in their thread shows that person's pictures: not theirs.
            if (event.kind !== 'forum.post' || event.authorId === id || people.includes(event.authorId ?? '')) {
              for (const imageId of shown) if (typeof imageId === 'string') imageIds.add(imageId);
            }
          }
          yield `${count++ ? ',' : ''}\n    ${json(toTimelineEvent(event)).replace(/\n/g, '\n    ')}`;
        }
        if (batch.length < EVENT_BATCH) break;
        afterId = batch[batch.length - 1].id;
      }
      const images = imageIds.size ? await m.find(ChatImageEntity, { where: { id: In([...imageIds]) }, order: { createdAt: 'ASC' } }) : [];
      const listed = [];
      for (const image of images) {
        const file = await files.open(image.storagePath);
        const name = `attachments/${path.posix.basename(image.storagePath)}`;
        if (file) zip.addReadStream(file.stream, name, { size: file.size, compress: false });
        else logger.warn({ msg: 'Exported image file missing', imageId: image.id });
        const { storagePath: _s, thumbPath: _t, ...meta } = image;
        listed.push({ ...meta, file: file ? name : null });
      }
      yield `\n  ],\n${field('images', listed)}\n}\n`;
      // Every entry is queued: the zip may finish once customer.json has been read to its end.
      zip.end();
    }

    zip.addReadStream(Readable.from(customerJson()), 'customer.json');
    return zip.outputStream as Readable;
  }
}
