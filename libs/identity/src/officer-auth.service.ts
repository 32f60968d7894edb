import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, DomainErrorCode, type OfficerPrincipal } from '@dvc/core';
import { OfficerEntity } from './officer.entity';
import { verifyPassword } from './password';
import { TokenService } from './token.service';

export interface OfficerView {
  id: string;
  username: string;
  fullName: string;
  title: string | null;
  roles: string[];
  agencyCode: string;
  agencyName: string;
  unitCode: string;
  scopeCode: string;
}

// A real argon2id hash of a random password, verified when the username is unknown so both cases take as long.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$2OmkkJXoG1zszDVhh5u55w$igZwx1oVxHLOGgqtga6DnhLBG/Agtvne3/selyHq6J0';

@Injectable()
export class OfficerAuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string; officer: OfficerView }> {
    const officer = await this.db.getRepository(OfficerEntity).findOne({
      where: { username: username.trim().toLowerCase() },
      relations: { agency: true },
    });
    const ok = await verifyPassword(officer?.passwordHash ?? DUMMY_HASH, password);
    if (!officer || !ok || !officer.active || !officer.agency) {
      throw new DomainError(DomainErrorCode.Unauthenticated, 'Wrong username or password.');
    }
    const principal: OfficerPrincipal = {
      kind: 'officer', id: officer.id, username: officer.username, roles: officer.roles, agencyCode: officer.agencyCode, unitCode: officer.agency.unitCode,
      scopeCode: officer.agency.scopeCode,
    };
    return {
      accessToken: await this.tokens.signOfficer(principal),
      officer: {
        id: officer.id, username: officer.username, fullName: officer.fullName, title: officer.title, roles: officer.roles,
        agencyCode: officer.agencyCode, agencyName: officer.agency.name, unitCode: officer.agency.unitCode, scopeCode: officer.agency.scopeCode,
      },
    };
  }
}
