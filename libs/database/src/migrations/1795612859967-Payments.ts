import { MigrationInterface, QueryRunner } from "typeorm";

export class Payments1795612859967 implements MigrationInterface {
    name = 'Payments1795612859967'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dossier_id" uuid NOT NULL, "dossier_code" character varying(40) NOT NULL, "agency_code" character varying(20) NOT NULL, "method" character varying(10) NOT NULL, "txn_ref" character varying(40) NOT NULL, "amount_vnd" integer NOT NULL, "status" character varying(16) NOT NULL, "commission_vnd" integer NOT NULL DEFAULT '0', "pay_url" text, "gateway_create_date" character varying(14), "gateway_transaction_no" character varying(40), "bank_code" character varying(20), "expires_at" TIMESTAMP WITH TIME ZONE, "paid_at" TIMESTAMP WITH TIME ZONE, "receipt_series" character varying(20), "receipt_number" integer, "refunded_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "created_by" character varying(80) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_payments_receipt" ON "payments" ("agency_code", "receipt_series", "receipt_number") WHERE receipt_number IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "idx_payments_awaiting_since" ON "payments" ("created_at") WHERE status = 'awaiting'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_payments_awaiting" ON "payments" ("dossier_id") WHERE status = 'awaiting'`);
        await queryRunner.query(`CREATE INDEX "idx_payments_dossier" ON "payments" ("dossier_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_payments_txn_ref" ON "payments" ("txn_ref") `);
        await queryRunner.query(`CREATE TABLE "receipt_counters" ("agency_code" character varying(20) NOT NULL, "year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_498e7b74ddfb7653604b4933876" PRIMARY KEY ("agency_code", "year"))`);
        await queryRunner.query(`ALTER TABLE "dossiers" ADD "fees" jsonb NOT NULL DEFAULT '[]'`);
        await queryRunner.query(`ALTER TABLE "dossiers" ADD "fee_total_vnd" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "dossiers" ADD "fees_before_vnd" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "dossiers" ADD "fees_requested_vnd" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "dossiers" ADD "fees_paid_vnd" integer NOT NULL DEFAULT '0'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "fees_paid_vnd"`);
        await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "fees_requested_vnd"`);
        await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "fees_before_vnd"`);
        await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "fee_total_vnd"`);
        await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "fees"`);
        await queryRunner.query(`DROP TABLE "receipt_counters"`);
        await queryRunner.query(`DROP INDEX "public"."uq_payments_txn_ref"`);
        await queryRunner.query(`DROP INDEX "public"."idx_payments_dossier"`);
        await queryRunner.query(`DROP INDEX "public"."uq_payments_awaiting"`);
        await queryRunner.query(`DROP INDEX "public"."idx_payments_awaiting_since"`);
        await queryRunner.query(`DROP INDEX "public"."uq_payments_receipt"`);
        await queryRunner.query(`DROP TABLE "payments"`);
    }

}
