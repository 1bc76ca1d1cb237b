#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';

/**
 * Example downstream consumer of Kooperacja's integration events: reads the context topics,
 * drops redelivered events by `ce_id` and prints a running tally per macroregion.
 *
 *   KAFKA_BROKERS=127.0.0.1:19092 node examples/kafka-consumer/consumer.js --from-beginning
 *
 * Options: --brokers h:p[,h:p]  --prefix kooperacja  --topics t1,t2 (default: every shared
 * context topic of the prefix, major version 1)  --group id  --from-beginning
 * --exit-when-idle MS (print the final tally as JSON and exit after MS without a record).
 */
const { randomUUID } = require('node:crypto');
const { Kafka, logLevel } = require('kafkajs');
const { MacroregionTally } = require('./tally');

function options(argv) {
  const o = { fromBeginning: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--from-beginning') o.fromBeginning = true;
    else if (['--brokers', '--prefix', '--topics', '--group', '--exit-when-idle'].includes(a))
      o[a.slice(2)] = argv[++i];
    else throw new Error(`unknown option ${a}`);
  }
  o.brokers = (o.brokers || process.env.KAFKA_BROKERS || '127.0.0.1:19092').split(',');
  o.prefix = o.prefix || process.env.KAFKA_TOPIC_PREFIX || 'kooperacja';
  o.group = o.group || `tally-example-${randomUUID()}`;
  return o;
}

async function main() {
  const o = options(process.argv.slice(2));
  const kafka = new Kafka({ clientId: 'kooperacja-tally-example', brokers: o.brokers, logLevel: logLevel.ERROR });
  const prefix = o.prefix.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  const topics = o.topics ? o.topics.split(',') : [new RegExp(`^${prefix}\\.[a-z]+\\.v1$`)];
  const tally = new MacroregionTally();
  const consumer = kafka.consumer({ groupId: o.group });
  let lastRecord = Date.now();
  let joined = false;
  let printed = -1;
  consumer.on(consumer.events.GROUP_JOIN, () => {
    joined = true;
    lastRecord = Date.now();
  });

  const print = () => {
    if (tally.total + tally.duplicates === printed) return;
    printed = tally.total + tally.duplicates;
    console.log(`--- ${tally.total} events, ${tally.duplicates} redelivered and dropped by ce_id`);
    for (const line of tally.lines()) console.log(line);
  };
  const stop = async (code) => {
    clearInterval(timer);
    await consumer.disconnect().catch(() => undefined);
    process.exit(code);
  };
  const timer = setInterval(() => {
    print();
    if (o['exit-when-idle'] && joined && Date.now() - lastRecord > Number(o['exit-when-idle'])) {
      console.log(JSON.stringify({ total: tally.total, duplicates: tally.duplicates, tally: tally.toJSON() }));
      void stop(0);
    }
  }, 500);

  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: o.fromBeginning });
  await consumer.run({
    eachMessage: async ({ message }) => {
      lastRecord = Date.now();
      tally.accept(message);
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void stop(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
