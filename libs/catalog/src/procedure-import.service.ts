import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { importedContent, planImport, recordsOfImportFile, type RejectedRow } from '@dvc/core';
import { writeProcedures } from './procedure-writes';

export interface ImportReport {
  created: number;
  updated: number;
  /** Of the updated, those whose content was already the same (their version kept). */
  unchanged: number;
  rejected: RejectedRow[];
}

// One import at a time: two files naming the same new code would otherwise race to create it.
const IMPORT_LOCK = 0x7c_a7_a1_06;

@Injectable()
export class ProcedureImportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A whole file: refused whole when it is not a list of records (nothing written). */
  importFile(bytes: Uint8Array): Promise<ImportReport> {
    return this.importRecords(recordsOfImportFile(bytes));
  }

  /**
   * The accepted records in one transaction, so an import is never half done; rejected rows are reported with
   * their line. Our e-form and workflow of a procedure already in the catalogue are kept (the portal has none).
   */
  async importRecords(records: readonly unknown[]): Promise<ImportReport> {
    const plan = planImport(records);
    const outcome = await this.db.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
      return writeProcedures(em, plan.accepted.map(({ procedure }) => ({
        code: procedure.code,
        content: (stored) => importedContent(procedure, stored),
      })), 'national');
    });
    return { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged, rejected: plan.rejected };
  }
}
