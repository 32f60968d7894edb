import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { DossierQueriesService } from '@dvc/dossiers';
import { Public } from '../common/auth.decorators';

@ApiTags('tracking')
@Controller('tracking')
@Public()
@UseGuards(ThrottlerGuard)
@SkipThrottle({ auth: true })
export class TrackingController {
  constructor(private readonly queries: DossierQueriesService) {}

  /** No sign-in: the dossier code and the last four digits of the applicant's phone. */
  @Get(':code')
  @ApiQuery({ name: 'phone', description: "Last 4 digits of the applicant's phone", example: '5678' })
  track(@Param('code') code: string, @Query('phone') phone: string) {
    return this.queries.track(code, typeof phone === 'string' ? phone : '');
  }
}
