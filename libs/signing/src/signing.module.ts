import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SigningConfig } from '@dvc/config';
import { DOCUMENT_SIGNER } from './document-signer';
import { SignedDocumentEntity } from './signed-document.entity';
import { SignedDocumentsService } from './signed-documents.service';
import { signerFromConfig } from './signer-from-config';

@Module({
  imports: [TypeOrmModule.forFeature([SignedDocumentEntity])],
  providers: [{ provide: DOCUMENT_SIGNER, inject: [SigningConfig], useFactory: signerFromConfig }, SignedDocumentsService],
  exports: [DOCUMENT_SIGNER, SignedDocumentsService],
})
export class SigningModule {}
