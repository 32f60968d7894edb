import { MigrationInterface, QueryRunner } from 'typeorm';

export class TotpSecretsSealed1795689000000 implements MigrationInterface {
  name = 'TotpSecretsSealed1795689000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "officers" ALTER COLUMN "totp_secret" TYPE character varying(160)`);
    // A secret stored in the clear cannot be sealed here (the key is not the migration's to know): that second factor
    // is dropped, and the officer enrols again at the next sign-in where one is required.
    await queryRunner.query(`UPDATE "officers" SET "totp_secret" = NULL, "totp_enabled_at" = NULL, "totp_last_step" = NULL, "recovery_code_hashes" = '{}'
      WHERE "totp_secret" IS NOT NULL AND "totp_secret" NOT LIKE 'v1.%'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "officers" SET "totp_secret" = NULL, "totp_enabled_at" = NULL, "totp_last_step" = NULL, "recovery_code_hashes" = '{}' WHERE "totp_secret" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "officers" ALTER COLUMN "totp_secret" TYPE character varying(64)`);
  }
}
