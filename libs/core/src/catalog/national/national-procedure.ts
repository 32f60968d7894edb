import type { ComponentDefinition, FeeRule, ProcedureDefinition } from '../procedure-definition';

/** Channels of submission as the dossiers name them (DIRECT, ONLINE, POSTAL on the national portal). */
export type SubmissionChannel = 'online' | 'direct' | 'post';

/** One published processing time: of a channel, and of a case when the record distinguishes cases. */
export interface ChannelProcessingTime {
  channel: SubmissionChannel;
  /** The case's name (cases[].name or the execution method's description), null when there is one case. */
  case: string | null;
  workingDays?: number;
  workingHours?: number;
  /** As published: the quantity and the unit (WORKING_DAY, DAY, HOUR, MONTH). */
  published: { value: number; unit: string };
}

export interface ChannelFees {
  channel: SubmissionChannel;
  fees: FeeRule[];
}

/** A fee the record names without an amount (set by the provincial council, "see the attached table" …). */
export interface FeeNote {
  channel: SubmissionChannel;
  kind: FeeRule['kind'];
  text: string;
}

/** What the national record says beyond our procedure model; shown as published, kept with the procedure. */
export interface NationalDetails {
  processingTimes: ChannelProcessingTime[];
  feesByChannel: ChannelFees[];
  feeNotes: FeeNote[];
  results: { code: string; name: string }[];
  /** Which of our own fields an import kept over the record's (see importedContent); absent when none. */
  kept?: KeptField[];
}

export type KeptField = 'components' | 'fees';

/** A national-portal record mapped onto our model; e-form and workflow are ours, not the portal's. */
export interface NationalProcedure extends Omit<ProcedureDefinition, 'formSchema' | 'workflow'> {
  components: ComponentDefinition[];
  national: NationalDetails;
}

export type NationalMapping = { ok: true; procedure: NationalProcedure } | { ok: false; code: string | null; reason: string };
