/** Statements of the agencies administration, in one place so that a change shows in review. */

/** Units within a reach: $1 null = everything, else the unit whose subtree is administered. */
const TREE = `
  WITH RECURSIVE tree AS (
    SELECT code, 0 AS depth FROM units WHERE code = $1
    UNION ALL
    SELECT u.code, t.depth + 1 FROM units u JOIN tree t ON u.parent_code = t.code WHERE t.depth < 10
  )`;

/**
 * Agencies within a reach ($1), filtered by unit ($2), identifier ($3), and closed ones (`$4` true: included; else only
 * those open on or after the local day $5), with their desk assignments; $6 limit.
 */
export const AGENCIES_IN_REACH = `${TREE}
  SELECT a.code, a.name, a.kind, a.sectors, a.unit_code, u.name AS unit_name, u.level AS unit_level, a.receives, a.scope_code,
         a.sms_brandname, a.valid_from::text AS valid_from, a.valid_to::text AS valid_to, a.successor_code,
         array(SELECT p.procedure_code FROM agency_procedures p WHERE p.agency_code = a.code AND p.duty = 'receive' ORDER BY 1) AS receives_procedures,
         array(SELECT p.procedure_code FROM agency_procedures p WHERE p.agency_code = a.code AND p.duty = 'process' ORDER BY 1) AS processes_procedures
  FROM agencies a JOIN units u ON u.code = a.unit_code
  WHERE ($1::text IS NULL OR a.unit_code IN (SELECT code FROM tree))
    AND ($2::text IS NULL OR a.unit_code = $2)
    AND ($3::text IS NULL OR a.code = $3)
    AND ($4::boolean OR a.valid_to IS NULL OR a.valid_to >= $5::date)
  ORDER BY a.code
  LIMIT $6`;

/** A unit within a reach ($1), by code ($2), with its level, last day and People's Committee identifier. */
export const UNIT_IN_REACH = `${TREE}
  SELECT u.code, u.level, u.valid_to::text AS valid_to,
         (SELECT a.code FROM agencies a WHERE a.unit_code = u.code AND a.kind = 'people_committee'
          ORDER BY (a.valid_to IS NULL) DESC, a.code LIMIT 1) AS people_committee_code
  FROM units u
  WHERE u.code = $2 AND ($1::text IS NULL OR u.code IN (SELECT code FROM tree))`;

/** Which of the codes $1 are procedures of the catalogue (read only: the catalogue lib owns the table). */
export const KNOWN_PROCEDURES = `SELECT code FROM procedures WHERE code = ANY($1::text[])`;

export const INSERT_AGENCY = `
  INSERT INTO agencies (code, name, kind, sectors, unit_code, receives, scope_code, sms_brandname, valid_from)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (code) DO NOTHING
  RETURNING code`;

export const UPDATE_AGENCY = `
  UPDATE agencies SET name = $2, sectors = $3, receives = $4, sms_brandname = $5, valid_to = $6 WHERE code = $1`;

export const DELETE_ASSIGNMENTS = `DELETE FROM agency_procedures WHERE agency_code = $1 AND duty = $2`;

export const INSERT_ASSIGNMENTS = `
  INSERT INTO agency_procedures (agency_code, procedure_code, duty)
  SELECT $1, code, $2 FROM unnest($3::text[]) AS code
  ON CONFLICT DO NOTHING`;
