"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
__exportStar(require("./problem"), exports);
__exportStar(require("./common/envelope"), exports);
__exportStar(require("./common/schemas"), exports);
__exportStar(require("./assistants/assistant.schemas"), exports);
__exportStar(require("./assistants/assistant.dto"), exports);
__exportStar(require("./assistants/assistant.patterns"), exports);
__exportStar(require("./prompts/prompt.schemas"), exports);
__exportStar(require("./prompts/prompt.dto"), exports);
__exportStar(require("./prompts/prompt.patterns"), exports);
__exportStar(require("./common/operation"), exports);
__exportStar(require("./assistants/assistant.operations"), exports);
__exportStar(require("./prompts/prompt.operations"), exports);
__exportStar(require("./registry/services"), exports);
__exportStar(require("./common/event-contracts"), exports);
__exportStar(require("./assistants/events/assistant.events"), exports);
__exportStar(require("./assistants/events/prompt.events"), exports);
__exportStar(require("./assistants/events/assistants-event-contracts"), exports);
__exportStar(require("./common/bus-event"), exports);
//# sourceMappingURL=index.js.map