import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { PlatformRequest } from './request-context';

/** Rate limit per token subject (after authentication); anonymous requests count per IP. */
@Injectable()
export class TokenThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const r = req as unknown as PlatformRequest;
    return r.user ? `sub:${r.user.sub}` : `ip:${r.ip ?? 'unknown'}`;
  }
}
