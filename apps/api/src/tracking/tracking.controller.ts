import { Controller, Get, Header, Param, Query, UseGuards } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { DossierQueriesService } from '@dvc/dossiers';
import { Public } from '../common/auth.decorators';
import { TrackingCache } from './tracking-cache';

@ApiTags('tracking')
@Controller('tracking')
@Public()
@UseGuards(ThrottlerGuard)
@SkipThrottle({ auth: true, authAddress: true })
export class TrackingController {
  constructor(
    private readonly queries: DossierQueriesService,
    private readonly cache: TrackingCache,
  ) {}

  /** No sign-in: the dossier code and the last four digits of the applicant's phone. */
  @Get(':code')
  @ApiQuery({ name: 'phone', description: "Last 4 digits of the applicant's phone", example: '5678' })
  @Header('Cache-Control', 'no-store')
  track(@Param('code') code: string, @Query('phone') phone: string) {
    const digits = typeof phone === 'string' ? phone : '';
    return this.cache.get(code, digits, () => this.queries.track(code, digits));
  }
}
