import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '@dvc/calendar';
import { FilesModule } from '@dvc/files';
import { OutboxModule } from '@dvc/outbox';
import { SigningModule } from '@dvc/signing';
import { DossierActionsService } from './dossier-actions.service';
import { DossierDocumentsService } from './dossier-documents.service';
import { DossierCodeCounterEntity } from './dossier-code-counter.entity';
import { DossierEntity } from './dossier.entity';
import { DossierEventEntity } from './dossier-event.entity';
import { DossierFileAccessService } from './dossier-file-access.service';
import { DossierFileOpeningEntity } from './dossier-file-opening.entity';
import { DossierQueriesService } from './dossier-queries.service';
import { DossierResultsService } from './dossier-results.service';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { IntakeService } from './intake.service';
import { ResultSigningService } from './result-signing.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([DossierEntity, DossierEventEntity, DossierCodeCounterEntity, IdempotencyKeyEntity, DossierFileOpeningEntity]),
    CalendarModule,
    FilesModule,
    OutboxModule,
    SigningModule,
  ],
  providers: [
    ResultSigningService,
    IntakeService,
    DossierActionsService,
    DossierQueriesService,
    DossierDocumentsService,
    DossierResultsService,
    DossierFileAccessService,
  ],
  exports: [IntakeService, DossierActionsService, DossierQueriesService, DossierDocumentsService, DossierResultsService, DossierFileAccessService],
})
export class DossiersModule {}
