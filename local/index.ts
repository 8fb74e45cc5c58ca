// The local mode's public face: `npm start` is local/start.ts; tests start the same stack here.
export { startLocalStack, defaultLocalPorts, DEFAULT_RECEIVER_PORT, type LocalStack, type LocalStackOptions, type LocalStackUrls } from "./local-stack.js";
export { defaultLocalProfile, localStackInput, type LocalPorts, type LocalProfile } from "./profile.js";
export { testProfile, TEST_SPEED, TEST_RATE_WINDOW } from "./test-profile.js";
export { synthesizeStack, type SynthesizedStack, type ContainerCommand } from "./synth.js";
export { layOutUploads } from "./layout.js";
export { startWebhookReceiver, type WebhookReceiver, type Notification, type NotifiedAlert, type AlertStatus } from "./webhook-receiver.js";
export { notificationText } from "./notification-text.js";
export { ManagedProcess, describeExit, type ExitStatus } from "./managed-process.js";
export { selectPorts, freePortFrom, LOOPBACK } from "./ports.js";
export { binary, type Binary } from "./binaries.js";
