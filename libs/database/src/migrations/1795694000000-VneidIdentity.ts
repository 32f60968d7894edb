import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Citizens keyed by their VNeID identity: a person's ID number (CCCD) or an organisation's tax code, both unique and
 * nullable (rows of phone-only sign-ins have neither). A procedure may name the assurance level its submissions need.
 */
export class VneidIdentity1795694000000 implements MigrationInterface {
    name = 'VneidIdentity1795694000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "citizens" ADD "id_number" character varying(12)`);
        await queryRunner.query(`ALTER TABLE "citizens" ADD "tax_code" character varying(14)`);
        await queryRunner.query(`ALTER TABLE "citizens" ADD "full_name" text`);
        await queryRunner.query(`ALTER TABLE "citizens" ADD "birth_date" date`);
        await queryRunner.query(`ALTER TABLE "citizens" ADD "sex" character varying(6)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_citizens_id_number" ON "citizens" ("id_number") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_citizens_tax_code" ON "citizens" ("tax_code") `);
        await queryRunner.query(`ALTER TABLE "procedures" ADD "required_assurance" smallint`);
        await queryRunner.query(`ALTER TABLE "procedures" ADD CONSTRAINT "chk_procedures_required_assurance" CHECK ("required_assurance" BETWEEN 0 AND 2)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "procedures" DROP CONSTRAINT "chk_procedures_required_assurance"`);
        await queryRunner.query(`ALTER TABLE "procedures" DROP COLUMN "required_assurance"`);
        await queryRunner.query(`DROP INDEX "public"."uq_citizens_tax_code"`);
        await queryRunner.query(`DROP INDEX "public"."uq_citizens_id_number"`);
        await queryRunner.query(`ALTER TABLE "citizens" DROP COLUMN "sex"`);
        await queryRunner.query(`ALTER TABLE "citizens" DROP COLUMN "birth_date"`);
        await queryRunner.query(`ALTER TABLE "citizens" DROP COLUMN "full_name"`);
        await queryRunner.query(`ALTER TABLE "citizens" DROP COLUMN "tax_code"`);
        await queryRunner.query(`ALTER TABLE "citizens" DROP COLUMN "id_number"`);
    }
}
