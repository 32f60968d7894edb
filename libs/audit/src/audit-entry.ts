/** Who made an administrative change: an officer through the API, or an operator at the CLI (no id, no address). */
export interface AuditActor {
  officerId: string | null;
  username: string;
  /** The client's address as the API sees it (behind HTTP_TRUST_PROXY, the forwarded one); null at the CLI. */
  address: string | null;
}

/**
 * One administrative change. `entity` names the kind of thing in snake case (`officer`, `agency`, `procedure`,
 * `calendar_year`, `sms_template`, `office_hours`, `reorganization`, …), `entityId` its key (officer id, agency
 * code, procedure code, year, …), `action` what was done (`create`, `update`, `deactivate`, `password_reset`, …).
 * `before`/`after`: the state around the change as plain JSON (absent before a creation, after a deletion); secret
 * fields are redacted by `AuditLog.record`, whatever the caller passes.
 */
export interface AuditEntry {
  by: AuditActor;
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditRecordView {
  id: string;
  at: string;
  actor: { id: string | null; username: string };
  address: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  /** An officer id (uuid) or a username. */
  actor?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: Date;
  /** Excluded. */
  to?: Date;
  cursor?: string;
  limit: number;
}

/** The CLI's operator: the OS account that ran the command, for lack of a signed-in officer. */
export function cliActor(command: string): AuditActor {
  const user = process.env.USER ?? process.env.LOGNAME ?? 'unknown';
  return { officerId: null, username: `cli:${command}:${user}`.slice(0, 100), address: null };
}
