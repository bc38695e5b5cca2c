/*
 * Fused kernels for the engine, as the Python module sandbox._native._kernels.
 *
 * Each kernel performs exactly the float32 operations of the NumPy code it replaces, in the same order, one
 * rounding per operation (built with -ffp-contract=off, never -ffast-math), so both paths give the same
 * bits (the loss's logarithm aside: the C library's logf and NumPy's may differ in the last bit). The gain
 * is one pass over memory instead of one per NumPy call, and one call instead of several: at the benchmark's
 * sizes a NumPy call costs about 1.5 µs however small its array.
 *
 * The functions take NumPy arrays through the buffer protocol (no NumPy headers needed). One whose arrays
 * are not what it computes on (float32 and C-contiguous; int64 labels) returns False and changes nothing:
 * the caller then runs its NumPy code. The GIL is released during the loops, so threads may run them on
 * disjoint ranges at once.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* x86-64 always has SSE2 (and its MXCSR control register); elsewhere the portable loops run. */
#if defined(__x86_64__) || defined(_M_X64)
#include <emmintrin.h>
#define HAVE_SSE2 1
#endif

#if defined(_MSC_VER) && !defined(__clang__)
#define restrict __restrict
#endif

/* One copy of a loop per vector width, chosen when the library loads (glibc's ifunc): the same IEEE
 * operations at each width, so the same bits, 4 to 16 floats at a time. */
#if defined(__x86_64__) && defined(__linux__) && (defined(__GNUC__) || defined(__clang__))
#define VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define VECTOR_CLONES
#endif


/*
 * Adam, Keras's formula, as sandbox.optimizers.Adam._update does it in NumPy:
 *   m += (g - m) * (1 - beta_1)
 *   v += (g*g - v) * (1 - beta_2)
 *   (amsgrad: vhat = max(vhat, v); v = vhat)
 *   w -= m / (sqrt(v) + epsilon) * alpha
 * vhat may be NULL (no amsgrad).
 */
VECTOR_CLONES
static void dlsb_adam(float *restrict w, const float *restrict g, float *restrict m, float *restrict v,
               float *restrict vhat, ptrdiff_t n, float one_minus_b1, float one_minus_b2, float epsilon,
               float alpha)
{
    if (vhat == NULL) {
        for (ptrdiff_t i = 0; i < n; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * one_minus_b1;
            float vi = v[i] + (gi * gi - v[i]) * one_minus_b2;
            m[i] = mi;
            v[i] = vi;
            w[i] -= mi / (sqrtf(vi) + epsilon) * alpha;
        }
    } else {
        for (ptrdiff_t i = 0; i < n; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * one_minus_b1;
            float vi = v[i] + (gi * gi - v[i]) * one_minus_b2;
            /* np.maximum: NaN wins */
            float hi = (vhat[i] > vi || vhat[i] != vhat[i]) ? vhat[i] : vi;
            m[i] = mi;
            v[i] = vi;
            vhat[i] = hi;
            w[i] -= mi / (sqrtf(hi) + epsilon) * alpha;
        }
    }
}

/*
 * Dense forward's epilogue with ReLU: z += bias (row by row), y = max(z, 0), as NumPy's
 * `z += b; y = np.maximum(z, 0)` (NaN stays NaN). z (rows, cols) and y (rows, cols) are C-contiguous.
 */
VECTOR_CLONES
static void dlsb_bias_relu(float *restrict z, const float *restrict bias, float *restrict y, ptrdiff_t rows,
                    ptrdiff_t cols)
{
    for (ptrdiff_t r = 0; r < rows; r++) {
        float *zr = z + r * cols, *yr = y + r * cols;
        for (ptrdiff_t c = 0; c < cols; c++) {
            float v = zr[c] + bias[c];
            zr[c] = v;
            yr[c] = (v >= 0.0f || v != v) ? v : 0.0f;
        }
    }
}

/* ReLU's backward, as NumPy's `dy * (z > 0)`: out = dy times 1 or 0 (so -0.0 and NaN as NumPy gives them). */
VECTOR_CLONES
static void dlsb_relu_backward(const float *restrict z, const float *restrict dy, float *restrict out, ptrdiff_t n)
{
    for (ptrdiff_t i = 0; i < n; i++)
        out[i] = dy[i] * (z[i] > 0.0f ? 1.0f : 0.0f);
}

/*
 * Softmax + sparse categorical cross-entropy on probabilities p (n, k), labels (n,), as
 * SparseCategoricalCrossentropy.softmax_forward_backward does in NumPy: the gradient with respect to the
 * softmax's input is grad = p * inv_n, minus inv_n at each label; the loss is -mean(log(p[label] / sum(p))).
 * Returns 0 when done; 1 when a label is out of range, 2 when a renormalised prediction for a label lies
 * outside [eps, 1 - eps] (or is NaN): then nothing is to be used and the caller takes the long way, which
 * says what is wrong or clips as Keras does.
 */
static int dlsb_softmax_sparse_ce(const float *restrict p, const int64_t *restrict labels, ptrdiff_t n, ptrdiff_t k,
                           float inv_n, float eps, float *restrict grad, double *restrict loss)
{
    double total = 0.0;
    for (ptrdiff_t i = 0; i < n; i++) {
        int64_t label = labels[i];
        if (label < 0 || label >= k)
            return 1;
        const float *row = p + i * k;
        float s = 0.0f;
        for (ptrdiff_t j = 0; j < k; j++)
            s += row[j];
        float q = row[label] / s;
        if (!(q >= eps && q <= 1.0f - eps))
            return 2;
        total += (double)logf(q);
    }
    for (ptrdiff_t i = 0; i < n * k; i++)
        grad[i] = p[i] * inv_n;
    for (ptrdiff_t i = 0; i < n; i++)
        grad[i * k + labels[i]] -= inv_n;
    *loss = -total / (double)n;
    return 0;
}

/*
 * 2x2 max pooling at stride 2, as MaxPooling2D's NumPy code: top = max(a, b), bottom = max(c, d),
 * out = max(top, bottom) (NaN wins, as np.maximum), and, when `winner` is not NULL, which of a, b, c, d
 * (0-3) gets the gradient: the top pair if top >= bottom, then a if a >= b, else b; likewise c, d.
 * x is a strided (n0, n1, h, w) array (byte strides s[4]: Conv2D's output lies on a padded grid); out and
 * winner are contiguous (n0, n1, h/2, w/2). An odd last row or column is not read ("valid").
 */
static inline float max_nan(float a, float b) { return (a >= b || a != a) ? a : b; }

#define AT(base, off) (*(const float *)((const char *)(base) + (off)))

static inline uint8_t winner_of(float a, float b, float c, float d)
{
    float top = max_nan(a, b), bottom = max_nan(c, d);
    return (uint8_t)(top >= bottom ? (a >= b ? 0 : 1) : (c >= d ? 2 : 3));
}

#ifdef HAVE_SSE2
/* Windows j .. j+3 of one row pair with SSE2 compare-and-select: the lanes compute exactly what max_nan and
 * winner_of compute, without the branches that random data mispredicts (a scalar loop: 13 ns a window). */
static inline void windows4(const float *restrict r0, const float *restrict r1, float *restrict o,
                            uint8_t *restrict win, Py_ssize_t j)
{
    const __m128 one = _mm_set1_ps(1.0f), two = _mm_set1_ps(2.0f);
    __m128 u0 = _mm_loadu_ps(r0 + 2 * j), u1 = _mm_loadu_ps(r0 + 2 * j + 4);
    __m128 l0 = _mm_loadu_ps(r1 + 2 * j), l1 = _mm_loadu_ps(r1 + 2 * j + 4);
    __m128 a = _mm_shuffle_ps(u0, u1, _MM_SHUFFLE(2, 0, 2, 0)), b = _mm_shuffle_ps(u0, u1, _MM_SHUFFLE(3, 1, 3, 1));
    __m128 c = _mm_shuffle_ps(l0, l1, _MM_SHUFFLE(2, 0, 2, 0)), d = _mm_shuffle_ps(l0, l1, _MM_SHUFFLE(3, 1, 3, 1));
    __m128 ab = _mm_cmpge_ps(a, b), cd = _mm_cmpge_ps(c, d);
    __m128 keep_a = _mm_or_ps(ab, _mm_cmpunord_ps(a, a)), keep_c = _mm_or_ps(cd, _mm_cmpunord_ps(c, c));
    __m128 top = _mm_or_ps(_mm_and_ps(keep_a, a), _mm_andnot_ps(keep_a, b));
    __m128 bottom = _mm_or_ps(_mm_and_ps(keep_c, c), _mm_andnot_ps(keep_c, d));
    __m128 tb = _mm_cmpge_ps(top, bottom);
    __m128 keep_top = _mm_or_ps(tb, _mm_cmpunord_ps(top, top));
    _mm_storeu_ps(o + j, _mm_or_ps(_mm_and_ps(keep_top, top), _mm_andnot_ps(keep_top, bottom)));
    if (win) {
        __m128 upper = _mm_andnot_ps(ab, one);                  /* 0 if a >= b else 1 */
        __m128 lower = _mm_add_ps(two, _mm_andnot_ps(cd, one)); /* 2 if c >= d else 3 */
        __m128i k = _mm_cvttps_epi32(_mm_or_ps(_mm_and_ps(tb, upper), _mm_andnot_ps(tb, lower)));
        k = _mm_packus_epi16(_mm_packs_epi32(k, k), k);
        int packed = _mm_cvtsi128_si32(k);
        memcpy(win + j, &packed, 4);
    }
}
#endif

/* One output row from two input rows r0, r1 of unit stride. */
static void maxpool_row(const float *restrict r0, const float *restrict r1, float *restrict o,
                        uint8_t *restrict win, Py_ssize_t wo)
{
#ifdef HAVE_SSE2
    if (wo >= 4) {
        Py_ssize_t j = 0;
        for (; j + 4 <= wo; j += 4)
            windows4(r0, r1, o, win, j);
        if (j < wo)  /* the last four windows again, overlapping: a scalar tail would mispredict */
            windows4(r0, r1, o, win, wo - 4);
        return;
    }
#endif
    for (Py_ssize_t j = 0; j < wo; j++) {
        float a = r0[2 * j], b = r0[2 * j + 1], c = r1[2 * j], d = r1[2 * j + 1];
        o[j] = max_nan(max_nan(a, b), max_nan(c, d));
        if (win)
            win[j] = winner_of(a, b, c, d);
    }
}

static void dlsb_maxpool2x2(const float *x, const Py_ssize_t *shape, const Py_ssize_t *s, float *restrict out,
                            uint8_t *restrict winner)
{
    Py_ssize_t ho = shape[2] / 2, wo = shape[3] / 2;
    for (Py_ssize_t p0 = 0; p0 < shape[0]; p0++)
        for (Py_ssize_t p1 = 0; p1 < shape[1]; p1++) {
            const char *xp = (const char *)x + p0 * s[0] + p1 * s[1];
            Py_ssize_t plane = (p0 * shape[1] + p1) * ho * wo;
            for (Py_ssize_t i = 0; i < ho; i++) {
                const char *r0 = xp + 2 * i * s[2], *r1 = r0 + s[2];
                float *o = out + plane + i * wo;
                uint8_t *win = winner ? winner + plane + i * wo : NULL;
                if (s[3] == (Py_ssize_t)sizeof(float)) {
                    maxpool_row((const float *)r0, (const float *)r1, o, win, wo);
                    continue;
                }
                for (Py_ssize_t j = 0; j < wo; j++) {
                    Py_ssize_t c0 = 2 * j * s[3], c1 = c0 + s[3];
                    float a = AT(r0, c0), b = AT(r0, c1), c = AT(r1, c0), d = AT(r1, c1);
                    o[j] = max_nan(max_nan(a, b), max_nan(c, d));
                    if (win)
                        win[j] = winner_of(a, b, c, d);
                }
            }
        }
}

/* Its backward: dx (contiguous (n0, n1, h, w)) gets each dy (strided (n0, n1, h/2, w/2), byte strides s[4])
 * at its window's winner, 0 elsewhere. */
static void dlsb_maxpool2x2_backward(const float *dy, const Py_ssize_t *s, const uint8_t *restrict winner,
                                     float *restrict dx, const Py_ssize_t *shape)
{
    Py_ssize_t h = shape[2], w = shape[3], ho = h / 2, wo = w / 2;
    memset(dx, 0, (size_t)(shape[0] * shape[1] * h * w) * sizeof(float));
    for (Py_ssize_t p0 = 0; p0 < shape[0]; p0++)
        for (Py_ssize_t p1 = 0; p1 < shape[1]; p1++) {
            const char *dp = (const char *)dy + p0 * s[0] + p1 * s[1];
            Py_ssize_t plane = p0 * shape[1] + p1;
            const uint8_t *win = winner + plane * ho * wo;
            float *xp = dx + plane * h * w;
            for (Py_ssize_t i = 0; i < ho; i++)
                for (Py_ssize_t j = 0; j < wo; j++) {
                    uint8_t k = win[i * wo + j];
                    xp[(2 * i + (k >> 1)) * w + 2 * j + (k & 1)] = AT(dp, i * s[2] + j * s[3]);
                }
        }
}

/*
 * Flush-to-zero and denormals-are-zero for the calling thread's SSE arithmetic (NumPy's ufuncs and these
 * kernels). Numbers below 1.2e-38 then count as 0: a long Adam run otherwise fills its momentum with such
 * numbers, and each operation on one costs about a hundred cycles. Returns the previous control word, to be
 * given back to dlsb_restore_fp; -1 where the CPU has no such control (the call then changes nothing).
 */
static int dlsb_flush_denormals(void)
{
#ifdef HAVE_SSE2
    unsigned int old = _mm_getcsr();
    _mm_setcsr(old | 0x8040u); /* FTZ (bit 15) | DAZ (bit 6) */
    return (int)old;
#else
    return -1;
#endif
}

static void dlsb_restore_fp(int previous)
{
#ifdef HAVE_SSE2
    if (previous >= 0)
        _mm_setcsr((unsigned int)previous);
#else
    (void)previous;
#endif
}


/* ---- the Python functions ------------------------------------------------------------------------- */

/* Bumped when a function's signature changes: the loader refuses a module built from an older source. */
#define KERNELS_VERSION 4

/* A C-contiguous buffer of `itemsize`-byte items of one of the `kinds` format letters; 0 if obj is not one
 * (no exception left set). */
static int get_buffer(PyObject *obj, Py_buffer *view, int writable, Py_ssize_t itemsize, const char *kinds)
{
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, view, flags) != 0) {
        PyErr_Clear();
        return 0;
    }
    const char *f = view->format ? view->format : "B";
    if (*f == '<' || *f == '=' || *f == '@')
        f++;
    if (view->itemsize != itemsize || f[0] == '\0' || f[1] != '\0' || strchr(kinds, f[0]) == NULL) {
        PyBuffer_Release(view);
        return 0;
    }
    return 1;
}

#define F32 "f"
#define I64 "ql"

static void release_all(Py_buffer *views, int count)
{
    for (int i = 0; i < count; i++)
        PyBuffer_Release(&views[i]);
}

/* Gets `count` buffers; on the first that does not fit, releases those got and returns 0. */
static int get_buffers(PyObject *const *objs, Py_buffer *views, const int *writable, const char *const *kinds,
                       const Py_ssize_t *itemsizes, int count)
{
    for (int i = 0; i < count; i++) {
        if (!get_buffer(objs[i], &views[i], writable[i], itemsizes[i], kinds[i])) {
            release_all(views, i);
            return 0;
        }
    }
    return 1;
}

/* False (with TypeError set) unless the call has `want` arguments. */
static int argument_count(Py_ssize_t nargs, Py_ssize_t want, const char *name)
{
    if (nargs == want)
        return 1;
    PyErr_Format(PyExc_TypeError, "%s takes %zd arguments", name, want);
    return 0;
}

/* `count` float32 C-contiguous buffers, writable where `writable` says; 0 (none held) if one does not fit. */
static int get_f32_buffers(PyObject *const *objs, Py_buffer *views, const int *writable, int count)
{
    static const char *const kinds[5] = {F32, F32, F32, F32, F32};
    static const Py_ssize_t sizes[5] = {4, 4, 4, 4, 4};
    return get_buffers(objs, views, writable, kinds, sizes, count);
}

static PyObject *size_error(Py_buffer *views, int count)
{
    release_all(views, count);
    PyErr_SetString(PyExc_ValueError, "arrays of different sizes");
    return NULL;
}

/* adam(w, g, m, v, vhat_or_None, one_minus_b1, one_minus_b2, epsilon, alpha) -> bool */
static PyObject *py_adam(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!argument_count(nargs, 9, "adam"))
        return NULL;
    float c[4];
    for (int i = 0; i < 4; i++) {
        double d = PyFloat_AsDouble(args[5 + i]);
        if (d == -1.0 && PyErr_Occurred())
            return NULL;
        c[i] = (float)d;
    }
    int have_hat = args[4] != Py_None;
    int count = have_hat ? 5 : 4;
    Py_buffer views[5];
    static const int writable[5] = {1, 0, 1, 1, 1};
    if (!get_f32_buffers(args, views, writable, count))
        Py_RETURN_FALSE;
    Py_ssize_t n = views[0].len / 4;
    for (int i = 1; i < count; i++)
        if (views[i].len / 4 != n)
            return size_error(views, count);
    Py_BEGIN_ALLOW_THREADS
    dlsb_adam(views[0].buf, views[1].buf, views[2].buf, views[3].buf, have_hat ? views[4].buf : NULL, n, c[0],
              c[1], c[2], c[3]);
    Py_END_ALLOW_THREADS
    release_all(views, count);
    Py_RETURN_TRUE;
}

/* bias_relu(z, bias, y) -> bool; z and y (rows, cols), bias (cols,) */
static PyObject *py_bias_relu(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer views[3];
    static const int writable[3] = {1, 0, 1};
    if (!argument_count(nargs, 3, "bias_relu"))
        return NULL;
    if (!get_f32_buffers(args, views, writable, 3))
        Py_RETURN_FALSE;
    Py_ssize_t cols = views[1].len / 4;
    if (views[0].len != views[2].len || cols == 0 || (views[0].len / 4) % cols != 0)
        return size_error(views, 3);
    Py_ssize_t rows = views[0].len / 4 / cols;
    dlsb_bias_relu(views[0].buf, views[1].buf, views[2].buf, rows, cols);
    release_all(views, 3);
    Py_RETURN_TRUE;
}

/* relu_backward(z, dy, out) -> bool */
static PyObject *py_relu_backward(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer views[3];
    static const int writable[3] = {0, 0, 1};
    if (!argument_count(nargs, 3, "relu_backward"))
        return NULL;
    if (!get_f32_buffers(args, views, writable, 3))
        Py_RETURN_FALSE;
    if (views[0].len != views[1].len || views[0].len != views[2].len)
        return size_error(views, 3);
    Py_ssize_t n = views[0].len / 4;
    if (n > 65536) {
        Py_BEGIN_ALLOW_THREADS
        dlsb_relu_backward(views[0].buf, views[1].buf, views[2].buf, n);
        Py_END_ALLOW_THREADS
    } else {
        dlsb_relu_backward(views[0].buf, views[1].buf, views[2].buf, n);
    }
    release_all(views, 3);
    Py_RETURN_TRUE;
}

/* softmax_sparse_ce(p, labels, inv_n, eps, grad) -> loss (float), or None (out of range, clipped, or arrays
 * that do not fit): p and grad (n, k) as one buffer each, labels (n,) int64. */
static PyObject *py_softmax_sparse_ce(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!argument_count(nargs, 5, "softmax_sparse_ce"))
        return NULL;
    double inv_n = PyFloat_AsDouble(args[2]);
    double eps = PyFloat_AsDouble(args[3]);
    if (PyErr_Occurred())
        return NULL;
    PyObject *objs[3] = {args[0], args[1], args[4]};
    Py_buffer views[3];
    static const int writable[3] = {0, 0, 1};
    static const char *const kinds[3] = {F32, I64, F32};
    static const Py_ssize_t sizes[3] = {4, 8, 4};
    if (!get_buffers(objs, views, writable, kinds, sizes, 3))
        Py_RETURN_NONE;
    Py_ssize_t n = views[1].len / 8;
    if (n == 0 || views[0].len != views[2].len || (views[0].len / 4) % n != 0)
        return size_error(views, 3);
    Py_ssize_t k = views[0].len / 4 / n;
    double loss = 0.0;
    int status = dlsb_softmax_sparse_ce(views[0].buf, views[1].buf, n, k, (float)inv_n, (float)eps,
                                        views[2].buf, &loss);
    release_all(views, 3);
    if (status != 0)
        Py_RETURN_NONE;
    return PyFloat_FromDouble(loss);
}

/* A float32 buffer of 4 dimensions, any strides; 0 if obj is not one (no exception left set). */
static int get_strided4(PyObject *obj, Py_buffer *view)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_STRIDES | PyBUF_FORMAT) != 0) {
        PyErr_Clear();
        return 0;
    }
    const char *f = view->format ? view->format : "B";
    if (*f == '<' || *f == '=' || *f == '@')
        f++;
    if (view->ndim != 4 || view->itemsize != 4 || strcmp(f, "f") != 0) {
        PyBuffer_Release(view);
        return 0;
    }
    return 1;
}

/* maxpool2x2(x, out, winner_or_None) -> bool: x float32 (n0, n1, h, w), any strides; out float32 and winner
 * uint8, contiguous, of n0 * n1 * (h // 2) * (w // 2) items */
static PyObject *py_maxpool2x2(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!argument_count(nargs, 3, "maxpool2x2"))
        return NULL;
    Py_buffer x;
    if (!get_strided4(args[0], &x))
        Py_RETURN_FALSE;
    int have_winner = args[2] != Py_None;
    int count = have_winner ? 2 : 1;
    Py_buffer views[2];
    static const int writable[2] = {1, 1};
    static const char *const kinds[2] = {F32, "B"};
    static const Py_ssize_t sizes[2] = {4, 1};
    if (!get_buffers(args + 1, views, writable, kinds, sizes, count)) {
        PyBuffer_Release(&x);
        Py_RETURN_FALSE;
    }
    Py_ssize_t half = x.shape[0] * x.shape[1] * (x.shape[2] / 2) * (x.shape[3] / 2);
    if (x.shape[2] < 2 || x.shape[3] < 2 || views[0].len != half * 4 || (have_winner && views[1].len != half)) {
        PyBuffer_Release(&x);
        return size_error(views, count);
    }
    Py_BEGIN_ALLOW_THREADS
    dlsb_maxpool2x2(x.buf, x.shape, x.strides, views[0].buf, have_winner ? views[1].buf : NULL);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&x);
    release_all(views, count);
    Py_RETURN_TRUE;
}

/* maxpool2x2_backward(dy, winner, dx) -> bool: dy float32 (n0, n1, h // 2, w // 2), any strides; winner uint8
 * of dy's size and dx float32 (n0, n1, h, w), both contiguous */
static PyObject *py_maxpool2x2_backward(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!argument_count(nargs, 3, "maxpool2x2_backward"))
        return NULL;
    Py_buffer dy, dx;
    if (!get_strided4(args[0], &dy))
        Py_RETURN_FALSE;
    if (!get_strided4(args[2], &dx)) {
        PyBuffer_Release(&dy);
        Py_RETURN_FALSE;
    }
    Py_buffer views[1];
    static const int writable[1] = {0};
    static const char *const kinds[1] = {"B"};
    static const Py_ssize_t sizes[1] = {1};
    int ok = PyBuffer_IsContiguous(&dx, 'C') && !dx.readonly
             && get_buffers(args + 1, views, writable, kinds, sizes, 1);
    if (!ok) {
        PyBuffer_Release(&dy);
        PyBuffer_Release(&dx);
        Py_RETURN_FALSE;
    }
    int fits = dx.shape[0] == dy.shape[0] && dx.shape[1] == dy.shape[1] && dx.shape[2] / 2 == dy.shape[2]
               && dx.shape[3] / 2 == dy.shape[3] && dy.shape[2] > 0 && dy.shape[3] > 0
               && views[0].len == dy.shape[0] * dy.shape[1] * dy.shape[2] * dy.shape[3];
    if (!fits) {
        PyBuffer_Release(&dy);
        PyBuffer_Release(&dx);
        return size_error(views, 1);
    }
    Py_BEGIN_ALLOW_THREADS
    dlsb_maxpool2x2_backward(dy.buf, dy.strides, views[0].buf, dx.buf, dx.shape);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&dy);
    PyBuffer_Release(&dx);
    release_all(views, 1);
    Py_RETURN_TRUE;
}

static PyObject *py_flush_denormals(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(dlsb_flush_denormals());
}

static PyObject *py_restore_fp(PyObject *self, PyObject *arg)
{
    long previous = PyLong_AsLong(arg);
    if (previous == -1 && PyErr_Occurred())
        return NULL;
    dlsb_restore_fp((int)previous);
    Py_RETURN_NONE;
}

static PyMethodDef kernels_methods[] = {
    {"adam", (PyCFunction)(void (*)(void))py_adam, METH_FASTCALL,
     "adam(w, g, m, v, vhat, one_minus_b1, one_minus_b2, epsilon, alpha) -> bool: Adam's step in place."},
    {"bias_relu", (PyCFunction)(void (*)(void))py_bias_relu, METH_FASTCALL,
     "bias_relu(z, bias, y) -> bool: z += bias; y = max(z, 0)."},
    {"relu_backward", (PyCFunction)(void (*)(void))py_relu_backward, METH_FASTCALL,
     "relu_backward(z, dy, out) -> bool: out = dy * (z > 0)."},
    {"softmax_sparse_ce", (PyCFunction)(void (*)(void))py_softmax_sparse_ce, METH_FASTCALL,
     "softmax_sparse_ce(p, labels, inv_n, eps, grad) -> float | None: loss, and the gradient before softmax."},
    {"maxpool2x2", (PyCFunction)(void (*)(void))py_maxpool2x2, METH_FASTCALL,
     "maxpool2x2(x, out, winner) -> bool: 2x2 max pooling of (n0, n1, h, w), and each window's winner."},
    {"maxpool2x2_backward", (PyCFunction)(void (*)(void))py_maxpool2x2_backward, METH_FASTCALL,
     "maxpool2x2_backward(dy, winner, dx) -> bool: each dy to its window's winner, 0 elsewhere."},
    {"flush_denormals", py_flush_denormals, METH_NOARGS,
     "flush_denormals() -> int: flush-to-zero on for this thread; returns the previous control (-1: none)."},
    {"restore_fp", py_restore_fp, METH_O, "restore_fp(previous): give back what flush_denormals replaced."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef kernels_module = {
    PyModuleDef_HEAD_INIT, "_kernels", "The engine's fused C kernels (see sandbox._native).", -1, kernels_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__kernels(void)
{
    PyObject *module = PyModule_Create(&kernels_module);
    if (module != NULL && PyModule_AddIntConstant(module, "VERSION", KERNELS_VERSION) != 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
