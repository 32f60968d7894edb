import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Administrators edit a procedure as a draft (one open draft per procedure: its code is the key) and publish it
 * effective from a date (issue #16 item 4). Each version gets the instant it takes effect; the versions there are
 * took effect when written. The procedure row carries its own version's instant, so the catalogue knows without a
 * join whether the row is already in force.
 */
export class ProcedureDrafts1795693000000 implements MigrationInterface {
    name = 'ProcedureDrafts1795693000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "procedure_drafts" ("procedure_code" character varying(20) NOT NULL, "base_version" integer NOT NULL, "revision" integer NOT NULL, "edits" jsonb NOT NULL, "created_by" uuid NOT NULL, "updated_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_procedure_drafts" PRIMARY KEY ("procedure_code"))`);
        await queryRunner.query(`ALTER TABLE "procedure_versions" ADD "effective_from" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
        await queryRunner.query(`UPDATE "procedure_versions" SET "effective_from" = "created_at"`);
        await queryRunner.query(`ALTER TABLE "procedures" ADD "effective_from" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
        await queryRunner.query(`UPDATE "procedures" p SET "effective_from" = v."effective_from" FROM "procedure_versions" v WHERE v."procedure_code" = p."code" AND v."version" = p."version"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "procedures" DROP COLUMN "effective_from"`);
        await queryRunner.query(`ALTER TABLE "procedure_versions" DROP COLUMN "effective_from"`);
        await queryRunner.query(`DROP TABLE "procedure_drafts"`);
    }
}
