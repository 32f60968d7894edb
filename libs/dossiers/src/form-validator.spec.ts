import Ajv2020 from 'ajv/dist/2020';
import { validateForm } from './form-validator';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['hoTen', 'ngaySinh', 'soBanSao'],
  properties: {
    hoTen: { type: 'string', minLength: 1 },
    ngaySinh: { type: 'string', format: 'date' },
    soBanSao: { type: 'integer', minimum: 1 },
    cha: { type: 'object', required: ['hoTen'], properties: { hoTen: { type: 'string' } } },
  },
};

describe('validateForm', () => {
  it('passes a valid form', () => {
    expect(validateForm('t1', schema, { hoTen: 'Nguyễn Văn A', ngaySinh: '2026-01-02', soBanSao: 2 })).toEqual([]);
  });

  it('reports every error with its field', () => {
    const errors = validateForm('t1', schema, { ngaySinh: '02/01/2026', soBanSao: 0, cha: {}, extra: 1 });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'form.hoTen', message: 'is required' },
        { field: 'form.ngaySinh', message: 'must match format "date"' },
        { field: 'form.soBanSao', message: 'must be >= 1' },
        { field: 'form.cha.hoTen', message: 'is required' },
        { field: 'form.extra', message: 'is not a field of this form' },
      ]),
    );
  });

  it('rejects a non-object form', () => {
    expect(validateForm('t1', schema, 'x')).toEqual([{ field: 'form', message: 'must be object' }]);
  });

  it('compiles a schema once, however often the procedure is loaded again, and again when it changes', () => {
    const compile = jest.spyOn(Ajv2020.prototype, 'compile');
    try {
      for (let i = 0; i < 5; i++) expect(validateForm('t2', structuredClone(schema), { hoTen: 'A', ngaySinh: '2026-01-02', soBanSao: 1 })).toEqual([]);
      expect(compile).toHaveBeenCalledTimes(1);
      const stricter = { ...structuredClone(schema), required: [...schema.required, 'cha'] };
      expect(validateForm('t2', stricter, { hoTen: 'A', ngaySinh: '2026-01-02', soBanSao: 1 })).toEqual([{ field: 'form.cha', message: 'is required' }]);
      expect(compile).toHaveBeenCalledTimes(2);
    } finally {
      compile.mockRestore();
    }
  });
});
