<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AppointmentChart</name>
    <message>
        <location filename="../../ui/widgets/appointment_chart.py" line="42"/>
        <source>Came (checked in)</source>
        <translation>Came (checked in)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/appointment_chart.py" line="43"/>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/appointment_chart.py" line="44"/>
        <source>Did not come</source>
        <translation>Did not come</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/appointment_chart.py" line="45"/>
        <source>Cancelled late</source>
        <translation>Cancelled late</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/appointment_chart.py" line="123"/>
        <source>No appointments in these 30 days</source>
        <translation>No appointments in these 30 days</translation>
    </message>
</context>
<context>
    <name>AppointmentsTab</name>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="86"/>
        <source>Appointments</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="87"/>
        <source>Came (checked in)</source>
        <translation>Came (checked in)</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="88"/>
        <source>Did not come</source>
        <translation>Did not come</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="89"/>
        <source>Cancelled late</source>
        <translation>Cancelled late</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="90"/>
        <source>Cancelled in time</source>
        <translation>Cancelled in time</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="94"/>
        <source>Did not come or cancelled late</source>
        <translation>Did not come or cancelled late</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="97"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="98"/>
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="99"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="100"/>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="101"/>
        <source>Fee charged to the family</source>
        <translation>Fee charged to the family</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="102"/>
        <source>Further bookings here</source>
        <translation>Further bookings here</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="105"/>
        <source>Last 30 days: appointments per day</source>
        <translation>Last 30 days: appointments per day</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="111"/>
        <source>Appointments booked through the insurer</source>
        <translation>Appointments booked through the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="116"/>
        <source>Appointments booked through the insurer on {day}</source>
        <translation>Appointments booked through the insurer on {day}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/appointments_tab.py" line="123"/>
        <source>%n still expected</source>
        <translation>
            <numerusform>%n still expected</numerusform>
            <numerusform>%n still expected</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="141"/>
        <source>Suspended by the hospital</source>
        <translation>Suspended by the hospital</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="143"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/manager/appointments_tab.py" line="161"/>
        <source>The insurer&apos;s appointments could not be read: {why}</source>
        <translation>The insurer&apos;s appointments could not be read: {why}</translation>
    </message>
</context>
<context>
    <name>Arrivals</name>
    <message>
        <location filename="../../ui/arrivals_text.py" line="18"/>
        <source>Outpatient</source>
        <translation>Outpatient</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="19"/>
        <source>Vaccination</source>
        <translation>Vaccination</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="20"/>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="23"/>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="24"/>
        <source>Checked in</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="25"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="26"/>
        <source>Cancelled late</source>
        <translation>Cancelled late</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="27"/>
        <source>Did not come</source>
        <translation>Did not come</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="30"/>
        <source>Card on hold (置灰)</source>
        <translation>Card on hold (置灰)</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="31"/>
        <source>Policy ended</source>
        <translation>Policy ended</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="32"/>
        <source>Policy not in force yet</source>
        <translation>Policy not in force yet</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="33"/>
        <source>Clinic not in the network</source>
        <translation>Clinic not in the network</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="34"/>
        <source>Member unknown to the insurer</source>
        <translation>Member unknown to the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="35"/>
        <source>Pre-authorisation pending</source>
        <translation>Pre-authorisation pending</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="36"/>
        <source>Pre-authorisation denied</source>
        <translation>Pre-authorisation denied</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="37"/>
        <source>Pre-authorisation will not cover it</source>
        <translation>Pre-authorisation will not cover it</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="40"/>
        <source>Not checked yet</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="43"/>
        <source>Ask the family to pay the {amount} still unpaid in the e-card (就诊记录 → 支付) before they come; otherwise the visit is self-pay.</source>
        <translation>Ask the family to pay the {amount} still unpaid in the e-card (就诊记录 → 支付) before they come; otherwise the visit is self-pay.</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="48"/>
        <source>The policy will have ended by the appointment: ask the family to renew it, or to come ready to pay themselves.</source>
        <translation>The policy will have ended by the appointment: ask the family to renew it, or to come ready to pay themselves.</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="53"/>
        <source>The policy is not in force on the appointment&apos;s day: the family can move the appointment through the insurer&apos;s hotline, or the visit is self-pay.</source>
        <translation>The policy is not in force on the appointment&apos;s day: the family can move the appointment through the insurer&apos;s hotline, or the visit is self-pay.</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="58"/>
        <source>This clinic is not in the plan&apos;s network: the family can move the appointment to a network clinic through the insurer&apos;s hotline, or come as a self-pay visit.</source>
        <translation>This clinic is not in the plan&apos;s network: the family can move the appointment to a network clinic through the insurer&apos;s hotline, or come as a self-pay visit.</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="63"/>
        <source>The insurer no longer knows this member: ask the family to call its hotline.</source>
        <translation>The insurer no longer knows this member: ask the family to call its hotline.</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="66"/>
        <source>The insurer has not decided the pre-authorisation for the booked procedure yet: remind the family it must be approved first, or they pay for the procedure.</source>
        <translation>The insurer has not decided the pre-authorisation for the booked procedure yet: remind the family it must be approved first, or they pay for the procedure.</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="71"/>
        <source>The insurer refused the pre-authorisation for the booked procedure: the family pays for it, or moves the appointment through the insurer&apos;s hotline.</source>
        <translation>The insurer refused the pre-authorisation for the booked procedure: the family pays for it, or moves the appointment through the insurer&apos;s hotline.</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="76"/>
        <source>The pre-authorisation for the booked procedure will not cover it on the day (used up, nothing left, or outside its dates): the family asks the insurer for a new one, or pays for the procedure.</source>
        <translation>The pre-authorisation for the booked procedure will not cover it on the day (used up, nothing left, or outside its dates): the family asks the insurer for a new one, or pays for the procedure.</translation>
    </message>
    <message>
        <location filename="../../ui/arrivals_text.py" line="82"/>
        <source>The insurer could not be asked about this family: the kiosk tries again.</source>
        <translation>The insurer could not be asked about this family: the kiosk tries again.</translation>
    </message>
</context>
<context>
    <name>ArrivalsBoard</name>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="280"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="280"/>
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="280"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="280"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="307"/>
        <source>Today&apos;s appointments · as of {time}</source>
        <translation>Today&apos;s appointments · as of {time}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="310"/>
        <source>The insurer cannot be reached: the list is as of {time}.</source>
        <translation>The insurer cannot be reached: the list is as of {time}.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="316"/>
        <source>The check of the families to call could not be run ({time}).</source>
        <translation>The check of the families to call could not be run ({time}).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/arrivals_board.py" line="327"/>
        <source>To call today: %n family(s)…</source>
        <translation>
            <numerusform>To call today: %n family…</numerusform>
            <numerusform>To call today: %n families…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BillScreen</name>
    <message>
        <location filename="../../ui/screens/bill.py" line="151"/>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/bill.py" line="156"/>
        <location filename="../../ui/screens/bill.py" line="300"/>
        <source>%n item(s) in the catalogue</source>
        <translation>
            <numerusform>%n item in the catalogue</numerusform>
            <numerusform>%n items in the catalogue</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="160"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="161"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="162"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="163"/>
        <source>Insurer pays</source>
        <translation>Insurer pays</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="164"/>
        <source>Family pays</source>
        <translation>Family pays</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="167"/>
        <source>Emergency visit</source>
        <translation>Emergency visit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="170"/>
        <source>The bill and the claim say emergency; a pre-authorisation filed for it needs no lead time</source>
        <translation>The bill and the claim say emergency; a pre-authorisation filed for it needs no lead time</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="174"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="175"/>
        <source>Cancel visit</source>
        <translation>Cancel visit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="176"/>
        <source>Ask the insurer again</source>
        <translation>Ask the insurer again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="177"/>
        <location filename="../../ui/screens/bill.py" line="594"/>
        <source>Show to the family to sign</source>
        <translation>Show to the family to sign</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="284"/>
        <source>The clinic&apos;s fee catalogue</source>
        <translation>The clinic&apos;s fee catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="417"/>
        <source>Bill for member {member} · phone guarantee {reference}</source>
        <translation>Bill for member {member} · phone guarantee {reference}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="421"/>
        <source>Corrected bill for {member} · replaces statement {statement}</source>
        <translation>Corrected bill for {member} · replaces statement {statement}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="424"/>
        <source>Correction of claim {claim}</source>
        <translation>Correction of claim {claim}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="432"/>
        <source>Self-pay bill for {member}</source>
        <translation>Self-pay bill for {member}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="431"/>
        <source>Self-pay bill</source>
        <translation>Self-pay bill</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="450"/>
        <source>HIS order {order}</source>
        <translation>HIS order {order}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="476"/>
        <source>insurer pays &lt;b&gt;{covered}&lt;/b&gt;</source>
        <translation>insurer pays &lt;b&gt;{covered}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="479"/>
        <source>family pays &lt;b&gt;{patient}&lt;/b&gt;</source>
        <translation>family pays &lt;b&gt;{patient}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="494"/>
        <source>Checking the amounts with the insurer once more…</source>
        <translation>Checking the amounts with the insurer once more…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/bill.py" line="504"/>
        <source>%n item(s) need a pre-authorisation: the family pays for them today unless they are removed, or request an emergency one now (no lead time).</source>
        <translation>
            <numerusform>%n item(s) need a pre-authorisation: the family pays for them today unless they are removed, or request an emergency one now (no lead time).</numerusform>
            <numerusform>%n item(s) need a pre-authorisation: the family pays for them today unless they are removed, or request an emergency one now (no lead time).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="521"/>
        <source>This bill takes the year&apos;s medical costs over {threshold}: its treatments and exams need one.</source>
        <translation>This bill takes the year&apos;s medical costs over {threshold}: its treatments and exams need one.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/bill.py" line="529"/>
        <source>%n item(s) cost more than the pre-authorised amount: the plan pays up to it and the family pays the rest.</source>
        <translation>
            <numerusform>%n item costs more than the pre-authorised amount: the plan pays up to it and the family pays the rest.</numerusform>
            <numerusform>%n items cost more than the pre-authorised amount: the plan pays up to it and the family pays the rest.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="541"/>
        <source>The insurer would pay nothing on the corrected bill, so it cannot replace claim {claim}. Cancel the claim at the insurer instead.</source>
        <translation>The insurer would pay nothing on the corrected bill, so it cannot replace claim {claim}. Cancel the claim at the insurer instead.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="549"/>
        <source>Correction of statement {statement} (claim {claim}): the family signs the corrected bill, and the insurer cancels the original claim when it accepts this one. The family paid {paid} on the original bill; the difference is refunded or paid after signing.</source>
        <translation>Correction of statement {statement} (claim {claim}): the family signs the corrected bill, and the insurer cancels the original claim when it accepts this one. The family paid {paid} on the original bill; the difference is refunded or paid after signing.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="563"/>
        <source>Phone guarantee {reference}: the insurer confirms its share once its system is back, and the claim is sent then. The family pays nothing now; what the insurer does not cover is theirs to pay to the clinic afterwards.</source>
        <translation>Phone guarantee {reference}: the insurer confirms its share once its system is back, and the claim is sent then. The family pays nothing now; what the insurer does not cover is theirs to pay to the clinic afterwards.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="572"/>
        <source>Self-pay visit: the card cannot be direct-billed today. The family pays the whole bill at the desk and gets a self-pay statement; nothing is claimed from the insurer.</source>
        <translation>Self-pay visit: the card cannot be direct-billed today. The family pays the whole bill at the desk and gets a self-pay statement; nothing is claimed from the insurer.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="581"/>
        <source>The plan pays nothing on these items: this is a self-pay visit. The family pays the whole bill and no claim is made.</source>
        <translation>The plan pays nothing on these items: this is a self-pay visit. The family pays the whole bill and no claim is made.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="592"/>
        <source>Self-pay: take the payment</source>
        <translation>Self-pay: take the payment</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="669"/>
        <source>The insurer&apos;s amounts changed since the estimate (another visit or claim used part of the balance): the family now pays {patient}. Go through the new amounts with the family, then show the bill to sign.</source>
        <translation>The insurer&apos;s amounts changed since the estimate (another visit or claim used part of the balance): the family now pays {patient}. Go through the new amounts with the family, then show the bill to sign.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="153"/>
        <source>Import the clinic&apos;s own fee catalogue (Excel .xlsx, CSV or JSON)</source>
        <translation>Import the clinic&apos;s own fee catalogue (Excel .xlsx, CSV or JSON)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="150"/>
        <source>Code, name or pinyin initials (xcg)</source>
        <translation>Code, name or pinyin initials (xcg)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="286"/>
        <source>Catalogue (*.xlsx *.csv *.txt *.json)</source>
        <translation>Catalogue (*.xlsx *.csv *.txt *.json)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="310"/>
        <source>line {line}</source>
        <translation>line {line}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/bill.py" line="312"/>
        <source>The file has %n bad row(s) and was not used: </source>
        <translation>
            <numerusform>The file has %n bad row and was not used: </numerusform>
            <numerusform>The file has %n bad rows and was not used: </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="316"/>
        <source>The file could not be read as a catalogue.</source>
        <translation>The file could not be read as a catalogue.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="437"/>
        <source>Bill for {member} ({plan})</source>
        <translation>Bill for {member} ({plan})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="458"/>
        <source>Request pre-auth</source>
        <translation>Request pre-auth</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="459"/>
        <source>Add items from the catalogue on the left.</source>
        <translation>Add items from the catalogue on the left.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="470"/>
        <location filename="../../ui/screens/bill.py" line="473"/>
        <source>Total {total}</source>
        <translation>Total {total}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/bill.py" line="499"/>
        <source>Asking the insurer for its estimate…</source>
        <translation>Asking the insurer for its estimate…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/bill.py" line="511"/>
        <source>%n item(s) need a pre-authorisation: the family pays for them today unless they are removed, or request one for a later date.</source>
        <translation>
            <numerusform>%n item needs a pre-authorisation: the family pays for it today unless it is removed, or request one for a later date.</numerusform>
            <numerusform>%n items need a pre-authorisation: the family pays for them today unless they are removed, or request them for a later date.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangesTable</name>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="76"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="77"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="78"/>
        <source>Statement no.</source>
        <translation>Statement no.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="79"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="80"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="81"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
</context>
<context>
    <name>ClaimActions</name>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="131"/>
        <source>Send again</source>
        <translation>Send again</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="132"/>
        <source>Send this claim again once its cause is fixed</source>
        <translation>Send this claim again once its cause is fixed</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="133"/>
        <source>How was it settled? (required)</source>
        <translation>How was it settled? (required)</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="134"/>
        <source>Mark settled</source>
        <translation>Mark settled</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="135"/>
        <source>Void…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="136"/>
        <source>Void this signed bill before it is sent</source>
        <translation>Void this signed bill before it is sent</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="137"/>
        <source>Cancel at the insurer…</source>
        <translation>Cancel at the insurer…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="138"/>
        <source>Cancel this accepted claim at the insurer</source>
        <translation>Cancel this accepted claim at the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="139"/>
        <source>Correct the bill…</source>
        <translation>Correct the bill…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="142"/>
        <source>Open this bill at the desk to correct it; the family signs the corrected bill, which replaces this claim at the insurer</source>
        <translation>Open this bill at the desk to correct it; the family signs the corrected bill, which replaces this claim at the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="146"/>
        <source>Why? (required)</source>
        <translation>Why? (required)</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="147"/>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="202"/>
        <source>Cancel this claim at the insurer? It pays nothing for it and gives back the fully-paid visit and the pre-auth use it took. The reason is kept.</source>
        <translation>Cancel this claim at the insurer? It pays nothing for it and gives back the fully-paid visit and the pre-auth use it took. The reason is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="206"/>
        <source>Cancel the claim</source>
        <translation>Cancel the claim</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="210"/>
        <source>Void this signed bill? It is never sent to the insurer. The family&apos;s signature and the reason are kept.</source>
        <translation>Void this signed bill? It is never sent to the insurer. The family&apos;s signature and the reason are kept.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="214"/>
        <source>Void the bill</source>
        <translation>Void the bill</translation>
    </message>
</context>
<context>
    <name>ClaimsTab</name>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="499"/>
        <source>All claims</source>
        <translation>All claims</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="504"/>
        <source>Statement no. or insurer claim number</source>
        <translation>Statement no. or insurer claim number</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="507"/>
        <source>Statement no.</source>
        <translation>Statement no.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="508"/>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="509"/>
        <location filename="../../ui/manager/claims_tab.py" line="635"/>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="510"/>
        <location filename="../../ui/manager/claims_tab.py" line="622"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="511"/>
        <location filename="../../ui/manager/claims_tab.py" line="636"/>
        <source>Billed</source>
        <translation>Billed</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="512"/>
        <source>Insurer covers</source>
        <translation>Insurer covers</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="513"/>
        <location filename="../../ui/manager/claims_tab.py" line="642"/>
        <source>Family share</source>
        <translation>Family share</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="514"/>
        <source>Paid at desk</source>
        <translation>Paid at desk</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="517"/>
        <source>Open the signed bill</source>
        <translation>Open the signed bill</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/claims_tab.py" line="560"/>
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="581"/>
        <source>As shown to the family; the insurer has not answered</source>
        <translation>As shown to the family; the insurer has not answered</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="605"/>
        <source>Choose a claim to see it in detail.</source>
        <translation>Choose a claim to see it in detail.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="620"/>
        <source>Claim key, for the insurer&apos;s support: %1</source>
        <translation>Claim key, for the insurer&apos;s support: %1</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="630"/>
        <source>Replaced by the corrected claim {claim}</source>
        <translation>Replaced by the corrected claim {claim}</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="637"/>
        <source>Insurer share as signed</source>
        <translation>Insurer share as signed</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="639"/>
        <source>Covered by the insurer</source>
        <translation>Covered by the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="644"/>
        <source>Paid at the desk</source>
        <translation>Paid at the desk</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="650"/>
        <source>Signed and stored</source>
        <translation>Signed and stored</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="653"/>
        <source>Insurer claim no.</source>
        <translation>Insurer claim no.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="657"/>
        <source>Recorded by the insurer</source>
        <translation>Recorded by the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="625"/>
        <source>Cancelled by</source>
        <translation>Cancelled by</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="627"/>
        <source>Voided by</source>
        <translation>Voided by</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="633"/>
        <location filename="../../ui/manager/claims_tab.py" line="659"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="673"/>
        <source>Opening…</source>
        <translation>Opening…</translation>
    </message>
</context>
<context>
    <name>ClinicTab</name>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="84"/>
        <source>Billed</source>
        <translation>Billed</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="69"/>
        <source>Last 30 days: covered by the insurer and paid by families</source>
        <translation>Last 30 days: covered by the insurer and paid by families</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="76"/>
        <location filename="../../ui/manager/clinic_tab.py" line="182"/>
        <source>The clinic&apos;s day</source>
        <translation>The clinic&apos;s day</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="81"/>
        <source>Clinic</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="81"/>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="82"/>
        <source>Records up to</source>
        <translation>Records up to</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="83"/>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="85"/>
        <source>Insurer covers</source>
        <translation>Insurer covers</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="86"/>
        <source>Awaiting</source>
        <translation>Awaiting</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="87"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="88"/>
        <source>Families paid</source>
        <translation>Families paid</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="89"/>
        <source>Families owe</source>
        <translation>Families owe</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="95"/>
        <source>nothing yet</source>
        <translation>nothing yet</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="122"/>
        <source>The group&apos;s day: %1, %2</source>
        <translation>The group&apos;s day: %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="124"/>
        <source>The clinic&apos;s day: %1, %2</source>
        <translation>The clinic&apos;s day: %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="135"/>
        <source>Not shipped for 15 minutes or more (its figures may be behind): %1</source>
        <translation>Not shipped for 15 minutes or more (its figures may be behind): %1</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="139"/>
        <source>Every desk has shipped its records in the last 15 minutes.</source>
        <translation>Every desk has shipped its records in the last 15 minutes.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/clinic_tab.py" line="144"/>
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/clinic_tab.py" line="148"/>
        <source>%n accepted claim(s)</source>
        <translation>
            <numerusform>%n accepted claim</numerusform>
            <numerusform>%n accepted claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/clinic_tab.py" line="153"/>
        <source>%n claim(s) to collect or fix</source>
        <translation>
            <numerusform>%n claim to collect or fix</numerusform>
            <numerusform>%n claims to collect or fix</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/clinic_tab.py" line="157"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/clinic_tab.py" line="161"/>
        <source>%1 (%n desk(s))</source>
        <translation>
            <numerusform>%1 (%n desk)</numerusform>
            <numerusform>%1 (%n desks)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="169"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/manager/clinic_tab.py" line="185"/>
        <source>The clinic database cannot be read now (%1). This desk&apos;s own figures are on the Day tab; the desks keep their records and ship them when it is back.</source>
        <translation>The clinic database cannot be read now (%1). This desk&apos;s own figures are on the Day tab; the desks keep their records and ship them when it is back.</translation>
    </message>
</context>
<context>
    <name>CloseOutSummary</name>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="489"/>
        <source>Close-out</source>
        <translation>Close-out</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="492"/>
        <source>Taken at the desk</source>
        <translation>Taken at the desk</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="492"/>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="492"/>
        <source>Variance</source>
        <translation>Variance</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="497"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="498"/>
        <source>Changes after close</source>
        <translation>Changes after close</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="514"/>
        <source>Not closed yet: the manager closes it on the Close the day tab.</source>
        <translation>Not closed yet: the manager closes it on the Close the day tab.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="518"/>
        <source>Closed by %1 at %2.</source>
        <translation>Closed by %1 at %2.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="522"/>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
</context>
<context>
    <name>CloseTab</name>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="229"/>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="230"/>
        <source>Taken at the desk</source>
        <translation>Taken at the desk</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="231"/>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="232"/>
        <source>Variance</source>
        <translation>Variance</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="240"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="241"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="242"/>
        <source>Why the amounts differ (required when they do)</source>
        <translation>Why the amounts differ (required when they do)</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="243"/>
        <source>Close the day…</source>
        <translation>Close the day…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="244"/>
        <source>Close the day now</source>
        <translation>Close the day now</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="245"/>
        <source>Not yet</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="246"/>
        <source>Changes after close</source>
        <translation>Changes after close</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="318"/>
        <source>Close the day %1</source>
        <translation>Close the day %1</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="321"/>
        <source>Closed by %1 at %2. Later changes need a manager and are listed here.</source>
        <translation>Closed by %1 at %2. Later changes need a manager and are listed here.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="326"/>
        <source>This day has not come yet.</source>
        <translation>This day has not come yet.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="330"/>
        <source>Count the cash in the drawer and print each terminal&apos;s day report, then enter what they show. Taken at the desk: recorded that day, refunds taken off.</source>
        <translation>Count the cash in the drawer and print each terminal&apos;s day report, then enter what they show. Taken at the desk: recorded that day, refunds taken off.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="369"/>
        <source>Enter amounts in yuan, such as 120 or 120.50.</source>
        <translation>Enter amounts in yuan, such as 120 or 120.50.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="376"/>
        <source>The counts differ from what was taken: say why in the note.</source>
        <translation>The counts differ from what was taken: say why in the note.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="386"/>
        <source>Once the day is closed, every change to it recorded later is listed here.</source>
        <translation>Once the day is closed, every change to it recorded later is listed here.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="389"/>
        <source>Nothing was changed since the close.</source>
        <translation>Nothing was changed since the close.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="392"/>
        <source>Recorded after the close, by a manager; not in the figures on the left.</source>
        <translation>Recorded after the close, by a manager; not in the figures on the left.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/close_tab.py" line="406"/>
        <source>Close %1 with a variance of %2? The figures are kept as they are now and the day is locked: a later payment or refund for it needs a manager and is listed as a change after close.</source>
        <translation>Close %1 with a variance of %2? The figures are kept as they are now and the day is locked: a later payment or refund for it needs a manager and is listed as a change after close.</translation>
    </message>
</context>
<context>
    <name>CollectDialog</name>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="77"/>
        <source>Collect an amount owed</source>
        <translation>Collect an amount owed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="78"/>
        <source>Collect what is owed to the clinic</source>
        <translation>Collect what is owed to the clinic</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="80"/>
        <source>Visit of {date}, statement {number}: {share} to pay, {paid} paid.</source>
        <translation>Visit of {date}, statement {number}: {share} to pay, {paid} paid.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="87"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DayBeforeDialog</name>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="93"/>
        <source>Families to call today</source>
        <translation>Families to call today</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="95"/>
        <source>Families to call today ({day})</source>
        <translation>Families to call today ({day})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="99"/>
        <source>{problems} of the {booked} booked appointments to call about today would not be direct-billed as things stand (checked at {time}). Call the families before their cancel-in-time deadline, so it is sorted out by phone and not at the desk.</source>
        <translation>{problems} of the {booked} booked appointments to call about today would not be direct-billed as things stand (checked at {time}). Call the families before their cancel-in-time deadline, so it is sorted out by phone and not at the desk.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="110"/>
        <source>Appointment</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="111"/>
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="112"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="113"/>
        <source>Cancel in time until</source>
        <translation>Cancel in time until</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="114"/>
        <source>What to tell the family</source>
        <translation>What to tell the family</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/arrivals_board.py" line="135"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DayReport</name>
    <message>
        <location filename="../../ui/documents/day_report.py" line="51"/>
        <source>Direct-pay day report</source>
        <translation>Direct-pay day report</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="52"/>
        <source>Service date</source>
        <translation>Service date</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="53"/>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="54"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="55"/>
        <source>Direct-pay visits</source>
        <translation>Direct-pay visits</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="56"/>
        <source>Billed</source>
        <translation>Billed</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="57"/>
        <source>Covered by the insurer</source>
        <translation>Covered by the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="58"/>
        <source>Awaiting the insurer</source>
        <translation>Awaiting the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="59"/>
        <source>Refused by the insurer</source>
        <translation>Refused by the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="60"/>
        <source>Paid by families</source>
        <translation>Paid by families</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="61"/>
        <source>family share %1</source>
        <translation>family share %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="62"/>
        <source>Claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="63"/>
        <source>Sent to the insurer</source>
        <translation>Sent to the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="64"/>
        <source>Family payments</source>
        <translation>Family payments</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="65"/>
        <source>Pre-auth requests</source>
        <translation>Pre-auth requests</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="66"/>
        <source>Top items</source>
        <translation>Top items</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="67"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="68"/>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="69"/>
        <source>Reconciliation with the insurer</source>
        <translation>Reconciliation with the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="70"/>
        <source>Not reconciled: the insurer&apos;s statement was not fetched for this report.</source>
        <translation>Not reconciled: the insurer&apos;s statement was not fetched for this report.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="73"/>
        <source>Balanced: every claim agrees with the insurer&apos;s statement (%1).</source>
        <translation>Balanced: every claim agrees with the insurer&apos;s statement (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="76"/>
        <source>Agree: %1 · need a look: %2. Insurer total %3, this PC&apos;s records %4.</source>
        <translation>Agree: %1 · need a look: %2. Insurer total %3, this PC&apos;s records %4.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="80"/>
        <source>… and %1 more on the kiosk&apos;s reconciliation page.</source>
        <translation>… and %1 more on the kiosk&apos;s reconciliation page.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="81"/>
        <source>Audit trail: %1 entries, head %2</source>
        <translation>Audit trail: %1 entries, head %2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="82"/>
        <source>Audit trail BROKEN at entry %1: call the clinic&apos;s IT contact.</source>
        <translation>Audit trail BROKEN at entry %1: call the clinic&apos;s IT contact.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="85"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="86"/>
        <source>Day not closed yet</source>
        <translation>Day not closed yet</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="87"/>
        <source>Day closed by %1 at %2</source>
        <translation>Day closed by %1 at %2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="88"/>
        <source>Close-out</source>
        <translation>Close-out</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="89"/>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="90"/>
        <source>Taken at the desk</source>
        <translation>Taken at the desk</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="91"/>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="92"/>
        <source>Variance</source>
        <translation>Variance</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="93"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="94"/>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="95"/>
        <source>Taken at the desk: payments recorded that day, refunds taken off, whichever visit they were for. Counted: the drawer&apos;s cash and each terminal&apos;s day report.</source>
        <translation>Taken at the desk: payments recorded that day, refunds taken off, whichever visit they were for. Counted: the drawer&apos;s cash and each terminal&apos;s day report.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="100"/>
        <source>Changes after close</source>
        <translation>Changes after close</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="101"/>
        <source>Nothing was changed since the close.</source>
        <translation>Nothing was changed since the close.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="102"/>
        <source>Recorded after the close; not in the close-out&apos;s figures.</source>
        <translation>Recorded after the close; not in the close-out&apos;s figures.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="105"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="106"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="107"/>
        <source>Statement no.</source>
        <translation>Statement no.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="108"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="109"/>
        <source>Recorded by</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="110"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="111"/>
        <source>Direct-billing kiosk · day report</source>
        <translation>Direct-billing kiosk · day report</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="112"/>
        <source>Receivables</source>
        <translation>Receivables</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="113"/>
        <source>As of %1</source>
        <translation>As of %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="114"/>
        <source>Unpaid 0–30 days</source>
        <translation>Unpaid 0–30 days</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="115"/>
        <source>Unpaid 31–60 days</source>
        <translation>Unpaid 31–60 days</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="116"/>
        <source>Unpaid 61–90 days</source>
        <translation>Unpaid 61–90 days</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="117"/>
        <source>Unpaid over 90 days</source>
        <translation>Unpaid over 90 days</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="118"/>
        <source>Claims: %1</source>
        <translation>Claims: %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="119"/>
        <source>Paid against expected, by month of service</source>
        <translation>Paid against expected, by month of service</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="120"/>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="121"/>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="122"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="123"/>
        <source>To come</source>
        <translation>To come</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="124"/>
        <source>Owed by families</source>
        <translation>Owed by families</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="125"/>
        <source>At the desk</source>
        <translation>At the desk</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="126"/>
        <source>After the insurer&apos;s review</source>
        <translation>After the insurer&apos;s review</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="127"/>
        <source>The insurer&apos;s remittances</source>
        <translation>The insurer&apos;s remittances</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="128"/>
        <source>Remittances: %1 · lines: %2 · agree with the claims: %3</source>
        <translation>Remittances: %1 · lines: %2 · agree with the claims: %3</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="131"/>
        <source>Every remittance line agrees with a claim.</source>
        <translation>Every remittance line agrees with a claim.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="132"/>
        <source>Remittance</source>
        <translation>Remittance</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="133"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="134"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/documents/day_report.py" line="135"/>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
</context>
<context>
    <name>DayTab</name>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="35"/>
        <source>Direct-pay visits</source>
        <translation>Direct-pay visits</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="36"/>
        <source>Billed</source>
        <translation>Billed</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="37"/>
        <source>Covered by the insurer</source>
        <translation>Covered by the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="38"/>
        <source>Awaiting the insurer</source>
        <translation>Awaiting the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="39"/>
        <source>Refused by the insurer</source>
        <translation>Refused by the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="40"/>
        <source>Paid by families</source>
        <translation>Paid by families</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="194"/>
        <source>Claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="197"/>
        <source>Sent to the insurer</source>
        <translation>Sent to the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="198"/>
        <source>Family payments</source>
        <translation>Family payments</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="201"/>
        <source>Refunded (taken off above)</source>
        <translation>Refunded (taken off above)</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="41"/>
        <source>Still owed by families</source>
        <translation>Still owed by families</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="203"/>
        <source>Pre-auth requests</source>
        <translation>Pre-auth requests</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="206"/>
        <source>Top items</source>
        <translation>Top items</translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="208"/>
        <source>Last 30 days: covered by the insurer and paid by families</source>
        <translation>Last 30 days: covered by the insurer and paid by families</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/day_tab.py" line="218"/>
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/day_tab.py" line="223"/>
        <source>%n accepted claim(s)</source>
        <translation>
            <numerusform>%n accepted claim</numerusform>
            <numerusform>%n accepted claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/day_tab.py" line="226"/>
        <source>%n claim(s) waiting to send</source>
        <translation>
            <numerusform>%n claim waiting to send</numerusform>
            <numerusform>%n claims waiting to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/day_tab.py" line="232"/>
        <source>%n claim(s) to collect or fix</source>
        <translation>
            <numerusform>%n claim to collect or fix</numerusform>
            <numerusform>%n claims to collect or fix</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/day_tab.py" line="238"/>
        <source>of %1 family share, with %n self-pay visit(s)</source>
        <translation>
            <numerusform>of %1 family share, with %n self-pay visit</numerusform>
            <numerusform>of %1 family share, with %n self-pay visits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/day_tab.py" line="241"/>
        <source>of %1 family share</source>
        <translation>of %1 family share</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/day_tab.py" line="254"/>
        <source>%1 (%n visit(s))</source>
        <translation>
            <numerusform>%1 (%n visit)</numerusform>
            <numerusform>%1 (%n visits)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <location filename="../../ui/demo_panel.py" line="123"/>
        <location filename="../../ui/demo_panel.py" line="124"/>
        <source>Demo: the family&apos;s phone</source>
        <translation>Demo: the family&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../ui/demo_panel.py" line="127"/>
        <source>Choose whose e-card the phone shows; the simulated camera sees it at once. Hover a button to see what that member demonstrates.</source>
        <translation>Choose whose e-card the phone shows; the simulated camera sees it at once. Hover a button to see what that member demonstrates.</translation>
    </message>
    <message>
        <location filename="../../ui/demo_panel.py" line="131"/>
        <source>Take the phone away</source>
        <translation>Take the phone away</translation>
    </message>
    <message>
        <location filename="../../ui/demo_panel.py" line="132"/>
        <source>Demo staff</source>
        <translation>Demo staff</translation>
    </message>
    <message>
        <location filename="../../ui/demo_panel.py" line="134"/>
        <source>Tap Staff at the top of the kiosk, choose the name and enter the PIN.</source>
        <translation>Tap Staff at the top of the kiosk, choose the name and enter the PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/demo_panel.py" line="137"/>
        <source>Demo manager PIN: %1</source>
        <translation>Demo manager PIN: %1</translation>
    </message>
    <message>
        <location filename="../../ui/demo_panel.py" line="138"/>
        <source>Demo reception PIN: %1</source>
        <translation>Demo reception PIN: %1</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../../ui/screens/done.py" line="220"/>
        <source>Thank you. The signed bill is stored.</source>
        <translation>Thank you. The signed bill is stored.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="149"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="150"/>
        <source>Insurer pays</source>
        <translation>Insurer pays</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="151"/>
        <source>Family pays</source>
        <translation>Family pays</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="152"/>
        <source>Open to print</source>
        <translation>Open to print</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="148"/>
        <source>Statement no.</source>
        <translation>Statement no.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="153"/>
        <source>Save a copy…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="154"/>
        <source>Next family</source>
        <translation>Next family</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="244"/>
        <source>No claim: the family pays the whole bill.</source>
        <translation>No claim: the family pays the whole bill.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="566"/>
        <source>The statement PDF could not be written; the bill is stored all the same.</source>
        <translation>The statement PDF could not be written; the bill is stored all the same.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="577"/>
        <source>Save the statement</source>
        <translation>Save the statement</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="274"/>
        <source>Accepted by the insurer, claim number {number}</source>
        <translation>Accepted by the insurer, claim number {number}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="206"/>
        <source>Self-pay visit: the plan pays nothing on this bill.</source>
        <translation>Self-pay visit: the plan pays nothing on this bill.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="209"/>
        <source>Thank you. The corrected bill is signed and stored: it replaces statement {statement}.</source>
        <translation>Thank you. The corrected bill is signed and stored: it replaces statement {statement}.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="216"/>
        <source>Thank you. The signed bill is stored under phone guarantee {reference}: the insurer confirms its share once it can be reached.</source>
        <translation>Thank you. The signed bill is stored under phone guarantee {reference}: the insurer confirms its share once it can be reached.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="230"/>
        <source>Self-pay statement saved (version {version}).</source>
        <translation>Self-pay statement saved (version {version}).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="233"/>
        <source>Statement saved (version {version}). It also appears in the visit records of the family&apos;s e-card once the insurer has the claim.</source>
        <translation>Statement saved (version {version}). It also appears in the visit records of the family&apos;s e-card once the insurer has the claim.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="252"/>
        <source>Accepted by the insurer, claim number {number}; it replaces claim {old}, which the insurer cancelled.</source>
        <translation>Accepted by the insurer, claim number {number}; it replaces claim {old}, which the insurer cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="257"/>
        <source>The insurer did not accept the correction: claim {old} stands as it was. The clinic manager will follow it up.</source>
        <translation>The insurer did not accept the correction: claim {old} stands as it was. The clinic manager will follow it up.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="264"/>
        <source>Accepted by the insurer, claim number {number}: it covers {covered} of the {guaranteed} guaranteed. The family owes the clinic {owed}: it is shown to collect when the child&apos;s card is next scanned.</source>
        <translation>Accepted by the insurer, claim number {number}: it covers {covered} of the {guaranteed} guaranteed. The family owes the clinic {owed}: it is shown to collect when the child&apos;s card is next scanned.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="279"/>
        <source>The insurer did not accept this claim; the clinic manager will follow it up.</source>
        <translation>The insurer did not accept this claim; the clinic manager will follow it up.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="282"/>
        <source>Settled by the clinic.</source>
        <translation>Settled by the clinic.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="285"/>
        <source>Stored safely; the insurer cannot be reached now, it will be sent automatically.</source>
        <translation>Stored safely; the insurer cannot be reached now, it will be sent automatically.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="288"/>
        <source>Stored safely; sending to the insurer…</source>
        <translation>Stored safely; sending to the insurer…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="430"/>
        <source>The difference with the {paid} paid for statement {statement} is refunded or paid once the insurer accepts the corrected bill.</source>
        <translation>The difference with the {paid} paid for statement {statement} is refunded or paid once the insurer accepts the corrected bill.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="435"/>
        <source>Statement {statement} stands: nothing is refunded or paid for the correction.</source>
        <translation>Statement {statement} stands: nothing is refunded or paid for the correction.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="442"/>
        <source>Refunded {amount} ({methods}): give it back to the family the way they paid.</source>
        <translation>Refunded {amount} ({methods}): give it back to the family the way they paid.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="453"/>
        <source>The corrected family share is {share}; the family paid {paid}. Refund {amount}: {methods}.</source>
        <translation>The corrected family share is {share}; the family paid {paid}. Refund {amount}: {methods}.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="462"/>
        <source>Refund {amount}</source>
        <translation>Refund {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="468"/>
        <source>The corrected family share is {share}; the family paid {paid}: {amount} is still to pay.</source>
        <translation>The corrected family share is {share}; the family paid {paid}: {amount} is still to pay.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="477"/>
        <source>The corrected family share is {share}, what the family paid: nothing to refund or pay.</source>
        <translation>The corrected family share is {share}, what the family paid: nothing to refund or pay.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/done.py" line="583"/>
        <source>The copy could not be saved there.</source>
        <translation>The copy could not be saved there.</translation>
    </message>
</context>
<context>
    <name>EligibilityScreen</name>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="142"/>
        <source>New scan</source>
        <translation>New scan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="143"/>
        <source>Start the bill</source>
        <translation>Start the bill</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="145"/>
        <source>Print the note for the family</source>
        <translation>Print the note for the family</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="146"/>
        <source>Self-pay visit</source>
        <translation>Self-pay visit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="148"/>
        <source>Bill from the catalogue; the family pays it all and gets a self-pay statement</source>
        <translation>Bill from the catalogue; the family pays it all and gets a self-pay statement</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="169"/>
        <source>Direct billing available</source>
        <translation>Direct billing available</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="170"/>
        <source>Direct billing available, with conditions</source>
        <translation>Direct billing available, with conditions</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="171"/>
        <source>No direct billing today</source>
        <translation>No direct billing today</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="235"/>
        <source>Card on hold (置灰): {amount} the family owes from an earlier visit is unpaid (claim {ref}). To pay it: in the e-card, tap 就诊记录 (visit records), then 支付 (pay) beside that visit. Once it is paid the card works again: scan it again. Today&apos;s visit can go on as self-pay.</source>
        <translation>Card on hold (置灰): {amount} the family owes from an earlier visit is unpaid (claim {ref}). To pay it: in the e-card, tap 就诊记录 (visit records), then 支付 (pay) beside that visit. Once it is paid the card works again: scan it again. Today&apos;s visit can go on as self-pay.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="246"/>
        <source>The policy ended on {end}: no direct billing today. About renewing, the family can call the insurer&apos;s 7×24 hotline {hotline}. Today&apos;s visit can go on as self-pay.</source>
        <translation>The policy ended on {end}: no direct billing today. About renewing, the family can call the insurer&apos;s 7×24 hotline {hotline}. Today&apos;s visit can go on as self-pay.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="252"/>
        <source>The policy starts on {start}: no direct billing before that day. Questions: the insurer&apos;s 7×24 hotline {hotline}. Today&apos;s visit can go on as self-pay.</source>
        <translation>The policy starts on {start}: no direct billing before that day. Questions: the insurer&apos;s 7×24 hotline {hotline}. Today&apos;s visit can go on as self-pay.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="257"/>
        <source>This clinic is not in the network of the family&apos;s plan: no direct billing here. The e-card&apos;s 适用医院 (network clinics) lists where the plan direct-bills; questions: the insurer&apos;s 7×24 hotline {hotline}. Today&apos;s visit can go on as self-pay.</source>
        <translation>This clinic is not in the network of the family&apos;s plan: no direct billing here. The e-card&apos;s 适用医院 (network clinics) lists where the plan direct-bills; questions: the insurer&apos;s 7×24 hotline {hotline}. Today&apos;s visit can go on as self-pay.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="264"/>
        <source>The insurer has no member for this card. Check the card or look the child up by policy number; questions: the insurer&apos;s 7×24 hotline {hotline}. Today&apos;s visit can go on as self-pay.</source>
        <translation>The insurer has no member for this card. Check the card or look the child up by policy number; questions: the insurer&apos;s 7×24 hotline {hotline}. Today&apos;s visit can go on as self-pay.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="270"/>
        <source>The insurer does not allow direct billing for this card today. Questions: the insurer&apos;s 7×24 hotline {hotline}. Today&apos;s visit can go on as self-pay.</source>
        <translation>The insurer does not allow direct billing for this card today. Questions: the insurer&apos;s 7×24 hotline {hotline}. Today&apos;s visit can go on as self-pay.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="275"/>
        <source>All fully-paid visits are used: the family pays its share of today&apos;s visit.</source>
        <translation>All fully-paid visits are used: the family pays its share of today&apos;s visit.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="278"/>
        <source>A pre-authorisation is still pending: its item cannot be direct-billed yet.</source>
        <translation>A pre-authorisation is still pending: its item cannot be direct-billed yet.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="285"/>
        <source>A pre-authorisation was denied: its item is not direct-billable.</source>
        <translation>A pre-authorisation was denied: its item is not direct-billable.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="303"/>
        <source>A benefit limit is used up: items under it are paid by the family.</source>
        <translation>A benefit limit is used up: items under it are paid by the family.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="144"/>
        <source>Print the guarantee letter</source>
        <translation>Print the guarantee letter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="192"/>
        <source>Medical costs billed this policy year: {billed}. Above {threshold} in the year, every treatment and exam needs a pre-authorisation first: {left} left before that.</source>
        <translation>Medical costs billed this policy year: {billed}. Above {threshold} in the year, every treatment and exam needs a pre-authorisation first: {left} left before that.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="202"/>
        <source>Medical costs billed this policy year: {billed}, over {threshold}: every treatment and exam needs a pre-authorisation first (consultations and medicines do not).</source>
        <translation>Medical costs billed this policy year: {billed}, over {threshold}: every treatment and exam needs a pre-authorisation first (consultations and medicines do not).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="212"/>
        <source>Only {left} left of the {benefit} limit this year: above it the family pays, pre-authorised items included.</source>
        <translation>Only {left} left of the {benefit} limit this year: above it the family pays, pre-authorised items included.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="220"/>
        <source>This department direct-bills only visits booked through the insurer (享受部分公立医院直付服务需提前预约), and the child has no appointment here today. The family can book one in the e-card (适用医院, then the booking guide) or through the insurer&apos;s 7×24 hotline {hotline}; it is arranged within 2 working days. Today&apos;s visit can go on as self-pay.</source>
        <translation>This department direct-bills only visits booked through the insurer (享受部分公立医院直付服务需提前预约), and the child has no appointment here today. The family can book one in the e-card (适用医院, then the booking guide) or through the insurer&apos;s 7×24 hotline {hotline}; it is arranged within 2 working days. Today&apos;s visit can go on as self-pay.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="228"/>
        <source>This department direct-bills only visits booked through the insurer, and the insurer could not confirm the child&apos;s appointment just now. Scan the card again in a moment, or call the insurer&apos;s 7×24 hotline {hotline}; otherwise today&apos;s visit can go on as self-pay.</source>
        <translation>This department direct-bills only visits booked through the insurer, and the insurer could not confirm the child&apos;s appointment just now. Scan the card again in a moment, or call the insurer&apos;s 7×24 hotline {hotline}; otherwise today&apos;s visit can go on as self-pay.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="281"/>
        <source>The insurer needs more information for a pre-authorisation: file it again with the documents it asks for (see below).</source>
        <translation>The insurer needs more information for a pre-authorisation: file it again with the documents it asks for (see below).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="288"/>
        <source>An approval is used up or past its dates: its item needs a new pre-authorisation before the plan pays for it again.</source>
        <translation>An approval is used up or past its dates: its item needs a new pre-authorisation before the plan pays for it again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="292"/>
        <source>A benefit&apos;s annual limit is nearly used up: above what is left the family pays, pre-authorised items included.</source>
        <translation>A benefit&apos;s annual limit is nearly used up: above what is left the family pays, pre-authorised items included.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="296"/>
        <source>Close to the yearly cost above which treatments and exams need a pre-authorisation.</source>
        <translation>Close to the yearly cost above which treatments and exams need a pre-authorisation.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="300"/>
        <source>Past the yearly cost above which treatments and exams need a pre-authorisation.</source>
        <translation>Past the yearly cost above which treatments and exams need a pre-authorisation.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="370"/>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="371"/>
        <source>{name} · born {year}</source>
        <translation>{name} · born {year}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="376"/>
        <source>Guardian&apos;s phone</source>
        <translation>Guardian&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="377"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="377"/>
        <source>PLUS</source>
        <translation>PLUS</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="380"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="381"/>
        <source>Policy</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="385"/>
        <source>Policy period</source>
        <translation>Policy period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="390"/>
        <source>Appointment today</source>
        <translation>Appointment today</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="394"/>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="401"/>
        <source>This clinic</source>
        <translation>This clinic</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="402"/>
        <source>In the {plan} plan&apos;s network</source>
        <translation>In the {plan} plan&apos;s network</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="404"/>
        <source>Not in the {plan} plan&apos;s network</source>
        <translation>Not in the {plan} plan&apos;s network</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="412"/>
        <source>Fully-paid visits left</source>
        <translation>Fully-paid visits left</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="413"/>
        <source>{left} of {total}</source>
        <translation>{left} of {total}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="422"/>
        <source>{remaining} left of {limit}</source>
        <translation>{remaining} left of {limit}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="443"/>
        <source>None booked for today</source>
        <translation>None booked for today</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="446"/>
        <source>{time} · {service} · {department}</source>
        <translation>{time} · {service} · {department}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="453"/>
        <source>{what}: already checked in at {time}</source>
        <translation>{what}: already checked in at {time}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="456"/>
        <source>{what}: checked in now</source>
        <translation>{what}: checked in now</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="461"/>
        <source>On hold (置灰): {amount} unpaid, claim {ref}</source>
        <translation>On hold (置灰): {amount} unpaid, claim {ref}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="465"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="466"/>
        <source>On hold (置灰): an amount is unpaid</source>
        <translation>On hold (置灰): an amount is unpaid</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="467"/>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="468"/>
        <source>Not in force yet</source>
        <translation>Not in force yet</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="469"/>
        <source>Not known to the insurer</source>
        <translation>Not known to the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="484"/>
        <source>{what}: approved, used up ({allowed} of {allowed} uses taken) · auth {auth}</source>
        <translation>{what}: approved, used up ({allowed} of {allowed} uses taken) · auth {auth}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="487"/>
        <source>{what}: approved, expired on {end} · auth {auth}</source>
        <translation>{what}: approved, expired on {end} · auth {auth}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="495"/>
        <source>{what}: {state}
{auth} · {left} left of {approved} · valid {start} – {end} · {uses} of {allowed} uses left</source>
        <translation>{what}: {state}
{auth} · {left} left of {approved} · valid {start} – {end} · {uses} of {allowed} uses left</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="514"/>
        <source>{what} for {date}: {state}</source>
        <translation>{what} for {date}: {state}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="518"/>
        <source>The insurer: {note}</source>
        <translation>The insurer: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="553"/>
        <source>Asking the insurer for the guarantee letter…</source>
        <translation>Asking the insurer for the guarantee letter…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="563"/>
        <source>Guarantee letter opened for printing: {files}</source>
        <translation>Guarantee letter opened for printing: {files}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="623"/>
        <source>Note opened for printing: {file}</source>
        <translation>Note opened for printing: {file}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="631"/>
        <source>The note could not be written. Try again.</source>
        <translation>The note could not be written. Try again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="510"/>
        <source>the insurer needs more information</source>
        <translation>the insurer needs more information</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="493"/>
        <location filename="../../ui/screens/eligibility.py" line="511"/>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="479"/>
        <source>emergency</source>
        <translation>emergency</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="306"/>
        <source>Card on hold (置灰): an amount the family owes from an earlier visit is unpaid. To pay it: in the e-card, tap 就诊记录 (visit records), then 支付 (pay). Today&apos;s visit can go on as self-pay.</source>
        <translation>Card on hold (置灰): an amount the family owes from an earlier visit is unpaid. To pay it: in the e-card, tap 就诊记录 (visit records), then 支付 (pay). Today&apos;s visit can go on as self-pay.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="311"/>
        <source>The policy period has ended: no direct billing today. Today&apos;s visit can go on as self-pay.</source>
        <translation>The policy period has ended: no direct billing today. Today&apos;s visit can go on as self-pay.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="315"/>
        <source>The policy is not in force yet: no direct billing before its first day. Today&apos;s visit can go on as self-pay.</source>
        <translation>The policy is not in force yet: no direct billing before its first day. Today&apos;s visit can go on as self-pay.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="441"/>
        <source>Could not be confirmed with the insurer: the kiosk tries again</source>
        <translation>Could not be confirmed with the insurer: the kiosk tries again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="491"/>
        <source>approved, from {date}</source>
        <translation>approved, from {date}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="509"/>
        <source>pending the insurer&apos;s decision</source>
        <translation>pending the insurer&apos;s decision</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="512"/>
        <source>denied</source>
        <translation>denied</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="430"/>
        <source>Pre-authorisation</source>
        <translation>Pre-authorisation</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="523"/>
        <source>Outpatient and emergency</source>
        <translation>Outpatient and emergency</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="524"/>
        <source>General medical</source>
        <translation>General medical</translation>
    </message>
    <message>
        <location filename="../../ui/screens/eligibility.py" line="525"/>
        <source>Critical-illness medical</source>
        <translation>Critical-illness medical</translation>
    </message>
</context>
<context>
    <name>ExportsTab</name>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="103"/>
        <source>The claims of %1</source>
        <translation>The claims of %1</translation>
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
        <translation>Excel (XLSX)</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="106"/>
        <source>PDF day report</source>
        <translation>PDF day report</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="107"/>
        <source>The claims of a range of days</source>
        <translation>The claims of a range of days</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="108"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="109"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="112"/>
        <source>Saved in</source>
        <translation>Saved in</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="113"/>
        <source>Change folder…</source>
        <translation>Change folder…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="121"/>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="124"/>
        <source>Saved %1, and beside it %2</source>
        <translation>Saved %1, and beside it %2</translation>
    </message>
    <message>
        <location filename="../../ui/manager/exports_tab.py" line="140"/>
        <source>The range ends before it starts.</source>
        <translation>The range ends before it starts.</translation>
    </message>
</context>
<context>
    <name>FamilyWindow</name>
    <message>
        <location filename="../../ui/app.py" line="541"/>
        <source>Welcome. Reception will show your bill here to sign.</source>
        <translation>Welcome. Reception will show your bill here to sign.</translation>
    </message>
</context>
<context>
    <name>GuaranteeLetter</name>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="28"/>
        <source>Guarantee letter (pre-authorisation)</source>
        <translation>Guarantee letter (pre-authorisation)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="29"/>
        <source>Auth number</source>
        <translation>Auth number</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="30"/>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="31"/>
        <source>request %1</source>
        <translation>request %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="32"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="33"/>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="34"/>
        <source>Policy</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="35"/>
        <source>Treatment</source>
        <translation>Treatment</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="36"/>
        <source>Diagnosis</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="37"/>
        <source>Items covered</source>
        <translation>Items covered</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="38"/>
        <source>Guaranteed amount</source>
        <translation>Guaranteed amount</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="39"/>
        <source>%1 left when printed</source>
        <translation>%1 left when printed</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="40"/>
        <source>Valid for service dates</source>
        <translation>Valid for service dates</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="41"/>
        <source>Uses</source>
        <translation>Uses</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="42"/>
        <source>%1 of %2 left when printed</source>
        <translation>%1 of %2 left when printed</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="43"/>
        <source>The insurer&apos;s terms</source>
        <translation>The insurer&apos;s terms</translation>
    </message>
    <message>
        <location filename="../../ui/documents/guarantee_letter.py" line="44"/>
        <source>Printed at the clinic&apos;s direct-billing kiosk on %1 from the insurer&apos;s letter; the insurer&apos;s records decide.</source>
        <translation>Printed at the clinic&apos;s direct-billing kiosk on %1 from the insurer&apos;s letter; the insurer&apos;s records decide.</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../ui/app.py" line="250"/>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="251"/>
        <source>Eligibility</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="252"/>
        <source>Bill</source>
        <translation>Bill</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="253"/>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="254"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="245"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
</context>
<context>
    <name>HisChargesDialog</name>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="81"/>
        <source>Charges from the HIS</source>
        <translation>Charges from the HIS</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="83"/>
        <source>Charges from the HIS for this child: tick what goes on the bill</source>
        <translation>Charges from the HIS for this child: tick what goes on the bill</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="88"/>
        <source>{order} · {name} × {quantity} · HIS {price}</source>
        <translation>{order} · {name} × {quantity} · HIS {price}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="98"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="105"/>
        <source>HIS code {code} is not in the catalogue or the clinic&apos;s mapping table: it cannot be billed from here. Add the item from the catalogue by hand.</source>
        <translation>HIS code {code} is not in the catalogue or the clinic&apos;s mapping table: it cannot be billed from here. Add the item from the catalogue by hand.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="110"/>
        <source>HIS code {code} is mapped to a catalogue item the catalogue does not have: add the item by hand, and ask IT to fix the mapping table.</source>
        <translation>HIS code {code} is mapped to a catalogue item the catalogue does not have: add the item by hand, and ask IT to fix the mapping table.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="113"/>
        <source>Bills as {code} {name} at {price}</source>
        <translation>Bills as {code} {name} at {price}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="118"/>
        <source> — the HIS&apos;s price is {his} each: the bill uses the catalogue&apos;s price.</source>
        <translation> — the HIS&apos;s price is {his} each: the bill uses the catalogue&apos;s price.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="122"/>
        <source>The HIS charged it on {day}, not today: tick it only if it belongs to this visit.</source>
        <translation>The HIS charged it on {day}, not today: tick it only if it belongs to this visit.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="131"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/his_charges.py" line="133"/>
        <source>%n more charge(s) for this policy are not offered: the HIS&apos;s patient is not the child on this card ({why}). Check the patient in the HIS, or bill by hand.</source>
        <translation>
            <numerusform>%n more charge for this policy is not offered: the HIS&apos;s patient is not the child on this card ({why}). Check the patient in the HIS, or bill by hand.</numerusform>
            <numerusform>%n more charges for this policy are not offered: the HIS&apos;s patient is not the child on this card ({why}). Check the patient in the HIS, or bill by hand.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="141"/>
        <source>policy number</source>
        <translation>policy number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="142"/>
        <source>member number</source>
        <translation>member number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="143"/>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="144"/>
        <source>year of birth</source>
        <translation>year of birth</translation>
    </message>
    <message>
        <location filename="../../ui/screens/his_charges.py" line="146"/>
        <source>another HIS patient on this policy, and the HIS sent no member number</source>
        <translation>another HIS patient on this policy, and the HIS sent no member number</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/his_charges.py" line="155"/>
        <source>Add %n charge(s) to the bill</source>
        <translation>
            <numerusform>Add %n charge to the bill</numerusform>
            <numerusform>Add %n charges to the bill</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HisOfferBar</name>
    <message numerus="yes">
        <location filename="../../ui/widgets/his_offer.py" line="54"/>
        <source>Charges from the HIS (%n)</source>
        <translation>
            <numerusform>Charges from the HIS (%n)</numerusform>
            <numerusform>Charges from the HIS (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/his_offer.py" line="59"/>
        <source>%n cannot be billed from here: see why</source>
        <translation>
            <numerusform>%n cannot be billed from here: see why</numerusform>
            <numerusform>%n cannot be billed from here: see why</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/his_offer.py" line="63"/>
        <source>%n held back: the HIS&apos;s patient is not this child</source>
        <translation>
            <numerusform>%n held back: the HIS&apos;s patient is not this child</numerusform>
            <numerusform>%n held back: the HIS&apos;s patient is not this child</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../../ui/widgets/idle_warning.py" line="85"/>
        <source>Still there? Tap to continue</source>
        <translation>Still there? Tap to continue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_warning.py" line="91"/>
        <source>Then this visit is cleared for the next family.</source>
        <translation>Then this visit is cleared for the next family.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_warning.py" line="96"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="363"/>
        <location filename="../../ui/app.py" line="438"/>
        <source>Direct billing</source>
        <translation>Direct billing</translation>
    </message>
</context>
<context>
    <name>Manager</name>
    <message>
        <location filename="../../ui/manager_text.py" line="26"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="30"/>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="36"/>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="37"/>
        <source>Bank card</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="38"/>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="39"/>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="42"/>
        <location filename="../../ui/manager_text.py" line="57"/>
        <source>Not sent yet</source>
        <translation>Not sent yet</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="43"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="45"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="46"/>
        <source>Denied</source>
        <translation>Denied</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="55"/>
        <source>Missing at the insurer</source>
        <translation>Missing at the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="54"/>
        <source>Amounts differ</source>
        <translation>Amounts differ</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="53"/>
        <source>Status differs</source>
        <translation>Status differs</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="84"/>
        <source>Look for it on the clinic&apos;s other kiosks. If no desk made it, dispute it with the insurer.</source>
        <translation>Look for it on the clinic&apos;s other kiosks. If no desk made it, dispute it with the insurer.</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="89"/>
        <source>The insurer records less than the family signed for. Ask it to correct the claim.</source>
        <translation>The insurer records less than the family signed for. Ask it to correct the claim.</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="93"/>
        <source>The insurer records more than the family signed for. Tell the insurer; do not keep the difference.</source>
        <translation>The insurer records more than the family signed for. Tell the insurer; do not keep the difference.</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="102"/>
        <source>The insurer now lists it as payable. Confirm it, then refund the family if they paid.</source>
        <translation>The insurer now lists it as payable. Confirm it, then refund the family if they paid.</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="127"/>
        <source>Reception</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="128"/>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="185"/>
        <source>Claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="186"/>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="187"/>
        <source>Service date</source>
        <translation>Service date</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="189"/>
        <source>Claim state</source>
        <translation>Claim state</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="190"/>
        <source>Insurer claim no.</source>
        <translation>Insurer claim no.</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="191"/>
        <source>Insurer status</source>
        <translation>Insurer status</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="25"/>
        <location filename="../../ui/manager_text.py" line="208"/>
        <source>Waiting to send</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="27"/>
        <source>Reviewed</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="28"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="29"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="31"/>
        <source>Settled</source>
        <translation>Settled</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="32"/>
        <source>Voided</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="33"/>
        <source>Cancelled at the insurer</source>
        <translation>Cancelled at the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="44"/>
        <source>More information asked</source>
        <translation>More information asked</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="47"/>
        <source>Not accepted by the insurer</source>
        <translation>Not accepted by the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="50"/>
        <source>Records changed since sent</source>
        <translation>Records changed since sent</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="51"/>
        <source>Refused by the insurer</source>
        <translation>Refused by the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="52"/>
        <source>Stopped, needs a person</source>
        <translation>Stopped, needs a person</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="56"/>
        <source>Not in this PC&apos;s records</source>
        <translation>Not in this PC&apos;s records</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="60"/>
        <source>This PC&apos;s records changed after the claim was sent (removed, rewritten or an old backup put back). Change nothing on this PC and call support.</source>
        <translation>This PC&apos;s records changed after the claim was sent (removed, rewritten or an old backup put back). Change nothing on this PC and call support.</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="65"/>
        <source>Nothing to do: this PC sends it by itself. If it waits long, check the network and the kiosk&apos;s registration.</source>
        <translation>Nothing to do: this PC sends it by itself. If it waits long, check the network and the kiosk&apos;s registration.</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="70"/>
        <source>The insurer will not pay it. Collect it from the family, or fix the cause and claim again; then mark it settled.</source>
        <translation>The insurer will not pay it. Collect it from the family, or fix the cause and claim again; then mark it settled.</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="75"/>
        <source>Fix what stopped it (the claim&apos;s reason says what), then send it again; or mark it settled.</source>
        <translation>Fix what stopped it (the claim&apos;s reason says what), then send it again; or mark it settled.</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="80"/>
        <source>Ask the insurer about this claim number. Do not claim it again as a new claim.</source>
        <translation>Ask the insurer about this claim number. Do not claim it again as a new claim.</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="98"/>
        <source>The insurer now lists it as refused. Ask why; if it stands, collect from the family.</source>
        <translation>The insurer now lists it as refused. Ask why; if it stands, collect from the family.</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="106"/>
        <source>The remittance pays less than the claim&apos;s share. Ask the insurer for the rest.</source>
        <translation>The remittance pays less than the claim&apos;s share. Ask the insurer for the rest.</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="109"/>
        <source>The remittance pays more than this claim is owed. Tell the insurer; do not keep it.</source>
        <translation>The remittance pays more than this claim is owed. Tell the insurer; do not keep it.</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="113"/>
        <source>The payment does not add up to its lines. Ask the insurer for the remittance advice before booking it.</source>
        <translation>The payment does not add up to its lines. Ask the insurer for the remittance advice before booking it.</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="120"/>
        <source>Pays a claim not from this PC</source>
        <translation>Pays a claim not from this PC</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="121"/>
        <source>Pays a claim that pays nothing</source>
        <translation>Pays a claim that pays nothing</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="122"/>
        <source>Pays a claim twice</source>
        <translation>Pays a claim twice</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="123"/>
        <source>Pays another amount</source>
        <translation>Pays another amount</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="124"/>
        <source>Lines do not add up</source>
        <translation>Lines do not add up</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="131"/>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="132"/>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="133"/>
        <source>Claim voided</source>
        <translation>Claim voided</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="134"/>
        <source>Claim cancelled at the insurer</source>
        <translation>Claim cancelled at the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="135"/>
        <source>Corrected bill signed</source>
        <translation>Corrected bill signed</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="153"/>
        <source>The insurer&apos;s amount changed after the family signed</source>
        <translation>The insurer&apos;s amount changed after the family signed</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="156"/>
        <source>Not covered on the visit&apos;s date</source>
        <translation>Not covered on the visit&apos;s date</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="157"/>
        <source>The claim did not match the signed bill</source>
        <translation>The claim did not match the signed bill</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="158"/>
        <source>The insurer could not read the claim</source>
        <translation>The insurer could not read the claim</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="159"/>
        <source>The insurer answered for another claim</source>
        <translation>The insurer answered for another claim</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="162"/>
        <source>Saved by an older kiosk in a form the insurer no longer takes</source>
        <translation>Saved by an older kiosk in a form the insurer no longer takes</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="188"/>
        <location filename="../../ui/manager_text.py" line="228"/>
        <source>Statement no.</source>
        <translation>Statement no.</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="192"/>
        <source>Reason code</source>
        <translation>Reason code</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="193"/>
        <source>Member (masked)</source>
        <translation>Member (masked)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="194"/>
        <source>Billed (fen)</source>
        <translation>Billed (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="195"/>
        <source>Billed (yuan)</source>
        <translation>Billed (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="196"/>
        <source>Insurer share as signed (fen)</source>
        <translation>Insurer share as signed (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="197"/>
        <source>Insurer share as signed (yuan)</source>
        <translation>Insurer share as signed (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="198"/>
        <source>Covered by the insurer (fen)</source>
        <translation>Covered by the insurer (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="199"/>
        <source>Covered by the insurer (yuan)</source>
        <translation>Covered by the insurer (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="200"/>
        <source>Family share (fen)</source>
        <translation>Family share (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="201"/>
        <source>Family share (yuan)</source>
        <translation>Family share (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="202"/>
        <source>Paid at the desk (fen)</source>
        <translation>Paid at the desk (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="203"/>
        <source>Paid at the desk (yuan)</source>
        <translation>Paid at the desk (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="204"/>
        <source>Payment methods</source>
        <translation>Payment methods</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="205"/>
        <source>Signed and stored at</source>
        <translation>Signed and stored at</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="206"/>
        <source>Recorded by the insurer at</source>
        <translation>Recorded by the insurer at</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="207"/>
        <source>Claim key (for the insurer&apos;s support)</source>
        <translation>Claim key (for the insurer&apos;s support)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="209"/>
        <source>Covered (fen)</source>
        <translation>Covered (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="210"/>
        <source>Covered (yuan)</source>
        <translation>Covered (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="211"/>
        <source>Awaiting the insurer (fen)</source>
        <translation>Awaiting the insurer (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="212"/>
        <source>Awaiting the insurer (yuan)</source>
        <translation>Awaiting the insurer (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="213"/>
        <source>Refused by the insurer (fen)</source>
        <translation>Refused by the insurer (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="214"/>
        <source>Refused by the insurer (yuan)</source>
        <translation>Refused by the insurer (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="215"/>
        <source>Paid by families (fen)</source>
        <translation>Paid by families (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="216"/>
        <source>Paid by families (yuan)</source>
        <translation>Paid by families (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="217"/>
        <source>Close-out</source>
        <translation>Close-out</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="218"/>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="219"/>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="220"/>
        <source>Taken at the desk (fen)</source>
        <translation>Taken at the desk (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="221"/>
        <source>Taken at the desk (yuan)</source>
        <translation>Taken at the desk (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="222"/>
        <source>Counted (fen)</source>
        <translation>Counted (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="223"/>
        <source>Counted (yuan)</source>
        <translation>Counted (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="224"/>
        <source>Variance (fen)</source>
        <translation>Variance (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="225"/>
        <source>Variance (yuan)</source>
        <translation>Variance (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="226"/>
        <source>Amount (fen)</source>
        <translation>Amount (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="227"/>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="229"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="230"/>
        <source>At</source>
        <translation>At</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="231"/>
        <source>Note or reason</source>
        <translation>Note or reason</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="232"/>
        <source>Receivables</source>
        <translation>Receivables</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="233"/>
        <source>As of</source>
        <translation>As of</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="234"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="235"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="236"/>
        <source>Expected from the insurer (fen)</source>
        <translation>Expected from the insurer (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="237"/>
        <source>Expected from the insurer (yuan)</source>
        <translation>Expected from the insurer (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="238"/>
        <source>Paid by the insurer (fen)</source>
        <translation>Paid by the insurer (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="239"/>
        <source>Paid by the insurer (yuan)</source>
        <translation>Paid by the insurer (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="240"/>
        <source>Still owed (fen)</source>
        <translation>Still owed (fen)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="241"/>
        <source>Still owed (yuan)</source>
        <translation>Still owed (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="242"/>
        <source>Remittance</source>
        <translation>Remittance</translation>
    </message>
    <message>
        <location filename="../../ui/manager_text.py" line="243"/>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
</context>
<context>
    <name>ManagerApproval</name>
    <message>
        <location filename="../../ui/widgets/manager_approval.py" line="50"/>
        <source>A manager records it</source>
        <translation>A manager records it</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/manager_approval.py" line="53"/>
        <source>This day is closed. A manager enters their PIN, and the payment is recorded under their name as a change after close.</source>
        <translation>This day is closed. A manager enters their PIN, and the payment is recorded under their name as a change after close.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/manager_approval.py" line="63"/>
        <source>Only a manager may. Ask a manager to enter their PIN.</source>
        <translation>Only a manager may. Ask a manager to enter their PIN.</translation>
    </message>
</context>
<context>
    <name>ManagerScreen</name>
    <message>
        <location filename="../../ui/manager/screen.py" line="481"/>
        <source>Marked settled.</source>
        <translation>Marked settled.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="614"/>
        <source>The claim could not be changed; it may have changed meanwhile.</source>
        <translation>The claim could not be changed; it may have changed meanwhile.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="239"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="243"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="244"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="245"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="246"/>
        <source>Back to the desk</source>
        <translation>Back to the desk</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="247"/>
        <source>Exit the kiosk</source>
        <translation>Exit the kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="250"/>
        <source>Close the kiosk program? Reception cannot use it until it is started again. Claims waiting to send stay safe and are sent after the next start.</source>
        <translation>Close the kiosk program? Reception cannot use it until it is started again. Claims waiting to send stay safe and are sent after the next start.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="254"/>
        <source>Exit now</source>
        <translation>Exit now</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="255"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="257"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="258"/>
        <source>Clinic</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="259"/>
        <source>Appointments</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="260"/>
        <source>Claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="261"/>
        <source>Reconciliation</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="262"/>
        <source>Receivables</source>
        <translation>Receivables</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="263"/>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="264"/>
        <source>Close the day</source>
        <translation>Close the day</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="374"/>
        <source>Reading this PC&apos;s records…</source>
        <translation>Reading this PC&apos;s records…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="377"/>
        <source>As this PC&apos;s records stood at %1.</source>
        <translation>As this PC&apos;s records stood at %1.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="387"/>
        <location filename="../../ui/manager/screen.py" line="654"/>
        <source>This PC&apos;s records cannot be read right now. Try again.</source>
        <translation>This PC&apos;s records cannot be read right now. Try again.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="429"/>
        <source>The counts differ from what was taken: say why in the note.</source>
        <translation>The counts differ from what was taken: say why in the note.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="431"/>
        <source>The note is at most %1 characters, on one line.</source>
        <translation>The note is at most %1 characters, on one line.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="436"/>
        <source>A payment or refund was recorded meanwhile: the figures were read again. Check the counts and close again.</source>
        <translation>A payment or refund was recorded meanwhile: the figures were read again. Check the counts and close again.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="440"/>
        <source>This day was already closed.</source>
        <translation>This day was already closed.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="442"/>
        <source>This day has not come yet.</source>
        <translation>This day has not come yet.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="444"/>
        <source>Only a manager may close the day.</source>
        <translation>Only a manager may close the day.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="445"/>
        <source>The day could not be closed. Try again.</source>
        <translation>The day could not be closed. Try again.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="471"/>
        <source>Waiting to send again; it goes at the next try.</source>
        <translation>Waiting to send again; it goes at the next try.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="491"/>
        <source>Voided: it will not be sent.</source>
        <translation>Voided: it will not be sent.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="505"/>
        <source>Cancelled at the insurer: it pays nothing for this claim.</source>
        <translation>Cancelled at the insurer: it pays nothing for this claim.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="517"/>
        <location filename="../../ui/manager/screen.py" line="596"/>
        <source>Only a manager may change a claim.</source>
        <translation>Only a manager may change a claim.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="530"/>
        <source>Opened at the desk: the family signs the corrected bill there.</source>
        <translation>Opened at the desk: the family signs the corrected bill there.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="533"/>
        <source>Reception is in the middle of a visit. Correct the bill once it is finished or cancelled.</source>
        <translation>Reception is in the middle of a visit. Correct the bill once it is finished or cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="564"/>
        <source>Refunded %1 by %2.</source>
        <translation>Refunded %1 by %2.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="605"/>
        <source>It is being sent right now; try again in a moment.</source>
        <translation>It is being sent right now; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="607"/>
        <source>The insurer already has this claim: cancel it at the insurer instead.</source>
        <translation>The insurer already has this claim: cancel it at the insurer instead.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="609"/>
        <source>The insurer will not cancel it: it is paid, or was not accepted.</source>
        <translation>The insurer will not cancel it: it is paid, or was not accepted.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="611"/>
        <source>The insurer has no such claim from this clinic; nothing was changed.</source>
        <translation>The insurer has no such claim from this clinic; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="667"/>
        <source>This PC&apos;s records cannot be read right now.</source>
        <translation>This PC&apos;s records cannot be read right now.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="705"/>
        <source>Where should exports be saved?</source>
        <translation>Where should exports be saved?</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="729"/>
        <location filename="../../ui/manager/screen.py" line="762"/>
        <source>Writing %1…</source>
        <translation>Writing %1…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="773"/>
        <source>The file could not be written there. Choose another folder.</source>
        <translation>The file could not be written there. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="797"/>
        <source>The signature of this claim was removed by the retention rule; only the amounts remain.</source>
        <translation>The signature of this claim was removed by the retention rule; only the amounts remain.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/screen.py" line="801"/>
        <source>The signed bill could not be opened.</source>
        <translation>The signed bill could not be opened.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="47"/>
        <source>The card&apos;s time is ahead of this kiosk&apos;s clock. Check the kiosk&apos;s date and time.</source>
        <translation>The card&apos;s time is ahead of this kiosk&apos;s clock. Check the kiosk&apos;s date and time.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="51"/>
        <source>This card was not issued by the insurer, or the kiosk cannot fetch its keys.</source>
        <translation>This card was not issued by the insurer, or the kiosk cannot fetch its keys.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="55"/>
        <source>This card could not be verified: it was not issued by the insurer.</source>
        <translation>This card could not be verified: it was not issued by the insurer.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="34"/>
        <source>This code is not an e-card. Ask the family to open the e-card on their phone.</source>
        <translation>This code is not an e-card. Ask the family to open the e-card on their phone.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>This e-card code has expired. Ask the family to refresh the e-card and show it again.</source>
        <translation>This e-card code has expired. Ask the family to refresh the e-card and show it again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43"/>
        <source>This e-card code was already used. Ask the family to refresh the e-card.</source>
        <translation>This e-card code was already used. Ask the family to refresh the e-card.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="61"/>
        <source>The insurer refused this card code. Ask the family to refresh the e-card.</source>
        <translation>The insurer refused this card code. Ask the family to refresh the e-card.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>The insurer could not use these details. Check them and try again.</source>
        <translation>The insurer could not use these details. Check them and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="75"/>
        <source>This kiosk is not registered with the insurer. A manager must register it.</source>
        <translation>This kiosk is not registered with the insurer. A manager must register it.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="79"/>
        <source>The insurer refused this kiosk&apos;s device key. A manager must register the kiosk again.</source>
        <translation>The insurer refused this kiosk&apos;s device key. A manager must register the kiosk again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="84"/>
        <source>The insurer&apos;s certificate file set for this kiosk is missing ({path}). Call the clinic&apos;s IT contact.</source>
        <translation>The insurer&apos;s certificate file set for this kiosk is missing ({path}). Call the clinic&apos;s IT contact.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="90"/>
        <source>The insurer is too slow to answer right now. Try again in a moment.</source>
        <translation>The insurer is too slow to answer right now. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="94"/>
        <source>The insurer cannot be reached. Check the network and try again.</source>
        <translation>The insurer cannot be reached. Check the network and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="98"/>
        <source>The insurer&apos;s address sent the kiosk elsewhere, which it never follows. A manager must check the insurer address in the kiosk&apos;s settings.</source>
        <translation>The insurer&apos;s address sent the kiosk elsewhere, which it never follows. A manager must check the insurer address in the kiosk&apos;s settings.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="104"/>
        <source>The insurer&apos;s answer was far too large to be genuine. Try again; if it happens again, call the clinic&apos;s IT contact.</source>
        <translation>The insurer&apos;s answer was far too large to be genuine. Try again; if it happens again, call the clinic&apos;s IT contact.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="110"/>
        <source>The insurer answered with an error. Try again in a moment.</source>
        <translation>The insurer answered with an error. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="114"/>
        <source>The insurer does not know this record.</source>
        <translation>The insurer does not know this record.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="117"/>
        <source>A pre-authorisation must reach the insurer at least 5 working days before the planned date. Choose a later date.</source>
        <translation>A pre-authorisation must reach the insurer at least 5 working days before the planned date. Choose a later date.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123"/>
        <source>The insurer says this member is not eligible for direct billing.</source>
        <translation>The insurer says this member is not eligible for direct billing.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="126"/>
        <source>The insurer refused the request.</source>
        <translation>The insurer refused the request.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="128"/>
        <source>The insurer could not be asked. Try again in a moment.</source>
        <translation>The insurer could not be asked. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="131"/>
        <source>Something went wrong. Try again; if it happens again, call the clinic&apos;s IT contact.</source>
        <translation>Something went wrong. Try again; if it happens again, call the clinic&apos;s IT contact.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="140"/>
        <source>The bill could not be stored on this computer: its disk is full or cannot be written. Call the clinic&apos;s IT contact.</source>
        <translation>The bill could not be stored on this computer: its disk is full or cannot be written. Call the clinic&apos;s IT contact.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="146"/>
        <source>The bill could not be stored: the records on this computer belong to a newer version of the kiosk. Call the clinic&apos;s IT contact.</source>
        <translation>The bill could not be stored: the records on this computer belong to a newer version of the kiosk. Call the clinic&apos;s IT contact.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="152"/>
        <source>The bill could not be stored: this visit&apos;s bill was already recorded. Start the visit again.</source>
        <translation>The bill could not be stored: this visit&apos;s bill was already recorded. Start the visit again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="157"/>
        <source>The bill could not be stored on this computer. Try again; if it happens again, call the clinic&apos;s IT contact.</source>
        <translation>The bill could not be stored on this computer. Try again; if it happens again, call the clinic&apos;s IT contact.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="167"/>
        <source>The file is no longer there. Choose it again.</source>
        <translation>The file is no longer there. Choose it again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="170"/>
        <source>That is a folder, not a file. Choose the catalogue file.</source>
        <translation>That is a folder, not a file. Choose the catalogue file.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="173"/>
        <source>The file could not be opened: it may be open in another program, or not allowed. Close it in Excel and try again.</source>
        <translation>The file could not be opened: it may be open in another program, or not allowed. Close it in Excel and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="178"/>
        <source>The file is far too large to be a fee catalogue. Choose the catalogue file.</source>
        <translation>The file is far too large to be a fee catalogue. Choose the catalogue file.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="182"/>
        <source>This file is not a fee list. Save the list from Excel as .xlsx or as CSV, and choose that file.</source>
        <translation>This file is not a fee list. Save the list from Excel as .xlsx or as CSV, and choose that file.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="187"/>
        <source>This is an old Excel file (.xls) or a workbook with a password. Save it from Excel as .xlsx without a password, or as CSV.</source>
        <translation>This is an old Excel file (.xls) or a workbook with a password. Save it from Excel as .xlsx without a password, or as CSV.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="192"/>
        <source>This workbook could not be opened; it may be damaged. Save it again from Excel as .xlsx or as CSV.</source>
        <translation>This workbook could not be opened; it may be damaged. Save it again from Excel as .xlsx or as CSV.</translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message numerus="yes">
        <location filename="../../ui/widgets/outbox_status.py" line="79"/>
        <source>Claims cannot be sent: this PC&apos;s journal is failing · %n waiting, kept safe · call IT</source>
        <translation>
            <numerusform>Claims cannot be sent: this PC&apos;s journal is failing · %n waiting, kept safe · call IT</numerusform>
            <numerusform>Claims cannot be sent: this PC&apos;s journal is failing · %n waiting, kept safe · call IT</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/outbox_status.py" line="86"/>
        <source>The insurer refused this kiosk&apos;s device key · %n claim(s) waiting. A manager must register the device again: kiosk register</source>
        <translation>
            <numerusform>The insurer refused this kiosk&apos;s device key · %n claim waiting. A manager must register the device again: kiosk register</numerusform>
            <numerusform>The insurer refused this kiosk&apos;s device key · %n claims waiting. A manager must register the device again: kiosk register</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/outbox_status.py" line="92"/>
        <source>%n claim(s) need attention</source>
        <translation>
            <numerusform>%n claim needs attention</numerusform>
            <numerusform>%n claims need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/outbox_status.py" line="94"/>
        <source>Insurer unreachable · %n waiting</source>
        <translation>
            <numerusform>Insurer unreachable · %n waiting</numerusform>
            <numerusform>Insurer unreachable · %n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/outbox_status.py" line="96"/>
        <source>%n claim(s) waiting to send</source>
        <translation>
            <numerusform>%n claim waiting to send</numerusform>
            <numerusform>%n claims waiting to send</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_status.py" line="98"/>
        <source>All claims sent</source>
        <translation>All claims sent</translation>
    </message>
</context>
<context>
    <name>OwedToClinic</name>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="146"/>
        <source>Owed by the family to this clinic (not to the insurer). Collect it now, or when the family comes back.</source>
        <translation>Owed by the family to this clinic (not to the insurer). Collect it now, or when the family comes back.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="182"/>
        <source>What the family owes the clinic could not be read.</source>
        <translation>What the family owes the clinic could not be read.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="195"/>
        <source>The family owes this clinic {amount} from earlier visits.</source>
        <translation>The family owes this clinic {amount} from earlier visits.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="201"/>
        <source>{date} · statement {number} · {amount} left</source>
        <translation>{date} · statement {number} · {amount} left</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/owed_to_clinic.py" line="208"/>
        <source>Collect…</source>
        <translation>Collect…</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="306"/>
        <source>Slip or transaction no.</source>
        <translation>Slip or transaction no.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="307"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="308"/>
        <source>Split / part payment</source>
        <translation>Split / part payment</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="309"/>
        <source>Paying now</source>
        <translation>Paying now</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="310"/>
        <source>Record payment</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="311"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="312"/>
        <source>Fapiao no.</source>
        <translation>Fapiao no.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="313"/>
        <source>from the clinic&apos;s tax system</source>
        <translation>from the clinic&apos;s tax system</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="314"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="315"/>
        <source>A manager records it…</source>
        <translation>A manager records it…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="364"/>
        <source>Fapiao no. saved.</source>
        <translation>Fapiao no. saved.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="364"/>
        <source>Fapiao no. cleared.</source>
        <translation>Fapiao no. cleared.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="390"/>
        <source>Nothing to pay today: the insurer pays the whole bill.</source>
        <translation>Nothing to pay today: the insurer pays the whole bill.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="392"/>
        <source>The family&apos;s part is paid.</source>
        <translation>The family&apos;s part is paid.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="395"/>
        <source>{amount} is still to pay. How does the family pay it?</source>
        <translation>{amount} is still to pay. How does the family pay it?</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="401"/>
        <source>The family pays {amount} today. How did they pay?</source>
        <translation>The family pays {amount} today. How did they pay?</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="448"/>
        <source>The methods add up to {parts} of the {paying} being paid.</source>
        <translation>The methods add up to {parts} of the {paying} being paid.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="452"/>
        <source>{owed} will be left owed to the clinic.</source>
        <translation>{owed} will be left owed to the clinic.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="456"/>
        <source>Pays all that is left.</source>
        <translation>Pays all that is left.</translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="55"/>
        <source>Recorded: paid in cash.</source>
        <translation>Recorded: paid in cash.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="56"/>
        <source>Recorded: paid by bank card.</source>
        <translation>Recorded: paid by bank card.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="57"/>
        <source>Recorded: paid with WeChat Pay.</source>
        <translation>Recorded: paid with WeChat Pay.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="58"/>
        <source>Recorded: paid with Alipay.</source>
        <translation>Recorded: paid with Alipay.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="59"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="60"/>
        <source>Recorded: {payments}.</source>
        <translation>Recorded: {payments}.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="61"/>
        <source>{amount} is left owed to the clinic; collect it when the child comes back.</source>
        <translation>{amount} is left owed to the clinic; collect it when the child comes back.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="64"/>
        <source>The amounts by method add up to {parts}, not the {paying} being paid. Nothing was recorded.</source>
        <translation>The amounts by method add up to {parts}, not the {paying} being paid. Nothing was recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="69"/>
        <source>{paying} is more than the {left} left to pay. Nothing was recorded.</source>
        <translation>{paying} is more than the {left} left to pay. Nothing was recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="72"/>
        <source>Enter amounts above zero. Nothing was recorded.</source>
        <translation>Enter amounts above zero. Nothing was recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="75"/>
        <source>Enter amounts in yuan, such as 120 or 120.50. Nothing was recorded.</source>
        <translation>Enter amounts in yuan, such as 120 or 120.50. Nothing was recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="78"/>
        <source>A slip or transaction number is at most {count} characters. Nothing was recorded.</source>
        <translation>A slip or transaction number is at most {count} characters. Nothing was recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="82"/>
        <source>Nothing is owed on this visit any more.</source>
        <translation>Nothing is owed on this visit any more.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="83"/>
        <source>A fapiao number is letters, digits and hyphens, at most {count}. It was not saved.</source>
        <translation>A fapiao number is letters, digits and hyphens, at most {count}. It was not saved.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="87"/>
        <source>{amount} is more than the {refundable} paid by {method} on this visit and not yet refunded. Nothing was refunded.</source>
        <translation>{amount} is more than the {refundable} paid by {method} on this visit and not yet refunded. Nothing was refunded.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="92"/>
        <source>Say why the money is refunded. Nothing was refunded.</source>
        <translation>Say why the money is refunded. Nothing was refunded.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="95"/>
        <source>The day {days} is closed: only a manager may record this payment now. Nothing was recorded.</source>
        <translation>The day {days} is closed: only a manager may record this payment now. Nothing was recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="100"/>
        <source>Only a manager may refund. Nothing was refunded.</source>
        <translation>Only a manager may refund. Nothing was refunded.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="103"/>
        <source>The journal cannot be written now. Nothing was recorded; try again.</source>
        <translation>The journal cannot be written now. Nothing was recorded; try again.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/payment_panel.py" line="106"/>
        <source>The payment could not be recorded. Try again.</source>
        <translation>The payment could not be recorded. Try again.</translation>
    </message>
</context>
<context>
    <name>PhoneGuaranteeDialog</name>
    <message>
        <location filename="../../ui/screens/phone_guarantee.py" line="62"/>
        <source>Phone guarantee</source>
        <translation>Phone guarantee</translation>
    </message>
    <message>
        <location filename="../../ui/screens/phone_guarantee.py" line="65"/>
        <source>The insurer cannot be reached. Call its 7×24 hotline {hotline}, give the member number {member} and this clinic, and ask for a phone guarantee for today&apos;s visit. Enter the reference they give you.</source>
        <translation>The insurer cannot be reached. Call its 7×24 hotline {hotline}, give the member number {member} and this clinic, and ask for a phone guarantee for today&apos;s visit. Enter the reference they give you.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/phone_guarantee.py" line="70"/>
        <source>Guarantee reference</source>
        <translation>Guarantee reference</translation>
    </message>
    <message>
        <location filename="../../ui/screens/phone_guarantee.py" line="71"/>
        <source>e.g. PG-20261207-0001</source>
        <translation>e.g. PG-20261207-0001</translation>
    </message>
    <message>
        <location filename="../../ui/screens/phone_guarantee.py" line="72"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/phone_guarantee.py" line="73"/>
        <source>Go on under the guarantee</source>
        <translation>Go on under the guarantee</translation>
    </message>
    <message>
        <location filename="../../ui/screens/phone_guarantee.py" line="92"/>
        <source>A guarantee reference is 4 to 32 letters, digits or dashes.</source>
        <translation>A guarantee reference is 4 to 32 letters, digits or dashes.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../ui/widgets/pin_pad.py" line="63"/>
        <source>PIN or password</source>
        <translation>PIN or password</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pin_pad.py" line="64"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pin_pad.py" line="65"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pin_pad.py" line="66"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>PreAuthDialog</name>
    <message>
        <location filename="../../ui/screens/preauth.py" line="158"/>
        <location filename="../../ui/screens/preauth.py" line="159"/>
        <source>Request a pre-authorisation</source>
        <translation>Request a pre-authorisation</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="160"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="161"/>
        <source>Planned date</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="162"/>
        <source>Diagnosis</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="163"/>
        <source>Estimated cost (CNY)</source>
        <translation>Estimated cost (CNY)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="164"/>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="165"/>
        <source>Emergency: treated today, no lead time</source>
        <translation>Emergency: treated today, no lead time</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="166"/>
        <source>Attach…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="169"/>
        <source>The doctor&apos;s note or a scan (PDF, PNG, JPEG; up to 2 MB each)</source>
        <translation>The doctor&apos;s note or a scan (PDF, PNG, JPEG; up to 2 MB each)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="171"/>
        <source>e.g. Recurrent headache (R51)</source>
        <translation>e.g. Recurrent headache (R51)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="172"/>
        <location filename="../../ui/screens/preauth.py" line="389"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="172"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="174"/>
        <source>File another request anyway</source>
        <translation>File another request anyway</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="176"/>
        <source>Send to the insurer</source>
        <translation>Send to the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="188"/>
        <source>Emergency: the request needs no lead time; the planned date may be today and the insurer reviews it the same day.</source>
        <translation>Emergency: the request needs no lead time; the planned date may be today and the insurer reviews it the same day.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="196"/>
        <source>A pre-authorisation must reach the insurer at least 5 working days before the planned date. Asking the insurer for its working-day calendar…</source>
        <translation>A pre-authorisation must reach the insurer at least 5 working days before the planned date. Asking the insurer for its working-day calendar…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="204"/>
        <source>A pre-authorisation must reach the insurer at least {days} working days before the planned date (Chinese public holidays and make-up working days counted). Sent today, the earliest planned date is {earliest}.</source>
        <translation>A pre-authorisation must reach the insurer at least {days} working days before the planned date (Chinese public holidays and make-up working days counted). Sent today, the earliest planned date is {earliest}.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="210"/>
        <source>Holiday data ends on {until}; after that only weekends are counted.</source>
        <translation>Holiday data ends on {until}; after that only weekends are counted.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="273"/>
        <source>Before filing another request for this item:</source>
        <translation>Before filing another request for this item:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="283"/>
        <source>a request for {date} is stored on this computer, not sent yet</source>
        <translation>a request for {date} is stored on this computer, not sent yet</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="289"/>
        <source>approval {auth} covers it: {left} and {uses} use(s) left, valid until {until}</source>
        <translation>approval {auth} covers it: {left} and {uses} use(s) left, valid until {until}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="296"/>
        <source>request {id} for {date} is waiting for the insurer&apos;s decision</source>
        <translation>request {id} for {date} is waiting for the insurer&apos;s decision</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="305"/>
        <source>A document for the request</source>
        <translation>A document for the request</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="307"/>
        <source>Documents (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>Documents (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="315"/>
        <source>At most 5 documents go with one request.</source>
        <translation>At most 5 documents go with one request.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="320"/>
        <source>That file could not be read.</source>
        <translation>That file could not be read.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="324"/>
        <source>Only PDF, PNG or JPEG files of up to 2 MB can be attached.</source>
        <translation>Only PDF, PNG or JPEG files of up to 2 MB can be attached.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="342"/>
        <source>Enter the estimated cost in yuan, e.g. 6800.00.</source>
        <translation>Enter the estimated cost in yuan, e.g. 6800.00.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="358"/>
        <source>Enter the diagnosis the doctor gave.</source>
        <translation>Enter the diagnosis the doctor gave.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="365"/>
        <source>This item already has a request or an approval (above). File another only if the doctor plans a different treatment.</source>
        <translation>This item already has a request or an approval (above). File another only if the doctor plans a different treatment.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/preauth.py" line="384"/>
        <source>Saved on this computer and sent to the insurer as soon as its system can be reached; the insurer&apos;s decision will show at the top of the desk&apos;s screen.</source>
        <translation>Saved on this computer and sent to the insurer as soon as its system can be reached; the insurer&apos;s decision will show at the top of the desk&apos;s screen.</translation>
    </message>
</context>
<context>
    <name>PreAuthNews</name>
    <message>
        <location filename="../../ui/widgets/preauth_news.py" line="53"/>
        <source>Seen</source>
        <translation>Seen</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/preauth_news.py" line="76"/>
        <source>{item} ({code}) for {member}</source>
        <translation>{item} ({code}) for {member}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/preauth_news.py" line="82"/>
        <source>Pre-authorisation request not accepted by the insurer: {what}. {why}</source>
        <translation>Pre-authorisation request not accepted by the insurer: {what}. {why}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/preauth_news.py" line="87"/>
        <source>Pre-authorisation approved: {what}, {amount} from {start} to {end}, auth {auth}.</source>
        <translation>Pre-authorisation approved: {what}, {amount} from {start} to {end}, auth {auth}.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/preauth_news.py" line="97"/>
        <source>Pre-authorisation denied: {what}.</source>
        <translation>Pre-authorisation denied: {what}.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/preauth_news.py" line="101"/>
        <source>The insurer needs more information for a pre-authorisation: {what}.</source>
        <translation>The insurer needs more information for a pre-authorisation: {what}.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/preauth_news.py" line="105"/>
        <source>Pre-authorisation is pending again: {what}.</source>
        <translation>Pre-authorisation is pending again: {what}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/preauth_news.py" line="114"/>
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadabilityControls</name>
    <message>
        <location filename="../../ui/widgets/readability_controls.py" line="66"/>
        <source>Text size {percent} %</source>
        <translation>Text size {percent} %</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/readability_controls.py" line="69"/>
        <source>High contrast</source>
        <translation>High contrast</translation>
    </message>
</context>
<context>
    <name>ReceivablesTab</name>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="91"/>
        <source>Fetch the insurer&apos;s payments</source>
        <translation>Fetch the insurer&apos;s payments</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="94"/>
        <source>Owed by families</source>
        <translation>Owed by families</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="95"/>
        <source>Paid against expected</source>
        <translation>Paid against expected</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="96"/>
        <source>By month</source>
        <translation>By month</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/receivables_tab.py" line="97"/>
        <source>By day, last %n day(s)</source>
        <translation>
            <numerusform>By day, last %n day</numerusform>
            <numerusform>By day, last %n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="99"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="99"/>
        <source>Claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="99"/>
        <location filename="../../ui/manager/receivables_tab.py" line="107"/>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="99"/>
        <location filename="../../ui/manager/receivables_tab.py" line="108"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="101"/>
        <source>The insurer&apos;s remittances</source>
        <translation>The insurer&apos;s remittances</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="104"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="105"/>
        <source>Remittance</source>
        <translation>Remittance</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="106"/>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="109"/>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="113"/>
        <source>Moved to families by the insurer&apos;s review (their card is on hold until paid)</source>
        <translation>Moved to families by the insurer&apos;s review (their card is on hold until paid)</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="116"/>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="116"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="116"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="122"/>
        <source>What the insurer owes the clinic, and what it paid against its claims.</source>
        <translation>What the insurer owes the clinic, and what it paid against its claims.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="127"/>
        <source>Asking the insurer for its payments…</source>
        <translation>Asking the insurer for its payments…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/receivables_tab.py" line="138"/>
        <source>%n remittance(s) from the insurer since %1</source>
        <translation>
            <numerusform>%n remittance from the insurer since %1</numerusform>
            <numerusform>%n remittances from the insurer since %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/receivables_tab.py" line="142"/>
        <source>%n line(s) agree with the claims</source>
        <translation>
            <numerusform>%n line agrees with the claims</numerusform>
            <numerusform>%n lines agree with the claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/receivables_tab.py" line="144"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="151"/>
        <source>At the desk %1 · after review %2</source>
        <translation>At the desk %1 · after review %2</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="158"/>
        <source>Open claims %1, owing %2 · by state: accepted %3 · reviewed %4 · paid %5 · refused %6</source>
        <translation>Open claims %1, owing %2 · by state: accepted %3 · reviewed %4 · paid %5 · refused %6</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="185"/>
        <source>Refused after review</source>
        <translation>Refused after review</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="186"/>
        <source>Partly not covered after review</source>
        <translation>Partly not covered after review</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/receivables_tab.py" line="192"/>
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/receivables_tab.py" line="193"/>
        <source>%n reviewed</source>
        <translation>
            <numerusform>%n reviewed</numerusform>
            <numerusform>%n reviewed</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="216"/>
        <source>%1 to come</source>
        <translation>%1 to come</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="218"/>
        <source>paid in full</source>
        <translation>paid in full</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="236"/>
        <source>Unpaid 0–30 days</source>
        <translation>Unpaid 0–30 days</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="237"/>
        <source>Unpaid 31–60 days</source>
        <translation>Unpaid 31–60 days</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="238"/>
        <source>Unpaid 61–90 days</source>
        <translation>Unpaid 61–90 days</translation>
    </message>
    <message>
        <location filename="../../ui/manager/receivables_tab.py" line="239"/>
        <source>Unpaid over 90 days</source>
        <translation>Unpaid over 90 days</translation>
    </message>
</context>
<context>
    <name>ReconcileTab</name>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="81"/>
        <source>Fetch the insurer&apos;s statement</source>
        <translation>Fetch the insurer&apos;s statement</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="82"/>
        <source>Open the claim</source>
        <translation>Open the claim</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="86"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="87"/>
        <source>Statement no.</source>
        <translation>Statement no.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="88"/>
        <source>This PC</source>
        <translation>This PC</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="89"/>
        <source>Insurer</source>
        <translation>Insurer</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="90"/>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="91"/>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="98"/>
        <source>Compare this day&apos;s claims with what the insurer has recorded.</source>
        <translation>Compare this day&apos;s claims with what the insurer has recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="110"/>
        <source>Asking the insurer for its statement…</source>
        <translation>Asking the insurer for its statement…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/reconciliation_tab.py" line="123"/>
        <source>Balanced: all %n claim(s) agree with the insurer.</source>
        <translation>
            <numerusform>Balanced: the %n claim agrees with the insurer.</numerusform>
            <numerusform>Balanced: all %n claims agree with the insurer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/reconciliation_tab.py" line="127"/>
        <source>%n finding(s) need a look.</source>
        <translation>
            <numerusform>%n finding needs a look.</numerusform>
            <numerusform>%n findings need a look.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/reconciliation_tab.py" line="129"/>
        <source>%n claim(s) agree.</source>
        <translation>
            <numerusform>%n claim agrees.</numerusform>
            <numerusform>%n claims agree.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="132"/>
        <source>The insurer&apos;s total covered %1 · this PC&apos;s records %2</source>
        <translation>The insurer&apos;s total covered %1 · this PC&apos;s records %2</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="174"/>
        <source>Insurer claim no. %1</source>
        <translation>Insurer claim no. %1</translation>
    </message>
    <message>
        <location filename="../../ui/manager/reconciliation_tab.py" line="190"/>
        <source>Choose a finding to act on it.</source>
        <translation>Choose a finding to act on it.</translation>
    </message>
</context>
<context>
    <name>RefundForm</name>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="323"/>
        <source>Refund…</source>
        <translation>Refund…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="324"/>
        <source>Give back money the family paid at the desk</source>
        <translation>Give back money the family paid at the desk</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="326"/>
        <source>Refund by the method the family paid with. The reason is kept.</source>
        <translation>Refund by the method the family paid with. The reason is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="328"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="329"/>
        <source>Why? (required)</source>
        <translation>Why? (required)</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="330"/>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="331"/>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <location filename="../../ui/manager/claims_tab.py" line="351"/>
        <source>Nothing paid at the desk is left to refund.</source>
        <translation>Nothing paid at the desk is left to refund.</translation>
    </message>
</context>
<context>
    <name>RegistrationScreen</name>
    <message>
        <location filename="../../ui/screens/registration.py" line="118"/>
        <source>Register this kiosk with the insurer</source>
        <translation>Register this kiosk with the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="121"/>
        <source>The insurer no longer accepts this kiosk&apos;s device key: it was revoked or replaced by a newer key. A manager must enter the current key from the insurer&apos;s provider portal.</source>
        <translation>The insurer no longer accepts this kiosk&apos;s device key: it was revoked or replaced by a newer key. A manager must enter the current key from the insurer&apos;s provider portal.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="126"/>
        <source>This kiosk is not registered yet. A manager enters the insurer&apos;s API address and the device key from the insurer&apos;s provider portal.</source>
        <translation>This kiosk is not registered yet. A manager enters the insurer&apos;s API address and the device key from the insurer&apos;s provider portal.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="134"/>
        <source>Insurer API address</source>
        <translation>Insurer API address</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="135"/>
        <source>Device key</source>
        <translation>Device key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="136"/>
        <source>Pinned CA file (optional)</source>
        <translation>Pinned CA file (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="138"/>
        <source>From the insurer&apos;s provider portal</source>
        <translation>From the insurer&apos;s provider portal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="139"/>
        <source>Path to a PEM file, if the insurer gave one</source>
        <translation>Path to a PEM file, if the insurer gave one</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="140"/>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="141"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="154"/>
        <source>Enter the insurer&apos;s API address.</source>
        <translation>Enter the insurer&apos;s API address.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="157"/>
        <source>Enter the device key.</source>
        <translation>Enter the device key.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="162"/>
        <source>There is no CA file at %1. Check the path, or leave it empty.</source>
        <translation>There is no CA file at %1. Check the path, or leave it empty.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="168"/>
        <source>Asking the insurer to confirm the key…</source>
        <translation>Asking the insurer to confirm the key…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="184"/>
        <source>Registered: the insurer at %1 accepts this kiosk. The key is kept in the computer&apos;s keyring.</source>
        <translation>Registered: the insurer at %1 accepts this kiosk. The key is kept in the computer&apos;s keyring.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="196"/>
        <source>The insurer does not accept this device key: it is mistyped, or it was revoked or replaced by a newer key. Enter the current key from the insurer&apos;s provider portal. Nothing was stored.</source>
        <translation>The insurer does not accept this device key: it is mistyped, or it was revoked or replaced by a newer key. Enter the current key from the insurer&apos;s provider portal. Nothing was stored.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="203"/>
        <source>Plain http:// is only allowed to this computer. Use the insurer&apos;s https:// address. Nothing was stored.</source>
        <translation>Plain http:// is only allowed to this computer. Use the insurer&apos;s https:// address. Nothing was stored.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="207"/>
        <source>This is not an insurer address: it starts with https:// followed by the insurer&apos;s host name.</source>
        <translation>This is not an insurer address: it starts with https:// followed by the insurer&apos;s host name.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="212"/>
        <source>The insurer could not be reached: check the address, the network and the CA file, then try again. Nothing was stored.</source>
        <translation>The insurer could not be reached: check the address, the network and the CA file, then try again. Nothing was stored.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="217"/>
        <source>This computer has no keyring service, so the device key cannot be kept safely. Ask the clinic&apos;s IT person to set one up (kiosk doctor explains how).</source>
        <translation>This computer has no keyring service, so the device key cannot be kept safely. Ask the clinic&apos;s IT person to set one up (kiosk doctor explains how).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="222"/>
        <source>The kiosk&apos;s settings file cannot be used. Ask the clinic&apos;s IT person to run kiosk doctor.</source>
        <translation>The kiosk&apos;s settings file cannot be used. Ask the clinic&apos;s IT person to run kiosk doctor.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/registration.py" line="226"/>
        <source>The insurer did not confirm the key. Try again in a moment. Nothing was stored.</source>
        <translation>The insurer did not confirm the key. Try again in a moment. Nothing was stored.</translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <location filename="../../ui/screens/scan.py" line="134"/>
        <source>Show your child&apos;s e-card to the camera</source>
        <translation>Show your child&apos;s e-card to the camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="140"/>
        <source>Open the e-card on the phone and hold its QR code inside the frame.</source>
        <translation>Open the e-card on the phone and hold its QR code inside the frame.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="142"/>
        <source>Staff: look up without the card</source>
        <translation>Staff: look up without the card</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="143"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="144"/>
        <source>Policy number</source>
        <translation>Policy number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="145"/>
        <source>Child&apos;s name</source>
        <translation>Child&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="146"/>
        <source>Guardian&apos;s phone</source>
        <translation>Guardian&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="147"/>
        <source>e.g. GP2026000101</source>
        <translation>e.g. GP2026000101</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="148"/>
        <source>11 digits</source>
        <translation>11 digits</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="149"/>
        <source>Look up</source>
        <translation>Look up</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="150"/>
        <source>Staff: phone guarantee…</source>
        <translation>Staff: phone guarantee…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="153"/>
        <location filename="../../ui/screens/scan.py" line="177"/>
        <location filename="../../ui/screens/scan.py" line="209"/>
        <source>Checking the card with the insurer…</source>
        <translation>Checking the card with the insurer…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="197"/>
        <source>Enter the policy number, the child&apos;s name and the guardian&apos;s 11-digit mobile number.</source>
        <translation>Enter the policy number, the child&apos;s name and the guardian&apos;s 11-digit mobile number.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/scan.py" line="283"/>
        <source>The camera is not available (unplugged, or used by another program); the kiosk keeps trying. Use the handheld scanner or the lookup meanwhile.</source>
        <translation>The camera is not available (unplugged, or used by another program); the kiosk keeps trying. Use the handheld scanner or the lookup meanwhile.</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../ui/manager/signin.py" line="80"/>
        <source>Staff sign-in</source>
        <translation>Staff sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/manager/signin.py" line="81"/>
        <source>Back to the desk</source>
        <translation>Back to the desk</translation>
    </message>
    <message>
        <location filename="../../ui/manager/signin.py" line="92"/>
        <source>The staff list cannot be read on this PC.</source>
        <translation>The staff list cannot be read on this PC.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/signin.py" line="112"/>
        <source>Choose your name, then enter your PIN.</source>
        <translation>Choose your name, then enter your PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/signin.py" line="116"/>
        <source>There are no staff accounts yet. The first manager account is created when the kiosk is installed: kiosk staff add NAME --role manager</source>
        <translation>There are no staff accounts yet. The first manager account is created when the kiosk is installed: kiosk staff add NAME --role manager</translation>
    </message>
    <message>
        <location filename="../../ui/manager/signin.py" line="149"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/manager/signin.py" line="168"/>
        <source>Signing in is not possible right now: this PC&apos;s records cannot be read.</source>
        <translation>Signing in is not possible right now: this PC&apos;s records cannot be read.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manager/signin.py" line="175"/>
        <source>Wrong PIN. %n more wrong PIN(s) lock this account.</source>
        <translation>
            <numerusform>Wrong PIN. %n more wrong PIN locks this account.</numerusform>
            <numerusform>Wrong PIN. %n more wrong PINs lock this account.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manager/signin.py" line="182"/>
        <source>Locked after too many wrong PINs. Try again after %1, or ask a manager to unlock it.</source>
        <translation>Locked after too many wrong PINs. Try again after %1, or ask a manager to unlock it.</translation>
    </message>
    <message>
        <location filename="../../ui/manager/signin.py" line="187"/>
        <source>This account no longer exists.</source>
        <translation>This account no longer exists.</translation>
    </message>
</context>
<context>
    <name>SignScreen</name>
    <message>
        <location filename="../../ui/screens/sign.py" line="171"/>
        <source>Please check the bill and sign</source>
        <translation>Please check the bill and sign</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="145"/>
        <source>The insurer pays</source>
        <translation>The insurer pays</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="146"/>
        <source>You pay today</source>
        <translation>You pay today</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="149"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="150"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="151"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="152"/>
        <source>Insurer pays</source>
        <translation>Insurer pays</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="153"/>
        <source>You pay</source>
        <translation>You pay</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="156"/>
        <source>Reception: change the bill</source>
        <translation>Reception: change the bill</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="157"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="158"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="159"/>
        <source>Sign the bill</source>
        <translation>Sign the bill</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="168"/>
        <source>Please check the corrected bill and sign: it replaces statement {statement}</source>
        <translation>Please check the corrected bill and sign: it replaces statement {statement}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="207"/>
        <source>{date}, emergency visit</source>
        <translation>{date}, emergency visit</translation>
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
            <numerusform>▼ %n more line below: tap here to see it</numerusform>
            <numerusform>▼ %n more lines below: tap here to see them</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="334"/>
        <source>▲ Back to the first line</source>
        <translation>▲ Back to the first line</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="407"/>
        <source>Please sign in the white box first.</source>
        <translation>Please sign in the white box first.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="409"/>
        <location filename="../../ui/screens/sign.py" line="412"/>
        <source>That is too short to be a signature. Please write your name.</source>
        <translation>That is too short to be a signature. Please write your name.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="415"/>
        <source>Please sign larger, across the line in the white box.</source>
        <translation>Please sign larger, across the line in the white box.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sign.py" line="430"/>
        <source>The signed bill could not be stored on this computer. Please ask reception.</source>
        <translation>The signed bill could not be stored on this computer. Please ask reception.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../ui/widgets/signature_pad.py" line="436"/>
        <source>Sign here</source>
        <translation>Sign here</translation>
    </message>
</context>
<context>
    <name>SignedBill</name>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="67"/>
        <source>Statement no.</source>
        <translation>Statement no.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="68"/>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="69"/>
        <source>Direct-billing statement</source>
        <translation>Direct-billing statement</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="70"/>
        <source>Self-pay statement</source>
        <translation>Self-pay statement</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="71"/>
        <source>This statement is not a fapiao: the clinic issues fapiao separately.</source>
        <translation>This statement is not a fapiao: the clinic issues fapiao separately.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="74"/>
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="75"/>
        <source>Policy</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="76"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="77"/>
        <source>Service date</source>
        <translation>Service date</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="78"/>
        <source>Signed at</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="79"/>
        <source>continued</source>
        <translation>continued</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="80"/>
        <source>Total charges</source>
        <translation>Total charges</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="81"/>
        <source>Insurer pays the clinic directly</source>
        <translation>Insurer pays the clinic directly</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="82"/>
        <source>You pay today</source>
        <translation>You pay today</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="83"/>
        <source>Paid at the desk: %1 by %2</source>
        <translation>Paid at the desk: %1 by %2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="84"/>
        <source>Paid at the desk: %1</source>
        <translation>Paid at the desk: %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="85"/>
        <source>Still owed to the clinic: %1</source>
        <translation>Still owed to the clinic: %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="86"/>
        <source>Under the phone guarantee the insurer confirmed it pays %1 of this bill</source>
        <translation>Under the phone guarantee the insurer confirmed it pays %1 of this bill</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="89"/>
        <source>Not yet recorded as paid at the desk</source>
        <translation>Not yet recorded as paid at the desk</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="90"/>
        <source>Nothing to pay today</source>
        <translation>Nothing to pay today</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="92"/>
        <source>Direct-billing claim</source>
        <translation>Direct-billing claim</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="93"/>
        <source>Accepted by the insurer: %1</source>
        <translation>Accepted by the insurer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="94"/>
        <source>Stored at the clinic; sent to the insurer when it is reachable</source>
        <translation>Stored at the clinic; sent to the insurer when it is reachable</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="97"/>
        <source>Not accepted by the insurer yet; the clinic follows it up</source>
        <translation>Not accepted by the insurer yet; the clinic follows it up</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="100"/>
        <source>Settled by the clinic</source>
        <translation>Settled by the clinic</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="101"/>
        <source>Withdrawn by the clinic before it reached the insurer: not claimed</source>
        <translation>Withdrawn by the clinic before it reached the insurer: not claimed</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="104"/>
        <source>Cancelled at the insurer: it pays nothing for this bill</source>
        <translation>Cancelled at the insurer: it pays nothing for this bill</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="111"/>
        <source>Questions about your cover: %1, %2 (7×24)</source>
        <translation>Questions about your cover: %1, %2 (7×24)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="112"/>
        <source>Pre-auth %1</source>
        <translation>Pre-auth %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="113"/>
        <source>Guarantee letter %1</source>
        <translation>Guarantee letter %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="114"/>
        <source>emergency</source>
        <translation>emergency</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="116"/>
        <source>Signed electronically at the clinic&apos;s direct-billing kiosk. The bill hash binds the signature to exactly the lines above; any change gives another hash. This statement also appears in the visit records of your e-card.</source>
        <translation>Signed electronically at the clinic&apos;s direct-billing kiosk. The bill hash binds the signature to exactly the lines above; any change gives another hash. This statement also appears in the visit records of your e-card.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="122"/>
        <source>Made at the clinic&apos;s direct-billing kiosk for the family&apos;s records.</source>
        <translation>Made at the clinic&apos;s direct-billing kiosk for the family&apos;s records.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="139"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="91"/>
        <source>Signature of parent or guardian</source>
        <translation>Signature of parent or guardian</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="107"/>
        <source>Self-pay visit: the plan pays nothing on the items above, so no claim is made.</source>
        <translation>Self-pay visit: the plan pays nothing on the items above, so no claim is made.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="115"/>
        <source>Bill hash (SHA-256)</source>
        <translation>Bill hash (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="125"/>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="128"/>
        <source>cash</source>
        <translation>cash</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="129"/>
        <source>bank card</source>
        <translation>bank card</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="130"/>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="131"/>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="134"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="135"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="136"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="137"/>
        <source>Insurer pays</source>
        <translation>Insurer pays</translation>
    </message>
    <message>
        <location filename="../../ui/documents/family_statement.py" line="138"/>
        <source>You pay</source>
        <translation>You pay</translation>
    </message>
</context>
<context>
    <name>SigningElsewhere</name>
    <message>
        <location filename="../../ui/app.py" line="562"/>
        <source>The family is checking and signing the bill on their screen.</source>
        <translation>The family is checking and signing the bill on their screen.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="563"/>
        <source>Change the bill</source>
        <translation>Change the bill</translation>
    </message>
</context>
<context>
    <name>Statement</name>
    <message>
        <location filename="../../ui/statement_text.py" line="27"/>
        <source>Covered by the plan</source>
        <translation>Covered by the plan</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="28"/>
        <source>Not covered by the plan</source>
        <translation>Not covered by the plan</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="29"/>
        <source>The plan&apos;s annual limit is used up</source>
        <translation>The plan&apos;s annual limit is used up</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="30"/>
        <source>Your share: the fully-paid visits are used up</source>
        <translation>Your share: the fully-paid visits are used up</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="33"/>
        <source>Needs pre-authorisation first: not paid by the plan today</source>
        <translation>Needs pre-authorisation first: not paid by the plan today</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="36"/>
        <source>Covered: pre-authorised</source>
        <translation>Covered: pre-authorised</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="37"/>
        <source>The pre-authorisation is already used: not paid by the plan</source>
        <translation>The pre-authorisation is already used: not paid by the plan</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="40"/>
        <source>Outside the pre-authorisation&apos;s dates: not paid by the plan</source>
        <translation>Outside the pre-authorisation&apos;s dates: not paid by the plan</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="43"/>
        <source>Above the pre-authorised amount: your share</source>
        <translation>Above the pre-authorised amount: your share</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="46"/>
        <source>This clinic is not in your network</source>
        <translation>This clinic is not in your network</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="47"/>
        <source>Phone guarantee: the insurer confirms its share later</source>
        <translation>Phone guarantee: the insurer confirms its share later</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="50"/>
        <source>Self-pay today: this card cannot be direct-billed today</source>
        <translation>Self-pay today: this card cannot be direct-billed today</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="56"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="57"/>
        <source>PLUS</source>
        <translation>PLUS</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="60"/>
        <source>By signing I confirm that {child} received the items above at {clinic} on {date}, and I ask {clinic} to apply to the insurer for direct billing of {covered}. I pay {patient} myself.</source>
        <translation>By signing I confirm that {child} received the items above at {clinic} on {date}, and I ask {clinic} to apply to the insurer for direct billing of {covered}. I pay {patient} myself.</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="65"/>
        <source>By signing I confirm that {child} received the items above at {clinic} on {date}, and I ask {clinic} to apply to the insurer for direct billing of {covered}. I pay nothing today.</source>
        <translation>By signing I confirm that {child} received the items above at {clinic} on {date}, and I ask {clinic} to apply to the insurer for direct billing of {covered}. I pay nothing today.</translation>
    </message>
    <message>
        <location filename="../../ui/statement_text.py" line="72"/>
        <source>By signing I confirm that {child} received the items above at {clinic} on {date}, and I ask {clinic} to apply to the insurer for direct billing of {covered} under its phone guarantee {reference}. The insurer confirms its share later: any amount it does not cover, I pay to {clinic}.</source>
        <translation>By signing I confirm that {child} received the items above at {clinic} on {date}, and I ask {clinic} to apply to the insurer for direct billing of {covered} under its phone guarantee {reference}. The insurer confirms its share later: any amount it does not cover, I pay to {clinic}.</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../ui/widgets/trend_chart.py" line="178"/>
        <source>Covered by the insurer</source>
        <translation>Covered by the insurer</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/trend_chart.py" line="179"/>
        <source>Paid by families at the desk</source>
        <translation>Paid by families at the desk</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/trend_chart.py" line="180"/>
        <source>No direct-pay visits in these 30 days</source>
        <translation>No direct-pay visits in these 30 days</translation>
    </message>
</context>
<context>
    <name>UnpaidNote</name>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="29"/>
        <source>E-card on hold: an amount is unpaid</source>
        <translation>E-card on hold: an amount is unpaid</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="30"/>
        <source>One amount the family pays itself from an earlier visit has not been paid, so the insurer has put the child&apos;s e-card on hold (置灰): no direct billing until it is paid.</source>
        <translation>One amount the family pays itself from an earlier visit has not been paid, so the insurer has put the child&apos;s e-card on hold (置灰): no direct billing until it is paid.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="35"/>
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="36"/>
        <source>Policy</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="37"/>
        <source>Unpaid amount</source>
        <translation>Unpaid amount</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="38"/>
        <source>Claim reference</source>
        <translation>Claim reference</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="39"/>
        <source>How to pay it</source>
        <translation>How to pay it</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="40"/>
        <source>In the insurer&apos;s online service (WeChat official account 京东安联保险), open the e-card page and tap 就诊记录 (visit records).</source>
        <translation>In the insurer&apos;s online service (WeChat official account 京东安联保险), open the e-card page and tap 就诊记录 (visit records).</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="45"/>
        <source>Beside the visit with this claim reference, tap 支付 (pay).</source>
        <translation>Beside the visit with this claim reference, tap 支付 (pay).</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="48"/>
        <source>Complete the payment.</source>
        <translation>Complete the payment.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="49"/>
        <source>Once it is paid the e-card works again: show it at the desk on your next visit and direct billing resumes.</source>
        <translation>Once it is paid the e-card works again: show it at the desk on your next visit and direct billing resumes.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="54"/>
        <source>Questions: the insurer&apos;s 7×24 hotline %1</source>
        <translation>Questions: the insurer&apos;s 7×24 hotline %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/unpaid_note.py" line="55"/>
        <source>Printed at %1 on %2.</source>
        <translation>Printed at %1 on %2.</translation>
    </message>
</context>
</TS>
