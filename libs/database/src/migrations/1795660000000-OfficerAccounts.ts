import { MigrationInterface, QueryRunner } from "typeorm";

export class OfficerAccounts1795660000000 implements MigrationInterface {
    name = 'OfficerAccounts1795660000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Per-account lockout (issue #16 item 2): counted whatever address the attempts come from.
        await queryRunner.query(`ALTER TABLE "officers" ADD "failed_logins" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "officers" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
        // Set by an administrator's reset (and on accounts created by someone else): the next sign-in must change it.
        await queryRunner.query(`ALTER TABLE "officers" ADD "password_change_required" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "officers" ADD "password_changed_at" TIMESTAMP WITH TIME ZONE`);
        // TOTP second factor: the secret (base32), when it was confirmed, the last time step used (replay refusal),
        // and SHA-256 hashes of the unused recovery codes.
        await queryRunner.query(`ALTER TABLE "officers" ADD "totp_secret" character varying(64)`);
        await queryRunner.query(`ALTER TABLE "officers" ADD "totp_enabled_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "officers" ADD "totp_last_step" bigint`);
        await queryRunner.query(`ALTER TABLE "officers" ADD "recovery_code_hashes" text array NOT NULL DEFAULT '{}'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const column of ['recovery_code_hashes', 'totp_last_step', 'totp_enabled_at', 'totp_secret', 'password_changed_at', 'password_change_required', 'locked_until', 'failed_logins']) {
            await queryRunner.query(`ALTER TABLE "officers" DROP COLUMN "${column}"`);
        }
    }

}
