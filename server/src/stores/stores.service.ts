import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Transactor } from '../database/transactor';
import { Staff } from '../staff/staff.entity';
import { CreateStoreDto, UpdateStoreDto } from './dto/store.dto';
import { Store } from './store.entity';
import { StoreErrors } from './stores.errors';

/**
 * Physical stores. Anyone signed in may read them; admins add and edit them (the controller
 * restricts the role). There is no delete: staff belong to stores and visits on customers'
 * timelines name them.
 */
@Injectable()
export class StoresService {
  private readonly logger = new Logger(StoresService.name);

  constructor(
    @InjectRepository(Store) private readonly stores: Repository<Store>,
    private readonly tx: Transactor,
  ) {}

  list(): Promise<Store[]> {
    return this.stores.find({ order: { city: 'ASC', name: 'ASC' } });
  }

  async create(input: CreateStoreDto, actor: Staff): Promise<Store> {
    const id = await this.tx.run(async (m) => {
      await this.checkNameFree(m, input.name);
      const { identifiers } = await m.insert(Store, { name: input.name, city: input.city, address: input.address });
      return identifiers[0].id as string;
    });
    this.logger.log({ msg: 'Store created', storeId: id, by: actor.id });
    return this.get(id);
  }

  async update(id: string, input: UpdateStoreDto, actor: Staff): Promise<Store> {
    await this.tx.run(async (m) => {
      const current = await m.findOneBy(Store, { id });
      if (!current) throw StoreErrors.notFound();
      if (input.name !== undefined) await this.checkNameFree(m, input.name, id);
      const changes = { name: input.name, city: input.city, address: input.address };
      if (Object.values(changes).some((v) => v !== undefined)) await m.update(Store, { id }, changes);
    });
    this.logger.log({ msg: 'Store updated', storeId: id, fields: Object.keys(input), by: actor.id });
    return this.get(id);
  }

  async get(id: string): Promise<Store> {
    const store = await this.stores.findOneBy({ id });
    if (!store) throw StoreErrors.notFound();
    return store;
  }

  /**
   * Names are unique ignoring case (and surrounding spaces, trimmed by the DTO). Checked inside the
   * write's transaction rather than by an index: SQLite runs one writer at a time, and on
   * PostgreSQL a transaction-scoped advisory lock queues store writes the same way (they are rare).
   */
  private async checkNameFree(m: EntityManager, name: string, exceptId?: string): Promise<void> {
    if (m.connection.options.type === 'postgres') await m.query(`SELECT pg_advisory_xact_lock(hashtext('hearth.stores.name'))`);
    const query = m.createQueryBuilder(Store, 'store').where('LOWER(store.name) = LOWER(:name)', { name });
    if (exceptId) query.andWhere('store.id <> :exceptId', { exceptId });
    if (await query.getExists()) throw StoreErrors.nameTaken();
  }
}
