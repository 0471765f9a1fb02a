"""The demo's clinic HIS: it sends a child's charges to the desk over MLLP (HL7 v2 DFT^P03) and
takes the shares back on its own MLLP port, both on loopback, as a clinic's HIS would. The visit
shows the charges offered on the bill (one billed at the catalogue's price where the HIS's
differs, one code the catalogue does not know, and a sibling's charges held back), the review,
the bill built from them, and keeps the settlement the HIS received."""

from __future__ import annotations

import asyncio
import socket
import threading
from datetime import datetime
from types import TracebackType

import hl7
from hl7.mllp import open_hl7_connection, start_hl7_server

from kiosk.business_day import BUSINESS_TZ
from kiosk.his.settings import HisSettings
from kiosk.journal import PaymentMethod
from kiosk.visit import Step
from ui.demo_script.walk import Member, Walk
from ui.driver import pump_until

DEMO_HIS_CODES = {"HIS-GP01": "GP001", "HIS-CBC": "LAB001", "HIS-CRP": "LAB002"}
"""The demo clinic's mapping table: HIS item code → catalogue code."""


def send_to_desk(port: int, text: str) -> hl7.Message:
    """What the HIS does: one message to the desk's MLLP port on loopback; the desk's ACK."""

    async def talk() -> hl7.Message:
        async with asyncio.timeout(10):
            reader, writer = await open_hl7_connection("127.0.0.1", port, encoding="utf-8")
            try:
                writer.writemessage(hl7.parse(text))
                await writer.drain()
                return await reader.readmessage()
            finally:
                writer.close()
                await writer.wait_closed()

    return asyncio.run(talk())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class DemoHis:
    """The HIS's port for the shares coming back: each settlement it receives is kept."""

    def __init__(self) -> None:
        self.received: list[str] = []
        self.port = 0
        self._ready = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._serve()), daemon=True)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None

    def __enter__(self) -> DemoHis:
        self._thread.start()
        if not self._ready.wait(5):
            raise RuntimeError("the demo HIS did not start")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._loop is not None and self._stopping is not None:
            self._loop.call_soon_threadsafe(self._stopping.set)
        self._thread.join(5)

    def settings(self) -> HisSettings:
        """The desk's `his` block for this HIS: listen on a free loopback port, shares back."""
        return HisSettings(
            listen_host="127.0.0.1",
            listen_port=free_port(),
            codes=DEMO_HIS_CODES,
            settle_host="127.0.0.1",
            settle_port=self.port,
        )

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        server = await start_hl7_server(self._take, "127.0.0.1", 0, encoding="utf-8")
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        await self._stopping.wait()
        server.close()
        await server.wait_closed()

    async def _take(
        self, reader: hl7.mllp.HL7StreamReader, writer: hl7.mllp.HL7StreamWriter
    ) -> None:
        try:
            while not reader.at_eof():
                message = await reader.readmessage()
                self.received.append(str(message))
                writer.writemessage(message.create_ack("AA", application="DEMO-HIS"))
                await writer.drain()
        except asyncio.IncompleteReadError:
            pass
        finally:
            writer.close()


def charges_for(
    member: Member, *, control_id: str, child: str, birth_year: int, member_id: str = ""
) -> str:
    """A DFT^P03 for `child` on the member's policy (with the insurer's member number where
    the HIS keeps it): a consultation, a blood count the HIS prices higher than the catalogue,
    a CRP and a nebuliser treatment the catalogue lacks."""
    now = datetime.now(BUSINESS_TZ).strftime("%Y%m%d%H%M%S%z")
    family, given = child[:1], child[1:]
    return "\r".join(
        [
            rf"MSH|^~\&|DEMO-HIS|DEMO-CLINIC|KIOSK|DESK-1|{now}||DFT^P03|{control_id}|P|2.5"
            "|||AL|NE||UNICODE UTF-8",
            f"EVN|P03|{now}",
            f"PID|1||HIS-{control_id}^^^DEMO-HIS^PI||{family}^{given}||{birth_year}0514",
            f"PV1|1|O|PEDS^01||||||||||||||||V-{control_id}",
            f"FT1|1|||{now}||CG|HIS-GP01^儿科普通门诊诊查|||1||680.00^CNY|||||||||||{control_id}-1",
            f"FT1|2|||{now}||CG|HIS-CBC^血常规|||1||125.00^CNY|||||||||||{control_id}-2",
            f"FT1|3|||{now}||CG|HIS-CRP^C反应蛋白|||1||95.00^CNY|||||||||||{control_id}-3",
            f"FT1|4|||{now}||CG|HIS-NEB9^雾化吸入治疗|||1||60.00^CNY|||||||||||{control_id}-4",
            "IN1|1|GP-PLAN|INS01|Insurer" + "|" * 32 + member.policy_number + "|" * 13 + member_id,
        ]
    )


def his_visit(walk: Walk[Member], member: Member, number: int, his: DemoHis) -> None:
    """The HIS's charges become the bill: offered (and a sibling's held back), reviewed, billed,
    signed; the shares the HIS receives once the insurer accepted the claim are kept."""
    prefix = f"{number:02d}-his-charges"
    link = walk.kiosk.session.his
    assert link is not None and link.listener is not None, "the demo desk listens for its HIS"
    port = link.listener.port
    tag = f"{walk.out_dir.name.upper()}{number:02d}"
    ours = charges_for(
        member,
        control_id=f"D{tag}",
        child=member.child_name,
        birth_year=member.birth_year,
        member_id=member.member_id,
    )
    assert str(send_to_desk(port, ours)["MSA.1"]) == "AA"
    # A sibling registered in the HIS under the same policy number by mistake: held back.
    sibling = member.child_name[:1] + "小" + member.child_name[1:]
    theirs = charges_for(
        member, control_id=f"S{tag}", child=sibling, birth_year=member.birth_year + 2
    )
    assert str(send_to_desk(port, theirs)["MSA.1"]) == "AA"
    walk.camera.show(walk.token_for(member))
    walk.driver.wait_step(Step.ELIGIBILITY, 15)
    walk.driver.start_bill()
    bar = walk.window.bill.his_offer
    pump_until(lambda: bar.isVisible() and bool(bar.offer.held_back), 10, "the HIS's charges")
    walk.driver.settle()
    walk.shot(f"{prefix}-1-offered")
    dialog = walk.window.bill.review_his_charges()
    walk.driver.settle()
    walk.shot(f"{prefix}-2-review", dialog)
    walk.driver.click(dialog.add_button)
    walk.driver.wait_estimate()
    walk.driver.settle()
    walk.shot(f"{prefix}-3-bill")
    walk.driver.present()
    settled = len(his.received)
    walk.sign_and_finish(prefix, PaymentMethod.WECHAT)
    pump_until(lambda: len(his.received) > settled, 20, "the shares back at the HIS")
    kept = walk.out_dir / f"{prefix}-6-settlement.hl7"
    kept.write_text(his.received[-1].replace("\r", "\n") + "\n", encoding="utf-8")
    walk.written.append(kept)
