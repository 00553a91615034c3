// Sends errors, a message and a transaction to the DSN in SENTRY_DSN with the official Node SDK, then flushes.
const Sentry = require("@sentry/node");

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  environment: "test",
  release: "shop@2.0.0",
  tracesSampleRate: 1.0,
  integrations: [],
});

function parseConfig(text) {
  return JSON.parse(text);
}

async function main() {
  Sentry.setUser({ id: "node-user-1", email: "node@example.com" });
  Sentry.setTag("checkout", "node");
  Sentry.addBreadcrumb({ category: "cart", message: "added item 42", level: "info" });
  try {
    parseConfig("{not json");
  } catch (error) {
    Sentry.captureException(error);
  }
  Sentry.captureMessage("hello from node", "warning");
  await Sentry.startSpan({ name: "GET /checkout", op: "http.server" }, async () => {
    await Sentry.startSpan({ name: "load cart", op: "db.query" }, () => new Promise((r) => setTimeout(r, 20)));
  });
  await Sentry.flush(10000);
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
