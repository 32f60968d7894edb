import { MigrationInterface, QueryRunner } from "typeorm";

type Query = (sql: string) => Promise<unknown>;

/**
 * Events written before this migration named officers by their login: those of officers that still exist get the
 * full name (desk payments too, written as system events named after the officer's login). The append-only trigger
 * is lifted for these statements only; run it inside a transaction (migrations are).
 */
export async function officerNamesInEvents(query: Query): Promise<void> {
    await query(`ALTER TABLE "dossier_events" DISABLE TRIGGER "trg_dossier_events_no_update"`);
    await query(`UPDATE dossier_events e SET actor_name = o.full_name
        FROM officers o WHERE e.actor_kind = 'officer' AND e.actor_id = o.id AND e.actor_name = o.username`);
    await query(`UPDATE dossier_events e SET actor_name = o.full_name
        FROM officers o WHERE e.actor_kind = 'system' AND e.action = 'confirm_payment' AND e.actor_name = o.username`);
    await query(`ALTER TABLE "dossier_events" ENABLE TRIGGER "trg_dossier_events_no_update"`);
}

/**
 * Officers have a title (chức danh) printed under their name on the forms; every event keeps the full name and the
 * title its officer had when it was written, so the history stays true when an account is renamed; older events
 * get their officer's full name once (officerNamesInEvents).
 */
export class OfficerTitles1795640200000 implements MigrationInterface {
    name = 'OfficerTitles1795640200000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "officers" ADD "title" text`);
        await queryRunner.query(`ALTER TABLE "dossier_events" ADD "actor_title" text`);
        await officerNamesInEvents((sql) => queryRunner.query(sql));
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "dossier_events" DROP COLUMN "actor_title"`);
        await queryRunner.query(`ALTER TABLE "officers" DROP COLUMN "title"`);
    }
}
