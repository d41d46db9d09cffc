import { Session } from '../auth/session.entity';
import { Customer } from '../customers/customer.entity';
import { Staff } from '../staff/staff.entity';
import { Store } from '../stores/store.entity';
import { AppMeta } from './app-meta.entity';

export const ENTITIES = [AppMeta, Store, Staff, Session, Customer];
