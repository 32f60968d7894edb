import { MigrationInterface, QueryRunner } from "typeorm";

/** Uploaded files (metadata; the bytes live in the file store), looked up by owner. */
export class Files1795611303936 implements MigrationInterface {
    name = 'Files1795611303936'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_kind" character varying(10) NOT NULL, "owner_id" uuid NOT NULL, "name" text NOT NULL, "size" integer NOT NULL, "mime" character varying(100) NOT NULL, "sha256" character(64) NOT NULL, "storage_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6c16b9093a142e0e7613b04a3d9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_files_owner" ON "files" ("owner_kind", "owner_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_files_owner"`);
        await queryRunner.query(`DROP TABLE "files"`);
    }

}
