import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogService } from './catalog.service';
import { ProcedureImportService } from './procedure-import.service';
import { ProcedureEntity } from './procedure.entity';
import { ProcedureVersionEntity } from './procedure-version.entity';
import { ProcedureDraftEntity } from './procedure-draft.entity';
import { ProcedureDraftsService } from './procedure-drafts.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProcedureEntity, ProcedureVersionEntity, ProcedureDraftEntity])],
  providers: [CatalogService, ProcedureImportService, ProcedureDraftsService],
  exports: [CatalogService, ProcedureImportService, ProcedureDraftsService],
})
export class CatalogModule {}
