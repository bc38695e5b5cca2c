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

#include <time.h>

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* x86-64 always has SSE2 (and its MXCSR control register); elsewhere the portable loops run. */
#if defined(__x86_64__) || defined(_M_X64)
#include <emmintrin.h>
#define HAVE_SSE2 1
#define CPU_RELAX() _mm_pause()
#else
#define CPU_RELAX() ((void)0)
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
 * SparseCategoricalCrossentropy.softmax_forward_backward does in NumPy: q = p[label] / sum(p) is clipped to
 * [lo, hi] as Keras clips it; the loss is -mean(log(clipped q)); the gradient with respect to the softmax's
 * input is p * inv_n, minus inv_n at the label, and 0 for a whole row whose q was clipped (a clipped log
 * passes no gradient back, in Keras as in the long way). Returns 0 when done; 1 when a label is out of
 * range, 2 when some q is NaN: then nothing is to be used and the caller takes the long way.
 */
static int dlsb_softmax_sparse_ce(const float *restrict p, const int64_t *restrict labels, ptrdiff_t n, ptrdiff_t k,
                                  float inv_n, float lo, float hi, float *restrict grad, double *restrict loss)
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
        if (q != q)
            return 2;
        total += (double)logf(q < lo ? lo : (q > hi ? hi : q));
    }
    for (ptrdiff_t i = 0; i < n * k; i++)
        grad[i] = p[i] * inv_n;
    for (ptrdiff_t i = 0; i < n; i++) {
        const float *row = p + i * k;
        float s = 0.0f;
        for (ptrdiff_t j = 0; j < k; j++)
            s += row[j];
        float q = row[labels[i]] / s;
        if (q >= lo && q <= hi)
            grad[i * k + labels[i]] -= inv_n;
        else
            memset(grad + i * k, 0, (size_t)k * sizeof(float));
    }
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
#define KERNELS_VERSION 10

/* Whether the buffer holds `itemsize`-byte items of one of the `kinds` format letters (any byte-order mark). */
static int format_is(const Py_buffer *view, Py_ssize_t itemsize, const char *kinds)
{
    const char *f = view->format ? view->format : "B";
    if (*f == '<' || *f == '=' || *f == '@')
        f++;
    return view->itemsize == itemsize && f[0] != '\0' && f[1] == '\0' && strchr(kinds, f[0]) != NULL;
}

/* A C-contiguous buffer of `itemsize`-byte items of one of the `kinds` format letters; 0 if obj is not one
 * (no exception left set). */
static int get_buffer(PyObject *obj, Py_buffer *view, int writable, Py_ssize_t itemsize, const char *kinds)
{
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, view, flags) != 0) {
        PyErr_Clear();
        return 0;
    }
    if (!format_is(view, itemsize, kinds)) {
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

/* softmax_sparse_ce(p, labels, inv_n, lo, hi, grad) -> loss (float), or None (out of range, NaN, or arrays that
 * do not fit): p and grad (n, k) as one buffer each, labels (n,) int64; [lo, hi] Keras's clip of q. */
static PyObject *py_softmax_sparse_ce(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!argument_count(nargs, 6, "softmax_sparse_ce"))
        return NULL;
    double inv_n = PyFloat_AsDouble(args[2]);
    double lo = PyFloat_AsDouble(args[3]);
    double hi = PyFloat_AsDouble(args[4]);
    if (PyErr_Occurred())
        return NULL;
    PyObject *objs[3] = {args[0], args[1], args[5]};
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
    int status = dlsb_softmax_sparse_ce(views[0].buf, views[1].buf, n, k, (float)inv_n, (float)lo, (float)hi,
                                        views[2].buf, &loss);
    release_all(views, 3);
    if (status != 0)
        Py_RETURN_NONE;
    return PyFloat_FromDouble(loss);
}

/* A float32 buffer of `ndim` dimensions, any strides; 0 if obj is not one (no exception left set). */
static int get_strided(PyObject *obj, Py_buffer *view, int ndim, int writable)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_STRIDES | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0)) != 0) {
        PyErr_Clear();
        return 0;
    }
    if (view->ndim != ndim || !format_is(view, 4, F32)) {
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
    if (!get_strided(args[0], &x, 4, 0))
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
    if (!get_strided(args[0], &dy, 4, 0))
        Py_RETURN_FALSE;
    if (!get_strided(args[2], &dx, 4, 1)) {
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

/* ---- a second core for one thread's matrix products and Adam -------------------------------------------
 *
 * A small network's training step (the benchmark MLP: ~390 µs) cannot hand work to another Python thread:
 * waking it and passing the GIL costs ~20 µs, as long as the work saved. Here one helper thread, in C,
 * spins briefly between tasks and calls OpenBLAS's sgemm (the one NumPy loaded, found by Python) without
 * the GIL: the calling thread posts the second half of a product or of Adam's pass, does the first half,
 * then takes the second half itself if the helper has not started it (so a helper descheduled on a busy
 * machine costs nothing), else waits for it. Halves of a product's rows or columns are computed by the same
 * OpenBLAS kernel over the same inner dimension, so each output is the sum it would be in one call; halves of
 * the inner dimension (axis 2) add the two partial sums once more.
 *
 * One caller at a time: a second thread asking while the pool is in use gets False and runs its NumPy
 * code. Linux only (pthreads and the helper's spin); elsewhere the functions return False.
 */
#if defined(__linux__) && (defined(__GNUC__) || defined(__clang__))
#include <pthread.h>
#include <sched.h>
#define HAVE_POOL 1
#endif

typedef void (*sgemm_ilp64_t)(int order, int ta, int tb, int64_t m, int64_t n, int64_t k, float alpha,
                              const float *a, int64_t lda, const float *b, int64_t ldb, float beta, float *c,
                              int64_t ldc);
typedef void (*sgemm_lp64_t)(int order, int ta, int tb, int m, int n, int k, float alpha, const float *a,
                             int lda, const float *b, int ldb, float beta, float *c, int ldc);

enum { ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112 };

struct gemm_part {
    int ta, tb;
    Py_ssize_t m, n, k, lda, ldb, ldc;
    const float *a, *b;
    float *c;
};

struct adam_part {
    float *w, *m, *v, *vhat;
    const float *g;
    Py_ssize_t n;
    float c[4];
};

struct dot_part {
    const float *x;
    Py_ssize_t n;
    double result; /* x · x, written by whichever thread runs the part */
};

struct task {
    int kind; /* 1: gemm, 2: adam, 3: sum of squares */
    struct gemm_part gemm;
    struct adam_part adam;
    struct dot_part dot;
};

static int dlsb_flush_denormals(void);

static void *blas_sgemm = NULL, *blas_sdot = NULL;
static int blas_ilp64 = 1;

typedef float (*sdot_ilp64_t)(int64_t n, const float *x, int64_t incx, const float *y, int64_t incy);
typedef float (*sdot_lp64_t)(int n, const float *x, int incx, const float *y, int incy);

static double run_dot(const float *x, Py_ssize_t n)
{
    if (n <= 0)
        return 0.0;
    return blas_ilp64 ? (double)((sdot_ilp64_t)blas_sdot)(n, x, 1, x, 1)
                      : (double)((sdot_lp64_t)blas_sdot)((int)n, x, 1, x, 1);
}

static void run_gemm(const struct gemm_part *g)
{
    if (g->m <= 0 || g->n <= 0)
        return;
    if (blas_ilp64)
        ((sgemm_ilp64_t)blas_sgemm)(ROW_MAJOR, g->ta, g->tb, g->m, g->n, g->k, 1.0f, g->a, g->lda, g->b, g->ldb,
                                    0.0f, g->c, g->ldc);
    else
        ((sgemm_lp64_t)blas_sgemm)(ROW_MAJOR, g->ta, g->tb, (int)g->m, (int)g->n, (int)g->k, 1.0f, g->a,
                                   (int)g->lda, g->b, (int)g->ldb, 0.0f, g->c, (int)g->ldc);
}

static void run_task(struct task *t)
{
    if (t->kind == 3)
        t->dot.result = run_dot(t->dot.x, t->dot.n);
    else if (t->kind == 1)
        run_gemm(&t->gemm);
    else if (t->kind == 2)
        dlsb_adam(t->adam.w, t->adam.g, t->adam.m, t->adam.v, t->adam.vhat, t->adam.n, t->adam.c[0], t->adam.c[1],
                  t->adam.c[2], t->adam.c[3]);
}

#ifdef HAVE_POOL
/* How long the helper spins for the next task before it sleeps: longer than the Python between two
 * products of one step (~100 µs), shorter than anything a learner would notice as a busy core. */
#define SPIN_NS 400000L

static struct {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int started, sleeping, in_use;
    long posted, claimed, finished; /* sequence numbers, accessed with __atomic builtins */
    struct task task;
} pool = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0, 0, 0, 0, {0}};

static long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static void *helper_main(void *unused)
{
    (void)unused;
    /* the helper computes as the training thread does: denormals flushed (see flush_denormals) */
    dlsb_flush_denormals();
    long seen = __atomic_load_n(&pool.posted, __ATOMIC_ACQUIRE);
    for (;;) {
        long start = now_ns(), posted;
        int spins = 0;
        while ((posted = __atomic_load_n(&pool.posted, __ATOMIC_ACQUIRE)) == seen) {
            CPU_RELAX();
            if (++spins % 256 == 0 && now_ns() - start > SPIN_NS) {
                pthread_mutex_lock(&pool.lock);
                pool.sleeping = 1;
                while (__atomic_load_n(&pool.posted, __ATOMIC_ACQUIRE) == seen)
                    pthread_cond_wait(&pool.wake, &pool.lock);
                pool.sleeping = 0;
                pthread_mutex_unlock(&pool.lock);
                start = now_ns();
            }
        }
        seen = posted;
        long expected = posted - 1;
        if (__atomic_compare_exchange_n(&pool.claimed, &expected, posted, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
            run_task(&pool.task);
            __atomic_store_n(&pool.finished, posted, __ATOMIC_RELEASE);
        }
    }
    return NULL;
}

static void reset_after_fork(void)
{
    /* the child has no helper thread: start afresh (lazily) */
    pthread_mutex_t fresh_lock = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t fresh_cond = PTHREAD_COND_INITIALIZER;
    pool.lock = fresh_lock;
    pool.wake = fresh_cond;
    pool.started = pool.sleeping = pool.in_use = 0;
    pool.posted = pool.claimed = pool.finished = 0;
}

/* Runs `mine` here and `theirs` on the helper (or here, if the helper has not taken it when `mine` is done);
 * `theirs` holds its result afterwards. Returns 0 without running anything if the pool is unavailable or in
 * use by another thread. */
static int run_pair(struct task *mine, struct task *theirs)
{
    if ((blas_sgemm == NULL && theirs->kind == 1) || (blas_sdot == NULL && theirs->kind == 3))
        return 0;
    int expected = 0;
    if (!__atomic_compare_exchange_n(&pool.in_use, &expected, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
        return 0;
    if (!pool.started) {
        static int atfork_done = 0;
        if (!atfork_done) {
            pthread_atfork(NULL, NULL, reset_after_fork);
            atfork_done = 1;
        }
        pthread_t thread;
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        int failed = pthread_create(&thread, &attr, helper_main, NULL);
        pthread_attr_destroy(&attr);
        if (failed) {
            __atomic_store_n(&pool.in_use, 0, __ATOMIC_RELEASE);
            return 0;
        }
        pool.started = 1;
    }
    long seq = pool.posted + 1;
    pool.task = *theirs;
    __atomic_store_n(&pool.posted, seq, __ATOMIC_RELEASE);
    pthread_mutex_lock(&pool.lock);
    if (pool.sleeping)
        pthread_cond_signal(&pool.wake);
    pthread_mutex_unlock(&pool.lock);
    run_task(mine);
    long before = seq - 1;
    if (__atomic_compare_exchange_n(&pool.claimed, &before, seq, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        run_task(theirs); /* the helper was late: do it here */
    } else {
        int spins = 0;
        while (__atomic_load_n(&pool.finished, __ATOMIC_ACQUIRE) != seq)
            if (++spins < 20000)
                CPU_RELAX();
            else
                sched_yield(); /* the helper was descheduled mid-task: give it the core */
        *theirs = pool.task; /* with the helper's result */
    }
    __atomic_store_n(&pool.in_use, 0, __ATOMIC_RELEASE);
    return 1;
}
#else
static int run_pair(struct task *mine, struct task *theirs)
{
    (void)mine;
    (void)theirs;
    return 0;
}
#endif

/* The cblas description of a 2-D float32 view: row-major with unit column stride (NoTrans), or its transpose. */
static int describe(const Py_buffer *v, int *trans, Py_ssize_t *ld)
{
    if (v->ndim != 2)
        return 0;
    if (v->strides[1] == 4 && v->strides[0] % 4 == 0 && v->strides[0] / 4 >= (v->shape[1] > 1 ? v->shape[1] : 1)) {
        *trans = NO_TRANS;
        *ld = v->strides[0] / 4;
        return 1;
    }
    if (v->strides[0] == 4 && v->strides[1] % 4 == 0 && v->strides[1] / 4 >= (v->shape[0] > 1 ? v->shape[0] : 1)) {
        *trans = TRANS;
        *ld = v->strides[1] / 4;
        return 1;
    }
    return 0;
}

/* matmul_pair(a, b, out, axis, scratch) -> bool: out = a @ b (float32 2-D, any BLAS-able strides; out
 * row-major) in two halves, this thread taking the first and the helper the second: rows of out (axis 0),
 * columns (axis 1; -1: the longer side), or the inner dimension (axis 2): then the helper's partial product
 * goes to `scratch` (float32, contiguous, out's size) and is added to out here, so each core reads only its
 * half of b (its rows of a kernel, which it updated itself), at the price of one more rounding per output.
 * False: not done (pool unavailable, in use, or arrays it does not take); the caller multiplies with NumPy. */
static PyObject *py_matmul_pair(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!argument_count(nargs, 5, "matmul_pair"))
        return NULL;
    long axis = PyLong_AsLong(args[3]);
    if (axis == -1 && PyErr_Occurred())
        return NULL;
    Py_buffer a, b, c, t;
    if (!get_strided(args[0], &a, 2, 0))
        Py_RETURN_FALSE;
    if (!get_strided(args[1], &b, 2, 0)) {
        PyBuffer_Release(&a);
        Py_RETURN_FALSE;
    }
    if (!get_strided(args[2], &c, 2, 1)) {
        PyBuffer_Release(&a);
        PyBuffer_Release(&b);
        Py_RETURN_FALSE;
    }
    int have_scratch = 0;
    if (axis == 2) {
        static const int writable[1] = {1};
        have_scratch = args[4] != Py_None && get_f32_buffers(args + 4, &t, writable, 1);
        if (!have_scratch) {
            PyBuffer_Release(&a);
            PyBuffer_Release(&b);
            PyBuffer_Release(&c);
            Py_RETURN_FALSE;
        }
    }
    int ta, tb, tc, ok = 0;
    Py_ssize_t lda, ldb, ldc;
    Py_ssize_t m = a.shape[0], k = a.shape[1], n = b.shape[1];
    if (describe(&a, &ta, &lda) && describe(&b, &tb, &ldb) && describe(&c, &tc, &ldc) && tc == NO_TRANS
        && b.shape[0] == k && c.shape[0] == m && c.shape[1] == n && m > 1 && n > 1 && k > 1
        && (!have_scratch || t.len == m * n * 4)) {
        struct task mine = {1, {ta, tb, m, n, k, lda, ldb, ldc, a.buf, b.buf, c.buf}, {0}, {0}};
        struct task theirs = mine;
        const float *af = a.buf, *bf = b.buf;
        float *cf = c.buf;
        if (axis == 2) { /* the inner dimension: columns of op(a), rows of op(b) */
            Py_ssize_t h = k / 2;
            mine.gemm.k = h;
            theirs.gemm.k = k - h;
            theirs.gemm.a = ta == NO_TRANS ? af + h : af + h * lda;
            theirs.gemm.b = tb == NO_TRANS ? bf + h * ldb : bf + h;
            theirs.gemm.c = t.buf;
            theirs.gemm.ldc = n;
        } else if (axis == 0 || (axis != 1 && m >= n)) { /* rows of out: rows of op(a) */
            Py_ssize_t h = m / 2;
            mine.gemm.m = h;
            theirs.gemm.m = m - h;
            theirs.gemm.a = ta == NO_TRANS ? af + h * lda : af + h;
            theirs.gemm.c = cf + h * ldc;
        } else { /* columns of out: columns of op(b) */
            Py_ssize_t h = n / 2;
            mine.gemm.n = h;
            theirs.gemm.n = n - h;
            theirs.gemm.b = tb == NO_TRANS ? bf + h : bf + h * ldb;
            theirs.gemm.c = cf + h;
        }
        Py_BEGIN_ALLOW_THREADS
        ok = run_pair(&mine, &theirs);
        if (ok && axis == 2) {
            const float *part = t.buf;
            for (Py_ssize_t i = 0; i < m; i++)
                for (Py_ssize_t j = 0; j < n; j++)
                    cf[i * ldc + j] += part[i * n + j];
        }
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&a);
    PyBuffer_Release(&b);
    PyBuffer_Release(&c);
    if (have_scratch)
        PyBuffer_Release(&t);
    return PyBool_FromLong(ok);
}

/* adam_pair(w, g, m, v, vhat_or_None, one_minus_b1, one_minus_b2, epsilon, alpha, start, rows, cols) -> bool:
 * adam in two contiguous parts, here and on the helper. With rows > 0 the split falls after the first rows / 2
 * rows of the (rows, cols) block at flat offset `start` (a layer's kernel), where matmul_pair(axis=0) splits
 * that kernel's gradient: each core then updates the weights whose gradients it computed (splitting elsewhere
 * moved them between the cores' caches). With rows == 0, the two halves of the buffer. False: not done (the
 * caller runs adam or its NumPy code). */
static PyObject *py_adam_pair(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!argument_count(nargs, 12, "adam_pair"))
        return NULL;
    float cs[4];
    for (int i = 0; i < 4; i++) {
        double d = PyFloat_AsDouble(args[5 + i]);
        if (d == -1.0 && PyErr_Occurred())
            return NULL;
        cs[i] = (float)d;
    }
    Py_ssize_t start = PyLong_AsSsize_t(args[9]), rows = PyLong_AsSsize_t(args[10]), cols = PyLong_AsSsize_t(args[11]);
    if (PyErr_Occurred())
        return NULL;
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
    if (rows < 0 || cols < 0 || start < 0 || start + rows * cols > n)
        return size_error(views, count);
    Py_ssize_t h = rows > 0 ? start + (rows / 2) * cols : n / 2;
    float *w = views[0].buf, *m = views[2].buf, *v = views[3].buf, *vh = have_hat ? views[4].buf : NULL;
    const float *g = views[1].buf;
    struct task mine = {2, {0}, {w, m, v, vh, g, h, {cs[0], cs[1], cs[2], cs[3]}}, {0}};
    struct task theirs = {2, {0}, {w + h, m + h, v + h, vh ? vh + h : NULL, g + h, n - h, {cs[0], cs[1], cs[2], cs[3]}},
                          {0}};
    int ok;
    Py_BEGIN_ALLOW_THREADS
    ok = run_pair(&mine, &theirs);
    Py_END_ALLOW_THREADS
    release_all(views, count);
    return PyBool_FromLong(ok);
}

/* set_blas(sgemm, sdot, ilp64) -> None: the addresses of OpenBLAS's cblas_sgemm and cblas_sdot, which the
 * pair functions call (0: none), and whether their integers are 64-bit. */
static PyObject *py_set_blas(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!argument_count(nargs, 3, "set_blas"))
        return NULL;
    void *sgemm = PyLong_AsVoidPtr(args[0]);
    void *sdot = PyErr_Occurred() ? NULL : PyLong_AsVoidPtr(args[1]);
    int ilp64 = PyErr_Occurred() ? 0 : PyObject_IsTrue(args[2]);
    if (PyErr_Occurred() || ilp64 < 0)
        return NULL;
    blas_sgemm = sgemm;
    blas_sdot = sdot;
    blas_ilp64 = ilp64;
    Py_RETURN_NONE;
}

/* sumsq_pair(g, start, rows, cols) -> float | None: g · g (float32 g, contiguous), in two parts split as
 * adam_pair splits them, each summed by OpenBLAS's sdot on the core that computed it. None: not done. */
static PyObject *py_sumsq_pair(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!argument_count(nargs, 4, "sumsq_pair"))
        return NULL;
    Py_ssize_t start = PyLong_AsSsize_t(args[1]), rows = PyLong_AsSsize_t(args[2]), cols = PyLong_AsSsize_t(args[3]);
    if (PyErr_Occurred())
        return NULL;
    Py_buffer views[1];
    static const int writable[1] = {0};
    if (!get_f32_buffers(args, views, writable, 1))
        Py_RETURN_NONE;
    Py_ssize_t n = views[0].len / 4;
    if (rows < 0 || cols < 0 || start < 0 || start + rows * cols > n)
        return size_error(views, 1);
    Py_ssize_t h = rows > 0 ? start + (rows / 2) * cols : n / 2;
    const float *g = views[0].buf;
    struct task mine = {3, {0}, {0}, {g, h, 0.0}};
    struct task theirs = {3, {0}, {0}, {g + h, n - h, 0.0}};
    int ok;
    Py_BEGIN_ALLOW_THREADS
    ok = run_pair(&mine, &theirs);
    Py_END_ALLOW_THREADS
    release_all(views, 1);
    if (!ok)
        Py_RETURN_NONE;
    return PyFloat_FromDouble(mine.dot.result + theirs.dot.result);
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
     "softmax_sparse_ce(p, labels, inv_n, lo, hi, grad) -> float | None: loss, and the gradient before softmax."},
    {"maxpool2x2", (PyCFunction)(void (*)(void))py_maxpool2x2, METH_FASTCALL,
     "maxpool2x2(x, out, winner) -> bool: 2x2 max pooling of (n0, n1, h, w), and each window's winner."},
    {"maxpool2x2_backward", (PyCFunction)(void (*)(void))py_maxpool2x2_backward, METH_FASTCALL,
     "maxpool2x2_backward(dy, winner, dx) -> bool: each dy to its window's winner, 0 elsewhere."},
    {"matmul_pair", (PyCFunction)(void (*)(void))py_matmul_pair, METH_FASTCALL,
     "matmul_pair(a, b, out, axis, scratch) -> bool: out = a @ b in two halves, here and on the helper."},
    {"adam_pair", (PyCFunction)(void (*)(void))py_adam_pair, METH_FASTCALL,
     "adam_pair(w, g, m, v, vhat, c1, c2, eps, alpha, start, rows, cols) -> bool: adam in two parts."},
    {"set_blas", (PyCFunction)(void (*)(void))py_set_blas, METH_FASTCALL,
     "set_blas(sgemm, sdot, ilp64): the cblas_sgemm and cblas_sdot that the pair functions call."},
    {"sumsq_pair", (PyCFunction)(void (*)(void))py_sumsq_pair, METH_FASTCALL,
     "sumsq_pair(g, start, rows, cols) -> float | None: g . g in two parts, here and on the helper."},
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
