import { Column, Entity } from 'typeorm';
import { RefPrimaryColumn, TimestampColumn } from '../database/columns';

/** Someone said "I'm on it" for a case. Others see it; nothing is assigned or timed. */
@Entity('case_on_it')
export class CaseOnItEntity {
  @RefPrimaryColumn({ name: 'case_id' })
  caseId!: string;

  @RefPrimaryColumn({ name: 'staff_id' })
  staffId!: string;

  @Column({ name: 'staff_name', type: 'varchar', length: 100 })
  staffName!: string;

  @TimestampColumn()
  since!: Date;
}

/** A theme (tag) of a case: what the customer came with. */
@Entity('case_themes')
export class CaseThemeEntity {
  @RefPrimaryColumn({ name: 'case_id' })
  caseId!: string;

  @Column({ type: 'varchar', length: 30, primary: true })
  theme!: string;
}
