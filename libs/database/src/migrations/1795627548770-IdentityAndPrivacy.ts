import { MigrationInterface, QueryRunner } from "typeorm";

export class IdentityAndPrivacy1795627548770 implements MigrationInterface {
    name = 'IdentityAndPrivacy1795627548770'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Wrong codes void the code they were made against; no phone is locked any more (issue #15, item 10).
        await queryRunner.query(`ALTER TABLE "otp_states" DROP COLUMN "locked_until"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "otp_states" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
    }

}
