import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Procedures get versions (issue #16 item 4): the version in force on the procedure, every version's content in
 * procedure_versions, and on each dossier the version it was submitted under. What exists now is version 1 of the
 * seed, and every dossier so far was submitted under it.
 */
export class ProcedureVersions1795651600000 implements MigrationInterface {
    name = 'ProcedureVersions1795651600000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "procedure_versions" ("procedure_code" character varying(20) NOT NULL, "version" integer NOT NULL, "content" jsonb NOT NULL, "source" character varying(10) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_procedure_versions" PRIMARY KEY ("procedure_code", "version"))`);
        await queryRunner.query(`ALTER TABLE "procedures" ADD "national" jsonb`);
        await queryRunner.query(`ALTER TABLE "procedures" ADD "version" integer NOT NULL DEFAULT 1`);
        await queryRunner.query(`ALTER TABLE "procedures" ADD "source" character varying(10) NOT NULL DEFAULT 'seed'`);
        await queryRunner.query(`INSERT INTO "procedure_versions" ("procedure_code", "version", "content", "source")
            SELECT code, 1, jsonb_build_object('name', name, 'field', field, 'fieldCode', field_code, 'onlineLevel', online_level,
              'receivingLevels', to_jsonb(receiving_levels), 'decidingLevel', deciding_level, 'processingTime', processing_time,
              'components', components, 'fees', fees, 'formSchema', form_schema, 'workflow', workflow, 'resultName', result_name,
              'legalBasis', to_jsonb(legal_basis), 'national', 'null'::jsonb), 'seed'
            FROM "procedures"`);
        // Intake always names the version; the default fills the dossiers there are (and rows written by hand in tests).
        await queryRunner.query(`ALTER TABLE "dossiers" ADD "procedure_version" integer NOT NULL DEFAULT 1`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "procedure_version"`);
        await queryRunner.query(`ALTER TABLE "procedures" DROP COLUMN "source"`);
        await queryRunner.query(`ALTER TABLE "procedures" DROP COLUMN "version"`);
        await queryRunner.query(`ALTER TABLE "procedures" DROP COLUMN "national"`);
        await queryRunner.query(`DROP TABLE "procedure_versions"`);
    }
}
