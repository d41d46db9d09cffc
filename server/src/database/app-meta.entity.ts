import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UpdatedAtColumn } from './columns';

/** Small facts about this installation, e.g. which demo seed steps have run. */
@Entity('app_meta')
export class AppMeta {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key!: string;

  @Column({ type: 'text' })
  value!: string;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
