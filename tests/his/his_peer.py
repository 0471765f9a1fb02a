"""The HIS's own MLLP port, for the shares the desk sends back: played by python-hl7's server."""

import asyncio
import threading

from hl7.mllp import start_hl7_server


class HisPeer:
    """The HIS's MLLP port for the shares, played by python-hl7's server: it answers each
    message with an ACK of `code` (None: it never answers) and keeps what it received."""

    def __init__(self, code="AA", reason="", port=0):
        self.code = code
        self.reason = reason
        self.received = []
        self.port = port
        self._ready = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._serve()), daemon=True)

    def __enter__(self):
        self._thread.start()
        assert self._ready.wait(3)
        return self

    def __exit__(self, *exc):
        self._loop.call_soon_threadsafe(self._stopping.set)
        self._thread.join(3)

    async def _serve(self):
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        server = await start_hl7_server(self._answer, "127.0.0.1", self.port, encoding="utf-8")
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        await self._stopping.wait()
        server.close()
        await server.wait_closed()

    async def _answer(self, reader, writer):
        try:
            message = await reader.readmessage()
            self.received.append(message)
            if self.code is None:
                await reader.read()  # until the desk gives up
                return
            ack = message.create_ack(self.code, application="CLINIC-HIS")
            ack.segment("MSA").assign_field(self.reason, 3)
            writer.writemessage(ack)
            await writer.drain()
        finally:
            writer.close()
