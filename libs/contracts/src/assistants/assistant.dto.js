"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=assistant.dto.js.map