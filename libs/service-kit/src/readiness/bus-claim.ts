import { healthPattern, type ServiceHealth } from '@platform/contracts';
import { BusClaimedError, connectNats, rpcChannel, rpcSubject, type BusIdentity } from '@platform/messaging';
import { randomUUID } from 'node:crypto';
import { JSONCodec } from 'nats';

const codec = JSONCodec<{ response?: ServiceHealth }>();

/**
 * Before a service joins its queue group: asks whoever answers its health subject which installation it is.
 * An instance of another installation on the same prefix would take half of our requests (and we half of
 * theirs), so starting is refused with the reason. Nobody answering, or an instance of ours, is fine.
 */
export async function assertBusIsOurs(service: string, identity: BusIdentity): Promise<void> {
  const nc = await connectNats({ name: `${service}-bus-claim`, maxReconnectAttempts: 0 });
  try {
    const request = {
      pattern: rpcChannel(healthPattern(service)),
      id: randomUUID(),
      data: { meta: { actorId: service, requestId: 'bus-claim', correlationId: 'bus-claim' }, body: {} },
    };
    const answer = await nc
      .request(rpcSubject(healthPattern(service), identity.prefix), JSONCodec().encode(request), { timeout: 1500 })
      .then((msg) => codec.decode(msg.data).response)
      .catch(() => undefined); // no responders or no answer: nobody else is here
    const other = answer?.installation;
    if (other && other !== identity.installationId) {
      throw new BusClaimedError(identity.prefix, other, identity.installationId);
    }
  } finally {
    await nc.close();
  }
}
