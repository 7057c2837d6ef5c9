"use strict";
// What the gateway sends with every request over the bus: who acts, how to correlate, how to be idempotent.
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=envelope.js.map