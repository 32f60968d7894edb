import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog, type AuditActor } from '@dvc/audit';
import {
  contentWithEdits,
  DomainError,
  DomainErrorCode,
  draftProblems,
  editsOfContent,
  effectiveDateProblem,
  sameContent,
  startOfHanoiDay,
  type DraftEdits,
} from '@dvc/core';
import { ProcedureDraftEntity } from './procedure-draft.entity';
import { ProcedureEntity } from './procedure.entity';
import { contentOfRow, writeProcedures } from './procedure-writes';

export interface DraftView {
  procedureCode: string;
  /** False when no draft is open: `edits` are then the newest published version's, and a save with revision 0 opens one. */
  open: boolean;
  baseVersion: number;
  revision: number;
  edits: DraftEdits;
  updatedAt: Date | null;
  updatedBy: string | null;
  /** The newest published version when it waits for its date (a new one may not take effect before it). */
  scheduled: { version: number; effectiveFrom: Date } | null;
}

export type DraftSave = Partial<DraftEdits> & { revision: number };

@Injectable()
export class ProcedureDraftsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async get(code: string): Promise<DraftView> {
    const procedure = await this.db.getRepository(ProcedureEntity).findOneBy({ code, active: true });
    if (!procedure) throw DomainError.notFound(`Procedure ${code}`);
    const draft = await this.db.getRepository(ProcedureDraftEntity).findOneBy({ procedureCode: code });
    return view(procedure, draft);
  }

  /**
   * Opens (revision 0) or saves the one draft of a procedure. A save naming another revision than the draft's is a
   * conflict: another administrator saved or opened it meanwhile, or it was published. Nothing is written when any
   * part is invalid.
   */
  async save(code: string, input: DraftSave, by: AuditActor): Promise<DraftView> {
    const officerId = by.officerId;
    if (!officerId) throw new Error('A draft is saved by a signed-in officer');
    return this.db.transaction(async (em) => {
      const procedure = await lockedProcedure(em, code);
      const drafts = em.getRepository(ProcedureDraftEntity);
      const draft = await drafts.findOne({ where: { procedureCode: code }, lock: { mode: 'pessimistic_write' } });
      const current = draft?.revision ?? 0;
      if (input.revision !== current) {
        throw new DomainError(
          DomainErrorCode.Conflict,
          draft
            ? `Procedure ${code} has an open draft at revision ${current} (saved ${draft.updatedAt.toISOString()}); reload it before saving.`
            : `Procedure ${code} has no open draft (it was published or discarded); open one with revision 0.`,
        );
      }
      const { revision: _r, ...given } = input;
      const edits: DraftEdits = { ...(draft?.edits ?? editsOfContent(contentOfRow(procedure))) };
      for (const [key, value] of Object.entries(given)) if (value !== undefined) (edits as unknown as Record<string, unknown>)[key] = value;
      const problems = draftProblems(edits, procedure.national !== null);
      if (problems.length) throw DomainError.validation(problems, `The draft of procedure ${code} is not valid; nothing was saved.`);
      const saved = await drafts.save(
        Object.assign(draft ?? drafts.create({ procedureCode: code, baseVersion: procedure.version, createdBy: officerId }), {
          edits,
          revision: current + 1,
          updatedBy: officerId,
        }),
      );
      await this.audit.record(em, {
        by,
        entity: 'procedure',
        entityId: code,
        action: 'draft_save',
        before: draft ? { revision: current, edits: draft.edits } : null,
        after: { revision: current + 1, baseVersion: saved.baseVersion, edits },
      });
      return view(procedure, saved);
    });
  }

  async discard(code: string, by: AuditActor): Promise<void> {
    await this.db.transaction(async (em) => {
      const draft = await em.getRepository(ProcedureDraftEntity).findOne({ where: { procedureCode: code }, lock: { mode: 'pessimistic_write' } });
      if (!draft) throw DomainError.notFound(`An open draft of procedure ${code}`);
      await em.getRepository(ProcedureDraftEntity).delete({ procedureCode: code });
      await this.audit.record(em, {
        by,
        entity: 'procedure',
        entityId: code,
        action: 'draft_discard',
        before: { revision: draft.revision, edits: draft.edits },
      });
    });
  }

  /**
   * The draft becomes the procedure's next version, in force from 00:00 of `date` in Hà Nội (from now when it is
   * today): dossiers received from then on are under it, those before keep theirs. One transaction: the version,
   * the procedure row and the draft's removal.
   */
  async publish(
    code: string,
    date: unknown,
    revision: number | undefined,
    by: AuditActor,
    now = new Date(),
  ): Promise<{ procedureCode: string; version: number; effectiveFrom: Date }> {
    return this.db.transaction(async (em) => {
      const procedure = await lockedProcedure(em, code);
      const draft = await em.getRepository(ProcedureDraftEntity).findOne({ where: { procedureCode: code }, lock: { mode: 'pessimistic_write' } });
      if (!draft) throw DomainError.notFound(`An open draft of procedure ${code}`);
      if (revision !== undefined && revision !== draft.revision) {
        throw new DomainError(
          DomainErrorCode.Conflict,
          `The draft of procedure ${code} is at revision ${draft.revision}, not ${revision}: it was saved since; preview it again.`,
        );
      }
      if (procedure.version !== draft.baseVersion) {
        throw new DomainError(
          DomainErrorCode.Conflict,
          `Procedure ${code} is at version ${procedure.version} since the draft was opened on version ${draft.baseVersion} (an import or another publication); discard the draft and open a new one.`,
        );
      }
      const problem = effectiveDateProblem(date, now, procedure.effectiveFrom > now ? procedure.effectiveFrom : null);
      if (problem) throw DomainError.validation([{ field: 'effectiveFrom', message: problem }]);
      const base = contentOfRow(procedure);
      const content = contentWithEdits(base, draft.edits);
      if (sameContent(base, content)) throw DomainError.validation([{ field: 'draft', message: `changes nothing from version ${procedure.version}` }]);
      const start = startOfHanoiDay(date as string);
      const effectiveFrom = start < now ? now : start;
      await writeProcedures(em, [{ code, content: () => content }], 'admin', effectiveFrom);
      await em.getRepository(ProcedureDraftEntity).delete({ procedureCode: code });
      await this.audit.record(em, {
        by,
        entity: 'procedure',
        entityId: code,
        action: 'publish',
        before: { version: procedure.version, ...base },
        after: { version: procedure.version + 1, effectiveFrom, ...content },
      });
      return { procedureCode: code, version: procedure.version + 1, effectiveFrom };
    });
  }

  /** The draft's procedure as a citizen would see it once published (for the preview); null when none is open. */
  async draftProcedure(code: string): Promise<{ procedure: ProcedureEntity; draft: ProcedureDraftEntity }> {
    const procedure = await this.db.getRepository(ProcedureEntity).findOneBy({ code, active: true });
    if (!procedure) throw DomainError.notFound(`Procedure ${code}`);
    const draft = await this.db.getRepository(ProcedureDraftEntity).findOneBy({ procedureCode: code });
    if (!draft) throw DomainError.notFound(`An open draft of procedure ${code}`);
    const content = contentWithEdits(contentOfRow(procedure), draft.edits);
    return { procedure: Object.assign(new ProcedureEntity(), procedure, content, { version: procedure.version + 1 }), draft };
  }
}

async function lockedProcedure(em: EntityManager, code: string): Promise<ProcedureEntity> {
  const procedure = await em.getRepository(ProcedureEntity).findOne({ where: { code, active: true }, lock: { mode: 'pessimistic_write' } });
  if (!procedure) throw DomainError.notFound(`Procedure ${code}`);
  return procedure;
}

function view(p: ProcedureEntity, draft: ProcedureDraftEntity | null): DraftView {
  return {
    procedureCode: p.code,
    open: draft !== null,
    baseVersion: draft?.baseVersion ?? p.version,
    revision: draft?.revision ?? 0,
    edits: draft?.edits ?? editsOfContent(contentOfRow(p)),
    updatedAt: draft?.updatedAt ?? null,
    updatedBy: draft?.updatedBy ?? null,
    scheduled: p.effectiveFrom > new Date() ? { version: p.version, effectiveFrom: p.effectiveFrom } : null,
  };
}
