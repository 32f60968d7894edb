import { gatewayDisagreement, type GatewayView, type HeldPaymentStatus } from './gateway-agreement';

const paid: GatewayView = { responseCode: '00', transactionStatus: '00', amountVnd: 8000 };
const pending: GatewayView = { responseCode: '00', transactionStatus: '01', amountVnd: 8000 };
const failed: GatewayView = { responseCode: '00', transactionStatus: '02', amountVnd: 8000 };
const refunding: GatewayView = { responseCode: '00', transactionStatus: '05', amountVnd: 8000 };
const refunded: GatewayView = { responseCode: '00', transactionStatus: '06', amountVnd: 8000 };
const unknown: GatewayView = { responseCode: '91', amountVnd: null };

describe('gatewayDisagreement (what the gateway says vs what we hold)', () => {
  it.each<[HeldPaymentStatus, GatewayView, string | null]>([
    // the lost payment of issue #15 item 5: the desk took cash, we cancelled the link, the citizen paid anyway
    ['cancelled', paid, 'gateway_paid_not_recorded'],
    ['failed', paid, 'gateway_paid_not_recorded'],
    ['awaiting', paid, 'gateway_paid_not_recorded'],
    ['cancelled', pending, null],
    ['cancelled', failed, null],
    ['cancelled', unknown, null],
    ['awaiting', pending, null],
    ['paid', paid, null],
    ['paid', unknown, 'recorded_not_paid_at_gateway'],
    ['paid', failed, 'recorded_not_paid_at_gateway'],
    ['paid', refunded, 'refund_not_recorded'],
    ['cancelled', refunded, 'refund_not_recorded'],
    ['refunded', refunding, null],
    ['refunded', refunded, null],
    ['refunded', paid, 'refund_not_at_gateway'],
    ['refunded', unknown, 'recorded_not_paid_at_gateway'],
    ['paid', { ...paid, amountVnd: 16000 }, 'amount_differs'],
    ['paid', { responseCode: '99', amountVnd: null }, 'unverified'],
    ['paid', { responseCode: '00', transactionStatus: '07', amountVnd: 8000 }, 'unverified'],
  ])('we hold %s, gateway %j → %s', (ours, gateway, expected) => {
    expect(gatewayDisagreement(ours, 8000, gateway)).toBe(expected);
  });
});
