import { Foundation1763900000000 } from './1763900000000-foundation';
import { Timeline1763990000000 } from './1763990000000-timeline';
import { Chat1764000000000 } from './1764000000000-chat';
import { ChatImages1764100000000 } from './1764100000000-chat-images';
import { CustomerOrigin1764200000000 } from './1764200000000-customer-origin';
import { StoreVisits1764300000000 } from './1764300000000-store-visits';
import { Cases1764400000000 } from './1764400000000-cases';
import { WeChat1764500000000 } from './1764500000000-wechat';
import { Forum1764600000000 } from './1764600000000-forum';
import { Privacy1764700000000 } from './1764700000000-privacy';

/** Every migration, oldest first. Listed explicitly so the build, Jest and the CLI load the same set. */
export const MIGRATIONS = [
  Foundation1763900000000,
  Timeline1763990000000,
  Chat1764000000000,
  ChatImages1764100000000,
  CustomerOrigin1764200000000,
  StoreVisits1764300000000,
  Cases1764400000000,
  WeChat1764500000000,
  Forum1764600000000,
  Privacy1764700000000,
];
