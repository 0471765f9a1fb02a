"""What the member's phone app does in the demo: issue fresh e-card tokens and show the card.

The card page issues a fresh token with the current demo key on each load and renders it as an
inline SVG QR; the page reloads itself every 60 seconds, as the app refreshes the code.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

import qrcode.image.pil
import qrcode.image.svg

from insurer_sandbox.demo import DEMO_MEMBERS, DEMO_SIGNING_KEYS
from insurer_sandbox.eligibility import card_status, mask_name
from insurer_sandbox.plan import Plan
from insurer_sandbox.store import MemberRecord, VisitRecord
from insurer_sandbox.workdays import BUSINESS_TZ
from kiosk.ecard import DEFAULT_VALIDITY, issue, make_qr
from kiosk.insurer.models import CardStatus
from kiosk.money import format_yuan

REFRESH_SECONDS = 60

_STYLE = """
body { margin: 0; font-family: "Noto Sans CJK SC", "PingFang SC", sans-serif; background: #eef2f6; }
main { max-width: 380px; margin: 24px auto; padding: 0 12px; }
.card { border-radius: 18px; padding: 20px; color: #fff;
        background: linear-gradient(135deg, #c8102e, #e4572e); box-shadow: 0 6px 18px #0003; }
.card.plus { background: linear-gradient(135deg, #1f2a44, #3d5a80); }
.card.inactive { filter: grayscale(1); opacity: .75; }
.plan { font-size: 20px; font-weight: 700; }
.tier { font-size: 13px; opacity: .9; }
.who { margin: 14px 0 4px; font-size: 18px; }
.policy { font-size: 13px; opacity: .9; }
.qr { background: #fff; border-radius: 12px; margin-top: 16px; padding: 12px; }
.qr svg { width: 100%; height: auto; display: block; }
.note { font-size: 13px; color: #334; text-align: center; margin-top: 10px; }
.warn { background: #fff3cd; color: #5c4400; border-radius: 10px; padding: 10px; margin-top: 12px; }
.pay { margin-top: 8px; padding: 8px 18px; border: 0; border-radius: 8px; font-size: 15px;
       color: #fff; background: #1aad19; }
.token { font-family: monospace; font-size: 10px; word-break: break-all; color: #667; }
ul { padding-left: 18px; } li { margin: 6px 0; }
.records { background: #fff; border-radius: 12px; margin-top: 16px; padding: 12px 16px; }
.records h3 { margin: 0 0 8px; font-size: 16px; }
.records li { font-size: 14px; }
.records label { display: block; margin: 10px 0 4px; font-size: 14px; }
.records select, .records input { font-size: 15px; margin-left: 6px; }
.hint { font-size: 12px; color: #556; margin: 4px 0; }
.done { background: #e3f4e1; color: #1d4d1a; border-radius: 10px; padding: 10px; margin-top: 12px; }
.late { color: #8a1c1c; font-size: 13px; }
.cancel { margin-top: 4px; padding: 4px 12px; border: 1px solid #c8102e; border-radius: 8px;
          color: #c8102e; background: #fff; }
"""


def html_page(title: str, body: str, *, refresh: bool) -> str:
    meta = f'<meta http-equiv="refresh" content="{REFRESH_SECONDS}">' if refresh else ""
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"{meta}<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )


def _qr_svg(text: str) -> str:
    image = make_qr(text).make_image(image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


def member_token(
    member: MemberRecord,
    now: datetime,
    *,
    key_status: Literal["current", "previous"] = "current",
    validity: timedelta = DEFAULT_VALIDITY,
) -> str:
    """A fresh e-card token for `member`, signed with the current (or previous) demo key."""
    key = next(k for k in DEMO_SIGNING_KEYS if k.status == key_status)
    return issue(
        key.private_key(), key.kid, member.member_id, member.policy_number, now, validity=validity
    )


def qr_png(token: str, path: Path) -> None:
    """Save the token's QR code as a PNG (as the app would draw it: error correction M)."""
    make_qr(token).make_image(image_factory=qrcode.image.pil.PilImage).save(path)


def statement_link(claim_id: str) -> str:
    return f"{claim_id}.pdf"


def _visit_records(member: MemberRecord, records: Sequence[VisitRecord]) -> str:
    """就诊记录: each direct-billed visit, with the signed statement once the clinic sent it."""
    items = []
    for record in records:
        summary = (
            f"{record.service_date.isoformat()} · {html.escape(record.clinic)}<br>"
            f"保险直付 Insurer pays {html.escape(format_yuan(record.covered_fen))} · "
            f"自付 Family pays {html.escape(format_yuan(record.patient_fen))}"
        )
        if record.statement_version is not None:
            href = f"/demo/card/{html.escape(member.member_id)}/records/" + html.escape(
                statement_link(record.claim_id)
            )
            summary += f'<br><a href="{href}">直付账单 Statement (PDF)</a>'
        items.append(f"<li>{summary}</li>")
    listed = "".join(items) or "<li>暂无就诊记录 / No visits yet</li>"
    return f'<div class="records"><h3>就诊记录 Visit records</h3><ul>{listed}</ul></div>'


def card_page(
    plan: Plan, member: MemberRecord, now: datetime, records: Sequence[VisitRecord] = ()
) -> str:
    """The e-card with a token issued at `now`, greyed out when the card cannot be used (with
    the button to pay what greys it), and the member's visit records."""
    token = member_token(member, now)
    tier = plan.tier(member.tier)
    status = card_status(member, now.astimezone(BUSINESS_TZ).date())
    classes = ["card", member.tier.value]
    warning = ""
    if status is CardStatus.GREYED_UNPAID and member.unpaid_fen:
        classes.append("inactive")
        amount = html.escape(format_yuan(member.unpaid_fen))
        pay = f"/demo/card/{html.escape(member.member_id)}/pay"
        warning = (
            f'<div class="warn">电子卡已置灰：有一笔自付费用未支付 {amount}。'
            "支付后恢复直付服务。<br>"
            "Card greyed out: one self-pay amount is unpaid; direct billing resumes once paid."
            f'<form method="post" action="{pay}">'
            f'<button class="pay" type="submit">支付 Pay {amount}</button></form></div>'
        )
    elif status is CardStatus.EXPIRED:
        classes.append("inactive")
        warning = '<div class="warn">保单已过期 / The policy has expired.</div>'
    elif status is CardStatus.NOT_YET_IN_FORCE:
        classes.append("inactive")
        starts = member.period_start.isoformat()
        warning = (
            f'<div class="warn">保单尚未生效，{starts} 起可享直付服务。<br>'
            f"The policy is not yet in force: direct billing from {starts}.</div>"
        )
    body = (
        f'<div class="{" ".join(classes)}">'
        f'<div class="plan">{html.escape(tier.name_zh)}</div>'
        f'<div class="tier">{html.escape(tier.name_en)} · 电子保险卡 e-card</div>'
        f'<div class="who">{html.escape(mask_name(member.child_name))}</div>'
        f'<div class="policy">保单号 Policy {html.escape(member.policy_number)} · '
        f"{member.period_start.isoformat()} – {member.period_end.isoformat()}</div>"
        f'<div class="qr">{_qr_svg(token)}</div></div>{warning}'
        f'<p class="note">二维码每 {REFRESH_SECONDS} 秒自动刷新，请在网络诊所前台出示<br>'
        f"The code refreshes every {REFRESH_SECONDS} s; show it at the clinic desk.</p>"
        f'<p class="token">{html.escape(token)}</p>'
        f"{_visit_records(member, records)}"
        f'<p class="note"><a href="/demo/card/{html.escape(member.member_id)}/appointments">'
        "预约就诊 Appointments</a></p>"
        '<p class="note">演示数据 · sandbox demo only</p>'
    )
    return html_page(f"{tier.name_zh} 电子保险卡", body, refresh=True)


def demo_index_page() -> str:
    """Links to every demo member's card, with what each one shows (for trainers)."""
    items = "".join(
        f'<li><a href="/demo/card/{html.escape(m.member_id)}">'
        f"{html.escape(mask_name(m.child_name))} · {html.escape(m.state)}</a><br>"
        f"<small>{html.escape(m.shows)}</small></li>"
        for m in DEMO_MEMBERS
    )
    return html_page(
        "Insurer sandbox demo cards",
        f"<h2>演示电子保险卡 Demo e-cards</h2><ul>{items}</ul>",
        refresh=False,
    )
