import { EntityManager } from 'typeorm';
import { DomainError, DomainErrorCode } from '@dvc/core';
import { AgencyEntity } from '@dvc/units';
import { OfficerEntity } from './officer.entity';
import { hashPassword } from './password';
import { assertAcceptablePassword } from './password-rules';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export interface FirstAdministrator {
  username: string;
  agencyCode: string;
  fullName?: string;
  password: string;
}

/**
 * An administrator created from the command line, on a database where nobody can sign in yet (production loads no
 * demo accounts). The password is the one typed by the person who will use it, so no change is forced; a username
 * already taken is refused, never a second account.
 */
export async function createAdministrator(em: EntityManager, input: FirstAdministrator, passwordMinLength: number): Promise<{ id: string; username: string }> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) {
    throw DomainError.validation([{ field: 'username', message: 'must be 3–64 of a-z, 0-9, dot, dash, underscore, starting with a letter or digit' }]);
  }
  const agency = await em.getRepository(AgencyEntity).findOneBy({ code: input.agencyCode });
  if (!agency || (agency.validTo !== null && agency.validTo <= new Date().toISOString().slice(0, 10))) {
    throw DomainError.validation([{ field: 'agency', message: `${input.agencyCode} is not an open agency (run "seed" first to import the units)` }]);
  }
  const fullName = input.fullName?.trim() || 'Quản trị hệ thống';
  assertAcceptablePassword(input.password, { username, fullName }, passwordMinLength);
  const passwordHash = await hashPassword(input.password);
  const inserted = await em
    .createQueryBuilder()
    .insert()
    .into(OfficerEntity)
    .values({ username, fullName, agencyCode: agency.code, roles: ['admin'], passwordHash, active: true, passwordChangeRequired: false })
    .orIgnore()
    .returning(['id'])
    .execute();
  const id = (inserted.raw as { id: string }[])[0]?.id;
  if (!id) throw new DomainError(DomainErrorCode.Conflict, `The username ${username} is taken; no account was created.`);
  return { id, username };
}
