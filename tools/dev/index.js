// The dev tools' shared modules, for TypeScript tests (as @platform/dev) and .mjs tools alike.
module.exports = { ...require('./platform-apps'), ...require('./isolation') };
