import { feesForChannel } from './channel-fees';
import type { FeeRule } from './procedure-definition';
import type { NationalDetails } from './national/national-procedure';

// 1.004222 (Đăng ký thường trú) as published: 10.000 đ online, 20.000 đ direct; no postal channel.
const charge = (amountVnd: number): FeeRule => ({ code: 'FEE_1', kind: 'charge', name: 'Lệ phí', basis: 'fixed', amountVnd, payment: 'before' });
const national: NationalDetails = {
  processingTimes: [],
  feeNotes: [],
  results: [],
  feesByChannel: [
    { channel: 'online', fees: [charge(10000)] },
    { channel: 'direct', fees: [charge(20000)] },
  ],
};

describe('feesForChannel', () => {
  it.each<[string, Parameters<typeof feesForChannel>[0], 'online' | 'direct' | 'post', number[]]>([
    ['online, as published', { fees: [charge(10000)], national }, 'online', [10000]],
    ['at the desk, as published', { fees: [charge(10000)], national }, 'direct', [20000]],
    ["by post, unpublished: the procedure's", { fees: [charge(10000)], national }, 'post', [10000]],
    ['our own procedure (no national record)', { fees: [charge(8000)], national: null }, 'direct', [8000]],
    ['our rules kept by an import', { fees: [charge(8000)], national: { ...national, kept: ['fees'] } }, 'direct', [8000]],
  ])('%s', (_name, procedure, channel, amounts) => {
    expect(feesForChannel(procedure, channel).map((f) => f.amountVnd)).toEqual(amounts);
  });
});
