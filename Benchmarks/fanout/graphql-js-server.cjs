'use strict';
// The fan-out benchmark's peer: graphql-js 16 and ws 8 (Debian's node-graphql and
// node-ws) serving the subset of Switchboard's schema that the load client drives, with
// the same routes, JWT auth and graphql-transport-ws close codes. CommonJS on purpose:
// Node's ES module resolution ignores NODE_PATH, where Debian installs both packages.
//
//     NODE_PATH=/usr/share/nodejs node graphql-js-server.cjs --port P --secret S
const http = require('http');
const crypto = require('crypto');
const { buildSchema, parse, validate, execute, subscribe, getOperationAST, GraphQLError } = require('graphql');
const { WebSocketServer } = require('ws');

const args = process.argv.slice(2);
const option = (name) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const port = Number(option('port'));
const secret = option('secret');
if (!Number.isInteger(port) || !secret) {
  console.error('usage: node graphql-js-server.cjs --port P --secret S');
  process.exit(2);
}

const schema = buildSchema(`
  type Query { health: String! }
  enum NotificationType { MENTION COMMENT SYSTEM }
  input NotificationAudience { userId: ID userIds: [ID!] }
  input SendNotificationInput { to: NotificationAudience! type: NotificationType! title: String! body: String }
  type Notification { id: ID! type: NotificationType! title: String! body: String createdAt: String! read: Boolean! }
  type SendNotificationPayload { recipientCount: Int! notifications: [Notification!]! }
  type Mutation { sendNotification(input: SendNotificationInput!): SendNotificationPayload! }
  type Subscription { notificationAdded: Notification! }
`);

// --- JWT (HS256): returns {userId, roles} or throws AuthError ---------------------------

class AuthError extends Error {}
const decode = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

function verifyToken(token) {
  if (typeof token !== 'string' || token === '') throw new AuthError('Missing bearer token');
  const [head, body, signature, extra] = token.split('.');
  let header, claims;
  try {
    if (signature === undefined || extra !== undefined) throw new Error();
    [header, claims] = [decode(head), decode(body)];
  } catch {
    throw new AuthError('Malformed token');
  }
  // Only HS256: a token naming another algorithm (or "none") is refused outright.
  if (header?.alg !== 'HS256') throw new AuthError('Unsupported algorithm');
  const expected = crypto.createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    throw new AuthError('Invalid signature');
  }
  // exp is optional here, but when present it must be a number of seconds still ahead.
  if (claims?.exp !== undefined && !(typeof claims.exp === 'number' && Date.now() / 1000 < claims.exp)) {
    throw new AuthError('Token expired');
  }
  if (typeof claims?.sub !== 'string' || claims.sub === '') throw new AuthError('Missing sub claim');
  const roles = Array.isArray(claims.roles) ? claims.roles : [claims.role];
  return { userId: claims.sub, roles: new Set(roles.filter((role) => typeof role === 'string')) };
}
const bearer = (value) => (typeof value === 'string' && value.startsWith('Bearer ') ? value.slice(7).trim() : undefined);

// --- In-memory pub/sub: Map<userId, Set<Queue>> ------------------------------------------

const subscribers = new Map();

// One subscriber's events as an async iterator: a waiting next() gets the event at once,
// otherwise it is buffered. return() (client complete, socket closed) unsubscribes.
class Queue {
  constructor(userId) {
    Object.assign(this, { userId, buffer: [], waiting: null, done: false });
    if (!subscribers.has(userId)) subscribers.set(userId, new Set());
    subscribers.get(userId).add(this);
  }
  push(value) {
    if (!this.waiting) return void this.buffer.push(value);
    const resolve = this.waiting;
    this.waiting = null;
    resolve({ value, done: false });
  }
  next() {
    if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift(), done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => { this.waiting = resolve; });
  }
  return() {
    if (!this.done) {
      this.done = true;
      this.buffer = [];
      const set = subscribers.get(this.userId);
      set.delete(this);
      if (set.size === 0) subscribers.delete(this.userId);
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }
  [Symbol.asyncIterator]() { return this; }
}

// --- Resolvers, attached to the built schema's fields ------------------------------------

schema.getQueryType().getFields().health.resolve = () => 'ok';

schema.getMutationType().getFields().sendNotification.resolve = (_, { input }, context) => {
  if (!context.roles.has('admin') && !context.roles.has('system')) {
    throw new GraphQLError('sendNotification requires the admin or system role', { extensions: { code: 'FORBIDDEN' } });
  }
  // Like Switchboard's @oneOf audience: exactly one of userId and userIds, ids deduplicated.
  const { userId, userIds } = input.to;
  if ((userId == null) === (userIds == null) || userIds?.length === 0) {
    throw new GraphQLError('input.to must give exactly one of userId or a non-empty userIds',
      { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const recipients = userIds ? [...new Set(userIds)] : [userId];
  const notifications = recipients.map((recipient) => {
    const notification = {
      id: crypto.randomUUID(), type: input.type, title: input.title, body: input.body ?? null,
      createdAt: new Date().toISOString(), read: false,
    };
    for (const queue of subscribers.get(recipient) ?? []) queue.push(notification);
    return notification;
  });
  return { recipientCount: recipients.length, notifications };
};

const notificationAdded = schema.getSubscriptionType().getFields().notificationAdded;
notificationAdded.subscribe = (_, __, context) => {
  if (!context?.userId) throw new GraphQLError('Not authenticated', { extensions: { code: 'UNAUTHENTICATED' } });
  return new Queue(context.userId);
};
notificationAdded.resolve = (notification) => notification;

// Parsed and validated documents are cached by query text, as production graphql-js
// servers do (a parser cache); the cache is dropped whole when it grows past its cap.
const documents = new Map();
function prepare(query) {
  let entry = documents.get(query);
  if (!entry) {
    try {
      const document = parse(query);
      const errors = validate(schema, document);
      entry = errors.length > 0 ? { errors } : { document };
    } catch (error) {
      entry = { errors: [error] };
    }
    if (documents.size >= 1000) documents.clear();
    documents.set(query, entry);
  }
  return entry;
}

// --- HTTP: GET /health, POST /graphql ------------------------------------------------------

const reply = (res, status, value) =>
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
const refusal = (message, code) => ({ errors: [{ message, extensions: code && { code } }] });

async function serveGraphQL(req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  let context, request;
  try {
    context = verifyToken(bearer(req.headers.authorization));
  } catch (error) {
    res.setHeader('WWW-Authenticate', 'Bearer');
    return reply(res, 401, refusal(error.message, 'UNAUTHENTICATED'));
  }
  try {
    request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return reply(res, 400, refusal('The body is not valid JSON.'));
  }
  if (typeof request?.query !== 'string') return reply(res, 400, refusal('The body has no query.'));
  const { document, errors } = prepare(request.query);
  if (errors) return reply(res, 200, { errors });
  if (getOperationAST(document, request.operationName)?.operation === 'subscription') {
    return reply(res, 200, refusal('Subscriptions are served over WebSocket on /graphql (graphql-transport-ws).'));
  }
  const { variables: variableValues, operationName } = request;
  reply(res, 200, await execute({ schema, document, contextValue: context, variableValues, operationName }));
}

const server = http.createServer((req, res) => {
  const path = req.url.split('?')[0];
  if (req.method === 'GET' && path === '/health') return reply(res, 200, { status: 'alive' });
  if (req.method !== 'POST' || path !== '/graphql') return reply(res, 404, refusal('Not found'));
  serveGraphQL(req, res).catch((error) => reply(res, 500, refusal(String(error?.message))));
});
// The load client keeps one connection and may wait up to its event timeout (10 s)
// between mutations; Node's default 5 s keep-alive would close it under the client.
server.keepAliveTimeout = 65_000;

// --- WebSocket on /graphql: graphql-transport-ws ----------------------------------------

const PROTOCOL = 'graphql-transport-ws';
// A client offering no known subprotocol is upgraded anyway and closed with 4406, as
// Switchboard does, so it learns why.
const handleProtocols = (offered) => (offered.has(PROTOCOL) ? PROTOCOL : false);
const wss = new WebSocketServer({ server, path: '/graphql', handleProtocols });

wss.on('connection', (socket) => {
  if (socket.protocol !== PROTOCOL) return socket.close(4406, 'Subprotocol not acceptable');
  let context = null; // the caller, once connection_init is verified
  let initialised = false;
  const operations = new Map(); // id -> iterator, or null while it is being set up
  const send = (message) => socket.send(JSON.stringify(message));
  const initTimer = setTimeout(() => context || socket.close(4408, 'Connection initialisation timeout'), 10_000);

  async function start(id, { query, variables: variableValues, operationName }) {
    const { document, errors } = prepare(query);
    const input = { schema, document, contextValue: context, variableValues, operationName };
    let result = { errors };
    if (!errors) {
      // Queries and mutations are allowed too: one next, then complete.
      const isSubscription = getOperationAST(document, operationName)?.operation === 'subscription';
      result = await (isSubscription ? subscribe(input) : execute(input));
    }
    if (operations.get(id) !== null) return result.return?.(); // completed (or closed) meanwhile
    if (!(Symbol.asyncIterator in result)) {
      operations.delete(id);
      // A result with data (even with field errors) is a next; none at all is an error.
      if (result.data === undefined) return send({ id, type: 'error', payload: result.errors });
      send({ id, type: 'next', payload: result });
      return send({ id, type: 'complete' });
    }
    operations.set(id, result);
    for await (const event of result) send({ id, type: 'next', payload: event });
    // Ended by the server's side: say so, unless the client's complete ended it.
    if (operations.get(id) === result) {
      operations.delete(id);
      send({ id, type: 'complete' });
    }
  }

  socket.on('message', (data, isBinary) => {
    let message = null;
    try { message = JSON.parse(data.toString()); } catch {}
    if (isBinary || typeof message?.type !== 'string') return socket.close(4400, 'Invalid message');
    const { type, id, payload } = message;
    switch (type) {
      case 'connection_init':
        if (initialised) return socket.close(4429, 'Too many initialisation requests');
        initialised = true;
        try {
          context = verifyToken(bearer(payload?.authorization) ?? payload?.token);
        } catch {
          return socket.close(4403, 'Forbidden');
        }
        clearTimeout(initTimer);
        return send({ type: 'connection_ack' });
      case 'ping': return send({ type: 'pong' });
      case 'pong': return;
      case 'subscribe':
        if (typeof id !== 'string' || typeof payload?.query !== 'string') return socket.close(4400, 'Invalid message');
        if (!context) return socket.close(4401, 'Unauthorized');
        if (operations.has(id)) return socket.close(4409, `Subscriber for ${id} already exists`);
        operations.set(id, null); // reserves the id while subscribe() runs
        return start(id, payload).catch((error) => {
          operations.delete(id);
          send({ id, type: 'error', payload: [{ message: String(error?.message) }] });
        });
      case 'complete': {
        const iterator = operations.get(id);
        operations.delete(id);
        return iterator?.return();
      }
      default: return socket.close(4400, `Unknown message type ${type}`);
    }
  });

  socket.on('close', () => {
    clearTimeout(initTimer);
    for (const iterator of operations.values()) iterator?.return();
    operations.clear();
  });
});

server.listen(port, '127.0.0.1', () => console.log(`listening on ${port}`));
