import { MigrationInterface, QueryRunner } from "typeorm";

export class AgencyDesks1795691000000 implements MigrationInterface {
    name = 'AgencyDesks1795691000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Desk assignments (issue #16 item 3): which procedures an agency receives or processes. No foreign key to
        // procedures: the catalogue never deletes a procedure (it withdraws it), and the units lib owns this table.
        await queryRunner.query(`CREATE TABLE "agency_procedures" ("agency_code" character varying(20) NOT NULL, "procedure_code" character varying(20) NOT NULL, "duty" character varying(10) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_agency_procedures_duty" CHECK (duty IN ('receive', 'process')), CONSTRAINT "pk_agency_procedures" PRIMARY KEY ("agency_code", "procedure_code", "duty"))`);
        await queryRunner.query(`CREATE INDEX "idx_agency_procedures_procedure" ON "agency_procedures" ("procedure_code") `);
        await queryRunner.query(`ALTER TABLE "agency_procedures" ADD CONSTRAINT "fk_agency_procedures_agency" FOREIGN KEY ("agency_code") REFERENCES "agencies"("code") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "agency_procedures"`);
    }

}
