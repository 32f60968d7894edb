import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The administration's audit log: who (officer id and username, or a CLI operator), when, from which address, what
 * (entity, id, action) and the before/after (secrets redacted by the writer). Append-only: the trigger refuses
 * UPDATE, DELETE and TRUNCATE for everyone, the owner included; the application role is granted only SELECT and
 * INSERT on it (db:prepare) and, owning nothing, cannot disable or drop the trigger.
 */
export class AuditLog1795692000000 implements MigrationInterface {
    name = 'AuditLog1795692000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_username" character varying(100) NOT NULL, "address" character varying(64), "entity" character varying(40) NOT NULL, "entity_id" character varying(200) NOT NULL, "action" character varying(40) NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_audit_log_entity" ON "audit_log" ("entity", "entity_id", "id")`);
        await queryRunner.query(`CREATE INDEX "idx_audit_log_actor" ON "audit_log" ("actor_username", "id")`);
        await queryRunner.query(`CREATE INDEX "idx_audit_log_at" ON "audit_log" ("at")`);
        await queryRunner.query(`CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
        await queryRunner.query(`CREATE TRIGGER "trg_audit_log_no_update" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"()`);
        await queryRunner.query(`CREATE TRIGGER "trg_audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "trg_audit_log_no_truncate" ON "audit_log"`);
        await queryRunner.query(`DROP TRIGGER "trg_audit_log_no_update" ON "audit_log"`);
        await queryRunner.query(`DROP FUNCTION "audit_log_append_only"()`);
        await queryRunner.query(`DROP TABLE "audit_log"`);
    }
}
