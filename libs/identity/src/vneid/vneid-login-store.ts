import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisConfig } from '@dvc/config';
import { DomainError, DomainErrorCode } from '@dvc/core';
import { InjectRedis } from '@dvc/redis';
import { citizenSessionKey } from '../token.service';

/** What a started sign-in keeps until the provider answers: never sent to the browser but `state`. */
export interface PendingLogin {
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  /** Hash of the login cookie of the browser that started it (vneid-login-cookie.ts). */
  browser: string;
}

const TICKET_TTL_SECONDS = 60;

/**
 * Short-lived, single-use records of the VNeID sign-in in Redis: the pending login (by `state`), the ticket the
 * portal trades for its token, and the live session (its id_token, for the sign-out). Taking is GETDEL, so two
 * callbacks with one `state` can never both succeed.
 */
@Injectable()
export class VneidLoginStore {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: RedisConfig,
  ) {}

  putLogin(state: string, login: PendingLogin, ttlSeconds: number): Promise<unknown> {
    return this.guard(() => this.redis.set(this.key('login', state), JSON.stringify(login), 'EX', ttlSeconds));
  }

  async takeLogin(state: string): Promise<PendingLogin | null> {
    const raw = await this.guard(() => this.redis.getdel(this.key('login', state)));
    return raw ? (JSON.parse(raw) as PendingLogin) : null;
  }

  putTicket(ticket: string, value: object): Promise<unknown> {
    return this.guard(() => this.redis.set(this.key('ticket', ticket), JSON.stringify(value), 'EX', TICKET_TTL_SECONDS));
  }

  async takeTicket<T>(ticket: string): Promise<T | null> {
    const raw = await this.guard(() => this.redis.getdel(this.key('ticket', ticket)));
    return raw ? (JSON.parse(raw) as T) : null;
  }

  putSession(sessionId: string, idToken: string, ttlSeconds: number): Promise<unknown> {
    return this.guard(() => this.redis.set(citizenSessionKey(this.config.prefix, sessionId), idToken, 'EX', ttlSeconds));
  }

  takeSession(sessionId: string): Promise<string | null> {
    return this.guard(() => this.redis.getdel(citizenSessionKey(this.config.prefix, sessionId)));
  }

  private key(kind: string, id: string) {
    return `${this.config.prefix}:vneid:${kind}:${id}`;
  }

  private async guard<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch {
      throw new DomainError(DomainErrorCode.Unavailable, 'The sign-in cannot be handled right now; try again shortly.');
    }
  }
}
