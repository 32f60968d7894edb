import { MigrationInterface, QueryRunner } from "typeorm";

export class SmsSwitchboard1795612159911 implements MigrationInterface {
    name = 'SmsSwitchboard1795612159911'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "sms_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "outbox_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "to" character varying(15) NOT NULL, "carrier" character varying(20) NOT NULL, "sender" character varying(11) NOT NULL, "text" text NOT NULL, "encoding" character varying(5) NOT NULL, "segments" smallint NOT NULL, "cost_vnd" integer NOT NULL, "status" character varying(10) NOT NULL, "priority" smallint NOT NULL, "attempts" smallint NOT NULL DEFAULT '0', "provider" character varying(10), "provider_message_id" character varying(64), "dossier_code" character varying(40), "agency_code" character varying(20), "last_error" text, "not_before" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6d4cfef86e93e3fde23954d11bc" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_sms_messages_dossier" ON "sms_messages" ("dossier_code") `);
        await queryRunner.query(`CREATE INDEX "idx_sms_messages_to" ON "sms_messages" ("to", "created_at") `);
        await queryRunner.query(`CREATE INDEX "idx_sms_messages_provider_id" ON "sms_messages" ("provider_message_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sms_messages_outbox" ON "sms_messages" ("outbox_id") `);
        await queryRunner.query(`CREATE TABLE "sms_templates" ("kind" character varying(40) NOT NULL, "body" text NOT NULL, "keep_diacritics" boolean NOT NULL DEFAULT false, "updated_by" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf996285261e499c5b073938fba" PRIMARY KEY ("kind"))`);
        await queryRunner.query(`CREATE TABLE "sms_receipts" ("provider_message_id" character varying(64) NOT NULL, "status" character varying(10) NOT NULL, "detail" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9b0a8278856dac5fc8661c4f6ed" PRIMARY KEY ("provider_message_id"))`);
        await queryRunner.query(`ALTER TABLE "agencies" ADD "sms_brandname" character varying(11)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "agencies" DROP COLUMN "sms_brandname"`);
        await queryRunner.query(`DROP TABLE "sms_receipts"`);
        await queryRunner.query(`DROP TABLE "sms_templates"`);
        await queryRunner.query(`DROP INDEX "public"."uq_sms_messages_outbox"`);
        await queryRunner.query(`DROP INDEX "public"."idx_sms_messages_provider_id"`);
        await queryRunner.query(`DROP INDEX "public"."idx_sms_messages_to"`);
        await queryRunner.query(`DROP INDEX "public"."idx_sms_messages_dossier"`);
        await queryRunner.query(`DROP TABLE "sms_messages"`);
    }

}
