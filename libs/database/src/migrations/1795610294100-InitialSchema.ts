import { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1795610294100 implements MigrationInterface {
    name = 'InitialSchema1795610294100'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "procedures" ("code" character varying(20) NOT NULL, "name" text NOT NULL, "search_key" text NOT NULL, "field" text NOT NULL, "field_code" character varying(40) NOT NULL, "online_level" smallint NOT NULL, "receiving_levels" text array NOT NULL, "deciding_level" character varying(10) NOT NULL, "processing_time" jsonb NOT NULL, "components" jsonb NOT NULL, "fees" jsonb NOT NULL, "form_schema" jsonb NOT NULL, "workflow" jsonb NOT NULL, "result_name" text NOT NULL, "legal_basis" text array NOT NULL, "active" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8f0dd6bd4d8e1abaaf816856e29" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE TABLE "units" ("code" character varying(10) NOT NULL, "name" text NOT NULL, "type" text NOT NULL, "level" character varying(10) NOT NULL, "parent_code" character varying(10), "valid_from" date NOT NULL, "valid_to" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_47635c1ab22d02fc3ebae3608b8" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE INDEX "idx_units_parent" ON "units" ("parent_code") `);
        await queryRunner.query(`CREATE TABLE "agencies" ("code" character varying(20) NOT NULL, "name" text NOT NULL, "kind" character varying(20) NOT NULL, "sectors" text array NOT NULL, "unit_code" character varying(10) NOT NULL, "receives" boolean NOT NULL DEFAULT false, "valid_from" date NOT NULL, "valid_to" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6acd8cc6374916c08b4d7f060c8" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE INDEX "idx_agencies_unit" ON "agencies" ("unit_code") `);
        await queryRunner.query(`CREATE TABLE "officers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "password_hash" text NOT NULL, "full_name" text NOT NULL, "roles" text array NOT NULL, "agency_code" character varying(20) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_51b2f6e36c3acee541c66bf4047" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_officers_agency" ON "officers" ("agency_code") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_officers_username" ON "officers" ("username") `);
        await queryRunner.query(`CREATE TABLE "citizens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "phone" character varying(15) NOT NULL, "last_signed_in_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_125518d98ee3b4cf52b8ab14a43" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_citizens_phone" ON "citizens" ("phone") `);
        await queryRunner.query(`CREATE TABLE "otp_states" ("phone" character varying(15) NOT NULL, "code_hash" character varying(64), "issued_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, "failed_attempts" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "sends_in_window" integer NOT NULL DEFAULT '0', "window_started_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b63bbf8544e34fb21f76875527d" PRIMARY KEY ("phone"))`);
        await queryRunner.query(`CREATE TABLE "outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "topic" character varying(32) NOT NULL, "kind" character varying(64) NOT NULL, "priority" smallint NOT NULL DEFAULT '5', "dossier_code" character varying(40), "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_outbox_pending" ON "outbox" ("created_at") WHERE dispatched_at IS NULL`);
        await queryRunner.query(`ALTER TABLE "units" ADD CONSTRAINT "fk_units_parent" FOREIGN KEY ("parent_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agencies" ADD CONSTRAINT "fk_agencies_unit" FOREIGN KEY ("unit_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "officers" ADD CONSTRAINT "fk_officers_agency" FOREIGN KEY ("agency_code") REFERENCES "agencies"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "officers" DROP CONSTRAINT "fk_officers_agency"`);
        await queryRunner.query(`ALTER TABLE "agencies" DROP CONSTRAINT "fk_agencies_unit"`);
        await queryRunner.query(`ALTER TABLE "units" DROP CONSTRAINT "fk_units_parent"`);
        await queryRunner.query(`DROP INDEX "public"."idx_outbox_pending"`);
        await queryRunner.query(`DROP TABLE "outbox"`);
        await queryRunner.query(`DROP TABLE "otp_states"`);
        await queryRunner.query(`DROP INDEX "public"."uq_citizens_phone"`);
        await queryRunner.query(`DROP TABLE "citizens"`);
        await queryRunner.query(`DROP INDEX "public"."uq_officers_username"`);
        await queryRunner.query(`DROP INDEX "public"."idx_officers_agency"`);
        await queryRunner.query(`DROP TABLE "officers"`);
        await queryRunner.query(`DROP INDEX "public"."idx_agencies_unit"`);
        await queryRunner.query(`DROP TABLE "agencies"`);
        await queryRunner.query(`DROP INDEX "public"."idx_units_parent"`);
        await queryRunner.query(`DROP TABLE "units"`);
        await queryRunner.query(`DROP TABLE "procedures"`);
    }

}
