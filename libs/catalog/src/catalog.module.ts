import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogService } from './catalog.service';
import { ProcedureImportService } from './procedure-import.service';
import { ProcedureEntity } from './procedure.entity';
import { ProcedureVersionEntity } from './procedure-version.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ProcedureEntity, ProcedureVersionEntity])],
  providers: [CatalogService, ProcedureImportService],
  exports: [CatalogService, ProcedureImportService],
})
export class CatalogModule {}
