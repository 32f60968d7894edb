import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog, type AuditActor } from '@dvc/audit';
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
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** A whole file: refused whole when it is not a list of records (nothing written). */
  importFile(bytes: Uint8Array, by: AuditActor): Promise<ImportReport> {
    return this.importRecords(recordsOfImportFile(bytes), by);
  }

  /**
   * The accepted records in one transaction, so an import is never half done; rejected rows are reported with
   * their line. Our e-form and workflow of a procedure already in the catalogue are kept (the portal has none).
   */
  async importRecords(records: readonly unknown[], by: AuditActor): Promise<ImportReport> {
    const plan = planImport(records);
    const outcome = await this.db.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
      const written = await writeProcedures(
        em,
        plan.accepted.map(({ procedure }) => ({
          code: procedure.code,
          content: (stored) => importedContent(procedure, stored),
        })),
        'national',
      );
      // One row per procedure written (its versions' contents are kept in procedure_versions).
      await this.audit.recordMany(
        em,
        written.changes.map((c) => ({
          by,
          entity: 'procedure',
          entityId: c.code,
          action: 'import',
          before: c.from === null ? null : { version: c.from },
          after: { version: c.to, source: 'national' },
        })),
      );
      return written;
    });
    return { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged, rejected: plan.rejected };
  }
}
