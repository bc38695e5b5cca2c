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

#if defined(__x86_64__) || defined(_M_X64) || defined(__i386__)
#include <xmmintrin.h>
#define HAVE_MXCSR 1
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
 * Flush-to-zero and denormals-are-zero for the calling thread's SSE arithmetic (NumPy's ufuncs and these
 * kernels). Numbers below 1.2e-38 then count as 0: a long Adam run otherwise fills its momentum with such
 * numbers, and each operation on one costs about a hundred cycles. Returns the previous control word, to be
 * given back to dlsb_restore_fp; -1 where the CPU has no such control (the call then changes nothing).
 */
static int dlsb_flush_denormals(void)
{
#ifdef HAVE_MXCSR
    unsigned int old = _mm_getcsr();
    _mm_setcsr(old | 0x8040u); /* FTZ (bit 15) | DAZ (bit 6) */
    return (int)old;
#else
    return -1;
#endif
}

static void dlsb_restore_fp(int previous)
{
#ifdef HAVE_MXCSR
    if (previous >= 0)
        _mm_setcsr((unsigned int)previous);
#else
    (void)previous;
#endif
}


/* ---- the Python functions ------------------------------------------------------------------------- */

/* Bumped when a function's signature changes: the loader refuses a module built from an older source. */
#define KERNELS_VERSION 3

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

static PyObject *size_error(Py_buffer *views, int count)
{
    release_all(views, count);
    PyErr_SetString(PyExc_ValueError, "arrays of different sizes");
    return NULL;
}

/* adam(w, g, m, v, vhat_or_None, one_minus_b1, one_minus_b2, epsilon, alpha) -> bool */
static PyObject *py_adam(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 9) {
        PyErr_SetString(PyExc_TypeError, "adam takes 9 arguments");
        return NULL;
    }
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
    static const char *const kinds[5] = {F32, F32, F32, F32, F32};
    static const Py_ssize_t sizes[5] = {4, 4, 4, 4, 4};
    if (!get_buffers(args, views, writable, kinds, sizes, count))
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
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "bias_relu takes 3 arguments");
        return NULL;
    }
    Py_buffer views[3];
    static const int writable[3] = {1, 0, 1};
    static const char *const kinds[3] = {F32, F32, F32};
    static const Py_ssize_t sizes[3] = {4, 4, 4};
    if (!get_buffers(args, views, writable, kinds, sizes, 3))
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
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "relu_backward takes 3 arguments");
        return NULL;
    }
    Py_buffer views[3];
    static const int writable[3] = {0, 0, 1};
    static const char *const kinds[3] = {F32, F32, F32};
    static const Py_ssize_t sizes[3] = {4, 4, 4};
    if (!get_buffers(args, views, writable, kinds, sizes, 3))
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
    if (nargs != 5) {
        PyErr_SetString(PyExc_TypeError, "softmax_sparse_ce takes 5 arguments");
        return NULL;
    }
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
    {"flush_denormals", py_flush_denormals, METH_NOARGS,
     "flush_denormals() -> int: flush-to-zero on for this thread; returns the previous control (-1: none)."},
    {"restore_fp", py_restore_fp, METH_O, "restore_fp(previous): give back what flush_denormals replaced."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef kernels_module = {
    PyModuleDef_HEAD_INIT, "_kernels", "The engine's fused C kernels (see sandbox._native).", -1, kernels_methods,
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
