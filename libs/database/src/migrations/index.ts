import { InitialSchema1795610294100 } from './1795610294100-InitialSchema';
import { SearchIndexes1795610294200 } from './1795610294200-SearchIndexes';
import { DossierLifeCycle1795611189438 } from './1795611189438-DossierLifeCycle';
import { Files1795611303936 } from './1795611303936-Files';
import { SmsSwitchboard1795612159911 } from './1795612159911-SmsSwitchboard';
import { Payments1795612859967 } from './1795612859967-Payments';
import { OperationsCentre1795615167533 } from './1795615167533-OperationsCentre';
import { Reorganization1795615990085 } from './1795615990085-Reorganization';
import { ReportFacts1795619305653 } from './1795619305653-ReportFacts';
import { PaymentsCredited1795622487219 } from './1795622487219-PaymentsCredited';
import { IdentityAndPrivacy1795627548770 } from './1795627548770-IdentityAndPrivacy';
import { LegalClock1795630000000 } from './1795630000000-LegalClock';
import { FileOpenings1795640000000 } from './1795640000000-FileOpenings';
import { ApplicantText1795640100000 } from './1795640100000-ApplicantText';
import { OfficerTitles1795640200000 } from './1795640200000-OfficerTitles';
import { PostalIntake1795640300000 } from './1795640300000-PostalIntake';
import { ProcedureVersions1795651600000 } from './1795651600000-ProcedureVersions';
import { OfficerAccounts1795660000000 } from './1795660000000-OfficerAccounts';
import { SignedDocuments1795670000000 } from './1795670000000-SignedDocuments';
import { TotpSecretsSealed1795689000000 } from './1795689000000-TotpSecretsSealed';
import { AgencyDesks1795691000000 } from './1795691000000-AgencyDesks';
import { AuditLog1795692000000 } from './1795692000000-AuditLog';
import { ProcedureDrafts1795693000000 } from './1795693000000-ProcedureDrafts';
import { ProcedureListingIndex1795693100000 } from './1795693100000-ProcedureListingIndex';
import { VneidIdentity1795694000000 } from './1795694000000-VneidIdentity';
import { ScheduledReorganizations1795695000000 } from './1795695000000-ScheduledReorganizations';

/** In order. Listed explicitly (no glob) so bundled apps and the CLI run exactly the same set. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [InitialSchema1795610294100, SearchIndexes1795610294200, DossierLifeCycle1795611189438, Files1795611303936, SmsSwitchboard1795612159911, Payments1795612859967, OperationsCentre1795615167533, Reorganization1795615990085, ReportFacts1795619305653, PaymentsCredited1795622487219, IdentityAndPrivacy1795627548770, LegalClock1795630000000, FileOpenings1795640000000, ApplicantText1795640100000, OfficerTitles1795640200000, PostalIntake1795640300000, ProcedureVersions1795651600000, OfficerAccounts1795660000000, SignedDocuments1795670000000, TotpSecretsSealed1795689000000, AgencyDesks1795691000000, AuditLog1795692000000, ProcedureDrafts1795693000000, ProcedureListingIndex1795693100000, VneidIdentity1795694000000, ScheduledReorganizations1795695000000];
