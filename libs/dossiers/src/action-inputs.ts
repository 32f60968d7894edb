import type { DossierComponent } from './dossier.entity';

/** The body of `POST /dossiers/{code}/{action}` once validated by the HTTP layer (beyond `version`). */
export interface ActionInput {
  version: number;
  note?: string;
  reason?: string;
  /** A further supplementation request: why the first one did not list everything. */
  repeatReason?: string;
  components?: DossierComponent[] | string[];
  form?: Record<string, unknown>;
  officerId?: string;
  toAgencyCode?: string;
  outcome?: 'grant' | 'deny';
  resultFileIds?: string[];
  amount?: number;
  paymentId?: string;
  newDueAt?: string;
  method?: 'desk' | 'post' | 'online';
  /** return_result by post: the item number (UPU S10). */
  postalItemNumber?: string;
  rating?: 'very_satisfied' | 'satisfied' | 'unsatisfied';
}
