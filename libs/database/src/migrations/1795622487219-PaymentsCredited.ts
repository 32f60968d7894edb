import { MigrationInterface, QueryRunner } from "typeorm";

export class PaymentsCredited1795622487219 implements MigrationInterface {
    name = 'PaymentsCredited1795622487219'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "payments" ADD "credited" boolean NOT NULL DEFAULT false`);
        // Hand-written: a payment counted towards its dossier's fees is one a confirm_payment event names.
        await queryRunner.query(`UPDATE "payments" p SET "credited" = true WHERE EXISTS (
            SELECT 1 FROM "dossier_events" e WHERE e.dossier_id = p.dossier_id AND e.action = 'confirm_payment' AND e.data->>'paymentId' = p.id::text)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "payments" DROP COLUMN "credited"`);
    }
}
