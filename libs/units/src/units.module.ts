import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyEntity } from './agency.entity';
import { UnitEntity } from './unit.entity';
import { ReorganizationEntity } from './reorganization.entity';
import { UnitSuccessionEntity } from './unit-succession.entity';
import { UnitVersionEntity } from './unit-version.entity';
import { UnitsService } from './units.service';

@Module({
  imports: [TypeOrmModule.forFeature([UnitEntity, AgencyEntity, UnitVersionEntity, UnitSuccessionEntity, ReorganizationEntity])],
  providers: [UnitsService],
  exports: [UnitsService],
})
export class UnitsModule {}
