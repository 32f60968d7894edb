import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { KoaContextWithOidc, Provider } from 'oidc-provider';
import { closeHttpServer, httpUrl, listenOn, readBody } from '@dvc/simulator-kit';
import { DEMO_IDENTITIES, findIdentity, identityClaims } from './demo-identities';
import { errorPage, loggedOutPage, loginPage, logoutPage } from './pages';
import { signingKeys } from './signing-keys';

/**
 * A stand-in for VNeID's sign-in: a real OpenID provider (oidc-provider), authorization code flow with PKCE (S256)
 * required, one confidential client, demo identities picked on a login page, RP-initiated logout.
 */
export interface VneidSimulatorOptions {
  /** 0 = an ephemeral port. */
  port?: number;
  host?: string;
  /** The issuer identifier; defaults to the server's own URL (set it when the simulator sits behind a proxy). */
  issuer?: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** Where jwks.json is kept; fresh keys per run without it. */
  keysDir?: string;
}

export interface VneidSimulator {
  start(): Promise<{ port: number; url: string; issuer: string }>;
  stop(): Promise<void>;
}

const SCOPES = ['openid', 'profile', 'phone', 'vneid'];
const CLAIMS = {
  openid: ['sub'],
  profile: ['name', 'birthdate', 'gender'],
  phone: ['phone_number', 'phone_number_verified'],
  vneid: ['id_number', 'tax_code', 'account_type', 'assurance_level'],
};

// oidc-provider is ESM-only; Node ≥ 20.19 loads it with require(), which is what this import compiles to.
const loadProvider = async (): Promise<typeof Provider> => (await import('oidc-provider')).default;

function providerConfiguration(options: VneidSimulatorOptions): Record<string, unknown> {
  return {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true, methods: ['S256'] },
    responseTypes: ['code'],
    scopes: SCOPES,
    claims: CLAIMS,
    // The relying party reads the identity from the id_token (as VNeID's partners do), not from userinfo.
    conformIdTokenClaims: false,
    jwks: signingKeys(options.keysDir),
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: { AuthorizationCode: 60, IdToken: 600, AccessToken: 600, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const identity = findIdentity(sub);
      return identity && { accountId: sub, claims: async () => identityClaims(identity) };
    },
    // The portal is the province's own service: the user is not asked to consent to each scope.
    async loadExistingGrant(ctx: KoaContextWithOidc) {
      const { client, session, result, provider } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return provider.Grant.find(grantId);
      const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].filter((s) => SCOPES.includes(s)).join(' '));
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOidc, form: string) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOidc) => {
          ctx.type = 'html';
          ctx.body = loggedOutPage();
        },
      },
    },
    renderError: async (ctx: KoaContextWithOidc, out: Record<string, unknown>) => {
      ctx.type = 'html';
      ctx.body = errorPage(out);
    },
  };
}

const send = (res: ServerResponse, status: number, type: string, body: string) => {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
};

export function createVneidSimulator(options: VneidSimulatorOptions): VneidSimulator {
  let provider: Provider | null = null;
  let handleOidc: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;

  const interaction = async (req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) => {
    const details = await provider!.interactionDetails(req, res);
    if (details.uid !== uid) return send(res, 400, 'text/html', errorPage({ error: 'Phiên đăng nhập không khớp.' }));
    const clientId = String(details.params.client_id ?? '');
    if (action !== 'login' || req.method !== 'POST') return send(res, 200, 'text/html', loginPage(uid, clientId));
    const sub = new URLSearchParams(await readBody(req, 16_384, () => new Error('too large'))).get('sub') ?? '';
    if (!findIdentity(sub)) return send(res, 400, 'text/html', loginPage(uid, clientId, 'Hãy chọn một tài khoản mẫu.'));
    await provider!.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') return send(res, 200, 'application/json', '{"status":"ok"}');
    if (path === '/identities') return send(res, 200, 'application/json', JSON.stringify(DEMO_IDENTITIES));
    const match = /^\/interaction\/([\w-]+)(?:\/(login))?$/.exec(path);
    if (match) {
      interaction(req, res, match[1], match[2]).catch((error: unknown) => {
        if (!res.headersSent) send(res, 400, 'text/html', errorPage({ error: 'Phiên đăng nhập đã hết hạn; hãy bắt đầu lại.', detail: (error as Error).name }));
      });
      return;
    }
    handleOidc!(req, res);
  };

  const server: Server = createServer(handle);
  return {
    async start() {
      const Provider = await loadProvider();
      const host = options.host ?? '127.0.0.1';
      const port = await listenOn(server, options.port ?? 0, host);
      const url = httpUrl(host, port);
      const issuer = options.issuer ?? url;
      provider = new Provider(issuer, providerConfiguration(options));
      handleOidc = provider.callback();
      return { port, url, issuer };
    },
    stop: () => closeHttpServer(server),
  };
}
