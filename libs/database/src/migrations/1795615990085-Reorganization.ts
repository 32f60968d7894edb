import { MigrationInterface, QueryRunner } from "typeorm";

export class Reorganization1795615990085 implements MigrationInterface {
    name = 'Reorganization1795615990085'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "reorganizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "effective_date" date NOT NULL, "overrides" jsonb NOT NULL DEFAULT '{}', "summary" jsonb NOT NULL, "applied_by" text NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_695e4041874c02332cdec373b30" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_reorganizations_name" ON "reorganizations" ("name") `);
        await queryRunner.query(`CREATE TABLE "unit_successions" ("old_code" character varying(10) NOT NULL, "new_code" character varying(10) NOT NULL, "merge_type" character varying(10) NOT NULL, "receives_dossiers" boolean NOT NULL DEFAULT false, "effective_date" date NOT NULL, "reorganization_id" uuid NOT NULL, CONSTRAINT "PK_011d3ca50bfa042914d8a0e842c" PRIMARY KEY ("old_code", "new_code"))`);
        await queryRunner.query(`CREATE INDEX "idx_unit_successions_new" ON "unit_successions" ("new_code") `);
        await queryRunner.query(`CREATE TABLE "unit_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(10) NOT NULL, "name" text NOT NULL, "type" text NOT NULL, "level" character varying(10) NOT NULL, "parent_code" character varying(10), "valid_from" date NOT NULL, "valid_to" date NOT NULL, CONSTRAINT "PK_55686ce233321081a4e0f41da91" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_unit_versions_code" ON "unit_versions" ("code", "valid_from") `);
        await queryRunner.query(`ALTER TABLE "agencies" ADD "successor_code" character varying(20)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "agencies" DROP COLUMN "successor_code"`);
        await queryRunner.query(`DROP INDEX "public"."idx_unit_versions_code"`);
        await queryRunner.query(`DROP TABLE "unit_versions"`);
        await queryRunner.query(`DROP INDEX "public"."idx_unit_successions_new"`);
        await queryRunner.query(`DROP TABLE "unit_successions"`);
        await queryRunner.query(`DROP INDEX "public"."uq_reorganizations_name"`);
        await queryRunner.query(`DROP TABLE "reorganizations"`);
    }

}
