import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogService } from './catalog.service';
import { ProcedureEntity } from './procedure.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ProcedureEntity])],
  providers: [CatalogService],
  exports: [CatalogService],
})
export class CatalogModule {}
