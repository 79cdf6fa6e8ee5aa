"""Switchboard against a real third-party client: Python's gql (and websockets).

Starts the server binary given by SWITCHBOARD_BINARY on a free loopback port, then
speaks to it as frontend tools do: HTTP queries, the schema by introspection, and
subscriptions over both WebSocket subprotocols. Run by scripts/test.
"""

import asyncio
import os
import socket
import subprocess
import sys
import time
import unittest
import urllib.request

import websockets
from gql import Client, gql
from gql.transport.aiohttp import AIOHTTPTransport
from gql.transport.exceptions import TransportQueryError
from gql.transport.websockets import WebsocketsTransport

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("SWITCHBOARD_BINARY", os.path.join(ROOT, ".build", "debug", "switchboard"))
SECRET = "gql-client-test-secret-of-enough-bytes"


def server_environment():
    """The environment for the server: the secret, without this script's own variable
    (the server warns of SWITCHBOARD_* variables that are not settings)."""
    env = {name: value for name, value in os.environ.items() if name != "SWITCHBOARD_BINARY"}
    env["SWITCHBOARD_AUTH_SECRET"] = SECRET
    return env


def mint_token(env, *arguments):
    """A token the server accepts, from `switchboard token` (e.g. "--user", "bob")."""
    return subprocess.run(
        [BINARY, "token", *arguments], env=env, check=True, capture_output=True, text=True).stdout.strip()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class GatewayTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.port = free_port()
        env = server_environment()
        cls.server = subprocess.Popen(
            [BINARY, "serve", "--port", str(cls.port), "--schema", os.path.join(ROOT, "schema.graphql"),
             "--log-level", "warning", "--database", "sqlite::memory:"],
            env=env,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{cls.port}/health", timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline or cls.server.poll() is not None:
                    raise RuntimeError("the server did not start")
                time.sleep(0.1)
        cls.http = f"http://127.0.0.1:{cls.port}/graphql"
        cls.ws = f"ws://127.0.0.1:{cls.port}/graphql"
        cls.admin = mint_token(env, "--user", "root", "--role", "admin")
        cls.bob = mint_token(env, "--user", "bob")

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(timeout=30)

    def run_async(self, coroutine):
        return asyncio.run(asyncio.wait_for(coroutine, 30))

    def test_a_query_over_http(self):
        async def query():
            async with Client(transport=AIOHTTPTransport(url=self.http)) as session:
                return await session.execute(gql("{ realtimeStatus { status version features } }"))
        result = self.run_async(query())
        self.assertEqual(result["realtimeStatus"]["status"], "OK")
        self.assertIn("notifications", result["realtimeStatus"]["features"])

    def test_the_schema_is_fetched_by_introspection_and_checks_queries(self):
        async def fetch():
            client = Client(transport=AIOHTTPTransport(url=self.http), fetch_schema_from_transport=True)
            async with client as session:
                await session.fetch_schema()
                return client.schema
        schema = self.run_async(fetch())
        self.assertIn("realtimeStatus", schema.query_type.fields)
        self.assertIn("heartbeat", schema.subscription_type.fields)
        self.assertEqual(schema.get_type("Role").values.keys(), {"ANONYMOUS", "USER", "ADMIN", "SYSTEM"})

    def test_an_admin_token_reaches_admin_fields_and_its_absence_does_not(self):
        async def query(headers):
            transport = AIOHTTPTransport(url=self.http, headers=headers)
            async with Client(transport=transport) as session:
                return await session.execute(gql("{ realtimeStatus { openConnections } }"))
        result = self.run_async(query({"Authorization": f"Bearer {self.admin}"}))
        self.assertIsInstance(result["realtimeStatus"]["openConnections"], int)
        with self.assertRaises(TransportQueryError) as refused:
            self.run_async(query({}))
        self.assertEqual(refused.exception.errors[0]["extensions"]["code"], "UNAUTHENTICATED")

    def subscribe(self, subprotocol):
        async def beats():
            transport = WebsocketsTransport(
                url=self.ws, subprotocols=[subprotocol], init_payload={"authorization": f"Bearer {self.admin}"})
            async with Client(transport=transport) as session:
                received = []
                subscription = gql("subscription { heartbeat(intervalSeconds: 1) { sequence at } }")
                async for beat in session.subscribe(subscription):
                    received.append(beat["heartbeat"]["sequence"])
                    if len(received) == 2:
                        break
                status = await session.execute(gql("{ realtimeStatus { status openConnections } }"))
                return received, status
        return self.run_async(beats())

    def test_a_notification_reaches_its_subscriber_and_a_reconnect_catches_up(self):
        send = gql("mutation Send($title: String!) { sendNotification(input: {to: {userId: \"bob\"}, "
                   "type: MENTION, title: $title}) { recipientCount } }")

        async def scenario():
            admin = Client(transport=AIOHTTPTransport(
                url=self.http, headers={"Authorization": f"Bearer {self.admin}"}))
            transport = WebsocketsTransport(
                url=self.ws, subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
                init_payload={"authorization": f"Bearer {self.bob}"})
            async with Client(transport=transport) as bob:
                subscription = bob.subscribe(gql("subscription { notificationAdded { id title } }"))
                # The subscription starts when first awaited; until it runs, what is
                # sent is only stored, so send until one arrives live.
                first = asyncio.ensure_future(subscription.__anext__())
                async with admin as session:
                    while not first.done():
                        await session.execute(send, variable_values={"title": "live"})
                        await asyncio.wait({first}, timeout=0.2)
                live = await first
                await subscription.aclose()
                seen = await bob.execute(gql("{ notifications(last: 1) { edges { cursor } } }"))
            cursor = seen["notifications"]["edges"][0]["cursor"]
            async with admin as session:
                for title in ["missed 1", "missed 2"]:
                    await session.execute(send, variable_values={"title": title})
            reader = Client(transport=AIOHTTPTransport(url=self.http, headers={"Authorization": f"Bearer {self.bob}"}))
            async with reader as session:
                caught_up = await session.execute(
                    gql("query CatchUp($after: String!) { notifications(after: $after) { nodes { title } } }"),
                    variable_values={"after": cursor})
            return live, caught_up

        live, caught_up = self.run_async(scenario())
        self.assertEqual(live["notificationAdded"]["title"], "live")
        self.assertEqual([n["title"] for n in caught_up["notifications"]["nodes"]], ["missed 1", "missed 2"])

    def test_a_subscription_over_graphql_transport_ws(self):
        beats, status = self.subscribe(WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL)
        self.assertEqual(beats, [1, 2])
        self.assertGreaterEqual(status["realtimeStatus"]["openConnections"], 1)

    def test_a_subscription_over_legacy_graphql_ws(self):
        beats, status = self.subscribe(WebsocketsTransport.APOLLO_SUBPROTOCOL)
        self.assertEqual(beats, [1, 2])
        self.assertEqual(status["realtimeStatus"]["status"], "OK")

    def test_the_schema_is_fetched_over_legacy_graphql_ws(self):
        async def fetch():
            transport = WebsocketsTransport(url=self.ws, subprotocols=[WebsocketsTransport.APOLLO_SUBPROTOCOL])
            client = Client(transport=transport, fetch_schema_from_transport=True)
            async with client as session:
                await session.fetch_schema()
                return client.schema
        self.assertIn("realtimeStatus", self.run_async(fetch()).query_type.fields)

    def test_a_client_offering_no_known_subprotocol_is_closed_with_4406(self):
        async def connect():
            async with websockets.connect(self.ws, subprotocols=["chat"]) as socket:
                try:
                    await socket.recv()
                except websockets.ConnectionClosed as closed:
                    return closed.rcvd
        close = self.run_async(connect())
        self.assertEqual((close.code, close.reason), (4406, "Subprotocol not acceptable"))

    def test_a_bad_token_in_connection_init_is_closed_as_forbidden(self):
        async def connect():
            async with websockets.connect(self.ws, subprotocols=["graphql-transport-ws"]) as socket:
                await socket.send('{"type":"connection_init","payload":{"token":"junk"}}')
                try:
                    await socket.recv()
                except websockets.ConnectionClosed as closed:
                    return closed.rcvd
        self.assertEqual(self.run_async(connect()).code, 4403)


if __name__ == "__main__":
    unittest.main(verbosity=2)
