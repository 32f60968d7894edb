import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Dossiers that came by the public postal service carry the item number (UPU S10) and the day they reached the post
 * desk; a result sent back by post carries its own item number.
 */
export class PostalIntake1795640300000 implements MigrationInterface {
    name = 'PostalIntake1795640300000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "dossiers" ADD "postal_item_number" character varying(13)`);
        await queryRunner.query(`ALTER TABLE "dossiers" ADD "post_received_on" date`);
        await queryRunner.query(`ALTER TABLE "dossiers" ADD "result_postal_item_number" character varying(13)`);
        await queryRunner.query(`ALTER TABLE "dossiers" ADD CONSTRAINT "chk_dossiers_postal_item_only_by_post" CHECK (postal_item_number IS NULL OR channel = 'post')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "dossiers" DROP CONSTRAINT "chk_dossiers_postal_item_only_by_post"`);
        await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "result_postal_item_number"`);
        await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "post_received_on"`);
        await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "postal_item_number"`);
    }
}
