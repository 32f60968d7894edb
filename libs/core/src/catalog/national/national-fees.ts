import type { FeeKind, FeeRule } from '../procedure-definition';
import type { ChannelFees, FeeNote, SubmissionChannel } from './national-procedure';
import { CHANNEL_OF_METHOD } from './national-processing-time';
import { objects, shortText, text, type Json } from './record-reading';

/** The portal's fee types: FEE is a charge (lệ phí), SERVICE_FEE a fee (phí), PRICE_LEVEL a service price (giá). */
const KIND_OF_TYPE: Record<string, FeeKind> = { FEE: 'charge', SERVICE_FEE: 'fee', PRICE_LEVEL: 'fee' };
const DEFAULT_NAME: Record<string, string> = { FEE: 'Lệ phí', SERVICE_FEE: 'Phí', PRICE_LEVEL: 'Giá dịch vụ' };

/** No Vietnamese fee or charge is below 1.000 đồng (the smallest, a copied page, is 1.000 đ); a smaller one is a source error. */
export const SMALLEST_PLAUSIBLE_FEE_VND = 1_000;
const FREE = /^(không|miễn|0\s*(đ|đồng|vnđ)?$)|miễn (thu )?(phí|lệ phí)|không (thu|mất|phải nộp)/i;
const FOREIGN_CURRENCY = /\b(USD|EUR|đô\s*la|dollar)\b|US\$|\$/i;

export type FeeReading = { byChannel: ChannelFees[]; notes: FeeNote[] } | { reason: string };

/**
 * Fees per channel in whole VND. A fee without an amount, or with 0 and a text that does not say it is free, is kept
 * as a note (the desk asks for the amount the council set). Rejected, never repaired: a foreign currency, a fractional or negative amount, a positive amount
 * below 1.000 đồng, the same fee differing ×1000 between channels, a channel whose cases carry different fees, and a
 * channel listing two charges (or two fees) — levels by case, not a sum: our fee rules cannot tell the cases apart.
 */
export function channelFees(data: Json): FeeReading {
  const perChannel = new Map<SubmissionChannel, FeeRule[][]>();
  const notes: FeeNote[] = [];
  for (const [i, m] of objects(data.executionMethods).entries()) {
    const channel = CHANNEL_OF_METHOD[text(m.submissionMethod)];
    if (!channel) continue;
    const rules: FeeRule[] = [];
    for (const [j, f] of objects(m.fees).entries()) {
      const where = `executionMethods[${i}].fees[${j}] (${text(m.submissionMethod)})`;
      const type = text(f.type);
      const kind = KIND_OF_TYPE[type];
      if (!kind) return { reason: `${where} has type "${type}", not FEE, SERVICE_FEE or PRICE_LEVEL` };
      const currency = `${text(f.currencyName)} ${text(f.description)}`;
      if (FOREIGN_CURRENCY.test(currency)) {
        return { reason: `${where} is in a foreign currency (${shortText(f.currencyName, 20) || 'named in the description'}), not VND` };
      }
      if (f.value === null || f.value === undefined) {
        const note = shortText(f.description, 500);
        if (note) notes.push({ channel, kind, text: note });
        continue;
      }
      const value = f.value;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        return { reason: `${where} amount ${JSON.stringify(value)} is not a whole, non-negative number of VND` };
      }
      if (value === 0) {
        // The portal also writes 0 for "set by the provincial council": a zero with a text that is not "free" is a note.
        const note = shortText(f.description, 500);
        if (note && !FREE.test(note)) notes.push({ channel, kind, text: note });
        continue;
      }
      if (value < SMALLEST_PLAUSIBLE_FEE_VND) {
        return {
          reason: `${where} reads ${value} VND, implausibly small (no fee is below ${SMALLEST_PLAUSIBLE_FEE_VND} VND): probably thousands or another currency in the source`,
        };
      }
      rules.push({
        code: `${type}_${rules.length + 1}`,
        kind,
        name: shortText(f.description, 300) || DEFAULT_NAME[type],
        basis: 'fixed',
        amountVnd: value,
        payment: 'before',
      });
    }
    const kinds = rules.map((r) => r.kind);
    const repeated = kinds.find((k, idx) => kinds.indexOf(k) !== idx);
    if (repeated) {
      const listed = rules
        .filter((r) => r.kind === repeated)
        .map((r) => r.amountVnd)
        .join(' / ');
      return {
        reason: `executionMethods[${i}] (${text(m.submissionMethod)}) lists several ${repeated === 'charge' ? 'charges (lệ phí)' : 'fees (phí)'} (${listed} VND): levels by case or a price table, not one sum; a form field choosing the case is needed, enter the fees by hand`,
      };
    }
    perChannel.set(channel, [...(perChannel.get(channel) ?? []), rules]);
  }
  const byChannel: ChannelFees[] = [];
  for (const [channel, entries] of perChannel) {
    const distinct = new Set(entries.map((rules) => rules.map((r) => `${r.kind}:${r.amountVnd}`).join('+')));
    if (distinct.size > 1) {
      return {
        reason: `the ${channel} channel's cases carry different fees (${[...distinct].map((d) => d || 'none').join(' / ')} VND): a form field choosing the case is needed, enter the fees by hand`,
      };
    }
    byChannel.push({ channel, fees: entries[0] });
  }
  const problem = crossChannelProblem(byChannel);
  return problem ? { reason: problem } : { byChannel, notes };
}

/** The same fee (by position and kind) read as amounts a thousand times apart on two channels. */
function crossChannelProblem(byChannel: ChannelFees[]): string | null {
  for (const a of byChannel) {
    for (const b of byChannel) {
      for (const [k, fa] of a.fees.entries()) {
        const fb = b.fees[k];
        if (fb && fa.kind === fb.kind && fb.amountVnd >= fa.amountVnd * 1000) {
          return `fee ${k + 1} reads ${fa.amountVnd} VND on the ${a.channel} channel and ${fb.amountVnd} VND on the ${b.channel} channel (×${fb.amountVnd / fa.amountVnd}): one of them is a source error`;
        }
      }
    }
  }
  return null;
}

/** The fees a dossier is assessed on: the online channel's when the record has that channel, else the desk's, else the post's. */
export function statutoryFees(byChannel: ChannelFees[]): FeeRule[] {
  for (const channel of ['online', 'direct', 'post'] as const) {
    const found = byChannel.find((c) => c.channel === channel);
    if (found) return found.fees;
  }
  return [];
}
