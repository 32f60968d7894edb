import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { DomainError, type AdminLevel, type OfficeHours } from '@dvc/core';
import { AgencyEntity } from './agency.entity';
import { UnitEntity } from './unit.entity';
import { writeMapChange, type MapChange } from './map-change';

export interface UnitView {
  code: string;
  name: string;
  type: string;
  level: AdminLevel;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface UnitDetailView extends UnitView {
  officeHours: OfficeHours | null;
  parent: { code: string; name: string } | null;
  agencies: { code: string; name: string; kind: string; sectors: string[]; receives: boolean }[];
  childCount: number;
}

const toView = (u: UnitEntity): UnitView => ({
  code: u.code,
  name: u.name,
  type: u.type,
  level: u.level,
  parentCode: u.parentCode,
  validFrom: u.validFrom,
  validTo: u.validTo,
});

@Injectable()
export class UnitsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(filter: { parentCode?: string; level?: AdminLevel; includeClosed?: boolean }): Promise<UnitView[]> {
    const units = await this.db.getRepository(UnitEntity).find({
      where: {
        ...(filter.parentCode !== undefined ? { parentCode: filter.parentCode } : {}),
        ...(filter.level ? { level: filter.level } : {}),
        ...(filter.includeClosed ? {} : { validTo: IsNull() }),
      },
      order: { code: 'ASC' },
    });
    return units.map(toView);
  }

  async get(code: string): Promise<UnitDetailView> {
    const unit = await this.db.getRepository(UnitEntity).findOne({ where: { code }, relations: { parent: true } });
    if (!unit) throw DomainError.notFound(`Unit ${code}`);
    const [agencies, childCount] = await Promise.all([
      this.db.getRepository(AgencyEntity).find({ where: { unitCode: code }, order: { code: 'ASC' } }),
      this.db.getRepository(UnitEntity).count({ where: { parentCode: code, validTo: IsNull() } }),
    ]);
    return {
      ...toView(unit),
      parent: unit.parent ? { code: unit.parent.code, name: unit.parent.name } : null,
      officeHours: unit.officeHours,
      agencies: agencies.map((a) => ({ code: a.code, name: a.name, kind: a.kind, sectors: a.sectors, receives: a.receives })),
      childCount,
    };
  }

  /** Units, their versions and successions, and agencies opened and closed by a reorganisation, in `em`'s transaction. */
  applyMapChange(em: EntityManager, change: MapChange): Promise<void> {
    return writeMapChange(em, change);
  }
}
