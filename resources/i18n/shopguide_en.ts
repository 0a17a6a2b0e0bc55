<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>CameraScanner</name>
    <message>
      <location filename="../../app/shopguide/ui/sell/camera_scan.py" line="48" />
      <source>Scan with the camera</source>
      <translation>Scan with the camera</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/camera_scan.py" line="51" />
      <source>Hold the barcode in front of the camera</source>
      <translation>Hold the barcode in front of the camera</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/camera_scan.py" line="55" />
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/camera_scan.py" line="70" />
      <source>This tablet has no camera.</source>
      <translation>This tablet has no camera.</translation>
    </message>
  </context>
  <context>
    <name>CartPanel</name>
    <message>
      <location filename="../../app/shopguide/ui/self_test.py" line="43" />
      <source>Pay</source>
      <translation>Pay</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="88" />
      <source>From this store · or another store…</source>
      <translation>From this store · or another store…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="91" />
      <source>to {0} · {1}</source>
      <translation>to {0} · {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="92" />
      <source>Ship from {0}</source>
      <translation>Ship from {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="93" />
      <source>Send from {0}</source>
      <translation>Send from {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="101" />
      <source>Ship to the customer from {0}</source>
      <translation>Ship to the customer from {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="105" />
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="106" />
      <source>Phone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="107" />
      <source>Address</source>
      <translation>Address</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="164" />
      <source>Cart</source>
      <translation>Cart</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="171" />
      <source>Park</source>
      <translation>Park</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="172" />
      <source>Park this cart while the customer tries on</source>
      <translation>Park this cart while the customer tries on</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="188" />
      <source>Take the member off this cart</source>
      <translation>Take the member off this cart</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="196" />
      <source>Cart lines</source>
      <translation>Cart lines</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="213" />
      <source>Undo</source>
      <translation>Undo</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="227" />
      <source>The member's coupons that fit · tap to use</source>
      <translation>The member's coupons that fit · tap to use</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="245" />
      <source>Coupon code</source>
      <translation>Coupon code</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="249" />
      <source>Apply</source>
      <translation>Apply</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="250" />
      <source>Apply the coupon code</source>
      <translation>Apply the coupon code</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="266" />
      <source>Take payment for this cart</source>
      <translation>Take payment for this cart</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="308" />
      <source>Removed {0}</source>
      <translation>Removed {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="360" />
      <source>Take it from this store's shelf</source>
      <translation>Take it from this store's shelf</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="365" />
      <source>Send from {0} · {1} km · {2} left</source>
      <translation>Send from {0} · {1} km · {2} left</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="378" />
      <source>Ship to the customer from {0} · {1} km</source>
      <translation>Ship to the customer from {0} · {1} km</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="384" />
      <source>No nearby store has {0} of these</source>
      <translation>No nearby store has {0} of these</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="416" />
      <source>Park cart</source>
      <translation>Park cart</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="416" />
      <source>A note to find it again (optional):</source>
      <translation>A note to find it again (optional):</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="432" />
      <source>{0} · {1} items · parked {2}</source>
      <translation>{0} · {1} items · parked {2}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="471" />
      <source>Unknown coupon code {0}</source>
      <translation>Unknown coupon code {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="473" />
      <source>The member is not on this tablet yet: member prices after sync.</source>
      <translation>The member is not on this tablet yet: member prices after sync.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="476" />
      <source>Total {0}  (saved {1})</source>
      <translation>Total {0}  (saved {1})</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="478" />
      <source>Total {0}</source>
      <translation>Total {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="480" />
      <source>Parked ({0})</source>
      <translation>Parked ({0})</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="510" />
      <source>Member {0} · not on this tablet yet</source>
      <translation>Member {0} · not on this tablet yet</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="514" />
      <source>Member on this cart: {0}</source>
      <translation>Member on this cart: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="524" />
      <source>Saves {0} · {1}</source>
      <translation>Saves {0} · {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="525" />
      <source>Use coupon {0}</source>
      <translation>Use coupon {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="549" />
      <source>Change colour or size</source>
      <translation>Change colour or size</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="557" />
      <source>One less</source>
      <translation>One less</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="567" />
      <source>One more</source>
      <translation>One more</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="578" />
      <source>Remove from cart</source>
      <translation>Remove from cart</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="598" />
      <source>Where this line comes from: {0}</source>
      <translation>Where this line comes from: {0}</translation>
    </message>
  </context>
  <context>
    <name>Checkout</name>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="57" />
      <source>Payment</source>
      <translation>Payment</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="70" />
      <source>Payment code for the customer to scan</source>
      <translation>Payment code for the customer to scan</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="73" />
      <source>Sending the order…</source>
      <translation>Sending the order…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="73" />
      <source>Making a payment code…</source>
      <translation>Making a payment code…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="80" />
      <source>New code</source>
      <translation>New code</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="85" />
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="105" />
      <source>Making a new code…</source>
      <translation>Making a new code…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="146" />
      <source>Connection lost: still waiting for the payment…</source>
      <translation>Connection lost: still waiting for the payment…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="160" />
      <source>Paid {0}</source>
      <translation>Paid {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="162" />
      <source>Done</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="166" />
      <source>The code expired before it was paid.</source>
      <translation>The code expired before it was paid.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="171" />
      <source>Payment declined: {0}</source>
      <translation>Payment declined: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="171" />
      <source>no reason given</source>
      <translation>no reason given</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="173" />
      <source>Try again</source>
      <translation>Try again</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="176" />
      <source>Payment {0}</source>
      <translation>Payment {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="201" />
      <source>Checking the code…</source>
      <translation>Checking the code…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="203" />
      <source>Scan to pay · valid for {0}:{1:02d}</source>
      <translation>Scan to pay · valid for {0}:{1:02d}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="211" />
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="217" />
      <source>Offline</source>
      <translation>Offline</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="229" />
      <source>Recorded offline</source>
      <translation>Recorded offline</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="238" />
      <source>Asking the server again…</source>
      <translation>Asking the server again…</translation>
    </message>
  </context>
  <context>
    <name>Inbox</name>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="70" />
      <source>no reason given</source>
      <translation>no reason given</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="72" />
      <source>Waiting for an answer</source>
      <translation>Waiting for an answer</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="73" />
      <source>Confirmed</source>
      <translation>Confirmed</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="74" />
      <source>Refused: {0}</source>
      <translation>Refused: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="75" />
      <source>Expired</source>
      <translation>Expired</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="76" />
      <source>Cancelled</source>
      <translation>Cancelled</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="77" />
      <source>Collected</source>
      <translation>Collected</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="78" />
      <source>Accepted, to be shipped</source>
      <translation>Accepted, to be shipped</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="79" />
      <source>Shipped</source>
      <translation>Shipped</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="80" />
      <source>Received</source>
      <translation>Received</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="81" />
      <source>Queued — sends when online</source>
      <translation>Queued — sends when online</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="82" />
      <source>Not accepted: {0}</source>
      <translation>Not accepted: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="86" />
      <source>held until {0}</source>
      <translation>held until {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="88" />
      <source>not sent yet</source>
      <translation>not sent yet</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="106" />
      <source>Confirm</source>
      <translation>Confirm</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="107" />
      <source>Refuse</source>
      <translation>Refuse</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="108" />
      <source>Accept</source>
      <translation>Accept</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="112" />
      <source>Cancel it</source>
      <translation>Cancel it</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="113" />
      <source>Dismiss</source>
      <translation>Dismiss</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="121" />
      <source>What</source>
      <translation>What</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="121" />
      <source>Store</source>
      <translation>Store</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="121" />
      <source>Customer</source>
      <translation>Customer</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="121" />
      <source>State</source>
      <translation>State</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="121" />
      <source>When</source>
      <translation>When</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="147" />
      <source>Reservation</source>
      <translation>Reservation</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="147" />
      <source>Transfer</source>
      <translation>Transfer</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="169" />
      <source>Inbox</source>
      <translation>Inbox</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="178" />
      <source>Requests from other stores</source>
      <translation>Requests from other stores</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="179" />
      <source>Our requests to other stores</source>
      <translation>Our requests to other stores</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="180" />
      <source>To answer</source>
      <translation>To answer</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="181" />
      <source>Our requests</source>
      <translation>Our requests</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="191" />
      <source>Reason (needed to refuse)</source>
      <translation>Reason (needed to refuse)</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="192" />
      <source>Why it is refused or cancelled</source>
      <translation>Why it is refused or cancelled</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="205" />
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="239" />
      <source>To answer ({0})</source>
      <translation>To answer ({0})</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="240" />
      <source>Our requests ({0})</source>
      <translation>Our requests ({0})</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="242" />
      <source>Inbox as of {0}</source>
      <translation>Inbox as of {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="244" />
      <source>The inbox has not synced yet: showing this tablet's own requests.</source>
      <translation>The inbox has not synced yet: showing this tablet's own requests.</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <location filename="../../app/shopguide/ui/app.py" line="70" />
      <source>This system has no keyring: your login is kept in a file on this tablet that only your user account can read. Log out to remove it.</source>
      <translation>This system has no keyring: your login is kept in a file on this tablet that only your user account can read. Log out to remove it.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="28" />
      <source>Cannot reach the server. Check the address and the network.</source>
      <translation>Cannot reach the server. Check the address and the network.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="31" />
      <source>Too many attempts. Wait a few minutes and try again.</source>
      <translation>Too many attempts. Wait a few minutes and try again.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="33" />
      <source>Wrong username or password.</source>
      <translation>Wrong username or password.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="53" />
      <source>Log in to ShopGuide</source>
      <translation>Log in to ShopGuide</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="63" />
      <source>Server</source>
      <translation>Server</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="64" />
      <source>Username</source>
      <translation>Username</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="65" />
      <source>Password</source>
      <translation>Password</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="71" />
      <source>Log in again</source>
      <translation>Log in again</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="75" />
      <source>Your login has expired. Type your password to keep syncing; the cart stays as it is.</source>
      <translation>Your login has expired. Type your password to keep syncing; the cart stays as it is.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="92" />
      <source>Log in</source>
      <translation>Log in</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="108" />
      <source>Fill in the server, your username and your password.</source>
      <translation>Fill in the server, your username and your password.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="111" />
      <source>Logging in…</source>
      <translation>Logging in…</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="146" />
      <source>Settings</source>
      <translation>Settings</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="152" />
      <source>Log out</source>
      <translation>Log out</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="179" />
      <source>Language</source>
      <translation>Language</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="186" />
      <source>Follow the system</source>
      <translation>Follow the system</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="306" />
      <source>Sales still waiting</source>
      <translation>Sales still waiting</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="307" />
      <source>{0} sales have not reached the server yet. They stay on this tablet and are sent after the next login. Log out anyway?</source>
      <translation>{0} sales have not reached the server yet. They stay on this tablet and are sent after the next login. Log out anyway?</translation>
    </message>
  </context>
  <context>
    <name>ManagerScreen</name>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="74" />
      <source>1 week</source>
      <translation>1 week</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="74" />
      <source>{0} weeks</source>
      <translation>{0} weeks</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="75" />
      <source>1 day</source>
      <translation>1 day</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="75" />
      <source>{0} days</source>
      <translation>{0} days</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="84" />
      <source>sold {units} in {size} in {period}</source>
      <translation>sold {units} in {size} in {period}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="85" />
      <source>no sales in {size} in {period}</source>
      <translation>no sales in {size} in {period}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="86" />
      <source>{units} more wanted but none here</source>
      <translation>{units} more wanted but none here</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="87" />
      <source>have {units}</source>
      <translation>have {units}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="88" />
      <source>{units} on the way</source>
      <translation>{units} on the way</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="89" />
      <source>suggest {units}</source>
      <translation>suggest {units}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="90" />
      <source>enough for {period}</source>
      <translation>enough for {period}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="98" />
      <source>, </source>
      <translation>, </translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="104" />
      <source>Export CSV</source>
      <translation>Export CSV</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="104" />
      <source>CSV files (*.csv)</source>
      <translation>CSV files (*.csv)</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="191" />
      <source>This month</source>
      <translation>This month</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="191" />
      <source>Last 4 weeks</source>
      <translation>Last 4 weeks</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="191" />
      <source>Custom</source>
      <translation>Custom</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="192" />
      <source>Period for lost demand and guides</source>
      <translation>Period for lost demand and guides</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="199" />
      <source>First day</source>
      <translation>First day</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="200" />
      <source>Last day</source>
      <translation>Last day</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="206" />
      <source>Refresh</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>Style</source>
      <translation>Style</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>Colour</source>
      <translation>Colour</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>Size</source>
      <translation>Size</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>On hand</source>
      <translation>On hand</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>Held</source>
      <translation>Held</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>Available</source>
      <translation>Available</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="221" />
      <source>Sold, 4 weeks</source>
      <translation>Sold, 4 weeks</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="226" />
      <source>Low stock</source>
      <translation>Low stock</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="228" />
      <source>Times</source>
      <translation>Times</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="228" />
      <source>Tapped</source>
      <translation>Tapped</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="228" />
      <source>Reserved elsewhere</source>
      <translation>Reserved elsewhere</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="229" />
      <source>Transfer asked</source>
      <translation>Transfer asked</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="229" />
      <source>Last</source>
      <translation>Last</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="234" />
      <source>Lost demand</source>
      <translation>Lost demand</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="236" />
      <source>Guide</source>
      <translation>Guide</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="236" />
      <source>Orders</source>
      <translation>Orders</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="236" />
      <source>Units</source>
      <translation>Units</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="236" />
      <source>Sales</source>
      <translation>Sales</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="236" />
      <source>Commission</source>
      <translation>Commission</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="240" />
      <source>Guides</source>
      <translation>Guides</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="245" />
      <source>Order</source>
      <translation>Order</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="248" />
      <source>Styles to restock</source>
      <translation>Styles to restock</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="261" />
      <source>Sold</source>
      <translation>Sold</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="261" />
      <source>Have</source>
      <translation>Have</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="261" />
      <source>Why</source>
      <translation>Why</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="265" />
      <source>Sizes to restock</source>
      <translation>Sizes to restock</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="273" />
      <source>Restock</source>
      <translation>Restock</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="305" />
      <source>Reading the store's figures…</source>
      <translation>Reading the store's figures…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="335" />
      <source>Restock from the last 4 weeks' sales and lost demand, for 4 weeks of cover. Lost demand and guides: {0} to {1}.</source>
      <translation>Restock from the last 4 weeks' sales and lost demand, for 4 weeks of cover. Lost demand and guides: {0} to {1}.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="345" />
      <source>The store's figures need the network: try again when online.</source>
      <translation>The store's figures need the network: try again when online.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="347" />
      <source>The figures could not be read: {0}</source>
      <translation>The figures could not be read: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="351" />
      <source>Nothing to reorder: every size has enough.</source>
      <translation>Nothing to reorder: every size has enough.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="357" />
      <source>{0} · order {1}</source>
      <translation>{0} · order {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="361" />
      <source>Sales and stock by size</source>
      <translation>Sales and stock by size</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="385" />
      <source>Saved {0}</source>
      <translation>Saved {0}</translation>
    </message>
  </context>
  <context>
    <name>MemberPanel</name>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="98" />
      <source>No member open</source>
      <translation>No member open</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="100" />
      <source>Scan the member code on the customer's phone, or type their phone or card number, to see their card here.</source>
      <translation>Scan the member code on the customer's phone, or type their phone or card number, to see their card here.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="122" />
      <source>Offline, not verified: this tablet could not check the code with the server. Member prices apply; spending points or coupons waits for the network.</source>
      <translation>Offline, not verified: this tablet could not check the code with the server. Member prices apply; spending points or coupons waits for the network.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="171" />
      <source>Attach to cart</source>
      <translation>Attach to cart</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="174" />
      <source>Put this member on the open cart</source>
      <translation>Put this member on the open cart</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="177" />
      <source>✓ On the open cart</source>
      <translation>✓ On the open cart</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="181" />
      <source>Detach</source>
      <translation>Detach</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="182" />
      <source>Take this member off the open cart</source>
      <translation>Take this member off the open cart</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="200" />
      <source>points to spend</source>
      <translation>points to spend</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="212" />
      <source>Progress to the next tier</source>
      <translation>Progress to the next tier</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="223" />
      <source>Coupons</source>
      <translation>Coupons</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="230" />
      <source>No coupons.</source>
      <translation>No coupons.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="233" />
      <source>Recent purchases, all stores</source>
      <translation>Recent purchases, all stores</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="235" />
      <source>Recent purchases</source>
      <translation>Recent purchases</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="247" />
      <source>Sizes</source>
      <translation>Sizes</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="250" />
      <source>Sizes by category</source>
      <translation>Sizes by category</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="251" />
      <source>Category</source>
      <translation>Category</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="251" />
      <source>Size</source>
      <translation>Size</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="269" />
      <source>No sizes yet: tap “Add a size”, then type the category and the size.</source>
      <translation>No sizes yet: tap “Add a size”, then type the category and the size.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="273" />
      <source>Add a size</source>
      <translation>Add a size</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="277" />
      <source>Save sizes</source>
      <translation>Save sizes</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="285" />
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="288" />
      <source>Note about this member</source>
      <translation>Note about this member</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="290" />
      <source>Preferences, fittings, what to call them…</source>
      <translation>Preferences, fittings, what to call them…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="296" />
      <source>Save note</source>
      <translation>Save note</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="322" />
      <source>Birthday {0}</source>
      <translation>Birthday {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="327" />
      <source>Card {0}  ·  Phone {1}</source>
      <translation>Card {0}  ·  Phone {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="346" />
      <source>No purchases yet.</source>
      <translation>No purchases yet.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="348" />
      <source>Recent purchases show when the tablet is online.</source>
      <translation>Recent purchases show when the tablet is online.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="367" />
      <source>{0} member</source>
      <translation>{0} member</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="368" />
      <source>Progress to the next tier shows when the tablet is online.</source>
      <translation>Progress to the next tier shows when the tablet is online.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="371" />
      <source>{0} earned in all</source>
      <translation>{0} earned in all</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="375" />
      <source>{0}: the top tier</source>
      <translation>{0}: the top tier</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="381" />
      <source>{0} to {1}</source>
      <translation>{0} to {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="477" />
      <source>Sizes saved. They reach the server with the next sync.</source>
      <translation>Sizes saved. They reach the server with the next sync.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="484" />
      <source>Note saved. It reaches the server with the next sync.</source>
      <translation>Note saved. It reaches the server with the next sync.</translation>
    </message>
  </context>
  <context>
    <name>MemberProof</name>
    <message>
      <location filename="../../app/shopguide/ui/checkout/member_proof_dialog.py" line="42" />
      <source>Member's code</source>
      <translation>Member's code</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/member_proof_dialog.py" line="46" />
      <source>Coupon {0} is spent from the member's card. Ask the customer to open their member page and read out the 6-digit code.</source>
      <translation>Coupon {0} is spent from the member's card. Ask the customer to open their member page and read out the 6-digit code.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/member_proof_dialog.py" line="57" />
      <source>The member's 6-digit code</source>
      <translation>The member's 6-digit code</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/member_proof_dialog.py" line="67" />
      <source>Use the coupon</source>
      <translation>Use the coupon</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/member_proof_dialog.py" line="71" />
      <source>Back to the cart</source>
      <translation>Back to the cart</translation>
    </message>
  </context>
  <context>
    <name>Members</name>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="230" />
      <source>Phone {0} · card …{1}</source>
      <translation>Phone {0} · card …{1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="274" />
      <source>{0} · until {1}</source>
      <translation>{0} · until {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="278" />
      <source>{0} · saves {1}</source>
      <translation>{0} · saves {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="293" />
      <source>On this cart</source>
      <translation>On this cart</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="295" />
      <source>Usable on this cart</source>
      <translation>Usable on this cart</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="297" />
      <source>Valid</source>
      <translation>Valid</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="302" />
      <source>Expires today</source>
      <translation>Expires today</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="304" />
      <source>Expires tomorrow</source>
      <translation>Expires tomorrow</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="306" />
      <source>Expires in {0} days</source>
      <translation>Expires in {0} days</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="312" />
      <source>Used</source>
      <translation>Used</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="316" />
      <source>Valid from {0}</source>
      <translation>Valid from {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="323" />
      <source>Expired</source>
      <translation>Expired</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="349" />
      <source>{0} {1} × {2} · {3} · {4}</source>
      <translation>{0} {1} × {2} · {3} · {4}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="33" />
      <source>Classic</source>
      <translation>Classic</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="34" />
      <source>Silver</source>
      <translation>Silver</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="35" />
      <source>Gold</source>
      <translation>Gold</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="36" />
      <source>Platinum</source>
      <translation>Platinum</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="41" />
      <source>{0} points</source>
      <translation>{0} points</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="54" />
      <source>No network, and this member is not on this tablet (members of other stores need the network). Ask for their phone number, or try again when online.</source>
      <translation>No network, and this member is not on this tablet (members of other stores need the network). Ask for their phone number, or try again when online.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="59" />
      <source>No member has card {0}.</source>
      <translation>No member has card {0}.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="61" />
      <source>Not saved: {0}</source>
      <translation>Not saved: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="63" />
      <source>Log in again to look up members.</source>
      <translation>Log in again to look up members.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="65" />
      <source>The tablet's copy of the store's data was rebuilt; try again in a moment.</source>
      <translation>The tablet's copy of the store's data was rebuilt; try again in a moment.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="72" />
      <source>Online · as of {0}</source>
      <translation>Online · as of {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="74" />
      <source>Offline · from this tablet, never synced</source>
      <translation>Offline · from this tablet, never synced</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="75" />
      <source>Offline · as of last sync {0}</source>
      <translation>Offline · as of last sync {0}</translation>
    </message>
  </context>
  <context>
    <name>MembersScreen</name>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="72" />
      <source>Members</source>
      <translation>Members</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="90" />
      <source>{0} ({1}, {2}) is on this cart: member prices apply.</source>
      <translation>{0} ({1}, {2}) is on this cart: member prices apply.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="94" />
      <source>Offline, not verified.</source>
      <translation>Offline, not verified.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="133" />
      <source>Phone, card number or scan the member's code</source>
      <translation>Phone, card number or scan the member's code</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="140" />
      <source>Phone or card number</source>
      <translation>Phone or card number</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="141" />
      <source>Find a member by phone, card number or member code</source>
      <translation>Find a member by phone, card number or member code</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="146" />
      <source>Find</source>
      <translation>Find</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="151" />
      <source>Scan a picture</source>
      <translation>Scan a picture</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="152" />
      <source>Read a member code from a picture</source>
      <translation>Read a member code from a picture</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="156" />
      <source>Camera</source>
      <translation>Camera</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="157" />
      <source>Scan the member code with the camera</source>
      <translation>Scan the member code with the camera</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="170" />
      <source>Members found</source>
      <translation>Members found</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="177" />
      <source>Ask the customer to open their member page: its code changes every minute, so a screenshot will not do. No phone? Their phone number or card number works too.</source>
      <translation>Ask the customer to open their member page: its code changes every minute, so a screenshot will not do. No phone? Their phone number or card number works too.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="226" />
      <source>Type the whole phone number or card number.</source>
      <translation>Type the whole phone number or card number.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="228" />
      <source>Looking up…</source>
      <translation>Looking up…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="234" />
      <source>That is a product barcode: scan it on the Sell screen.</source>
      <translation>That is a product barcode: scan it on the Sell screen.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="236" />
      <source>Checking the member code…</source>
      <translation>Checking the member code…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="240" />
      <source>Opening the member…</source>
      <translation>Opening the member…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="248" />
      <source>{0} is on the open cart: member prices apply.</source>
      <translation>{0} is on the open cart: member prices apply.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="255" />
      <source>No member code found in that picture.</source>
      <translation>No member code found in that picture.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="267" />
      <source>Hold the member code on the customer's phone in front of the camera</source>
      <translation>Hold the member code on the customer's phone in front of the camera</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="299" />
      <source>No network: shown from this tablet's copy of the members.</source>
      <translation>No network: shown from this tablet's copy of the members.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="332" />
      <source>No member of this store has this phone or card number (offline).</source>
      <translation>No member of this store has this phone or card number (offline).</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="334" />
      <source>No member has this phone or card number.</source>
      <translation>No member has this phone or card number.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="340" />
      <source>{0} members share this number: choose one.</source>
      <translation>{0} members share this number: choose one.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="380" />
      <source>Coupon {0} is on the open cart.</source>
      <translation>Coupon {0} is on the open cart.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="398" />
      <source>Picture of a member code</source>
      <translation>Picture of a member code</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="398" />
      <source>Pictures (*.png *.jpg *.jpeg *.bmp)</source>
      <translation>Pictures (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
  </context>
  <context>
    <name>OfflinePanel</name>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="36" />
      <source>cash</source>
      <translation>cash</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="37" />
      <source>card terminal</source>
      <translation>card terminal</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="38" />
      <source>store QR, payment unverified</source>
      <translation>store QR, payment unverified</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="61" />
      <source>No connection to the server. The order is saved on this tablet and will be sent when the connection returns. Close the sale another way:</source>
      <translation>No connection to the server. The order is saved on this tablet and will be sent when the connection returns. Close the sale another way:</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="70" />
      <source>The store's payment code, not yet verified</source>
      <translation>The store's payment code, not yet verified</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="74" />
      <source>PAYMENT UNVERIFIED until the server hears from the bank. Check that the customer's phone shows it paid to this store.</source>
      <translation>PAYMENT UNVERIFIED until the server hears from the bank. Check that the customer's phone shows it paid to this store.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="84" />
      <source>Cash received</source>
      <translation>Cash received</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="86" />
      <source>Card terminal</source>
      <translation>Card terminal</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="88" />
      <source>Try online again</source>
      <translation>Try online again</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="90" />
      <source>Show the store's QR</source>
      <translation>Show the store's QR</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="93" />
      <source>Customer has paid (unverified)</source>
      <translation>Customer has paid (unverified)</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="110" />
      <source>{0}. Take cash or use the card terminal.</source>
      <translation>{0}. Take cash or use the card terminal.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="127" />
      <source>Did you receive {0} in cash?</source>
      <translation>Did you receive {0} in cash?</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="128" />
      <source>Did the card terminal approve {0}?</source>
      <translation>Did the card terminal approve {0}?</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="129" />
      <source>Does the customer's phone show {0} paid to this store? The payment stays unverified until the server confirms it.</source>
      <translation>Does the customer's phone show {0} paid to this store? The payment stays unverified until the server confirms it.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="134" />
      <source>Confirm payment</source>
      <translation>Confirm payment</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="151" />
      <source>Recorded as {0}. It will be sent to the server when the connection returns.</source>
      <translation>Recorded as {0}. It will be sent to the server when the connection returns.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="158" />
      <source>Could not record the payment: {0}</source>
      <translation>Could not record the payment: {0}</translation>
    </message>
  </context>
  <context>
    <name>OrdersScreen</name>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="71" />
      <source>no reason given</source>
      <translation>no reason given</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="73" />
      <source>Queued — will send when online</source>
      <translation>Queued — will send when online</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="74" />
      <source>Sent — payment shown when online</source>
      <translation>Sent — payment shown when online</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="75" />
      <source>Awaiting payment</source>
      <translation>Awaiting payment</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="76" />
      <source>Paid</source>
      <translation>Paid</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="77" />
      <source>Paid — cash</source>
      <translation>Paid — cash</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="78" />
      <source>Paid — card terminal</source>
      <translation>Paid — card terminal</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="79" />
      <source>Payment unverified</source>
      <translation>Payment unverified</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="80" />
      <source>Declined: {0}</source>
      <translation>Declined: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="81" />
      <source>Code expired</source>
      <translation>Code expired</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="82" />
      <source>Cancelled</source>
      <translation>Cancelled</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="83" />
      <source>Refunded</source>
      <translation>Refunded</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="84" />
      <source>Refund needed: {0}</source>
      <translation>Refund needed: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="85" />
      <source>Refused: {0}</source>
      <translation>Refused: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="105" />
      <source>waiting for the customer</source>
      <translation>waiting for the customer</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="106" />
      <source>paid</source>
      <translation>paid</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="107" />
      <source>recorded by the guide</source>
      <translation>recorded by the guide</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="108" />
      <source>unverified</source>
      <translation>unverified</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="109" />
      <source>declined: {0}</source>
      <translation>declined: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="110" />
      <source>code expired</source>
      <translation>code expired</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="111" />
      <source>cancelled</source>
      <translation>cancelled</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="112" />
      <source>refunded</source>
      <translation>refunded</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="113" />
      <source>refused: {0}</source>
      <translation>refused: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="116" />
      <source>refund needed: {0}</source>
      <translation>refund needed: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="118" />
      <source>on this tablet, not sent yet</source>
      <translation>on this tablet, not sent yet</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="124" />
      <source>Store QR</source>
      <translation>Store QR</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="140" />
      <source>Time</source>
      <translation>Time</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="141" />
      <source>Order</source>
      <translation>Order</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="142" />
      <source>Items</source>
      <translation>Items</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="143" />
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="144" />
      <source>Guide</source>
      <translation>Guide</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="145" />
      <source>State</source>
      <translation>State</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="261" />
      <source>Refresh</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="264" />
      <source>Refresh the orders</source>
      <translation>Refresh the orders</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="273" />
      <source>Orders</source>
      <translation>Orders</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="290" />
      <source>Show older orders</source>
      <translation>Show older orders</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="324" />
      <source>The order's lines</source>
      <translation>The order's lines</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="339" />
      <source>The order's payments</source>
      <translation>The order's payments</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="347" />
      <source>Retry payment</source>
      <translation>Retry payment</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="350" />
      <source>Show a new payment code for this order</source>
      <translation>Show a new payment code for this order</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="353" />
      <source>Receipt</source>
      <translation>Receipt</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="355" />
      <source>Show the receipt for the customer</source>
      <translation>Show the receipt for the customer</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="405" />
      <source>Could not read the orders: {0}</source>
      <translation>Could not read the orders: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="416" />
      <source>Offline — showing the orders on this tablet only</source>
      <translation>Offline — showing the orders on this tablet only</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="419" />
      <source>Offline — the server's orders as of {0}</source>
      <translation>Offline — the server's orders as of {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="422" />
      <source>As of {0}</source>
      <translation>As of {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="451" />
      <source>Could not read older orders: {0}</source>
      <translation>Could not read older orders: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="497" />
      <source>Could not read the order: {0}</source>
      <translation>Could not read the order: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="508" />
      <source>No order chosen</source>
      <translation>No order chosen</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="511" />
      <source>Choose an order to see its lines and payments.</source>
      <translation>Choose an order to see its lines and payments.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="515" />
      <source>Order {0}</source>
      <translation>Order {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="532" />
      <source>Total {0}</source>
      <translation>Total {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="539" />
      <source>No payment yet.</source>
      <translation>No payment yet.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="559" />
      <source>Could not make the receipt: {0}</source>
      <translation>Could not make the receipt: {0}</translation>
    </message>
  </context>
  <context>
    <name>Pricing</name>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="31" />
      <source>{tier} member price on {item}: -{amount}</source>
      <translation>{tier} member price on {item}: -{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="32" />
      <source>{promotion}: {items} together for {price}: -{amount}</source>
      <translation>{promotion}: {items} together for {price}: -{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="33" />
      <source>{promotion}: {item} (cheapest) free: -{amount}</source>
      <translation>{promotion}: {item} (cheapest) free: -{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="34" />
      <source>{promotion} ({percent} off) on {item}: -{amount}</source>
      <translation>{promotion} ({percent} off) on {item}: -{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="35" />
      <source>{promotion} ({off} off every {threshold} spent): -{amount}</source>
      <translation>{promotion} ({off} off every {threshold} spent): -{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="36" />
      <source>{promotion} ({off} off over {threshold}): -{amount}</source>
      <translation>{promotion} ({off} off over {threshold}): -{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="37" />
      <source>Coupon {code} ({benefit} off): -{amount}</source>
      <translation>Coupon {code} ({benefit} off): -{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="38" />
      <source>Coupon {code} ({benefit} off over {min_spend}): -{amount}</source>
      <translation>Coupon {code} ({benefit} off over {min_spend}): -{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="39" />
      <source>Coupon {code} is listed twice; it counts once</source>
      <translation>Coupon {code} is listed twice; it counts once</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="40" />
      <source>Coupon {code} not applied: it has already been used</source>
      <translation>Coupon {code} not applied: it has already been used</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="41" />
      <source>Coupon {code} not applied: valid from {valid_from}</source>
      <translation>Coupon {code} not applied: valid from {valid_from}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="42" />
      <source>Coupon {code} not applied: expired on {valid_to}</source>
      <translation>Coupon {code} not applied: expired on {valid_to}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="43" />
      <source>Coupon {code} not applied: not applicable to these items</source>
      <translation>Coupon {code} not applied: not applicable to these items</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="46" />
      <source>Coupon {code} not applied: needs {min_spend} on eligible items, the cart has {eligible}</source>
      <translation>Coupon {code} not applied: needs {min_spend} on eligible items, the cart has {eligible}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="49" />
      <source>Coupon {code} not applied: one coupon per order, and {applied} saves the most</source>
      <translation>Coupon {code} not applied: one coupon per order, and {applied} saves the most</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="54" />
      <source>{promotion}: {items} as {count} bundles for {price} each: -{amount}</source>
      <translation>{promotion}: {items} as {count} bundles for {price} each: -{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="55" />
      <source>{promotion}: {count} x {item} (cheapest) free: -{amount}</source>
      <translation>{promotion}: {count} x {item} (cheapest) free: -{amount}</translation>
    </message>
  </context>
  <context>
    <name>ProductDetail</name>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="53" />
      <source>{0}, {1}: not made</source>
      <translation>{0}, {1}: not made</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="55" />
      <source>none in stock</source>
      <translation>none in stock</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="56" />
      <source>{0} in stock, low</source>
      <translation>{0} in stock, low</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="57" />
      <source>{0} in stock</source>
      <translation>{0} in stock</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="59" />
      <source>{0}, {1}: {2}</source>
      <translation>{0}, {1}: {2}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="83" />
      <source>No photo yet</source>
      <translation>No photo yet</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="106" />
      <source>Stock by colour and size in this store</source>
      <translation>Stock by colour and size in this store</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="113" />
      <source>Add to cart</source>
      <translation>Add to cart</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="122" />
      <source>Tap a size to see nearby stores</source>
      <translation>Tap a size to see nearby stores</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="126" />
      <source>Nearby stores with this size</source>
      <translation>Nearby stores with this size</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="144" />
      <source>This product is no longer in the catalog.</source>
      <translation>This product is no longer in the catalog.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="149" />
      <source>Price {0}</source>
      <translation>Price {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="157" />
      <source>Stock here as of {0}</source>
      <translation>Stock here as of {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="158" />
      <source>never synced</source>
      <translation>never synced</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="175" />
      <source>{0} held by sales not yet synced</source>
      <translation>{0} held by sales not yet synced</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="195" />
      <source>{0} in {1}: nearby stores</source>
      <translation>{0} in {1}: nearby stores</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="207" />
      <source>{0} · {1} km · {2} in stock</source>
      <translation>{0} · {1} km · {2} in stock</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="212" />
      <source>No nearby store has this size.</source>
      <translation>No nearby store has this size.</translation>
    </message>
  </context>
  <context>
    <name>Receipt</name>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="48" />
      <source>Wallet</source>
      <translation>Wallet</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="49" />
      <source>QR payment</source>
      <translation>QR payment</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="50" />
      <source>Alipay</source>
      <translation>Alipay</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="51" />
      <source>Cash</source>
      <translation>Cash</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="52" />
      <source>Card terminal</source>
      <translation>Card terminal</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="66" />
      <source>shipped to customer from {0}</source>
      <translation>shipped to customer from {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="67" />
      <source>sent from {0}</source>
      <translation>sent from {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="79" />
      <source>Receipt · order {0}</source>
      <translation>Receipt · order {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="81" />
      <source>Total {0}</source>
      <translation>Total {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="82" />
      <source>Paid by {0} {1}</source>
      <translation>Paid by {0} {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="130" />
      <source>What the customer bought</source>
      <translation>What the customer bought</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="136" />
      <source>Paid by {0}</source>
      <translation>Paid by {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="144" />
      <source>Receipt code for the customer to scan and keep</source>
      <translation>Receipt code for the customer to scan and keep</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="146" />
      <source>Scan to keep your receipt</source>
      <translation>Scan to keep your receipt</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="149" />
      <source>Save PDF</source>
      <translation>Save PDF</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="150" />
      <source>Save the receipt as a PDF file</source>
      <translation>Save the receipt as a PDF file</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="191" />
      <source>Save receipt</source>
      <translation>Save receipt</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="193" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="207" />
      <source>Saved to {0}</source>
      <translation>Saved to {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="211" />
      <source>Could not save the receipt: {0}</source>
      <translation>Could not save the receipt: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="227" />
      <source>Receipt {0}</source>
      <translation>Receipt {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="261" />
      <source>Receipt</source>
      <translation>Receipt</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="268" />
      <source>Close</source>
      <translation>Close</translation>
    </message>
  </context>
  <context>
    <name>Screens</name>
    <message>
      <location filename="../../app/shopguide/ui/screens.py" line="71" />
      <source>Change to this colour and size</source>
      <translation>Change to this colour and size</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/screens.py" line="189" />
      <source>Sell</source>
      <translation>Sell</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/screens.py" line="191" />
      <source>Orders</source>
      <translation>Orders</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/screens.py" line="192" />
      <source>Stock</source>
      <translation>Stock</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/screens.py" line="193" />
      <source>Manager</source>
      <translation>Manager</translation>
    </message>
  </context>
  <context>
    <name>SearchResults</name>
    <message>
      <location filename="../../app/shopguide/ui/sell/search_model.py" line="141" />
      <source>size</source>
      <translation>size</translation>
    </message>
  </context>
  <context>
    <name>SellScreen</name>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="84" />
      <source>Search by name, SKU, colour or scan a barcode</source>
      <translation>Search by name, SKU, colour or scan a barcode</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="85" />
      <source>Search the catalog</source>
      <translation>Search the catalog</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="90" />
      <source>Scan a picture</source>
      <translation>Scan a picture</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="91" />
      <source>Read a barcode from a picture</source>
      <translation>Read a barcode from a picture</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="95" />
      <source>Camera</source>
      <translation>Camera</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="96" />
      <source>Scan a barcode with the camera</source>
      <translation>Scan a barcode with the camera</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="112" />
      <source>Search results</source>
      <translation>Search results</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="150" />
      <source>More than {0} matches: keep typing</source>
      <translation>More than {0} matches: keep typing</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="152" />
      <source>Nothing matches “{0}”</source>
      <translation>Nothing matches “{0}”</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="154" />
      <source>{0} matches</source>
      <translation>{0} matches</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="204" />
      <source>Picture of a barcode</source>
      <translation>Picture of a barcode</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="204" />
      <source>Pictures (*.png *.jpg *.jpeg *.bmp)</source>
      <translation>Pictures (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="217" />
      <source>No barcode or member code found in that picture</source>
      <translation>No barcode or member code found in that picture</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="223" />
      <source>No product with barcode {0}</source>
      <translation>No product with barcode {0}</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="51" />
      <source>Sent to the server as report {0} ({1} KB). Thank you.</source>
      <translation>Sent to the server as report {0} ({1} KB). Thank you.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="54" />
      <source>The server cannot be reached, so the report was saved on this tablet:</source>
      <translation>The server cannot be reached, so the report was saved on this tablet:</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="56" />
      <source>This tablet is not logged in, so the report was saved on this tablet:</source>
      <translation>This tablet is not logged in, so the report was saved on this tablet:</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="57" />
      <source>The server did not take the report ({0}), so it was saved on this tablet:</source>
      <translation>The server did not take the report ({0}), so it was saved on this tablet:</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="94" />
      <source>Settings</source>
      <translation>Settings</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="104" />
      <source>Language</source>
      <translation>Language</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="108" />
      <source>This tablet</source>
      <translation>This tablet</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="115" />
      <source>Not set</source>
      <translation>Not set</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="119" />
      <source>App version</source>
      <translation>App version</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="120" />
      <source>Server</source>
      <translation>Server</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="121" />
      <source>Data folder</source>
      <translation>Data folder</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="122" />
      <source>Log file</source>
      <translation>Log file</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="129" />
      <source>Diagnostics</source>
      <translation>Diagnostics</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="131" />
      <source>Sends the app's log and sync state to support, to find out what went wrong. No customer names, phone numbers, cards or passwords are included.</source>
      <translation>Sends the app's log and sync state to support, to find out what went wrong. No customer names, phone numbers, cards or passwords are included.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="140" />
      <source>Send diagnostics</source>
      <translation>Send diagnostics</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="150" />
      <source>Sending</source>
      <translation>Sending</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="164" />
      <source>Saved report</source>
      <translation>Saved report</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="171" />
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="185" />
      <source>Follow the system</source>
      <translation>Follow the system</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="211" />
      <source>Collecting the log and the sync state, then sending them…</source>
      <translation>Collecting the log and the sync state, then sending them…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="235" />
      <source>The report could not be made: {0}</source>
      <translation>The report could not be made: {0}</translation>
    </message>
  </context>
  <context>
    <name>StockScreen</name>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="68" />
      <source>{0} km</source>
      <translation>{0} km</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="70" />
      <source>Open {0}</source>
      <translation>Open {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="72" />
      <source>never synced</source>
      <translation>never synced</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="72" />
      <source>as of {0}</source>
      <translation>as of {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="91" />
      <source>{0} · this store</source>
      <translation>{0} · this store</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="96" />
      <source>{0} available</source>
      <translation>{0} available</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="106" />
      <source>Stock by colour and size at {0}</source>
      <translation>Stock by colour and size at {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="126" />
      <source>{0} held for customers, other stores or sales</source>
      <translation>{0} held for customers, other stores or sales</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="162" />
      <source>{0} at {1}</source>
      <translation>{0} at {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="165" />
      <source>{0} at {1}: {2} available</source>
      <translation>{0} at {1}: {2} available</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="174" />
      <source>The cart's member: {0}</source>
      <translation>The cart's member: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="180" />
      <source>Customer's name</source>
      <translation>Customer's name</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="183" />
      <source>Customer's phone</source>
      <translation>Customer's phone</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="185" />
      <source>Phone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="189" />
      <source>hours</source>
      <translation>hours</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="191" />
      <source>Hold for</source>
      <translation>Hold for</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="196" />
      <source>Quantity</source>
      <translation>Quantity</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="204" />
      <source>Reserve for a customer</source>
      <translation>Reserve for a customer</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="209" />
      <source>Send to this store</source>
      <translation>Send to this store</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="213" />
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="230" />
      <source>Name the customer: a name, a phone or the cart's member.</source>
      <translation>Name the customer: a name, a phone or the cart's member.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="242" />
      <source>Reservation asked at {0} for {1} hours: see the inbox for the answer.</source>
      <translation>Reservation asked at {0} for {1} hours: see the inbox for the answer.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="253" />
      <source>Asked {0} to send {1} here: see the inbox for the answer.</source>
      <translation>Asked {0} to send {1} here: see the inbox for the answer.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="280" />
      <source>None here</source>
      <translation>None here</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="283" />
      <source>{0}: none here. If the customer leaves without it, record it so the manager orders more.</source>
      <translation>{0}: none here. If the customer leaves without it, record it so the manager orders more.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="294" />
      <source>Record lost demand</source>
      <translation>Record lost demand</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="308" />
      <source>Recorded: a customer wanted {0}.</source>
      <translation>Recorded: a customer wanted {0}.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="345" />
      <source>Find a style: name, SKU or colour</source>
      <translation>Find a style: name, SKU or colour</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="346" />
      <source>Search for a style</source>
      <translation>Search for a style</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="356" />
      <source>Styles found</source>
      <translation>Styles found</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="369" />
      <source>Choose a style to see its stock here and nearby</source>
      <translation>Choose a style to see its stock here and nearby</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="378" />
      <source>Inbox</source>
      <translation>Inbox</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="390" />
      <source>Tap a size at another store to reserve it or have it sent here; tap an empty size here to record a lost sale.</source>
      <translation>Tap a size at another store to reserve it or have it sent here; tap an empty size here to record a lost sale.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="429" />
      <source>Looking in every store…</source>
      <translation>Looking in every store…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="433" />
      <source>Stock could not be read: {0}</source>
      <translation>Stock could not be read: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="454" />
      <source>This style is no longer in the catalog.</source>
      <translation>This style is no longer in the catalog.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="460" />
      <source>Live from the server: every store that carries it, nearest first.</source>
      <translation>Live from the server: every store that carries it, nearest first.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="462" />
      <source>Offline: this store and the nearby stores as last synced.</source>
      <translation>Offline: this store and the nearby stores as last synced.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="485" />
      <source>{0}: {1} here.</source>
      <translation>{0}: {1} here.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="492" />
      <source>{0}: none left at {1}.</source>
      <translation>{0}: none left at {1}.</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="527" />
      <source>Inbox · {0} to answer</source>
      <translation>Inbox · {0} to answer</translation>
    </message>
  </context>
  <context>
    <name>SyncIndicator</name>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="35" />
      <source>just now</source>
      <translation>just now</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="37" />
      <source>{0} min ago</source>
      <translation>{0} min ago</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="38" />
      <source>{0} h ago</source>
      <translation>{0} h ago</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="47" />
      <source>{0} waiting, oldest {1}</source>
      <translation>{0} waiting, oldest {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="49" />
      <source>{0} need attention</source>
      <translation>{0} need attention</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="51" />
      <source>Offline</source>
      <translation>Offline</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="53" />
      <source>Log in again to sync</source>
      <translation>Log in again to sync</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="55" />
      <source>Sync error: {0}</source>
      <translation>Sync error: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="57" />
      <source>Syncing {0} of {1}</source>
      <translation>Syncing {0} of {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="61" />
      <source>Up to date · as of {0}, {1}</source>
      <translation>Up to date · as of {0}, {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="63" />
      <source>Connecting…</source>
      <translation>Connecting…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="83" />
      <source>Sync status: {0}</source>
      <translation>Sync status: {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="126" />
      <source>Sync</source>
      <translation>Sync</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="133" />
      <source>Refused by the server:</source>
      <translation>Refused by the server:</translation>
    </message>
  </context>
</TS>
