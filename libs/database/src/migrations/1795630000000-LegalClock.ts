import { MigrationInterface, QueryRunner } from "typeorm";
import { PAUSED_STATUS_LIST_SQL, resolvedBeforeDueDaySql, resolvedLateSql, resolvedNotLateSql, type TimelinessColumns } from "@dvc/core";

/**
 * The legal clock as the statistics must see it: the new appointment of an extension kept beside the reference due
 * time, supplementation requests counted (more than one is late), every pause kept with its span (so a past period
 * knows which dossiers were waiting at its end), ratings and refunds in the facts. The contribution rule is built
 * from libs/core's timeliness SQL, the same the report and the sweep use.
 */
const FACTS = ['received_online', 'received_direct', 'received_post', 'finished_received', 'resolved_before_due_day', 'resolved_not_late',
  'resolved_late', 'withdrawn', 'refused', 'finished_after_due', 'due_total', 'due_met', 'fees_collected',
  'rated_very_satisfied', 'rated_satisfied', 'rated_unsatisfied', 'fees_refunded'];
const ADDED = ['rated_very_satisfied', 'rated_satisfied', 'rated_unsatisfied'];
const FACT_LIST = FACTS.join(', ');
const SUMS = FACTS.map((c) => `sum(c.${c})`).join(', ');
const NONZERO = FACTS.map((c) => `sum(c.${c}) <> 0`).join(' OR ');
const zeros = (n: number) => Array.from({ length: n }, () => '0').join(', ');

const P: TimelinessColumns = { status: 'p_status', dueAt: 'p_due', finishedAt: 'p_finished', supplementRequests: 'p_supplement_requests' };
const localDay = (t: string) => `report_local_day(${t})`;

const CONTRIBUTIONS = `CREATE FUNCTION "report_dossier_contributions"(s integer, p_unit varchar, p_channel varchar, p_status varchar, p_received timestamptz,
    p_due timestamptz, p_finished timestamptz, p_supplement_requests integer, p_rating varchar, p_rated_at timestamptz)
  RETURNS TABLE (unit_code varchar, day date, received_online integer, received_direct integer, received_post integer, finished_received integer,
    resolved_before_due_day integer, resolved_not_late integer, resolved_late integer, withdrawn integer, refused integer, finished_after_due integer,
    due_total integer, due_met integer, fees_collected bigint, rated_very_satisfied integer, rated_satisfied integer, rated_unsatisfied integer, fees_refunded bigint)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT p_unit, report_local_day(p_received), s * (p_channel = 'online')::int, s * (p_channel = 'direct')::int, s * (p_channel = 'post')::int,
      ${zeros(9)}, 0::bigint, ${zeros(3)}, 0::bigint
    WHERE p_received IS NOT NULL
    UNION ALL
    SELECT p_unit, report_local_day(p_finished), 0, 0, 0, s * (p_received IS NOT NULL)::int,
      s * ${resolvedBeforeDueDaySql(P, localDay)}::int,
      s * ${resolvedNotLateSql(P)}::int,
      s * ${resolvedLateSql(P)}::int,
      s * (p_status = 'withdrawn')::int, s * (p_status = 'refused')::int,
      s * (p_received IS NOT NULL AND p_due IS NOT NULL AND p_finished > p_due)::int, 0, 0, 0::bigint, ${zeros(3)}, 0::bigint
    WHERE p_finished IS NOT NULL
    UNION ALL
    SELECT p_unit, report_local_day(p_due), ${zeros(10)}, s, s * (p_finished IS NOT NULL AND p_finished <= p_due)::int, 0::bigint, ${zeros(3)}, 0::bigint
    WHERE p_received IS NOT NULL AND p_due IS NOT NULL
    UNION ALL
    SELECT p_unit, report_local_day(p_rated_at), ${zeros(12)}, 0::bigint,
      s * (p_rating = 'very_satisfied')::int, s * (p_rating = 'satisfied')::int, s * (p_rating = 'unsatisfied')::int, 0::bigint
    WHERE p_rating IS NOT NULL AND p_rated_at IS NOT NULL
  $$`;

/** Fees count under the dossier's receiving unit on the day paid (and stay counted once refunded: gross), refunds on the day refunded. */
const PAYMENT_CONTRIBUTIONS = (rows: string, sign: string) => `
    SELECT r.receiving_unit_code, report_local_day(p.paid_at), ${zeros(12)}, ${sign} * p.amount_vnd::bigint, ${zeros(3)}, 0::bigint
    FROM ${rows} WHERE p.paid_at IS NOT NULL AND p.status IN ('paid', 'refund_pending', 'refunded')
    UNION ALL
    SELECT r.receiving_unit_code, report_local_day(p.refunded_at), ${zeros(12)}, 0::bigint, ${zeros(3)}, ${sign} * p.amount_vnd::bigint
    FROM ${rows} WHERE p.refunded_at IS NOT NULL AND p.status = 'refunded'`;

const ROW_ARGS = (r: string) => `${r}.receiving_unit_code, ${r}.channel, ${r}.status, ${r}.received_at, ${r}.due_at, ${r}.finished_at, ${r}.supplement_requests, ${r}.rating->>'rating', (${r}.rating->>'ratedAt')::timestamptz`;

const RECOUNT_VIEW = `CREATE VIEW "report_fact_recount" AS
  SELECT c.unit_code, c.day, ${FACTS.map((f) => `sum(c.${f}) AS ${f}`).join(', ')}
  FROM (
    SELECT c.* FROM dossiers r, LATERAL report_dossier_contributions(1, ${ROW_ARGS('r')}) c
    UNION ALL ${PAYMENT_CONTRIBUTIONS('payments p JOIN dossiers r ON r.id = p.dossier_id', '1')}
  ) c GROUP BY c.unit_code, c.day`;

const TRANSITION_ROWS = `CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT 1 AS s, * FROM new_rows'
        WHEN 'DELETE' THEN 'SELECT -1 AS s, * FROM old_rows'
        ELSE 'SELECT -1 AS s, * FROM old_rows UNION ALL SELECT 1, * FROM new_rows'
      END`;

const DOSSIER_TRIGGER = `CREATE FUNCTION "dossiers_report_facts"() RETURNS trigger LANGUAGE plpgsql AS $f$
  BEGIN
    EXECUTE format($q$
      INSERT INTO report_fact_deltas (unit_code, day, ${FACT_LIST})
      SELECT c.unit_code, c.day, ${SUMS}
      FROM (
        SELECT c.* FROM (%s) r, LATERAL report_dossier_contributions(r.s, ${ROW_ARGS('r')}) c
        UNION ALL
        SELECT r.receiving_unit_code, report_local_day(p.paid_at), ${zeros(12)}, r.s * p.amount_vnd::bigint, ${zeros(3)}, 0::bigint
        FROM (%1$s) r JOIN payments p ON p.dossier_id = r.id WHERE p.paid_at IS NOT NULL AND p.status IN ('paid', 'refund_pending', 'refunded')
        UNION ALL
        SELECT r.receiving_unit_code, report_local_day(p.refunded_at), ${zeros(12)}, 0::bigint, ${zeros(3)}, r.s * p.amount_vnd::bigint
        FROM (%1$s) r JOIN payments p ON p.dossier_id = r.id WHERE p.refunded_at IS NOT NULL AND p.status = 'refunded'
      ) c GROUP BY c.unit_code, c.day
      HAVING ${NONZERO}$q$,
      ${TRANSITION_ROWS});
    RETURN NULL;
  END $f$`;

const PAYMENT_TRIGGER = `CREATE FUNCTION "payments_report_facts"() RETURNS trigger LANGUAGE plpgsql AS $f$
  BEGIN
    EXECUTE format($q$
      INSERT INTO report_fact_deltas (unit_code, day, fees_collected, fees_refunded)
      SELECT c.unit_code, c.day, sum(c.fees_collected), sum(c.fees_refunded)
      FROM (
        SELECT r.receiving_unit_code AS unit_code, report_local_day(p.paid_at) AS day, p.s * p.amount_vnd::bigint AS fees_collected, 0::bigint AS fees_refunded
        FROM (%s) p JOIN dossiers r ON r.id = p.dossier_id WHERE p.paid_at IS NOT NULL AND p.status IN ('paid', 'refund_pending', 'refunded')
        UNION ALL
        SELECT r.receiving_unit_code, report_local_day(p.refunded_at), 0::bigint, p.s * p.amount_vnd::bigint
        FROM (%1$s) p JOIN dossiers r ON r.id = p.dossier_id WHERE p.refunded_at IS NOT NULL AND p.status = 'refunded'
      ) c GROUP BY 1, 2 HAVING sum(c.fees_collected) <> 0 OR sum(c.fees_refunded) <> 0$q$,
      ${TRANSITION_ROWS});
    RETURN NULL;
  END $f$`;

/** A pause opens when paused_at is set and closes when it is cleared, in the same transaction as the change. */
const PAUSE_TRIGGER = `CREATE FUNCTION "dossiers_track_pauses"() RETURNS trigger LANGUAGE plpgsql AS $f$
  BEGIN
    IF TG_OP = 'UPDATE' AND OLD.paused_at IS NOT NULL THEN
      UPDATE dossier_pauses SET ended_at = clock_timestamp() WHERE dossier_id = NEW.id AND ended_at IS NULL;
    END IF;
    IF NEW.paused_at IS NOT NULL THEN
      INSERT INTO dossier_pauses (dossier_id, started_at, status) VALUES (NEW.id, NEW.paused_at, NEW.status);
    END IF;
    RETURN NULL;
  END $f$`;

export class LegalClock1795630000000 implements MigrationInterface {
    name = 'LegalClock1795630000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "dossiers" ADD "extended_due_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "dossiers" ADD "supplement_requests" smallint NOT NULL DEFAULT '0'`);
        await queryRunner.query(`CREATE TABLE "dossier_pauses" ("id" BIGSERIAL NOT NULL, "dossier_id" uuid NOT NULL, "status" character varying(30) NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_dossier_pauses" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_dossier_pauses_dossier" ON "dossier_pauses" ("dossier_id") `);
        await queryRunner.query(`CREATE INDEX "idx_dossier_pauses_span" ON "dossier_pauses" USING gist (tstzrange(started_at, ended_at, '[)'))`);
        await queryRunner.query(`CREATE INDEX "idx_dossiers_in_progress" ON "dossiers" ("receiving_unit_code") WHERE received_at IS NOT NULL AND finished_at IS NULL`);
        for (const table of ['report_fact_deltas', 'report_daily_facts', 'report_monthly_facts']) {
            for (const column of ADDED) await queryRunner.query(`ALTER TABLE "${table}" ADD "${column}" integer NOT NULL DEFAULT '0'`);
            await queryRunner.query(`ALTER TABLE "${table}" ADD "fees_refunded" bigint NOT NULL DEFAULT '0'`);
        }
        // Supplementation requests and pauses that happened before this migration, from the history.
        await queryRunner.query(`UPDATE dossiers d SET supplement_requests = n.n FROM (SELECT dossier_id, count(*) AS n FROM dossier_events WHERE action = 'request_supplement' GROUP BY 1) n WHERE n.dossier_id = d.id`);
        await queryRunner.query(`INSERT INTO dossier_pauses (dossier_id, status, started_at, ended_at)
            SELECT e.dossier_id, e.to_status, e.at,
              (SELECT min(n.at) FROM dossier_events n WHERE n.dossier_id = e.dossier_id AND n.id > e.id AND n.from_status IN (${PAUSED_STATUS_LIST_SQL}))
            FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
            WHERE e.to_status IN (${PAUSED_STATUS_LIST_SQL}) AND e.from_status IN ('received', 'processing', 'awaiting_approval') AND d.received_at IS NOT NULL`);
        await queryRunner.query(PAUSE_TRIGGER);
        await queryRunner.query(`CREATE TRIGGER "dossiers_track_pauses_insert" AFTER INSERT ON "dossiers" FOR EACH ROW WHEN (NEW.paused_at IS NOT NULL) EXECUTE FUNCTION dossiers_track_pauses()`);
        await queryRunner.query(`CREATE TRIGGER "dossiers_track_pauses_update" AFTER UPDATE OF paused_at ON "dossiers" FOR EACH ROW WHEN (OLD.paused_at IS DISTINCT FROM NEW.paused_at) EXECUTE FUNCTION dossiers_track_pauses()`);

        await this.dropFactFunctions(queryRunner);
        await queryRunner.query(CONTRIBUTIONS);
        await queryRunner.query(RECOUNT_VIEW);
        await queryRunner.query(DOSSIER_TRIGGER);
        await queryRunner.query(PAYMENT_TRIGGER);
        await this.createFactTriggers(queryRunner);
        // The rule changed (breaches count late, ratings and refunds are new): the facts are recounted from the rows.
        await queryRunner.query(`DELETE FROM report_fact_deltas`);
        await queryRunner.query(`DELETE FROM report_daily_facts`);
        await queryRunner.query(`DELETE FROM report_monthly_facts`);
        await queryRunner.query(`INSERT INTO report_daily_facts (unit_code, day, ${FACT_LIST}) SELECT unit_code, day, ${FACT_LIST} FROM report_fact_recount`);
        await queryRunner.query(`INSERT INTO report_monthly_facts (unit_code, month, ${FACT_LIST})
            SELECT unit_code, date_trunc('month', day)::date, ${FACTS.map((f) => `sum(${f})`).join(', ')} FROM report_daily_facts GROUP BY 1, 2`);
    }

    private async dropFactFunctions(queryRunner: QueryRunner): Promise<void> {
        for (const table of ['dossiers', 'payments']) {
            for (const op of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER "${table}_report_facts_${op}" ON "${table}"`);
        }
        await queryRunner.query(`DROP FUNCTION "payments_report_facts"()`);
        await queryRunner.query(`DROP FUNCTION "dossiers_report_facts"()`);
        await queryRunner.query(`DROP VIEW "report_fact_recount"`);
        await queryRunner.query(`DROP FUNCTION IF EXISTS "report_dossier_contributions"(integer, varchar, varchar, varchar, timestamptz, timestamptz, timestamptz)`);
        await queryRunner.query(`DROP FUNCTION IF EXISTS "report_dossier_contributions"(integer, varchar, varchar, varchar, timestamptz, timestamptz, timestamptz, integer, varchar, timestamptz)`);
    }

    private async createFactTriggers(queryRunner: QueryRunner): Promise<void> {
        for (const table of ['dossiers', 'payments']) {
            await queryRunner.query(`CREATE TRIGGER "${table}_report_facts_insert" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_report_facts()`);
            await queryRunner.query(`CREATE TRIGGER "${table}_report_facts_update" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_report_facts()`);
            await queryRunner.query(`CREATE TRIGGER "${table}_report_facts_delete" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_report_facts()`);
        }
    }

    public async down(_queryRunner: QueryRunner): Promise<void> {
        throw new Error('LegalClock cannot be reverted: restore the database from the backup taken before the upgrade.');
    }

}
