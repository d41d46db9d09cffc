import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RefColumn, TimestampColumn, usesPostgres } from '../database/columns';

/** One version of a case's written outcome; an edit adds a version, none is overwritten. */
@Entity('case_resolutions')
export class CaseResolutionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @RefColumn({ name: 'case_id' })
  caseId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  needed!: string;

  @Column({ type: 'text' })
  did!: string;

  @Column({ type: 'text' })
  felt!: string;

  @Column({ name: 'customer_words', type: 'text', nullable: true })
  customerWords!: string | null;

  /** The case's themes when this version was written. */
  @Column({ type: usesPostgres() ? 'jsonb' : 'simple-json', nullable: true })
  themes!: string[] | null;

  @RefColumn({ name: 'written_by_id' })
  writtenById!: string;

  @Column({ name: 'written_by_name', type: 'varchar', length: 100 })
  writtenByName!: string;

  @TimestampColumn({ name: 'written_at' })
  writtenAt!: Date;
}
