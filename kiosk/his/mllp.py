"""HL7 v2 over MLLP: the HIS's charges in (each answered by its ACK), the shares back out.

The listener runs python-hl7's asyncio MLLP server on a thread of its own, so neither the
screens nor the outbox wait for the HIS. Each frame is read, kept in the inbox and answered
before the next frame of that connection is read: the HIS gets its ACKs in the order it sent.
A message is acknowledged AA only once the inbox holds it, so a desk that stops before answering
is sent the message again; a resend of what the inbox holds is AA again, and nothing twice.

Logs name a message by its type and control id only, with the refusal and the field: never a
name, a date or a policy number.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from types import TracebackType

from hl7.mllp import (
    HL7StreamReader,
    HL7StreamWriter,
    InvalidBlockError,
    open_hl7_connection,
    start_hl7_server,
)

from kiosk.his.charges import HisInputError, HisRefusal, Settlement
from kiosk.his.hl7_v2 import (
    DUPLICATE_RECEIVED,
    acknowledgement,
    message_reference,
    read_ack,
    read_dft,
    settlement_message,
)
from kiosk.his.inbox import HisInbox, Received

log = logging.getLogger(__name__)

FRAME_LIMIT = 1 << 20
"""Bytes one MLLP frame may hold. A visit's charges are a few kB; the library's default
(64 KiB) could turn away a long stay's, and a frame beyond this ends the connection."""


class SettlementRefused(Exception):
    """The HIS answered the shares with something other than AA: it did not take them."""


class MllpListener:
    """The desk's MLLP port for the HIS's DFT^P03 charges; `start()` once, `stop()` at exit."""

    def __init__(
        self,
        inbox: HisInbox,
        *,
        host: str,
        port: int,
    ) -> None:
        self._inbox = inbox
        self._host = host
        self._asked_port = port
        self._thread: threading.Thread | None = None
        self._listening = threading.Event()
        self._failure: OSError | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._bound_port: int | None = None
        self._conversations: dict[asyncio.Task[None], HL7StreamWriter] = {}

    @property
    def port(self) -> int:
        """The port listened on: the one the system chose when port 0 was asked."""
        if self._bound_port is None:
            raise RuntimeError("the listener is not listening")
        return self._bound_port

    def start(self) -> None:
        """Listen; returns once the port is bound. Raises OSError when it cannot be (another
        program has it, or the address is not this machine's)."""
        if self._thread is not None:
            raise RuntimeError("the listener was started already")
        self._listening.clear()
        self._failure = None
        self._thread = threading.Thread(target=self._run, name="his-mllp", daemon=True)
        self._thread.start()
        self._listening.wait()
        if self._failure is not None:
            self._thread.join()
            self._thread = None
            raise self._failure

    def stop(self, timeout: float = 5.0) -> None:
        """Close the port and every open connection, and wait for the thread to end."""
        thread, loop, stopping = self._thread, self._loop, self._stopping
        if thread is None or loop is None or stopping is None:
            return
        with contextlib.suppress(RuntimeError):  # the loop has ended already
            loop.call_soon_threadsafe(stopping.set)
        thread.join(timeout)
        if thread.is_alive():
            raise TimeoutError(f"the HIS listener did not stop within {timeout} s")
        self._thread = None
        self._bound_port = None

    def __enter__(self) -> MllpListener:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _run(self) -> None:
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        try:
            server = await start_hl7_server(
                self._connected, self._host, self._asked_port, limit=FRAME_LIMIT
            )
        except OSError as failure:
            self._failure = failure
            self._listening.set()
            return
        self._bound_port = int(server.sockets[0].getsockname()[1])
        log.info("listening for HL7 v2 charges on port %d", self._bound_port)
        self._listening.set()
        try:
            await self._stopping.wait()
        finally:
            server.close()
            for conversation, writer in list(self._conversations.items()):
                writer.close()  # a conversation not begun yet would not close it itself
                conversation.cancel()
            await asyncio.gather(*self._conversations, return_exceptions=True)
            await server.wait_closed()
            log.info("stopped listening for HL7 v2 charges")

    def _connected(self, reader: HL7StreamReader, writer: HL7StreamWriter) -> None:
        """A new connection from the HIS: its conversation, kept so that `stop()` can end it."""
        conversation = asyncio.get_running_loop().create_task(self._converse(reader, writer))
        self._conversations[conversation] = writer
        conversation.add_done_callback(self._conversations.pop)

    async def _converse(self, reader: HL7StreamReader, writer: HL7StreamWriter) -> None:
        """One HIS connection: each frame answered in turn until the HIS closes it. A frame
        cut off by the connection's end is not a message: nothing of it is kept."""
        try:
            while True:
                try:
                    frame: bytes = await reader.readblock()
                except asyncio.IncompleteReadError as ended:
                    if ended.partial.strip():
                        log.info("an HL7 connection ended in the middle of a message")
                    return
                except InvalidBlockError:
                    log.info("HL7 frame refused: malformed: no MLLP start block")
                    answer = acknowledgement(
                        "",
                        accepted=False,
                        refusal=HisRefusal.MALFORMED,
                        detail="the frame does not begin with the MLLP start block",
                    )
                except ValueError:
                    log.warning("an HL7 frame longer than %d bytes: connection closed", FRAME_LIMIT)
                    return
                else:
                    answer = self._answer(frame)
                writer.writeblock(answer.encode("utf-8"))
                await writer.drain()
        except ConnectionError:
            log.info("an HL7 connection was reset by the HIS")
        finally:
            writer.close()

    def _answer(self, frame: bytes) -> str:
        """Read, keep and acknowledge one message; the ACK text to send back."""
        try:
            text = frame.decode("utf-8")
        except UnicodeDecodeError:
            # Answered all the same: the header is ASCII, so the ACK names the message.
            text = frame.decode("utf-8", errors="replace")
            log.info("HL7 %s refused: malformed: not UTF-8", message_reference(text))
            return acknowledgement(
                text, accepted=False, refusal=HisRefusal.MALFORMED, detail="the text is not UTF-8"
            )
        reference = message_reference(text)
        try:
            message = read_dft(text)
            received = self._inbox.receive(message)
        except HisInputError as refused:
            log.info("HL7 %s refused: %s: %s", reference, refused.refusal.value, refused.detail)
            return acknowledgement(
                text, accepted=False, refusal=refused.refusal, detail=refused.detail
            )
        except Exception:
            log.exception("HL7 %s: internal error", reference)
            return acknowledgement(text, accepted=False, refusal=None, detail="internal error")
        if received is Received.DUPLICATE:
            log.info("HL7 %s: a resend of a message already received", reference)
            return acknowledgement(text, accepted=True, refusal=None, detail=DUPLICATE_RECEIVED)
        log.info("HL7 %s accepted: %d charges", reference, len(message.charges))
        return acknowledgement(text, accepted=True, refusal=None, detail="accepted")


def send_settlement(settlement: Settlement, *, host: str, port: int, timeout: float = 10.0) -> None:
    """Send the shares to the HIS's MLLP port and wait for its ACK.

    Blocks (call it from a worker thread, not from a running event loop). Raises
    `SettlementRefused` when the answer is not an AA for this message, OSError when the HIS
    cannot be reached or closes the connection first, TimeoutError when it does not answer
    within `timeout` seconds.
    """
    control_id = settlement.control_id
    frame = settlement_message(settlement, control_id=control_id).encode("utf-8")
    answer = asyncio.run(_exchange(frame, host, port, timeout))
    try:
        ack = read_ack(answer)
    except HisInputError:
        raise SettlementRefused("the HIS's answer is not an HL7 ACK") from None
    if ack.code != "AA":
        raise SettlementRefused(f"{ack.code}: {ack.text}" if ack.text else ack.code)
    if ack.control_id != control_id:
        raise SettlementRefused("the HIS's ACK answers another message")


async def _exchange(frame: bytes, host: str, port: int, timeout: float) -> str:
    """One frame sent, one frame back, within `timeout` seconds."""
    async with asyncio.timeout(timeout):
        reader, writer = await open_hl7_connection(host, port, limit=FRAME_LIMIT)
        try:
            writer.writeblock(frame)
            await writer.drain()
            answer: bytes = await reader.readblock()
        except asyncio.IncompleteReadError:
            raise ConnectionError("the HIS closed the connection before its ACK") from None
        except InvalidBlockError:
            raise SettlementRefused("the HIS's answer is not an MLLP frame") from None
        finally:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()
    return answer.decode("utf-8", errors="replace")
