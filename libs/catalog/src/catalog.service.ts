import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VneidConfig } from '@dvc/config';
import { DomainError, isAssuranceLevel, searchKey, type AssuranceLevel, type OnlineLevel } from '@dvc/core';
import { ProcedureEntity } from './procedure.entity';
import { procedureDetail, procedureSummary, ProcedureDetailView, ProcedureSummaryView } from './procedure-views';

export interface ProcedureQuery {
  q?: string;
  field?: string;
  onlineLevel?: OnlineLevel;
  level?: string;
  page: number;
  pageSize: number;
}

export interface ProcedurePage {
  items: ProcedureSummaryView[];
  page: number;
  pageSize: number;
  total: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class CatalogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly vneid: VneidConfig,
  ) {}

  /** Every word of `q` must occur in the folded name/field/code, so accents and word order do not matter. */
  async search(query: ProcedureQuery): Promise<ProcedurePage> {
    const qb = this.db.getRepository(ProcedureEntity).createQueryBuilder('p').where('p.active');
    const key = query.q ? searchKey(query.q) : '';
    key.split(' ').filter(Boolean).forEach((word, i) => {
      qb.andWhere(`p.search_key LIKE :w${i}`, { [`w${i}`]: `%${escapeLike(word)}%` });
    });
    if (query.field) qb.andWhere('(p.field_code = :field OR lower(p.field) = lower(:field))', { field: query.field });
    if (query.onlineLevel) qb.andWhere('p.online_level = :onlineLevel', { onlineLevel: query.onlineLevel });
    if (query.level) qb.andWhere(':level = ANY(p.receiving_levels)', { level: query.level });
    if (key) {
      qb.orderBy('(p.search_key LIKE :prefix)', 'DESC').setParameter('prefix', `${escapeLike(key)}%`).addOrderBy('p.name', 'ASC');
    } else {
      qb.orderBy('p.field', 'ASC').addOrderBy('p.name', 'ASC');
    }
    const [rows, total] = await qb.skip((query.page - 1) * query.pageSize).take(query.pageSize).getManyAndCount();
    return { items: rows.map(procedureSummary), page: query.page, pageSize: query.pageSize, total };
  }

  async get(code: string): Promise<ProcedureDetailView> {
    const p = await this.db.getRepository(ProcedureEntity).findOne({ where: { code, active: true } });
    if (!p) throw DomainError.notFound(`Procedure ${code}`);
    return procedureDetail(p, this.vneid.level4Assurance as AssuranceLevel);
  }

  /** The procedure's own assurance setting (null: back to the default for its online level). */
  async setRequiredAssurance(code: string, level: unknown): Promise<ProcedureDetailView> {
    if (level !== null && !isAssuranceLevel(level)) throw DomainError.validation([{ field: 'level', message: 'must be 0, 1, 2 or null' }]);
    const result = await this.db.getRepository(ProcedureEntity).update({ code, active: true }, { requiredAssurance: level });
    if (!result.affected) throw DomainError.notFound(`Procedure ${code}`);
    return this.get(code);
  }
}
