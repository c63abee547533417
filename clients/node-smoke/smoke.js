'use strict';
// An unmodified rsocket-js client, the library Haven's web and mobile apps are built on, talking to
// Haven the way they do: JSON data, composite metadata with routing, and the bearer token in the
// setup frame. For each transport it opens the recipient's inbox, sends a message as the sender
// with a request-response, and waits for the message to arrive on the inbox.
//
// Environment: HAVEN_HOST, HAVEN_TCP_PORT, HAVEN_HTTP_PORT, HAVEN_SENDER_TOKEN,
// HAVEN_RECIPIENT_TOKEN, HAVEN_CONVERSATION. Prints one JSON line per transport; exits 0 when
// both worked.
const {
  RSocketClient, BufferEncoders, encodeCompositeMetadata, encodeRoute, encodeBearerAuthMetadata,
  MESSAGE_RSOCKET_COMPOSITE_METADATA, MESSAGE_RSOCKET_ROUTING, MESSAGE_RSOCKET_AUTHENTICATION,
} = require('rsocket-core');
const RSocketTcpClient = require('rsocket-tcp-client').default;
const RSocketWebSocketClient = require('rsocket-websocket-client').default;
const WebSocket = require('ws');

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
};
const host = env('HAVEN_HOST');
const conversation = env('HAVEN_CONVERSATION');
const TIMEOUT_MS = 15000;

function transportFor(kind) {
  return kind === 'tcp'
    ? new RSocketTcpClient({ host, port: Number(env('HAVEN_TCP_PORT')) }, BufferEncoders)
    : new RSocketWebSocketClient({
      url: `ws://${host}:${env('HAVEN_HTTP_PORT')}/rsocket`,
      wsCreator: (url) => new WebSocket(url),
    }, BufferEncoders);
}

function connect(kind, token) {
  return new RSocketClient({
    setup: {
      keepAlive: 30000,
      lifetime: 90000,
      dataMimeType: 'application/json',
      metadataMimeType: MESSAGE_RSOCKET_COMPOSITE_METADATA.string,
      payload: {
        data: null,
        metadata: encodeCompositeMetadata([[MESSAGE_RSOCKET_AUTHENTICATION, encodeBearerAuthMetadata(token)]]),
      },
    },
    transport: transportFor(kind),
  }).connect();
}

const routed = (route, body) => ({
  data: Buffer.from(JSON.stringify(body)),
  metadata: encodeCompositeMetadata([[MESSAGE_RSOCKET_ROUTING, encodeRoute(route)]]),
});

async function smoke(kind) {
  const recipient = await connect(kind, env('HAVEN_RECIPIENT_TOKEN'));
  const sender = await connect(kind, env('HAVEN_SENDER_TOKEN'));
  const content = `hello from rsocket-js over ${kind}`;
  try {
    const arrived = new Promise((resolve, reject) => {
      recipient.requestStream(routed('inbox', {})).subscribe({
        onSubscribe: (subscription) => subscription.request(2147483647),
        onNext: (payload) => {
          const event = JSON.parse(payload.data.toString('utf8'));
          if (event.type === 'MESSAGE_SENT' && event.payload.content === content) {
            resolve(event);
          }
        },
        onError: reject,
      });
    });
    // the inbox is live once the server has subscribed it; give the request a moment to land
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stored = await new Promise((resolve, reject) => {
      sender.requestResponse(routed(`conversations.${conversation}.send`, { content, type: 'TEXT' })).subscribe({
        onComplete: (payload) => resolve(JSON.parse(payload.data.toString('utf8'))),
        onError: reject,
      });
    });
    const event = await arrived;
    console.log(JSON.stringify({
      transport: kind, sent: stored.id, received: event.payload.id, cursor: Boolean(event.cursor),
    }));
  } finally {
    recipient.close();
    sender.close();
  }
}

const timeout = setTimeout(() => {
  console.error(`no answer within ${TIMEOUT_MS} ms`);
  process.exit(1);
}, TIMEOUT_MS);

(async () => {
  await smoke('tcp');
  await smoke('websocket');
  clearTimeout(timeout);
  process.exit(0);
})().catch((error) => {
  console.error(`failed: ${error && error.message ? error.message : error}`);
  process.exit(1);
});
