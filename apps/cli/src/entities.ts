import { CalendarYearEntity } from '@dvc/calendar';
import { ProcedureDraftEntity, ProcedureEntity, ProcedureVersionEntity } from '@dvc/catalog';
import { DossierCodeCounterEntity, DossierEntity, DossierEventEntity, DossierFileOpeningEntity, DossierPauseEntity, IdempotencyKeyEntity } from '@dvc/dossiers';
import { FileEntity } from '@dvc/files';
import { CitizenEntity, OfficerEntity, OtpStateEntity } from '@dvc/identity';
import { OutboxMessageEntity } from '@dvc/outbox';
import { SignedDocumentEntity } from '@dvc/signing';
import { SmsMessageEntity, SmsReceiptEntity, SmsTemplateEntity } from '@dvc/sms';
import { PaymentEntity, ReceiptCounterEntity } from '@dvc/payments';
import { PortalSyncStateEntity } from '@dvc/national-portal';
import { ReportDailyFactEntity, ReportFactDeltaEntity, ReportMonthlyFactEntity } from '@dvc/reporting';
import { AgencyEntity, AgencyProcedureEntity, ReorganizationEntity, UnitEntity, UnitSuccessionEntity, UnitVersionEntity } from '@dvc/units';

/** Every entity of the system: what the migrations must create, checked by the schema-drift test. */
export const ALL_ENTITIES = [
  UnitEntity,
  AgencyEntity,
  AgencyProcedureEntity,
  ProcedureEntity,
  ProcedureVersionEntity,
  ProcedureDraftEntity,
  OfficerEntity,
  CitizenEntity,
  OtpStateEntity,
  OutboxMessageEntity,
  CalendarYearEntity,
  DossierEntity,
  DossierEventEntity,
  DossierPauseEntity,
  DossierFileOpeningEntity,
  DossierCodeCounterEntity,
  IdempotencyKeyEntity,
  FileEntity,
  SmsMessageEntity,
  SmsTemplateEntity,
  SmsReceiptEntity,
  PaymentEntity,
  ReceiptCounterEntity,
  PortalSyncStateEntity,
  UnitVersionEntity,
  UnitSuccessionEntity,
  ReorganizationEntity,
  ReportFactDeltaEntity,
  ReportDailyFactEntity,
  ReportMonthlyFactEntity,
  SignedDocumentEntity,
];
