// The DataSource the TypeORM CLI uses (npm run migration:run | migration:revert | migration:show):
// the same options as the server, from the same environment (DATA_DIR, DATABASE_URL).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './server/src/config/config';
import { dataSourceOptions } from './server/src/database/data-source-options';

export default new DataSource(dataSourceOptions(loadConfig()));
