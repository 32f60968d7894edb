export * from './vnpay-signature';
export * from './vnpay-payment-url';
export * from './vnpay-ipn';
export * from './vnpay-querydr';
export * from './vnpay-refund';
export * from './commission';
export * from './paygov';
export * from './gateway-agreement';
