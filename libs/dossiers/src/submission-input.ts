// What a submission carries in, and what intake prepared from it before the row is written.
import { ProcedureEntity } from '@dvc/catalog';
import { PhoneNumber } from '@dvc/core';
import { AgencyEntity } from '@dvc/units';
import { DossierApplicant, DossierComponent, DossierEntity, ResultDelivery } from './dossier.entity';
import type { DossierEventEntity } from './dossier-event.entity';
import { type RouteAgency } from './submission-context';

export interface SubmissionInput {
  procedureCode: string;
  agencyCode: string;
  applicant: DossierApplicant;
  form: Record<string, unknown>;
  components: DossierComponent[];
  resultDelivery?: ResultDelivery;
}

/** A dossier registered at the desk: handed in (direct, the default) or arrived by post, with the item's number and day. */
export interface DeskSubmissionInput extends SubmissionInput {
  channel?: string;
  postalItemNumber?: string;
  postReceivedOn?: string;
}

export interface Prepared {
  procedure: ProcedureEntity;
  agency: AgencyEntity;
  /** The agencies the route may pass through (for their names). */
  agencies: RouteAgency[];
  applicant: DossierApplicant;
  phone: PhoneNumber;
  route: DossierEntity['route'];
  /** The form as stored: cleaned text, and totals the fee rules derive in place of what the applicant typed. */
  form: Record<string, unknown>;
}

/** A submission as stored; `written` holds what was just written, so the answer needs no read back. */
export interface Submitted {
  dossier: DossierEntity;
  replayed: boolean;
  written?: { events: DossierEventEntity[]; names: { procedure: string; agencies: Map<string, string> } };
}
