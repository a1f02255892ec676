import { randomBytes } from 'node:crypto';
import type { CredentialRegistry, MemberRecord, TokenRecord } from '../credentials';
import type { TokenInfo, TokenStatus } from '../types';

/** LinkedIn's access tokens last 60 days. */
export const TOKEN_LIFETIME_SECONDS = 60 * 24 * 60 * 60;
/** An authorization code must be exchanged within 30 minutes, once. */
export const CODE_LIFETIME_MS = 30 * 60 * 1000;
/** A consent page left open longer than this no longer counts. */
export const CONSENT_LIFETIME_MS = 30 * 60 * 1000;

/** An authorization request shown on the consent page, waiting for Allow or Cancel. */
export interface Consent {
  id: string;
  clientId: string;
  redirectUri: string;
  /** As sent; null when the request had none (then the redirect carries none either). */
  state: string | null;
  scopes: string[];
  at: number;
}

interface Code {
  clientId: string;
  redirectUri: string;
  sub: string;
  scopes: string[];
  at: number;
  used: boolean;
}

/** LinkedIn-like opaque strings (its tokens and codes start with "AQ"). */
const opaque = (bytes: number): string => `AQ${randomBytes(bytes).toString('base64url')}`;

/**
 * What sign-in and the control interface change about LinkedIn credentials: tokens issued by
 * the code exchange (or minted by a test), tokens switched to expired or revoked, open consent
 * pages and unused codes. Reset forgets all of it; the seeded tokens stay.
 */
export class LinkedInAuth {
  private readonly issued = new Map<string, TokenRecord>();
  private readonly forced = new Map<string, Exclude<TokenStatus, 'active'>>();
  /** New expiry times of tokens switched back to active after their time ran out. */
  private readonly renewed = new Map<string, number>();
  private readonly consents = new Map<string, Consent>();
  private readonly codes = new Map<string, Code>();

  constructor(
    private readonly registry: CredentialRegistry,
    private readonly now: () => number,
  ) {}

  /** A seeded or issued token, whatever its status. */
  lookup(token: string): TokenRecord | undefined {
    return this.registry.tokenRecord(token) ?? this.issued.get(token);
  }

  expiresAtOf(record: TokenRecord): number | null {
    return this.renewed.get(record.token) ?? record.expiresAt;
  }

  statusOf(record: TokenRecord): TokenStatus {
    const forced = this.forced.get(record.token);
    if (forced) return forced;
    const expiresAt = this.expiresAtOf(record);
    return expiresAt !== null && this.now() >= expiresAt ? 'expired' : 'active';
  }

  info(record: TokenRecord): TokenInfo {
    const { token, sub, actor, scopes } = record;
    return {
      token,
      sub,
      actor,
      scopes: [...scopes],
      expiresAt: this.expiresAtOf(record),
      status: this.statusOf(record),
    };
  }

  /** A new token for a member; `expiresInSeconds` null for one that never expires. */
  issue(member: MemberRecord, scopes: string[], expiresInSeconds: number | null): TokenRecord {
    const record: TokenRecord = {
      ...member,
      token: opaque(48),
      scopes: [...scopes],
      expiresAt: expiresInSeconds === null ? null : this.now() + expiresInSeconds * 1000,
    };
    this.issued.set(record.token, record);
    return record;
  }

  /**
   * expired or revoked: answered 401 from now on. active: the switch is lifted; a token whose
   * time has run out also gets another 60 days.
   */
  setStatus(token: string, status: TokenStatus): TokenRecord | undefined {
    const record = this.lookup(token);
    if (!record) return undefined;
    if (status !== 'active') {
      this.forced.set(token, status);
      return record;
    }
    this.forced.delete(token);
    const expiresAt = this.expiresAtOf(record);
    if (expiresAt !== null && this.now() >= expiresAt) {
      this.renewed.set(token, this.now() + TOKEN_LIFETIME_SECONDS * 1000);
    }
    return record;
  }

  openConsent(request: Omit<Consent, 'id' | 'at'>): Consent {
    const consent = { ...request, id: randomBytes(16).toString('hex'), at: this.now() };
    this.consents.set(consent.id, consent);
    return consent;
  }

  /** An open consent, which Allow or Cancel closes; undefined if unknown or too old. */
  takeConsent(id: string): Consent | undefined {
    const consent = this.consents.get(id);
    this.consents.delete(id);
    return consent && this.now() - consent.at <= CONSENT_LIFETIME_MS ? consent : undefined;
  }

  issueCode(consent: Consent, sub: string): string {
    const code = opaque(64);
    this.codes.set(code, {
      clientId: consent.clientId,
      redirectUri: consent.redirectUri,
      sub,
      scopes: consent.scopes,
      at: this.now(),
      used: false,
    });
    return code;
  }

  /**
   * The code's grant, spent by this call. A problem is a sentence for `error_description`: an
   * unknown, used or expired code, or one issued to another app or redirect URL.
   */
  redeemCode(
    code: string,
    clientId: string,
    redirectUri: string,
  ): { ok: true; sub: string; scopes: string[] } | { ok: false; problem: string } {
    const grant = this.codes.get(code);
    if (!grant) return { ok: false, problem: 'The authorization code is not valid' };
    if (grant.used) return { ok: false, problem: 'The authorization code was already used' };
    if (this.now() - grant.at > CODE_LIFETIME_MS) {
      return { ok: false, problem: 'The authorization code expired' };
    }
    if (grant.clientId !== clientId || grant.redirectUri !== redirectUri) {
      return {
        ok: false,
        problem: 'The client id or redirect_uri does not match the authorization code',
      };
    }
    grant.used = true;
    return { ok: true, sub: grant.sub, scopes: grant.scopes };
  }

  reset(): void {
    this.issued.clear();
    this.forced.clear();
    this.renewed.clear();
    this.consents.clear();
    this.codes.clear();
  }
}
