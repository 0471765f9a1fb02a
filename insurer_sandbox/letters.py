"""The guarantee letter (担保函) the insurer issues for an approved pre-auth.

The manual (事先授权): "事先授权是客户在接受某些特定的医学治疗之前，
获取保险公司书面授权担保函的过程。保险公司会根据客户的福利计划发送担保函给医院。"
The sandbox answers it as a structured letter the desk shows and prints: who and what it is
for, the grant (amount, window, uses, items) and its terms, each in Chinese then English. It is
addressed to the clinic that asks for it: the approval is the member's, at any clinic of their
network. Its terms depend on the approval alone, so the same approval always gives the same
words; what is left of it is in `grant`, as of the answer.
"""

from __future__ import annotations

from datetime import datetime

from insurer_sandbox.eligibility import mask_name
from insurer_sandbox.store import MemberRecord
from kiosk.insurer.models import GuaranteeLetter, PreAuth, PreAuthGrant
from kiosk.money import format_yuan

INSURER_NAME = "京东安联保险 JD Allianz"
"""The insurer, as the kiosk's statements name it (`kiosk.statement.InsurerProfile`)."""
ADMINISTRATOR_NAME = "风石健康"
"""The manual's "保险人委托的第三方管理机构" that takes pre-auth requests, whose claims address
and hotline the manual gives (illustrative in the sandbox)."""
INSURER_HOTLINE = "021-80209058"
"""专属服务热线, as in the manual's 温馨提示."""


def _covers(grant: PreAuthGrant) -> tuple[str, str]:
    codes = ", ".join(grant.item_codes)
    categories = ", ".join(c.value for c in grant.categories)
    zh = "；".join(
        part
        for part in (
            f"项目代码 {codes}" if codes else "",
            f"类别 {categories}" if categories else "",
        )
        if part
    )
    en = "; ".join(
        part
        for part in (
            f"item codes {codes}" if codes else "",
            f"categories {categories}" if categories else "",
        )
        if part
    )
    return zh, en


def letter_terms(grant: PreAuthGrant) -> list[str]:
    """The conditions of the guarantee, one per item: the Chinese, a line break, the English."""
    start, end = grant.valid_from.isoformat(), grant.valid_until.isoformat()
    amount = format_yuan(grant.approved_fen)
    covers_zh, covers_en = _covers(grant)
    uses = grant.uses_allowed
    one_code = len(grant.item_codes) == 1 and not grant.categories
    covers_en = covers_en.replace("item codes", "item code") if one_code else covers_en
    pairs = [
        f"有效期：{start} 至 {end}（含首尾两日），仅担保此期间内发生的服务。",
        f"Valid for services from {start} to {end}, both days included.",
        f"担保项目：{covers_zh}。",
        f"Items guaranteed: {covers_en}.",
        f"担保金额上限 {amount}；超出担保金额的部分由家庭自付。",
        f"Guaranteed up to {amount}; the family pays what is above the approved amount.",
        f"可使用 {uses} 次：担保项目每一数量计一次，用完即止。",
        f"Good for {uses} use{'s' if uses != 1 else ''}: each unit of a guaranteed item is one "
        "use; none is left once they are used.",
        "有效期外的服务、非担保项目及保单不承保的费用不在担保范围内；账单取消后，其使用次数与金额予以退回。",
        "Services outside the validity window, items not named and costs the policy does not "
        "cover are not guaranteed; a cancelled claim gives back its uses and amount.",
        f"本担保函由{ADMINISTRATOR_NAME}代京东安联保险出具。"
        f"如有疑问，请致电专属服务热线 {INSURER_HOTLINE}，并提供授权号 {grant.auth_number}。",
        f"Issued by {ADMINISTRATOR_NAME} (the third-party administrator) for JD Allianz. "
        f"Questions: hotline {INSURER_HOTLINE}, quoting auth number {grant.auth_number}.",
    ]
    return [f"{zh}\n{en}" for zh, en in zip(pairs[0::2], pairs[1::2], strict=True)]


def guarantee_letter(
    preauth: PreAuth,
    member: MemberRecord,
    *,
    clinic_id: str,
    clinic_name: str,
    issued_at: datetime,
) -> GuaranteeLetter:
    """The letter of an approved `preauth` (ValueError when it has no grant)."""
    grant = preauth.grant
    if grant is None:
        raise ValueError(f"{preauth.preauth_id} is not approved")
    return GuaranteeLetter(
        auth_number=grant.auth_number,
        preauth_id=preauth.preauth_id,
        issued_at=issued_at,
        insurer_name=INSURER_NAME,
        clinic_id=clinic_id,
        clinic_name=clinic_name,
        member_id=member.member_id,
        member_name_masked=mask_name(member.child_name),
        policy_number=member.policy_number,
        item_code=preauth.item_code,
        description=preauth.description,
        diagnosis=preauth.diagnosis,
        grant=grant,
        terms=letter_terms(grant),
    )
