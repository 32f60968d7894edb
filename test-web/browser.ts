// Browser and system helpers for the journeys.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { WEB_TEST } from './env';

export const SCREENS = join(__dirname, '..', 'test-artifacts', 'screens');
export const BASE = WEB_TEST.baseUrl;

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

export async function openBrowser(): Promise<Browser> {
  mkdirSync(SCREENS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'dvc-web-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The browser of one describe block: opened before its tests, closed after them. `onPage` gets the page the tests
 * drive: one for the whole block, or with `pagePerTest` a new one before each test, closed after it.
 */
export function useBrowser(onPage: (page: Page) => void, { pagePerTest = false } = {}): { readonly context: BrowserContext } {
  let browser: Browser | undefined;
  let page: Page | undefined;
  const openPage = async () => {
    page = await browser!.context.newPage();
    onPage(page);
  };
  beforeAll(async () => {
    browser = await openBrowser();
    if (!pagePerTest) await openPage();
  });
  afterAll(async () => {
    await browser?.close();
  });
  if (pagePerTest) {
    beforeEach(openPage);
    afterEach(async () => {
      await page?.close();
    });
  }
  return {
    get context() {
      if (!browser) throw new Error('the browser opens in beforeAll');
      return browser.context;
    },
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

/** Waits until the text is visible (fails the test otherwise). */
export async function see(scope: Page | Locator, text: string | RegExp): Promise<Locator> {
  const l = scope.getByText(text).first();
  try {
    await l.waitFor({ state: 'visible' });
  } catch (e) {
    const page = 'page' in scope ? scope.page() : scope;
    const shown = await page
      .locator('main')
      .innerText()
      .catch(() => '(no page)');
    throw new Error(`${String(text)} is not visible on ${page.url()}; the page shows:\n${shown.slice(0, 1500)}\n${(e as Error).message}`);
  }
  return l;
}

export function randomPhone(): string {
  const prefixes = ['090', '091', '093', '094', '096', '097', '098'];
  return prefixes[Math.floor(Math.random() * prefixes.length)] + String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
}

/** A small well-formed PDF (one blank page, a cross-reference table), so that a result can carry the agency's signature. */
function minimalPdf(label: string): Buffer {
  const objects = ['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids[3 0 R]/Count 1>>', '<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>'];
  let body = `%PDF-1.4\n% ${label.replace(/[^\x20-\x7e]/g, '?')}\n`;
  const offsets = objects.map((object, i) => {
    const at = Buffer.byteLength(body);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export const PDF = (name: string) => ({ name, mimeType: 'application/pdf', buffer: minimalPdf(name) });

/** The OTP that the SMS-centre simulator received for the phone (0xxxxxxxxx). */
export async function otpFor(phone: string, after = 0): Promise<string> {
  const to = '84' + phone.slice(1);
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    const res = await fetch(`${WEB_TEST.smsInbox}/messages?to=${to}`);
    const list = (await res.json()) as { text: string; receivedAt: string }[];
    const found = list
      .filter((m) => Date.parse(m.receivedAt) >= after - 1000)
      .map((m) => /(\d{6})/.exec(m.text)?.[1])
      .filter(Boolean);
    if (found.length) return found[found.length - 1]!;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no OTP reached ${to}`);
}

async function json(path: string, body: unknown, token?: string, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(`${BASE}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
  const data = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(data)}`);
  return data;
}

/** A birth-registration dossier submitted straight through the API (for journeys that start at the desk). */
export async function submitDossierViaApi(phone: string): Promise<{ code: string; version: number; token: string }> {
  const t0 = Date.now();
  await json('/auth/citizens/otp', { phone });
  const { accessToken } = await json('/auth/citizens/verify', { phone, code: await otpFor(phone, t0) });
  const fd = new FormData();
  const pdf = PDF('giay-to.pdf');
  fd.append('file', new Blob([pdf.buffer], { type: 'application/pdf' }), pdf.name);
  const up = await fetch(`${BASE}/api/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` }, body: fd });
  const file = (await up.json()) as { id: string };
  const person = { hoTen: 'Trần Văn Hùng', ngaySinh: '1990-05-12', danToc: 'Kinh', quocTich: 'Việt Nam', noiCuTru: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội' };
  const dossier = await json(
    '/dossiers',
    {
      procedureCode: '1.001193',
      agencyCode: '001.35.22.H26',
      applicant: { fullName: 'Trần Văn Hùng', idNumber: '001090012345', phone, address: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội' },
      form: {
        cha: person,
        treEm: {
          hoTen: 'Trần Minh An',
          gioiTinh: 'Nam',
          ngaySinh: '2026-11-01',
          noiSinh: 'Bệnh viện Phụ sản Hà Nội',
          danToc: 'Kinh',
          quocTich: 'Việt Nam',
          queQuan: 'Hà Nội',
        },
        nguoiYeuCau: { hoTen: 'Trần Văn Hùng', soDinhDanh: '001090012345', quanHe: 'Cha', soDienThoai: phone, noiCuTru: person.noiCuTru },
      },
      components: ['TK', 'GCS', 'GTTT'].map((code) => ({ code, fileIds: [file.id] })),
    },
    accessToken,
    { 'Idempotency-Key': `web-test-${phone}-${t0}` },
  );
  return { code: dossier.code, version: dossier.version, token: accessToken };
}

export async function officerToken(username: string): Promise<string> {
  return (await officerLogin(username)).token;
}

export async function officerLogin(username: string): Promise<{ token: string; id: string }> {
  const r = await json('/auth/officers/login', { username, password: 'Demo@2026' });
  return { token: r.accessToken, id: r.officer.id };
}

/** POST /dossiers/{code}/{action} as an officer; returns the updated dossier. */
export async function act(token: string, code: string, action: string, body: Record<string, unknown>): Promise<any> {
  return json(`/dossiers/${code}/${action}`, body, token);
}

/** Signs the browser in as the citizen whose token the API helper obtained (a second OTP would hit the resend limit). */
export async function useCitizenToken(page: Page, token: string, phone: string): Promise<void> {
  await page.goto(`${BASE}/tra-cuu`);
  await page.evaluate(`localStorage.setItem('dvc.citizen', ${JSON.stringify(JSON.stringify({ token, phone: '84' + phone.slice(1) }))})`);
}

export async function officerSignIn(page: Page, username: string): Promise<void> {
  await page.goto(`${BASE}/mot-cua/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('Demo@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await see(page, 'Danh sách hồ sơ');
  await page.locator('table.worklist').waitFor();
  // The access token lives only in the HttpOnly cookie: no script on the page can read it.
  const visible = (await page.evaluate('JSON.stringify({ storage: { ...localStorage, ...sessionStorage }, cookies: document.cookie })')) as string;
  const cookies = await page.context().cookies();
  const sessionCookie = cookies.find((c) => c.name === 'dvc_officer_session');
  if (!sessionCookie?.httpOnly || sessionCookie.sameSite !== 'Strict')
    throw new Error(`no HttpOnly, SameSite=Strict session cookie: ${JSON.stringify(sessionCookie)}`);
  if (visible.includes(sessionCookie.value)) throw new Error('the officer access token is readable by the page');
}

/** Uploads a file through the API (an officer's result file, say); returns its id. */
export async function uploadViaApi(token: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<string> {
  const fd = new FormData();
  fd.append('file', new Blob([file.buffer], { type: file.mimeType }), file.name);
  const res = await fetch(`${BASE}/api/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: fd });
  const data = (await res.json()) as { id: string };
  if (!res.ok) throw new Error(`upload ${file.name}: ${res.status} ${JSON.stringify(data)}`);
  return data.id;
}

/** GET /api/v1{path} as JSON with a token. */
export async function getJson(path: string, token: string): Promise<any> {
  const res = await fetch(`${BASE}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  const data = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(data)}`);
  return data;
}
