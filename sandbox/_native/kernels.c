/*
 * Fused elementwise kernels for the engine, loaded with ctypes (no Python C API: the file needs only a C
 * compiler). Each kernel performs exactly the float32 operations of the NumPy code it replaces, in the same
 * order, one rounding per operation (built with -ffp-contract=off, never -ffast-math), so both paths give
 * the same bits; the gain is one pass over memory instead of one per NumPy call.
 *
 * ctypes releases the GIL during these calls, so threads may run them on disjoint ranges at once. The
 * Python module this file also makes is empty: it exists so that the library is an importable module
 * (tools that import every module of the package, and the loader's lookup, find it as one).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <math.h>
#include <stddef.h>

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

/* Bumped when a kernel's signature changes: the loader refuses a library built from an older source. */
int dlsb_version(void) { return 1; }

/*
 * Adam, Keras's formula, as sandbox.optimizers.Adam._update does it in NumPy:
 *   m += (g - m) * (1 - beta_1)
 *   v += (g*g - v) * (1 - beta_2)
 *   (amsgrad: vhat = max(vhat, v); v = vhat)
 *   w -= m / (sqrt(v) + epsilon) * alpha
 * vhat may be NULL (no amsgrad).
 */
VECTOR_CLONES
void dlsb_adam(float *restrict w, const float *restrict g, float *restrict m, float *restrict v,
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
 * Flush-to-zero and denormals-are-zero for the calling thread's SSE arithmetic (NumPy's ufuncs and these
 * kernels). Numbers below 1.2e-38 then count as 0: a long Adam run otherwise fills its momentum with such
 * numbers, and each operation on one costs about a hundred cycles. Returns the previous control word, to be
 * given back to dlsb_restore_fp; -1 where the CPU has no such control (the call then changes nothing).
 */
int dlsb_flush_denormals(void)
{
#ifdef HAVE_MXCSR
    unsigned int old = _mm_getcsr();
    _mm_setcsr(old | 0x8040u); /* FTZ (bit 15) | DAZ (bit 6) */
    return (int)old;
#else
    return -1;
#endif
}

void dlsb_restore_fp(int previous)
{
#ifdef HAVE_MXCSR
    if (previous >= 0)
        _mm_setcsr((unsigned int)previous);
#else
    (void)previous;
#endif
}

static struct PyModuleDef kernels_module = {
    PyModuleDef_HEAD_INIT, "_kernels",
    "The engine's fused C kernels; sandbox._native loads their functions with ctypes.", -1, NULL,
};

PyMODINIT_FUNC PyInit__kernels(void) { return PyModule_Create(&kernels_module); }
