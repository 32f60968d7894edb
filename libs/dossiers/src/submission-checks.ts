// Checks of a submission against the catalogue and the map: the receiving agency and the components.
import { ProcedureEntity } from '@dvc/catalog';
import { receivesProcedure, type FieldError } from '@dvc/core';
import { AgencyEntity } from '@dvc/units';
import { DossierComponent } from './dossier.entity';
import { type RouteAgency, type SubmissionContext } from './submission-context';

export function receivingAgencyError(
  agency: AgencyEntity | null,
  closed: SubmissionContext['closedAgency'],
  routeAgencies: RouteAgency[],
  procedureCode: string | undefined,
): string | null {
  if (closed?.closedFrom) return `closed on ${closed.closedFrom} and receives no dossiers${closed.successorCode ? `; submit to ${closed.successorCode}` : ''}`;
  if (closed?.opensOn) return `opens on ${closed.opensOn} and receives no dossiers before then`;
  if (!agency || !agency.receives) return 'is not an agency that receives dossiers';
  const duties = routeAgencies.find((a) => a.code === agency.code)?.duties;
  if (procedureCode && !receivesProcedure({ receives: agency.receives, duties }))
    return `does not receive procedure ${procedureCode}; its desk is named for other procedures`;
  return null;
}

export function componentErrors(procedure: ProcedureEntity, components: DossierComponent[], owned: ReadonlySet<string>, requireAll = true): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Map(procedure.components.map((c) => [c.code, c]));
  const given = new Map<string, string[]>();
  components.forEach((c, i) => {
    if (!known.has(c.code)) errors.push({ field: `components[${i}].code`, message: `is not a component of procedure ${procedure.code}` });
    else if (given.has(c.code)) errors.push({ field: `components[${i}].code`, message: `${c.code} is listed twice` });
    given.set(c.code, c.fileIds);
  });
  if (requireAll) {
    for (const def of procedure.components.filter((c) => c.required)) {
      if (!given.get(def.code)?.length) errors.push({ field: 'components', message: `the required component ${def.code} (${def.name}) has no file` });
    }
  }
  components.forEach((c, i) =>
    c.fileIds.forEach((id, j) => {
      if (!owned.has(id)) errors.push({ field: `components[${i}].fileIds[${j}]`, message: 'is not a file you uploaded' });
    }),
  );
  return errors;
}
