import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The catalogue at real size (2,000 procedures, issue #16 item 8): a procedure row is ~4 KB (e-form, workflow,
 * the national record), so a list page or a search read the whole heap to sort and count. This narrow index holds
 * what a page is chosen by — order (field, name, code) and the filters (search key, online level, field code,
 * levels) — so the pages and their count come from it alone (index-only scan), and only the page's rows are read.
 */
export class ProcedureListingIndex1795693100000 implements MigrationInterface {
    name = 'ProcedureListingIndex1795693100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "idx_procedures_listing" ON "procedures" ("field", "name", "code") INCLUDE ("search_key", "online_level", "field_code", "receiving_levels") WHERE active`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_procedures_listing"`);
    }
}
