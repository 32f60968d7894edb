import { MigrationInterface, QueryRunner } from "typeorm";
import { applicantSearchKey, cleanText } from "@dvc/core";

const BATCH = 2000;

type Query = (sql: string, params: unknown[]) => Promise<any>;  

/** Cleans every dossier's applicant name and address and sets its search key, in batches (safe to run again). */
export async function backfillApplicantText(query: Query): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
        const rows: { id: string; full_name: string | null; address: string | null }[] = await query(
            `SELECT id, applicant->>'fullName' AS full_name, applicant->>'address' AS address FROM dossiers WHERE id > $1 ORDER BY id LIMIT ${BATCH}`, [after]);
        if (rows.length === 0) return;
        after = rows[rows.length - 1].id;
        const fixed = rows.map((r) => {
            const fullName = cleanText(r.full_name ?? '').trim();
            return { id: r.id, fullName, address: r.address === null ? null : cleanText(r.address).trim(), key: applicantSearchKey(fullName) };
        });
        await query(
            `UPDATE dossiers d SET applicant_search_key = f.key,
                    applicant = CASE WHEN f.address IS NULL THEN jsonb_set(d.applicant, '{fullName}', to_jsonb(f.full_name))
                                     ELSE jsonb_set(jsonb_set(d.applicant, '{fullName}', to_jsonb(f.full_name)), '{address}', to_jsonb(f.address)) END
               FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS f(id, full_name, address, key)
              WHERE d.id = f.id`,
            [fixed.map((f) => f.id), fixed.map((f) => f.fullName), fixed.map((f) => f.address), fixed.map((f) => f.key)]);
    }
}

/**
 * Applicants' names and addresses as the system now keeps them (libs/core cleanText: NFC, no bidi, zero-width or
 * control characters), and the worklist's folded search key of the name with a trigram index. Existing rows are
 * rewritten in batches by the same functions intake uses, so old and new dossiers are found alike.
 */
export class ApplicantText1795640100000 implements MigrationInterface {
    name = 'ApplicantText1795640100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "dossiers" ADD "applicant_search_key" text NOT NULL DEFAULT ''`);
        await backfillApplicantText((sql, params) => queryRunner.query(sql, params));
        await queryRunner.query(`CREATE INDEX "idx_dossiers_applicant_search_trgm" ON "dossiers" USING gin ("applicant_search_key" gin_trgm_ops)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_dossiers_applicant_search_trgm"`);
        await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "applicant_search_key"`);
    }
}
