<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CameraScanner</name>
    <message>
      <location filename="../../app/shopguide/ui/sell/camera_scan.py" line="48" />
      <source>Scan with the camera</source>
      <translation>用摄像头扫描</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/camera_scan.py" line="51" />
      <source>Hold the barcode in front of the camera</source>
      <translation>把条码对准摄像头</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/camera_scan.py" line="55" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/camera_scan.py" line="70" />
      <source>This tablet has no camera.</source>
      <translation>这台平板没有摄像头。</translation>
    </message>
  </context>
  <context>
    <name>CartPanel</name>
    <message>
      <location filename="../../app/shopguide/ui/self_test.py" line="43" />
      <source>Pay</source>
      <translation>收款</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="88" />
      <source>From this store · or another store…</source>
      <translation>本店出货 · 或从其他门店…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="91" />
      <source>to {0} · {1}</source>
      <translation>寄给 {0} · {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="92" />
      <source>Ship from {0}</source>
      <translation>从{0}发货</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="93" />
      <source>Send from {0}</source>
      <translation>从{0}调货</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="101" />
      <source>Ship to the customer from {0}</source>
      <translation>从{0}发货给顾客</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="105" />
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="106" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="107" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="164" />
      <source>Cart</source>
      <translation>购物车</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="171" />
      <source>Park</source>
      <translation>挂单</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="172" />
      <source>Park this cart while the customer tries on</source>
      <translation>顾客试穿时先挂起这个购物车</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="188" />
      <source>Take the member off this cart</source>
      <translation>从这个购物车移除会员</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="196" />
      <source>Cart lines</source>
      <translation>购物车商品</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="213" />
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="227" />
      <source>The member's coupons that fit · tap to use</source>
      <translation>会员可用的优惠券 · 点按使用</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="245" />
      <source>Coupon code</source>
      <translation>优惠券码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="249" />
      <source>Apply</source>
      <translation>使用</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="250" />
      <source>Apply the coupon code</source>
      <translation>使用优惠码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="266" />
      <source>Take payment for this cart</source>
      <translation>为这个购物车收款</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="308" />
      <source>Removed {0}</source>
      <translation>已移除 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="360" />
      <source>Take it from this store's shelf</source>
      <translation>从本店货架取货</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="365" />
      <source>Send from {0} · {1} km · {2} left</source>
      <translation>从{0}调货 · {1} 公里 · 剩 {2} 件</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="378" />
      <source>Ship to the customer from {0} · {1} km</source>
      <translation>从{0}发货给顾客 · {1} 公里</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="384" />
      <source>No nearby store has {0} of these</source>
      <translation>附近门店都没有 {0} 件此商品</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="416" />
      <source>Park cart</source>
      <translation>挂起购物车</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="416" />
      <source>A note to find it again (optional):</source>
      <translation>备注，方便找回（可选）：</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="432" />
      <source>{0} · {1} items · parked {2}</source>
      <translation>{0} · {1} 件 · 挂单于 {2}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="471" />
      <source>Unknown coupon code {0}</source>
      <translation>未知的优惠券码 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="473" />
      <source>The member is not on this tablet yet: member prices after sync.</source>
      <translation>这位会员还不在这台平板上：同步后显示会员价。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="476" />
      <source>Total {0}  (saved {1})</source>
      <translation>合计 {0}（已省 {1}）</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="478" />
      <source>Total {0}</source>
      <translation>合计 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="480" />
      <source>Parked ({0})</source>
      <translation>挂单（{0}）</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="510" />
      <source>Member {0} · not on this tablet yet</source>
      <translation>会员 {0} · 尚未同步到本平板</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="514" />
      <source>Member on this cart: {0}</source>
      <translation>本购物车的会员：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="524" />
      <source>Saves {0} · {1}</source>
      <translation>省 {0} · {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="525" />
      <source>Use coupon {0}</source>
      <translation>使用优惠券 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="549" />
      <source>Change colour or size</source>
      <translation>更换颜色或尺码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="557" />
      <source>One less</source>
      <translation>减一件</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="567" />
      <source>One more</source>
      <translation>加一件</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="578" />
      <source>Remove from cart</source>
      <translation>从购物车移除</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="598" />
      <source>Where this line comes from: {0}</source>
      <translation>此商品的出货地：{0}</translation>
    </message>
  </context>
  <context>
    <name>Checkout</name>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="57" />
      <source>Payment</source>
      <translation>收款</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="70" />
      <source>Payment code for the customer to scan</source>
      <translation>供顾客扫描的付款码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="73" />
      <source>Sending the order…</source>
      <translation>正在发送订单…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="73" />
      <source>Making a payment code…</source>
      <translation>正在生成付款码…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="80" />
      <source>New code</source>
      <translation>新付款码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="85" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="105" />
      <source>Making a new code…</source>
      <translation>正在生成新付款码…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="146" />
      <source>Connection lost: still waiting for the payment…</source>
      <translation>连接中断：仍在等待付款…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="160" />
      <source>Paid {0}</source>
      <translation>已付款 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="162" />
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="166" />
      <source>The code expired before it was paid.</source>
      <translation>付款码在付款前已过期。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="171" />
      <source>Payment declined: {0}</source>
      <translation>付款被拒：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="171" />
      <source>no reason given</source>
      <translation>未说明原因</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="173" />
      <source>Try again</source>
      <translation>重试</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="176" />
      <source>Payment {0}</source>
      <translation>付款 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="201" />
      <source>Checking the code…</source>
      <translation>正在检查付款码…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="203" />
      <source>Scan to pay · valid for {0}:{1:02d}</source>
      <translation>扫码付款 · 有效期 {0}:{1:02d}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="211" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="217" />
      <source>Offline</source>
      <translation>离线</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="229" />
      <source>Recorded offline</source>
      <translation>已离线记录</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="238" />
      <source>Asking the server again…</source>
      <translation>正在重新询问服务器…</translation>
    </message>
  </context>
  <context>
    <name>Inbox</name>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="70" />
      <source>no reason given</source>
      <translation>未说明原因</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="72" />
      <source>Waiting for an answer</source>
      <translation>等待答复</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="73" />
      <source>Confirmed</source>
      <translation>已确认</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="74" />
      <source>Refused: {0}</source>
      <translation>已拒绝：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="75" />
      <source>Expired</source>
      <translation>已过期</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="76" />
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="77" />
      <source>Collected</source>
      <translation>已取货</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="78" />
      <source>Accepted, to be shipped</source>
      <translation>已接受，待发货</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="79" />
      <source>Shipped</source>
      <translation>已发货</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="80" />
      <source>Received</source>
      <translation>已收货</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="81" />
      <source>Queued — sends when online</source>
      <translation>排队中 — 联网后发送</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="82" />
      <source>Not accepted: {0}</source>
      <translation>未被接受：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="86" />
      <source>held until {0}</source>
      <translation>保留至 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="88" />
      <source>not sent yet</source>
      <translation>尚未发送</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="106" />
      <source>Confirm</source>
      <translation>确认</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="107" />
      <source>Refuse</source>
      <translation>拒绝</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="108" />
      <source>Accept</source>
      <translation>接受</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="112" />
      <source>Cancel it</source>
      <translation>取消此请求</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="113" />
      <source>Dismiss</source>
      <translation>忽略</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="121" />
      <source>What</source>
      <translation>内容</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="121" />
      <source>Store</source>
      <translation>门店</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="121" />
      <source>Customer</source>
      <translation>顾客</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="121" />
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="121" />
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="147" />
      <source>Reservation</source>
      <translation>预留</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="147" />
      <source>Transfer</source>
      <translation>调货</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="169" />
      <source>Inbox</source>
      <translation>收件箱</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="178" />
      <source>Requests from other stores</source>
      <translation>其他门店的请求</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="179" />
      <source>Our requests to other stores</source>
      <translation>我们向其他门店的请求</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="180" />
      <source>To answer</source>
      <translation>待答复</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="181" />
      <source>Our requests</source>
      <translation>我们的请求</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="191" />
      <source>Reason (needed to refuse)</source>
      <translation>原因（拒绝时必填）</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="192" />
      <source>Why it is refused or cancelled</source>
      <translation>拒绝或取消的原因</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="205" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="239" />
      <source>To answer ({0})</source>
      <translation>待答复（{0}）</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="240" />
      <source>Our requests ({0})</source>
      <translation>我们的请求（{0}）</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="242" />
      <source>Inbox as of {0}</source>
      <translation>收件箱，截至 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="244" />
      <source>The inbox has not synced yet: showing this tablet's own requests.</source>
      <translation>收件箱尚未同步：只显示本平板自己的请求。</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <location filename="../../app/shopguide/ui/app.py" line="70" />
      <source>This system has no keyring: your login is kept in a file on this tablet that only your user account can read. Log out to remove it.</source>
      <translation>此系统没有钥匙串：您的登录信息保存在本平板上的一个文件中，只有您的用户帐户可以读取。退出登录即可删除。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="28" />
      <source>Cannot reach the server. Check the address and the network.</source>
      <translation>无法连接服务器。请检查地址和网络。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="31" />
      <source>Too many attempts. Wait a few minutes and try again.</source>
      <translation>尝试次数过多。请等几分钟再试。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="33" />
      <source>Wrong username or password.</source>
      <translation>用户名或密码错误。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="53" />
      <source>Log in to ShopGuide</source>
      <translation>登录 ShopGuide</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="63" />
      <source>Server</source>
      <translation>服务器</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="64" />
      <source>Username</source>
      <translation>用户名</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="65" />
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="71" />
      <source>Log in again</source>
      <translation>重新登录</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="75" />
      <source>Your login has expired. Type your password to keep syncing; the cart stays as it is.</source>
      <translation>您的登录已过期。输入密码以继续同步；购物车保持不变。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="92" />
      <source>Log in</source>
      <translation>登录</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="108" />
      <source>Fill in the server, your username and your password.</source>
      <translation>请填写服务器、用户名和密码。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="111" />
      <source>Logging in…</source>
      <translation>正在登录…</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="146" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="152" />
      <source>Log out</source>
      <translation>退出登录</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="179" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="186" />
      <source>Follow the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="306" />
      <source>Sales still waiting</source>
      <translation>还有销售未上传</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="307" />
      <source>{0} sales have not reached the server yet. They stay on this tablet and are sent after the next login. Log out anyway?</source>
      <translation>有 {0} 笔销售尚未到达服务器。它们保留在本平板上，下次登录后发送。仍要退出登录吗？</translation>
    </message>
  </context>
  <context>
    <name>ManagerScreen</name>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="74" />
      <source>1 week</source>
      <translation>1 周</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="74" />
      <source>{0} weeks</source>
      <translation>{0} 周</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="75" />
      <source>1 day</source>
      <translation>1 天</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="75" />
      <source>{0} days</source>
      <translation>{0} 天</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="84" />
      <source>sold {units} in {size} in {period}</source>
      <translation>{period}内 {size} 码售出 {units} 件</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="85" />
      <source>no sales in {size} in {period}</source>
      <translation>{period}内 {size} 码无销售</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="86" />
      <source>{units} more wanted but none here</source>
      <translation>还需要 {units} 件但本店缺货</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="87" />
      <source>have {units}</source>
      <translation>有 {units} 件</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="88" />
      <source>{units} on the way</source>
      <translation>{units} 件在途</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="89" />
      <source>suggest {units}</source>
      <translation>建议 {units} 件</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="90" />
      <source>enough for {period}</source>
      <translation>足够 {period}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="98" />
      <source>, </source>
      <translation>，</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="104" />
      <source>Export CSV</source>
      <translation>导出 CSV</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="104" />
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="191" />
      <source>This month</source>
      <translation>本月</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="191" />
      <source>Last 4 weeks</source>
      <translation>最近 4 周</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="191" />
      <source>Custom</source>
      <translation>自定义</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="192" />
      <source>Period for lost demand and guides</source>
      <translation>缺货需求和导购统计的时间段</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="199" />
      <source>First day</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="200" />
      <source>Last day</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="206" />
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>Style</source>
      <translation>款式</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>Colour</source>
      <translation>颜色</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>Size</source>
      <translation>尺码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>On hand</source>
      <translation>现有</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>Held</source>
      <translation>已预留</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>Available</source>
      <translation>可售</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="221" />
      <source>Sold, 4 weeks</source>
      <translation>4 周销量</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="226" />
      <source>Low stock</source>
      <translation>低库存</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="228" />
      <source>Times</source>
      <translation>次数</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="228" />
      <source>Tapped</source>
      <translation>点按</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="228" />
      <source>Reserved elsewhere</source>
      <translation>他店预留</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="229" />
      <source>Transfer asked</source>
      <translation>已申请调货</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="229" />
      <source>Last</source>
      <translation>最近</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="234" />
      <source>Lost demand</source>
      <translation>缺货需求</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="236" />
      <source>Guide</source>
      <translation>导购</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="236" />
      <source>Orders</source>
      <translation>订单</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="236" />
      <source>Units</source>
      <translation>件数</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="236" />
      <source>Sales</source>
      <translation>销售额</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="236" />
      <source>Commission</source>
      <translation>提成</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="240" />
      <source>Guides</source>
      <translation>导购</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="245" />
      <source>Order</source>
      <translation>订货</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="248" />
      <source>Styles to restock</source>
      <translation>需补货的款式</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="261" />
      <source>Sold</source>
      <translation>已售</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="261" />
      <source>Have</source>
      <translation>现有</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="261" />
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="265" />
      <source>Sizes to restock</source>
      <translation>需补货的尺码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="273" />
      <source>Restock</source>
      <translation>补货</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="305" />
      <source>Reading the store's figures…</source>
      <translation>正在读取门店数据…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="335" />
      <source>Restock from the last 4 weeks' sales and lost demand, for 4 weeks of cover. Lost demand and guides: {0} to {1}.</source>
      <translation>按最近 4 周的销量和缺货需求补货，备足 4 周的量。缺货需求和导购统计：{0} 至 {1}。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="345" />
      <source>The store's figures need the network: try again when online.</source>
      <translation>门店数据需要联网：请在联网后重试。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="347" />
      <source>The figures could not be read: {0}</source>
      <translation>无法读取数据：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="351" />
      <source>Nothing to reorder: every size has enough.</source>
      <translation>无需订货：每个尺码都足够。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="357" />
      <source>{0} · order {1}</source>
      <translation>{0} · 订 {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="361" />
      <source>Sales and stock by size</source>
      <translation>按尺码的销量和库存</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="385" />
      <source>Saved {0}</source>
      <translation>已保存 {0}</translation>
    </message>
  </context>
  <context>
    <name>MemberPanel</name>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="98" />
      <source>No member open</source>
      <translation>未打开会员</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="100" />
      <source>Scan the member code on the customer's phone, or type their phone or card number, to see their card here.</source>
      <translation>扫描顾客手机上的会员码，或输入手机号或卡号，即可在此查看会员卡。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="122" />
      <source>Offline, not verified: this tablet could not check the code with the server. Member prices apply; spending points or coupons waits for the network.</source>
      <translation>离线，未验证：本平板无法向服务器核对此码。会员价适用；使用积分或优惠券需等待联网。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="171" />
      <source>Attach to cart</source>
      <translation>加入购物车</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="174" />
      <source>Put this member on the open cart</source>
      <translation>把这位会员加到当前购物车</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="177" />
      <source>✓ On the open cart</source>
      <translation>✓ 已在当前购物车</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="181" />
      <source>Detach</source>
      <translation>移除</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="182" />
      <source>Take this member off the open cart</source>
      <translation>把这位会员从当前购物车移除</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="200" />
      <source>points to spend</source>
      <translation>可用积分</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="212" />
      <source>Progress to the next tier</source>
      <translation>距下一等级的进度</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="223" />
      <source>Coupons</source>
      <translation>优惠券</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="230" />
      <source>No coupons.</source>
      <translation>没有优惠券。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="233" />
      <source>Recent purchases, all stores</source>
      <translation>最近购买（所有门店）</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="235" />
      <source>Recent purchases</source>
      <translation>最近购买</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="247" />
      <source>Sizes</source>
      <translation>尺码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="250" />
      <source>Sizes by category</source>
      <translation>各品类尺码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="251" />
      <source>Category</source>
      <translation>品类</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="251" />
      <source>Size</source>
      <translation>尺码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="269" />
      <source>No sizes yet: tap “Add a size”, then type the category and the size.</source>
      <translation>还没有尺码：点按“添加尺码”，然后输入品类和尺码。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="273" />
      <source>Add a size</source>
      <translation>添加尺码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="277" />
      <source>Save sizes</source>
      <translation>保存尺码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="285" />
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="288" />
      <source>Note about this member</source>
      <translation>关于这位会员的备注</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="290" />
      <source>Preferences, fittings, what to call them…</source>
      <translation>喜好、试穿情况、如何称呼…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="296" />
      <source>Save note</source>
      <translation>保存备注</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="322" />
      <source>Birthday {0}</source>
      <translation>生日 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="327" />
      <source>Card {0}  ·  Phone {1}</source>
      <translation>卡号 {0}  ·  手机 {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="346" />
      <source>No purchases yet.</source>
      <translation>还没有购买记录。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="348" />
      <source>Recent purchases show when the tablet is online.</source>
      <translation>平板联网时显示最近购买。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="367" />
      <source>{0} member</source>
      <translation>{0}会员</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="368" />
      <source>Progress to the next tier shows when the tablet is online.</source>
      <translation>平板联网时显示距下一等级的进度。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="371" />
      <source>{0} earned in all</source>
      <translation>累计获得 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="375" />
      <source>{0}: the top tier</source>
      <translation>{0}：最高等级</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="381" />
      <source>{0} to {1}</source>
      <translation>距{1}还差 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="477" />
      <source>Sizes saved. They reach the server with the next sync.</source>
      <translation>尺码已保存，下次同步时上传到服务器。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="484" />
      <source>Note saved. It reaches the server with the next sync.</source>
      <translation>备注已保存，下次同步时上传到服务器。</translation>
    </message>
  </context>
  <context>
    <name>MemberProof</name>
    <message>
      <location filename="../../app/shopguide/ui/checkout/member_proof_dialog.py" line="42" />
      <source>Member's code</source>
      <translation>会员验证码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/member_proof_dialog.py" line="46" />
      <source>Coupon {0} is spent from the member's card. Ask the customer to open their member page and read out the 6-digit code.</source>
      <translation>优惠券 {0} 将从会员卡中扣除。请顾客打开会员页面并读出 6 位验证码。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/member_proof_dialog.py" line="57" />
      <source>The member's 6-digit code</source>
      <translation>会员的 6 位验证码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/member_proof_dialog.py" line="67" />
      <source>Use the coupon</source>
      <translation>使用优惠券</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/member_proof_dialog.py" line="71" />
      <source>Back to the cart</source>
      <translation>返回购物车</translation>
    </message>
  </context>
  <context>
    <name>Members</name>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="230" />
      <source>Phone {0} · card …{1}</source>
      <translation>手机 {0} · 卡号 …{1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="274" />
      <source>{0} · until {1}</source>
      <translation>{0} · 有效期至 {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="278" />
      <source>{0} · saves {1}</source>
      <translation>{0} · 省 {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="293" />
      <source>On this cart</source>
      <translation>已用于本购物车</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="295" />
      <source>Usable on this cart</source>
      <translation>本购物车可用</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="297" />
      <source>Valid</source>
      <translation>有效</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="302" />
      <source>Expires today</source>
      <translation>今天到期</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="304" />
      <source>Expires tomorrow</source>
      <translation>明天到期</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="306" />
      <source>Expires in {0} days</source>
      <translation>{0} 天后到期</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="312" />
      <source>Used</source>
      <translation>已使用</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="316" />
      <source>Valid from {0}</source>
      <translation>{0} 起有效</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="323" />
      <source>Expired</source>
      <translation>已过期</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="349" />
      <source>{0} {1} × {2} · {3} · {4}</source>
      <translation>{0} {1} × {2} · {3} · {4}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="33" />
      <source>Classic</source>
      <translation>普卡</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="34" />
      <source>Silver</source>
      <translation>银卡</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="35" />
      <source>Gold</source>
      <translation>金卡</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="36" />
      <source>Platinum</source>
      <translation>白金卡</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="41" />
      <source>{0} points</source>
      <translation>{0} 积分</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="54" />
      <source>No network, and this member is not on this tablet (members of other stores need the network). Ask for their phone number, or try again when online.</source>
      <translation>没有网络，而这位会员不在本平板上（其他门店的会员需要联网）。请询问其手机号，或联网后再试。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="59" />
      <source>No member has card {0}.</source>
      <translation>没有卡号为 {0} 的会员。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="61" />
      <source>Not saved: {0}</source>
      <translation>未保存：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="63" />
      <source>Log in again to look up members.</source>
      <translation>请重新登录以查询会员。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="65" />
      <source>The tablet's copy of the store's data was rebuilt; try again in a moment.</source>
      <translation>本平板的门店数据副本已重建；请稍后再试。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="72" />
      <source>Online · as of {0}</source>
      <translation>在线 · 截至 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="74" />
      <source>Offline · from this tablet, never synced</source>
      <translation>离线 · 来自本平板，从未同步</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="75" />
      <source>Offline · as of last sync {0}</source>
      <translation>离线 · 截至上次同步 {0}</translation>
    </message>
  </context>
  <context>
    <name>MembersScreen</name>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="72" />
      <source>Members</source>
      <translation>会员</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="90" />
      <source>{0} ({1}, {2}) is on this cart: member prices apply.</source>
      <translation>{0}（{1}，{2}）已在本购物车：会员价适用。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="94" />
      <source>Offline, not verified.</source>
      <translation>离线，未验证。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="133" />
      <source>Phone, card number or scan the member's code</source>
      <translation>手机号、卡号或扫描会员码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="140" />
      <source>Phone or card number</source>
      <translation>手机号或卡号</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="141" />
      <source>Find a member by phone, card number or member code</source>
      <translation>按手机号、卡号或会员码查找会员</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="146" />
      <source>Find</source>
      <translation>查找</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="151" />
      <source>Scan a picture</source>
      <translation>扫描图片</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="152" />
      <source>Read a member code from a picture</source>
      <translation>从图片读取会员码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="156" />
      <source>Camera</source>
      <translation>摄像头</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="157" />
      <source>Scan the member code with the camera</source>
      <translation>用摄像头扫描会员码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="170" />
      <source>Members found</source>
      <translation>找到的会员</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="177" />
      <source>Ask the customer to open their member page: its code changes every minute, so a screenshot will not do. No phone? Their phone number or card number works too.</source>
      <translation>请顾客打开会员页面：会员码每分钟变化，截图无效。没有手机？手机号或卡号也可以。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="226" />
      <source>Type the whole phone number or card number.</source>
      <translation>请输入完整的手机号或卡号。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="228" />
      <source>Looking up…</source>
      <translation>正在查找…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="234" />
      <source>That is a product barcode: scan it on the Sell screen.</source>
      <translation>这是商品条码：请在销售页面扫描。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="236" />
      <source>Checking the member code…</source>
      <translation>正在检查会员码…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="240" />
      <source>Opening the member…</source>
      <translation>正在打开会员…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="248" />
      <source>{0} is on the open cart: member prices apply.</source>
      <translation>{0} 已在当前购物车：会员价适用。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="255" />
      <source>No member code found in that picture.</source>
      <translation>图片中没有找到会员码。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="267" />
      <source>Hold the member code on the customer's phone in front of the camera</source>
      <translation>把顾客手机上的会员码对准摄像头</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="299" />
      <source>No network: shown from this tablet's copy of the members.</source>
      <translation>没有网络：显示的是本平板上的会员副本。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="332" />
      <source>No member of this store has this phone or card number (offline).</source>
      <translation>本店没有会员使用这个手机号或卡号（离线）。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="334" />
      <source>No member has this phone or card number.</source>
      <translation>没有会员使用这个手机号或卡号。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="340" />
      <source>{0} members share this number: choose one.</source>
      <translation>{0} 位会员共用这个号码：请选择一位。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="380" />
      <source>Coupon {0} is on the open cart.</source>
      <translation>优惠券 {0} 已在当前购物车。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="398" />
      <source>Picture of a member code</source>
      <translation>会员码图片</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="398" />
      <source>Pictures (*.png *.jpg *.jpeg *.bmp)</source>
      <translation>图片 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
  </context>
  <context>
    <name>OfflinePanel</name>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="36" />
      <source>cash</source>
      <translation>现金</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="37" />
      <source>card terminal</source>
      <translation>刷卡机</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="38" />
      <source>store QR, payment unverified</source>
      <translation>门店二维码，付款未验证</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="61" />
      <source>No connection to the server. The order is saved on this tablet and will be sent when the connection returns. Close the sale another way:</source>
      <translation>无法连接服务器。订单已保存在本平板上，连接恢复后发送。请用其他方式完成这笔销售：</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="70" />
      <source>The store's payment code, not yet verified</source>
      <translation>门店收款码，尚未验证</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="74" />
      <source>PAYMENT UNVERIFIED until the server hears from the bank. Check that the customer's phone shows it paid to this store.</source>
      <translation>付款未验证，直到服务器收到银行通知。请确认顾客手机显示已付款给本店。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="84" />
      <source>Cash received</source>
      <translation>已收现金</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="86" />
      <source>Card terminal</source>
      <translation>刷卡机</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="88" />
      <source>Try online again</source>
      <translation>重新尝试在线</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="90" />
      <source>Show the store's QR</source>
      <translation>显示门店二维码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="93" />
      <source>Customer has paid (unverified)</source>
      <translation>顾客已付款（未验证）</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="110" />
      <source>{0}. Take cash or use the card terminal.</source>
      <translation>{0}。请收取现金或使用刷卡机。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="127" />
      <source>Did you receive {0} in cash?</source>
      <translation>您收到 {0} 现金了吗？</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="128" />
      <source>Did the card terminal approve {0}?</source>
      <translation>刷卡机批准了 {0} 吗？</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="129" />
      <source>Does the customer's phone show {0} paid to this store? The payment stays unverified until the server confirms it.</source>
      <translation>顾客手机是否显示已向本店付款 {0}？在服务器确认之前，该付款保持未验证状态。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="134" />
      <source>Confirm payment</source>
      <translation>确认付款</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="151" />
      <source>Recorded as {0}. It will be sent to the server when the connection returns.</source>
      <translation>已记录为{0}。连接恢复后将发送到服务器。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="158" />
      <source>Could not record the payment: {0}</source>
      <translation>无法记录付款：{0}</translation>
    </message>
  </context>
  <context>
    <name>OrdersScreen</name>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="71" />
      <source>no reason given</source>
      <translation>未说明原因</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="73" />
      <source>Queued — will send when online</source>
      <translation>排队中 — 联网后发送</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="74" />
      <source>Sent — payment shown when online</source>
      <translation>已发送 — 联网时显示付款</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="75" />
      <source>Awaiting payment</source>
      <translation>等待付款</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="76" />
      <source>Paid</source>
      <translation>已付款</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="77" />
      <source>Paid — cash</source>
      <translation>已付款 — 现金</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="78" />
      <source>Paid — card terminal</source>
      <translation>已付款 — 刷卡机</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="79" />
      <source>Payment unverified</source>
      <translation>付款未验证</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="80" />
      <source>Declined: {0}</source>
      <translation>被拒：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="81" />
      <source>Code expired</source>
      <translation>付款码已过期</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="82" />
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="83" />
      <source>Refunded</source>
      <translation>已退款</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="84" />
      <source>Refund needed: {0}</source>
      <translation>需要退款：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="85" />
      <source>Refused: {0}</source>
      <translation>已拒绝：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="105" />
      <source>waiting for the customer</source>
      <translation>等待顾客付款</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="106" />
      <source>paid</source>
      <translation>已付款</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="107" />
      <source>recorded by the guide</source>
      <translation>由导购记录</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="108" />
      <source>unverified</source>
      <translation>未验证</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="109" />
      <source>declined: {0}</source>
      <translation>被拒：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="110" />
      <source>code expired</source>
      <translation>付款码已过期</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="111" />
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="112" />
      <source>refunded</source>
      <translation>已退款</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="113" />
      <source>refused: {0}</source>
      <translation>已拒绝：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="116" />
      <source>refund needed: {0}</source>
      <translation>需要退款：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="118" />
      <source>on this tablet, not sent yet</source>
      <translation>在本平板上，尚未发送</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="124" />
      <source>Store QR</source>
      <translation>门店二维码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="140" />
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="141" />
      <source>Order</source>
      <translation>订单</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="142" />
      <source>Items</source>
      <translation>商品</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="143" />
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="144" />
      <source>Guide</source>
      <translation>导购</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="145" />
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="261" />
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="264" />
      <source>Refresh the orders</source>
      <translation>刷新订单</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="273" />
      <source>Orders</source>
      <translation>订单</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="290" />
      <source>Show older orders</source>
      <translation>显示更早的订单</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="324" />
      <source>The order's lines</source>
      <translation>订单商品</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="339" />
      <source>The order's payments</source>
      <translation>订单付款</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="347" />
      <source>Retry payment</source>
      <translation>重新付款</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="350" />
      <source>Show a new payment code for this order</source>
      <translation>为这个订单显示新的付款码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="353" />
      <source>Receipt</source>
      <translation>小票</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="355" />
      <source>Show the receipt for the customer</source>
      <translation>给顾客显示小票</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="405" />
      <source>Could not read the orders: {0}</source>
      <translation>无法读取订单：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="416" />
      <source>Offline — showing the orders on this tablet only</source>
      <translation>离线 — 只显示本平板上的订单</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="419" />
      <source>Offline — the server's orders as of {0}</source>
      <translation>离线 — 服务器订单截至 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="422" />
      <source>As of {0}</source>
      <translation>截至 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="451" />
      <source>Could not read older orders: {0}</source>
      <translation>无法读取更早的订单：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="497" />
      <source>Could not read the order: {0}</source>
      <translation>无法读取该订单：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="508" />
      <source>No order chosen</source>
      <translation>未选择订单</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="511" />
      <source>Choose an order to see its lines and payments.</source>
      <translation>选择一个订单，查看其商品和付款。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="515" />
      <source>Order {0}</source>
      <translation>订单 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="532" />
      <source>Total {0}</source>
      <translation>合计 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="539" />
      <source>No payment yet.</source>
      <translation>尚未付款。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="559" />
      <source>Could not make the receipt: {0}</source>
      <translation>无法生成小票：{0}</translation>
    </message>
  </context>
  <context>
    <name>Pricing</name>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="31" />
      <source>{tier} member price on {item}: -{amount}</source>
      <translation>{item} 享{tier}会员价：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="32" />
      <source>{promotion}: {items} together for {price}: -{amount}</source>
      <translation>{promotion}：{items} 合买 {price}：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="33" />
      <source>{promotion}: {item} (cheapest) free: -{amount}</source>
      <translation>{promotion}：{item}（最便宜的一件）免费：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="34" />
      <source>{promotion} ({percent} off) on {item}: -{amount}</source>
      <translation>{promotion}（{item} 减 {percent}）：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="35" />
      <source>{promotion} ({off} off every {threshold} spent): -{amount}</source>
      <translation>{promotion}（每满 {threshold} 减 {off}）：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="36" />
      <source>{promotion} ({off} off over {threshold}): -{amount}</source>
      <translation>{promotion}（满 {threshold} 减 {off}）：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="37" />
      <source>Coupon {code} ({benefit} off): -{amount}</source>
      <translation>优惠券 {code}（减 {benefit}）：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="38" />
      <source>Coupon {code} ({benefit} off over {min_spend}): -{amount}</source>
      <translation>优惠券 {code}（满 {min_spend} 减 {benefit}）：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="39" />
      <source>Coupon {code} is listed twice; it counts once</source>
      <translation>优惠券 {code} 重复添加，只计一次</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="40" />
      <source>Coupon {code} not applied: it has already been used</source>
      <translation>优惠券 {code} 未使用：已被用过</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="41" />
      <source>Coupon {code} not applied: valid from {valid_from}</source>
      <translation>优惠券 {code} 未使用：{valid_from} 起有效</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="42" />
      <source>Coupon {code} not applied: expired on {valid_to}</source>
      <translation>优惠券 {code} 未使用：已于 {valid_to} 过期</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="43" />
      <source>Coupon {code} not applied: not applicable to these items</source>
      <translation>优惠券 {code} 未使用：不适用于这些商品</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="46" />
      <source>Coupon {code} not applied: needs {min_spend} on eligible items, the cart has {eligible}</source>
      <translation>优惠券 {code} 未使用：适用商品需满 {min_spend}，购物车中为 {eligible}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="49" />
      <source>Coupon {code} not applied: one coupon per order, and {applied} saves the most</source>
      <translation>优惠券 {code} 未使用：每单限用一张，{applied} 最划算</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="54" />
      <source>{promotion}: {items} as {count} bundles for {price} each: -{amount}</source>
      <translation>{promotion}：{items} 组成 {count} 组，每组 {price}：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="55" />
      <source>{promotion}: {count} x {item} (cheapest) free: -{amount}</source>
      <translation>{promotion}：{count} 件 {item}（最便宜的）免费：-{amount}</translation>
    </message>
  </context>
  <context>
    <name>ProductDetail</name>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="53" />
      <source>{0}, {1}: not made</source>
      <translation>{0}，{1}：无此款</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="55" />
      <source>none in stock</source>
      <translation>无库存</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="56" />
      <source>{0} in stock, low</source>
      <translation>库存 {0}，偏低</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="57" />
      <source>{0} in stock</source>
      <translation>库存 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="59" />
      <source>{0}, {1}: {2}</source>
      <translation>{0}，{1}：{2}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="83" />
      <source>No photo yet</source>
      <translation>暂无照片</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="106" />
      <source>Stock by colour and size in this store</source>
      <translation>本店各颜色和尺码的库存</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="113" />
      <source>Add to cart</source>
      <translation>加入购物车</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="122" />
      <source>Tap a size to see nearby stores</source>
      <translation>点按尺码查看附近门店</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="126" />
      <source>Nearby stores with this size</source>
      <translation>有此尺码的附近门店</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="144" />
      <source>This product is no longer in the catalog.</source>
      <translation>此商品已不在商品目录中。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="149" />
      <source>Price {0}</source>
      <translation>价格 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="157" />
      <source>Stock here as of {0}</source>
      <translation>本店库存，截至 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="158" />
      <source>never synced</source>
      <translation>从未同步</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="175" />
      <source>{0} held by sales not yet synced</source>
      <translation>{0} 件被尚未同步的销售占用</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="195" />
      <source>{0} in {1}: nearby stores</source>
      <translation>{0} {1} 码：附近门店</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="207" />
      <source>{0} · {1} km · {2} in stock</source>
      <translation>{0} · {1} 公里 · 有货 {2}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="212" />
      <source>No nearby store has this size.</source>
      <translation>附近门店都没有这个尺码。</translation>
    </message>
  </context>
  <context>
    <name>Receipt</name>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="48" />
      <source>Wallet</source>
      <translation>电子钱包</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="49" />
      <source>QR payment</source>
      <translation>二维码支付</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="50" />
      <source>Alipay</source>
      <translation>支付宝</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="51" />
      <source>Cash</source>
      <translation>现金</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="52" />
      <source>Card terminal</source>
      <translation>刷卡机</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="66" />
      <source>shipped to customer from {0}</source>
      <translation>由{0}发货给顾客</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="67" />
      <source>sent from {0}</source>
      <translation>由{0}发出</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="79" />
      <source>Receipt · order {0}</source>
      <translation>小票 · 订单 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="81" />
      <source>Total {0}</source>
      <translation>合计 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="82" />
      <source>Paid by {0} {1}</source>
      <translation>{0}支付 {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="130" />
      <source>What the customer bought</source>
      <translation>顾客购买的商品</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="136" />
      <source>Paid by {0}</source>
      <translation>{0}支付</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="144" />
      <source>Receipt code for the customer to scan and keep</source>
      <translation>供顾客扫描保存的小票码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="146" />
      <source>Scan to keep your receipt</source>
      <translation>扫码保存您的小票</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="149" />
      <source>Save PDF</source>
      <translation>保存 PDF</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="150" />
      <source>Save the receipt as a PDF file</source>
      <translation>将小票保存为 PDF 文件</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="191" />
      <source>Save receipt</source>
      <translation>保存小票</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="193" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="207" />
      <source>Saved to {0}</source>
      <translation>已保存到 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="211" />
      <source>Could not save the receipt: {0}</source>
      <translation>无法保存小票：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="227" />
      <source>Receipt {0}</source>
      <translation>小票 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="261" />
      <source>Receipt</source>
      <translation>小票</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="268" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>Screens</name>
    <message>
      <location filename="../../app/shopguide/ui/screens.py" line="71" />
      <source>Change to this colour and size</source>
      <translation>换成这个颜色和尺码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/screens.py" line="189" />
      <source>Sell</source>
      <translation>销售</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/screens.py" line="191" />
      <source>Orders</source>
      <translation>订单</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/screens.py" line="192" />
      <source>Stock</source>
      <translation>库存</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/screens.py" line="193" />
      <source>Manager</source>
      <translation>店长</translation>
    </message>
  </context>
  <context>
    <name>SearchResults</name>
    <message>
      <location filename="../../app/shopguide/ui/sell/search_model.py" line="141" />
      <source>size</source>
      <translation>尺码</translation>
    </message>
  </context>
  <context>
    <name>SellScreen</name>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="84" />
      <source>Search by name, SKU, colour or scan a barcode</source>
      <translation>按名称、货号、颜色搜索或扫描条码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="85" />
      <source>Search the catalog</source>
      <translation>搜索商品目录</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="90" />
      <source>Scan a picture</source>
      <translation>扫描图片</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="91" />
      <source>Read a barcode from a picture</source>
      <translation>从图片读取条码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="95" />
      <source>Camera</source>
      <translation>摄像头</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="96" />
      <source>Scan a barcode with the camera</source>
      <translation>用摄像头扫描条码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="112" />
      <source>Search results</source>
      <translation>搜索结果</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="150" />
      <source>More than {0} matches: keep typing</source>
      <translation>超过 {0} 个结果：请继续输入</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="152" />
      <source>Nothing matches “{0}”</source>
      <translation>没有与“{0}”匹配的结果</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="154" />
      <source>{0} matches</source>
      <translation>{0} 个结果</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="204" />
      <source>Picture of a barcode</source>
      <translation>条码图片</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="204" />
      <source>Pictures (*.png *.jpg *.jpeg *.bmp)</source>
      <translation>图片 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="217" />
      <source>No barcode or member code found in that picture</source>
      <translation>图片中没有找到条码或会员码</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="223" />
      <source>No product with barcode {0}</source>
      <translation>没有条码为 {0} 的商品</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="51" />
      <source>Sent to the server as report {0} ({1} KB). Thank you.</source>
      <translation>已发送到服务器，报告编号 {0}（{1} KB）。谢谢。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="54" />
      <source>The server cannot be reached, so the report was saved on this tablet:</source>
      <translation>无法连接服务器，报告已保存在本平板上：</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="56" />
      <source>This tablet is not logged in, so the report was saved on this tablet:</source>
      <translation>本平板尚未登录，报告已保存在本平板上：</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="57" />
      <source>The server did not take the report ({0}), so it was saved on this tablet:</source>
      <translation>服务器未接收报告（{0}），报告已保存在本平板上：</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="94" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="104" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="108" />
      <source>This tablet</source>
      <translation>本平板</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="115" />
      <source>Not set</source>
      <translation>未设置</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="119" />
      <source>App version</source>
      <translation>应用版本</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="120" />
      <source>Server</source>
      <translation>服务器</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="121" />
      <source>Data folder</source>
      <translation>数据文件夹</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="122" />
      <source>Log file</source>
      <translation>日志文件</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="129" />
      <source>Diagnostics</source>
      <translation>诊断</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="131" />
      <source>Sends the app's log and sync state to support, to find out what went wrong. No customer names, phone numbers, cards or passwords are included.</source>
      <translation>将应用日志和同步状态发送给技术支持，以便查明问题。不包含任何顾客姓名、电话号码、会员卡号或密码。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="140" />
      <source>Send diagnostics</source>
      <translation>发送诊断信息</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="150" />
      <source>Sending</source>
      <translation>正在发送</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="164" />
      <source>Saved report</source>
      <translation>已保存的报告</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="171" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="185" />
      <source>Follow the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="211" />
      <source>Collecting the log and the sync state, then sending them…</source>
      <translation>正在收集日志和同步状态，然后发送…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="235" />
      <source>The report could not be made: {0}</source>
      <translation>无法生成报告：{0}</translation>
    </message>
  </context>
  <context>
    <name>StockScreen</name>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="68" />
      <source>{0} km</source>
      <translation>{0} 公里</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="70" />
      <source>Open {0}</source>
      <translation>营业时间 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="72" />
      <source>never synced</source>
      <translation>从未同步</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="72" />
      <source>as of {0}</source>
      <translation>截至 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="91" />
      <source>{0} · this store</source>
      <translation>{0} · 本店</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="96" />
      <source>{0} available</source>
      <translation>可售 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="106" />
      <source>Stock by colour and size at {0}</source>
      <translation>{0} 各颜色和尺码的库存</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="126" />
      <source>{0} held for customers, other stores or sales</source>
      <translation>{0} 件已为顾客、其他门店或销售预留</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="162" />
      <source>{0} at {1}</source>
      <translation>{1} 的 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="165" />
      <source>{0} at {1}: {2} available</source>
      <translation>{1} 的 {0}：可售 {2}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="174" />
      <source>The cart's member: {0}</source>
      <translation>购物车的会员：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="180" />
      <source>Customer's name</source>
      <translation>顾客姓名</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="183" />
      <source>Customer's phone</source>
      <translation>顾客电话</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="185" />
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="189" />
      <source>hours</source>
      <translation>小时</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="191" />
      <source>Hold for</source>
      <translation>保留时长</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="196" />
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="204" />
      <source>Reserve for a customer</source>
      <translation>为顾客预留</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="209" />
      <source>Send to this store</source>
      <translation>调到本店</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="213" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="230" />
      <source>Name the customer: a name, a phone or the cart's member.</source>
      <translation>请填写顾客：姓名、电话或购物车的会员。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="242" />
      <source>Reservation asked at {0} for {1} hours: see the inbox for the answer.</source>
      <translation>已向 {0} 申请预留 {1} 小时：答复请看收件箱。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="253" />
      <source>Asked {0} to send {1} here: see the inbox for the answer.</source>
      <translation>已请 {0} 调 {1} 到本店：答复请看收件箱。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="280" />
      <source>None here</source>
      <translation>本店无货</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="283" />
      <source>{0}: none here. If the customer leaves without it, record it so the manager orders more.</source>
      <translation>{0}：本店无货。如果顾客没买到就离开，请记录下来，以便店长补货。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="294" />
      <source>Record lost demand</source>
      <translation>记录缺货需求</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="308" />
      <source>Recorded: a customer wanted {0}.</source>
      <translation>已记录：有顾客想要 {0}。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="345" />
      <source>Find a style: name, SKU or colour</source>
      <translation>查找款式：名称、货号或颜色</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="346" />
      <source>Search for a style</source>
      <translation>搜索款式</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="356" />
      <source>Styles found</source>
      <translation>找到的款式</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="369" />
      <source>Choose a style to see its stock here and nearby</source>
      <translation>选择一个款式，查看本店和附近的库存</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="378" />
      <source>Inbox</source>
      <translation>收件箱</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="390" />
      <source>Tap a size at another store to reserve it or have it sent here; tap an empty size here to record a lost sale.</source>
      <translation>点按其他门店的尺码可预留或调到本店；点按本店缺货的尺码可记录一次流失的销售。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="429" />
      <source>Looking in every store…</source>
      <translation>正在查询所有门店…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="433" />
      <source>Stock could not be read: {0}</source>
      <translation>无法读取库存：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="454" />
      <source>This style is no longer in the catalog.</source>
      <translation>此款式已不在商品目录中。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="460" />
      <source>Live from the server: every store that carries it, nearest first.</source>
      <translation>来自服务器的实时数据：所有有售门店，由近到远。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="462" />
      <source>Offline: this store and the nearby stores as last synced.</source>
      <translation>离线：本店和附近门店，截至上次同步。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="485" />
      <source>{0}: {1} here.</source>
      <translation>{0}：本店有 {1} 件。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="492" />
      <source>{0}: none left at {1}.</source>
      <translation>{0}：{1} 已无货。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="527" />
      <source>Inbox · {0} to answer</source>
      <translation>收件箱 · {0} 条待答复</translation>
    </message>
  </context>
  <context>
    <name>SyncIndicator</name>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="35" />
      <source>just now</source>
      <translation>刚刚</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="37" />
      <source>{0} min ago</source>
      <translation>{0} 分钟前</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="38" />
      <source>{0} h ago</source>
      <translation>{0} 小时前</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="47" />
      <source>{0} waiting, oldest {1}</source>
      <translation>{0} 条待发送，最早 {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="49" />
      <source>{0} need attention</source>
      <translation>{0} 条需要处理</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="51" />
      <source>Offline</source>
      <translation>离线</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="53" />
      <source>Log in again to sync</source>
      <translation>请重新登录以同步</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="55" />
      <source>Sync error: {0}</source>
      <translation>同步错误：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="57" />
      <source>Syncing {0} of {1}</source>
      <translation>正在同步 {0}/{1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="61" />
      <source>Up to date · as of {0}, {1}</source>
      <translation>已是最新 · 截至 {0}，{1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="63" />
      <source>Connecting…</source>
      <translation>正在连接…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="83" />
      <source>Sync status: {0}</source>
      <translation>同步状态：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="126" />
      <source>Sync</source>
      <translation>同步</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="133" />
      <source>Refused by the server:</source>
      <translation>服务器拒绝：</translation>
    </message>
  </context>
</TS>
