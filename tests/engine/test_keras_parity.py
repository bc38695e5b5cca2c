"""The engine trains exactly as Keras 3 does: same weights, data and optimizer give the same numbers.

Each case builds one architecture in both libraries (written once as ``lambda L: [...]`` over the
library namespace), copies Keras's initial weights into the sandbox, compiles both the same way, runs a
few ``train_on_batch`` steps and compares every returned loss and metric, then the final weights and
``predict``, to ``RTOL`` = 1e-5 relative (``ATOL`` = 1e-6 for values near 0). Needs ``keras`` with the
torch backend; the whole module is skipped where Keras is not installed. Set ``PARITY_REPORT=file`` to
get the worst error per area as JSON lines.
"""

from __future__ import annotations

import os

os.environ.setdefault("KERAS_BACKEND", "torch")

import numpy as np
import pytest
from parity_helpers import LOG, assert_close, build_pair, compare_logs, compare_weights, compile_pair, schedules
from parity_helpers import train_and_compare as _train_and_compare

import sandbox as sb

keras = pytest.importorskip("keras")

pytestmark = [pytest.mark.parity,
              # Keras's torch backend calls __array__(copy=False) on NumPy 2: noise, not ours
              pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")]

N = 16  # batch size of every train_on_batch


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    LOG.dump()


def area_of(request):
    """The reported area: the test id (expected failures marked)."""
    name = request.node.name
    return f"{name} [xfail]" if request.node.get_closest_marker("xfail") else name


def train_and_compare(request, pair, x, y, **kw):
    _train_and_compare(area_of(request), pair, x, y, **kw)


def inputs(shape, n=N, seed=0, scale=1.0):
    return (np.random.default_rng(seed).normal(size=(n, *shape)) * scale).astype(np.float32)


def sparse_labels(k=3, n=N, seed=1):
    return np.random.default_rng(seed).integers(0, k, n)


def one_hot(k=3, n=N, seed=1):
    return np.eye(k, dtype=np.float32)[sparse_labels(k, n, seed)]


def soft_targets(k=3, n=N, seed=2):
    return np.random.default_rng(seed).dirichlet(np.ones(k), n).astype(np.float32)


def binary_targets(k=1, n=N, seed=3):
    return np.random.default_rng(seed).integers(0, 2, (n, k)).astype(np.float32)


def regression_targets(k=2, n=N, seed=4):
    return np.random.default_rng(seed).normal(size=(n, k)).astype(np.float32)


def scce_logits(L):
    return L.losses.SparseCategoricalCrossentropy(from_logits=True)


def sgd_momentum(L):
    return L.optimizers.SGD(0.05, momentum=0.9)


# ---- layers ------------------------------------------------------------------------------------------
# (input shape, layers before the final Dense(3) logits); trained with sparse CE from logits and SGD+momentum.
LAYER_CASES = {
    "dense": ((6,), lambda L: [L.layers.Dense(8, activation="relu")]),
    "dense_no_bias": ((6,), lambda L: [L.layers.Dense(8, activation="tanh", use_bias=False)]),
    "conv_valid": ((6, 6, 2), lambda L: [L.layers.Conv2D(4, 3, activation="relu"), L.layers.Flatten()]),
    "conv_valid_stride_2x1": ((7, 6, 2), lambda L: [L.layers.Conv2D(3, (3, 2), strides=(2, 1)), L.layers.Flatten()]),
    "conv_same": ((5, 5, 2), lambda L: [L.layers.Conv2D(3, 3, padding="same", activation="tanh"),
                                        L.layers.Flatten()]),
    "conv_same_even_kernel": ((5, 6, 1), lambda L: [L.layers.Conv2D(3, (2, 4), padding="same"), L.layers.Flatten()]),
    "conv_same_stride2_odd": ((7, 7, 2), lambda L: [L.layers.Conv2D(4, 3, strides=2, padding="same",
                                                                    activation="relu"), L.layers.Flatten()]),
    "conv_same_stride2_even": ((6, 6, 1), lambda L: [L.layers.Conv2D(2, 3, strides=2, padding="same"),
                                                     L.layers.Flatten()]),
    "conv_no_bias_stride3": ((8, 7, 2), lambda L: [L.layers.Conv2D(2, 2, strides=3, use_bias=False),
                                                   L.layers.Flatten()]),
    "maxpool": ((6, 6, 2), lambda L: [L.layers.Conv2D(3, 3, padding="same"), L.layers.MaxPooling2D(),
                                      L.layers.Flatten()]),
    "maxpool_valid_odd": ((7, 7, 1), lambda L: [L.layers.Conv2D(2, 2), L.layers.MaxPooling2D(), L.layers.Flatten()]),
    "maxpool_overlap": ((6, 6, 1), lambda L: [L.layers.Conv2D(2, 2), L.layers.MaxPooling2D(3, strides=1),
                                              L.layers.Flatten()]),
    "maxpool_same_symmetric": ((5, 5, 1), lambda L: [L.layers.Conv2D(2, 1),
                                                     L.layers.MaxPooling2D(3, strides=2, padding="same"),
                                                     L.layers.Flatten()]),
    "maxpool_same_asymmetric": ((7, 7, 1), lambda L: [L.layers.Conv2D(2, 1), L.layers.MaxPooling2D(padding="same"),
                                                      L.layers.Flatten()]),
    "avgpool": ((6, 6, 2), lambda L: [L.layers.Conv2D(3, 3, padding="same"), L.layers.AveragePooling2D(2),
                                      L.layers.Flatten()]),
    "avgpool_valid_odd": ((7, 7, 1), lambda L: [L.layers.Conv2D(2, 2), L.layers.AveragePooling2D(3, strides=2),
                                                L.layers.Flatten()]),
    "avgpool_same_symmetric": ((5, 5, 1), lambda L: [L.layers.Conv2D(2, 1),
                                                     L.layers.AveragePooling2D(3, strides=1, padding="same"),
                                                     L.layers.Flatten()]),
    "avgpool_same_pad_after_only": ((7, 7, 1), lambda L: [L.layers.Conv2D(2, 1),
                                                          L.layers.AveragePooling2D(2, padding="same"),
                                                          L.layers.Flatten()]),
    "avgpool_same_asymmetric_stride2": ((6, 6, 1), lambda L: [L.layers.Conv2D(2, 1),
                                                              L.layers.AveragePooling2D(3, strides=2, padding="same"),
                                                              L.layers.Flatten()]),
    "avgpool_same_asymmetric_even_pool": ((5, 5, 1), lambda L: [L.layers.Conv2D(2, 1),
                                                                L.layers.AveragePooling2D(4, strides=1, padding="same"),
                                                                L.layers.Flatten()]),
    "maxpool_same_asymmetric_even_pool": ((5, 5, 1), lambda L: [L.layers.Conv2D(2, 1),
                                                                L.layers.MaxPooling2D(4, strides=1, padding="same"),
                                                                L.layers.Flatten()]),
    "reshape": ((12,), lambda L: [L.layers.Reshape((2, 3, 2)), L.layers.Conv2D(2, 2, padding="same"),
                                  L.layers.Reshape((-1,))]),
    "dropout_rate_0": ((6,), lambda L: [L.layers.Dense(8, activation="relu"), L.layers.Dropout(0.0)]),
    "activation_layer": ((6,), lambda L: [L.layers.Dense(8), L.layers.Activation("elu")]),
    "small_cnn": ((8, 8, 1), lambda L: [
        L.layers.Conv2D(4, 3, padding="same", activation="relu"), L.layers.MaxPooling2D(),
        L.layers.Conv2D(4, 3, strides=2, padding="same", activation="tanh"), L.layers.AveragePooling2D(2),
        L.layers.Flatten(), L.layers.Dense(8, activation="relu")]),
}


# Keras's torch backend pads an asymmetric "same" average pool by *replicating the edge* and then divides by the
# full window (keras/src/backend/torch/nn.py: _apply_same_padding(..., "pooling") → tnn.pad(mode="replicate"),
# avg_pool2d(padding=0)), while its JAX and TensorFlow backends — and the engine — average only the real pixels.
# Symmetric padding goes through torch's own padding with count_include_pad=False and agrees with all of them.
TORCH_ONLY_AVGPOOL = pytest.mark.xfail(strict=True, reason="Keras-torch replicates edges in asymmetric 'same' "
                                       "average pooling; the engine follows Keras's JAX/TF backends")


@pytest.mark.parametrize("case", [pytest.param(c, marks=TORCH_ONLY_AVGPOOL) if c.startswith("avgpool_same_asymmetric")
                                  else c for c in LAYER_CASES])
def test_layers(request, case):
    shape, body = LAYER_CASES[case]
    pair = build_pair(keras, shape, lambda L: [*body(L), L.layers.Dense(3)])
    compile_pair(pair, sgd_momentum, scce_logits, ["accuracy"])
    train_and_compare(request, pair, inputs(shape), sparse_labels())


def test_dropout_is_identity_in_predict_and_evaluate(request):
    area = area_of(request)
    pair = build_pair(keras, (6,), lambda L: [L.layers.Dense(8, activation="relu"), L.layers.Dropout(0.5),
                                               L.layers.Dense(3, activation="softmax")])
    compile_pair(pair, sgd_momentum, "sparse_categorical_crossentropy", ["accuracy"])
    x, y = inputs((6,), n=40), sparse_labels(n=40)
    assert_close(area, "predict", pair.s.predict(x), pair.k.predict(x, verbose=0))
    compare_logs(area, "evaluate", pair.s.evaluate(x, y, verbose=0, return_dict=True),
                 pair.k.evaluate(x, y, verbose=0, return_dict=True))
    compare_logs(area, "test_on_batch", pair.s.test_on_batch(x, y, return_dict=True),
                 pair.k.test_on_batch(x, y, return_dict=True))


# ---- activations -------------------------------------------------------------------------------------
ACTIVATIONS = ["linear", "relu", "leaky_relu", "elu", "gelu", "sigmoid", "tanh", "softmax", "softplus", "silu"]


@pytest.mark.parametrize("where", ["fused", "layer"])
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_activations(request, activation, where):
    if where == "fused":
        def body(L):
            return [L.layers.Dense(6, activation=activation)]
    else:
        def body(L):
            return [L.layers.Conv2D(3, 2), L.layers.Activation(activation), L.layers.Flatten()]
    shape = (6,) if where == "fused" else (3, 3, 2)
    pair = build_pair(keras, shape, lambda L: [*body(L), L.layers.Dense(2)])
    compile_pair(pair, lambda L: L.optimizers.SGD(0.1), "mean_squared_error", ["mae"])
    train_and_compare(request, pair, inputs(shape, scale=2.0), regression_targets())


# ---- losses ------------------------------------------------------------------------------------------
def _loss_case(loss, last, y, metrics, saturate=False):
    return loss, last, y, metrics, saturate


def _saturate_output(weights):
    """Scale the output layer's kernel ×30 so probabilities reach Keras's [1e-7, 1 − 1e-7] clip.

    Only the last layer: a saturated tanh hidden layer would make 1 − y² depend on the last ulp of y,
    which NumPy's and torch's tanh round differently, so the comparison would measure libm, not the engine.
    """
    return [*weights[:-2], weights[-2] * np.float32(30.0), weights[-1]]


LOSS_CASES = {
    "scce_logits": _loss_case(scce_logits, lambda L: L.layers.Dense(3), sparse_labels(), ["accuracy"]),
    "scce_probs": _loss_case(lambda L: L.losses.SparseCategoricalCrossentropy(),
                             lambda L: L.layers.Dense(3, activation="softmax"), sparse_labels(), ["accuracy"]),
    "scce_labels_column": _loss_case("sparse_categorical_crossentropy",
                                     lambda L: L.layers.Dense(3, activation="softmax"),
                                     sparse_labels()[:, None], ["accuracy"]),
    "scce_probs_saturated": _loss_case("sparse_categorical_crossentropy",
                                       lambda L: L.layers.Dense(3, activation="softmax"), sparse_labels(),
                                       ["accuracy"], saturate=True),
    "cce_logits": _loss_case(lambda L: L.losses.CategoricalCrossentropy(from_logits=True),
                             lambda L: L.layers.Dense(3), one_hot(), ["accuracy", "mae", "mse"]),
    "cce_probs": _loss_case("categorical_crossentropy", lambda L: L.layers.Dense(3, activation="softmax"),
                            one_hot(), ["accuracy", "mae", "mse"]),
    "cce_unnormalized_probs": _loss_case("categorical_crossentropy", lambda L: L.layers.Dense(3, activation="sigmoid"),
                                         soft_targets(), ["accuracy"]),
    "scce_unnormalized_probs": _loss_case("sparse_categorical_crossentropy",
                                          lambda L: L.layers.Dense(3, activation="sigmoid"), sparse_labels(),
                                          ["accuracy"]),
    "cce_soft_targets": _loss_case(lambda L: L.losses.CategoricalCrossentropy(from_logits=True),
                                   lambda L: L.layers.Dense(3), soft_targets(), ["accuracy"]),
    "cce_probs_saturated": _loss_case("categorical_crossentropy", lambda L: L.layers.Dense(3, activation="softmax"),
                                      one_hot(), ["accuracy"], saturate=True),
    "bce_logits": _loss_case(lambda L: L.losses.BinaryCrossentropy(from_logits=True), lambda L: L.layers.Dense(1),
                             binary_targets(), ["accuracy", "mse"]),
    "bce_probs": _loss_case("binary_crossentropy", lambda L: L.layers.Dense(1, activation="sigmoid"),
                            binary_targets(), ["accuracy", "mae"]),
    "bce_multilabel_logits": _loss_case(lambda L: L.losses.BinaryCrossentropy(from_logits=True),
                                        lambda L: L.layers.Dense(3), binary_targets(3), ["mse"]),
    "bce_multilabel_probs": _loss_case("binary_crossentropy", lambda L: L.layers.Dense(3, activation="sigmoid"),
                                       binary_targets(3), ["mae"]),
    "bce_soft_targets": _loss_case(lambda L: L.losses.BinaryCrossentropy(from_logits=True),
                                   lambda L: L.layers.Dense(2), soft_targets(2), ["mse"]),
    "bce_probs_saturated": _loss_case("binary_crossentropy", lambda L: L.layers.Dense(1, activation="sigmoid"),
                                      binary_targets(), ["accuracy"], saturate=True),
    "mse": _loss_case("mean_squared_error", lambda L: L.layers.Dense(2), regression_targets(), ["mae", "mse"]),
    "mse_alias": _loss_case("mse", lambda L: L.layers.Dense(2), regression_targets(), ["mae"]),
    "mse_flat_targets": _loss_case("mse", lambda L: L.layers.Dense(1), regression_targets(1)[:, 0], ["mae"]),
    "mae": _loss_case("mean_absolute_error", lambda L: L.layers.Dense(2), regression_targets(), ["mae", "mse"]),
    "mae_alias": _loss_case("mae", lambda L: L.layers.Dense(1), regression_targets(1), ["mse"]),
}


@pytest.mark.parametrize("case", list(LOSS_CASES))
def test_losses(request, case):
    loss, last, y, metrics, saturate = LOSS_CASES[case]
    pair = build_pair(keras, (5,), lambda L: [L.layers.Dense(6, activation="tanh"), last(L)],
                      weights=_saturate_output if saturate else None)
    compile_pair(pair, lambda L: L.optimizers.Adam(0.02), loss, metrics)
    train_and_compare(request, pair, inputs((5,)), y)


# ---- optimizers --------------------------------------------------------------------------------------
OPTIMIZERS = {
    "sgd": lambda L, **c: L.optimizers.SGD(0.1, **c),
    "sgd_momentum": lambda L, **c: L.optimizers.SGD(0.05, momentum=0.9, **c),
    "sgd_nesterov": lambda L, **c: L.optimizers.SGD(0.05, momentum=0.9, nesterov=True, **c),
    "rmsprop": lambda L, **c: L.optimizers.RMSprop(0.01, **c),
    "rmsprop_momentum": lambda L, **c: L.optimizers.RMSprop(0.01, rho=0.8, momentum=0.5, **c),
    "rmsprop_centered": lambda L, **c: L.optimizers.RMSprop(0.01, centered=True, **c),
    "rmsprop_centered_momentum": lambda L, **c: L.optimizers.RMSprop(0.005, momentum=0.9, centered=True, **c),
    "adam": lambda L, **c: L.optimizers.Adam(0.01, **c),
    "adam_betas_eps": lambda L, **c: L.optimizers.Adam(0.01, beta_1=0.8, beta_2=0.95, epsilon=1e-3, **c),
    "adam_amsgrad": lambda L, **c: L.optimizers.Adam(0.01, amsgrad=True, **c),
    "adam_weight_decay": lambda L, **c: L.optimizers.Adam(0.01, weight_decay=0.05, **c),
    "adamw": lambda L, **c: L.optimizers.AdamW(0.01, **c),
    "adamw_strong": lambda L, **c: L.optimizers.AdamW(0.01, weight_decay=0.2, **c),
    "adagrad": lambda L, **c: L.optimizers.Adagrad(0.05, **c),
    "adagrad_accumulator": lambda L, **c: L.optimizers.Adagrad(0.05, initial_accumulator_value=0.01,
                                                               epsilon=1e-4, **c),
    "sgd_weight_decay": lambda L, **c: L.optimizers.SGD(0.05, momentum=0.5, weight_decay=0.1, **c),
}
# Thresholds well below the gradient norms of this model, so clipping is active on every step.
CLIPPING = {"none": {}, "clipnorm": {"clipnorm": 0.05}, "global_clipnorm": {"global_clipnorm": 0.1}}


def _mlp(L):
    return [L.layers.Conv2D(2, 2, activation="tanh"), L.layers.Flatten(), L.layers.Dense(6, activation="relu"),
            L.layers.Dense(3)]


@pytest.mark.parametrize("clip", list(CLIPPING))
@pytest.mark.parametrize("opt", list(OPTIMIZERS))
def test_optimizers(request, opt, clip):
    pair = build_pair(keras, (4, 4, 1), _mlp)
    compile_pair(pair, lambda L: OPTIMIZERS[opt](L, **CLIPPING[clip]), scce_logits, ["accuracy"])
    train_and_compare(request, pair, inputs((4, 4, 1)), sparse_labels())


@pytest.mark.parametrize("opt", ["sgd_momentum", "adam", "rmsprop"])
def test_clipvalue(request, opt):
    pair = build_pair(keras, (4, 4, 1), _mlp)
    compile_pair(pair, lambda L: OPTIMIZERS[opt](L, clipvalue=0.01), scce_logits, ["accuracy"])
    train_and_compare(request, pair, inputs((4, 4, 1)), sparse_labels())


@pytest.mark.parametrize("clip", list(CLIPPING))
def test_frozen_layer(request, clip):
    """A layer built with trainable=False keeps its weights; only trainable gradients are clipped together."""
    def layers(L):
        return [L.layers.Dense(6, activation="tanh", trainable=False, kernel_regularizer=L.regularizers.L2(0.01)),
                L.layers.Dense(3)]

    pair = build_pair(keras, (6,), layers)
    compile_pair(pair, lambda L: OPTIMIZERS["adamw"](L, **CLIPPING[clip]), scce_logits, ["accuracy"])
    frozen = pair.k.get_weights()[:2]
    train_and_compare(request, pair, inputs((6,)), sparse_labels())
    for before, after in zip(frozen, pair.s.get_weights()[:2], strict=True):
        np.testing.assert_array_equal(after, before)


# ---- learning-rate schedules -------------------------------------------------------------------------
# Each schedule peaks at ``peak``: 0.1 for SGD, 0.01 for the adaptive optimizers (whose steps are ~lr each).
SCHEDULES = {
    "exponential": lambda S, peak: S.ExponentialDecay(peak, decay_steps=3, decay_rate=0.5),
    "exponential_staircase": lambda S, peak: S.ExponentialDecay(peak, decay_steps=2, decay_rate=0.3, staircase=True),
    "cosine": lambda S, peak: S.CosineDecay(peak, decay_steps=4),
    "cosine_alpha": lambda S, peak: S.CosineDecay(peak, decay_steps=5, alpha=0.2),
    "cosine_warmup_from_0": lambda S, peak: S.CosineDecay(0.0, decay_steps=3, warmup_target=peak, warmup_steps=2),
    "cosine_warmup_alpha": lambda S, peak: S.CosineDecay(peak / 10, decay_steps=3, alpha=0.1, warmup_target=peak,
                                                         warmup_steps=3),
}
SCHEDULED = {
    "sgd": (lambda L, lr: L.optimizers.SGD(lr), 0.1),
    "sgd_nesterov": (lambda L, lr: L.optimizers.SGD(lr, momentum=0.9, nesterov=True), 0.1),
    "adam": (lambda L, lr: L.optimizers.Adam(lr), 0.01),
    "adamw": (lambda L, lr: L.optimizers.AdamW(lr, weight_decay=0.1), 0.01),
    "rmsprop": (lambda L, lr: L.optimizers.RMSprop(lr), 0.01),
}


@pytest.mark.parametrize("opt", list(SCHEDULED))
@pytest.mark.parametrize("schedule", list(SCHEDULES))
def test_schedules(request, schedule, opt):
    """Eight steps run past every decay and warm-up boundary; the learning rate is compared before each.

    AdamW's decay ``w·wd·lr`` uses the scheduled rate too.
    """
    make, peak = SCHEDULED[opt]
    pair = build_pair(keras, (6,), lambda L: [L.layers.Dense(6, activation="tanh"), L.layers.Dense(3)])
    compile_pair(pair, lambda L: make(L, SCHEDULES[schedule](schedules(L), peak)), scce_logits, ["accuracy"])
    train_and_compare(request, pair, inputs((6,)), sparse_labels(), steps=8, check_lr=True)


# ---- regularizers ------------------------------------------------------------------------------------
REGULARIZERS = {
    "l1": (lambda L: L.regularizers.L1(0.01), lambda L: L.regularizers.L1(0.02)),
    "l2": (lambda L: L.regularizers.L2(0.01), lambda L: L.regularizers.L2(0.05)),
    "l1_l2": (lambda L: L.regularizers.L1L2(l1=0.01, l2=0.02), lambda L: L.regularizers.L1L2(l1=0.03, l2=0.01)),
    "l1_l2_only_l2": (lambda L: L.regularizers.L1L2(l2=0.03), lambda L: None),
    "names": (lambda L: "l2", lambda L: "l1"),
}


@pytest.mark.parametrize("opt", ["sgd", "adam"])
@pytest.mark.parametrize("reg", list(REGULARIZERS))
def test_regularizers(request, reg, opt):
    """The loss returned by train_on_batch / evaluate includes every kernel and bias penalty."""
    kernel, bias = REGULARIZERS[reg]

    def layers(L):
        return [L.layers.Conv2D(2, 3, kernel_regularizer=kernel(L), bias_regularizer=bias(L)), L.layers.Flatten(),
                L.layers.Dense(3, kernel_regularizer=kernel(L), bias_regularizer=bias(L))]

    pair = build_pair(keras, (5, 5, 1), layers)
    compile_pair(pair, lambda L: OPTIMIZERS[opt](L), scce_logits, ["accuracy"])
    x, y = inputs((5, 5, 1)), sparse_labels()
    train_and_compare(request, pair, x, y)
    compare_logs(area_of(request), "evaluate", pair.s.evaluate(x, y, verbose=0, return_dict=True),
                 pair.k.evaluate(x, y, verbose=0, return_dict=True))


# ---- metrics, evaluate, predict ----------------------------------------------------------------------
# (loss, last layer, targets): "accuracy" must resolve to the same metric as in Keras.
ACCURACY_CASES = {
    "scce": ("sparse_categorical_crossentropy", lambda L: L.layers.Dense(4, activation="softmax"), sparse_labels(4)),
    "scce_column": ("sparse_categorical_crossentropy", lambda L: L.layers.Dense(4, activation="softmax"),
                    sparse_labels(4)[:, None]),
    "cce": ("categorical_crossentropy", lambda L: L.layers.Dense(4, activation="softmax"), one_hot(4)),
    "bce_one_output": ("binary_crossentropy", lambda L: L.layers.Dense(1, activation="sigmoid"), binary_targets()),
    "bce_multilabel": ("binary_crossentropy", lambda L: L.layers.Dense(3, activation="sigmoid"), binary_targets(3)),
    "bce_soft_targets": ("binary_crossentropy", lambda L: L.layers.Dense(1, activation="sigmoid"),
                         np.random.default_rng(5).uniform(0.3, 1.0, (N, 1)).astype(np.float32)),
    "bce_flat_targets": ("binary_crossentropy", lambda L: L.layers.Dense(1, activation="sigmoid"),
                         binary_targets()[:, 0]),
    "mse_one_output": ("mse", lambda L: L.layers.Dense(1, activation="sigmoid"), binary_targets()),
    "mse_one_hot": ("mse", lambda L: L.layers.Dense(4, activation="softmax"), one_hot(4)),
}


@pytest.mark.parametrize("case", list(ACCURACY_CASES))
def test_accuracy_resolution(request, case):
    loss, last, y = ACCURACY_CASES[case]
    pair = build_pair(keras, (5,), lambda L: [L.layers.Dense(6, activation="tanh"), last(L)], weight_scale=2.0)
    compile_pair(pair, lambda L: L.optimizers.Adam(0.05), loss, ["accuracy", "acc"])
    train_and_compare(request, pair, inputs((5,)), y)


@pytest.mark.parametrize("case", ["scce_logits", "cce_probs", "bce_probs", "mse"])
def test_evaluate_and_predict_in_batches(request, case):
    """Uneven last batch: Keras weights batch means by batch size, so must the engine."""
    area = area_of(request)
    loss, last, _, metrics, _ = LOSS_CASES[case]
    y_all = {"scce_logits": sparse_labels(n=70), "cce_probs": one_hot(n=70), "bce_probs": binary_targets(n=70),
             "mse": regression_targets(n=70)}[case]
    pair = build_pair(keras, (5,), lambda L: [
        L.layers.Dense(6, activation="relu", kernel_regularizer=L.regularizers.L2(0.01)), last(L)])
    compile_pair(pair, lambda L: L.optimizers.Adam(0.02), loss, metrics)
    x = inputs((5,), n=70)
    for _ in range(3):
        compare_logs(area, "train_on_batch", pair.s.train_on_batch(x[:N], y_all[:N], return_dict=True),
                     pair.k.train_on_batch(x[:N], y_all[:N], return_dict=True))
    for bs in (32, 70, 9):
        compare_logs(area, f"evaluate(batch_size={bs})",
                     pair.s.evaluate(x, y_all, batch_size=bs, verbose=0, return_dict=True),
                     pair.k.evaluate(x, y_all, batch_size=bs, verbose=0, return_dict=True))
        assert_close(area, f"predict(batch_size={bs})", pair.s.predict(x, batch_size=bs),
                     pair.k.predict(x, batch_size=bs, verbose=0))
    compare_logs(area, "test_on_batch", pair.s.test_on_batch(x, y_all, return_dict=True),
                 pair.k.test_on_batch(x, y_all, return_dict=True))
    # list form: [loss, *metrics] in compile order
    assert_close(area, "evaluate list", pair.s.evaluate(x, y_all, verbose=0), pair.k.evaluate(x, y_all, verbose=0))


def test_fit_without_shuffle(request):
    """fit with shuffle=False is a sequence of train steps: History and weights match Keras."""
    area = area_of(request)
    pair = build_pair(keras, (6,), lambda L: [L.layers.Dense(8, activation="relu"), L.layers.Dense(3)])
    compile_pair(pair, lambda L: L.optimizers.Adam(0.01), scce_logits, ["accuracy"])
    x, y = inputs((6,), n=40), sparse_labels(n=40)
    kh = pair.k.fit(x, y, batch_size=16, epochs=3, shuffle=False, verbose=0).history
    sh = pair.s.fit(x, y, batch_size=16, epochs=3, shuffle=False, verbose=0).history
    for key in ("loss", "accuracy"):
        assert_close(area, f"history[{key!r}]", sh[key], kh[key])
    compare_weights(area, pair)


def test_sandbox_namespace_matches_keras():
    """Every class a case names exists under the same name in both libraries (guards the ``lambda L`` idiom)."""
    for ns, names in (("layers", ["Dense", "Conv2D", "MaxPooling2D", "AveragePooling2D", "Flatten", "Dropout",
                                  "Activation", "Reshape", "Input"]),
                      ("optimizers", ["SGD", "RMSprop", "Adam", "AdamW", "Adagrad"]),
                      ("losses", ["SparseCategoricalCrossentropy", "CategoricalCrossentropy", "BinaryCrossentropy",
                                  "MeanSquaredError", "MeanAbsoluteError"]),
                      ("regularizers", ["L1", "L2", "L1L2"])):
        for name in names:
            assert hasattr(getattr(keras, ns), name) and hasattr(getattr(sb, ns), name), f"{ns}.{name}"
    for name in ("ExponentialDecay", "CosineDecay"):
        assert hasattr(schedules(keras), name) and hasattr(schedules(sb), name)
