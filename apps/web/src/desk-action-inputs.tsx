// What each desk action asks for in its confirmation dialog, and the input that asks it.
type Input = {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'select' | 'number' | 'datetime' | 'components' | 'agency' | 'officer' | 'file';
  required?: boolean;
  options?: [string, string][];
  min?: number;
};
export const ACTION_INPUTS: Record<string, Input[]> = {
  accept: [{ name: 'note', label: 'Ghi chú (nếu có)', kind: 'textarea' }],
  request_supplement: [
    { name: 'reason', label: 'Lý do, nội dung cần bổ sung', kind: 'textarea', required: true, min: 3 },
    { name: 'components', label: 'Giấy tờ cần bổ sung', kind: 'components', required: true },
  ],
  refuse: [{ name: 'reason', label: 'Lý do từ chối', kind: 'textarea', required: true, min: 3 }],
  assign: [
    { name: 'officerId', label: 'Chuyển cho chuyên viên', kind: 'officer', required: true },
    { name: 'note', label: 'Ghi chú (nếu có)', kind: 'textarea' },
  ],
  transfer: [
    { name: 'toAgencyCode', label: 'Chuyển đến cơ quan', kind: 'agency', required: true },
    { name: 'note', label: 'Ghi chú (nếu có)', kind: 'textarea' },
  ],
  propose: [
    {
      name: 'outcome',
      label: 'Đề xuất',
      kind: 'select',
      required: true,
      options: [
        ['grant', 'Giải quyết (cấp kết quả)'],
        ['deny', 'Không giải quyết'],
      ],
    },
    { name: 'note', label: 'Nội dung đề xuất', kind: 'textarea', required: true, min: 3 },
    { name: 'resultFileIds', label: 'Tệp kết quả (nếu có)', kind: 'file' },
  ],
  approve: [{ name: 'note', label: 'Ghi chú (nếu có)', kind: 'textarea' }],
  send_back: [{ name: 'reason', label: 'Lý do trả lại', kind: 'textarea', required: true, min: 3 }],
  request_payment: [
    { name: 'amount', label: 'Số tiền (đồng; để trống = lệ phí theo thủ tục)', kind: 'number' },
    { name: 'note', label: 'Ghi chú (nếu có)', kind: 'textarea' },
  ],
  extend: [
    { name: 'reason', label: 'Lý do gia hạn (in trên phiếu xin lỗi)', kind: 'textarea', required: true, min: 3 },
    { name: 'newDueAt', label: 'Hạn mới', kind: 'datetime', required: true },
  ],
  return_result: [
    {
      name: 'method',
      label: 'Hình thức trả kết quả',
      kind: 'select',
      required: true,
      options: [
        ['desk', 'Tại Bộ phận Một cửa'],
        ['post', 'Qua bưu chính'],
        ['online', 'Trực tuyến'],
      ],
    },
    { name: 'postalItemNumber', label: 'Số hiệu bưu gửi (khi trả qua bưu chính, ví dụ EE123456785VN)', kind: 'text' },
    { name: 'note', label: 'Ghi chú (nếu có)', kind: 'textarea' },
  ],
};

export const DOCUMENTS: [string, string][] = [
  ['receipt', 'Giấy tiếp nhận (Mẫu 01)'],
  ['control-slip', 'Phiếu kiểm soát'],
  ['supplement-request', 'Phiếu yêu cầu bổ sung'],
  ['refusal', 'Phiếu từ chối'],
  ['apology', 'Phiếu xin lỗi, hẹn lại'],
];

/** One input of an action's confirmation dialog, by its kind. */
export function ActionInputField({
  input: i,
  values,
  set,
  agencies,
  currentAgencyCode,
  specialists,
  specialistsError,
  components,
  onResultFiles,
}: {
  input: Input;
  values: Record<string, any>;
  set: (name: string, value: any) => void;
  agencies: any[];
  currentAgencyCode: string;
  specialists: any[] | null;
  specialistsError: string;
  components: any[];
  onResultFiles: (list: FileList | null) => void;
}) {
  const id = `act-${i.name}`;
  const lbl = (
    <label htmlFor={id}>
      {i.label}
      {i.required && <span className="req"> *</span>}
    </label>
  );
  if (i.kind === 'textarea')
    return (
      <div className="field">
        {lbl}
        <textarea id={id} rows={3} value={values[i.name] ?? ''} onChange={(e) => set(i.name, e.target.value)} />
      </div>
    );
  if (i.kind === 'select')
    return (
      <div className="field">
        {lbl}
        <select id={id} value={values[i.name] ?? ''} onChange={(e) => set(i.name, e.target.value)}>
          {i.options!.map(([k, l]) => (
            <option key={k} value={k}>
              {l}
            </option>
          ))}
        </select>
      </div>
    );
  if (i.kind === 'number')
    return (
      <div className="field">
        {lbl}
        <input id={id} type="number" min={1} value={values[i.name] ?? ''} onChange={(e) => set(i.name, e.target.value)} />
      </div>
    );
  if (i.kind === 'datetime')
    return (
      <div className="field">
        {lbl}
        <input id={id} type="datetime-local" value={values[i.name] ?? ''} onChange={(e) => set(i.name, e.target.value)} />
      </div>
    );
  if (i.kind === 'agency')
    return (
      <div className="field">
        {lbl}
        <select id={id} value={values[i.name] ?? ''} onChange={(e) => set(i.name, e.target.value)}>
          <option value="">— Chọn —</option>
          {agencies
            .filter((a) => a.code !== currentAgencyCode)
            .map((a) => (
              <option key={a.code} value={a.code}>
                {a.name} ({a.code})
              </option>
            ))}
        </select>
      </div>
    );
  if (i.kind === 'officer')
    return (
      <div className="field">
        {lbl}
        <select
          id={id}
          value={values[i.name] ?? ''}
          onChange={(e) => set(i.name, e.target.value)}
          aria-busy={!specialists && !specialistsError}
          required={i.required}
        >
          <option value="">{specialists ? (specialists.length ? '— Chọn chuyên viên —' : 'Không có chuyên viên nào') : 'Đang tải danh sách…'}</option>
          {(specialists ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.fullName} ({o.username})
            </option>
          ))}
        </select>
      </div>
    );
  if (i.kind === 'components')
    return (
      <fieldset className="fieldset">
        <legend>{i.label} *</legend>
        {components.map((c: any) => (
          <div key={c.code} className="field-check">
            <input
              type="checkbox"
              id={`miss-${c.code}`}
              checked={(values.components ?? []).includes(c.code)}
              onChange={(e) =>
                set('components', e.target.checked ? [...(values.components ?? []), c.code] : (values.components ?? []).filter((x: string) => x !== c.code))
              }
            />
            <label htmlFor={`miss-${c.code}`}>{c.name}</label>
          </div>
        ))}
      </fieldset>
    );
  if (i.kind === 'file')
    return (
      <div className="field">
        {lbl}
        <input id={id} type="file" multiple accept="application/pdf,image/jpeg,image/png" onChange={(e) => onResultFiles(e.target.files)} />
        {(values.resultFileIds ?? []).length > 0 && <p className="ok">Đã tải lên {values.resultFileIds.length} tệp.</p>}
      </div>
    );
  return (
    <div className="field">
      {lbl}
      <input id={id} value={values[i.name] ?? ''} onChange={(e) => set(i.name, e.target.value)} />
    </div>
  );
}
