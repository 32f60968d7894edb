import { MigrationInterface, QueryRunner } from "typeorm";

/** Documents issued signed with an agency's certificate, for the public verification page (no personal data). */
export class SignedDocuments1795670000000 implements MigrationInterface {
    name = 'SignedDocuments1795670000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "signed_documents" ("id" uuid NOT NULL, "dossier_id" uuid NOT NULL, "dossier_code" character varying(40) NOT NULL, "kind" character varying(40) NOT NULL, "agency_code" character varying(20) NOT NULL, "signer_name" text NOT NULL, "certificate_serial" character varying(64) NOT NULL, "sha256" character(64) NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_signed_documents" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_signed_documents_dossier" ON "signed_documents" ("dossier_id", "signed_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_signed_documents_dossier"`);
        await queryRunner.query(`DROP TABLE "signed_documents"`);
    }
}
