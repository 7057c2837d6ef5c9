"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=prompt.dto.js.map