import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyEntity } from './agency.entity';
import { AgencyProcedureEntity } from './agency-procedure.entity';
import { UnitEntity } from './unit.entity';
import { ReorganizationEntity } from './reorganization.entity';
import { UnitSuccessionEntity } from './unit-succession.entity';
import { UnitVersionEntity } from './unit-version.entity';
import { UnitsService } from './units.service';
import { AgenciesService } from './agencies.service';

@Module({
  imports: [TypeOrmModule.forFeature([UnitEntity, AgencyEntity, AgencyProcedureEntity, UnitVersionEntity, UnitSuccessionEntity, ReorganizationEntity])],
  providers: [UnitsService, AgenciesService],
  exports: [UnitsService, AgenciesService],
})
export class UnitsModule {}
