<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AppointmentChart</name>
    <message>
        <location filename="../../ui/widgets/appointment_chart.py" line="42"/>
        <source>Came (checked in)</source>
        <translation>已到诊（已签到）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/appointment_chart.py" line="43"/>
        <source>Expected</source>
        <translation>待到诊</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/appointment_chart.py" line="44"/>
        <source>Did not come</source>
        <translation>未到诊（爽约）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/appointment_chart.py" line="45"/>
        <source>Cancelled late</source>
        <translation>逾时取消</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/appointment_chart.py" line="123"/>
        <source>No appointments in these 30 days</source>
        <translation>这 30 天内没有预约</translation>
    </message>
</context>
<context>
    <name>AppointmentsTab</name>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="86"/>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="87"/>
        <source>Came (checked in)</source>
        <translation>已到诊（已签到）</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="88"/>
        <source>Did not come</source>
        <translation>未到诊（爽约）</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="89"/>
        <source>Cancelled late</source>
        <translation>逾时取消</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="90"/>
        <source>Cancelled in time</source>
        <translation>按时取消</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="94"/>
        <source>Did not come or cancelled late</source>
        <translation>未到诊或逾时取消</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="97"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="98"/>
        <source>Child</source>
        <translation>孩子</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="99"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="100"/>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="101"/>
        <source>Fee charged to the family</source>
        <translation>由家庭承担的诊费</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="102"/>
        <source>Further bookings here</source>
        <translation>此后在本院预约</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="105"/>
        <source>Last 30 days: appointments per day</source>
        <translation>最近 30 天：每日预约数</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="111"/>
        <source>Appointments booked through the insurer</source>
        <translation>经保险公司安排的预约</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="116"/>
        <source>Appointments booked through the insurer on {day}</source>
        <translation>{day} 经保险公司安排的预约</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/appointments_tab.py" line="123"/>
        <source>%n still expected</source>
        <translation>
            <numerusform>其中 %n 人待到诊</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="141"/>
        <source>Suspended by the hospital</source>
        <translation>已被医院列入黑名单</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="143"/>
        <source>Open</source>
        <translation>可以预约</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="161"/>
        <source>The insurer&apos;s appointments could not be read: {why}</source>
        <translation>无法读取保险公司的预约：{why}</translation>
    </message>
</context>
<context>
    <name>Arrivals</name>
    <message>
        <location filename="../../ui/arrivals_text.py" line="18"/>
        <source>Outpatient</source>
        <translation>门诊</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="19"/>
        <source>Vaccination</source>
        <translation>疫苗接种</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="20"/>
        <source>Procedure</source>
        <translation>检查或治疗</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="23"/>
        <source>Expected</source>
        <translation>待到诊</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="24"/>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="25"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="26"/>
        <source>Cancelled late</source>
        <translation>逾时取消</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="27"/>
        <source>Did not come</source>
        <translation>未到诊（爽约）</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="30"/>
        <source>Card on hold (置灰)</source>
        <translation>电子保险卡已置灰</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="31"/>
        <source>Policy ended</source>
        <translation>保单已到期</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="32"/>
        <source>Policy not in force yet</source>
        <translation>保单尚未生效</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="33"/>
        <source>Clinic not in the network</source>
        <translation>本诊所不在网络内</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="34"/>
        <source>Member unknown to the insurer</source>
        <translation>保险公司查无此会员</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="35"/>
        <source>Pre-authorisation pending</source>
        <translation>事先授权尚在审核</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="36"/>
        <source>Pre-authorisation denied</source>
        <translation>事先授权未获批准</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="37"/>
        <source>Pre-authorisation will not cover it</source>
        <translation>事先授权届时无法使用</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="40"/>
        <source>Not checked yet</source>
        <translation>尚未核查</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="43"/>
        <source>Ask the family to pay the {amount} still unpaid in the e-card (就诊记录 → 支付) before they come; otherwise the visit is self-pay.</source>
        <translation>请家长在就诊前于电子保险卡中支付尚未支付的 {amount}（就诊记录 → 支付）；否则此次就诊需自费。</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="48"/>
        <source>The policy will have ended by the appointment: ask the family to renew it, or to come ready to pay themselves.</source>
        <translation>预约就诊时保单已到期：请家长续保，或做好自费就诊的准备。</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="53"/>
        <source>The policy is not in force on the appointment&apos;s day: the family can move the appointment through the insurer&apos;s hotline, or the visit is self-pay.</source>
        <translation>预约当天保单尚未生效：家长可致电保险公司热线调整预约时间，否则此次就诊需自费。</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="58"/>
        <source>This clinic is not in the plan&apos;s network: the family can move the appointment to a network clinic through the insurer&apos;s hotline, or come as a self-pay visit.</source>
        <translation>本诊所不在该保障计划的网络内：家长可致电保险公司热线将预约改到网络内的医疗机构，或按自费就诊。</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="63"/>
        <source>The insurer no longer knows this member: ask the family to call its hotline.</source>
        <translation>保险公司查无此会员：请家长致电保险公司热线。</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="66"/>
        <source>The insurer has not decided the pre-authorisation for the booked procedure yet: remind the family it must be approved first, or they pay for the procedure.</source>
        <translation>预约项目的事先授权保险公司尚未审核完毕：请提醒家长须先获批准，否则该项目需自费。</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="71"/>
        <source>The insurer refused the pre-authorisation for the booked procedure: the family pays for it, or moves the appointment through the insurer&apos;s hotline.</source>
        <translation>预约项目的事先授权未获批准：该项目需自费，或由家长致电保险公司热线调整预约。</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="76"/>
        <source>The pre-authorisation for the booked procedure will not cover it on the day (used up, nothing left, or outside its dates): the family asks the insurer for a new one, or pays for the procedure.</source>
        <translation>预约项目的事先授权到时无法使用（次数或金额已用完，或不在有效期内）：请家长向保险公司重新申请，否则该项目需自费。</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="82"/>
        <source>The insurer could not be asked about this family: the kiosk tries again.</source>
        <translation>暂时无法向保险公司核查这位会员：系统稍后会再试。</translation>
    </message>
</context>
<context>
    <name>ArrivalsBoard</name>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="280"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="280"/>
        <source>Child</source>
        <translation>孩子</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="280"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="280"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="307"/>
        <source>Today&apos;s appointments · as of {time}</source>
        <translation>今日预约 · 更新于 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="310"/>
        <source>The insurer cannot be reached: the list is as of {time}.</source>
        <translation>暂时无法连接保险公司：以下为 {time} 的名单。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="316"/>
        <source>The check of the families to call could not be run ({time}).</source>
        <translation>未能完成需致电家长的核查（{time}）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/arrivals_board.py" line="327"/>
        <source>To call today: %n family(s)…</source>
        <translation>
            <numerusform>今天需致电：%n 位家长…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BillScreen</name>
    <message>
        <location filename="../../ui/screens/bill.py" line="151"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/bill.py" line="156"/>
        <location filename="../../ui/screens/bill.py" line="300"/>
        <source>%n item(s) in the catalogue</source>
        <translation>
            <numerusform>目录共 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="160"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="161"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="162"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="163"/>
        <source>Insurer pays</source>
        <translation>保险公司支付</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="164"/>
        <source>Family pays</source>
        <translation>家庭自付</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="167"/>
        <source>Emergency visit</source>
        <translation>急诊就诊</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="170"/>
        <source>The bill and the claim say emergency; a pre-authorisation filed for it needs no lead time</source>
        <translation>账单和理赔均标注为急诊；为其申请的事先授权无需提前期</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="174"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="175"/>
        <source>Cancel visit</source>
        <translation>取消本次就诊</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="176"/>
        <source>Ask the insurer again</source>
        <translation>重新询问保险公司</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="177"/>
        <location filename="../../ui/screens/bill.py" line="594"/>
        <source>Show to the family to sign</source>
        <translation>交给家长确认签字</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="284"/>
        <source>The clinic&apos;s fee catalogue</source>
        <translation>诊所收费目录</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="417"/>
        <source>Bill for member {member} · phone guarantee {reference}</source>
        <translation>会员 {member} 的账单 · 电话担保 {reference}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="421"/>
        <source>Corrected bill for {member} · replaces statement {statement}</source>
        <translation>{member} 的更正账单 · 替代账单 {statement}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="424"/>
        <source>Correction of claim {claim}</source>
        <translation>更正理赔 {claim}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="432"/>
        <source>Self-pay bill for {member}</source>
        <translation>{member} 的自费账单</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="431"/>
        <source>Self-pay bill</source>
        <translation>自费账单</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="450"/>
        <source>HIS order {order}</source>
        <translation>HIS医嘱 {order}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="476"/>
        <source>insurer pays &lt;b&gt;{covered}&lt;/b&gt;</source>
        <translation>保险公司支付 &lt;b&gt;{covered}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="479"/>
        <source>family pays &lt;b&gt;{patient}&lt;/b&gt;</source>
        <translation>家庭自付 &lt;b&gt;{patient}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="494"/>
        <source>Checking the amounts with the insurer once more…</source>
        <translation>正在向保险公司再次核对金额…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/bill.py" line="504"/>
        <source>%n item(s) need a pre-authorisation: the family pays for them today unless they are removed, or request an emergency one now (no lead time).</source>
        <translation>
            <numerusform>%n 个项目需要事先授权：如不删除，今天由家庭自付；也可立即申请急诊事先授权（无需提前期）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="521"/>
        <source>This bill takes the year&apos;s medical costs over {threshold}: its treatments and exams need one.</source>
        <translation>本次账单使年度累计医疗费用超过 {threshold}：其中的治疗、检查项目均须事先授权。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/bill.py" line="529"/>
        <source>%n item(s) cost more than the pre-authorised amount: the plan pays up to it and the family pays the rest.</source>
        <translation>
            <numerusform>%n 个项目超出事先授权金额：保险支付至授权金额，其余由家庭自付。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="541"/>
        <source>The insurer would pay nothing on the corrected bill, so it cannot replace claim {claim}. Cancel the claim at the insurer instead.</source>
        <translation>保险公司对更正后的账单不支付任何金额，因此它不能替代理赔 {claim}。请改为向保险公司撤销该理赔。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="549"/>
        <source>Correction of statement {statement} (claim {claim}): the family signs the corrected bill, and the insurer cancels the original claim when it accepts this one. The family paid {paid} on the original bill; the difference is refunded or paid after signing.</source>
        <translation>更正账单 {statement}（理赔 {claim}）：家长签署更正后的账单，保险公司受理后即撤销原理赔。家长已为原账单支付 {paid}；差额在签名后退还或补缴。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="563"/>
        <source>Phone guarantee {reference}: the insurer confirms its share once its system is back, and the claim is sent then. The family pays nothing now; what the insurer does not cover is theirs to pay to the clinic afterwards.</source>
        <translation>电话担保 {reference}：保险公司系统恢复后确认其承担金额，届时提交理赔。家庭现在无需支付；保险公司不承担的部分，之后由家庭向诊所支付。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="572"/>
        <source>Self-pay visit: the card cannot be direct-billed today. The family pays the whole bill at the desk and gets a self-pay statement; nothing is claimed from the insurer.</source>
        <translation>自费就诊：此卡今天不能直付。全部费用由家庭在前台支付，并取得自费账单；不向保险公司提交理赔。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="581"/>
        <source>The plan pays nothing on these items: this is a self-pay visit. The family pays the whole bill and no claim is made.</source>
        <translation>保险计划不支付以上项目：本次为自费就诊，由家长支付全部费用，不提交理赔。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="592"/>
        <source>Self-pay: take the payment</source>
        <translation>自费：收取费用</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="669"/>
        <source>The insurer&apos;s amounts changed since the estimate (another visit or claim used part of the balance): the family now pays {patient}. Go through the new amounts with the family, then show the bill to sign.</source>
        <translation>保险公司的金额自估算后已有变化（其他就诊或理赔用去了部分余额）：家庭现需自付 {patient}。请先与家长核对新的金额，再出示账单签字。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="153"/>
        <source>Import the clinic&apos;s own fee catalogue (Excel .xlsx, CSV or JSON)</source>
        <translation>导入本诊所自己的收费目录（Excel .xlsx、CSV 或 JSON）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="150"/>
        <source>Code, name or pinyin initials (xcg)</source>
        <translation>按编码、名称或拼音首字母搜索（如 xcg）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="286"/>
        <source>Catalogue (*.xlsx *.csv *.txt *.json)</source>
        <translation>收费目录 (*.xlsx *.csv *.txt *.json)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="310"/>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/bill.py" line="312"/>
        <source>The file has %n bad row(s) and was not used: </source>
        <translation>
            <numerusform>文件有 %n 行错误，未被使用：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="316"/>
        <source>The file could not be read as a catalogue.</source>
        <translation>无法将此文件读取为收费目录。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="437"/>
        <source>Bill for {member} ({plan})</source>
        <translation>{member} 的账单（{plan}）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="458"/>
        <source>Request pre-auth</source>
        <translation>申请事先授权</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="459"/>
        <source>Add items from the catalogue on the left.</source>
        <translation>请从左侧目录添加项目。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="470"/>
        <location filename="../../ui/screens/bill.py" line="473"/>
        <source>Total {total}</source>
        <translation>合计 {total}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="499"/>
        <source>Asking the insurer for its estimate…</source>
        <translation>正在向保险公司获取理算预估…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/bill.py" line="511"/>
        <source>%n item(s) need a pre-authorisation: the family pays for them today unless they are removed, or request one for a later date.</source>
        <translation>
            <numerusform>%n 个项目需要事先授权：如不删除，今天由家庭自付；也可为以后的日期申请授权。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangesTable</name>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="76"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="77"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="78"/>
        <source>Statement no.</source>
        <translation>账单号</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="79"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="80"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="81"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ClaimActions</name>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="131"/>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="132"/>
        <source>Send this claim again once its cause is fixed</source>
        <translation>原因解决后重新发送此理赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="133"/>
        <source>How was it settled? (required)</source>
        <translation>是如何结清的？（必填）</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="134"/>
        <source>Mark settled</source>
        <translation>标记为已结清</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="135"/>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="136"/>
        <source>Void this signed bill before it is sent</source>
        <translation>在发送前作废这张已签名的账单</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="137"/>
        <source>Cancel at the insurer…</source>
        <translation>向保险公司撤销…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="138"/>
        <source>Cancel this accepted claim at the insurer</source>
        <translation>向保险公司撤销这笔已受理的理赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="139"/>
        <source>Correct the bill…</source>
        <translation>更正账单…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="142"/>
        <source>Open this bill at the desk to correct it; the family signs the corrected bill, which replaces this claim at the insurer</source>
        <translation>在前台打开此账单进行更正；家长签署更正后的账单，它在保险公司替代这笔理赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="146"/>
        <source>Why? (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="147"/>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="202"/>
        <source>Cancel this claim at the insurer? It pays nothing for it and gives back the fully-paid visit and the pre-auth use it took. The reason is kept.</source>
        <translation>向保险公司撤销这笔理赔？保险公司不再为其支付，并退回其占用的全额赔付次数和事先授权使用次数。原因将被保存。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="206"/>
        <source>Cancel the claim</source>
        <translation>撤销理赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="210"/>
        <source>Void this signed bill? It is never sent to the insurer. The family&apos;s signature and the reason are kept.</source>
        <translation>作废这张已签名的账单？它不会发送给保险公司。家长签名和原因将被保存。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="214"/>
        <source>Void the bill</source>
        <translation>作废账单</translation>
    </message>
</context>
<context>
    <name>ClaimsTab</name>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="499"/>
        <source>All claims</source>
        <translation>全部理赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="504"/>
        <source>Statement no. or insurer claim number</source>
        <translation>账单号或保险公司理赔号</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="507"/>
        <source>Statement no.</source>
        <translation>账单号</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="508"/>
        <source>Signed</source>
        <translation>签字时间</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="509"/>
        <location filename="../../ui/manager/claims_tab.py" line="635"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="510"/>
        <location filename="../../ui/manager/claims_tab.py" line="622"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="511"/>
        <location filename="../../ui/manager/claims_tab.py" line="636"/>
        <source>Billed</source>
        <translation>账单金额</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="512"/>
        <source>Insurer covers</source>
        <translation>保险公司支付</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="513"/>
        <location filename="../../ui/manager/claims_tab.py" line="642"/>
        <source>Family share</source>
        <translation>家庭自付</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="514"/>
        <source>Paid at desk</source>
        <translation>前台已收</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="517"/>
        <source>Open the signed bill</source>
        <translation>打开签字账单</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/claims_tab.py" line="560"/>
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n 笔理赔</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="581"/>
        <source>As shown to the family; the insurer has not answered</source>
        <translation>签字时向家长展示的金额；保险公司尚未答复</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="605"/>
        <source>Choose a claim to see it in detail.</source>
        <translation>选择一笔理赔查看详情。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="620"/>
        <source>Claim key, for the insurer&apos;s support: %1</source>
        <translation>理赔提交编号（供保险公司核查）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="630"/>
        <source>Replaced by the corrected claim {claim}</source>
        <translation>已由更正后的理赔 {claim} 替代</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="637"/>
        <source>Insurer share as signed</source>
        <translation>签字时保险支付</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="639"/>
        <source>Covered by the insurer</source>
        <translation>保险公司支付</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="644"/>
        <source>Paid at the desk</source>
        <translation>前台已收</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="650"/>
        <source>Signed and stored</source>
        <translation>签字并保存于</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="653"/>
        <source>Insurer claim no.</source>
        <translation>保险公司理赔号</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="657"/>
        <source>Recorded by the insurer</source>
        <translation>保险公司记录于</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="625"/>
        <source>Cancelled by</source>
        <translation>撤销人</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="627"/>
        <source>Voided by</source>
        <translation>作废人</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="633"/>
        <location filename="../../ui/manager/claims_tab.py" line="659"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="673"/>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
</context>
<context>
    <name>ClinicTab</name>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="84"/>
        <source>Billed</source>
        <translation>账单金额</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="69"/>
        <source>Last 30 days: covered by the insurer and paid by families</source>
        <translation>近 30 天：保险公司支付与家庭付款</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="76"/>
        <location filename="../../ui/manager/clinic_tab.py" line="182"/>
        <source>The clinic&apos;s day</source>
        <translation>诊所当日</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="81"/>
        <source>Clinic</source>
        <translation>诊所</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="81"/>
        <source>Desk</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="82"/>
        <source>Records up to</source>
        <translation>记录截至</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="83"/>
        <source>Visits</source>
        <translation>直付就诊</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="85"/>
        <source>Insurer covers</source>
        <translation>保险公司支付</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="86"/>
        <source>Awaiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="87"/>
        <source>Refused</source>
        <translation>已拒赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="88"/>
        <source>Families paid</source>
        <translation>家庭已付</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="89"/>
        <source>Families owe</source>
        <translation>家庭尚欠</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="95"/>
        <source>nothing yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="122"/>
        <source>The group&apos;s day: %1, %2</source>
        <translation>集团当日：%1，%2</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="124"/>
        <source>The clinic&apos;s day: %1, %2</source>
        <translation>诊所当日：%1，%2</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="135"/>
        <source>Not shipped for 15 minutes or more (its figures may be behind): %1</source>
        <translation>超过 15 分钟未上传记录（其数字可能滞后）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="139"/>
        <source>Every desk has shipped its records in the last 15 minutes.</source>
        <translation>所有终端在最近 15 分钟内都已上传记录。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/clinic_tab.py" line="144"/>
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n 笔理赔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/clinic_tab.py" line="148"/>
        <source>%n accepted claim(s)</source>
        <translation>
            <numerusform>已受理 %n 笔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/clinic_tab.py" line="153"/>
        <source>%n claim(s) to collect or fix</source>
        <translation>
            <numerusform>%n 笔需向家长收取或处理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/clinic_tab.py" line="157"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n 次就诊</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/clinic_tab.py" line="161"/>
        <source>%1 (%n desk(s))</source>
        <translation>
            <numerusform>%1（%n 个终端）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="169"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="185"/>
        <source>The clinic database cannot be read now (%1). This desk&apos;s own figures are on the Day tab; the desks keep their records and ship them when it is back.</source>
        <translation>诊所数据库暂时无法读取（%1）。本机自己的数字见“当日”标签页；各终端会保存记录，待数据库恢复后再上传。</translation>
    </message>
</context>
<context>
    <name>CloseOutSummary</name>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="489"/>
        <source>Close-out</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="492"/>
        <source>Taken at the desk</source>
        <translation>前台实收</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="492"/>
        <source>Counted</source>
        <translation>清点金额</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="492"/>
        <source>Variance</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="497"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="498"/>
        <source>Changes after close</source>
        <translation>日结后的变更</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="514"/>
        <source>Not closed yet: the manager closes it on the Close the day tab.</source>
        <translation>尚未日结：由经理在“日结”页完成。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="518"/>
        <source>Closed by %1 at %2.</source>
        <translation>已由 %1 于 %2 日结。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="522"/>
        <source>Note: %1</source>
        <translation>说明：%1</translation>
    </message>
</context>
<context>
    <name>CloseTab</name>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="229"/>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="230"/>
        <source>Taken at the desk</source>
        <translation>前台实收</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="231"/>
        <source>Counted</source>
        <translation>清点金额</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="232"/>
        <source>Variance</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="240"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="241"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="242"/>
        <source>Why the amounts differ (required when they do)</source>
        <translation>金额不符的原因（有差额时必填）</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="243"/>
        <source>Close the day…</source>
        <translation>日结…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="244"/>
        <source>Close the day now</source>
        <translation>确认日结</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="245"/>
        <source>Not yet</source>
        <translation>暂不</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="246"/>
        <source>Changes after close</source>
        <translation>日结后的变更</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="318"/>
        <source>Close the day %1</source>
        <translation>%1 日结</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="321"/>
        <source>Closed by %1 at %2. Later changes need a manager and are listed here.</source>
        <translation>已由 %1 于 %2 日结。之后的变更须由经理办理，并列在此处。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="326"/>
        <source>This day has not come yet.</source>
        <translation>这一天还没到。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="330"/>
        <source>Count the cash in the drawer and print each terminal&apos;s day report, then enter what they show. Taken at the desk: recorded that day, refunds taken off.</source>
        <translation>请清点钱箱现金，并打印 POS 机及微信、支付宝的当日结算单，再填入其金额。前台实收：当天在前台记录的收款，已扣除退款。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="369"/>
        <source>Enter amounts in yuan, such as 120 or 120.50.</source>
        <translation>请以元为单位填写金额，例如 120 或 120.50。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="376"/>
        <source>The counts differ from what was taken: say why in the note.</source>
        <translation>清点金额与前台实收不符：请在说明中写明原因。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="386"/>
        <source>Once the day is closed, every change to it recorded later is listed here.</source>
        <translation>日结后，之后记录的每一项变更都会列在此处。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="389"/>
        <source>Nothing was changed since the close.</source>
        <translation>日结后没有变更。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="392"/>
        <source>Recorded after the close, by a manager; not in the figures on the left.</source>
        <translation>日结后由经理记录；不计入左侧金额。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="406"/>
        <source>Close %1 with a variance of %2? The figures are kept as they are now and the day is locked: a later payment or refund for it needs a manager and is listed as a change after close.</source>
        <translation>以差额 %2 完成 %1 的日结？金额按现在的数字保存，当天随即锁定：之后该日的收款或退款须由经理办理，并列为日结后的变更。</translation>
    </message>
</context>
<context>
    <name>CollectDialog</name>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="77"/>
        <source>Collect an amount owed</source>
        <translation>收取欠款</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="78"/>
        <source>Collect what is owed to the clinic</source>
        <translation>收取欠诊所的款项</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="80"/>
        <source>Visit of {date}, statement {number}: {share} to pay, {paid} paid.</source>
        <translation>{date} 就诊，账单号 {number}：应付 {share}，已付 {paid}。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="87"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DayBeforeDialog</name>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="93"/>
        <source>Families to call today</source>
        <translation>今天需致电的家长</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="95"/>
        <source>Families to call today ({day})</source>
        <translation>今天需致电的家长（{day}）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="99"/>
        <source>{problems} of the {booked} booked appointments to call about today would not be direct-billed as things stand (checked at {time}). Call the families before their cancel-in-time deadline, so it is sorted out by phone and not at the desk.</source>
        <translation>今天需致电确认的 {booked} 个预约中，有 {problems} 个按目前情况到诊时无法直付（核查于 {time}）。请在按时取消的截止时间前致电家长，在电话里解决，而不是到了前台才发现。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="110"/>
        <source>Appointment</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="111"/>
        <source>Child</source>
        <translation>孩子</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="112"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="113"/>
        <source>Cancel in time until</source>
        <translation>按时取消截止</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="114"/>
        <source>What to tell the family</source>
        <translation>告知家长</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="135"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DayReport</name>
    <message>
        <location filename="../../ui/documents/day_report.py" line="51"/>
        <source>Direct-pay day report</source>
        <translation>直付日报</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="52"/>
        <source>Service date</source>
        <translation>就诊日期</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="53"/>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="54"/>
        <source>By</source>
        <translation>打印人</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="55"/>
        <source>Direct-pay visits</source>
        <translation>直付就诊</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="56"/>
        <source>Billed</source>
        <translation>账单金额</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="57"/>
        <source>Covered by the insurer</source>
        <translation>保险公司支付</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="58"/>
        <source>Awaiting the insurer</source>
        <translation>等待保险公司</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="59"/>
        <source>Refused by the insurer</source>
        <translation>保险公司拒付</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="60"/>
        <source>Paid by families</source>
        <translation>家庭已付</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="61"/>
        <source>family share %1</source>
        <translation>家庭自付 %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="62"/>
        <source>Claims</source>
        <translation>理赔</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="63"/>
        <source>Sent to the insurer</source>
        <translation>已发送保险公司</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="64"/>
        <source>Family payments</source>
        <translation>家庭付款</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="65"/>
        <source>Pre-auth requests</source>
        <translation>事先授权申请</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="66"/>
        <source>Top items</source>
        <translation>收入最高项目</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="67"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="68"/>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="69"/>
        <source>Reconciliation with the insurer</source>
        <translation>与保险公司对账</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="70"/>
        <source>Not reconciled: the insurer&apos;s statement was not fetched for this report.</source>
        <translation>未对账：本报告未获取保险公司对账单。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="73"/>
        <source>Balanced: every claim agrees with the insurer&apos;s statement (%1).</source>
        <translation>账目相符：全部理赔与保险公司对账单一致（%1 笔）。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="76"/>
        <source>Agree: %1 · need a look: %2. Insurer total %3, this PC&apos;s records %4.</source>
        <translation>一致 %1 笔 · 需核查 %2 项。保险公司合计 %3，本机记录 %4。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="80"/>
        <source>… and %1 more on the kiosk&apos;s reconciliation page.</source>
        <translation>……另有 %1 笔，请在终端对账页面查看。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="81"/>
        <source>Audit trail: %1 entries, head %2</source>
        <translation>审计记录：%1 条，末条哈希 %2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="82"/>
        <source>Audit trail BROKEN at entry %1: call the clinic&apos;s IT contact.</source>
        <translation>审计记录在第 %1 条处被破坏：请联系诊所 IT 负责人。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="85"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="86"/>
        <source>Day not closed yet</source>
        <translation>当日尚未日结</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="87"/>
        <source>Day closed by %1 at %2</source>
        <translation>已由 %1 于 %2 日结</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="88"/>
        <source>Close-out</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="89"/>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="90"/>
        <source>Taken at the desk</source>
        <translation>前台实收</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="91"/>
        <source>Counted</source>
        <translation>清点金额</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="92"/>
        <source>Variance</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="93"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="94"/>
        <source>Note: %1</source>
        <translation>说明：%1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="95"/>
        <source>Taken at the desk: payments recorded that day, refunds taken off, whichever visit they were for. Counted: the drawer&apos;s cash and each terminal&apos;s day report.</source>
        <translation>前台实收：当天记录的收款（无论属于哪次就诊），已扣除退款。清点金额：钱箱现金及 POS 机、微信、支付宝的当日结算单。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="100"/>
        <source>Changes after close</source>
        <translation>日结后的变更</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="101"/>
        <source>Nothing was changed since the close.</source>
        <translation>日结后没有变更。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="102"/>
        <source>Recorded after the close; not in the close-out&apos;s figures.</source>
        <translation>日结后记录；不计入日结金额。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="105"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="106"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="107"/>
        <source>Statement no.</source>
        <translation>账单号</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="108"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="109"/>
        <source>Recorded by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="110"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="111"/>
        <source>Direct-billing kiosk · day report</source>
        <translation>直付终端 · 日报</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="112"/>
        <source>Receivables</source>
        <translation>应收款</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="113"/>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="114"/>
        <source>Unpaid 0–30 days</source>
        <translation>未付 0–30 天</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="115"/>
        <source>Unpaid 31–60 days</source>
        <translation>未付 31–60 天</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="116"/>
        <source>Unpaid 61–90 days</source>
        <translation>未付 61–90 天</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="117"/>
        <source>Unpaid over 90 days</source>
        <translation>未付超过 90 天</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="118"/>
        <source>Claims: %1</source>
        <translation>理赔：%1 笔</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="119"/>
        <source>Paid against expected, by month of service</source>
        <translation>实付与应付（按就诊月份）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="120"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="121"/>
        <source>Expected</source>
        <translation>应付</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="122"/>
        <source>Paid</source>
        <translation>已赔付</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="123"/>
        <source>To come</source>
        <translation>待付</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="124"/>
        <source>Owed by families</source>
        <translation>家长欠款</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="125"/>
        <source>At the desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="126"/>
        <source>After the insurer&apos;s review</source>
        <translation>保险公司审核后</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="127"/>
        <source>The insurer&apos;s remittances</source>
        <translation>保险公司付款单</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="128"/>
        <source>Remittances: %1 · lines: %2 · agree with the claims: %3</source>
        <translation>付款单：%1 张 · 明细：%2 行 · 与理赔一致：%3 行</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="131"/>
        <source>Every remittance line agrees with a claim.</source>
        <translation>每行付款明细都与理赔一致。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="132"/>
        <source>Remittance</source>
        <translation>付款单</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="133"/>
        <source>Claim</source>
        <translation>理赔</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="134"/>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="135"/>
        <source>What to do</source>
        <translation>处理方法</translation>
    </message>
</context>
<context>
    <name>DayTab</name>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="35"/>
        <source>Direct-pay visits</source>
        <translation>直付就诊</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="36"/>
        <source>Billed</source>
        <translation>账单金额</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="37"/>
        <source>Covered by the insurer</source>
        <translation>保险公司支付</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="38"/>
        <source>Awaiting the insurer</source>
        <translation>等待保险公司</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="39"/>
        <source>Refused by the insurer</source>
        <translation>保险公司拒付</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="40"/>
        <source>Paid by families</source>
        <translation>家庭已付</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="194"/>
        <source>Claims</source>
        <translation>理赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="197"/>
        <source>Sent to the insurer</source>
        <translation>已发送保险公司</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="198"/>
        <source>Family payments</source>
        <translation>家庭付款</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="201"/>
        <source>Refunded (taken off above)</source>
        <translation>已退款（已从上面扣除）</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="41"/>
        <source>Still owed by families</source>
        <translation>家庭尚欠诊所</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="203"/>
        <source>Pre-auth requests</source>
        <translation>事先授权申请</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="206"/>
        <source>Top items</source>
        <translation>收入最高项目</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="208"/>
        <source>Last 30 days: covered by the insurer and paid by families</source>
        <translation>近 30 天：保险公司支付与家庭付款</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/day_tab.py" line="218"/>
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n 笔理赔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/day_tab.py" line="223"/>
        <source>%n accepted claim(s)</source>
        <translation>
            <numerusform>已受理 %n 笔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/day_tab.py" line="226"/>
        <source>%n claim(s) waiting to send</source>
        <translation>
            <numerusform>待发送 %n 笔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/day_tab.py" line="232"/>
        <source>%n claim(s) to collect or fix</source>
        <translation>
            <numerusform>%n 笔需向家长收取或处理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/day_tab.py" line="238"/>
        <source>of %1 family share, with %n self-pay visit(s)</source>
        <translation>
            <numerusform>家庭自付应收 %1（含自费就诊 %n 次）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="241"/>
        <source>of %1 family share</source>
        <translation>家庭自付应收 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/day_tab.py" line="254"/>
        <source>%1 (%n visit(s))</source>
        <translation>
            <numerusform>%1（%n 次就诊）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <location filename="../../ui/demo_panel.py" line="123"/>
        <location filename="../../ui/demo_panel.py" line="124"/>
        <source>Demo: the family&apos;s phone</source>
        <translation>演示：家长的手机</translation>
    </message>
    <message>
        <location filename="../../ui/demo_panel.py" line="127"/>
        <source>Choose whose e-card the phone shows; the simulated camera sees it at once. Hover a button to see what that member demonstrates.</source>
        <translation>选择手机上显示哪位会员的电子保险卡，模拟摄像头会立即看到。鼠标停在按钮上可查看该会员演示的情形。</translation>
    </message>
    <message>
        <location filename="../../ui/demo_panel.py" line="131"/>
        <source>Take the phone away</source>
        <translation>拿开手机</translation>
    </message>
    <message>
        <location filename="../../ui/demo_panel.py" line="132"/>
        <source>Demo staff</source>
        <translation>演示员工账号</translation>
    </message>
    <message>
        <location filename="../../ui/demo_panel.py" line="134"/>
        <source>Tap Staff at the top of the kiosk, choose the name and enter the PIN.</source>
        <translation>点击终端顶部的“员工”，选择姓名并输入 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../ui/demo_panel.py" line="137"/>
        <source>Demo manager PIN: %1</source>
        <translation>演示经理 PIN 码：%1</translation>
    </message>
    <message>
        <location filename="../../ui/demo_panel.py" line="138"/>
        <source>Demo reception PIN: %1</source>
        <translation>演示前台 PIN 码：%1</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../../ui/screens/done.py" line="220"/>
        <source>Thank you. The signed bill is stored.</source>
        <translation>谢谢！签字账单已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="149"/>
        <source>Claim</source>
        <translation>理赔</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="150"/>
        <source>Insurer pays</source>
        <translation>保险公司支付</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="151"/>
        <source>Family pays</source>
        <translation>家庭自付</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="152"/>
        <source>Open to print</source>
        <translation>打开并打印</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="148"/>
        <source>Statement no.</source>
        <translation>账单号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="153"/>
        <source>Save a copy…</source>
        <translation>另存一份…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="154"/>
        <source>Next family</source>
        <translation>下一位</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="244"/>
        <source>No claim: the family pays the whole bill.</source>
        <translation>不提交理赔：费用全部由家长支付。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="566"/>
        <source>The statement PDF could not be written; the bill is stored all the same.</source>
        <translation>账单 PDF 未能生成，但账单已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="577"/>
        <source>Save the statement</source>
        <translation>保存账单</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="274"/>
        <source>Accepted by the insurer, claim number {number}</source>
        <translation>保险公司已受理，理赔号 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="206"/>
        <source>Self-pay visit: the plan pays nothing on this bill.</source>
        <translation>自费就诊：保险计划不支付本次账单中的项目。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="209"/>
        <source>Thank you. The corrected bill is signed and stored: it replaces statement {statement}.</source>
        <translation>谢谢。更正后的账单已签名并保存：它替代账单 {statement}。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="216"/>
        <source>Thank you. The signed bill is stored under phone guarantee {reference}: the insurer confirms its share once it can be reached.</source>
        <translation>谢谢。已签字的账单已按电话担保 {reference} 保存：保险公司恢复连接后将确认其承担金额。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="230"/>
        <source>Self-pay statement saved (version {version}).</source>
        <translation>自费账单已保存（第 {version} 版）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="233"/>
        <source>Statement saved (version {version}). It also appears in the visit records of the family&apos;s e-card once the insurer has the claim.</source>
        <translation>账单已保存（第 {version} 版）。保险公司收到理赔后，账单也会出现在电子保险卡的就诊记录中。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="252"/>
        <source>Accepted by the insurer, claim number {number}; it replaces claim {old}, which the insurer cancelled.</source>
        <translation>保险公司已受理，理赔号 {number}；它替代理赔 {old}，保险公司已撤销该理赔。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="257"/>
        <source>The insurer did not accept the correction: claim {old} stands as it was. The clinic manager will follow it up.</source>
        <translation>保险公司未受理此更正：理赔 {old} 保持不变。诊所经理将跟进处理。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="264"/>
        <source>Accepted by the insurer, claim number {number}: it covers {covered} of the {guaranteed} guaranteed. The family owes the clinic {owed}: it is shown to collect when the child&apos;s card is next scanned.</source>
        <translation>保险公司已受理，理赔号 {number}：在担保的 {guaranteed} 中承担 {covered}。家庭尚欠诊所 {owed}：下次扫描孩子的电子保险卡时会显示，可届时收取。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="279"/>
        <source>The insurer did not accept this claim; the clinic manager will follow it up.</source>
        <translation>保险公司未受理此理赔，诊所经理会跟进处理。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="282"/>
        <source>Settled by the clinic.</source>
        <translation>诊所已处理完毕。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="285"/>
        <source>Stored safely; the insurer cannot be reached now, it will be sent automatically.</source>
        <translation>已安全保存；目前无法连接保险公司，恢复后会自动发送。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="288"/>
        <source>Stored safely; sending to the insurer…</source>
        <translation>已安全保存，正在发送给保险公司…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="430"/>
        <source>The difference with the {paid} paid for statement {statement} is refunded or paid once the insurer accepts the corrected bill.</source>
        <translation>保险公司受理更正后的账单后，与账单 {statement} 已付的 {paid} 之间的差额再退还或补缴。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="435"/>
        <source>Statement {statement} stands: nothing is refunded or paid for the correction.</source>
        <translation>账单 {statement} 保持有效：此更正不退款，也不补缴。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="442"/>
        <source>Refunded {amount} ({methods}): give it back to the family the way they paid.</source>
        <translation>已退款 {amount}（{methods}）：请按家长原来的支付方式退还。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="453"/>
        <source>The corrected family share is {share}; the family paid {paid}. Refund {amount}: {methods}.</source>
        <translation>更正后家长应付 {share}；家长已付 {paid}。退款 {amount}：{methods}。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="462"/>
        <source>Refund {amount}</source>
        <translation>退款 {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="468"/>
        <source>The corrected family share is {share}; the family paid {paid}: {amount} is still to pay.</source>
        <translation>更正后家长应付 {share}；家长已付 {paid}：仍需支付 {amount}。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="477"/>
        <source>The corrected family share is {share}, what the family paid: nothing to refund or pay.</source>
        <translation>更正后家长应付 {share}，与已付金额相同：无需退款或补缴。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="583"/>
        <source>The copy could not be saved there.</source>
        <translation>无法保存到该位置。</translation>
    </message>
</context>
<context>
    <name>EligibilityScreen</name>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="142"/>
        <source>New scan</source>
        <translation>重新扫码</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="143"/>
        <source>Start the bill</source>
        <translation>开始开账单</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="145"/>
        <source>Print the note for the family</source>
        <translation>打印给家长的说明</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="146"/>
        <source>Self-pay visit</source>
        <translation>自费就诊</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="148"/>
        <source>Bill from the catalogue; the family pays it all and gets a self-pay statement</source>
        <translation>按收费目录开账单；费用全部由家庭自付，并取得自费账单</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="169"/>
        <source>Direct billing available</source>
        <translation>可以直付</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="170"/>
        <source>Direct billing available, with conditions</source>
        <translation>可以直付，但有附加条件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="171"/>
        <source>No direct billing today</source>
        <translation>今天不能直付</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="235"/>
        <source>Card on hold (置灰): {amount} the family owes from an earlier visit is unpaid (claim {ref}). To pay it: in the e-card, tap 就诊记录 (visit records), then 支付 (pay) beside that visit. Once it is paid the card works again: scan it again. Today&apos;s visit can go on as self-pay.</source>
        <translation>电子保险卡已置灰：此前一次就诊的自付费用 {amount} 尚未支付（理赔号 {ref}）。支付方法：在电子保险卡页面点击“就诊记录”，再点击该次就诊旁的“支付”。支付后电子卡即恢复使用，请重新扫码。今天的就诊可按自费进行。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="246"/>
        <source>The policy ended on {end}: no direct billing today. About renewing, the family can call the insurer&apos;s 7×24 hotline {hotline}. Today&apos;s visit can go on as self-pay.</source>
        <translation>保单已于 {end} 到期：今天不能直付。续保事宜可致电保险公司 7×24 小时服务热线 {hotline}。今天的就诊可按自费进行。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="252"/>
        <source>The policy starts on {start}: no direct billing before that day. Questions: the insurer&apos;s 7×24 hotline {hotline}. Today&apos;s visit can go on as self-pay.</source>
        <translation>保单自 {start} 起生效：此前不能直付。如有疑问请致电保险公司 7×24 小时服务热线 {hotline}。今天的就诊可按自费进行。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="257"/>
        <source>This clinic is not in the network of the family&apos;s plan: no direct billing here. The e-card&apos;s 适用医院 (network clinics) lists where the plan direct-bills; questions: the insurer&apos;s 7×24 hotline {hotline}. Today&apos;s visit can go on as self-pay.</source>
        <translation>本诊所不在该保障计划的网络内：本诊所不能直付。可直付的医疗机构见电子保险卡的“适用医院”；如有疑问请致电保险公司 7×24 小时服务热线 {hotline}。今天的就诊可按自费进行。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="264"/>
        <source>The insurer has no member for this card. Check the card or look the child up by policy number; questions: the insurer&apos;s 7×24 hotline {hotline}. Today&apos;s visit can go on as self-pay.</source>
        <translation>保险公司查无此卡的会员。请核对电子保险卡，或按保单号查询；如有疑问请致电保险公司 7×24 小时服务热线 {hotline}。今天的就诊可按自费进行。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="270"/>
        <source>The insurer does not allow direct billing for this card today. Questions: the insurer&apos;s 7×24 hotline {hotline}. Today&apos;s visit can go on as self-pay.</source>
        <translation>保险公司今天不允许此卡直付。如有疑问请致电保险公司 7×24 小时服务热线 {hotline}。今天的就诊可按自费进行。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="275"/>
        <source>All fully-paid visits are used: the family pays its share of today&apos;s visit.</source>
        <translation>全额赔付次数已用完：今天的就诊需支付个人自付部分。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="278"/>
        <source>A pre-authorisation is still pending: its item cannot be direct-billed yet.</source>
        <translation>有一项事先授权仍在审核中：该项目暂不能直付。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="285"/>
        <source>A pre-authorisation was denied: its item is not direct-billable.</source>
        <translation>有一项事先授权未获批准：该项目不能直付。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="303"/>
        <source>A benefit limit is used up: items under it are paid by the family.</source>
        <translation>有一项保障额度已用完：该额度下的项目由家庭自付。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="144"/>
        <source>Print the guarantee letter</source>
        <translation>打印担保函</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="192"/>
        <source>Medical costs billed this policy year: {billed}. Above {threshold} in the year, every treatment and exam needs a pre-authorisation first: {left} left before that.</source>
        <translation>本保单年度已发生医疗费用：{billed}。年度累计超过 {threshold} 后，任何治疗、检查项目均须先申请事先授权：距此还有 {left}。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="202"/>
        <source>Medical costs billed this policy year: {billed}, over {threshold}: every treatment and exam needs a pre-authorisation first (consultations and medicines do not).</source>
        <translation>本保单年度已发生医疗费用：{billed}，已超过 {threshold}：任何治疗、检查项目均须先申请事先授权（诊查费和药品除外）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="212"/>
        <source>Only {left} left of the {benefit} limit this year: above it the family pays, pre-authorised items included.</source>
        <translation>{benefit}本年度仅剩 {left}：超出部分由家庭自付，已获事先授权的项目也不例外。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="220"/>
        <source>This department direct-bills only visits booked through the insurer (享受部分公立医院直付服务需提前预约), and the child has no appointment here today. The family can book one in the e-card (适用医院, then the booking guide) or through the insurer&apos;s 7×24 hotline {hotline}; it is arranged within 2 working days. Today&apos;s visit can go on as self-pay.</source>
        <translation>本科室仅为经保险公司预约的就诊提供直付（享受部分公立医院直付服务需提前预约），而孩子今天在本院没有预约。家长可在电子保险卡下方的“适用医院”中按指引预约，或致电保险公司 7×24 小时服务热线 {hotline}；服务人员将在 2 个工作日内安排。今天的就诊可按自费进行。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="228"/>
        <source>This department direct-bills only visits booked through the insurer, and the insurer could not confirm the child&apos;s appointment just now. Scan the card again in a moment, or call the insurer&apos;s 7×24 hotline {hotline}; otherwise today&apos;s visit can go on as self-pay.</source>
        <translation>本科室仅为经保险公司预约的就诊提供直付，而保险公司刚才未能确认孩子的预约。请稍后重新扫码，或致电保险公司 7×24 小时服务热线 {hotline}；否则今天的就诊可按自费进行。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="281"/>
        <source>The insurer needs more information for a pre-authorisation: file it again with the documents it asks for (see below).</source>
        <translation>保险公司需要补充事先授权资料：请按要求附上资料重新提交（见下方）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="288"/>
        <source>An approval is used up or past its dates: its item needs a new pre-authorisation before the plan pays for it again.</source>
        <translation>有一项事先授权已用完或已过有效期：该项目须重新申请事先授权，保险才会再次支付。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="292"/>
        <source>A benefit&apos;s annual limit is nearly used up: above what is left the family pays, pre-authorised items included.</source>
        <translation>有一项保障的年度额度即将用完：超出剩余额度的部分由家庭自付，已获事先授权的项目也不例外。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="296"/>
        <source>Close to the yearly cost above which treatments and exams need a pre-authorisation.</source>
        <translation>年度累计医疗费用即将达到须事先授权的金额。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="300"/>
        <source>Past the yearly cost above which treatments and exams need a pre-authorisation.</source>
        <translation>年度累计医疗费用已超过须事先授权的金额。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="370"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="371"/>
        <source>{name} · born {year}</source>
        <translation>{name} · {year} 年出生</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="376"/>
        <source>Guardian&apos;s phone</source>
        <translation>监护人手机</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="377"/>
        <source>Standard</source>
        <translation>标准版</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="377"/>
        <source>PLUS</source>
        <translation>PLUS 版</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="380"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="381"/>
        <source>Policy</source>
        <translation>保单号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="385"/>
        <source>Policy period</source>
        <translation>保障期间</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="390"/>
        <source>Appointment today</source>
        <translation>今日预约</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="394"/>
        <source>Card</source>
        <translation>电子保险卡</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="401"/>
        <source>This clinic</source>
        <translation>本诊所</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="402"/>
        <source>In the {plan} plan&apos;s network</source>
        <translation>在{plan}计划的网络内</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="404"/>
        <source>Not in the {plan} plan&apos;s network</source>
        <translation>不在{plan}计划的网络内</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="412"/>
        <source>Fully-paid visits left</source>
        <translation>剩余全额赔付次数</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="413"/>
        <source>{left} of {total}</source>
        <translation>{left} / {total}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="422"/>
        <source>{remaining} left of {limit}</source>
        <translation>剩余额度 {remaining}（保障额度 {limit}）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="443"/>
        <source>None booked for today</source>
        <translation>今天没有预约</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="446"/>
        <source>{time} · {service} · {department}</source>
        <translation>{time} · {service} · {department}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="453"/>
        <source>{what}: already checked in at {time}</source>
        <translation>{what}：已于 {time} 签到</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="456"/>
        <source>{what}: checked in now</source>
        <translation>{what}：刚刚签到</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="461"/>
        <source>On hold (置灰): {amount} unpaid, claim {ref}</source>
        <translation>已置灰：{amount} 未支付，理赔号 {ref}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="465"/>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="466"/>
        <source>On hold (置灰): an amount is unpaid</source>
        <translation>已置灰：有一笔费用未支付</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="467"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="468"/>
        <source>Not in force yet</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="469"/>
        <source>Not known to the insurer</source>
        <translation>保险公司查无此会员</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="484"/>
        <source>{what}: approved, used up ({allowed} of {allowed} uses taken) · auth {auth}</source>
        <translation>{what}：已批准，已用完（已用 {allowed} 次，共 {allowed} 次）· 授权号 {auth}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="487"/>
        <source>{what}: approved, expired on {end} · auth {auth}</source>
        <translation>{what}：已批准，已于 {end} 过期 · 授权号 {auth}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="495"/>
        <source>{what}: {state}
{auth} · {left} left of {approved} · valid {start} – {end} · {uses} of {allowed} uses left</source>
        <translation>{what}：{state}
授权号 {auth} · 剩余 {left}（共 {approved}）· 有效期 {start} – {end} · 剩余 {uses} 次（共 {allowed} 次）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="514"/>
        <source>{what} for {date}: {state}</source>
        <translation>{what}（计划 {date}）：{state}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="518"/>
        <source>The insurer: {note}</source>
        <translation>保险公司说明：{note}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="553"/>
        <source>Asking the insurer for the guarantee letter…</source>
        <translation>正在向保险公司获取担保函…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="563"/>
        <source>Guarantee letter opened for printing: {files}</source>
        <translation>担保函已打开，可打印：{files}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="623"/>
        <source>Note opened for printing: {file}</source>
        <translation>说明已打开，可打印：{file}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="631"/>
        <source>The note could not be written. Try again.</source>
        <translation>说明未能生成，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="510"/>
        <source>the insurer needs more information</source>
        <translation>保险公司需要补充资料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="493"/>
        <location filename="../../ui/screens/eligibility.py" line="511"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="479"/>
        <source>emergency</source>
        <translation>急诊</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="306"/>
        <source>Card on hold (置灰): an amount the family owes from an earlier visit is unpaid. To pay it: in the e-card, tap 就诊记录 (visit records), then 支付 (pay). Today&apos;s visit can go on as self-pay.</source>
        <translation>电子保险卡已置灰：此前一次就诊的自付费用尚未支付。支付方法：在电子保险卡页面点击“就诊记录”，再点击“支付”。今天的就诊可按自费进行。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="311"/>
        <source>The policy period has ended: no direct billing today. Today&apos;s visit can go on as self-pay.</source>
        <translation>保单期间已结束：今天不能直付。今天的就诊可按自费进行。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="315"/>
        <source>The policy is not in force yet: no direct billing before its first day. Today&apos;s visit can go on as self-pay.</source>
        <translation>保单尚未生效：生效日之前不能直付。今天的就诊可按自费进行。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="441"/>
        <source>Could not be confirmed with the insurer: the kiosk tries again</source>
        <translation>未能向保险公司确认：系统会再试</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="491"/>
        <source>approved, from {date}</source>
        <translation>已批准，自 {date} 起有效</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="509"/>
        <source>pending the insurer&apos;s decision</source>
        <translation>等待保险公司审核</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="512"/>
        <source>denied</source>
        <translation>未批准</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="430"/>
        <source>Pre-authorisation</source>
        <translation>事先授权</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="523"/>
        <source>Outpatient and emergency</source>
        <translation>门急诊医疗</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="524"/>
        <source>General medical</source>
        <translation>一般医疗</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="525"/>
        <source>Critical-illness medical</source>
        <translation>重大疾病医疗</translation>
    </message>
</context>
<context>
    <name>ExportsTab</name>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="103"/>
        <source>The claims of %1</source>
        <translation>%1 的理赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="104"/>
        <location filename="../../ui/manager/exports_tab.py" line="110"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="105"/>
        <location filename="../../ui/manager/exports_tab.py" line="111"/>
        <source>Excel (XLSX)</source>
        <translation>Excel 表格（XLSX）</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="106"/>
        <source>PDF day report</source>
        <translation>PDF 日报</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="107"/>
        <source>The claims of a range of days</source>
        <translation>一段日期内的理赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="108"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="109"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="112"/>
        <source>Saved in</source>
        <translation>保存位置</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="113"/>
        <source>Change folder…</source>
        <translation>更改文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="121"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="124"/>
        <source>Saved %1, and beside it %2</source>
        <translation>已保存 %1，同目录另存 %2</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="140"/>
        <source>The range ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
</context>
<context>
    <name>FamilyWindow</name>
    <message>
        <location filename="../../ui/app.py" line="541"/>
        <source>Welcome. Reception will show your bill here to sign.</source>
        <translation>欢迎。前台会在这里显示您的账单供您签字。</translation>
    </message>
</context>
<context>
    <name>GuaranteeLetter</name>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="28"/>
        <source>Guarantee letter (pre-authorisation)</source>
        <translation>担保函（事先授权）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="29"/>
        <source>Auth number</source>
        <translation>授权号</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="30"/>
        <source>Issued</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="31"/>
        <source>request %1</source>
        <translation>申请 %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="32"/>
        <source>To</source>
        <translation>致</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="33"/>
        <source>Member</source>
        <translation>被保险人</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="34"/>
        <source>Policy</source>
        <translation>保单号</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="35"/>
        <source>Treatment</source>
        <translation>治疗项目</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="36"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="37"/>
        <source>Items covered</source>
        <translation>担保项目</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="38"/>
        <source>Guaranteed amount</source>
        <translation>担保金额</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="39"/>
        <source>%1 left when printed</source>
        <translation>打印时剩余 %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="40"/>
        <source>Valid for service dates</source>
        <translation>有效就诊日期</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="41"/>
        <source>Uses</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="42"/>
        <source>%1 of %2 left when printed</source>
        <translation>打印时剩余 %1 次（共 %2 次）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="43"/>
        <source>The insurer&apos;s terms</source>
        <translation>保险公司条款</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="44"/>
        <source>Printed at the clinic&apos;s direct-billing kiosk on %1 from the insurer&apos;s letter; the insurer&apos;s records decide.</source>
        <translation>由诊所直付终端于 %1 根据保险公司担保函打印；以保险公司记录为准。</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../ui/app.py" line="250"/>
        <source>Scan</source>
        <translation>扫码</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="251"/>
        <source>Eligibility</source>
        <translation>资格</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="252"/>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="253"/>
        <source>Sign</source>
        <translation>签字</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="254"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="245"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
</context>
<context>
    <name>HisChargesDialog</name>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="81"/>
        <source>Charges from the HIS</source>
        <translation>HIS费用</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="83"/>
        <source>Charges from the HIS for this child: tick what goes on the bill</source>
        <translation>HIS中这位孩子的费用：勾选要记入账单的项目</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="88"/>
        <source>{order} · {name} × {quantity} · HIS {price}</source>
        <translation>{order} · {name} × {quantity} · HIS {price}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="98"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="105"/>
        <source>HIS code {code} is not in the catalogue or the clinic&apos;s mapping table: it cannot be billed from here. Add the item from the catalogue by hand.</source>
        <translation>HIS编码 {code} 不在收费目录中，也不在诊所的编码对照表中：无法从这里记账。请从收费目录手动添加该项目。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="110"/>
        <source>HIS code {code} is mapped to a catalogue item the catalogue does not have: add the item by hand, and ask IT to fix the mapping table.</source>
        <translation>HIS编码 {code} 对照到的收费项目在收费目录中不存在：请手动添加该项目，并请IT修正编码对照表。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="113"/>
        <source>Bills as {code} {name} at {price}</source>
        <translation>按 {code} {name} 记账，单价 {price}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="118"/>
        <source> — the HIS&apos;s price is {his} each: the bill uses the catalogue&apos;s price.</source>
        <translation>——HIS单价为 {his}：账单按收费目录价格计。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="122"/>
        <source>The HIS charged it on {day}, not today: tick it only if it belongs to this visit.</source>
        <translation>HIS的记费日期为 {day}，不是今天：仅当属于本次就诊时才勾选。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="131"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/his_charges.py" line="133"/>
        <source>%n more charge(s) for this policy are not offered: the HIS&apos;s patient is not the child on this card ({why}). Check the patient in the HIS, or bill by hand.</source>
        <translation>
            <numerusform>该保单另有 %n 项费用未列出：HIS中的患者不是这张卡上的孩子（{why}）。请在HIS中核对患者，或手动记账。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="141"/>
        <source>policy number</source>
        <translation>保单号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="142"/>
        <source>member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="143"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="144"/>
        <source>year of birth</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="146"/>
        <source>another HIS patient on this policy, and the HIS sent no member number</source>
        <translation>该保单在HIS中另有一位患者，且HIS未提供会员号</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/his_charges.py" line="155"/>
        <source>Add %n charge(s) to the bill</source>
        <translation>
            <numerusform>将 %n 项费用记入账单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HisOfferBar</name>
    <message numerus="yes">
        <location filename="../../ui/widgets/his_offer.py" line="54"/>
        <source>Charges from the HIS (%n)</source>
        <translation>
            <numerusform>HIS费用（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/his_offer.py" line="59"/>
        <source>%n cannot be billed from here: see why</source>
        <translation>
            <numerusform>%n 项无法从这里记账：查看原因</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/his_offer.py" line="63"/>
        <source>%n held back: the HIS&apos;s patient is not this child</source>
        <translation>
            <numerusform>%n 项未列出：HIS中的患者不是这位孩子</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../../ui/widgets/idle_warning.py" line="85"/>
        <source>Still there? Tap to continue</source>
        <translation>还在吗？请轻触屏幕继续</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_warning.py" line="91"/>
        <source>Then this visit is cleared for the next family.</source>
        <translation>倒计时结束后，将清除本次就诊信息，准备接待下一位。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_warning.py" line="96"/>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="363"/>
        <location filename="../../ui/app.py" line="438"/>
        <source>Direct billing</source>
        <translation>直付</translation>
    </message>
</context>
<context>
    <name>Manager</name>
    <message>
        <location filename="../../ui/manager_text.py" line="26"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="30"/>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="36"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="37"/>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="38"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="39"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="42"/>
        <location filename="../../ui/manager_text.py" line="57"/>
        <source>Not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="43"/>
        <source>Pending</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="45"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="46"/>
        <source>Denied</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="55"/>
        <source>Missing at the insurer</source>
        <translation>保险公司无此记录</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="54"/>
        <source>Amounts differ</source>
        <translation>金额不一致</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="53"/>
        <source>Status differs</source>
        <translation>状态不一致</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="84"/>
        <source>Look for it on the clinic&apos;s other kiosks. If no desk made it, dispute it with the insurer.</source>
        <translation>请在本诊所其他终端上查找。如无任何前台提交过，请向保险公司提出异议。</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="89"/>
        <source>The insurer records less than the family signed for. Ask it to correct the claim.</source>
        <translation>保险公司记录的金额少于家长签字确认的金额。请要求其更正。</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="93"/>
        <source>The insurer records more than the family signed for. Tell the insurer; do not keep the difference.</source>
        <translation>保险公司记录的金额多于家长签字确认的金额。请告知保险公司，差额不得保留。</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="102"/>
        <source>The insurer now lists it as payable. Confirm it, then refund the family if they paid.</source>
        <translation>保险公司现将其列为可支付。确认后，如家长已付款请退还。</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="127"/>
        <source>Reception</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="128"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="185"/>
        <source>Claims</source>
        <translation>理赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="186"/>
        <source>Days</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="187"/>
        <source>Service date</source>
        <translation>就诊日期</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="189"/>
        <source>Claim state</source>
        <translation>理赔状态</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="190"/>
        <source>Insurer claim no.</source>
        <translation>保险公司理赔号</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="191"/>
        <source>Insurer status</source>
        <translation>保险公司状态</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="25"/>
        <location filename="../../ui/manager_text.py" line="208"/>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="27"/>
        <source>Reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="28"/>
        <source>Paid</source>
        <translation>已赔付</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="29"/>
        <source>Refused</source>
        <translation>已拒赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="31"/>
        <source>Settled</source>
        <translation>已结清</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="32"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="33"/>
        <source>Cancelled at the insurer</source>
        <translation>已向保险公司撤销</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="44"/>
        <source>More information asked</source>
        <translation>需补充资料</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="47"/>
        <source>Not accepted by the insurer</source>
        <translation>保险公司未受理</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="50"/>
        <source>Records changed since sent</source>
        <translation>发送后本机记录被改动</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="51"/>
        <source>Refused by the insurer</source>
        <translation>保险公司拒付</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="52"/>
        <source>Stopped, needs a person</source>
        <translation>已暂停，需人工处理</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="56"/>
        <source>Not in this PC&apos;s records</source>
        <translation>本机无此记录</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="60"/>
        <source>This PC&apos;s records changed after the claim was sent (removed, rewritten or an old backup put back). Change nothing on this PC and call support.</source>
        <translation>本机记录在此理赔发送后被改动（被删除、改写或恢复了旧备份）。请勿在本机做任何更改，并联系技术支持。</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="65"/>
        <source>Nothing to do: this PC sends it by itself. If it waits long, check the network and the kiosk&apos;s registration.</source>
        <translation>无需处理：本机会自动发送。如等待很久，请检查网络和终端注册。</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="70"/>
        <source>The insurer will not pay it. Collect it from the family, or fix the cause and claim again; then mark it settled.</source>
        <translation>保险公司不予支付。请向家长收取，或排除原因后重新申请；然后标记为已结清。</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="75"/>
        <source>Fix what stopped it (the claim&apos;s reason says what), then send it again; or mark it settled.</source>
        <translation>请排除暂停的原因（见理赔详情），然后重新发送；或标记为已结清。</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="80"/>
        <source>Ask the insurer about this claim number. Do not claim it again as a new claim.</source>
        <translation>请凭此理赔号向保险公司查询，不要作为新理赔重新提交。</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="98"/>
        <source>The insurer now lists it as refused. Ask why; if it stands, collect from the family.</source>
        <translation>保险公司现将其列为拒付。请询问原因；如维持拒付，请向家长收取。</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="106"/>
        <source>The remittance pays less than the claim&apos;s share. Ask the insurer for the rest.</source>
        <translation>付款单所付少于该理赔应付金额。请向保险公司追讨差额。</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="109"/>
        <source>The remittance pays more than this claim is owed. Tell the insurer; do not keep it.</source>
        <translation>付款单所付多于该理赔应付金额。请告知保险公司，不得留存多付款项。</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="113"/>
        <source>The payment does not add up to its lines. Ask the insurer for the remittance advice before booking it.</source>
        <translation>付款金额与明细合计不符。入账前请向保险公司索取付款通知。</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="120"/>
        <source>Pays a claim not from this PC</source>
        <translation>所付理赔不在本机</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="121"/>
        <source>Pays a claim that pays nothing</source>
        <translation>为不应付款的理赔付款</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="122"/>
        <source>Pays a claim twice</source>
        <translation>重复付款</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="123"/>
        <source>Pays another amount</source>
        <translation>付款金额不符</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="124"/>
        <source>Lines do not add up</source>
        <translation>明细合计不符</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="131"/>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="132"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="133"/>
        <source>Claim voided</source>
        <translation>理赔已作废</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="134"/>
        <source>Claim cancelled at the insurer</source>
        <translation>理赔已向保险公司撤销</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="135"/>
        <source>Corrected bill signed</source>
        <translation>已签署更正账单</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="153"/>
        <source>The insurer&apos;s amount changed after the family signed</source>
        <translation>家长签字后保险公司核定的金额有变</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="156"/>
        <source>Not covered on the visit&apos;s date</source>
        <translation>就诊当日不在保障范围内</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="157"/>
        <source>The claim did not match the signed bill</source>
        <translation>理赔与签字账单不一致</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="158"/>
        <source>The insurer could not read the claim</source>
        <translation>保险公司无法识别此理赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="159"/>
        <source>The insurer answered for another claim</source>
        <translation>保险公司的答复对应另一笔理赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="162"/>
        <source>Saved by an older kiosk in a form the insurer no longer takes</source>
        <translation>由旧版终端保存，保险公司已不再接受此格式</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="188"/>
        <location filename="../../ui/manager_text.py" line="228"/>
        <source>Statement no.</source>
        <translation>账单号</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="192"/>
        <source>Reason code</source>
        <translation>原因代码</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="193"/>
        <source>Member (masked)</source>
        <translation>会员（已遮蔽）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="194"/>
        <source>Billed (fen)</source>
        <translation>账单金额（分）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="195"/>
        <source>Billed (yuan)</source>
        <translation>账单金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="196"/>
        <source>Insurer share as signed (fen)</source>
        <translation>签字时保险支付额（分）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="197"/>
        <source>Insurer share as signed (yuan)</source>
        <translation>签字时保险支付额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="198"/>
        <source>Covered by the insurer (fen)</source>
        <translation>保险公司支付（分）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="199"/>
        <source>Covered by the insurer (yuan)</source>
        <translation>保险公司支付（元）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="200"/>
        <source>Family share (fen)</source>
        <translation>家庭自付（分）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="201"/>
        <source>Family share (yuan)</source>
        <translation>家庭自付（元）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="202"/>
        <source>Paid at the desk (fen)</source>
        <translation>前台已收（分）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="203"/>
        <source>Paid at the desk (yuan)</source>
        <translation>前台已收（元）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="204"/>
        <source>Payment methods</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="205"/>
        <source>Signed and stored at</source>
        <translation>签字并保存于</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="206"/>
        <source>Recorded by the insurer at</source>
        <translation>保险公司记录于</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="207"/>
        <source>Claim key (for the insurer&apos;s support)</source>
        <translation>理赔提交编号（供保险公司核查）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="209"/>
        <source>Covered (fen)</source>
        <translation>保险支付（分）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="210"/>
        <source>Covered (yuan)</source>
        <translation>保险支付（元）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="211"/>
        <source>Awaiting the insurer (fen)</source>
        <translation>等待保险公司（分）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="212"/>
        <source>Awaiting the insurer (yuan)</source>
        <translation>等待保险公司（元）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="213"/>
        <source>Refused by the insurer (fen)</source>
        <translation>保险公司拒付（分）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="214"/>
        <source>Refused by the insurer (yuan)</source>
        <translation>保险公司拒付（元）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="215"/>
        <source>Paid by families (fen)</source>
        <translation>家庭已付（分）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="216"/>
        <source>Paid by families (yuan)</source>
        <translation>家庭已付（元）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="217"/>
        <source>Close-out</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="218"/>
        <source>Line</source>
        <translation>行类型</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="219"/>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="220"/>
        <source>Taken at the desk (fen)</source>
        <translation>前台实收（分）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="221"/>
        <source>Taken at the desk (yuan)</source>
        <translation>前台实收（元）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="222"/>
        <source>Counted (fen)</source>
        <translation>清点金额（分）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="223"/>
        <source>Counted (yuan)</source>
        <translation>清点金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="224"/>
        <source>Variance (fen)</source>
        <translation>差额（分）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="225"/>
        <source>Variance (yuan)</source>
        <translation>差额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="226"/>
        <source>Amount (fen)</source>
        <translation>金额（分）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="227"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="229"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="230"/>
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="231"/>
        <source>Note or reason</source>
        <translation>说明或原因</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="232"/>
        <source>Receivables</source>
        <translation>应收款</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="233"/>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="234"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="235"/>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="236"/>
        <source>Expected from the insurer (fen)</source>
        <translation>保险公司应付（分）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="237"/>
        <source>Expected from the insurer (yuan)</source>
        <translation>保险公司应付（元）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="238"/>
        <source>Paid by the insurer (fen)</source>
        <translation>保险公司已付（分）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="239"/>
        <source>Paid by the insurer (yuan)</source>
        <translation>保险公司已付（元）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="240"/>
        <source>Still owed (fen)</source>
        <translation>尚欠（分）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="241"/>
        <source>Still owed (yuan)</source>
        <translation>尚欠（元）</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="242"/>
        <source>Remittance</source>
        <translation>付款单</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="243"/>
        <source>What to do</source>
        <translation>处理方法</translation>
    </message>
</context>
<context>
    <name>ManagerApproval</name>
    <message>
        <location filename="../../ui/widgets/manager_approval.py" line="50"/>
        <source>A manager records it</source>
        <translation>由经理记录</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/manager_approval.py" line="53"/>
        <source>This day is closed. A manager enters their PIN, and the payment is recorded under their name as a change after close.</source>
        <translation>这一天已日结。请经理输入 PIN 码，收款将以其名义记录，并列为日结后的变更。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/manager_approval.py" line="63"/>
        <source>Only a manager may. Ask a manager to enter their PIN.</source>
        <translation>只有经理可以办理。请经理输入 PIN 码。</translation>
    </message>
</context>
<context>
    <name>ManagerScreen</name>
    <message>
        <location filename="../../ui/manager/screen.py" line="481"/>
        <source>Marked settled.</source>
        <translation>已标记为已结清。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="614"/>
        <source>The claim could not be changed; it may have changed meanwhile.</source>
        <translation>无法更改此理赔，它可能已被更改。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="239"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="243"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="244"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="245"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="246"/>
        <source>Back to the desk</source>
        <translation>返回前台</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="247"/>
        <source>Exit the kiosk</source>
        <translation>退出终端程序</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="250"/>
        <source>Close the kiosk program? Reception cannot use it until it is started again. Claims waiting to send stay safe and are sent after the next start.</source>
        <translation>要关闭终端程序吗？再次启动之前，前台无法使用终端。待发送的理赔安全保存在本机，下次启动后发送。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="254"/>
        <source>Exit now</source>
        <translation>立即退出</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="255"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="257"/>
        <source>Day</source>
        <translation>当日</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="258"/>
        <source>Clinic</source>
        <translation>诊所</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="259"/>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="260"/>
        <source>Claims</source>
        <translation>理赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="261"/>
        <source>Reconciliation</source>
        <translation>对账</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="262"/>
        <source>Receivables</source>
        <translation>应收款</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="263"/>
        <source>Exports</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="264"/>
        <source>Close the day</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="374"/>
        <source>Reading this PC&apos;s records…</source>
        <translation>正在读取本机记录…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="377"/>
        <source>As this PC&apos;s records stood at %1.</source>
        <translation>截至 %1 的本机记录。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="387"/>
        <location filename="../../ui/manager/screen.py" line="654"/>
        <source>This PC&apos;s records cannot be read right now. Try again.</source>
        <translation>暂时无法读取本机记录，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="429"/>
        <source>The counts differ from what was taken: say why in the note.</source>
        <translation>清点金额与前台实收不符：请在说明中写明原因。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="431"/>
        <source>The note is at most %1 characters, on one line.</source>
        <translation>说明最多 %1 个字，且只能写一行。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="436"/>
        <source>A payment or refund was recorded meanwhile: the figures were read again. Check the counts and close again.</source>
        <translation>期间有新的收款或退款记录，已重新读取金额。请核对清点金额后再日结。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="440"/>
        <source>This day was already closed.</source>
        <translation>这一天已经日结。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="442"/>
        <source>This day has not come yet.</source>
        <translation>这一天还没到。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="444"/>
        <source>Only a manager may close the day.</source>
        <translation>只有经理可以日结。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="445"/>
        <source>The day could not be closed. Try again.</source>
        <translation>未能日结，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="471"/>
        <source>Waiting to send again; it goes at the next try.</source>
        <translation>已重新排队待发送，将在下次尝试时发送。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="491"/>
        <source>Voided: it will not be sent.</source>
        <translation>已作废：不会发送。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="505"/>
        <source>Cancelled at the insurer: it pays nothing for this claim.</source>
        <translation>已向保险公司撤销：保险公司不再为这笔理赔支付。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="517"/>
        <location filename="../../ui/manager/screen.py" line="596"/>
        <source>Only a manager may change a claim.</source>
        <translation>只有经理可以更改理赔。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="530"/>
        <source>Opened at the desk: the family signs the corrected bill there.</source>
        <translation>已在前台打开：家长在前台签署更正后的账单。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="533"/>
        <source>Reception is in the middle of a visit. Correct the bill once it is finished or cancelled.</source>
        <translation>前台正在接待一位就诊者。请在该就诊完成或取消后再更正账单。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="564"/>
        <source>Refunded %1 by %2.</source>
        <translation>已通过%2退款 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="605"/>
        <source>It is being sent right now; try again in a moment.</source>
        <translation>正在发送中，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="607"/>
        <source>The insurer already has this claim: cancel it at the insurer instead.</source>
        <translation>保险公司已收到这笔理赔：请改为向保险公司撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="609"/>
        <source>The insurer will not cancel it: it is paid, or was not accepted.</source>
        <translation>保险公司不能撤销：该理赔已支付或未被受理。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="611"/>
        <source>The insurer has no such claim from this clinic; nothing was changed.</source>
        <translation>保险公司没有本诊所的这笔理赔；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="667"/>
        <source>This PC&apos;s records cannot be read right now.</source>
        <translation>暂时无法读取本机记录。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="705"/>
        <source>Where should exports be saved?</source>
        <translation>导出文件保存到哪里？</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="729"/>
        <location filename="../../ui/manager/screen.py" line="762"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="773"/>
        <source>The file could not be written there. Choose another folder.</source>
        <translation>无法在此处写入文件，请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="797"/>
        <source>The signature of this claim was removed by the retention rule; only the amounts remain.</source>
        <translation>此笔理赔的签字已按保留规则删除，仅保留金额。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="801"/>
        <source>The signed bill could not be opened.</source>
        <translation>无法打开签字账单。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="47"/>
        <source>The card&apos;s time is ahead of this kiosk&apos;s clock. Check the kiosk&apos;s date and time.</source>
        <translation>电子保险卡的时间比本机时钟快。请检查本机的日期和时间。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="51"/>
        <source>This card was not issued by the insurer, or the kiosk cannot fetch its keys.</source>
        <translation>此卡不是保险公司签发的，或本机无法获取保险公司的密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="55"/>
        <source>This card could not be verified: it was not issued by the insurer.</source>
        <translation>此卡验证失败：不是保险公司签发的。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="34"/>
        <source>This code is not an e-card. Ask the family to open the e-card on their phone.</source>
        <translation>这不是电子保险卡的二维码。请家长在手机上打开电子保险卡。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>This e-card code has expired. Ask the family to refresh the e-card and show it again.</source>
        <translation>此电子保险卡二维码已过期。请家长刷新电子保险卡后重新出示。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43"/>
        <source>This e-card code was already used. Ask the family to refresh the e-card.</source>
        <translation>此电子保险卡二维码已使用过。请家长刷新电子保险卡。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="61"/>
        <source>The insurer refused this card code. Ask the family to refresh the e-card.</source>
        <translation>保险公司拒绝了此二维码。请家长刷新电子保险卡。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>The insurer could not use these details. Check them and try again.</source>
        <translation>保险公司无法使用这些信息，请核对后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="75"/>
        <source>This kiosk is not registered with the insurer. A manager must register it.</source>
        <translation>本机尚未在保险公司注册，请经理进行注册。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="79"/>
        <source>The insurer refused this kiosk&apos;s device key. A manager must register the kiosk again.</source>
        <translation>保险公司拒绝了本机的设备密钥，请经理重新注册本机。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="84"/>
        <source>The insurer&apos;s certificate file set for this kiosk is missing ({path}). Call the clinic&apos;s IT contact.</source>
        <translation>本机为保险公司设定的证书文件不见了（{path}）。请联系诊所的 IT 负责人。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="90"/>
        <source>The insurer is too slow to answer right now. Try again in a moment.</source>
        <translation>保险公司目前响应太慢。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="94"/>
        <source>The insurer cannot be reached. Check the network and try again.</source>
        <translation>无法连接保险公司。请检查网络后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="98"/>
        <source>The insurer&apos;s address sent the kiosk elsewhere, which it never follows. A manager must check the insurer address in the kiosk&apos;s settings.</source>
        <translation>保险公司的地址把本机转向了别处，本机从不跟随转向。请管理员检查本机设置中的保险公司地址。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="104"/>
        <source>The insurer&apos;s answer was far too large to be genuine. Try again; if it happens again, call the clinic&apos;s IT contact.</source>
        <translation>保险公司的回复过大，不可能是正常回复。请重试；如再次出现，请联系诊所的 IT 负责人。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="110"/>
        <source>The insurer answered with an error. Try again in a moment.</source>
        <translation>保险公司返回了错误，请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="114"/>
        <source>The insurer does not know this record.</source>
        <translation>保险公司没有这条记录。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="117"/>
        <source>A pre-authorisation must reach the insurer at least 5 working days before the planned date. Choose a later date.</source>
        <translation>事先授权申请须在计划日期前至少 5 个工作日送达保险公司，请选择更晚的日期。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123"/>
        <source>The insurer says this member is not eligible for direct billing.</source>
        <translation>保险公司表示该会员不符合直付条件。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="126"/>
        <source>The insurer refused the request.</source>
        <translation>保险公司拒绝了此请求。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="128"/>
        <source>The insurer could not be asked. Try again in a moment.</source>
        <translation>暂时无法询问保险公司，请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="131"/>
        <source>Something went wrong. Try again; if it happens again, call the clinic&apos;s IT contact.</source>
        <translation>出现问题，请重试；如再次发生，请联系诊所的 IT 负责人。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="140"/>
        <source>The bill could not be stored on this computer: its disk is full or cannot be written. Call the clinic&apos;s IT contact.</source>
        <translation>账单无法保存在本机：磁盘已满或无法写入。请联系诊所的 IT 负责人。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="146"/>
        <source>The bill could not be stored: the records on this computer belong to a newer version of the kiosk. Call the clinic&apos;s IT contact.</source>
        <translation>账单无法保存：本机的记录属于更新版本的终端程序。请联系诊所的 IT 负责人。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="152"/>
        <source>The bill could not be stored: this visit&apos;s bill was already recorded. Start the visit again.</source>
        <translation>账单无法保存：本次就诊的账单已记录过。请重新开始本次就诊。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="157"/>
        <source>The bill could not be stored on this computer. Try again; if it happens again, call the clinic&apos;s IT contact.</source>
        <translation>账单无法保存在本机，请重试；如再次发生，请联系诊所的 IT 负责人。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="167"/>
        <source>The file is no longer there. Choose it again.</source>
        <translation>文件已不在原处。请重新选择。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="170"/>
        <source>That is a folder, not a file. Choose the catalogue file.</source>
        <translation>这是文件夹，不是文件。请选择收费目录文件。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="173"/>
        <source>The file could not be opened: it may be open in another program, or not allowed. Close it in Excel and try again.</source>
        <translation>无法打开该文件：可能正被其他程序使用，或没有权限。请在 Excel 中关闭它后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="178"/>
        <source>The file is far too large to be a fee catalogue. Choose the catalogue file.</source>
        <translation>文件太大，不可能是收费目录。请选择收费目录文件。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="182"/>
        <source>This file is not a fee list. Save the list from Excel as .xlsx or as CSV, and choose that file.</source>
        <translation>此文件不是收费清单。请在 Excel 中将清单另存为 .xlsx 或 CSV，再选择该文件。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="187"/>
        <source>This is an old Excel file (.xls) or a workbook with a password. Save it from Excel as .xlsx without a password, or as CSV.</source>
        <translation>这是旧版 Excel 文件（.xls）或带密码的工作簿。请在 Excel 中另存为不带密码的 .xlsx，或另存为 CSV。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="192"/>
        <source>This workbook could not be opened; it may be damaged. Save it again from Excel as .xlsx or as CSV.</source>
        <translation>无法打开此工作簿，可能已损坏。请在 Excel 中重新另存为 .xlsx 或 CSV。</translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message numerus="yes">
        <location filename="../../ui/widgets/outbox_status.py" line="79"/>
        <source>Claims cannot be sent: this PC&apos;s journal is failing · %n waiting, kept safe · call IT</source>
        <translation>
            <numerusform>理赔无法发送：本机记录故障 · %n 笔等待中，已安全保存 · 请联系 IT</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/outbox_status.py" line="86"/>
        <source>The insurer refused this kiosk&apos;s device key · %n claim(s) waiting. A manager must register the device again: kiosk register</source>
        <translation>
            <numerusform>保险公司拒绝了本终端的设备密钥 · %n 笔理赔等待发送。需由经理重新注册本设备：kiosk register</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/outbox_status.py" line="92"/>
        <source>%n claim(s) need attention</source>
        <translation>
            <numerusform>%n 笔理赔需处理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/outbox_status.py" line="94"/>
        <source>Insurer unreachable · %n waiting</source>
        <translation>
            <numerusform>无法连接保险公司 · %n 笔待发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/outbox_status.py" line="96"/>
        <source>%n claim(s) waiting to send</source>
        <translation>
            <numerusform>%n 笔理赔待发送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_status.py" line="98"/>
        <source>All claims sent</source>
        <translation>理赔已全部发送</translation>
    </message>
</context>
<context>
    <name>OwedToClinic</name>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="146"/>
        <source>Owed by the family to this clinic (not to the insurer). Collect it now, or when the family comes back.</source>
        <translation>这是家庭欠本诊所的款项（不是欠保险公司的）。可现在收取，也可在家庭下次来时收取。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="182"/>
        <source>What the family owes the clinic could not be read.</source>
        <translation>无法读取家庭欠诊所的款项。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="195"/>
        <source>The family owes this clinic {amount} from earlier visits.</source>
        <translation>家庭以往就诊尚欠本诊所 {amount}。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="201"/>
        <source>{date} · statement {number} · {amount} left</source>
        <translation>{date} · 账单号 {number} · 尚欠 {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="208"/>
        <source>Collect…</source>
        <translation>收取…</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="306"/>
        <source>Slip or transaction no.</source>
        <translation>小票号或交易号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="307"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="308"/>
        <source>Split / part payment</source>
        <translation>分开付 / 先付一部分</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="309"/>
        <source>Paying now</source>
        <translation>本次支付</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="310"/>
        <source>Record payment</source>
        <translation>登记付款</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="311"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="312"/>
        <source>Fapiao no.</source>
        <translation>发票号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="313"/>
        <source>from the clinic&apos;s tax system</source>
        <translation>诊所税务系统开具的号码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="314"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="315"/>
        <source>A manager records it…</source>
        <translation>由经理记录…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="364"/>
        <source>Fapiao no. saved.</source>
        <translation>发票号已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="364"/>
        <source>Fapiao no. cleared.</source>
        <translation>发票号已清除。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="390"/>
        <source>Nothing to pay today: the insurer pays the whole bill.</source>
        <translation>今天无需付款：全部费用由保险公司支付。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="392"/>
        <source>The family&apos;s part is paid.</source>
        <translation>家庭自付部分已付清。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="395"/>
        <source>{amount} is still to pay. How does the family pay it?</source>
        <translation>还需支付 {amount}，付款方式是？</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="401"/>
        <source>The family pays {amount} today. How did they pay?</source>
        <translation>家庭今天需自付 {amount}，付款方式是？</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="448"/>
        <source>The methods add up to {parts} of the {paying} being paid.</source>
        <translation>各付款方式合计 {parts}，本次支付 {paying}。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="452"/>
        <source>{owed} will be left owed to the clinic.</source>
        <translation>剩余 {owed} 将记为欠诊所的款项。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="456"/>
        <source>Pays all that is left.</source>
        <translation>付清全部剩余金额。</translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="55"/>
        <source>Recorded: paid in cash.</source>
        <translation>已登记：现金支付。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="56"/>
        <source>Recorded: paid by bank card.</source>
        <translation>已登记：银行卡支付。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="57"/>
        <source>Recorded: paid with WeChat Pay.</source>
        <translation>已登记：微信支付。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="58"/>
        <source>Recorded: paid with Alipay.</source>
        <translation>已登记：支付宝支付。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="59"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="60"/>
        <source>Recorded: {payments}.</source>
        <translation>已登记：{payments}。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="61"/>
        <source>{amount} is left owed to the clinic; collect it when the child comes back.</source>
        <translation>尚欠诊所 {amount}，孩子下次就诊时可收取。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="64"/>
        <source>The amounts by method add up to {parts}, not the {paying} being paid. Nothing was recorded.</source>
        <translation>各付款方式合计 {parts}，与本次支付的 {paying} 不符。未登记任何款项。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="69"/>
        <source>{paying} is more than the {left} left to pay. Nothing was recorded.</source>
        <translation>{paying} 超过剩余应付的 {left}。未登记任何款项。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="72"/>
        <source>Enter amounts above zero. Nothing was recorded.</source>
        <translation>请输入大于零的金额。未登记任何款项。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="75"/>
        <source>Enter amounts in yuan, such as 120 or 120.50. Nothing was recorded.</source>
        <translation>请以元为单位输入金额，例如 120 或 120.50。未登记任何款项。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="78"/>
        <source>A slip or transaction number is at most {count} characters. Nothing was recorded.</source>
        <translation>小票号或交易号最多 {count} 个字符。未登记任何款项。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="82"/>
        <source>Nothing is owed on this visit any more.</source>
        <translation>这次就诊已无欠款。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="83"/>
        <source>A fapiao number is letters, digits and hyphens, at most {count}. It was not saved.</source>
        <translation>发票号只能由字母、数字和连字符组成，最多 {count} 个。未保存。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="87"/>
        <source>{amount} is more than the {refundable} paid by {method} on this visit and not yet refunded. Nothing was refunded.</source>
        <translation>{amount} 超过这次就诊以{method}支付且尚未退还的 {refundable}。未退款。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="92"/>
        <source>Say why the money is refunded. Nothing was refunded.</source>
        <translation>请说明退款原因。未退款。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="95"/>
        <source>The day {days} is closed: only a manager may record this payment now. Nothing was recorded.</source>
        <translation>{days} 已日结：这笔收款现在只能由经理记录。未记录任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="100"/>
        <source>Only a manager may refund. Nothing was refunded.</source>
        <translation>只有经理可以退款。未退款。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="103"/>
        <source>The journal cannot be written now. Nothing was recorded; try again.</source>
        <translation>现在无法写入本机记录。未登记任何款项，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="106"/>
        <source>The payment could not be recorded. Try again.</source>
        <translation>付款未能记录，请重试。</translation>
    </message>
</context>
<context>
    <name>PhoneGuaranteeDialog</name>
    <message>
        <location filename="../../ui/screens/phone_guarantee.py" line="62"/>
        <source>Phone guarantee</source>
        <translation>电话担保</translation>
    </message>
    <message>
        <location filename="../../ui/screens/phone_guarantee.py" line="65"/>
        <source>The insurer cannot be reached. Call its 7×24 hotline {hotline}, give the member number {member} and this clinic, and ask for a phone guarantee for today&apos;s visit. Enter the reference they give you.</source>
        <translation>暂时无法连接保险公司。请致电其 7×24 小时服务热线 {hotline}，告知会员号 {member} 和本诊所，申请今天就诊的电话担保，并输入对方提供的担保编号。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/phone_guarantee.py" line="70"/>
        <source>Guarantee reference</source>
        <translation>担保编号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/phone_guarantee.py" line="71"/>
        <source>e.g. PG-20261207-0001</source>
        <translation>例如 PG-20261207-0001</translation>
    </message>
    <message>
        <location filename="../../ui/screens/phone_guarantee.py" line="72"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/screens/phone_guarantee.py" line="73"/>
        <source>Go on under the guarantee</source>
        <translation>按电话担保继续</translation>
    </message>
    <message>
        <location filename="../../ui/screens/phone_guarantee.py" line="92"/>
        <source>A guarantee reference is 4 to 32 letters, digits or dashes.</source>
        <translation>担保编号为 4 至 32 位字母、数字或连字符。</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../ui/widgets/pin_pad.py" line="63"/>
        <source>PIN or password</source>
        <translation>PIN 码或密码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pin_pad.py" line="64"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pin_pad.py" line="65"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pin_pad.py" line="66"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>PreAuthDialog</name>
    <message>
        <location filename="../../ui/screens/preauth.py" line="158"/>
        <location filename="../../ui/screens/preauth.py" line="159"/>
        <source>Request a pre-authorisation</source>
        <translation>申请事先授权</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="160"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="161"/>
        <source>Planned date</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="162"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="163"/>
        <source>Estimated cost (CNY)</source>
        <translation>预估费用（元）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="164"/>
        <source>Documents</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="165"/>
        <source>Emergency: treated today, no lead time</source>
        <translation>急诊：今天治疗，无需提前申请</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="166"/>
        <source>Attach…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="169"/>
        <source>The doctor&apos;s note or a scan (PDF, PNG, JPEG; up to 2 MB each)</source>
        <translation>医生证明或检查扫描件（PDF、PNG、JPEG，每份不超过 2 MB）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="171"/>
        <source>e.g. Recurrent headache (R51)</source>
        <translation>如：反复头痛（R51）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="172"/>
        <location filename="../../ui/screens/preauth.py" line="389"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="172"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="174"/>
        <source>File another request anyway</source>
        <translation>仍然再次提交申请</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="176"/>
        <source>Send to the insurer</source>
        <translation>发送给保险公司</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="188"/>
        <source>Emergency: the request needs no lead time; the planned date may be today and the insurer reviews it the same day.</source>
        <translation>急诊：申请无需提前期，计划日期可为今天，保险公司当天审核。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="196"/>
        <source>A pre-authorisation must reach the insurer at least 5 working days before the planned date. Asking the insurer for its working-day calendar…</source>
        <translation>事先授权申请须在计划日期前至少 5 个工作日送达保险公司。正在向保险公司获取工作日日历…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="204"/>
        <source>A pre-authorisation must reach the insurer at least {days} working days before the planned date (Chinese public holidays and make-up working days counted). Sent today, the earliest planned date is {earliest}.</source>
        <translation>事先授权申请须在计划日期前至少 {days} 个工作日送达保险公司（已考虑法定节假日和调休上班日）。今天发送，最早可选的计划日期为 {earliest}。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="210"/>
        <source>Holiday data ends on {until}; after that only weekends are counted.</source>
        <translation>节假日数据截至 {until}；之后只按周末计算。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="273"/>
        <source>Before filing another request for this item:</source>
        <translation>此项目已有以下申请或授权，请先确认：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="283"/>
        <source>a request for {date} is stored on this computer, not sent yet</source>
        <translation>计划 {date} 的申请已保存在本机，尚未发送</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="289"/>
        <source>approval {auth} covers it: {left} and {uses} use(s) left, valid until {until}</source>
        <translation>授权 {auth} 已涵盖：剩余 {left}、{uses} 次，有效期至 {until}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="296"/>
        <source>request {id} for {date} is waiting for the insurer&apos;s decision</source>
        <translation>计划 {date} 的申请 {id} 正在等待保险公司审核</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="305"/>
        <source>A document for the request</source>
        <translation>申请所附资料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="307"/>
        <source>Documents (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>资料 (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="315"/>
        <source>At most 5 documents go with one request.</source>
        <translation>每份申请最多附 5 份资料。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="320"/>
        <source>That file could not be read.</source>
        <translation>无法读取此文件。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="324"/>
        <source>Only PDF, PNG or JPEG files of up to 2 MB can be attached.</source>
        <translation>只能附加 2 MB 以内的 PDF、PNG 或 JPEG 文件。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="342"/>
        <source>Enter the estimated cost in yuan, e.g. 6800.00.</source>
        <translation>请输入以元为单位的预估费用，如 6800.00。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="358"/>
        <source>Enter the diagnosis the doctor gave.</source>
        <translation>请输入医生给出的诊断。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="365"/>
        <source>This item already has a request or an approval (above). File another only if the doctor plans a different treatment.</source>
        <translation>此项目已有申请或授权（见上方）。仅当医生计划另一项治疗时才再次提交。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="384"/>
        <source>Saved on this computer and sent to the insurer as soon as its system can be reached; the insurer&apos;s decision will show at the top of the desk&apos;s screen.</source>
        <translation>已保存在本机，保险公司系统可连接时立即发送；审核结果将显示在前台屏幕顶部。</translation>
    </message>
</context>
<context>
    <name>PreAuthNews</name>
    <message>
        <location filename="../../ui/widgets/preauth_news.py" line="53"/>
        <source>Seen</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/preauth_news.py" line="76"/>
        <source>{item} ({code}) for {member}</source>
        <translation>{member} 的 {item}（{code}）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/preauth_news.py" line="82"/>
        <source>Pre-authorisation request not accepted by the insurer: {what}. {why}</source>
        <translation>保险公司未受理事先授权申请：{what}。{why}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/preauth_news.py" line="87"/>
        <source>Pre-authorisation approved: {what}, {amount} from {start} to {end}, auth {auth}.</source>
        <translation>事先授权已批准：{what}，金额 {amount}，有效期 {start} 至 {end}，授权号 {auth}。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/preauth_news.py" line="97"/>
        <source>Pre-authorisation denied: {what}.</source>
        <translation>事先授权被拒绝：{what}。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/preauth_news.py" line="101"/>
        <source>The insurer needs more information for a pre-authorisation: {what}.</source>
        <translation>保险公司需要补充事先授权资料：{what}。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/preauth_news.py" line="105"/>
        <source>Pre-authorisation is pending again: {what}.</source>
        <translation>事先授权重新进入审核：{what}。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/preauth_news.py" line="114"/>
        <source>… and %n more.</source>
        <translation>
            <numerusform>……另有 %n 条。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadabilityControls</name>
    <message>
        <location filename="../../ui/widgets/readability_controls.py" line="66"/>
        <source>Text size {percent} %</source>
        <translation>文字大小 {percent}%</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/readability_controls.py" line="69"/>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
</context>
<context>
    <name>ReceivablesTab</name>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="91"/>
        <source>Fetch the insurer&apos;s payments</source>
        <translation>获取保险公司付款</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="94"/>
        <source>Owed by families</source>
        <translation>家长欠款</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="95"/>
        <source>Paid against expected</source>
        <translation>实付与应付</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="96"/>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/receivables_tab.py" line="97"/>
        <source>By day, last %n day(s)</source>
        <translation>
            <numerusform>按日（最近 %n 天）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="99"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="99"/>
        <source>Claims</source>
        <translation>理赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="99"/>
        <location filename="../../ui/manager/receivables_tab.py" line="107"/>
        <source>Expected</source>
        <translation>应付</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="99"/>
        <location filename="../../ui/manager/receivables_tab.py" line="108"/>
        <source>Paid</source>
        <translation>已赔付</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="101"/>
        <source>The insurer&apos;s remittances</source>
        <translation>保险公司付款单</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="104"/>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="105"/>
        <source>Remittance</source>
        <translation>付款单</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="106"/>
        <source>Claim</source>
        <translation>理赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="109"/>
        <source>What to do</source>
        <translation>处理方法</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="113"/>
        <source>Moved to families by the insurer&apos;s review (their card is on hold until paid)</source>
        <translation>保险公司审核后转由家长支付（付清前电子保险卡置灰）</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="116"/>
        <source>Invoice</source>
        <translation>账单号</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="116"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="116"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="122"/>
        <source>What the insurer owes the clinic, and what it paid against its claims.</source>
        <translation>保险公司尚欠诊所的款项，以及其对各笔理赔的实际付款。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="127"/>
        <source>Asking the insurer for its payments…</source>
        <translation>正在向保险公司查询付款…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/receivables_tab.py" line="138"/>
        <source>%n remittance(s) from the insurer since %1</source>
        <translation>
            <numerusform>自 %1 起保险公司付款单 %n 张</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/receivables_tab.py" line="142"/>
        <source>%n line(s) agree with the claims</source>
        <translation>
            <numerusform>%n 行与理赔一致</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/receivables_tab.py" line="144"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 项问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="151"/>
        <source>At the desk %1 · after review %2</source>
        <translation>前台 %1 · 审核后 %2</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="158"/>
        <source>Open claims %1, owing %2 · by state: accepted %3 · reviewed %4 · paid %5 · refused %6</source>
        <translation>未付理赔 %1 笔，共 %2 · 按状态：已受理 %3 · 已审核 %4 · 已赔付 %5 · 已拒赔 %6</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="185"/>
        <source>Refused after review</source>
        <translation>审核后拒赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="186"/>
        <source>Partly not covered after review</source>
        <translation>审核后部分不予赔付</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/receivables_tab.py" line="192"/>
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n 笔理赔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/receivables_tab.py" line="193"/>
        <source>%n reviewed</source>
        <translation>
            <numerusform>其中 %n 笔已审核</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="216"/>
        <source>%1 to come</source>
        <translation>待付 %1</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="218"/>
        <source>paid in full</source>
        <translation>已全额付款</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="236"/>
        <source>Unpaid 0–30 days</source>
        <translation>未付 0–30 天</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="237"/>
        <source>Unpaid 31–60 days</source>
        <translation>未付 31–60 天</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="238"/>
        <source>Unpaid 61–90 days</source>
        <translation>未付 61–90 天</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="239"/>
        <source>Unpaid over 90 days</source>
        <translation>未付超过 90 天</translation>
    </message>
</context>
<context>
    <name>ReconcileTab</name>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="81"/>
        <source>Fetch the insurer&apos;s statement</source>
        <translation>获取保险公司对账单</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="82"/>
        <source>Open the claim</source>
        <translation>打开理赔</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="86"/>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="87"/>
        <source>Statement no.</source>
        <translation>账单号</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="88"/>
        <source>This PC</source>
        <translation>本机记录</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="89"/>
        <source>Insurer</source>
        <translation>保险公司</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="90"/>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="91"/>
        <source>What to do</source>
        <translation>处理方法</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="98"/>
        <source>Compare this day&apos;s claims with what the insurer has recorded.</source>
        <translation>将当日理赔与保险公司记录进行核对。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="110"/>
        <source>Asking the insurer for its statement…</source>
        <translation>正在向保险公司获取对账单…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/reconciliation_tab.py" line="123"/>
        <source>Balanced: all %n claim(s) agree with the insurer.</source>
        <translation>
            <numerusform>账目相符：全部 %n 笔理赔与保险公司一致。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/reconciliation_tab.py" line="127"/>
        <source>%n finding(s) need a look.</source>
        <translation>
            <numerusform>%n 项需核查。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/reconciliation_tab.py" line="129"/>
        <source>%n claim(s) agree.</source>
        <translation>
            <numerusform>%n 笔一致。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="132"/>
        <source>The insurer&apos;s total covered %1 · this PC&apos;s records %2</source>
        <translation>保险公司支付合计 %1 · 本机记录 %2</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="174"/>
        <source>Insurer claim no. %1</source>
        <translation>保险公司理赔号 %1</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="190"/>
        <source>Choose a finding to act on it.</source>
        <translation>选择一项进行处理。</translation>
    </message>
</context>
<context>
    <name>RefundForm</name>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="323"/>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="324"/>
        <source>Give back money the family paid at the desk</source>
        <translation>退还家长在前台支付的款项</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="326"/>
        <source>Refund by the method the family paid with. The reason is kept.</source>
        <translation>按家长的支付方式退款。原因将被保存。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="328"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="329"/>
        <source>Why? (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="330"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="331"/>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="351"/>
        <source>Nothing paid at the desk is left to refund.</source>
        <translation>前台收取的款项已没有可退的金额。</translation>
    </message>
</context>
<context>
    <name>RegistrationScreen</name>
    <message>
        <location filename="../../ui/screens/registration.py" line="118"/>
        <source>Register this kiosk with the insurer</source>
        <translation>向保险公司登记本终端</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="121"/>
        <source>The insurer no longer accepts this kiosk&apos;s device key: it was revoked or replaced by a newer key. A manager must enter the current key from the insurer&apos;s provider portal.</source>
        <translation>保险公司已不再接受本终端的设备密钥：该密钥已被吊销或已被新密钥取代。请经理输入保险公司服务商门户中的当前密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="126"/>
        <source>This kiosk is not registered yet. A manager enters the insurer&apos;s API address and the device key from the insurer&apos;s provider portal.</source>
        <translation>本终端尚未登记。请经理输入保险公司的 API 地址，以及保险公司服务商门户中的设备密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="134"/>
        <source>Insurer API address</source>
        <translation>保险公司 API 地址</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="135"/>
        <source>Device key</source>
        <translation>设备密钥</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="136"/>
        <source>Pinned CA file (optional)</source>
        <translation>指定的 CA 证书文件（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="138"/>
        <source>From the insurer&apos;s provider portal</source>
        <translation>来自保险公司服务商门户</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="139"/>
        <source>Path to a PEM file, if the insurer gave one</source>
        <translation>PEM 文件路径（如保险公司提供）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="140"/>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="141"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="154"/>
        <source>Enter the insurer&apos;s API address.</source>
        <translation>请输入保险公司的 API 地址。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="157"/>
        <source>Enter the device key.</source>
        <translation>请输入设备密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="162"/>
        <source>There is no CA file at %1. Check the path, or leave it empty.</source>
        <translation>%1 处没有 CA 证书文件。请检查路径，或留空。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="168"/>
        <source>Asking the insurer to confirm the key…</source>
        <translation>正在请保险公司确认密钥…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="184"/>
        <source>Registered: the insurer at %1 accepts this kiosk. The key is kept in the computer&apos;s keyring.</source>
        <translation>登记成功：%1 的保险公司已接受本终端。密钥保存在本电脑的密钥环中。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="196"/>
        <source>The insurer does not accept this device key: it is mistyped, or it was revoked or replaced by a newer key. Enter the current key from the insurer&apos;s provider portal. Nothing was stored.</source>
        <translation>保险公司不接受此设备密钥：可能输入有误，或已被吊销、已被新密钥取代。请输入保险公司服务商门户中的当前密钥。未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="203"/>
        <source>Plain http:// is only allowed to this computer. Use the insurer&apos;s https:// address. Nothing was stored.</source>
        <translation>未加密的 http:// 只允许连接本电脑。请使用保险公司的 https:// 地址。未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="207"/>
        <source>This is not an insurer address: it starts with https:// followed by the insurer&apos;s host name.</source>
        <translation>这不是保险公司的地址：地址应以 https:// 开头，后接保险公司的主机名。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="212"/>
        <source>The insurer could not be reached: check the address, the network and the CA file, then try again. Nothing was stored.</source>
        <translation>无法连接保险公司：请检查地址、网络和 CA 证书文件，然后重试。未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="217"/>
        <source>This computer has no keyring service, so the device key cannot be kept safely. Ask the clinic&apos;s IT person to set one up (kiosk doctor explains how).</source>
        <translation>本电脑没有密钥环服务，无法安全保存设备密钥。请诊所的 IT 人员进行设置（kiosk doctor 会说明方法）。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="222"/>
        <source>The kiosk&apos;s settings file cannot be used. Ask the clinic&apos;s IT person to run kiosk doctor.</source>
        <translation>终端的设置文件无法使用。请诊所的 IT 人员运行 kiosk doctor。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="226"/>
        <source>The insurer did not confirm the key. Try again in a moment. Nothing was stored.</source>
        <translation>保险公司未确认该密钥。请稍后重试。未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <location filename="../../ui/screens/scan.py" line="134"/>
        <source>Show your child&apos;s e-card to the camera</source>
        <translation>请出示孩子的电子保险卡</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="140"/>
        <source>Open the e-card on the phone and hold its QR code inside the frame.</source>
        <translation>在手机上打开电子保险卡，将二维码对准框内。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="142"/>
        <source>Staff: look up without the card</source>
        <translation>工作人员：无卡查询</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="143"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="144"/>
        <source>Policy number</source>
        <translation>保单号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="145"/>
        <source>Child&apos;s name</source>
        <translation>孩子姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="146"/>
        <source>Guardian&apos;s phone</source>
        <translation>监护人手机</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="147"/>
        <source>e.g. GP2026000101</source>
        <translation>如 GP2026000101</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="148"/>
        <source>11 digits</source>
        <translation>11 位手机号</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="149"/>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="150"/>
        <source>Staff: phone guarantee…</source>
        <translation>工作人员：电话担保…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="153"/>
        <location filename="../../ui/screens/scan.py" line="177"/>
        <location filename="../../ui/screens/scan.py" line="209"/>
        <source>Checking the card with the insurer…</source>
        <translation>正在向保险公司核验电子保险卡…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="197"/>
        <source>Enter the policy number, the child&apos;s name and the guardian&apos;s 11-digit mobile number.</source>
        <translation>请输入保单号、孩子姓名和监护人的 11 位手机号。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="283"/>
        <source>The camera is not available (unplugged, or used by another program); the kiosk keeps trying. Use the handheld scanner or the lookup meanwhile.</source>
        <translation>摄像头不可用（未连接或被其他程序占用），系统会持续重试。请先使用扫码枪或手动查询。</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../ui/manager/signin.py" line="80"/>
        <source>Staff sign-in</source>
        <translation>员工登录</translation>
    </message>
    <message>
        <location filename="../../ui/manager/signin.py" line="81"/>
        <source>Back to the desk</source>
        <translation>返回前台</translation>
    </message>
    <message>
        <location filename="../../ui/manager/signin.py" line="92"/>
        <source>The staff list cannot be read on this PC.</source>
        <translation>无法读取本机的员工名单。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/signin.py" line="112"/>
        <source>Choose your name, then enter your PIN.</source>
        <translation>请选择您的姓名，然后输入 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/signin.py" line="116"/>
        <source>There are no staff accounts yet. The first manager account is created when the kiosk is installed: kiosk staff add NAME --role manager</source>
        <translation>尚无员工账户。第一个经理账户在安装终端时创建：kiosk staff add 姓名 --role manager</translation>
    </message>
    <message>
        <location filename="../../ui/manager/signin.py" line="149"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/signin.py" line="168"/>
        <source>Signing in is not possible right now: this PC&apos;s records cannot be read.</source>
        <translation>暂时无法登录：无法读取本机记录。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/signin.py" line="175"/>
        <source>Wrong PIN. %n more wrong PIN(s) lock this account.</source>
        <translation>
            <numerusform>PIN 码错误。再错 %n 次，此账户将被锁定。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/signin.py" line="182"/>
        <source>Locked after too many wrong PINs. Try again after %1, or ask a manager to unlock it.</source>
        <translation>PIN 码错误次数过多，账户已锁定。请在 %1 之后重试，或请经理解锁。</translation>
    </message>
    <message>
        <location filename="../../ui/manager/signin.py" line="187"/>
        <source>This account no longer exists.</source>
        <translation>此账户已不存在。</translation>
    </message>
</context>
<context>
    <name>SignScreen</name>
    <message>
        <location filename="../../ui/screens/sign.py" line="171"/>
        <source>Please check the bill and sign</source>
        <translation>请核对账单并签字</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="145"/>
        <source>The insurer pays</source>
        <translation>保险公司支付</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="146"/>
        <source>You pay today</source>
        <translation>您今天需支付</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="149"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="150"/>
        <source>Why</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="151"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="152"/>
        <source>Insurer pays</source>
        <translation>保险公司支付</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="153"/>
        <source>You pay</source>
        <translation>您支付</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="156"/>
        <source>Reception: change the bill</source>
        <translation>前台：修改账单</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="157"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="158"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="159"/>
        <source>Sign the bill</source>
        <translation>确认签字</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="168"/>
        <source>Please check the corrected bill and sign: it replaces statement {statement}</source>
        <translation>请核对更正后的账单并签名：它替代账单 {statement}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="207"/>
        <source>{date}, emergency visit</source>
        <translation>{date}，急诊</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="209"/>
        <source>{child} · {date} · {clinic}</source>
        <translation>{child} · {date} · {clinic}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/sign.py" line="332"/>
        <source>▼ %n more line(s) below: tap here to see them</source>
        <translation>
            <numerusform>▼ 下面还有 %n 项，轻触此处查看</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="334"/>
        <source>▲ Back to the first line</source>
        <translation>▲ 回到第一项</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="407"/>
        <source>Please sign in the white box first.</source>
        <translation>请先在白色框内签字。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="409"/>
        <location filename="../../ui/screens/sign.py" line="412"/>
        <source>That is too short to be a signature. Please write your name.</source>
        <translation>笔画太短，不像签名。请写下您的姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="415"/>
        <source>Please sign larger, across the line in the white box.</source>
        <translation>请在白色框内沿横线写大一些。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="430"/>
        <source>The signed bill could not be stored on this computer. Please ask reception.</source>
        <translation>已签字的账单无法保存在本机，请联系前台。</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../ui/widgets/signature_pad.py" line="436"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
</context>
<context>
    <name>SignedBill</name>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="67"/>
        <source>Statement no.</source>
        <translation>账单号</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="68"/>
        <source>version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="69"/>
        <source>Direct-billing statement</source>
        <translation>直付账单</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="70"/>
        <source>Self-pay statement</source>
        <translation>自费账单</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="71"/>
        <source>This statement is not a fapiao: the clinic issues fapiao separately.</source>
        <translation>本账单不是发票，发票由诊所另行开具。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="74"/>
        <source>Child</source>
        <translation>就诊儿童</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="75"/>
        <source>Policy</source>
        <translation>保单号</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="76"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="77"/>
        <source>Service date</source>
        <translation>就诊日期</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="78"/>
        <source>Signed at</source>
        <translation>签字时间</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="79"/>
        <source>continued</source>
        <translation>续</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="80"/>
        <source>Total charges</source>
        <translation>费用合计</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="81"/>
        <source>Insurer pays the clinic directly</source>
        <translation>保险公司直接支付给诊所</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="82"/>
        <source>You pay today</source>
        <translation>您今天需支付</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="83"/>
        <source>Paid at the desk: %1 by %2</source>
        <translation>已在前台支付：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="84"/>
        <source>Paid at the desk: %1</source>
        <translation>已在前台支付：%1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="85"/>
        <source>Still owed to the clinic: %1</source>
        <translation>尚欠诊所：%1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="86"/>
        <source>Under the phone guarantee the insurer confirmed it pays %1 of this bill</source>
        <translation>根据电话担保，保险公司已确认为本账单支付 %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="89"/>
        <source>Not yet recorded as paid at the desk</source>
        <translation>前台尚未登记付款</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="90"/>
        <source>Nothing to pay today</source>
        <translation>今天无需支付</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="92"/>
        <source>Direct-billing claim</source>
        <translation>直付理赔</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="93"/>
        <source>Accepted by the insurer: %1</source>
        <translation>保险公司已受理：%1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="94"/>
        <source>Stored at the clinic; sent to the insurer when it is reachable</source>
        <translation>已保存在诊所，可连接保险公司时自动发送</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="97"/>
        <source>Not accepted by the insurer yet; the clinic follows it up</source>
        <translation>保险公司暂未受理，诊所将跟进处理</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="100"/>
        <source>Settled by the clinic</source>
        <translation>诊所已处理完毕</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="101"/>
        <source>Withdrawn by the clinic before it reached the insurer: not claimed</source>
        <translation>诊所在提交保险公司之前已撤回：不申请理赔</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="104"/>
        <source>Cancelled at the insurer: it pays nothing for this bill</source>
        <translation>已向保险公司撤销：保险公司不为本账单支付任何费用</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="111"/>
        <source>Questions about your cover: %1, %2 (7×24)</source>
        <translation>保障问题请致电%1：%2（7×24小时）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="112"/>
        <source>Pre-auth %1</source>
        <translation>事先授权 %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="113"/>
        <source>Guarantee letter %1</source>
        <translation>担保函 %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="114"/>
        <source>emergency</source>
        <translation>急诊</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="116"/>
        <source>Signed electronically at the clinic&apos;s direct-billing kiosk. The bill hash binds the signature to exactly the lines above; any change gives another hash. This statement also appears in the visit records of your e-card.</source>
        <translation>在诊所直付终端电子签名。账单哈希值将签名与以上明细绑定，任何改动都会得到不同的哈希值。本账单也会出现在您电子保险卡的就诊记录中。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="122"/>
        <source>Made at the clinic&apos;s direct-billing kiosk for the family&apos;s records.</source>
        <translation>由诊所直付终端生成，供家庭留存。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="139"/>
        <source>Why</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="91"/>
        <source>Signature of parent or guardian</source>
        <translation>家长或监护人签名</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="107"/>
        <source>Self-pay visit: the plan pays nothing on the items above, so no claim is made.</source>
        <translation>自费就诊：以上项目不在保险直付范围内，不提交理赔。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="115"/>
        <source>Bill hash (SHA-256)</source>
        <translation>账单哈希（SHA-256）</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="125"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="128"/>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="129"/>
        <source>bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="130"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="131"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="134"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="135"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="136"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="137"/>
        <source>Insurer pays</source>
        <translation>保险公司支付</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="138"/>
        <source>You pay</source>
        <translation>您支付</translation>
    </message>
</context>
<context>
    <name>SigningElsewhere</name>
    <message>
        <location filename="../../ui/app.py" line="562"/>
        <source>The family is checking and signing the bill on their screen.</source>
        <translation>家长正在其屏幕上核对账单并签字。</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="563"/>
        <source>Change the bill</source>
        <translation>修改账单</translation>
    </message>
</context>
<context>
    <name>Statement</name>
    <message>
        <location filename="../../ui/statement_text.py" line="27"/>
        <source>Covered by the plan</source>
        <translation>保障范围内</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="28"/>
        <source>Not covered by the plan</source>
        <translation>保障外费用</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="29"/>
        <source>The plan&apos;s annual limit is used up</source>
        <translation>年度保障额度已用完</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="30"/>
        <source>Your share: the fully-paid visits are used up</source>
        <translation>全额赔付次数已用完，需自付</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="33"/>
        <source>Needs pre-authorisation first: not paid by the plan today</source>
        <translation>需先申请事先授权，本次不予直付</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="36"/>
        <source>Covered: pre-authorised</source>
        <translation>已获事先授权，保障范围内</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="37"/>
        <source>The pre-authorisation is already used: not paid by the plan</source>
        <translation>事先授权已使用：保险不予支付</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="40"/>
        <source>Outside the pre-authorisation&apos;s dates: not paid by the plan</source>
        <translation>不在事先授权有效期内：保险不予支付</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="43"/>
        <source>Above the pre-authorised amount: your share</source>
        <translation>超出事先授权金额：由您自付</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="46"/>
        <source>This clinic is not in your network</source>
        <translation>本诊所不在您的网络医院范围内</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="47"/>
        <source>Phone guarantee: the insurer confirms its share later</source>
        <translation>电话担保：保险公司稍后确认其承担金额</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="50"/>
        <source>Self-pay today: this card cannot be direct-billed today</source>
        <translation>今天自费：此卡今天不能直付</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="56"/>
        <source>Standard</source>
        <translation>标准版</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="57"/>
        <source>PLUS</source>
        <translation>PLUS 版</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="60"/>
        <source>By signing I confirm that {child} received the items above at {clinic} on {date}, and I ask {clinic} to apply to the insurer for direct billing of {covered}. I pay {patient} myself.</source>
        <translation>本人签字确认：{child}于{date}在{clinic}接受了以上诊疗项目，并委托{clinic}向保险公司申请直付{covered}。自付部分{patient}由本人支付。</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="65"/>
        <source>By signing I confirm that {child} received the items above at {clinic} on {date}, and I ask {clinic} to apply to the insurer for direct billing of {covered}. I pay nothing today.</source>
        <translation>本人签字确认：{child}于{date}在{clinic}接受了以上诊疗项目，并委托{clinic}向保险公司申请直付{covered}。本次无需自付。</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="72"/>
        <source>By signing I confirm that {child} received the items above at {clinic} on {date}, and I ask {clinic} to apply to the insurer for direct billing of {covered} under its phone guarantee {reference}. The insurer confirms its share later: any amount it does not cover, I pay to {clinic}.</source>
        <translation>本人签字确认：{child}于{date}在{clinic}接受了以上诊疗项目，并委托{clinic}依据保险公司的电话担保 {reference} 向保险公司申请直付{covered}。保险公司稍后确认其承担金额：其不承担的部分，由本人向{clinic}支付。</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../ui/widgets/trend_chart.py" line="178"/>
        <source>Covered by the insurer</source>
        <translation>保险公司支付</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/trend_chart.py" line="179"/>
        <source>Paid by families at the desk</source>
        <translation>家庭在前台付款</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/trend_chart.py" line="180"/>
        <source>No direct-pay visits in these 30 days</source>
        <translation>近 30 天没有直付就诊</translation>
    </message>
</context>
<context>
    <name>UnpaidNote</name>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="29"/>
        <source>E-card on hold: an amount is unpaid</source>
        <translation>电子保险卡已置灰：有一笔费用未支付</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="30"/>
        <source>One amount the family pays itself from an earlier visit has not been paid, so the insurer has put the child&apos;s e-card on hold (置灰): no direct billing until it is paid.</source>
        <translation>此前一次就诊中应由家庭自付的费用尚未支付，因此保险公司已将孩子的电子保险卡置灰：支付之前无法享用直付服务。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="35"/>
        <source>Child</source>
        <translation>就诊儿童</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="36"/>
        <source>Policy</source>
        <translation>保单号</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="37"/>
        <source>Unpaid amount</source>
        <translation>未支付金额</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="38"/>
        <source>Claim reference</source>
        <translation>理赔号</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="39"/>
        <source>How to pay it</source>
        <translation>支付方法</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="40"/>
        <source>In the insurer&apos;s online service (WeChat official account 京东安联保险), open the e-card page and tap 就诊记录 (visit records).</source>
        <translation>在保险公司的在线服务平台（京东安联保险公众号）打开电子保险卡页面，点击“就诊记录”。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="45"/>
        <source>Beside the visit with this claim reference, tap 支付 (pay).</source>
        <translation>在该理赔号对应的就诊记录旁，点击“支付”。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="48"/>
        <source>Complete the payment.</source>
        <translation>完成支付。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="49"/>
        <source>Once it is paid the e-card works again: show it at the desk on your next visit and direct billing resumes.</source>
        <translation>支付后电子保险卡即恢复使用：下次就诊时在前台出示即可继续享用直付服务。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="54"/>
        <source>Questions: the insurer&apos;s 7×24 hotline %1</source>
        <translation>如有疑问请致电保险公司 7×24 小时服务热线 %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="55"/>
        <source>Printed at %1 on %2.</source>
        <translation>%1 于 %2 打印。</translation>
    </message>
</context>
</TS>
