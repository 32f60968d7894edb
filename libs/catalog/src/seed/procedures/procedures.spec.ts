import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { computeFees, type AdminLevel, type ProcedureDefinition } from '@dvc/core';
import { PROCEDURES } from './index';

const LEVELS: AdminLevel[] = ['city', 'district', 'commune'];
const SECTORS = [
  'general',
  'one_stop',
  'justice',
  'construction',
  'natural_resources',
  'planning_investment',
  'urban_management',
  'economy',
  'labour_social',
  'culture',
];

const newAjv = () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv;
};

type JsonSchema = { properties?: Record<string, Record<string, unknown>> };
const rootProperty = (p: ProcedureDefinition, name: string) => (p.formSchema as JsonSchema).properties?.[name];

const table = PROCEDURES.map((p) => [`${p.code} ${p.name}`, p] as const);

describe('seed procedure catalogue', () => {
  it('has at least 12 procedures', () => {
    expect(PROCEDURES.length).toBeGreaterThanOrEqual(12);
  });

  it('has unique national codes', () => {
    const codes = PROCEDURES.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('contains 1.001193 (đăng ký khai sinh) at commune level, free, online level 4', () => {
    const birth = PROCEDURES.find((p) => p.code === '1.001193');
    expect(birth).toBeDefined();
    expect(birth!.receivingLevels).toEqual(['commune']);
    expect(birth!.decidingLevel).toBe('commune');
    expect(birth!.onlineLevel).toBe(4);
    expect(birth!.fees.every((f) => f.kind === 'charge' && (f.amountVnd === 0 || (f.exemptions ?? []).length > 0))).toBe(true);
  });

  it('has a procedure received at the commune and decided at the district (liên thông)', () => {
    expect(PROCEDURES.some((p) => p.receivingLevels.includes('commune') && p.decidingLevel === 'district')).toBe(true);
  });

  it('has a procedure received at the district and decided by the city', () => {
    expect(PROCEDURES.some((p) => p.receivingLevels.includes('district') && p.decidingLevel === 'city')).toBe(true);
  });

  it('covers all three levels, several fields, both online levels and both payment moments', () => {
    expect(new Set(PROCEDURES.map((p) => p.decidingLevel))).toEqual(new Set(LEVELS));
    expect(new Set(PROCEDURES.map((p) => p.fieldCode)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(PROCEDURES.map((p) => p.onlineLevel))).toEqual(new Set([3, 4]));
    const fees = PROCEDURES.flatMap((p) => p.fees);
    expect(new Set(fees.map((f) => f.payment))).toEqual(new Set(['before', 'after']));
    expect(fees.some((f) => f.basis === 'per_copy')).toBe(true);
    expect(fees.some((f) => f.basis === 'fixed' && f.amountVnd > 0)).toBe(true);
    expect(PROCEDURES.some((p) => p.fees.every((f) => f.amountVnd === 0))).toBe(true);
  });

  describe.each(table)('%s', (_label, p) => {
    it('has a well-formed code and metadata', () => {
      expect(p.code).toMatch(/^\d\.\d{6}$/);
      expect(p.name.trim()).not.toBe('');
      expect(p.field.trim()).not.toBe('');
      expect(p.fieldCode.length).toBeLessThanOrEqual(40);
      expect(p.resultName.trim()).not.toBe('');
      expect(p.legalBasis.length).toBeGreaterThan(0);
      expect(p.receivingLevels.length).toBeGreaterThan(0);
      p.receivingLevels.forEach((l) => expect(LEVELS).toContain(l));
      expect(LEVELS).toContain(p.decidingLevel);
      expect([3, 4]).toContain(p.onlineLevel);
    });

    it('has a positive statutory time', () => {
      const { workingDays, workingHours, sameDay } = p.processingTime;
      expect((workingDays ?? 0) > 0 || (workingHours ?? 0) > 0).toBe(true);
      if (sameDay) expect(workingHours).toBeGreaterThan(0);
    });

    it('has workflow shares that sum to exactly 100', () => {
      expect(p.workflow.length).toBeGreaterThanOrEqual(3);
      p.workflow.forEach((s) => {
        expect(Number.isInteger(s.sharePercent)).toBe(true);
        expect(s.sharePercent).toBeGreaterThan(0);
        expect(SECTORS).toContain(s.sector);
        expect(LEVELS).toContain(s.level);
      });
      expect(p.workflow.reduce((sum, s) => sum + s.sharePercent, 0)).toBe(100);
    });

    it('starts at the one-stop desk of a receiving level and returns the result at a one-stop desk', () => {
      const first = p.workflow[0];
      const last = p.workflow[p.workflow.length - 1];
      expect(first.sector).toBe('one_stop');
      expect(p.receivingLevels).toContain(first.level);
      expect(last.sector).toBe('one_stop');
      expect(last.level).toBe(first.level);
    });

    it('is processed at the deciding level and has no one-stop step in between', () => {
      const middle = p.workflow.slice(1, -1);
      expect(middle.length).toBeGreaterThan(0);
      middle.forEach((s) => expect(s.sector).not.toBe('one_stop'));
      expect(middle.some((s) => s.level === p.decidingLevel)).toBe(true);
      // The signing step is the last processing step, taken at the deciding level.
      expect(middle[middle.length - 1].level).toBe(p.decidingLevel);
    });

    it('has unique workflow step codes', () => {
      const codes = p.workflow.map((s) => s.code);
      expect(new Set(codes).size).toBe(codes.length);
    });

    it('has unique component codes and sensible counts', () => {
      expect(p.components.length).toBeGreaterThan(0);
      const codes = p.components.map((c) => c.code);
      expect(new Set(codes).size).toBe(codes.length);
      p.components.forEach((c) => {
        [c.originals, c.certifiedCopies, c.photocopies].forEach((n) => {
          expect(Number.isInteger(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(0);
        });
        expect(c.originals + c.certifiedCopies + c.photocopies).toBeGreaterThan(0);
      });
      expect(p.components.some((c) => c.required)).toBe(true);
    });

    it('has fees that are non-negative integers with unique codes', () => {
      const codes = p.fees.map((f) => f.code);
      expect(new Set(codes).size).toBe(codes.length);
      p.fees.forEach((f) => {
        expect(Number.isInteger(f.amountVnd)).toBe(true);
        expect(f.amountVnd).toBeGreaterThanOrEqual(0);
        expect(['fee', 'charge']).toContain(f.kind);
        expect(['before', 'after']).toContain(f.payment);
      });
    });

    it('names, for every per-copy fee, an integer form field with minimum >= 1', () => {
      p.fees
        .filter((f) => f.basis === 'per_copy')
        .forEach((f) => {
          expect(f.copiesField).toBeDefined();
          const prop = rootProperty(p, f.copiesField!);
          expect(prop).toBeDefined();
          expect(prop!.type).toBe('integer');
          expect(prop!.minimum).toBeGreaterThanOrEqual(1);
        });
      p.fees.filter((f) => f.basis === 'fixed').forEach((f) => expect(f.copiesField).toBeUndefined());
    });

    it('names, for every exemption, a form field that exists and offers each exemption code', () => {
      p.fees
        .filter((f) => f.exemptionField !== undefined || (f.exemptions ?? []).length > 0)
        .forEach((f) => {
          expect(f.exemptionField).toBeDefined();
          expect((f.exemptions ?? []).length).toBeGreaterThan(0);
          const prop = rootProperty(p, f.exemptionField!);
          expect(prop).toBeDefined();
          const allowed = prop!.enum as string[] | undefined;
          if (allowed) (f.exemptions ?? []).forEach((e) => expect(allowed).toContain(e.code));
        });
    });

    it('has a form schema that compiles with Ajv 2020 in strict mode', () => {
      const schema = p.formSchema as Record<string, unknown>;
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
      expect(Array.isArray(schema.required)).toBe(true);
      const props = (schema as JsonSchema).properties ?? {};
      (schema.required as string[]).forEach((r) => expect(Object.keys(props)).toContain(r));
      const ajv = newAjv();
      expect(() => ajv.compile(schema)).not.toThrow();
    });
  });
});

describe('seed form schemas validate real-looking dossiers', () => {
  const byCode = (code: string) => {
    const p = PROCEDURES.find((x) => x.code === code);
    if (!p) throw new Error(`missing ${code}`);
    return newAjv().compile(p.formSchema);
  };

  const birth = {
    nguoiYeuCau: {
      hoTen: 'Nguyễn Thị Hoa',
      soDinhDanh: '001190012345',
      quanHe: 'Mẹ',
      soDienThoai: '0912345678',
      noiCuTru: 'Số 12 phố Hàng Bông, phường Hàng Gai, quận Hoàn Kiếm, Hà Nội',
    },
    treEm: {
      hoTen: 'Trần Minh An',
      gioiTinh: 'Nam',
      ngaySinh: '2024-03-05',
      noiSinh: 'Bệnh viện Phụ sản Hà Nội',
      danToc: 'Kinh',
      quocTich: 'Việt Nam',
      queQuan: 'Xã Phù Đổng, huyện Gia Lâm, Hà Nội',
    },
    me: {
      hoTen: 'Nguyễn Thị Hoa',
      ngaySinh: '1990-07-21',
      danToc: 'Kinh',
      quocTich: 'Việt Nam',
      soDinhDanh: '001190012345',
      noiCuTru: 'Số 12 phố Hàng Bông, phường Hàng Gai, quận Hoàn Kiếm, Hà Nội',
    },
  };

  it('accepts a birth registration with the mother only', () => {
    const validate = byCode('1.001193');
    expect(validate(birth)).toBe(true);
  });

  it('rejects a birth registration with neither parent, a bad date or an unknown field', () => {
    const validate = byCode('1.001193');
    const { me: _me, ...noParent } = birth;
    expect(validate(noParent)).toBe(false);
    expect(validate({ ...birth, treEm: { ...birth.treEm, ngaySinh: '05/03/2024' } })).toBe(false);
    expect(validate({ ...birth, ghiChu: 'x' })).toBe(false);
    expect(validate({ ...birth, nguoiYeuCau: { ...birth.nguoiYeuCau, soDinhDanh: '12345' } })).toBe(false);
  });

  it('requires at least one copy for the per-copy extract fee', () => {
    const validate = byCode('2.000635');
    const dossier = {
      nguoiYeuCau: { hoTen: 'Lê Văn Bình', soDinhDanh: '001085001234', soDienThoai: '0987654321', noiCuTru: 'Phường Dịch Vọng, quận Cầu Giấy, Hà Nội' },
      loaiTrichLuc: 'Khai sinh',
      nguoiDuocCap: { hoTen: 'Lê Văn Bình', ngaySinh: '1985-01-02' },
      noiDangKy: 'UBND phường Dịch Vọng',
      soBanSao: 3,
    };
    expect(validate(dossier)).toBe(true);
    expect(validate({ ...dossier, soBanSao: 0 })).toBe(false);
    expect(validate({ ...dossier, soBanSao: 1.5 })).toBe(false);
  });

  it('accepts a judicial record request claiming an exemption and rejects an unknown one', () => {
    const validate = byCode('2.000488');
    const dossier = {
      nguoiDuocCap: {
        hoTen: 'Phạm Thu Trang',
        gioiTinh: 'Nữ',
        ngaySinh: '1950-11-11',
        noiSinh: 'Hà Nội',
        quocTich: 'Việt Nam',
        soDinhDanh: '001150000111',
        noiThuongTru: 'Phường Kim Mã, quận Ba Đình, Hà Nội',
        soDienThoai: '0356789012',
      },
      loaiPhieu: 1,
      soLuongPhieu: 2,
      nhanKetQua: 'Qua dịch vụ bưu chính',
      doiTuongMienPhi: 'NGUOI_CAO_TUOI',
    };
    expect(validate(dossier)).toBe(true);
    expect(validate({ ...dossier, doiTuongMienPhi: 'SINH_VIEN' })).toBe(false);
    expect(validate({ ...dossier, loaiPhieu: 3 })).toBe(false);
  });
});

describe('seeded fees, hand-computed from the rules they cite', () => {
  const fees = (code: string) => PROCEDURES.find((p) => p.code === code)!.fees;

  it.each([
    // PHI_CHUNG_THUC_BAN_SAO, Thông tư 226/2016/TT-BTC art. 4(2): per copy 2×2,000 + 498×1,000 = 502,000, capped at 200,000; ×100
    ['2.000815', { soBanSao: 100, soTrangMoiBan: 500, tongSoTrang: 1 }, 20_000_000],
    // the same scale: 2×2,000 + 1×1,000 a copy, ×3
    ['2.000815', { soBanSao: 3, soTrangMoiBan: 3, tongSoTrang: 9 }, 15_000],
    // PHI_BAN_SAO: 8,000 VND a copy of the civil-status extract
    ['2.000635', { soBanSao: 20 }, 160_000],
    ['2.000635', { soBanSao: 1 }, 8_000],
  ])('%s %j → %d VND', (code, form, total) => {
    expect(computeFees(fees(code), form).totalVnd).toBe(total);
  });
});
