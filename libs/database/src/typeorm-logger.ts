import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLoggerInterface } from 'typeorm';

/**
 * Sends TypeORM's messages through Nest's logger (pino in the apps), so they are structured and redacted like
 * the rest. Query parameters are never logged: they carry phone and ID numbers.
 */
export class TypeOrmLogger implements TypeOrmLoggerInterface {
  private readonly logger = new NestLogger('TypeORM');

  constructor(private readonly logQueries: boolean) {}

  logQuery(query: string): void {
    if (this.logQueries) this.logger.debug(query);
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.warn(`query failed: ${error instanceof Error ? error.message : error} — ${query.slice(0, 500)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.slice(0, 500)}`);
  }

  logSchemaBuild(message: string): void {
    if (this.logQueries) this.logger.debug(message);
  }

  logMigration(message: string): void {
    if (this.logQueries) this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else if (this.logQueries) this.logger.log(String(message));
  }
}
