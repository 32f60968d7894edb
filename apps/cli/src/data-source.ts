import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DatabaseConfig, loadConfig } from '@dvc/config';
import { buildDataSourceOptions } from '@dvc/database';
import { ALL_ENTITIES } from './entities';

/** For the TypeORM CLI (migration:generate / migration:show). */
export default new DataSource(buildDataSourceOptions(loadConfig(DatabaseConfig), ALL_ENTITIES));
