<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BillScreen</name>
    <message>
        <location filename="../../ui/screens/bill.py" line="139"/>
        <source>Search by code, name or pinyin initials (e.g. xcg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="141"/>
        <source>Import the clinic&apos;s catalogue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/bill.py" line="143"/>
        <location filename="../../ui/screens/bill.py" line="230"/>
        <source>%n item(s) in the catalogue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="147"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="148"/>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="149"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="150"/>
        <source>Insurer pays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="151"/>
        <source>Family pays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="152"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="156"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="157"/>
        <source>Cancel visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="158"/>
        <source>Ask the insurer again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="159"/>
        <source>Show to the family to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="215"/>
        <source>The clinic&apos;s fee catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="217"/>
        <source>Catalogue (*.csv *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="235"/>
        <source>line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/bill.py" line="237"/>
        <source>The file has %n bad row(s) and was not used: </source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="241"/>
        <source>The file could not be read as a catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="299"/>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="299"/>
        <source>PLUS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="303"/>
        <source>Bill for {member} ({plan})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="323"/>
        <source>Remove this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="346"/>
        <source>Needs pre-auth: request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="359"/>
        <source>Add items from the catalogue on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="361"/>
        <source>Total {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="365"/>
        <source>Total {total} · &lt;span style=&apos;color:#137333&apos;&gt;insurer pays &lt;b&gt;{covered}&lt;/b&gt;&lt;/span&gt; · &lt;span style=&apos;color:#b06000&apos;&gt;family pays &lt;b&gt;{patient}&lt;/b&gt;&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="380"/>
        <source>Asking the insurer for its estimate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/bill.py" line="385"/>
        <source>%n item(s) need a pre-authorisation: the family pays for them today unless they are removed, or request one for a later date.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="401"/>
        <source>Covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="402"/>
        <source>Not covered by the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="403"/>
        <source>Annual limit used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="404"/>
        <source>Co-pay: free visits used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="405"/>
        <source>Needs pre-authorisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="406"/>
        <source>Covered (pre-authorised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="407"/>
        <source>Clinic not in network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="456"/>
        <source>The bill could not be stored on this computer: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <location filename="../../ui/demo_panel.py" line="98"/>
        <location filename="../../ui/demo_panel.py" line="99"/>
        <source>Demo: the family&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/demo_panel.py" line="102"/>
        <source>Choose whose e-card the phone shows; the simulated camera sees it at once. Hover a button to see what that member demonstrates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/demo_panel.py" line="106"/>
        <source>Take the phone away</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../../ui/screens/done.py" line="121"/>
        <source>Thank you. The signed bill is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="122"/>
        <source>Invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="123"/>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="124"/>
        <source>Insurer pays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="125"/>
        <source>Family pays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="127"/>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="128"/>
        <source>Bank card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="129"/>
        <source>WeChat Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="130"/>
        <source>Alipay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="134"/>
        <source>Open to print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="135"/>
        <source>Save a copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="136"/>
        <source>Next family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="167"/>
        <source>The family pays {amount} today. How did they pay?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="171"/>
        <source>Nothing to pay today: the insurer pays the whole bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="177"/>
        <source>Recorded: paid by {method}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="185"/>
        <source>Signed bill saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="194"/>
        <source>Accepted by the insurer, claim number {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="199"/>
        <source>The insurer did not accept this claim; the clinic manager will follow it up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="202"/>
        <source>Settled by the clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="205"/>
        <source>Stored safely; the insurer cannot be reached now, it will be sent automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="208"/>
        <source>Stored safely; sending to the insurer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="260"/>
        <source>The payment could not be recorded. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="291"/>
        <source>The signed bill PDF could not be written; the claim is stored all the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="302"/>
        <source>Save the signed bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="308"/>
        <source>The copy could not be saved there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EligibilityScreen</name>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="70"/>
        <source>New scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="71"/>
        <source>Start the bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="84"/>
        <source>Direct billing available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="85"/>
        <source>Direct billing available, with conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="86"/>
        <source>No direct billing today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="98"/>
        <source>Card greyed out: an earlier self-pay amount of {amount} is unpaid (bill {ref}). The family pays it in the member app; direct billing resumes once it is paid. Today&apos;s visit is self-pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="107"/>
        <source>All fully-paid visits are used: the family pays its share of today&apos;s visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="110"/>
        <source>A pre-authorisation is still pending: its item cannot be direct-billed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="113"/>
        <source>A pre-authorisation was denied: its item is not direct-billable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="116"/>
        <source>A benefit limit is used up: items under it are paid by the family.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="119"/>
        <source>Card greyed out: an earlier self-pay amount is unpaid. Today&apos;s visit is self-pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="122"/>
        <source>The policy period has ended. The family can renew in the member app; today&apos;s visit is self-pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="126"/>
        <source>This clinic is not in this plan&apos;s network. Today&apos;s visit is self-pay; the family can claim reimbursement from the insurer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="130"/>
        <source>The insurer has no member for this card. Check the details, or treat the visit as self-pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="134"/>
        <source>The insurer does not allow direct billing for this card today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="148"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="149"/>
        <source>Guardian&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="152"/>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="152"/>
        <source>PLUS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="153"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="154"/>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="157"/>
        <source>Policy period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="161"/>
        <source>Fully-paid visits left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="162"/>
        <source>{left} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="171"/>
        <source>{remaining} left of {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="178"/>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="179"/>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="180"/>
        <source>denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="185"/>
        <source>Pre-authorisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="186"/>
        <source>{description} ({code}) on {date}: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="205"/>
        <source>Outpatient and emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="206"/>
        <source>General medical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="207"/>
        <source>Critical-illness medical</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamilyWindow</name>
    <message>
        <location filename="../../ui/app.py" line="236"/>
        <source>Welcome. Reception will show your bill here to sign.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../ui/app.py" line="109"/>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="110"/>
        <source>Eligibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="111"/>
        <source>Bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="112"/>
        <source>Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="113"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="160"/>
        <location filename="../../ui/app.py" line="177"/>
        <source>Direct billing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="28"/>
        <source>This code is not an e-card. Ask the family to open the insurance card in the member app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="33"/>
        <source>This e-card code has expired. Ask the family to refresh the card in the app and show it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>This e-card code was already used. Ask the family to refresh the card in the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="42"/>
        <source>The card&apos;s time is ahead of this kiosk&apos;s clock. Check the kiosk&apos;s date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46"/>
        <source>This card was not issued by the insurer, or the kiosk cannot fetch its keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50"/>
        <source>This card could not be verified: it was not issued by the insurer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="56"/>
        <source>The insurer refused this card code. Ask the family to refresh the card in the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="62"/>
        <source>The insurer could not use these details. Check them and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71"/>
        <source>This kiosk is not registered with the insurer. A manager must register it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="75"/>
        <source>The insurer refused this kiosk&apos;s device key. A manager must register the kiosk again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="80"/>
        <source>The insurer cannot be reached. Check the network and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="84"/>
        <source>The insurer answered with an error. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="88"/>
        <source>The insurer does not know this record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="91"/>
        <source>A pre-authorisation must reach the insurer at least 5 working days before the planned date. Choose a later date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="97"/>
        <source>The insurer says this member is not eligible for direct billing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="100"/>
        <source>The insurer refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="102"/>
        <source>The insurer could not be asked. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="105"/>
        <source>Something went wrong. Try again; if it happens again, call the clinic&apos;s IT contact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message numerus="yes">
        <location filename="../../ui/widgets/outbox_status.py" line="61"/>
        <source>%n claim(s) need attention</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/outbox_status.py" line="63"/>
        <source>Insurer unreachable · %n waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/outbox_status.py" line="65"/>
        <source>%n claim(s) waiting to send</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_status.py" line="67"/>
        <source>All claims sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreAuthDialog</name>
    <message>
        <location filename="../../ui/screens/preauth.py" line="101"/>
        <location filename="../../ui/screens/preauth.py" line="102"/>
        <source>Request a pre-authorisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="103"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="104"/>
        <source>Planned date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="105"/>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="106"/>
        <source>Estimated cost (CNY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="107"/>
        <source>e.g. Recurrent headache (R51)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="108"/>
        <location filename="../../ui/screens/preauth.py" line="203"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="108"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="109"/>
        <source>Send to the insurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="119"/>
        <source>A pre-authorisation must reach the insurer at least 5 working days before the planned date. Asking the insurer for its working-day calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="127"/>
        <source>A pre-authorisation must reach the insurer at least {days} working days before the planned date (Chinese public holidays and make-up working days counted). Sent today, the earliest planned date is {earliest}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="133"/>
        <source>Holiday data ends on {until}; after that only weekends are counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="156"/>
        <source>Enter the estimated cost in yuan, e.g. 6800.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="170"/>
        <source>Enter the diagnosis the doctor gave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="173"/>
        <source>Sending to the insurer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="193"/>
        <source>pending the insurer&apos;s decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="194"/>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="195"/>
        <source>denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="198"/>
        <source>Pre-authorisation {id} for {date} is {state}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <location filename="../../ui/screens/scan.py" line="104"/>
        <source>Show your child&apos;s e-card to the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="111"/>
        <source>Open the insurance card in the member app and hold the QR code inside the frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="114"/>
        <source>Staff: look up without the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="115"/>
        <source>Policy number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="116"/>
        <source>Child&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="117"/>
        <source>Guardian&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="118"/>
        <source>e.g. GP2026000101</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="119"/>
        <source>11 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="120"/>
        <source>Look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="122"/>
        <location filename="../../ui/screens/scan.py" line="149"/>
        <location filename="../../ui/screens/scan.py" line="182"/>
        <source>Checking the card with the insurer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="176"/>
        <source>Enter the policy number, the child&apos;s name and the guardian&apos;s 11-digit mobile number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignScreen</name>
    <message>
        <location filename="../../ui/screens/sign.py" line="117"/>
        <source>Please check the bill and sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="118"/>
        <source>The insurer pays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="119"/>
        <source>You pay today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="121"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="121"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="121"/>
        <source>Insurer pays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="121"/>
        <source>You pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="123"/>
        <source>Reception: change the bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="124"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="125"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="126"/>
        <source>Sign the bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="170"/>
        <source>By signing I confirm that my child received the items above at {clinic}, and I ask the clinic to claim {covered} from the insurer for me. Invoice {invoice}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="209"/>
        <source>Please sign in the white box first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="211"/>
        <location filename="../../ui/screens/sign.py" line="214"/>
        <source>That is too short to be a signature. Please write your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="217"/>
        <source>Please sign larger, across the line in the white box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="232"/>
        <source>The signed bill could not be stored on this computer. Please ask reception.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../ui/widgets/signature_pad.py" line="399"/>
        <source>Sign here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignedBill</name>
    <message>
        <location filename="../../ui/signed_bill.py" line="59"/>
        <source>Covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="60"/>
        <source>Not covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="61"/>
        <source>Annual limit used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="62"/>
        <source>Co-pay: free visits used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="63"/>
        <source>Needs pre-authorisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="64"/>
        <source>Pre-authorised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="65"/>
        <source>Clinic not in network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="68"/>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="69"/>
        <source>PLUS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="72"/>
        <source>Invoice no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="73"/>
        <source>Direct-billing bill, signed by the family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="74"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="75"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="76"/>
        <source>Service date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="77"/>
        <source>Signed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="78"/>
        <source>continued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="79"/>
        <source>Total charges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="80"/>
        <source>Insurer pays the clinic directly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="81"/>
        <source>You pay today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="82"/>
        <source>I confirm that my child received the care listed above and agree that the insurer pays the covered amount directly to the clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="87"/>
        <source>Signature of parent or guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="88"/>
        <source>Claim number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="89"/>
        <source>Pending: kept on this kiosk and sent to the insurer when it is reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="92"/>
        <source>Bill hash (SHA-256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="93"/>
        <source>Signed electronically at the clinic&apos;s direct-billing kiosk. The bill hash binds the signature to exactly the lines above; any change gives another hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="98"/>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="101"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="102"/>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="103"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="104"/>
        <source>Insurer pays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="105"/>
        <source>You pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/signed_bill.py" line="106"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SigningElsewhere</name>
    <message>
        <location filename="../../ui/app.py" line="262"/>
        <source>The family is checking and signing the bill on their screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="263"/>
        <source>Change the bill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
