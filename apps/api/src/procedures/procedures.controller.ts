import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CatalogService } from '@dvc/catalog';
import { Public } from '../common/auth.decorators';
import { ProcedureDetailDto, ProcedurePageDto, ProceduresQueryDto } from './procedures.dto';

@ApiTags('procedures')
@Controller('procedures')
@Public()
export class ProceduresController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiOkResponse({ type: ProcedurePageDto })
  search(@Query() query: ProceduresQueryDto) {
    return this.catalog.search({ ...query, page: query.page ?? 1, pageSize: query.pageSize ?? 20 });
  }

  @Get(':code')
  @ApiOkResponse({ type: ProcedureDetailDto })
  get(@Param('code') code: string) {
    return this.catalog.get(code);
  }
}
