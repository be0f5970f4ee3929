"""Words, formulas, code and tables for the benchmark corpus: what a study group writes.

Korean and English mixed the way the seeds mix them: Korean sentences around
English terms, LaTeX formulas, Python snippets and small tables.  Nothing
here is random by itself; `corpus.py` draws from these pools with a seeded
generator so a corpus is the same on every machine.
"""

from __future__ import annotations

import random

TOPICS: tuple[tuple[str, str], ...] = (
    ("Batch Normalization", "배치 정규화"),
    ("Dropout", "드롭아웃"),
    ("Gradient Descent", "경사 하강법"),
    ("Cross Entropy", "크로스 엔트로피"),
    ("KL Divergence", "쿨백-라이블러 발산"),
    ("Softmax", "소프트맥스"),
    ("ReLU", "렐루 활성화 함수"),
    ("Attention", "어텐션"),
    ("Transformer", "트랜스포머"),
    ("Convolution", "합성곱"),
    ("Max Pooling", "맥스 풀링"),
    ("Residual Connection", "잔차 연결"),
    ("Weight Decay", "가중치 감쇠"),
    ("L1 Regularization", "L1 규제"),
    ("L2 Regularization", "L2 규제"),
    ("Learning Rate Schedule", "학습률 스케줄"),
    ("Adam Optimizer", "아담 옵티마이저"),
    ("Backpropagation", "역전파"),
    ("Maximum Likelihood", "최대 우도 추정"),
    ("Bayes Theorem", "베이즈 정리"),
    ("Eigenvalue", "고유값"),
    ("Singular Value Decomposition", "특이값 분해"),
    ("Principal Component Analysis", "주성분 분석"),
    ("Overfitting", "과적합"),
    ("Cross Validation", "교차 검증"),
    ("Bias-Variance Tradeoff", "편향-분산 트레이드오프"),
    ("Embedding", "임베딩"),
    ("Word2Vec", "워드투벡"),
    ("LSTM", "장단기 메모리"),
    ("Beam Search", "빔 서치"),
    ("Autoencoder", "오토인코더"),
    ("Variational Autoencoder", "변분 오토인코더"),
    ("GAN", "생성적 적대 신경망"),
    ("Matrix Factorization", "행렬 분해"),
    ("Collaborative Filtering", "협업 필터링"),
    ("Data Augmentation", "데이터 증강"),
    ("Transfer Learning", "전이 학습"),
    ("Fine-tuning", "파인튜닝"),
    ("Loss Function", "손실함수"),
    ("Hinge Loss", "힌지 손실"),
)

NAMES = (
    "혜지", "소현", "세연", "재용", "이성준", "노윤영", "최별이", "신현호", "심상민", "김보성",
    "이하람", "전태호", "허진규", "박지민", "정우성", "Rushda Basir", "YH Tan", "Kyeonghyeon Park",
    "SoyeonJung", "Daniel Kim",
)  # fmt: skip

KO_QUESTIONS = (
    "{ko}({en})를 사용하는 이유가 무엇인가요?",
    "{en}에서 {ko2}와 같이 쓰면 어떤 차이가 있나요?",
    "강의에서 {en}의 식 {formula} 이 어떻게 유도되는지 궁금합니다?",
    "{ko}가 {en2}보다 성능이 좋은 이유가 뭘까요?",
    "{en} 구현할 때 {ko2} 순서를 바꾸면 결과가 달라지나요?",
    "슬라이드의 {formula} 에서 {ko}의 역할이 잘 이해가 안 됩니다. 설명해 주실 수 있나요?",
    "{ko}를 적용하면 학습 시간이 얼마나 늘어나나요?",
    "과제에서 {en}을 직접 구현해야 하나요, 라이브러리를 써도 되나요?",
)
EN_QUESTIONS = (
    "Why does {en} help with {en2}?",
    "How is {en} different from {en2} in practice?",
    "Is {formula} the same as what the slide calls {en}?",
    "When should we prefer {en} over {en2}?",
    "Could you explain the intuition behind {en} once more?",
    "Does {en} still matter when we already use {en2}?",
)
KO_ANSWERS = (
    "{ko}는 {ko2}와 함께 쓰일 때 학습을 안정시킨다. 핵심은 {formula} 이다.",
    "{en}의 목적은 분포를 맞추는 것이다. 자세한 내용은 강의 슬라이드 {page}쪽을 참고.",
    "정답 클래스를 제외하고 순회하기 때문에 {formula} 가 된다. 그래서 결과는 항상 0 이상이다.",
    "직관적으로 생각하면 {ko}는 가중치의 크기를 제한해서 {ko2}를 줄여 준다.",
    "실험해 보면 {en}을 쓴 쪽이 수렴이 빠르다. 다만 데이터가 작으면 차이가 크지 않다.",
    "논문 원문을 보면 {en}은 {en2}의 특수한 경우로 볼 수 있다.",
)
EN_ANSWERS = (
    "{en} keeps the activations in a range where {en2} still gives useful gradients: {formula}.",
    "Think of it as {formula}; the rest of the derivation follows from the chain rule.",
    "In practice both work; {en} is simpler to tune, {en2} is cheaper at inference time.",
    "Please see page {page} of the slides, the second figure shows exactly this case.",
    "Yes, as long as the data is shuffled first. Otherwise the estimate is biased.",
)
STATEMENTS = (
    "{ko}에 대해 학습했다.",
    "{en}과 {en2}의 관계를 정리했다.",
    "{ko}의 정의: {formula}",
    "팀원들과 {en} 코드를 리뷰했다.",
    "{en} 관련 논문을 읽기 시작했다.",
    "{ko}는 {ko2}의 일종이다.",
    "Reviewed the {en} chapter of Dive into Deep Learning.",
    "Implemented {en} from scratch with NumPy.",
)
CHATTER = (
    "감사합니다",
    "넵 알겠습니다",
    "thanks!",
    "ok",
    "좋은 설명 감사합니다",
    "I see, that makes sense now.",
    "슬라이드 공유 부탁드립니다 🙏",
)
FORMULAS = (
    r"\hat{y} = \mathrm{softmax}(Wx + b)",
    r"L = -\sum_{i=1}^{n} y_i \log \hat{y}_i",
    r"\text{KL}(P\|Q) = \sum_x P(x) \log \frac{P(x)}{Q(x)}",
    r"\theta \leftarrow \theta - \eta \nabla_\theta L",
    r"\mu_B = \frac{1}{m}\sum_{i=1}^{m} x_i",
    r"\hat{x}_i = \frac{x_i - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}}",
    r"P(A|B) = \frac{P(B|A)P(A)}{P(B)}",
    r"\mathrm{Attention}(Q,K,V) = \mathrm{softmax}\left(\frac{QK^T}{\sqrt{d_k}}\right)V",
    r"\|w\|_1 = \sum_j |w_j|",
    r"\|w\|_2^2 = \sum_j w_j^2",
    r"f(x) = \max(0, x)",
    r"\sigma(x) = \frac{1}{1 + e^{-x}}",
    r"A = U \Sigma V^T",
    r"\log L(\theta) = -\frac{n}{2}\log 2\pi\sigma^2 - \sum_{i=1}^n \frac{(x_i-\mu)^2}{2\sigma^2}",
    r"L_i = \sum_{j \neq y_i} \max(0, s_j - s_{y_i} + 1)",
)
CODE = (
    "import torch\n\nx = torch.randn(32, 3, 224, 224)\nconv = torch.nn.Conv2d(3, 64, kernel_size=3, padding=1)\nprint(conv(x).shape)",
    "import numpy as np\n\ndef softmax(z):\n    z = z - z.max(axis=-1, keepdims=True)\n    e = np.exp(z)\n    return e / e.sum(axis=-1, keepdims=True)",
    "for epoch in range(10):\n    for x, y in loader:\n        optimizer.zero_grad()\n        loss = criterion(model(x), y)\n        loss.backward()\n        optimizer.step()",
    "scores = X @ W\ncorrect = scores[np.arange(n), y]\nmargins = np.maximum(0, scores - correct[:, None] + 1)\nmargins[np.arange(n), y] = 0",
    "from collections import Counter\n\nwords = text.split()\nprint(Counter(words).most_common(10))",
)


def fill(template: str, rng: random.Random) -> str:
    """One sentence from a template, with topics, a formula and a page drawn from `rng`."""
    (en, ko), (en2, ko2) = rng.sample(TOPICS, 2)
    formula = "$" + rng.choice(FORMULAS) + "$"
    return template.format(en=en, ko=ko, en2=en2, ko2=ko2, formula=formula, page=rng.randint(3, 60))


def question(rng: random.Random) -> str:
    return fill(rng.choice(KO_QUESTIONS if rng.random() < 0.7 else EN_QUESTIONS), rng)


def answer(rng: random.Random, sentences: int = 2) -> str:
    pool = KO_ANSWERS if rng.random() < 0.7 else EN_ANSWERS
    return " ".join(fill(rng.choice(pool), rng) for _ in range(sentences))


def statement(rng: random.Random) -> str:
    return fill(rng.choice(STATEMENTS), rng)


def code_block(rng: random.Random) -> str:
    return "```python\n" + rng.choice(CODE) + "\n```"


def display_formula(rng: random.Random) -> str:
    return "$$" + rng.choice(FORMULAS) + "$$"


def table(rng: random.Random) -> str:
    """A small results table, the kind pasted into minutes and boards."""
    models = rng.sample(["ResNet-18", "VGG-16", "MobileNet", "ViT-B/16", "LeNet", "AlexNet"], 3)
    rows = [f"| {m} | {rng.uniform(60, 95):.1f} | {rng.uniform(0.1, 2.5):.2f} |" for m in models]
    return "\n".join(["| 모델 | 정확도 (%) | loss |", "|---|---|---|", *rows])
