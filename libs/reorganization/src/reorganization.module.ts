import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DossierEntity, DossierEventEntity } from '@dvc/dossiers';
import { UnitsModule } from '@dvc/units';
import { DuePlansAtStart } from './due-plans-at-start';
import { ReorganizationService } from './reorganization.service';

@Module({
  imports: [UnitsModule, TypeOrmModule.forFeature([DossierEntity, DossierEventEntity])],
  providers: [ReorganizationService, DuePlansAtStart],
  exports: [ReorganizationService],
})
export class ReorganizationModule {}
