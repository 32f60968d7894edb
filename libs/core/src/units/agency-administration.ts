import type { AdminLevel, AgencySector } from '../catalog/procedure-definition';
import { addDaysYmd } from '../calendar/civil-date';
import { DomainError, DomainErrorCode, type FieldError } from '../errors/domain-error';
import type { AgencyKind } from './agency-identifier';
import { AGENCY_SECTORS } from '../workflow/workflow-rules';
import { qcvn102Parent, qcvn102Problem } from './qcvn102';

/** Kinds an administrator creates; a unit's People's Committee comes with the unit (reorganisation, import). */
export const CREATABLE_AGENCY_KINDS: readonly AgencyKind[] = ['one_stop_desk', 'department', 'office'];
/** Sectors an administrator gives; `general` is the People's Committee's own. */
export const ASSIGNABLE_SECTORS: readonly AgencySector[] = AGENCY_SECTORS.filter((s) => s !== 'general');

export interface AgencyDraft {
  code: string;
  name: string;
  kind: AgencyKind;
  sectors: readonly AgencySector[];
  receives: boolean;
  /** Procedures the agency is named to receive. */
  receivesProcedures: readonly string[];
}

export interface AgencyUnit {
  code: string;
  level: AdminLevel;
  /** The identifier of the unit's People's Committee, under which its agencies are numbered; null when it has none. */
  peopleCommitteeCode: string | null;
}

/**
 * What is wrong with a new agency (or, with `isNew` false, with an edit of one: the identifier, kind and unit are
 * fixed once created, since dossier codes and histories carry the identifier). Every problem names its field.
 */
export function agencyDraftErrors(draft: AgencyDraft, unit: AgencyUnit, options: { isNew: boolean; provinceGroup: string }): FieldError[] {
  const errors: FieldError[] = [];
  if (options.isNew) {
    const shape = qcvn102Problem(draft.code);
    if (shape) errors.push({ field: 'code', message: shape });
    else if (!draft.code.endsWith(`.${options.provinceGroup}`))
      errors.push({ field: 'code', message: `must end with this city's level-1 group .${options.provinceGroup}` });
    else if (unit.peopleCommitteeCode && qcvn102Parent(draft.code) !== unit.peopleCommitteeCode) {
      errors.push({
        field: 'code',
        message: `must be numbered directly under the unit's People's Committee ${unit.peopleCommitteeCode} (${childExample(unit.peopleCommitteeCode)})`,
      });
    }
    if (!CREATABLE_AGENCY_KINDS.includes(draft.kind)) {
      errors.push({
        field: 'kind',
        message:
          draft.kind === 'people_committee'
            ? "a unit's People's Committee comes with the unit and is not created here"
            : `must be one of ${CREATABLE_AGENCY_KINDS.join(', ')}`,
      });
    } else if (draft.kind === 'department' && unit.level !== 'city') {
      errors.push({ field: 'kind', message: 'departments (sở) belong to the city; a district or commune has offices' });
    }
  }
  if (draft.name.trim().length === 0) errors.push({ field: 'name', message: 'must not be empty' });
  if (draft.kind !== 'people_committee') errors.push(...sectorErrors(draft));
  if (draft.receivesProcedures.length > 0 && !draft.receives) {
    errors.push({ field: 'procedures.receives', message: 'an agency that does not receive dossiers is not named to receive procedures (set receives)' });
  }
  return errors;
}

function sectorErrors(draft: AgencyDraft): FieldError[] {
  if (draft.sectors.length === 0) return [{ field: 'sectors', message: 'must name at least one sector' }];
  const unknown = draft.sectors.filter((s) => !ASSIGNABLE_SECTORS.includes(s));
  if (unknown.length > 0)
    return [
      {
        field: 'sectors',
        message: `${unknown.join(', ')} ${unknown.length > 1 ? 'are not sectors' : 'is not a sector'} an agency is given (${ASSIGNABLE_SECTORS.join(', ')})`,
      },
    ];
  const desk = draft.kind === 'one_stop_desk';
  if (desk !== draft.sectors.includes('one_stop')) {
    return [{ field: 'sectors', message: desk ? 'a one-stop desk has the sector one_stop' : 'only a one-stop desk has the sector one_stop' }];
  }
  return [];
}

function childExample(parent: string): string {
  const [l4, l3, l2, l1] = parent.split('.');
  if (l2 === '00') return `e.g. 000.00.08.${l1}`;
  if (l3 === '00') return `e.g. 000.08.${l2}.${l1}`;
  if (l4 === '000') return `e.g. 005.${l3}.${l2}.${l1}`;
  return 'a level-4 body has no agencies below it';
}

/** Whose worklist an agency's officers share: a city body works on its own, a district's or commune's with its unit. */
export function scopeCodeFor(agencyCode: string, unit: Pick<AgencyUnit, 'code' | 'level'>): string {
  return unit.level === 'city' ? agencyCode : unit.code;
}

/** Whether an agency is open on a local day: from its first day to its last (`validTo`, null while it lasts). */
export function agencyOpenOn(agency: { validFrom: string; validTo: string | null }, day: string): boolean {
  return agency.validFrom <= day && (agency.validTo === null || agency.validTo >= day);
}

/** The first day an agency no longer works, from its last day; null while it lasts. */
export const closedFromOf = (validTo: string | null): string | null => (validTo === null ? null : addDaysYmd(validTo, 1));

/**
 * A closure set, moved or withdrawn: `closedFrom` is the first day the agency no longer receives (null: it stays
 * open). Answers the new last day (`validTo`). A closure is not back-dated, and one that has begun is final.
 */
export function decideClosure(current: { validFrom: string; validTo: string | null }, closedFrom: string | null, today: string): { validTo: string | null } {
  if (current.validTo !== null && current.validTo < today) {
    throw new DomainError(
      DomainErrorCode.Conflict,
      `The agency closed on ${addDaysYmd(current.validTo, 1)}; a closed agency is not reopened or closed again.`,
      [{ field: 'closedFrom', message: 'the agency is already closed' }],
    );
  }
  if (closedFrom === null) return { validTo: null };
  if (closedFrom < today) throw DomainError.validation([{ field: 'closedFrom', message: `must be today (${today}) or later: a closure is not back-dated` }]);
  if (closedFrom < current.validFrom)
    throw DomainError.validation([{ field: 'closedFrom', message: `must not be before the agency's first day ${current.validFrom}` }]);
  return { validTo: addDaysYmd(closedFrom, -1) };
}
