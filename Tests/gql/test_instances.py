"""Two Switchboard processes sharing one Redis act as one gateway.

A subscriber connected to instance A receives the notification an admin's mutation
sends through instance B: the event crosses over Redis pub/sub. Both instances share an
SQLite file, as they would share a PostgreSQL database. Needs redis-server on PATH
(scripts/test installs it); without it the test is skipped and says why.
"""

import asyncio
import os
import shutil
import subprocess
import tempfile
import time
import unittest
import urllib.request

from gql import Client, gql
from gql.transport.aiohttp import AIOHTTPTransport
from gql.transport.websockets import WebsocketsTransport

from test_gateway import BINARY, ROOT, free_port, mint_token, server_environment

REDIS = shutil.which("redis-server")


def wait_until_answering(url, process, what):
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"{what} did not start")
            time.sleep(0.1)


@unittest.skipIf(REDIS is None, "redis-server is not on PATH; scripts/test installs it")
class ManyInstancesTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="switchboard-instances-")
        redis_port = free_port()
        cls.redis = subprocess.Popen(
            [REDIS, "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL)
        env = server_environment()
        database = "sqlite:" + os.path.join(cls.folder, "shared.sqlite")
        cls.instances = []
        # One after the other: the first applies the migrations, the second finds them.
        for _ in range(2):
            port = free_port()
            process = subprocess.Popen(
                [BINARY, "serve", "--port", str(port), "--schema", os.path.join(ROOT, "schema.graphql"),
                 "--log-level", "warning", "--database", database, "--redis", f"redis://127.0.0.1:{redis_port}"],
                env=env)
            cls.instances.append((port, process))
            wait_until_answering(f"http://127.0.0.1:{port}/health", process, "an instance")
        cls.admin = mint_token(env, "--user", "root", "--role", "admin")
        cls.bob = mint_token(env, "--user", "bob")

    @classmethod
    def tearDownClass(cls):
        for _, process in cls.instances:
            process.terminate()
            process.wait(timeout=30)
        cls.redis.kill()
        cls.redis.wait(timeout=30)
        shutil.rmtree(cls.folder, ignore_errors=True)

    def test_a_subscriber_on_one_instance_receives_what_a_mutation_on_the_other_sends(self):
        (port_a, _), (port_b, _) = self.instances
        send = gql("mutation { sendNotification(input: {to: {userId: \"bob\"}, type: MENTION, title: \"across\"}) "
                   "{ recipientCount } }")

        async def scenario():
            transport = WebsocketsTransport(
                url=f"ws://127.0.0.1:{port_a}/graphql", subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
                init_payload={"authorization": f"Bearer {self.bob}"})
            admin_on_b = Client(transport=AIOHTTPTransport(
                url=f"http://127.0.0.1:{port_b}/graphql", headers={"Authorization": f"Bearer {self.admin}"}))
            async with Client(transport=transport) as bob:
                subscription = bob.subscribe(gql("subscription { notificationAdded { title } }"))
                # The subscription starts when first awaited: send until one arrives.
                first = asyncio.ensure_future(subscription.__anext__())
                async with admin_on_b as session:
                    while not first.done():
                        await session.execute(send)
                        await asyncio.wait({first}, timeout=0.3)
                received = await first
                await subscription.aclose()
                return received

        received = asyncio.run(asyncio.wait_for(scenario(), 30))
        self.assertEqual(received["notificationAdded"]["title"], "across")


if __name__ == "__main__":
    unittest.main(verbosity=2)
