"""HL7 v2 messages as a clinic's HIS sends them, for any test of the HIS side to import."""

import hl7

DFT_P03 = "\r".join(
    [
        r"MSH|^~\&|CLINIC-HIS|SUNSHINE-PEDS|KIOSK|DESK-1|20261207093512+0800||DFT^P03^DFT_P03"
        "|MSG00001|P|2.5|||AL|NE||UNICODE UTF-8",
        "EVN|P03|20261207093512+0800",
        "PID|1||HIS-00042^^^CLINIC-HIS^PI||李^沐阳||20190514|M",
        "PV1|1|O|PEDS^01^^SUNSHINE-PEDS||||||||||||||||V20261207-001",
        "FT1|1|||20261207091000+0800||CG|HIS-GP01^普通门诊诊查^CLINIC-HIS|||1||150.00^CNY"
        "|||||||||||ORD-1001",
        "FT1|2|||20261207092500+0800||CG|HIS-CBC^血常规^CLINIC-HIS|||1||45.00^CNY"
        "|||||||||||ORD-1002",
        "IN1|1|GP-PLAN^Family GP plan|INS01|Direct billing insurer||||||||||||||||||||||||||||||||"
        "GP2026000101|||||||||||||M26000101",
    ]
)
"""A DFT^P03 for a child, 李沐阳 born 2019-05-14 (the HIS's patient HIS-00042), on policy
GP2026000101 (member M26000101): a GP consultation (¥150.00) and a blood count (¥45.00) on visit
V20261207-001, control id MSG00001."""

CHILD_NAME = "李沐阳"
POLICY_NUMBER = "GP2026000101"
BIRTH_DATE_TEXT = "20190514"
PERSONAL_VALUES = (CHILD_NAME, "李", "沐阳", POLICY_NUMBER, BIRTH_DATE_TEXT, "M26000101")
"""What of DFT_P03 must never reach a log line, an ACK's text or a refusal's detail."""


def edited(text: str, fields: dict[str, str] | None = None, *, without: str = "") -> str:
    """`text` with fields set through python-hl7 (keys like "FT1.12", "FT12.11" for the second
    FT1, values written as they stand, separators included) and the `without` segments left
    out."""
    message = hl7.parse(text)
    for key, value in (fields or {}).items():
        message[key] = value
    kept = [segment for segment in message if str(segment[0]) != without]
    return str(message.create_message(kept))
