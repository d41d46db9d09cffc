import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { hashPassword } from '../auth/password';
import { Session } from '../auth/session.entity';
import { Transactor } from '../database/transactor';
import { RealtimeService } from '../realtime/realtime.service';
import { Store } from '../stores/store.entity';
import { CreateStaffDto, ResetPasswordDto, UpdateStaffDto } from './dto/staff.dto';
import { Role, Staff } from './staff.entity';
import { StaffErrors } from './staff.errors';

/** Staff accounts, managed by admins (the controller restricts the role). */
@Injectable()
export class StaffService {
  private readonly logger = new Logger(StaffService.name);

  constructor(
    @InjectRepository(Staff) private readonly staff: Repository<Staff>,
    private readonly tx: Transactor,
    private readonly realtime: RealtimeService,
  ) {}

  list(): Promise<Staff[]> {
    return this.staff.find({ relations: { store: true }, order: { displayName: 'ASC' } });
  }

  async create(input: CreateStaffDto, actor: Staff): Promise<Staff> {
    const passwordHash = await hashPassword(input.password);
    const id = await this.tx.run(async (m) => {
      const storeId = await this.checkedStoreId(m, input.role, input.storeId ?? null);
      if (await m.existsBy(Staff, { email: input.email })) throw StaffErrors.emailTaken();
      const { identifiers } = await m.insert(Staff, {
        email: input.email,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        storeId,
        active: true,
      });
      return identifiers[0].id as string;
    });
    this.logger.log({ msg: 'Staff created', staffId: id, role: input.role, by: actor.id });
    return this.get(id);
  }

  async update(id: string, input: UpdateStaffDto, actor: Staff): Promise<Staff> {
    const changedAccess = await this.tx.run(async (m) => {
      const current = await m.findOneBy(Staff, { id });
      if (!current) throw StaffErrors.notFound();
      if (id === actor.id && (input.active === false || (input.role && input.role !== 'admin'))) {
        throw StaffErrors.cannotDisableSelf();
      }
      const role = input.role ?? current.role;
      const storeId = await this.checkedStoreId(m, role, input.storeId === undefined ? current.storeId : input.storeId);
      await m.update(Staff, { id }, { displayName: input.displayName, role, storeId, active: input.active, monthlyGestureAllowanceCents: input.monthlyGestureAllowanceCents });
      // A disabled account is signed out everywhere at once.
      if (input.active === false) await m.delete(Session, { staffId: id });
      return input.active === false || role !== current.role || storeId !== current.storeId;
    });
    // Disabled, or what they may see changed (e.g. store staff don't get desk-only notes): their
    // open sockets end, and reconnect (if still allowed) with rooms for the new role.
    if (changedAccess) this.realtime.disconnectStaff(id);
    this.logger.log({ msg: 'Staff updated', staffId: id, fields: Object.keys(input), by: actor.id });
    return this.get(id);
  }

  async resetPassword(id: string, input: ResetPasswordDto, actor: Staff): Promise<void> {
    const passwordHash = await hashPassword(input.password);
    await this.tx.run(async (m) => {
      const result = await m.update(Staff, { id }, { passwordHash });
      if (!result.affected) throw StaffErrors.notFound();
      // Whoever knew the old password is signed out too.
      await m.delete(Session, { staffId: id });
    });
    this.realtime.disconnectStaff(id);
    this.logger.log({ msg: 'Password reset', staffId: id, by: actor.id });
  }

  async get(id: string): Promise<Staff> {
    const staff = await this.staff.findOne({ where: { id }, relations: { store: true } });
    if (!staff) throw StaffErrors.notFound();
    return staff;
  }

  /** Store staff need a store; other roles may belong to one (e.g. an agent based at a store). */
  private async checkedStoreId(m: EntityManager, role: Role, storeId: string | null): Promise<string | null> {
    if (storeId && !(await m.existsBy(Store, { id: storeId }))) throw StaffErrors.unknownStore();
    if (role === 'store' && !storeId) throw StaffErrors.storeRequired();
    return storeId;
  }
}
