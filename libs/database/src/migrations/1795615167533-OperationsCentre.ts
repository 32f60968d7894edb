import { MigrationInterface, QueryRunner } from "typeorm";

export class OperationsCentre1795615167533 implements MigrationInterface {
    name = 'OperationsCentre1795615167533'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "portal_sync_states" ("dossier_code" character varying(40) NOT NULL, "last_event_id" bigint, "last_national_status" smallint, "last_pushed_at" TIMESTAMP WITH TIME ZONE, "pushes" integer NOT NULL DEFAULT '0', "failures" integer NOT NULL DEFAULT '0', "last_error" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b42c3e5018de1eb3b8b569cbfcc" PRIMARY KEY ("dossier_code"))`);
        await queryRunner.query(`ALTER TABLE "dossiers" ADD "deadline_flag" character varying(12)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "deadline_flag"`);
        await queryRunner.query(`DROP TABLE "portal_sync_states"`);
    }

}
