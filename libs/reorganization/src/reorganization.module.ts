import { Module } from '@nestjs/common';
import { ReorganizationService } from './reorganization.service';

@Module({ providers: [ReorganizationService], exports: [ReorganizationService] })
export class ReorganizationModule {}
