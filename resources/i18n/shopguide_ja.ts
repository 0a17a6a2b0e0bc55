<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
  <context>
    <name>CameraScanner</name>
    <message>
      <location filename="../../app/shopguide/ui/sell/camera_scan.py" line="48" />
      <source>Scan with the camera</source>
      <translation>カメラでスキャン</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/camera_scan.py" line="51" />
      <source>Hold the barcode in front of the camera</source>
      <translation>バーコードをカメラにかざしてください</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/camera_scan.py" line="55" />
      <source>Cancel</source>
      <translation>キャンセル</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/camera_scan.py" line="70" />
      <source>This tablet has no camera.</source>
      <translation>このタブレットにはカメラがありません。</translation>
    </message>
  </context>
  <context>
    <name>CartPanel</name>
    <message>
      <location filename="../../app/shopguide/ui/self_test.py" line="43" />
      <source>Pay</source>
      <translation>お支払い</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="88" />
      <source>From this store · or another store…</source>
      <translation>この店舗から · または他店から…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="91" />
      <source>to {0} · {1}</source>
      <translation>{0} 様宛 · {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="92" />
      <source>Ship from {0}</source>
      <translation>{0}から発送</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="93" />
      <source>Send from {0}</source>
      <translation>{0}から取り寄せ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="101" />
      <source>Ship to the customer from {0}</source>
      <translation>{0}からお客様へ発送</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="105" />
      <source>Name</source>
      <translation>お名前</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="106" />
      <source>Phone</source>
      <translation>電話番号</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="107" />
      <source>Address</source>
      <translation>住所</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="164" />
      <source>Cart</source>
      <translation>カート</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="171" />
      <source>Park</source>
      <translation>保留</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="172" />
      <source>Park this cart while the customer tries on</source>
      <translation>お客様の試着中、このカートを保留します</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="188" />
      <source>Take the member off this cart</source>
      <translation>このカートから会員を外す</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="196" />
      <source>Cart lines</source>
      <translation>カートの商品</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="213" />
      <source>Undo</source>
      <translation>元に戻す</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="227" />
      <source>The member's coupons that fit · tap to use</source>
      <translation>会員が使えるクーポン · タップで使用</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="245" />
      <source>Coupon code</source>
      <translation>クーポンコード</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="249" />
      <source>Apply</source>
      <translation>適用</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="250" />
      <source>Apply the coupon code</source>
      <translation>クーポンコードを適用</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="266" />
      <source>Take payment for this cart</source>
      <translation>このカートのお支払いを受け付ける</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="308" />
      <source>Removed {0}</source>
      <translation>{0} を削除しました</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="360" />
      <source>Take it from this store's shelf</source>
      <translation>この店舗の棚から</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="365" />
      <source>Send from {0} · {1} km · {2} left</source>
      <translation>{0}から取り寄せ · {1} km · 残り {2} 点</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="378" />
      <source>Ship to the customer from {0} · {1} km</source>
      <translation>{0}からお客様へ発送 · {1} km</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="384" />
      <source>No nearby store has {0} of these</source>
      <translation>近くの店舗にこの商品が {0} 点ありません</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="416" />
      <source>Park cart</source>
      <translation>カートを保留</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="416" />
      <source>A note to find it again (optional):</source>
      <translation>あとで見つけるためのメモ（任意）：</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="432" />
      <source>{0} · {1} items · parked {2}</source>
      <translation>{0} · {1} 点 · {2} に保留</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="471" />
      <source>Unknown coupon code {0}</source>
      <translation>不明なクーポンコード {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="473" />
      <source>The member is not on this tablet yet: member prices after sync.</source>
      <translation>この会員はまだこのタブレットにいません：同期後に会員価格になります。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="476" />
      <source>Total {0}  (saved {1})</source>
      <translation>合計 {0}（{1} お得）</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="478" />
      <source>Total {0}</source>
      <translation>合計 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="480" />
      <source>Parked ({0})</source>
      <translation>保留中（{0}）</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="510" />
      <source>Member {0} · not on this tablet yet</source>
      <translation>会員 {0} · まだこのタブレットにいません</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="514" />
      <source>Member on this cart: {0}</source>
      <translation>このカートの会員：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="524" />
      <source>Saves {0} · {1}</source>
      <translation>{0} お得 · {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="525" />
      <source>Use coupon {0}</source>
      <translation>クーポン {0} を使う</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="549" />
      <source>Change colour or size</source>
      <translation>色やサイズを変更</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="557" />
      <source>One less</source>
      <translation>1点減らす</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="567" />
      <source>One more</source>
      <translation>1点増やす</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="578" />
      <source>Remove from cart</source>
      <translation>カートから削除</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/cart_panel.py" line="598" />
      <source>Where this line comes from: {0}</source>
      <translation>この商品の出荷元：{0}</translation>
    </message>
  </context>
  <context>
    <name>Checkout</name>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="57" />
      <source>Payment</source>
      <translation>お支払い</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="70" />
      <source>Payment code for the customer to scan</source>
      <translation>お客様がスキャンする支払いコード</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="73" />
      <source>Sending the order…</source>
      <translation>注文を送信中…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="73" />
      <source>Making a payment code…</source>
      <translation>支払いコードを作成中…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="80" />
      <source>New code</source>
      <translation>新しいコード</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="85" />
      <source>Cancel</source>
      <translation>キャンセル</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="105" />
      <source>Making a new code…</source>
      <translation>新しいコードを作成中…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="146" />
      <source>Connection lost: still waiting for the payment…</source>
      <translation>接続が切れました：お支払いを引き続き待っています…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="160" />
      <source>Paid {0}</source>
      <translation>{0} 支払い済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="162" />
      <source>Done</source>
      <translation>完了</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="166" />
      <source>The code expired before it was paid.</source>
      <translation>支払い前にコードの有効期限が切れました。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="171" />
      <source>Payment declined: {0}</source>
      <translation>お支払いが拒否されました：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="171" />
      <source>no reason given</source>
      <translation>理由の記載なし</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="173" />
      <source>Try again</source>
      <translation>もう一度</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="176" />
      <source>Payment {0}</source>
      <translation>お支払い {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="201" />
      <source>Checking the code…</source>
      <translation>コードを確認中…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="203" />
      <source>Scan to pay · valid for {0}:{1:02d}</source>
      <translation>スキャンしてお支払い · 残り {0}:{1:02d}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="211" />
      <source>Close</source>
      <translation>閉じる</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="217" />
      <source>Offline</source>
      <translation>オフライン</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="229" />
      <source>Recorded offline</source>
      <translation>オフラインで記録済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/checkout_dialog.py" line="238" />
      <source>Asking the server again…</source>
      <translation>サーバーに再確認中…</translation>
    </message>
  </context>
  <context>
    <name>Inbox</name>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="70" />
      <source>no reason given</source>
      <translation>理由の記載なし</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="72" />
      <source>Waiting for an answer</source>
      <translation>回答待ち</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="73" />
      <source>Confirmed</source>
      <translation>確定</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="74" />
      <source>Refused: {0}</source>
      <translation>断られました：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="75" />
      <source>Expired</source>
      <translation>期限切れ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="76" />
      <source>Cancelled</source>
      <translation>キャンセル済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="77" />
      <source>Collected</source>
      <translation>受け取り済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="78" />
      <source>Accepted, to be shipped</source>
      <translation>受付済み、発送待ち</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="79" />
      <source>Shipped</source>
      <translation>発送済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="80" />
      <source>Received</source>
      <translation>受領済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="81" />
      <source>Queued — sends when online</source>
      <translation>送信待ち — オンラインで送信</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="82" />
      <source>Not accepted: {0}</source>
      <translation>受け付けられませんでした：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="86" />
      <source>held until {0}</source>
      <translation>{0} まで取り置き</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="88" />
      <source>not sent yet</source>
      <translation>未送信</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="106" />
      <source>Confirm</source>
      <translation>確定</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="107" />
      <source>Refuse</source>
      <translation>断る</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="108" />
      <source>Accept</source>
      <translation>受け付ける</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="112" />
      <source>Cancel it</source>
      <translation>取り消す</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="113" />
      <source>Dismiss</source>
      <translation>閉じる</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="121" />
      <source>What</source>
      <translation>内容</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="121" />
      <source>Store</source>
      <translation>店舗</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="121" />
      <source>Customer</source>
      <translation>お客様</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="121" />
      <source>State</source>
      <translation>状態</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="121" />
      <source>When</source>
      <translation>日時</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="147" />
      <source>Reservation</source>
      <translation>取り置き</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="147" />
      <source>Transfer</source>
      <translation>店間移動</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="169" />
      <source>Inbox</source>
      <translation>受信箱</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="178" />
      <source>Requests from other stores</source>
      <translation>他店からの依頼</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="179" />
      <source>Our requests to other stores</source>
      <translation>他店への依頼</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="180" />
      <source>To answer</source>
      <translation>要回答</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="181" />
      <source>Our requests</source>
      <translation>こちらの依頼</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="191" />
      <source>Reason (needed to refuse)</source>
      <translation>理由（断る場合は必須）</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="192" />
      <source>Why it is refused or cancelled</source>
      <translation>断る・取り消す理由</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="205" />
      <source>Close</source>
      <translation>閉じる</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="239" />
      <source>To answer ({0})</source>
      <translation>要回答（{0}）</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="240" />
      <source>Our requests ({0})</source>
      <translation>こちらの依頼（{0}）</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="242" />
      <source>Inbox as of {0}</source>
      <translation>受信箱 · {0} 時点</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/inbox.py" line="244" />
      <source>The inbox has not synced yet: showing this tablet's own requests.</source>
      <translation>受信箱はまだ同期されていません：このタブレットの依頼のみ表示しています。</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <location filename="../../app/shopguide/ui/app.py" line="70" />
      <source>This system has no keyring: your login is kept in a file on this tablet that only your user account can read. Log out to remove it.</source>
      <translation>このシステムにはキーリングがありません：ログイン情報はこのタブレット上の、あなたのユーザーアカウントだけが読めるファイルに保存されます。ログアウトすると削除されます。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="28" />
      <source>Cannot reach the server. Check the address and the network.</source>
      <translation>サーバーに接続できません。アドレスとネットワークを確認してください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="31" />
      <source>Too many attempts. Wait a few minutes and try again.</source>
      <translation>試行回数が多すぎます。数分待ってからもう一度お試しください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="33" />
      <source>Wrong username or password.</source>
      <translation>ユーザー名またはパスワードが違います。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="53" />
      <source>Log in to ShopGuide</source>
      <translation>ShopGuide にログイン</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="63" />
      <source>Server</source>
      <translation>サーバー</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="64" />
      <source>Username</source>
      <translation>ユーザー名</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="65" />
      <source>Password</source>
      <translation>パスワード</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="71" />
      <source>Log in again</source>
      <translation>再ログイン</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="75" />
      <source>Your login has expired. Type your password to keep syncing; the cart stays as it is.</source>
      <translation>ログインの有効期限が切れました。同期を続けるにはパスワードを入力してください。カートはそのままです。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="92" />
      <source>Log in</source>
      <translation>ログイン</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="108" />
      <source>Fill in the server, your username and your password.</source>
      <translation>サーバー、ユーザー名、パスワードを入力してください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/login_dialog.py" line="111" />
      <source>Logging in…</source>
      <translation>ログイン中…</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="146" />
      <source>Settings</source>
      <translation>設定</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="152" />
      <source>Log out</source>
      <translation>ログアウト</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="179" />
      <source>Language</source>
      <translation>言語</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="186" />
      <source>Follow the system</source>
      <translation>システムに合わせる</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="306" />
      <source>Sales still waiting</source>
      <translation>未送信の販売があります</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/main_window.py" line="307" />
      <source>{0} sales have not reached the server yet. They stay on this tablet and are sent after the next login. Log out anyway?</source>
      <translation>{0} 件の販売がまだサーバーに届いていません。このタブレットに残り、次回ログイン後に送信されます。ログアウトしますか？</translation>
    </message>
  </context>
  <context>
    <name>ManagerScreen</name>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="74" />
      <source>1 week</source>
      <translation>1 週間</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="74" />
      <source>{0} weeks</source>
      <translation>{0} 週間</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="75" />
      <source>1 day</source>
      <translation>1 日</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="75" />
      <source>{0} days</source>
      <translation>{0} 日</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="84" />
      <source>sold {units} in {size} in {period}</source>
      <translation>{period}で {size} が {units} 点売れました</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="85" />
      <source>no sales in {size} in {period}</source>
      <translation>{period}で {size} の販売なし</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="86" />
      <source>{units} more wanted but none here</source>
      <translation>あと {units} 点求められたが在庫なし</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="87" />
      <source>have {units}</source>
      <translation>在庫 {units} 点</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="88" />
      <source>{units} on the way</source>
      <translation>{units} 点入荷予定</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="89" />
      <source>suggest {units}</source>
      <translation>{units} 点を推奨</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="90" />
      <source>enough for {period}</source>
      <translation>{period}分は足ります</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="98" />
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="104" />
      <source>Export CSV</source>
      <translation>CSV を書き出す</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="104" />
      <source>CSV files (*.csv)</source>
      <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="191" />
      <source>This month</source>
      <translation>今月</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="191" />
      <source>Last 4 weeks</source>
      <translation>直近 4 週間</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="191" />
      <source>Custom</source>
      <translation>期間を指定</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="192" />
      <source>Period for lost demand and guides</source>
      <translation>機会損失と販売員の集計期間</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="199" />
      <source>First day</source>
      <translation>開始日</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="200" />
      <source>Last day</source>
      <translation>終了日</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="206" />
      <source>Refresh</source>
      <translation>更新</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>Style</source>
      <translation>スタイル</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>Colour</source>
      <translation>色</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>Size</source>
      <translation>サイズ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>On hand</source>
      <translation>手持ち</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>Held</source>
      <translation>引当済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="220" />
      <source>Available</source>
      <translation>販売可能</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="221" />
      <source>Sold, 4 weeks</source>
      <translation>4 週間の販売数</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="226" />
      <source>Low stock</source>
      <translation>在庫僅少</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="228" />
      <source>Times</source>
      <translation>回数</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="228" />
      <source>Tapped</source>
      <translation>タップ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="228" />
      <source>Reserved elsewhere</source>
      <translation>他店で取り置き</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="229" />
      <source>Transfer asked</source>
      <translation>移動依頼済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="229" />
      <source>Last</source>
      <translation>最終</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="234" />
      <source>Lost demand</source>
      <translation>機会損失</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="236" />
      <source>Guide</source>
      <translation>販売員</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="236" />
      <source>Orders</source>
      <translation>注文</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="236" />
      <source>Units</source>
      <translation>点数</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="236" />
      <source>Sales</source>
      <translation>売上</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="236" />
      <source>Commission</source>
      <translation>歩合</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="240" />
      <source>Guides</source>
      <translation>販売員</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="245" />
      <source>Order</source>
      <translation>発注</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="248" />
      <source>Styles to restock</source>
      <translation>補充するスタイル</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="261" />
      <source>Sold</source>
      <translation>販売数</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="261" />
      <source>Have</source>
      <translation>在庫</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="261" />
      <source>Why</source>
      <translation>理由</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="265" />
      <source>Sizes to restock</source>
      <translation>補充するサイズ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="273" />
      <source>Restock</source>
      <translation>補充</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="305" />
      <source>Reading the store's figures…</source>
      <translation>店舗の数字を読み込み中…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="335" />
      <source>Restock from the last 4 weeks' sales and lost demand, for 4 weeks of cover. Lost demand and guides: {0} to {1}.</source>
      <translation>直近 4 週間の販売と機会損失から、4 週間分を補充します。機会損失と販売員の集計：{0}〜{1}。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="345" />
      <source>The store's figures need the network: try again when online.</source>
      <translation>店舗の数字にはネットワークが必要です：オンラインになってから再度お試しください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="347" />
      <source>The figures could not be read: {0}</source>
      <translation>数字を読み込めませんでした：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="351" />
      <source>Nothing to reorder: every size has enough.</source>
      <translation>発注不要：どのサイズも足りています。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="357" />
      <source>{0} · order {1}</source>
      <translation>{0} · {1} を発注</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="361" />
      <source>Sales and stock by size</source>
      <translation>サイズ別の販売と在庫</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/manager/manager_screen.py" line="385" />
      <source>Saved {0}</source>
      <translation>{0} に保存しました</translation>
    </message>
  </context>
  <context>
    <name>MemberPanel</name>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="98" />
      <source>No member open</source>
      <translation>会員が選ばれていません</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="100" />
      <source>Scan the member code on the customer's phone, or type their phone or card number, to see their card here.</source>
      <translation>お客様のスマートフォンの会員コードをスキャンするか、電話番号またはカード番号を入力すると、ここに会員証が表示されます。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="122" />
      <source>Offline, not verified: this tablet could not check the code with the server. Member prices apply; spending points or coupons waits for the network.</source>
      <translation>オフライン、未確認：このタブレットはサーバーでコードを確認できませんでした。会員価格は適用されます。ポイントやクーポンの利用はネットワーク接続後になります。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="171" />
      <source>Attach to cart</source>
      <translation>カートに付ける</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="174" />
      <source>Put this member on the open cart</source>
      <translation>この会員を開いているカートに付ける</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="177" />
      <source>✓ On the open cart</source>
      <translation>✓ 開いているカートに付いています</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="181" />
      <source>Detach</source>
      <translation>外す</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="182" />
      <source>Take this member off the open cart</source>
      <translation>この会員を開いているカートから外す</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="200" />
      <source>points to spend</source>
      <translation>使えるポイント</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="212" />
      <source>Progress to the next tier</source>
      <translation>次のランクまでの進み具合</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="223" />
      <source>Coupons</source>
      <translation>クーポン</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="230" />
      <source>No coupons.</source>
      <translation>クーポンはありません。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="233" />
      <source>Recent purchases, all stores</source>
      <translation>最近の購入（全店舗）</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="235" />
      <source>Recent purchases</source>
      <translation>最近の購入</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="247" />
      <source>Sizes</source>
      <translation>サイズ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="250" />
      <source>Sizes by category</source>
      <translation>カテゴリー別サイズ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="251" />
      <source>Category</source>
      <translation>カテゴリー</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="251" />
      <source>Size</source>
      <translation>サイズ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="269" />
      <source>No sizes yet: tap “Add a size”, then type the category and the size.</source>
      <translation>サイズはまだありません：「サイズを追加」をタップし、カテゴリーとサイズを入力してください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="273" />
      <source>Add a size</source>
      <translation>サイズを追加</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="277" />
      <source>Save sizes</source>
      <translation>サイズを保存</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="285" />
      <source>Note</source>
      <translation>メモ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="288" />
      <source>Note about this member</source>
      <translation>この会員についてのメモ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="290" />
      <source>Preferences, fittings, what to call them…</source>
      <translation>好み、試着、呼び方など…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="296" />
      <source>Save note</source>
      <translation>メモを保存</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="322" />
      <source>Birthday {0}</source>
      <translation>誕生日 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="327" />
      <source>Card {0}  ·  Phone {1}</source>
      <translation>カード {0}  ·  電話 {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="346" />
      <source>No purchases yet.</source>
      <translation>購入履歴はまだありません。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="348" />
      <source>Recent purchases show when the tablet is online.</source>
      <translation>最近の購入はオンライン時に表示されます。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="367" />
      <source>{0} member</source>
      <translation>{0}会員</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="368" />
      <source>Progress to the next tier shows when the tablet is online.</source>
      <translation>次のランクまでの進み具合はオンライン時に表示されます。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="371" />
      <source>{0} earned in all</source>
      <translation>累計 {0} 獲得</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="375" />
      <source>{0}: the top tier</source>
      <translation>{0}：最上位ランク</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="381" />
      <source>{0} to {1}</source>
      <translation>{1}まであと {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="477" />
      <source>Sizes saved. They reach the server with the next sync.</source>
      <translation>サイズを保存しました。次回の同期でサーバーに送られます。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/member_panel.py" line="484" />
      <source>Note saved. It reaches the server with the next sync.</source>
      <translation>メモを保存しました。次回の同期でサーバーに送られます。</translation>
    </message>
  </context>
  <context>
    <name>MemberProof</name>
    <message>
      <location filename="../../app/shopguide/ui/checkout/member_proof_dialog.py" line="42" />
      <source>Member's code</source>
      <translation>会員のコード</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/member_proof_dialog.py" line="46" />
      <source>Coupon {0} is spent from the member's card. Ask the customer to open their member page and read out the 6-digit code.</source>
      <translation>クーポン {0} は会員証から使われます。お客様に会員ページを開いて 6 桁のコードを読み上げてもらってください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/member_proof_dialog.py" line="57" />
      <source>The member's 6-digit code</source>
      <translation>会員の 6 桁のコード</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/member_proof_dialog.py" line="67" />
      <source>Use the coupon</source>
      <translation>クーポンを使う</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/member_proof_dialog.py" line="71" />
      <source>Back to the cart</source>
      <translation>カートに戻る</translation>
    </message>
  </context>
  <context>
    <name>Members</name>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="230" />
      <source>Phone {0} · card …{1}</source>
      <translation>電話 {0} · カード …{1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="274" />
      <source>{0} · until {1}</source>
      <translation>{0} · {1} まで</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="278" />
      <source>{0} · saves {1}</source>
      <translation>{0} · {1} お得</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="293" />
      <source>On this cart</source>
      <translation>このカートで使用中</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="295" />
      <source>Usable on this cart</source>
      <translation>このカートで使えます</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="297" />
      <source>Valid</source>
      <translation>有効</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="302" />
      <source>Expires today</source>
      <translation>本日期限</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="304" />
      <source>Expires tomorrow</source>
      <translation>明日期限</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="306" />
      <source>Expires in {0} days</source>
      <translation>あと {0} 日で期限</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="312" />
      <source>Used</source>
      <translation>使用済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="316" />
      <source>Valid from {0}</source>
      <translation>{0} から有効</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="323" />
      <source>Expired</source>
      <translation>期限切れ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/lists.py" line="349" />
      <source>{0} {1} × {2} · {3} · {4}</source>
      <translation>{0} {1} × {2} · {3} · {4}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="33" />
      <source>Classic</source>
      <translation>クラシック</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="34" />
      <source>Silver</source>
      <translation>シルバー</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="35" />
      <source>Gold</source>
      <translation>ゴールド</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="36" />
      <source>Platinum</source>
      <translation>プラチナ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="41" />
      <source>{0} points</source>
      <translation>{0} ポイント</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="54" />
      <source>No network, and this member is not on this tablet (members of other stores need the network). Ask for their phone number, or try again when online.</source>
      <translation>ネットワークがなく、この会員はこのタブレットにいません（他店の会員にはネットワークが必要です）。電話番号を聞くか、オンラインになってから再度お試しください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="59" />
      <source>No member has card {0}.</source>
      <translation>カード {0} の会員はいません。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="61" />
      <source>Not saved: {0}</source>
      <translation>保存されませんでした：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="63" />
      <source>Log in again to look up members.</source>
      <translation>会員を検索するには再ログインしてください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="65" />
      <source>The tablet's copy of the store's data was rebuilt; try again in a moment.</source>
      <translation>このタブレットの店舗データが再構築されました。少ししてからもう一度お試しください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="72" />
      <source>Online · as of {0}</source>
      <translation>オンライン · {0} 時点</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="74" />
      <source>Offline · from this tablet, never synced</source>
      <translation>オフライン · このタブレットから、未同期</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/texts.py" line="75" />
      <source>Offline · as of last sync {0}</source>
      <translation>オフライン · 最終同期 {0} 時点</translation>
    </message>
  </context>
  <context>
    <name>MembersScreen</name>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="72" />
      <source>Members</source>
      <translation>会員</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="90" />
      <source>{0} ({1}, {2}) is on this cart: member prices apply.</source>
      <translation>{0}（{1}、{2}）はこのカートに付いています：会員価格が適用されます。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="94" />
      <source>Offline, not verified.</source>
      <translation>オフライン、未確認。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="133" />
      <source>Phone, card number or scan the member's code</source>
      <translation>電話番号、カード番号、または会員コードをスキャン</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="140" />
      <source>Phone or card number</source>
      <translation>電話番号またはカード番号</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="141" />
      <source>Find a member by phone, card number or member code</source>
      <translation>電話番号、カード番号、会員コードで会員を探す</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="146" />
      <source>Find</source>
      <translation>検索</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="151" />
      <source>Scan a picture</source>
      <translation>画像を読み取る</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="152" />
      <source>Read a member code from a picture</source>
      <translation>画像から会員コードを読み取る</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="156" />
      <source>Camera</source>
      <translation>カメラ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="157" />
      <source>Scan the member code with the camera</source>
      <translation>カメラで会員コードをスキャン</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="170" />
      <source>Members found</source>
      <translation>見つかった会員</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="177" />
      <source>Ask the customer to open their member page: its code changes every minute, so a screenshot will not do. No phone? Their phone number or card number works too.</source>
      <translation>お客様に会員ページを開いてもらってください：コードは毎分変わるため、スクリーンショットは使えません。スマートフォンがない場合は電話番号かカード番号でも大丈夫です。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="226" />
      <source>Type the whole phone number or card number.</source>
      <translation>電話番号またはカード番号をすべて入力してください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="228" />
      <source>Looking up…</source>
      <translation>検索中…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="234" />
      <source>That is a product barcode: scan it on the Sell screen.</source>
      <translation>これは商品のバーコードです：販売画面でスキャンしてください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="236" />
      <source>Checking the member code…</source>
      <translation>会員コードを確認中…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="240" />
      <source>Opening the member…</source>
      <translation>会員を開いています…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="248" />
      <source>{0} is on the open cart: member prices apply.</source>
      <translation>{0} は開いているカートに付いています：会員価格が適用されます。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="255" />
      <source>No member code found in that picture.</source>
      <translation>画像に会員コードが見つかりません。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="267" />
      <source>Hold the member code on the customer's phone in front of the camera</source>
      <translation>お客様のスマートフォンの会員コードをカメラにかざしてください</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="299" />
      <source>No network: shown from this tablet's copy of the members.</source>
      <translation>ネットワークなし：このタブレットの会員データを表示しています。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="332" />
      <source>No member of this store has this phone or card number (offline).</source>
      <translation>この電話番号・カード番号の会員はこの店舗にいません（オフライン）。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="334" />
      <source>No member has this phone or card number.</source>
      <translation>この電話番号・カード番号の会員はいません。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="340" />
      <source>{0} members share this number: choose one.</source>
      <translation>{0} 人の会員がこの番号を共有しています：一人を選んでください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="380" />
      <source>Coupon {0} is on the open cart.</source>
      <translation>クーポン {0} は開いているカートに付いています。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="398" />
      <source>Picture of a member code</source>
      <translation>会員コードの画像</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/members/members_screen.py" line="398" />
      <source>Pictures (*.png *.jpg *.jpeg *.bmp)</source>
      <translation>画像 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
  </context>
  <context>
    <name>OfflinePanel</name>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="36" />
      <source>cash</source>
      <translation>現金</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="37" />
      <source>card terminal</source>
      <translation>カード端末</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="38" />
      <source>store QR, payment unverified</source>
      <translation>店舗 QR、支払い未確認</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="61" />
      <source>No connection to the server. The order is saved on this tablet and will be sent when the connection returns. Close the sale another way:</source>
      <translation>サーバーに接続できません。注文はこのタブレットに保存され、接続が戻ると送信されます。別の方法で販売を完了してください：</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="70" />
      <source>The store's payment code, not yet verified</source>
      <translation>店舗の支払いコード、未確認</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="74" />
      <source>PAYMENT UNVERIFIED until the server hears from the bank. Check that the customer's phone shows it paid to this store.</source>
      <translation>銀行からサーバーに通知が届くまで支払いは未確認です。お客様のスマートフォンにこの店舗への支払いが表示されているか確認してください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="84" />
      <source>Cash received</source>
      <translation>現金を受け取りました</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="86" />
      <source>Card terminal</source>
      <translation>カード端末</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="88" />
      <source>Try online again</source>
      <translation>オンラインで再試行</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="90" />
      <source>Show the store's QR</source>
      <translation>店舗の QR を表示</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="93" />
      <source>Customer has paid (unverified)</source>
      <translation>お客様は支払い済み（未確認）</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="110" />
      <source>{0}. Take cash or use the card terminal.</source>
      <translation>{0}。現金またはカード端末でお支払いを受けてください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="127" />
      <source>Did you receive {0} in cash?</source>
      <translation>現金で {0} を受け取りましたか？</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="128" />
      <source>Did the card terminal approve {0}?</source>
      <translation>カード端末で {0} が承認されましたか？</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="129" />
      <source>Does the customer's phone show {0} paid to this store? The payment stays unverified until the server confirms it.</source>
      <translation>お客様のスマートフォンに、この店舗への {0} の支払いが表示されていますか？サーバーが確認するまで支払いは未確認のままです。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="134" />
      <source>Confirm payment</source>
      <translation>支払いを確定</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="151" />
      <source>Recorded as {0}. It will be sent to the server when the connection returns.</source>
      <translation>{0}として記録しました。接続が戻るとサーバーに送信されます。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/offline_panel.py" line="158" />
      <source>Could not record the payment: {0}</source>
      <translation>支払いを記録できませんでした：{0}</translation>
    </message>
  </context>
  <context>
    <name>OrdersScreen</name>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="71" />
      <source>no reason given</source>
      <translation>理由の記載なし</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="73" />
      <source>Queued — will send when online</source>
      <translation>送信待ち — オンラインで送信</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="74" />
      <source>Sent — payment shown when online</source>
      <translation>送信済み — 支払いはオンラインで表示</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="75" />
      <source>Awaiting payment</source>
      <translation>支払い待ち</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="76" />
      <source>Paid</source>
      <translation>支払い済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="77" />
      <source>Paid — cash</source>
      <translation>支払い済み — 現金</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="78" />
      <source>Paid — card terminal</source>
      <translation>支払い済み — カード端末</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="79" />
      <source>Payment unverified</source>
      <translation>支払い未確認</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="80" />
      <source>Declined: {0}</source>
      <translation>拒否：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="81" />
      <source>Code expired</source>
      <translation>コード期限切れ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="82" />
      <source>Cancelled</source>
      <translation>キャンセル済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="83" />
      <source>Refunded</source>
      <translation>返金済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="84" />
      <source>Refund needed: {0}</source>
      <translation>返金が必要：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="85" />
      <source>Refused: {0}</source>
      <translation>受付拒否：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="105" />
      <source>waiting for the customer</source>
      <translation>お客様の支払い待ち</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="106" />
      <source>paid</source>
      <translation>支払い済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="107" />
      <source>recorded by the guide</source>
      <translation>販売員が記録</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="108" />
      <source>unverified</source>
      <translation>未確認</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="109" />
      <source>declined: {0}</source>
      <translation>拒否：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="110" />
      <source>code expired</source>
      <translation>コード期限切れ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="111" />
      <source>cancelled</source>
      <translation>キャンセル済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="112" />
      <source>refunded</source>
      <translation>返金済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="113" />
      <source>refused: {0}</source>
      <translation>受付拒否：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="116" />
      <source>refund needed: {0}</source>
      <translation>返金が必要：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="118" />
      <source>on this tablet, not sent yet</source>
      <translation>このタブレット上、未送信</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="124" />
      <source>Store QR</source>
      <translation>店舗 QR</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="140" />
      <source>Time</source>
      <translation>時刻</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="141" />
      <source>Order</source>
      <translation>注文</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="142" />
      <source>Items</source>
      <translation>商品</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="143" />
      <source>Total</source>
      <translation>合計</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="144" />
      <source>Guide</source>
      <translation>販売員</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="145" />
      <source>State</source>
      <translation>状態</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="261" />
      <source>Refresh</source>
      <translation>更新</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="264" />
      <source>Refresh the orders</source>
      <translation>注文を更新</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="273" />
      <source>Orders</source>
      <translation>注文</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="290" />
      <source>Show older orders</source>
      <translation>以前の注文を表示</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="324" />
      <source>The order's lines</source>
      <translation>注文の商品</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="339" />
      <source>The order's payments</source>
      <translation>注文の支払い</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="347" />
      <source>Retry payment</source>
      <translation>支払いをやり直す</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="350" />
      <source>Show a new payment code for this order</source>
      <translation>この注文の新しい支払いコードを表示</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="353" />
      <source>Receipt</source>
      <translation>レシート</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="355" />
      <source>Show the receipt for the customer</source>
      <translation>お客様にレシートを表示</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="405" />
      <source>Could not read the orders: {0}</source>
      <translation>注文を読み込めませんでした：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="416" />
      <source>Offline — showing the orders on this tablet only</source>
      <translation>オフライン — このタブレットの注文のみ表示</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="419" />
      <source>Offline — the server's orders as of {0}</source>
      <translation>オフライン — サーバーの注文 {0} 時点</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="422" />
      <source>As of {0}</source>
      <translation>{0} 時点</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="451" />
      <source>Could not read older orders: {0}</source>
      <translation>以前の注文を読み込めませんでした：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="497" />
      <source>Could not read the order: {0}</source>
      <translation>注文を読み込めませんでした：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="508" />
      <source>No order chosen</source>
      <translation>注文が選ばれていません</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="511" />
      <source>Choose an order to see its lines and payments.</source>
      <translation>注文を選ぶと、商品と支払いが表示されます。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="515" />
      <source>Order {0}</source>
      <translation>注文 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="532" />
      <source>Total {0}</source>
      <translation>合計 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="539" />
      <source>No payment yet.</source>
      <translation>まだ支払いはありません。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/orders/orders_screen.py" line="559" />
      <source>Could not make the receipt: {0}</source>
      <translation>レシートを作成できませんでした：{0}</translation>
    </message>
  </context>
  <context>
    <name>Pricing</name>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="31" />
      <source>{tier} member price on {item}: -{amount}</source>
      <translation>{item} に{tier}会員価格：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="32" />
      <source>{promotion}: {items} together for {price}: -{amount}</source>
      <translation>{promotion}：{items} をまとめて {price}：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="33" />
      <source>{promotion}: {item} (cheapest) free: -{amount}</source>
      <translation>{promotion}：{item}（最安値の品）無料：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="34" />
      <source>{promotion} ({percent} off) on {item}: -{amount}</source>
      <translation>{promotion}（{item} が {percent} 引き）：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="35" />
      <source>{promotion} ({off} off every {threshold} spent): -{amount}</source>
      <translation>{promotion}（{threshold} ごとに {off} 引き）：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="36" />
      <source>{promotion} ({off} off over {threshold}): -{amount}</source>
      <translation>{promotion}（{threshold} 以上で {off} 引き）：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="37" />
      <source>Coupon {code} ({benefit} off): -{amount}</source>
      <translation>クーポン {code}（{benefit} 引き）：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="38" />
      <source>Coupon {code} ({benefit} off over {min_spend}): -{amount}</source>
      <translation>クーポン {code}（{min_spend} 以上で {benefit} 引き）：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="39" />
      <source>Coupon {code} is listed twice; it counts once</source>
      <translation>クーポン {code} が二重に入っています。1 回だけ適用されます</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="40" />
      <source>Coupon {code} not applied: it has already been used</source>
      <translation>クーポン {code} は適用されません：使用済みです</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="41" />
      <source>Coupon {code} not applied: valid from {valid_from}</source>
      <translation>クーポン {code} は適用されません：{valid_from} から有効です</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="42" />
      <source>Coupon {code} not applied: expired on {valid_to}</source>
      <translation>クーポン {code} は適用されません：{valid_to} に期限切れ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="43" />
      <source>Coupon {code} not applied: not applicable to these items</source>
      <translation>クーポン {code} は適用されません：これらの商品には使えません</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="46" />
      <source>Coupon {code} not applied: needs {min_spend} on eligible items, the cart has {eligible}</source>
      <translation>クーポン {code} は適用されません：対象商品で {min_spend} 必要ですが、カートは {eligible} です</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="49" />
      <source>Coupon {code} not applied: one coupon per order, and {applied} saves the most</source>
      <translation>クーポン {code} は適用されません：1 注文につき 1 枚で、{applied} が最もお得です</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="54" />
      <source>{promotion}: {items} as {count} bundles for {price} each: -{amount}</source>
      <translation>{promotion}：{items} を {count} セット、各 {price}：-{amount}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/pricing_text.py" line="55" />
      <source>{promotion}: {count} x {item} (cheapest) free: -{amount}</source>
      <translation>{promotion}：{item}（最安値の品）{count} 点無料：-{amount}</translation>
    </message>
  </context>
  <context>
    <name>ProductDetail</name>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="53" />
      <source>{0}, {1}: not made</source>
      <translation>{0}、{1}：展開なし</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="55" />
      <source>none in stock</source>
      <translation>在庫なし</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="56" />
      <source>{0} in stock, low</source>
      <translation>在庫 {0}、残りわずか</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="57" />
      <source>{0} in stock</source>
      <translation>在庫 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="59" />
      <source>{0}, {1}: {2}</source>
      <translation>{0}、{1}：{2}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="83" />
      <source>No photo yet</source>
      <translation>写真はまだありません</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="106" />
      <source>Stock by colour and size in this store</source>
      <translation>この店舗の色・サイズ別在庫</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="113" />
      <source>Add to cart</source>
      <translation>カートに追加</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="122" />
      <source>Tap a size to see nearby stores</source>
      <translation>サイズをタップすると近くの店舗を表示</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="126" />
      <source>Nearby stores with this size</source>
      <translation>このサイズがある近くの店舗</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="144" />
      <source>This product is no longer in the catalog.</source>
      <translation>この商品はカタログにありません。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="149" />
      <source>Price {0}</source>
      <translation>価格 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="157" />
      <source>Stock here as of {0}</source>
      <translation>この店舗の在庫 · {0} 時点</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="158" />
      <source>never synced</source>
      <translation>未同期</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="175" />
      <source>{0} held by sales not yet synced</source>
      <translation>未同期の販売で {0} 点引当済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="195" />
      <source>{0} in {1}: nearby stores</source>
      <translation>{0} のサイズ {1}：近くの店舗</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="207" />
      <source>{0} · {1} km · {2} in stock</source>
      <translation>{0} · {1} km · 在庫 {2}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/product_detail.py" line="212" />
      <source>No nearby store has this size.</source>
      <translation>近くの店舗にこのサイズはありません。</translation>
    </message>
  </context>
  <context>
    <name>Receipt</name>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="48" />
      <source>Wallet</source>
      <translation>ウォレット</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="49" />
      <source>QR payment</source>
      <translation>QR 決済</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="50" />
      <source>Alipay</source>
      <translation>Alipay（支付宝）</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="51" />
      <source>Cash</source>
      <translation>現金</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="52" />
      <source>Card terminal</source>
      <translation>カード端末</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="66" />
      <source>shipped to customer from {0}</source>
      <translation>{0}からお客様へ発送</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="67" />
      <source>sent from {0}</source>
      <translation>{0}から発送</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="79" />
      <source>Receipt · order {0}</source>
      <translation>レシート · 注文 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="81" />
      <source>Total {0}</source>
      <translation>合計 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="82" />
      <source>Paid by {0} {1}</source>
      <translation>{0}で支払い {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="130" />
      <source>What the customer bought</source>
      <translation>お客様が購入した商品</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="136" />
      <source>Paid by {0}</source>
      <translation>{0}で支払い</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="144" />
      <source>Receipt code for the customer to scan and keep</source>
      <translation>お客様がスキャンして保存するレシートコード</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="146" />
      <source>Scan to keep your receipt</source>
      <translation>スキャンしてレシートを保存</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="149" />
      <source>Save PDF</source>
      <translation>PDF を保存</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="150" />
      <source>Save the receipt as a PDF file</source>
      <translation>レシートを PDF ファイルとして保存</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="191" />
      <source>Save receipt</source>
      <translation>レシートを保存</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="193" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="207" />
      <source>Saved to {0}</source>
      <translation>{0} に保存しました</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="211" />
      <source>Could not save the receipt: {0}</source>
      <translation>レシートを保存できませんでした：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="227" />
      <source>Receipt {0}</source>
      <translation>レシート {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="261" />
      <source>Receipt</source>
      <translation>レシート</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/checkout/receipt_view.py" line="268" />
      <source>Close</source>
      <translation>閉じる</translation>
    </message>
  </context>
  <context>
    <name>Screens</name>
    <message>
      <location filename="../../app/shopguide/ui/screens.py" line="71" />
      <source>Change to this colour and size</source>
      <translation>この色とサイズに変更</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/screens.py" line="189" />
      <source>Sell</source>
      <translation>販売</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/screens.py" line="191" />
      <source>Orders</source>
      <translation>注文</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/screens.py" line="192" />
      <source>Stock</source>
      <translation>在庫</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/screens.py" line="193" />
      <source>Manager</source>
      <translation>店長</translation>
    </message>
  </context>
  <context>
    <name>SearchResults</name>
    <message>
      <location filename="../../app/shopguide/ui/sell/search_model.py" line="141" />
      <source>size</source>
      <translation>サイズ</translation>
    </message>
  </context>
  <context>
    <name>SellScreen</name>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="84" />
      <source>Search by name, SKU, colour or scan a barcode</source>
      <translation>名前・品番・色で検索、またはバーコードをスキャン</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="85" />
      <source>Search the catalog</source>
      <translation>カタログを検索</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="90" />
      <source>Scan a picture</source>
      <translation>画像を読み取る</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="91" />
      <source>Read a barcode from a picture</source>
      <translation>画像からバーコードを読み取る</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="95" />
      <source>Camera</source>
      <translation>カメラ</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="96" />
      <source>Scan a barcode with the camera</source>
      <translation>カメラでバーコードをスキャン</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="112" />
      <source>Search results</source>
      <translation>検索結果</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="150" />
      <source>More than {0} matches: keep typing</source>
      <translation>{0} 件以上見つかりました：続けて入力してください</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="152" />
      <source>Nothing matches “{0}”</source>
      <translation>「{0}」に一致するものはありません</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="154" />
      <source>{0} matches</source>
      <translation>{0} 件</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="204" />
      <source>Picture of a barcode</source>
      <translation>バーコードの画像</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="204" />
      <source>Pictures (*.png *.jpg *.jpeg *.bmp)</source>
      <translation>画像 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="217" />
      <source>No barcode or member code found in that picture</source>
      <translation>画像にバーコードも会員コードも見つかりません</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sell/sell_screen.py" line="223" />
      <source>No product with barcode {0}</source>
      <translation>バーコード {0} の商品はありません</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="51" />
      <source>Sent to the server as report {0} ({1} KB). Thank you.</source>
      <translation>レポート {0}（{1} KB）としてサーバーに送信しました。ありがとうございます。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="54" />
      <source>The server cannot be reached, so the report was saved on this tablet:</source>
      <translation>サーバーに接続できないため、レポートはこのタブレットに保存されました：</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="56" />
      <source>This tablet is not logged in, so the report was saved on this tablet:</source>
      <translation>このタブレットはログインしていないため、レポートはこのタブレットに保存されました：</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="57" />
      <source>The server did not take the report ({0}), so it was saved on this tablet:</source>
      <translation>サーバーがレポートを受け付けなかったため（{0}）、このタブレットに保存されました：</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="94" />
      <source>Settings</source>
      <translation>設定</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="104" />
      <source>Language</source>
      <translation>言語</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="108" />
      <source>This tablet</source>
      <translation>このタブレット</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="115" />
      <source>Not set</source>
      <translation>未設定</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="119" />
      <source>App version</source>
      <translation>アプリのバージョン</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="120" />
      <source>Server</source>
      <translation>サーバー</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="121" />
      <source>Data folder</source>
      <translation>データフォルダー</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="122" />
      <source>Log file</source>
      <translation>ログファイル</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="129" />
      <source>Diagnostics</source>
      <translation>診断</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="131" />
      <source>Sends the app's log and sync state to support, to find out what went wrong. No customer names, phone numbers, cards or passwords are included.</source>
      <translation>問題の原因を調べるため、アプリのログと同期状態をサポートに送信します。顧客の氏名、電話番号、カード番号、パスワードは含まれません。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="140" />
      <source>Send diagnostics</source>
      <translation>診断情報を送信</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="150" />
      <source>Sending</source>
      <translation>送信中</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="164" />
      <source>Saved report</source>
      <translation>保存したレポート</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="171" />
      <source>Close</source>
      <translation>閉じる</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="185" />
      <source>Follow the system</source>
      <translation>システムに合わせる</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="211" />
      <source>Collecting the log and the sync state, then sending them…</source>
      <translation>ログと同期状態を収集して送信しています…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/settings_dialog.py" line="235" />
      <source>The report could not be made: {0}</source>
      <translation>レポートを作成できませんでした：{0}</translation>
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
      <translation>営業時間 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="72" />
      <source>never synced</source>
      <translation>未同期</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="72" />
      <source>as of {0}</source>
      <translation>{0} 時点</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="91" />
      <source>{0} · this store</source>
      <translation>{0} · この店舗</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="96" />
      <source>{0} available</source>
      <translation>販売可能 {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="106" />
      <source>Stock by colour and size at {0}</source>
      <translation>{0} の色・サイズ別在庫</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="126" />
      <source>{0} held for customers, other stores or sales</source>
      <translation>{0} 点がお客様・他店・販売のため引当済み</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="162" />
      <source>{0} at {1}</source>
      <translation>{1} の {0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="165" />
      <source>{0} at {1}: {2} available</source>
      <translation>{1} の {0}：販売可能 {2}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="174" />
      <source>The cart's member: {0}</source>
      <translation>カートの会員：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="180" />
      <source>Customer's name</source>
      <translation>お客様のお名前</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="183" />
      <source>Customer's phone</source>
      <translation>お客様の電話番号</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="185" />
      <source>Phone</source>
      <translation>電話</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="189" />
      <source>hours</source>
      <translation>時間</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="191" />
      <source>Hold for</source>
      <translation>取り置き期間</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="196" />
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="204" />
      <source>Reserve for a customer</source>
      <translation>お客様のために取り置く</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="209" />
      <source>Send to this store</source>
      <translation>この店舗へ送ってもらう</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="213" />
      <source>Close</source>
      <translation>閉じる</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="230" />
      <source>Name the customer: a name, a phone or the cart's member.</source>
      <translation>お客様を指定してください：名前、電話番号、またはカートの会員。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="242" />
      <source>Reservation asked at {0} for {1} hours: see the inbox for the answer.</source>
      <translation>{0} に {1} 時間の取り置きを依頼しました：回答は受信箱で確認してください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="253" />
      <source>Asked {0} to send {1} here: see the inbox for the answer.</source>
      <translation>{0} に {1} をこちらへ送るよう依頼しました：回答は受信箱で確認してください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="280" />
      <source>None here</source>
      <translation>この店舗に在庫なし</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="283" />
      <source>{0}: none here. If the customer leaves without it, record it so the manager orders more.</source>
      <translation>{0}：この店舗に在庫はありません。お客様が買わずに帰る場合は、店長が追加発注できるよう記録してください。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="294" />
      <source>Record lost demand</source>
      <translation>機会損失を記録</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="308" />
      <source>Recorded: a customer wanted {0}.</source>
      <translation>記録しました：お客様が {0} を求めていました。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="345" />
      <source>Find a style: name, SKU or colour</source>
      <translation>スタイルを探す：名前・品番・色</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="346" />
      <source>Search for a style</source>
      <translation>スタイルを検索</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="356" />
      <source>Styles found</source>
      <translation>見つかったスタイル</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="369" />
      <source>Choose a style to see its stock here and nearby</source>
      <translation>スタイルを選ぶと、この店舗と近くの在庫を表示します</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="378" />
      <source>Inbox</source>
      <translation>受信箱</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="390" />
      <source>Tap a size at another store to reserve it or have it sent here; tap an empty size here to record a lost sale.</source>
      <translation>他店のサイズをタップすると取り置きや店間移動を依頼できます。この店舗の在庫がないサイズをタップすると機会損失を記録できます。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="429" />
      <source>Looking in every store…</source>
      <translation>全店舗を確認中…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="433" />
      <source>Stock could not be read: {0}</source>
      <translation>在庫を読み込めませんでした：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="454" />
      <source>This style is no longer in the catalog.</source>
      <translation>このスタイルはカタログにありません。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="460" />
      <source>Live from the server: every store that carries it, nearest first.</source>
      <translation>サーバーからのリアルタイム情報：取り扱いのある全店舗、近い順。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="462" />
      <source>Offline: this store and the nearby stores as last synced.</source>
      <translation>オフライン：この店舗と近くの店舗、最終同期時点。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="485" />
      <source>{0}: {1} here.</source>
      <translation>{0}：この店舗に {1} 点。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="492" />
      <source>{0}: none left at {1}.</source>
      <translation>{0}：{1} には在庫がありません。</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/stock/stock_screen.py" line="527" />
      <source>Inbox · {0} to answer</source>
      <translation>受信箱 · 要回答 {0} 件</translation>
    </message>
  </context>
  <context>
    <name>SyncIndicator</name>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="35" />
      <source>just now</source>
      <translation>たった今</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="37" />
      <source>{0} min ago</source>
      <translation>{0} 分前</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="38" />
      <source>{0} h ago</source>
      <translation>{0} 時間前</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="47" />
      <source>{0} waiting, oldest {1}</source>
      <translation>{0} 件送信待ち、最も古いもの {1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="49" />
      <source>{0} need attention</source>
      <translation>{0} 件要対応</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="51" />
      <source>Offline</source>
      <translation>オフライン</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="53" />
      <source>Log in again to sync</source>
      <translation>同期するには再ログインしてください</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="55" />
      <source>Sync error: {0}</source>
      <translation>同期エラー：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="57" />
      <source>Syncing {0} of {1}</source>
      <translation>同期中 {0}/{1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="61" />
      <source>Up to date · as of {0}, {1}</source>
      <translation>最新 · {0} 時点、{1}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="63" />
      <source>Connecting…</source>
      <translation>接続中…</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="83" />
      <source>Sync status: {0}</source>
      <translation>同期状態：{0}</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="126" />
      <source>Sync</source>
      <translation>同期</translation>
    </message>
    <message>
      <location filename="../../app/shopguide/ui/sync_indicator.py" line="133" />
      <source>Refused by the server:</source>
      <translation>サーバーに拒否されました：</translation>
    </message>
  </context>
</TS>
