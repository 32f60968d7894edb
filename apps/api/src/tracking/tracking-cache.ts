import { Injectable } from '@nestjs/common';
import { HttpConfig } from '@dvc/config';

const MAX_ENTRIES = 10_000;

/**
 * Public tracking answers kept for a few seconds (TRACKING_CACHE_SECONDS): kiosks and refreshing browsers ask for
 * the same dossier again and again, and the answer holds nothing personal. Only found dossiers are kept; the rate
 * limit runs before this, so guessing phone digits costs the same as ever.
 */
@Injectable()
export class TrackingCache {
  private readonly entries = new Map<string, { until: number; answer: unknown }>();

  constructor(private readonly http: HttpConfig) {}

  async get<T>(code: string, phone: string, load: () => Promise<T>): Promise<T> {
    const ttlMs = this.http.trackingCacheSeconds * 1000;
    if (ttlMs === 0) return load();
    const key = `${code}\u0000${phone}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.answer as T;
    const answer = await load();
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { until: now + ttlMs, answer });
    return answer;
  }
}
