import { MigrationInterface, QueryRunner } from "typeorm";

export class DossierLifeCycle1795611189438 implements MigrationInterface {
    name = 'DossierLifeCycle1795611189438'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "calendar_years" ("year" integer NOT NULL, "holidays" jsonb NOT NULL, "working_weekend_days" jsonb NOT NULL, "updated_by" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1fed249d26e56ff06bb6dffd8d6" PRIMARY KEY ("year"))`);
        await queryRunner.query(`CREATE TABLE "dossiers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "procedure_code" character varying(20) NOT NULL, "receiving_agency_code" character varying(20) NOT NULL, "receiving_unit_code" character varying(10) NOT NULL, "current_agency_code" character varying(20) NOT NULL, "current_scope_code" character varying(20) NOT NULL, "status" character varying(30) NOT NULL, "resume_status" character varying(30), "channel" character varying(10) NOT NULL, "rule_set" character varying(20) NOT NULL, "route" jsonb NOT NULL, "step_index" smallint NOT NULL DEFAULT '0', "assignee_id" uuid, "applicant" jsonb NOT NULL, "applicant_phone" character varying(15) NOT NULL, "owner_citizen_id" uuid, "registered_by_officer_id" uuid, "form" jsonb NOT NULL, "components" jsonb NOT NULL, "result_delivery" character varying(10) NOT NULL, "proposal" jsonb, "outcome" character varying(10), "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE, "due_at" TIMESTAMP WITH TIME ZONE, "paused_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "returned_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "rating" jsonb, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d84a24a9d2c52ec01142de45e42" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_dossiers_owner" ON "dossiers" ("owner_citizen_id", "submitted_at") `);
        await queryRunner.query(`CREATE INDEX "idx_dossiers_worklist" ON "dossiers" ("current_scope_code", "due_at", "id") WHERE closed_at IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_dossiers_code" ON "dossiers" ("code") `);
        await queryRunner.query(`CREATE TABLE "dossier_events" ("id" BIGSERIAL NOT NULL, "dossier_id" uuid NOT NULL, "action" character varying(30) NOT NULL, "actor_kind" character varying(10) NOT NULL, "actor_id" uuid, "actor_name" text NOT NULL, "actor_role" character varying(30), "from_status" character varying(30), "to_status" character varying(30) NOT NULL, "from_agency_code" character varying(20), "to_agency_code" character varying(20) NOT NULL, "note" text, "data" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dc472db0f082aa7b1da60ed88f1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_dossier_events_dossier" ON "dossier_events" ("dossier_id", "id") `);
        await queryRunner.query(`CREATE TABLE "dossier_code_counters" ("agency_code" character varying(20) NOT NULL, "day" date NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_7c8cd90ab6ec752ec9252417d40" PRIMARY KEY ("agency_code", "day"))`);
        await queryRunner.query(`CREATE TABLE "idempotency_keys" ("principal_key" character varying(60) NOT NULL, "key" character varying(200) NOT NULL, "request_hash" character varying(64) NOT NULL, "dossier_code" character varying(40) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bc65ad4985e125d33b040194e5a" PRIMARY KEY ("principal_key", "key"))`);
        await queryRunner.query(`ALTER TABLE "units" ADD "office_hours" jsonb`);
        // Existing agencies get their scope from their unit: communes and districts share one, city bodies stand alone.
        await queryRunner.query(`ALTER TABLE "agencies" ADD "scope_code" character varying(20)`);
        await queryRunner.query(`UPDATE "agencies" a SET "scope_code" = CASE WHEN u."level" = 'city' THEN a."code" ELSE a."unit_code" END FROM "units" u WHERE u."code" = a."unit_code"`);
        await queryRunner.query(`ALTER TABLE "agencies" ALTER COLUMN "scope_code" SET NOT NULL`);
        await queryRunner.query(`CREATE INDEX "idx_agencies_scope" ON "agencies" ("scope_code") `);
        await queryRunner.query(`CREATE FUNCTION "dossier_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'dossier_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
        await queryRunner.query(`CREATE TRIGGER "trg_dossier_events_no_update" BEFORE UPDATE OR DELETE ON "dossier_events" FOR EACH ROW EXECUTE FUNCTION "dossier_events_append_only"()`);
        await queryRunner.query(`CREATE TRIGGER "trg_dossier_events_no_truncate" BEFORE TRUNCATE ON "dossier_events" FOR EACH STATEMENT EXECUTE FUNCTION "dossier_events_append_only"()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "trg_dossier_events_no_truncate" ON "dossier_events"`);
        await queryRunner.query(`DROP TRIGGER "trg_dossier_events_no_update" ON "dossier_events"`);
        await queryRunner.query(`DROP FUNCTION "dossier_events_append_only"()`);
        await queryRunner.query(`DROP INDEX "public"."idx_agencies_scope"`);
        await queryRunner.query(`ALTER TABLE "agencies" DROP COLUMN "scope_code"`);
        await queryRunner.query(`ALTER TABLE "units" DROP COLUMN "office_hours"`);
        await queryRunner.query(`DROP TABLE "idempotency_keys"`);
        await queryRunner.query(`DROP TABLE "dossier_code_counters"`);
        await queryRunner.query(`DROP INDEX "public"."idx_dossier_events_dossier"`);
        await queryRunner.query(`DROP TABLE "dossier_events"`);
        await queryRunner.query(`DROP INDEX "public"."uq_dossiers_code"`);
        await queryRunner.query(`DROP INDEX "public"."idx_dossiers_worklist"`);
        await queryRunner.query(`DROP INDEX "public"."idx_dossiers_owner"`);
        await queryRunner.query(`DROP TABLE "dossiers"`);
        await queryRunner.query(`DROP TABLE "calendar_years"`);
    }

}
