import { MigrationInterface, QueryRunner } from 'typeorm';

/** Substring search on procedure names (with or without diacritics: the key is folded by the app). */
export class SearchIndexes1795610294200 implements MigrationInterface {
  name = 'SearchIndexes1795610294200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "idx_procedures_search_trgm" ON "procedures" USING gin ("search_key" gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_procedures_search_trgm"`);
  }
}
