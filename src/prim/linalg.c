/* linalg.c -- inv and lsq over float matrices (lists of equal-length float vectors).
 * Gauss-Jordan elimination with partial pivoting; a singular matrix gives nulls, as q's
 * inv does.  mmu and $ on numbers live in cast.c. */
#include <math.h>
#include <stdlib.h>

#include "prims.h"
#include "primint.h"

/* x (borrowed) as a rows x cols array of doubles (mem_raw_alloc'd), ints and floats accepted;
 * NULL when x is not a matrix, NULL + 'wsfull when there is no room */
static F *matrix_of(const K x, J *rows, J *cols) {
    if (x->t != 0 || x->n == 0)
        return NULL;
    J m = obj_count(kK(x)[0]);
    for (J i = 0; i < x->n; i++) {
        K r = kK(x)[i];
        if (r->n != m || (r->t != KF && r->t != KJ && r->t != KI && r->t != KE))
            return NULL;
    }
    F *a = mem_raw_alloc((size_t)(x->n * m + 1) * sizeof(F));
    if (!a)
        return kerr("wsfull"), NULL;
    for (J i = 0; i < x->n; i++) {
        K r = kK(x)[i];
        for (J j = 0; j < m; j++)
            a[i * m + j] = r->t == KF ? kF(r)[j] : r->t == KE ? kE(r)[j] : r->t == KJ ? (F)kJ(r)[j] : (F)kI(r)[j];
    }
    *rows = x->n;
    *cols = m;
    return a;
}

static K matrix_k(const F *a, J rows, J cols) {
    K out = ktn(0, rows);
    for (J i = 0; i < rows; i++) {
        K r = ktn(KF, cols);
        memcpy(kF(r), a + i * cols, (size_t)cols * sizeof(F));
        kK(out)[i] = r;
    }
    return out;
}

/* a (n x n, destroyed) inverted into inv; false when singular */
static bool invert(F *a, F *inv, J n) {
    for (J i = 0; i < n; i++)
        for (J j = 0; j < n; j++)
            inv[i * n + j] = i == j;
    for (J c = 0; c < n; c++) {
        J p = c;
        for (J r = c + 1; r < n; r++)
            if (fabs(a[r * n + c]) > fabs(a[p * n + c]))
                p = r;
        if (a[p * n + c] == 0 || a[p * n + c] != a[p * n + c])
            return false;
        if (p != c)
            for (J j = 0; j < n; j++) {
                F t = a[c * n + j];
                a[c * n + j] = a[p * n + j], a[p * n + j] = t;
                t = inv[c * n + j];
                inv[c * n + j] = inv[p * n + j], inv[p * n + j] = t;
            }
        F d = a[c * n + c];
        for (J j = 0; j < n; j++) {
            a[c * n + j] /= d;
            inv[c * n + j] /= d;
        }
        for (J r = 0; r < n; r++) {
            F f = a[r * n + c];
            if (r == c || f == 0)
                continue;
            for (J j = 0; j < n; j++) {
                a[r * n + j] -= f * a[c * n + j];
                inv[r * n + j] -= f * inv[c * n + j];
            }
        }
    }
    return true;
}

K prim_inv(K x) {
    PRIM_ARGS1(x);
    J n, m;
    F *a = matrix_of(x, &n, &m);
    r0(x);
    if (!a)
        return kerr_msg() ? NULL : kerr("type");
    if (n != m) {
        mem_raw_free(a);
        return kerr("length");
    }
    F *inv = mem_raw_alloc((size_t)(n * n) * sizeof(F));
    if (!inv) {
        mem_raw_free(a);
        return kerr("wsfull");
    }
    if (!invert(a, inv, n))
        for (J i = 0; i < n * n; i++)
            inv[i] = nf;
    K out = matrix_k(inv, n, n);
    mem_raw_free(a);
    mem_raw_free(inv);
    return out;
}

/* x lsq y: the matrix r minimising |x - r mmu y|, r = x mmu flip[y] mmu inv y mmu flip y */
K prim_lsq(K x, K y) {
    PRIM_ARGS2(x, y);
    J xr, xc, yr, yc;
    bool vec = x->t == KF; /* a single row */
    K xm = vec ? obj_list(1, r1(x)) : r1(x);
    F *a = matrix_of(xm, &xr, &xc), *b = matrix_of(y, &yr, &yc);
    r0(xm);
    r0(x);
    r0(y);
    if (!a || !b) {
        mem_raw_free(a);
        mem_raw_free(b);
        return kerr_msg() ? NULL : kerr("type");
    }
    if (xc != yc) {
        mem_raw_free(a);
        mem_raw_free(b);
        return kerr("length");
    }
    /* g = y mmu flip y (yr x yr), h = x mmu flip y (xr x yr) */
    F *g = mem_raw_calloc((size_t)(yr * yr), sizeof(F)), *gi = mem_raw_alloc((size_t)(yr * yr) * sizeof(F));
    F *h = mem_raw_calloc((size_t)(xr * yr), sizeof(F)), *r = mem_raw_calloc((size_t)(xr * yr), sizeof(F));
    if (!g || !gi || !h || !r) {
        mem_raw_free(a), mem_raw_free(b), mem_raw_free(g), mem_raw_free(gi), mem_raw_free(h), mem_raw_free(r);
        return kerr("wsfull");
    }
    for (J i = 0; i < yr; i++)
        for (J j = 0; j < yr; j++)
            for (J k = 0; k < yc; k++)
                g[i * yr + j] += b[i * yc + k] * b[j * yc + k];
    for (J i = 0; i < xr; i++)
        for (J j = 0; j < yr; j++)
            for (J k = 0; k < xc; k++)
                h[i * yr + j] += a[i * xc + k] * b[j * yc + k];
    bool ok = invert(g, gi, yr);
    for (J i = 0; i < xr; i++)
        for (J j = 0; j < yr; j++) {
            F s = 0;
            for (J k = 0; k < yr; k++)
                s += h[i * yr + k] * gi[k * yr + j];
            r[i * yr + j] = ok ? s : nf;
        }
    K out = matrix_k(r, xr, yr);
    mem_raw_free(a), mem_raw_free(b), mem_raw_free(g), mem_raw_free(gi), mem_raw_free(h), mem_raw_free(r);
    if (vec) {
        K row = r1(kK(out)[0]);
        r0(out);
        return row;
    }
    return out;
}
