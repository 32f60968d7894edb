import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Officers have a title (chức danh) printed under their name on the forms; every event keeps the full name and the
 * title its officer had when it was written, so the history stays true when an account is renamed. Events written
 * before stored the login name: those of officers that still exist get their full name once, here (the append-only
 * trigger is lifted for this one statement and put back).
 */
export class OfficerTitles1795640200000 implements MigrationInterface {
    name = 'OfficerTitles1795640200000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "officers" ADD "title" text`);
        await queryRunner.query(`ALTER TABLE "dossier_events" ADD "actor_title" text`);
        await queryRunner.query(`ALTER TABLE "dossier_events" DISABLE TRIGGER "trg_dossier_events_no_update"`);
        await queryRunner.query(`UPDATE dossier_events e SET actor_name = o.full_name
            FROM officers o WHERE e.actor_kind = 'officer' AND e.actor_id = o.id AND e.actor_name = o.username`);
        // Desk payments were written as system events named after the officer's login.
        await queryRunner.query(`UPDATE dossier_events e SET actor_name = o.full_name
            FROM officers o WHERE e.actor_kind = 'system' AND e.action = 'confirm_payment' AND e.actor_name = o.username`);
        await queryRunner.query(`ALTER TABLE "dossier_events" ENABLE TRIGGER "trg_dossier_events_no_update"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "dossier_events" DROP COLUMN "actor_title"`);
        await queryRunner.query(`ALTER TABLE "officers" DROP COLUMN "title"`);
    }
}
