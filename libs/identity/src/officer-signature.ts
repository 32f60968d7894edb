import type { EntityManager } from 'typeorm';
import { OfficerEntity } from './officer.entity';

export interface OfficerSignature {
  fullName: string;
  title: string | null;
}

/**
 * How an officer signs what they do, as of now: the full name and title an event keeps (so the history does not
 * change when the account is renamed later). An account that is gone signs with its login name.
 */
export async function officerSignature(em: EntityManager, officer: { id: string; username: string }): Promise<OfficerSignature> {
  const row = await em.getRepository(OfficerEntity).findOne({ where: { id: officer.id }, select: { fullName: true, title: true } });
  return row ? { fullName: row.fullName, title: row.title } : { fullName: officer.username, title: null };
}
