import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyEntity } from './agency.entity';
import { UnitEntity } from './unit.entity';
import { UnitsService } from './units.service';

@Module({
  imports: [TypeOrmModule.forFeature([UnitEntity, AgencyEntity])],
  providers: [UnitsService],
  exports: [UnitsService],
})
export class UnitsModule {}
