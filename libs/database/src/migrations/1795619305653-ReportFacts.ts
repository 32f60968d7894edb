import { MigrationInterface, QueryRunner } from "typeorm";

export class ReportFacts1795619305653 implements MigrationInterface {
    name = 'ReportFacts1795619305653'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "report_fact_deltas" ("received_online" integer NOT NULL DEFAULT '0', "received_direct" integer NOT NULL DEFAULT '0', "received_post" integer NOT NULL DEFAULT '0', "finished_received" integer NOT NULL DEFAULT '0', "resolved_before_due_day" integer NOT NULL DEFAULT '0', "resolved_not_late" integer NOT NULL DEFAULT '0', "resolved_late" integer NOT NULL DEFAULT '0', "withdrawn" integer NOT NULL DEFAULT '0', "refused" integer NOT NULL DEFAULT '0', "finished_after_due" integer NOT NULL DEFAULT '0', "due_total" integer NOT NULL DEFAULT '0', "due_met" integer NOT NULL DEFAULT '0', "fees_collected" bigint NOT NULL DEFAULT '0', "id" BIGSERIAL NOT NULL, "unit_code" character varying(20) NOT NULL, "day" date NOT NULL, CONSTRAINT "PK_30f327ce1e54b93f5d301dfbd88" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "report_daily_facts" ("received_online" integer NOT NULL DEFAULT '0', "received_direct" integer NOT NULL DEFAULT '0', "received_post" integer NOT NULL DEFAULT '0', "finished_received" integer NOT NULL DEFAULT '0', "resolved_before_due_day" integer NOT NULL DEFAULT '0', "resolved_not_late" integer NOT NULL DEFAULT '0', "resolved_late" integer NOT NULL DEFAULT '0', "withdrawn" integer NOT NULL DEFAULT '0', "refused" integer NOT NULL DEFAULT '0', "finished_after_due" integer NOT NULL DEFAULT '0', "due_total" integer NOT NULL DEFAULT '0', "due_met" integer NOT NULL DEFAULT '0', "fees_collected" bigint NOT NULL DEFAULT '0', "unit_code" character varying(20) NOT NULL, "day" date NOT NULL, CONSTRAINT "PK_ce68d347c9f43699b60006ad2a9" PRIMARY KEY ("unit_code", "day"))`);
        await queryRunner.query(`CREATE INDEX "idx_report_daily_facts_day" ON "report_daily_facts" ("day") `);
        await queryRunner.query(`CREATE TABLE "report_monthly_facts" ("received_online" integer NOT NULL DEFAULT '0', "received_direct" integer NOT NULL DEFAULT '0', "received_post" integer NOT NULL DEFAULT '0', "finished_received" integer NOT NULL DEFAULT '0', "resolved_before_due_day" integer NOT NULL DEFAULT '0', "resolved_not_late" integer NOT NULL DEFAULT '0', "resolved_late" integer NOT NULL DEFAULT '0', "withdrawn" integer NOT NULL DEFAULT '0', "refused" integer NOT NULL DEFAULT '0', "finished_after_due" integer NOT NULL DEFAULT '0', "due_total" integer NOT NULL DEFAULT '0', "due_met" integer NOT NULL DEFAULT '0', "fees_collected" bigint NOT NULL DEFAULT '0', "unit_code" character varying(20) NOT NULL, "month" date NOT NULL, CONSTRAINT "PK_c697094c78f9cdebbf0568536c8" PRIMARY KEY ("unit_code", "month"))`);
        await queryRunner.query(`CREATE INDEX "idx_dossiers_supplement_pending" ON "dossiers" ("receiving_unit_code") WHERE status = 'supplement_requested'`);
        await queryRunner.query(`ALTER TABLE "dossiers" ADD CONSTRAINT "chk_dossiers_due_after_received" CHECK (due_at IS NULL OR received_at IS NULL OR due_at >= received_at)`);
        await queryRunner.query(`ALTER TABLE "dossiers" ADD CONSTRAINT "chk_dossiers_finished_after_received" CHECK (finished_at IS NULL OR received_at IS NULL OR finished_at >= received_at)`);
        // Hand-written from here: the triggers that keep report_fact_deltas equal to what the rows contribute.
        await queryRunner.query(`CREATE FUNCTION "report_local_day"(ts timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::date $$`);
        await queryRunner.query(`CREATE FUNCTION "report_dossier_contributions"(s integer, p_unit varchar, p_channel varchar, p_status varchar, p_received timestamptz, p_due timestamptz, p_finished timestamptz)
            RETURNS TABLE (unit_code varchar, day date, received_online integer, received_direct integer, received_post integer, finished_received integer,
              resolved_before_due_day integer, resolved_not_late integer, resolved_late integer, withdrawn integer, refused integer, finished_after_due integer,
              due_total integer, due_met integer, fees_collected bigint)
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
              SELECT p_unit, report_local_day(p_received), s * (p_channel = 'online')::int, s * (p_channel = 'direct')::int, s * (p_channel = 'post')::int,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0::bigint
              WHERE p_received IS NOT NULL
              UNION ALL
              SELECT p_unit, report_local_day(p_finished), 0, 0, 0, s * (p_received IS NOT NULL)::int,
                s * (p_status IN ('resolved', 'result_returned') AND p_due IS NOT NULL AND p_finished <= p_due AND report_local_day(p_finished) < report_local_day(p_due))::int,
                s * (p_status IN ('resolved', 'result_returned') AND (p_due IS NULL OR p_finished <= p_due))::int,
                s * (p_status IN ('resolved', 'result_returned') AND p_due IS NOT NULL AND p_finished > p_due)::int,
                s * (p_status = 'withdrawn')::int, s * (p_status = 'refused')::int,
                s * (p_received IS NOT NULL AND p_due IS NOT NULL AND p_finished > p_due)::int, 0, 0, 0::bigint
              WHERE p_finished IS NOT NULL
              UNION ALL
              SELECT p_unit, report_local_day(p_due), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, s, s * (p_finished IS NOT NULL AND p_finished <= p_due)::int, 0::bigint
              WHERE p_received IS NOT NULL AND p_due IS NOT NULL
            $$`);
        // Fees count under the dossier's receiving unit on the day paid, and stay counted once refunded (as the report defines them).
        await queryRunner.query(`CREATE VIEW "report_fact_recount" AS
            SELECT c.unit_code, c.day, sum(c.received_online) AS received_online, sum(c.received_direct) AS received_direct, sum(c.received_post) AS received_post, sum(c.finished_received) AS finished_received, sum(c.resolved_before_due_day) AS resolved_before_due_day, sum(c.resolved_not_late) AS resolved_not_late, sum(c.resolved_late) AS resolved_late, sum(c.withdrawn) AS withdrawn, sum(c.refused) AS refused, sum(c.finished_after_due) AS finished_after_due, sum(c.due_total) AS due_total, sum(c.due_met) AS due_met, sum(c.fees_collected) AS fees_collected
            FROM (
              SELECT c.* FROM dossiers r, LATERAL report_dossier_contributions(1, r.receiving_unit_code, r.channel, r.status, r.received_at, r.due_at, r.finished_at) c
              UNION ALL
              SELECT d.receiving_unit_code, report_local_day(p.paid_at), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, p.amount_vnd::bigint
              FROM payments p JOIN dossiers d ON d.id = p.dossier_id WHERE p.paid_at IS NOT NULL AND p.status IN ('paid', 'refund_pending', 'refunded')
            ) c GROUP BY c.unit_code, c.day`);
        // Statement-level with transition tables: a bulk change writes one delta row per unit and day, and an update that
        // touches none of the counted columns nets to zero and writes nothing. The old rows count negative, the new positive.
        await queryRunner.query(`CREATE FUNCTION "dossiers_report_facts"() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN
              EXECUTE format($q$
                INSERT INTO report_fact_deltas (unit_code, day, received_online, received_direct, received_post, finished_received, resolved_before_due_day, resolved_not_late, resolved_late, withdrawn, refused, finished_after_due, due_total, due_met, fees_collected)
                SELECT c.unit_code, c.day, sum(c.received_online), sum(c.received_direct), sum(c.received_post), sum(c.finished_received), sum(c.resolved_before_due_day), sum(c.resolved_not_late), sum(c.resolved_late), sum(c.withdrawn), sum(c.refused), sum(c.finished_after_due), sum(c.due_total), sum(c.due_met), sum(c.fees_collected)
                FROM (
                  SELECT c.* FROM (%s) r, LATERAL report_dossier_contributions(r.s, r.receiving_unit_code, r.channel, r.status, r.received_at, r.due_at, r.finished_at) c
                  UNION ALL
                  SELECT r.receiving_unit_code, report_local_day(p.paid_at), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, r.s * p.amount_vnd::bigint
                  FROM (%1$s) r JOIN payments p ON p.dossier_id = r.id WHERE p.paid_at IS NOT NULL AND p.status IN ('paid', 'refund_pending', 'refunded')
                ) c GROUP BY c.unit_code, c.day
                HAVING sum(c.received_online) <> 0 OR sum(c.received_direct) <> 0 OR sum(c.received_post) <> 0 OR sum(c.finished_received) <> 0 OR sum(c.resolved_before_due_day) <> 0 OR sum(c.resolved_not_late) <> 0 OR sum(c.resolved_late) <> 0 OR sum(c.withdrawn) <> 0 OR sum(c.refused) <> 0 OR sum(c.finished_after_due) <> 0 OR sum(c.due_total) <> 0 OR sum(c.due_met) <> 0 OR sum(c.fees_collected) <> 0$q$,
                CASE TG_OP
                  WHEN 'INSERT' THEN 'SELECT 1 AS s, * FROM new_rows'
                  WHEN 'DELETE' THEN 'SELECT -1 AS s, * FROM old_rows'
                  ELSE 'SELECT -1 AS s, * FROM old_rows UNION ALL SELECT 1, * FROM new_rows'
                END);
              RETURN NULL;
            END $f$`);
        await queryRunner.query(`CREATE FUNCTION "payments_report_facts"() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN
              EXECUTE format($q$
                INSERT INTO report_fact_deltas (unit_code, day, fees_collected)
                SELECT d.receiving_unit_code, report_local_day(p.paid_at), sum(p.s * p.amount_vnd::bigint)
                FROM (%s) p JOIN dossiers d ON d.id = p.dossier_id
                WHERE p.paid_at IS NOT NULL AND p.status IN ('paid', 'refund_pending', 'refunded')
                GROUP BY 1, 2 HAVING sum(p.s * p.amount_vnd::bigint) <> 0$q$,
                CASE TG_OP
                  WHEN 'INSERT' THEN 'SELECT 1 AS s, * FROM new_rows'
                  WHEN 'DELETE' THEN 'SELECT -1 AS s, * FROM old_rows'
                  ELSE 'SELECT -1 AS s, * FROM old_rows UNION ALL SELECT 1, * FROM new_rows'
                END);
              RETURN NULL;
            END $f$`);
        for (const table of ['dossiers', 'payments']) {
            await queryRunner.query(`CREATE TRIGGER "${table}_report_facts_insert" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_report_facts()`);
            await queryRunner.query(`CREATE TRIGGER "${table}_report_facts_update" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_report_facts()`);
            await queryRunner.query(`CREATE TRIGGER "${table}_report_facts_delete" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_report_facts()`);
        }
        // What already exists counts from the start.
        await queryRunner.query(`INSERT INTO report_daily_facts (unit_code, day, received_online, received_direct, received_post, finished_received, resolved_before_due_day, resolved_not_late, resolved_late, withdrawn, refused, finished_after_due, due_total, due_met, fees_collected) SELECT unit_code, day, received_online, received_direct, received_post, finished_received, resolved_before_due_day, resolved_not_late, resolved_late, withdrawn, refused, finished_after_due, due_total, due_met, fees_collected FROM report_fact_recount`);
        await queryRunner.query(`INSERT INTO report_monthly_facts (unit_code, month, received_online, received_direct, received_post, finished_received, resolved_before_due_day, resolved_not_late, resolved_late, withdrawn, refused, finished_after_due, due_total, due_met, fees_collected)
            SELECT unit_code, date_trunc('month', day)::date, sum(received_online), sum(received_direct), sum(received_post), sum(finished_received), sum(resolved_before_due_day), sum(resolved_not_late), sum(resolved_late), sum(withdrawn), sum(refused), sum(finished_after_due), sum(due_total), sum(due_met), sum(fees_collected) FROM report_daily_facts GROUP BY 1, 2`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "dossiers" DROP CONSTRAINT "chk_dossiers_finished_after_received"`);
        await queryRunner.query(`ALTER TABLE "dossiers" DROP CONSTRAINT "chk_dossiers_due_after_received"`);
        for (const table of ['dossiers', 'payments']) {
            for (const op of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER "${table}_report_facts_${op}" ON "${table}"`);
        }
        await queryRunner.query(`DROP FUNCTION "payments_report_facts"()`);
        await queryRunner.query(`DROP FUNCTION "dossiers_report_facts"()`);
        await queryRunner.query(`DROP VIEW "report_fact_recount"`);
        await queryRunner.query(`DROP FUNCTION "report_dossier_contributions"(integer, varchar, varchar, varchar, timestamptz, timestamptz, timestamptz)`);
        await queryRunner.query(`DROP FUNCTION "report_local_day"(timestamptz)`);
        await queryRunner.query(`DROP INDEX "public"."idx_dossiers_supplement_pending"`);
        await queryRunner.query(`DROP TABLE "report_monthly_facts"`);
        await queryRunner.query(`DROP INDEX "public"."idx_report_daily_facts_day"`);
        await queryRunner.query(`DROP TABLE "report_daily_facts"`);
        await queryRunner.query(`DROP TABLE "report_fact_deltas"`);
    }

}
