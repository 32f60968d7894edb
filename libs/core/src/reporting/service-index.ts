/**
 * The service index (Bộ chỉ số phục vụ người dân, doanh nghiệp; Decision 766/QĐ-TTg): the indicators our own records
 * decide, each a share of dossiers, and the points it earns on a 100-point scale.
 *
 * The WEIGHTS below are THIS SYSTEM'S CONFIGURATION, modelled on Decision 766's indicator groups (public disclosure
 * and sync, timeliness, online service, online payment, digitisation, satisfaction); they are not the decision's
 * official weights, which could not be consulted here. Change them in this one table; they must add up to 100.
 */
export const SERVICE_INDEX_INDICATORS = [
  {
    code: 'sync_rate',
    weight: 18,
    name: 'Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG',
    formula: 'dossiers received in the period whose last national-portal push succeeded / dossiers received in the period',
  },
  {
    code: 'on_time_rate',
    weight: 20,
    name: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
    formula:
      'resolved in the period and not late (finished by the first appointment moved by the time waited for the applicant, supplementation asked at most once) / resolved in the period',
  },
  {
    code: 'online_share',
    weight: 12,
    name: 'Tỷ lệ hồ sơ trực tuyến',
    formula: 'received online in the period / received in the period',
  },
  {
    code: 'online_payment_share',
    weight: 10,
    name: 'Tỷ lệ thanh toán trực tuyến',
    formula: 'dossiers whose fees paid in the period were all paid online / dossiers with fees paid in the period',
  },
  {
    code: 'digitised_result_share',
    weight: 22,
    name: 'Tỷ lệ số hóa kết quả giải quyết',
    formula: 'resolved in the period with an electronic result file or delivered online / resolved in the period',
  },
  {
    code: 'satisfaction',
    weight: 18,
    name: 'Mức độ hài lòng',
    formula: '(very satisfied + satisfied) / ratings given in the period',
  },
] as const satisfies readonly { code: string; weight: number; name: string; formula: string }[];

export type ServiceIndexIndicatorCode = (typeof SERVICE_INDEX_INDICATORS)[number]['code'];
export const SERVICE_INDEX_CODES: readonly ServiceIndexIndicatorCode[] = SERVICE_INDEX_INDICATORS.map((i) => i.code);
export const SERVICE_INDEX_MAX_SCORE = SERVICE_INDEX_INDICATORS.reduce((s, i) => s + i.weight, 0);

/** What the SQL counted for one indicator: the dossiers that meet it out of those it is measured on. */
export interface IndicatorCount {
  met: number;
  of: number;
}

export interface IndicatorScore {
  code: ServiceIndexIndicatorCode;
  name: string;
  formula: string;
  met: number;
  of: number;
  /** met / of, 4 decimals; null when there is nothing to measure. */
  value: number | null;
  points: number;
  maxPoints: number;
}

export interface ServiceIndexScore {
  indicators: IndicatorScore[];
  score: number;
  maxScore: number;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/**
 * Points = weight × share (2 decimals); the score is the sum of the points. An indicator with nothing to measure
 * (no dossiers, no ratings) earns no points: the index rewards what was done, and a unit that did nothing scores 0.
 */
export function scoreServiceIndex(counts: Record<ServiceIndexIndicatorCode, IndicatorCount>): ServiceIndexScore {
  const indicators = SERVICE_INDEX_INDICATORS.map((def): IndicatorScore => {
    const { met, of } = counts[def.code];
    if (met < 0 || of < 0 || met > of) throw new RangeError(`${def.code}: ${met} of ${of}`);
    const share = of === 0 ? null : met / of;
    return {
      code: def.code,
      name: def.name,
      formula: def.formula,
      met,
      of,
      value: share === null ? null : round(share, 4),
      points: share === null ? 0 : round(def.weight * share, 2),
      maxPoints: def.weight,
    };
  });
  return {
    indicators,
    score: round(
      indicators.reduce((s, i) => s + i.points, 0),
      2,
    ),
    maxScore: SERVICE_INDEX_MAX_SCORE,
  };
}
