import { isValidYmd } from '../calendar/civil-date';
import { formatYmd } from '../calendar/zoned-time';
import type { FieldError } from '../errors/domain-error';
import { parseS10, s10FieldError } from './s10';

export type DeskChannel = 'direct' | 'post';

export interface DeskIntakeChannelInput {
  channel?: string;
  postalItemNumber?: string;
  postReceivedOn?: string;
}

export type DeskIntakeChannel = { channel: 'direct'; postal: null } | { channel: 'post'; postal: { itemNumber: string; receivedOn: string } };

/**
 * How a dossier registered at the desk arrived: handed in (`direct`, the default) or by the public postal service
 * (`post`), which needs the item number (UPU S10, check digit included) and the day it reached the post desk (a
 * date, not after today in Hà Nội). A direct dossier has neither.
 */
export function deskIntakeChannel(input: DeskIntakeChannelInput, now: Date): { ok: true; value: DeskIntakeChannel } | { ok: false; errors: FieldError[] } {
  const channel = input.channel ?? 'direct';
  if (channel !== 'direct' && channel !== 'post') return { ok: false, errors: [{ field: 'channel', message: 'must be direct or post' }] };
  const errors: FieldError[] = [];
  if (channel === 'direct') {
    if (input.postalItemNumber !== undefined) errors.push({ field: 'postalItemNumber', message: 'is only for a dossier that came by post (channel post)' });
    if (input.postReceivedOn !== undefined) errors.push({ field: 'postReceivedOn', message: 'is only for a dossier that came by post (channel post)' });
    return errors.length ? { ok: false, errors } : { ok: true, value: { channel, postal: null } };
  }
  if (input.postalItemNumber === undefined) errors.push({ field: 'postalItemNumber', message: 'is required for a dossier that came by post' });
  else {
    const problem = s10FieldError(input.postalItemNumber, 'postalItemNumber');
    if (problem) errors.push(problem);
  }
  const today = formatYmd(now);
  if (input.postReceivedOn === undefined) errors.push({ field: 'postReceivedOn', message: 'is required for a dossier that came by post' });
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(input.postReceivedOn) || !isValidYmd(input.postReceivedOn))
    errors.push({ field: 'postReceivedOn', message: 'must be a date YYYY-MM-DD' });
  else if (input.postReceivedOn > today) errors.push({ field: 'postReceivedOn', message: `cannot be after today (${today})` });
  if (errors.length) return { ok: false, errors };
  const parsed = parseS10(input.postalItemNumber!);
  return { ok: true, value: { channel, postal: { itemNumber: parsed.ok ? parsed.value : input.postalItemNumber!, receivedOn: input.postReceivedOn! } } };
}

/** A result sent back by post carries its item number (UPU S10); other methods carry none. */
export function resultReturnErrors(method: string, postalItemNumber: string | undefined): FieldError[] {
  if (method !== 'post') {
    return postalItemNumber === undefined ? [] : [{ field: 'postalItemNumber', message: 'is only for a result sent by post (method post)' }];
  }
  if (postalItemNumber === undefined) return [{ field: 'postalItemNumber', message: 'is required when the result is sent by post' }];
  const problem = s10FieldError(postalItemNumber, 'postalItemNumber');
  return problem ? [problem] : [];
}
