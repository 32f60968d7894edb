import { MigrationInterface, QueryRunner } from "typeorm";

export class ScheduledReorganizations1795695000000 implements MigrationInterface {
    name = 'ScheduledReorganizations1795695000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "reorganizations" ADD "status" character varying(16) NOT NULL DEFAULT 'applied'`);
        await queryRunner.query(`ALTER TABLE "reorganizations" ALTER COLUMN "status" DROP DEFAULT`);
        await queryRunner.query(`ALTER TABLE "reorganizations" ADD "merges" jsonb NOT NULL DEFAULT '[]'`);
        await queryRunner.query(`ALTER TABLE "reorganizations" ADD "officer_mapping" jsonb NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "reorganizations" ADD "requested_by" text`);
        await queryRunner.query(`ALTER TABLE "reorganizations" ADD "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
        await queryRunner.query(`UPDATE "reorganizations" SET "requested_by" = "applied_by", "requested_at" = "applied_at"`);
        await queryRunner.query(`ALTER TABLE "reorganizations" ALTER COLUMN "requested_by" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "reorganizations" ALTER COLUMN "summary" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "reorganizations" ALTER COLUMN "applied_by" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "reorganizations" ALTER COLUMN "applied_at" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "reorganizations" ALTER COLUMN "applied_at" DROP DEFAULT`);
        await queryRunner.query(`CREATE INDEX "idx_reorganizations_due" ON "reorganizations" ("effective_date") WHERE status = 'scheduled'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_reorganizations_due"`);
        await queryRunner.query(`DELETE FROM "reorganizations" WHERE "status" = 'scheduled'`);
        await queryRunner.query(`ALTER TABLE "reorganizations" ALTER COLUMN "applied_at" SET DEFAULT now()`);
        await queryRunner.query(`ALTER TABLE "reorganizations" ALTER COLUMN "applied_at" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "reorganizations" ALTER COLUMN "applied_by" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "reorganizations" ALTER COLUMN "summary" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "reorganizations" DROP COLUMN "requested_at"`);
        await queryRunner.query(`ALTER TABLE "reorganizations" DROP COLUMN "requested_by"`);
        await queryRunner.query(`ALTER TABLE "reorganizations" DROP COLUMN "officer_mapping"`);
        await queryRunner.query(`ALTER TABLE "reorganizations" DROP COLUMN "merges"`);
        await queryRunner.query(`ALTER TABLE "reorganizations" DROP COLUMN "status"`);
    }

}
