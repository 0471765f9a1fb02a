<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>BillScreen</name>
        <message>
            <location filename="../../ui/screens/bill.py" line="130" />
            <source>Search by code, name or pinyin initials (e.g. xcg)</source>
            <translation>按编码、名称或拼音首字母搜索（如 xcg）</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="132" />
            <source>Import…</source>
            <translation>导入…</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="134" />
            <source>Import the clinic's own fee catalogue (CSV or JSON)</source>
            <translation>导入本诊所自己的收费目录（CSV 或 JSON）</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/screens/bill.py" line="137" />
            <location filename="../../ui/screens/bill.py" line="222" />
            <source>%n item(s) in the catalogue</source>
            <translation>
                <numerusform>目录共 %n 项</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="141" />
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="142" />
            <source>Qty</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="143" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="144" />
            <source>Insurer pays</source>
            <translation>保险公司支付</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="145" />
            <source>Family pays</source>
            <translation>家庭自付</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="148" />
            <source>Back</source>
            <translation>返回</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="149" />
            <source>Cancel visit</source>
            <translation>取消本次就诊</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="150" />
            <source>Ask the insurer again</source>
            <translation>重新询问保险公司</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="151" />
            <source>Show to the family to sign</source>
            <translation>交给家长确认签字</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="207" />
            <source>The clinic's fee catalogue</source>
            <translation>诊所收费目录</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="209" />
            <source>Catalogue (*.csv *.json)</source>
            <translation>收费目录 (*.csv *.json)</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="227" />
            <source>line {line}</source>
            <translation>第 {line} 行</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/screens/bill.py" line="229" />
            <source>The file has %n bad row(s) and was not used: </source>
            <translation>
                <numerusform>文件有 %n 行错误，未被使用：</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="233" />
            <source>The file could not be read as a catalogue.</source>
            <translation>无法将此文件读取为收费目录。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="288" />
            <source>Standard</source>
            <translation>标准版</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="288" />
            <source>PLUS</source>
            <translation>PLUS 版</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="292" />
            <source>Bill for {member} ({plan})</source>
            <translation>{member} 的账单（{plan}）</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="312" />
            <source>Request pre-auth</source>
            <translation>申请事先授权</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="313" />
            <source>Add items from the catalogue on the left.</source>
            <translation>请从左侧目录添加项目。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="323" />
            <source>Total {total}</source>
            <translation>合计 {total}</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="327" />
            <source>Total {total} · &lt;span style='color:#137333'&gt;insurer pays &lt;b&gt;{covered}&lt;/b&gt;&lt;/span&gt; · &lt;span style='color:#b06000'&gt;family pays &lt;b&gt;{patient}&lt;/b&gt;&lt;/span&gt;</source>
            <translation>合计 {total} · &lt;span style='color:#137333'&gt;保险公司支付 &lt;b&gt;{covered}&lt;/b&gt;&lt;/span&gt; · &lt;span style='color:#b06000'&gt;家庭自付 &lt;b&gt;{patient}&lt;/b&gt;&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="342" />
            <source>Asking the insurer for its estimate…</source>
            <translation>正在向保险公司获取理算预估…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/screens/bill.py" line="347" />
            <source>%n item(s) need a pre-authorisation: the family pays for them today unless they are removed, or request one for a later date.</source>
            <translation>
                <numerusform>%n 个项目需要事先授权：如不删除，今天由家庭自付；也可为以后的日期申请授权。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="363" />
            <source>Covered</source>
            <translation>保障范围内</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="364" />
            <source>Not covered by the plan</source>
            <translation>不在保障范围内</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="365" />
            <source>Annual limit used up</source>
            <translation>年度限额已用完</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="366" />
            <source>Co-pay: free visits used up</source>
            <translation>免费次数已用完，需共付</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="367" />
            <source>Needs pre-authorisation</source>
            <translation>需事先授权</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="368" />
            <source>Covered (pre-authorised)</source>
            <translation>已事先授权，保障范围内</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="369" />
            <source>Clinic not in network</source>
            <translation>本诊所不在网络内</translation>
        </message>
        <message>
            <location filename="../../ui/screens/bill.py" line="410" />
            <source>The bill could not be stored on this computer: {reason}</source>
            <translation>账单无法保存在本机：{reason}</translation>
        </message>
    </context>
    <context>
        <name>DemoPanel</name>
        <message>
            <location filename="../../ui/demo_panel.py" line="98" />
            <location filename="../../ui/demo_panel.py" line="99" />
            <source>Demo: the family's phone</source>
            <translation>演示：家长的手机</translation>
        </message>
        <message>
            <location filename="../../ui/demo_panel.py" line="102" />
            <source>Choose whose e-card the phone shows; the simulated camera sees it at once. Hover a button to see what that member demonstrates.</source>
            <translation>选择手机上显示哪位会员的电子保险卡，模拟摄像头会立即看到。鼠标停在按钮上可查看该会员演示的情形。</translation>
        </message>
        <message>
            <location filename="../../ui/demo_panel.py" line="106" />
            <source>Take the phone away</source>
            <translation>拿开手机</translation>
        </message>
    </context>
    <context>
        <name>DoneScreen</name>
        <message>
            <location filename="../../ui/screens/done.py" line="127" />
            <source>Thank you. The signed bill is stored.</source>
            <translation>谢谢，已签字的账单已保存。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="128" />
            <source>Invoice</source>
            <translation>发票号</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="129" />
            <source>Claim</source>
            <translation>理赔</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="130" />
            <source>Insurer pays</source>
            <translation>保险公司支付</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="131" />
            <source>Family pays</source>
            <translation>家庭自付</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="133" />
            <source>Cash</source>
            <translation>现金</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="134" />
            <source>Bank card</source>
            <translation>银行卡</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="135" />
            <source>WeChat Pay</source>
            <translation>微信支付</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="136" />
            <source>Alipay</source>
            <translation>支付宝</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="140" />
            <source>Open to print</source>
            <translation>打开并打印</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="141" />
            <source>Save a copy…</source>
            <translation>另存一份…</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="142" />
            <source>Next family</source>
            <translation>下一位</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="175" />
            <source>The family pays {amount} today. How did they pay?</source>
            <translation>家庭今天需自付 {amount}，付款方式是？</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="179" />
            <source>Nothing to pay today: the insurer pays the whole bill.</source>
            <translation>今天无需付款：全部费用由保险公司支付。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="185" />
            <source>Recorded: paid by {method}.</source>
            <translation>已记录：{method}付款。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="193" />
            <source>Signed bill saved: {path}</source>
            <translation>已签字账单已保存：{path}</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="202" />
            <source>Accepted by the insurer, claim number {number}</source>
            <translation>保险公司已受理，理赔号 {number}</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="207" />
            <source>The insurer did not accept this claim; the clinic manager will follow it up.</source>
            <translation>保险公司未受理此理赔，诊所经理会跟进处理。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="210" />
            <source>Settled by the clinic.</source>
            <translation>诊所已处理完毕。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="213" />
            <source>Stored safely; the insurer cannot be reached now, it will be sent automatically.</source>
            <translation>已安全保存；目前无法连接保险公司，恢复后会自动发送。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="216" />
            <source>Stored safely; sending to the insurer…</source>
            <translation>已安全保存，正在发送给保险公司…</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="274" />
            <source>The payment could not be recorded. Try again.</source>
            <translation>付款未能记录，请重试。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="305" />
            <source>The signed bill PDF could not be written; the claim is stored all the same.</source>
            <translation>无法生成已签字账单 PDF；理赔仍已保存。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="316" />
            <source>Save the signed bill</source>
            <translation>保存已签字账单</translation>
        </message>
        <message>
            <location filename="../../ui/screens/done.py" line="322" />
            <source>The copy could not be saved there.</source>
            <translation>无法保存到该位置。</translation>
        </message>
    </context>
    <context>
        <name>EligibilityScreen</name>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="70" />
            <source>New scan</source>
            <translation>重新扫码</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="71" />
            <source>Start the bill</source>
            <translation>开始开账单</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="84" />
            <source>Direct billing available</source>
            <translation>可以直付</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="85" />
            <source>Direct billing available, with conditions</source>
            <translation>可以直付，但有附加条件</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="86" />
            <source>No direct billing today</source>
            <translation>今天不能直付</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="98" />
            <source>Card greyed out: an earlier self-pay amount of {amount} is unpaid (bill {ref}). The family pays it in the member app; direct billing resumes once it is paid. Today's visit is self-pay.</source>
            <translation>保险卡已置灰：之前有一笔 {amount} 的自付金额未支付（账单 {ref}）。家长在会员 App 中补缴后即可恢复直付。今天的就诊需自费。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="107" />
            <source>All fully-paid visits are used: the family pays its share of today's visit.</source>
            <translation>全额赔付次数已用完：今天的就诊家庭需承担自付部分。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="110" />
            <source>A pre-authorisation is still pending: its item cannot be direct-billed yet.</source>
            <translation>有一项事先授权仍在审核中：该项目暂不能直付。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="113" />
            <source>A pre-authorisation was denied: its item is not direct-billable.</source>
            <translation>有一项事先授权未获批准：该项目不能直付。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="116" />
            <source>A benefit limit is used up: items under it are paid by the family.</source>
            <translation>有一项保障额度已用完：该额度下的项目由家庭自付。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="119" />
            <source>Card greyed out: an earlier self-pay amount is unpaid. Today's visit is self-pay.</source>
            <translation>保险卡已置灰：有一笔自付金额未支付。今天的就诊需自费。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="122" />
            <source>The policy period has ended. The family can renew in the member app; today's visit is self-pay.</source>
            <translation>保单已过期。家长可在会员 App 中续保；今天的就诊需自费。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="126" />
            <source>This clinic is not in this plan's network. Today's visit is self-pay; the family can claim reimbursement from the insurer.</source>
            <translation>本诊所不在该计划的网络内。今天的就诊需自费，家长可向保险公司申请报销。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="130" />
            <source>The insurer has no member for this card. Check the details, or treat the visit as self-pay.</source>
            <translation>保险公司找不到此卡对应的会员。请核对信息，或按自费处理。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="134" />
            <source>The insurer does not allow direct billing for this card today.</source>
            <translation>保险公司今天不允许此卡直付。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="148" />
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="149" />
            <source>Guardian's phone</source>
            <translation>监护人手机</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="152" />
            <source>Standard</source>
            <translation>标准版</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="152" />
            <source>PLUS</source>
            <translation>PLUS 版</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="153" />
            <source>Plan</source>
            <translation>计划</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="154" />
            <source>Policy</source>
            <translation>保单</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="157" />
            <source>Policy period</source>
            <translation>保障期间</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="161" />
            <source>Fully-paid visits left</source>
            <translation>剩余全额赔付次数</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="162" />
            <source>{left} of {total}</source>
            <translation>{left} / {total}</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="171" />
            <source>{remaining} left of {limit}</source>
            <translation>剩余 {remaining}（限额 {limit}）</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="178" />
            <source>pending</source>
            <translation>审核中</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="179" />
            <source>approved</source>
            <translation>已批准</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="180" />
            <source>denied</source>
            <translation>未批准</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="185" />
            <source>Pre-authorisation</source>
            <translation>事先授权</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="186" />
            <source>{description} ({code}) on {date}: {state}</source>
            <translation>{description}（{code}），{date}：{state}</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="205" />
            <source>Outpatient and emergency</source>
            <translation>门急诊医疗</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="206" />
            <source>General medical</source>
            <translation>一般医疗</translation>
        </message>
        <message>
            <location filename="../../ui/screens/eligibility.py" line="207" />
            <source>Critical-illness medical</source>
            <translation>重大疾病医疗</translation>
        </message>
    </context>
    <context>
        <name>FamilyWindow</name>
        <message>
            <location filename="../../ui/app.py" line="236" />
            <source>Welcome. Reception will show your bill here to sign.</source>
            <translation>欢迎。前台会在这里显示您的账单供您签字。</translation>
        </message>
    </context>
    <context>
        <name>Header</name>
        <message>
            <location filename="../../ui/app.py" line="109" />
            <source>Scan</source>
            <translation>扫码</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="110" />
            <source>Eligibility</source>
            <translation>资格</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="111" />
            <source>Bill</source>
            <translation>账单</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="112" />
            <source>Sign</source>
            <translation>签字</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="113" />
            <source>Done</source>
            <translation>完成</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/app.py" line="160" />
            <location filename="../../ui/app.py" line="177" />
            <source>Direct billing</source>
            <translation>直付</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location filename="../../ui/messages.py" line="28" />
            <source>This code is not an e-card. Ask the family to open the insurance card in the member app.</source>
            <translation>这不是电子保险卡的二维码。请家长在会员 App 中打开保险卡。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="33" />
            <source>This e-card code has expired. Ask the family to refresh the card in the app and show it again.</source>
            <translation>此电子保险卡二维码已过期。请家长在 App 中刷新后重新出示。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="38" />
            <source>This e-card code was already used. Ask the family to refresh the card in the app.</source>
            <translation>此电子保险卡二维码已使用过。请家长在 App 中刷新保险卡。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="42" />
            <source>The card's time is ahead of this kiosk's clock. Check the kiosk's date and time.</source>
            <translation>保险卡的时间比本机时钟快。请检查本机的日期和时间。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="46" />
            <source>This card was not issued by the insurer, or the kiosk cannot fetch its keys.</source>
            <translation>此卡不是保险公司签发的，或本机无法获取保险公司的密钥。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="50" />
            <source>This card could not be verified: it was not issued by the insurer.</source>
            <translation>此卡验证失败：不是保险公司签发的。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="56" />
            <source>The insurer refused this card code. Ask the family to refresh the card in the app.</source>
            <translation>保险公司拒绝了此二维码。请家长在 App 中刷新保险卡。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="62" />
            <source>The insurer could not use these details. Check them and try again.</source>
            <translation>保险公司无法使用这些信息，请核对后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="71" />
            <source>This kiosk is not registered with the insurer. A manager must register it.</source>
            <translation>本机尚未在保险公司注册，请经理进行注册。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="75" />
            <source>The insurer refused this kiosk's device key. A manager must register the kiosk again.</source>
            <translation>保险公司拒绝了本机的设备密钥，请经理重新注册本机。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="80" />
            <source>The insurer cannot be reached. Check the network and try again.</source>
            <translation>无法连接保险公司。请检查网络后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="84" />
            <source>The insurer answered with an error. Try again in a moment.</source>
            <translation>保险公司返回了错误，请稍后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="88" />
            <source>The insurer does not know this record.</source>
            <translation>保险公司没有这条记录。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="91" />
            <source>A pre-authorisation must reach the insurer at least 5 working days before the planned date. Choose a later date.</source>
            <translation>事先授权申请须在计划日期前至少 5 个工作日送达保险公司，请选择更晚的日期。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="97" />
            <source>The insurer says this member is not eligible for direct billing.</source>
            <translation>保险公司表示该会员不符合直付条件。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="100" />
            <source>The insurer refused the request.</source>
            <translation>保险公司拒绝了此请求。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="102" />
            <source>The insurer could not be asked. Try again in a moment.</source>
            <translation>暂时无法询问保险公司，请稍后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" line="105" />
            <source>Something went wrong. Try again; if it happens again, call the clinic's IT contact.</source>
            <translation>出现问题，请重试；如再次发生，请联系诊所的 IT 负责人。</translation>
        </message>
    </context>
    <context>
        <name>OutboxStatus</name>
        <message numerus="yes">
            <location filename="../../ui/widgets/outbox_status.py" line="61" />
            <source>%n claim(s) need attention</source>
            <translation>
                <numerusform>%n 笔理赔需处理</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/widgets/outbox_status.py" line="63" />
            <source>Insurer unreachable · %n waiting</source>
            <translation>
                <numerusform>无法连接保险公司 · %n 笔待发送</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/widgets/outbox_status.py" line="65" />
            <source>%n claim(s) waiting to send</source>
            <translation>
                <numerusform>%n 笔理赔待发送</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/widgets/outbox_status.py" line="67" />
            <source>All claims sent</source>
            <translation>理赔已全部发送</translation>
        </message>
    </context>
    <context>
        <name>PreAuthDialog</name>
        <message>
            <location filename="../../ui/screens/preauth.py" line="101" />
            <location filename="../../ui/screens/preauth.py" line="102" />
            <source>Request a pre-authorisation</source>
            <translation>申请事先授权</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="103" />
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="104" />
            <source>Planned date</source>
            <translation>计划日期</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="105" />
            <source>Diagnosis</source>
            <translation>诊断</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="106" />
            <source>Estimated cost (CNY)</source>
            <translation>预估费用（元）</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="107" />
            <source>e.g. Recurrent headache (R51)</source>
            <translation>如：反复头痛（R51）</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="108" />
            <location filename="../../ui/screens/preauth.py" line="203" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="108" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="109" />
            <source>Send to the insurer</source>
            <translation>发送给保险公司</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="119" />
            <source>A pre-authorisation must reach the insurer at least 5 working days before the planned date. Asking the insurer for its working-day calendar…</source>
            <translation>事先授权申请须在计划日期前至少 5 个工作日送达保险公司。正在向保险公司获取工作日日历…</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="127" />
            <source>A pre-authorisation must reach the insurer at least {days} working days before the planned date (Chinese public holidays and make-up working days counted). Sent today, the earliest planned date is {earliest}.</source>
            <translation>事先授权申请须在计划日期前至少 {days} 个工作日送达保险公司（已考虑法定节假日和调休上班日）。今天发送，最早可选的计划日期为 {earliest}。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="133" />
            <source>Holiday data ends on {until}; after that only weekends are counted.</source>
            <translation>节假日数据截至 {until}；之后只按周末计算。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="156" />
            <source>Enter the estimated cost in yuan, e.g. 6800.00.</source>
            <translation>请输入以元为单位的预估费用，如 6800.00。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="170" />
            <source>Enter the diagnosis the doctor gave.</source>
            <translation>请输入医生给出的诊断。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="173" />
            <source>Sending to the insurer…</source>
            <translation>正在发送给保险公司…</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="193" />
            <source>pending the insurer's decision</source>
            <translation>等待保险公司审核</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="194" />
            <source>approved</source>
            <translation>已批准</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="195" />
            <source>denied</source>
            <translation>未批准</translation>
        </message>
        <message>
            <location filename="../../ui/screens/preauth.py" line="198" />
            <source>Pre-authorisation {id} for {date} is {state}.</source>
            <translation>{date} 的事先授权 {id}：{state}。</translation>
        </message>
    </context>
    <context>
        <name>ScanScreen</name>
        <message>
            <location filename="../../ui/screens/scan.py" line="104" />
            <source>Show your child's e-card to the camera</source>
            <translation>请向摄像头出示孩子的电子保险卡</translation>
        </message>
        <message>
            <location filename="../../ui/screens/scan.py" line="111" />
            <source>Open the insurance card in the member app and hold the QR code inside the frame.</source>
            <translation>在会员 App 中打开保险卡，将二维码对准框内。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/scan.py" line="114" />
            <source>Staff: look up without the card</source>
            <translation>工作人员：无卡查询</translation>
        </message>
        <message>
            <location filename="../../ui/screens/scan.py" line="115" />
            <source>Policy number</source>
            <translation>保单号</translation>
        </message>
        <message>
            <location filename="../../ui/screens/scan.py" line="116" />
            <source>Child's name</source>
            <translation>孩子姓名</translation>
        </message>
        <message>
            <location filename="../../ui/screens/scan.py" line="117" />
            <source>Guardian's phone</source>
            <translation>监护人手机</translation>
        </message>
        <message>
            <location filename="../../ui/screens/scan.py" line="118" />
            <source>e.g. GP2026000101</source>
            <translation>如 GP2026000101</translation>
        </message>
        <message>
            <location filename="../../ui/screens/scan.py" line="119" />
            <source>11 digits</source>
            <translation>11 位手机号</translation>
        </message>
        <message>
            <location filename="../../ui/screens/scan.py" line="120" />
            <source>Look up</source>
            <translation>查询</translation>
        </message>
        <message>
            <location filename="../../ui/screens/scan.py" line="122" />
            <location filename="../../ui/screens/scan.py" line="149" />
            <location filename="../../ui/screens/scan.py" line="182" />
            <source>Checking the card with the insurer…</source>
            <translation>正在向保险公司核验保险卡…</translation>
        </message>
        <message>
            <location filename="../../ui/screens/scan.py" line="176" />
            <source>Enter the policy number, the child's name and the guardian's 11-digit mobile number.</source>
            <translation>请输入保单号、孩子姓名和监护人的 11 位手机号。</translation>
        </message>
    </context>
    <context>
        <name>SignScreen</name>
        <message>
            <location filename="../../ui/screens/sign.py" line="121" />
            <source>Please check the bill and sign</source>
            <translation>请核对账单并签字</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sign.py" line="122" />
            <source>The insurer pays</source>
            <translation>保险公司支付</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sign.py" line="123" />
            <source>You pay today</source>
            <translation>您今天需支付</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sign.py" line="125" />
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sign.py" line="125" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sign.py" line="125" />
            <source>Insurer pays</source>
            <translation>保险公司支付</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sign.py" line="125" />
            <source>You pay</source>
            <translation>您支付</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sign.py" line="127" />
            <source>Reception: change the bill</source>
            <translation>前台：修改账单</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sign.py" line="128" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sign.py" line="129" />
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sign.py" line="130" />
            <source>Sign the bill</source>
            <translation>确认签字</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sign.py" line="178" />
            <source>By signing I confirm that my child received the items above at {clinic}, and I ask the clinic to claim {covered} from the insurer for me. Invoice {invoice}.</source>
            <translation>签字即确认我的孩子在{clinic}接受了以上项目，并委托诊所代我向保险公司申请 {covered}。发票号 {invoice}。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sign.py" line="217" />
            <source>Please sign in the white box first.</source>
            <translation>请先在白色框内签字。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sign.py" line="219" />
            <location filename="../../ui/screens/sign.py" line="222" />
            <source>That is too short to be a signature. Please write your name.</source>
            <translation>笔画太短，不像签名。请写下您的姓名。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sign.py" line="225" />
            <source>Please sign larger, across the line in the white box.</source>
            <translation>请在白色框内沿横线写大一些。</translation>
        </message>
        <message>
            <location filename="../../ui/screens/sign.py" line="240" />
            <source>The signed bill could not be stored on this computer. Please ask reception.</source>
            <translation>已签字的账单无法保存在本机，请联系前台。</translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <location filename="../../ui/widgets/signature_pad.py" line="399" />
            <source>Sign here</source>
            <translation>请在此签名</translation>
        </message>
    </context>
    <context>
        <name>SignedBill</name>
        <message>
            <location filename="../../ui/signed_bill.py" line="59" />
            <source>Covered</source>
            <translation>保障范围内</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="60" />
            <source>Not covered</source>
            <translation>不在保障范围内</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="61" />
            <source>Annual limit used up</source>
            <translation>年度限额已用完</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="62" />
            <source>Co-pay: free visits used</source>
            <translation>免费次数已用完，需共付</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="63" />
            <source>Needs pre-authorisation</source>
            <translation>需事先授权</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="64" />
            <source>Pre-authorised</source>
            <translation>已事先授权</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="65" />
            <source>Clinic not in network</source>
            <translation>本诊所不在网络内</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="68" />
            <source>Standard</source>
            <translation>标准版</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="69" />
            <source>PLUS</source>
            <translation>PLUS 版</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="72" />
            <source>Invoice no.</source>
            <translation>发票号</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="73" />
            <source>Direct-billing bill, signed by the family</source>
            <translation>直付账单（家长签字确认）</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="74" />
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="75" />
            <source>Plan</source>
            <translation>计划</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="76" />
            <source>Service date</source>
            <translation>就诊日期</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="77" />
            <source>Signed at</source>
            <translation>签字时间</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="78" />
            <source>continued</source>
            <translation>续</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="79" />
            <source>Total charges</source>
            <translation>费用合计</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="80" />
            <source>Insurer pays the clinic directly</source>
            <translation>保险公司直接支付给诊所</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="81" />
            <source>You pay today</source>
            <translation>您今天需支付</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="82" />
            <source>I confirm that my child received the care listed above and agree that the insurer pays the covered amount directly to the clinic.</source>
            <translation>本人确认孩子已接受上列诊疗，并同意保险公司将保障范围内的金额直接支付给诊所。</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="87" />
            <source>Signature of parent or guardian</source>
            <translation>家长或监护人签名</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="88" />
            <source>Claim number</source>
            <translation>理赔号</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="89" />
            <source>Pending: kept on this kiosk and sent to the insurer when it is reachable</source>
            <translation>待发送：已保存在本机，可连接保险公司时发送</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="92" />
            <source>Bill hash (SHA-256)</source>
            <translation>账单哈希（SHA-256）</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="93" />
            <source>Signed electronically at the clinic's direct-billing kiosk. The bill hash binds the signature to exactly the lines above; any change gives another hash.</source>
            <translation>在诊所直付终端上电子签署。账单哈希将签名与上列内容严格绑定，任何改动都会得到不同的哈希。</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="98" />
            <source>Page %1 of %2</source>
            <translation>第 %1 页，共 %2 页</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="101" />
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="102" />
            <source>Qty</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="103" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="104" />
            <source>Insurer pays</source>
            <translation>保险公司支付</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="105" />
            <source>You pay</source>
            <translation>您支付</translation>
        </message>
        <message>
            <location filename="../../ui/signed_bill.py" line="106" />
            <source>Reason</source>
            <translation>说明</translation>
        </message>
    </context>
    <context>
        <name>SigningElsewhere</name>
        <message>
            <location filename="../../ui/app.py" line="262" />
            <source>The family is checking and signing the bill on their screen.</source>
            <translation>家长正在其屏幕上核对账单并签字。</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="263" />
            <source>Change the bill</source>
            <translation>修改账单</translation>
        </message>
    </context>
</TS>
