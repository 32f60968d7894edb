import { DomainError, DomainErrorCode, type VneidIdentity } from '@dvc/core';
import type { EntityManager } from 'typeorm';
import { CitizenEntity } from '../citizen.entity';

/**
 * The one citizen row of a VNeID identity, in one transaction:
 * 1. the row already keyed by this ID number (or an organisation's tax code);
 * 2. else the phone-only row (signed in by OTP before, no ID number yet) whose phone is the one VNeID verified for
 *    this account: both proved possession of that number, so it is the same applicant, and it takes the ID number;
 * 3. else a new row.
 * A verified phone held by a row of another identity is not taken over: the new row cannot share it (phones are
 * unique), so that sign-in is a 409 for an officer to resolve.
 */
export async function citizenForIdentity(em: EntityManager, identity: VneidIdentity, now: Date): Promise<CitizenEntity> {
  const repo = em.getRepository(CitizenEntity);
  const key = identity.idNumber ? { idNumber: identity.idNumber } : { taxCode: identity.taxCode! };
  const profile = { fullName: identity.fullName, birthDate: identity.birthDate, sex: identity.sex, lastSignedInAt: now };
  const known = await repo.findOne({ where: key, lock: { mode: 'pessimistic_write' } });
  if (known) {
    await repo.update({ id: known.id }, profile);
    return { ...known, ...profile };
  }
  const byPhone = await repo.findOne({ where: { phone: identity.phone }, lock: { mode: 'pessimistic_write' } });
  if (byPhone && byPhone.idNumber === null && byPhone.taxCode === null && identity.phoneVerified) {
    await repo.update({ id: byPhone.id }, { ...key, ...profile });
    return { ...byPhone, ...key, ...profile };
  }
  if (byPhone) {
    throw new DomainError(
      DomainErrorCode.Conflict,
      'The phone number of this VNeID account belongs to another applicant here; ask at a desk to link the accounts.',
    );
  }
  const inserted = await repo.save(repo.create({ phone: identity.phone, idNumber: identity.idNumber, taxCode: identity.taxCode, ...profile }));
  return inserted;
}
