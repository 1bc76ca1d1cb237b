/** The projections whose lag `/metrics`, `/api/v1/status` and `/health/ready` report (the relay included). */
export const OBSERVED_PROJECTIONS = Symbol('OBSERVED_PROJECTIONS');

/** Name of the Kafka relay's checkpoints (see `KafkaRelay`). */
export const RELAY_PROJECTION = 'kafka-relay';
