import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesConfig } from '@dvc/config';
import { FileEntity } from './file.entity';
import { FILE_STORE } from './file-store';
import { FilesService } from './files.service';
import { LocalDiskFileStore } from './local-disk-file-store';

@Module({
  imports: [TypeOrmModule.forFeature([FileEntity])],
  providers: [{ provide: FILE_STORE, inject: [FilesConfig], useFactory: (config: FilesConfig) => new LocalDiskFileStore(config.dir) }, FilesService],
  exports: [FilesService, FILE_STORE],
})
export class FilesModule {}
