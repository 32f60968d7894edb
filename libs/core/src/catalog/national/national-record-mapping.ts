import type { AdminLevel, ComponentDefinition } from '../procedure-definition';
import { channelFees, statutoryFees } from './national-fees';
import type { NationalMapping } from './national-procedure';
import { channelProcessingTimes, statutoryTime } from './national-processing-time';
import { isObject, objects, shortText, text, type Json } from './record-reading';

/** National procedure codes: "1.001193", "2.000635", "3.000333". */
export const NATIONAL_CODE = /^[0-9]{1,2}\.[0-9]{6}$/;
const DEFAULT_RESULT = 'Kết quả giải quyết thủ tục hành chính';

/**
 * A record of the national portal's procedure API (`{code, data, message}`) as our procedure, or the reason it
 * cannot be one. Levels: `isWard` → commune, `isProvince` → city (the records describe the two-level government
 * after July 2025: no district); a procedure no local level receives (ministry or other agency only) is rejected.
 * The deciding level is the commune when only wards receive it, else the city. Online level 4 (toàn trình) when
 * `isFullProcess`, else 3. Times and fees: national-processing-time.ts and national-fees.ts.
 */
export function mapNationalRecord(record: unknown): NationalMapping {
  if (!isObject(record)) return { ok: false, code: null, reason: 'the record is not a JSON object' };
  const data = record.data;
  // The envelope's `code` is the portal's answer status ("OK"), not the procedure's code.
  const status = text(record.code);
  if (!isObject(data)) return { ok: false, code: null, reason: 'the record has no "data" object ({code, data, message} expected)' };
  const code = text(data.code) || null;
  const reject = (reason: string): NationalMapping => ({ ok: false, code, reason });
  if (status && status !== 'OK') return reject(`the portal answered "${shortText(status, 40)}" (${shortText(record.message, 100)}), not OK`);
  if (!code || !NATIONAL_CODE.test(code)) return reject(`code ${JSON.stringify(code ?? '')} is not a national procedure code (like 1.001193)`);
  const name = text(data.name).replace(/\s+/g, ' ');
  if (!name) return reject('the record has no name');

  const receivingLevels: AdminLevel[] = [...(data.isWard === true ? ['commune' as const] : []), ...(data.isProvince === true ? ['city' as const] : [])];
  if (receivingLevels.length === 0) {
    const who = [data.isMinistry === true && 'a ministry', data.isOtherAgency === true && 'another agency'].filter(Boolean).join(' or ') || 'no level';
    return reject(`no ward or province level receives it (isWard and isProvince are false; it is received by ${who})`);
  }
  const category = objects(data.categoriesDetails)[0];
  const field = text(category?.name);
  if (!field) return reject('the record names no field (categoriesDetails is empty)');

  const times = channelProcessingTimes(data);
  if ('reason' in times) return reject(times.reason);
  const fees = channelFees(data);
  if ('reason' in fees) return reject(fees.reason);

  const results = objects(data.resultsDetails)
    .map((r) => ({ code: text(r.code), name: text(r.name) }))
    .filter((r) => r.name);
  return {
    ok: true,
    procedure: {
      code,
      name,
      field,
      fieldCode: (text(category?.code) || field).slice(0, 40),
      receivingLevels,
      decidingLevel: receivingLevels.includes('city') ? 'city' : 'commune',
      onlineLevel: data.isFullProcess === true ? 4 : 3,
      processingTime: statutoryTime(times.times),
      components: componentsOf(data),
      fees: statutoryFees(fees.byChannel),
      resultName: results.map((r) => r.name).join('; ') || DEFAULT_RESULT,
      legalBasis: objects(data.legalBasisesDetails).map(legalBasisLine).filter(Boolean),
      national: { processingTimes: times.times, feesByChannel: fees.byChannel, feeNotes: fees.notes, results },
    },
  };
}

/**
 * Every paper of every case (`executionCases[].profileComponents`, the record's own list), once per code.
 * The portal counts originals and copies ("bản sao": a certified copy or a copy from the master register, Decree
 * 23/2015), so copies are certified copies; it has no photocopy count. Cases are alternatives, so the record's
 * own `required` flag is kept rather than inferred.
 */
function componentsOf(data: Json): ComponentDefinition[] {
  const seen = new Map<string, ComponentDefinition>();
  const lists = [data.profileComponents, ...objects(data.executionCases).map((c) => c.profileComponents)];
  for (const p of lists.flatMap(objects)) {
    const code = text(p.code).slice(0, 60);
    const name = text(p.name).replace(/\s+/g, ' ');
    if (!code || !name || seen.has(code)) continue;
    seen.set(code, {
      code,
      name,
      originals: count(p.originalQty),
      certifiedCopies: count(p.copyQty),
      photocopies: 0,
      required: p.required === true,
    });
  }
  return [...seen.values()];
}

const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 0);

function legalBasisLine(l: Json): string {
  const name = shortText(l.name, 500);
  const code = text(l.code);
  if (!code || name.includes(code)) return name;
  return name ? `${name} (${code})` : code;
}
