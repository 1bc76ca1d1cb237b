import { Injectable } from '@nestjs/common';

/**
 * Set when the process was told to stop: readiness turns 503 so load balancers stop sending
 * requests, while the requests already sent are still served (see apps/api/src/main.ts).
 */
@Injectable()
export class Draining {
  active = false;
}
