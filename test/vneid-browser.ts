/** A browser enough for OpenID redirects: follows nothing by itself, keeps cookies per host. */
export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  async get(url: string): Promise<Response> {
    return this.send(url, { method: 'GET' });
  }

  async postForm(url: string, form: Record<string, string>): Promise<Response> {
    return this.send(url, { method: 'POST', body: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** Follows redirects while they stay off `stopAt` (an origin); the last answer and its URL. */
  async follow(url: string, stopAt: string, first?: Response): Promise<{ url: string; response: Response }> {
    let current = url;
    let response = first ?? (await this.get(url));
    for (let hops = 0; hops < 10 && response.status >= 300 && response.status < 400; hops++) {
      const next = new URL(response.headers.get('location')!, current).href;
      if (next.startsWith(stopAt)) return { url: next, response };
      current = next;
      response = await this.get(current);
    }
    return { url: current, response };
  }

  /** The Cookie header this browser sends to the origin of `url`. */
  cookieHeader(url: string): string {
    return [...(this.jar.get(new URL(url).host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    const host = new URL(url).host;
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(host, cookies);
    return response;
  }
}
