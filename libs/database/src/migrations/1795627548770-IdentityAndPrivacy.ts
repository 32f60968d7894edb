import { MigrationInterface, QueryRunner } from "typeorm";

export class IdentityAndPrivacy1795627548770 implements MigrationInterface {
    name = 'IdentityAndPrivacy1795627548770'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Wrong codes void the code they were made against; no phone is locked any more (issue #15, item 10).
        await queryRunner.query(`ALTER TABLE "otp_states" DROP COLUMN "locked_until"`);
        // Spent OTP codes are purged from the SMS log and the outbox (issue #15, item 11): these hold the live ones.
        await queryRunner.query(`CREATE INDEX "idx_sms_messages_otp_live" ON "sms_messages" ("created_at") WHERE kind = 'otp' AND text ~ '[0-9]{4,}'`);
        await queryRunner.query(`CREATE INDEX "idx_outbox_otp_live" ON "outbox" ("created_at") WHERE kind = 'otp' AND (payload #> '{variables,code}') IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_outbox_otp_live"`);
        await queryRunner.query(`DROP INDEX "public"."idx_sms_messages_otp_live"`);
        await queryRunner.query(`ALTER TABLE "otp_states" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
    }

}
