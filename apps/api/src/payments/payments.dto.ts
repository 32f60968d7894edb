import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class StartPaymentDto {
  @ApiProperty({ enum: ['vnpay'] }) @IsIn(['vnpay'], { message: 'must be vnpay' }) gateway: 'vnpay';
}

export class DeskPaymentDto {
  @ApiProperty({ enum: ['cash', 'transfer'] }) @IsIn(['cash', 'transfer'], { message: 'must be cash or transfer' }) method: 'cash' | 'transfer';
}

export class PaymentDto {
  @ApiProperty() paymentId: string;
  @ApiProperty({ enum: ['vnpay', 'cash', 'transfer'] }) method: string;
  @ApiProperty({ description: 'VND' }) amount: number;
  @ApiProperty({ enum: ['awaiting', 'paid', 'cancelled', 'failed', 'refund_pending', 'refunded'] }) status: string;
  @ApiProperty({ nullable: true, type: String, description: 'Where the browser goes to pay (while awaiting)' }) payUrl: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'BL/26E 0000012' }) receipt: string | null;
}
