"use strict";
// The envelope of every domain event on the JetStream stream: what the relay publishes and any consumer reads.
Object.defineProperty(exports, "__esModule", { value: true });
exports.isBusEventEnvelope = isBusEventEnvelope;
/** Whether a decoded message body has the envelope's fields (its data is checked by the event's contract). */
function isBusEventEnvelope(value) {
    const e = value;
    return (typeof e === 'object' &&
        e !== null &&
        typeof e.id === 'string' &&
        typeof e.streamId === 'string' &&
        typeof e.type === 'string' &&
        typeof e.revision === 'number' &&
        typeof e.position === 'number' &&
        typeof e.metadata === 'object');
}
//# sourceMappingURL=bus-event.js.map