/** Statements of the officer-accounts administration, in one place so that a change shows in review. */

/** The agency's unit and its ancestors up to the city, nearest first; no rows for an unknown or closed agency. */
export const AGENCY_UNIT_CHAIN = `
  WITH RECURSIVE chain AS (
    SELECT u.code, u.parent_code, 0 AS depth FROM agencies a JOIN units u ON u.code = a.unit_code
    WHERE a.code = $1 AND (a.valid_to IS NULL OR a.valid_to > current_date)
    UNION ALL
    SELECT p.code, p.parent_code, c.depth + 1 FROM units p JOIN chain c ON p.code = c.parent_code WHERE c.depth < 10
  )
  SELECT code FROM chain ORDER BY depth`;

/** A unit and its ancestors up to the city, nearest first. */
export const UNIT_CHAIN = `
  WITH RECURSIVE chain AS (
    SELECT code, parent_code, 0 AS depth FROM units WHERE code = $1
    UNION ALL
    SELECT p.code, p.parent_code, c.depth + 1 FROM units p JOIN chain c ON p.code = c.parent_code WHERE c.depth < 10
  )
  SELECT code FROM chain ORDER BY depth`;

/**
 * Accounts within a reach: $1 null = everything, else the unit whose subtree is administered. Filters: $2 agency,
 * $3 text in the username or name (LIKE-escaped), $4 active, $5 id; $6 limit, $7 offset.
 */
export const OFFICERS_IN_REACH = `
  WITH RECURSIVE tree AS (
    SELECT code, 0 AS depth FROM units WHERE code = $1
    UNION ALL
    SELECT u.code, t.depth + 1 FROM units u JOIN tree t ON u.parent_code = t.code WHERE t.depth < 10
  )
  SELECT o.id, o.username, o.full_name, o.title, o.roles, o.agency_code, a.name AS agency_name, a.unit_code, o.active,
         o.password_change_required, o.totp_enabled_at IS NOT NULL AS second_factor, o.locked_until, o.created_at
  FROM officers o JOIN agencies a ON a.code = o.agency_code
  WHERE ($1::text IS NULL OR a.unit_code IN (SELECT code FROM tree))
    AND ($2::text IS NULL OR o.agency_code = $2)
    AND ($3::text IS NULL OR o.username ILIKE '%' || $3 || '%' OR o.full_name ILIKE '%' || $3 || '%')
    AND ($4::boolean IS NULL OR o.active = $4)
    AND ($5::uuid IS NULL OR o.id = $5)
  ORDER BY o.username
  LIMIT $6 OFFSET $7`;
