import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UnitsService } from '@dvc/units';
import { Public } from '../common/auth.decorators';
import { UnitDetailDto, UnitDto, UnitsQueryDto } from './units.dto';

@ApiTags('units')
@Controller('units')
@Public()
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOkResponse({ type: [UnitDto] })
  list(@Query() query: UnitsQueryDto) {
    return this.units.list(query);
  }

  @Get(':code')
  @ApiOkResponse({ type: UnitDetailDto })
  get(@Param('code') code: string) {
    return this.units.get(code);
  }
}
