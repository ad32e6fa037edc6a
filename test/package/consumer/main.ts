/** The Node.js entry of the consumer: runs the samples (client against DIXA_BASE_URL, testing, webhooks, otel), prints a summary. */
import { runOtelSample } from "./otel.js";
import { runSample } from "./sample.js";
import { runTestingSample } from "./testing-sample.js";
import { runWebhookSample } from "./webhooks.js";

const baseUrl = process.env["DIXA_BASE_URL"];
if (!baseUrl) throw new Error("set DIXA_BASE_URL");
console.log(
  JSON.stringify({
    ...(await runSample(baseUrl)),
    ...(await runTestingSample()),
    webhooks: await runWebhookSample(),
    otel: await runOtelSample(),
  }),
);
