import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Officers who may read a dossier open its files; every opening is kept (append-only). The GIN indexes let the
 * access check find the dossiers that reference a file (components or result files) without a scan.
 */
export class FileOpenings1795640000000 implements MigrationInterface {
    name = 'FileOpenings1795640000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "dossier_file_openings" ("id" BIGSERIAL NOT NULL, "file_id" uuid NOT NULL, "dossier_id" uuid NOT NULL, "officer_id" uuid NOT NULL, "agency_code" character varying(20) NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dossier_file_openings" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_dossier_file_openings_dossier" ON "dossier_file_openings" ("dossier_id", "opened_at") `);
        await queryRunner.query(`CREATE INDEX "idx_dossier_file_openings_file" ON "dossier_file_openings" ("file_id") `);
        await queryRunner.query(`CREATE FUNCTION "dossier_file_openings_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'dossier_file_openings is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
        await queryRunner.query(`CREATE TRIGGER "trg_dossier_file_openings_no_update" BEFORE UPDATE OR DELETE ON "dossier_file_openings" FOR EACH ROW EXECUTE FUNCTION "dossier_file_openings_append_only"()`);
        await queryRunner.query(`CREATE TRIGGER "trg_dossier_file_openings_no_truncate" BEFORE TRUNCATE ON "dossier_file_openings" FOR EACH STATEMENT EXECUTE FUNCTION "dossier_file_openings_append_only"()`);
        await queryRunner.query(`CREATE INDEX "idx_dossiers_component_files" ON "dossiers" USING gin (components jsonb_path_ops)`);
        await queryRunner.query(`CREATE INDEX "idx_dossiers_result_files" ON "dossiers" USING gin (proposal jsonb_path_ops) WHERE proposal IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_dossiers_result_files"`);
        await queryRunner.query(`DROP INDEX "public"."idx_dossiers_component_files"`);
        await queryRunner.query(`DROP TRIGGER "trg_dossier_file_openings_no_truncate" ON "dossier_file_openings"`);
        await queryRunner.query(`DROP TRIGGER "trg_dossier_file_openings_no_update" ON "dossier_file_openings"`);
        await queryRunner.query(`DROP FUNCTION "dossier_file_openings_append_only"()`);
        await queryRunner.query(`DROP TABLE "dossier_file_openings"`);
    }
}
