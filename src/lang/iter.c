/* iter.c -- the iterators: each ('), over (/), scan (\), each-prior (':), each-right (/:),
 * each-left (\:), in all their forms (map, reduce, converge, do, while, case). */
#include <stdlib.h>

#include "../base/pool.h"
#include "lang_int.h"


/* item i of x as an argument: atoms repeat, dicts give values, lists give items */
static K arg_item(K x, J i) {
    while (x->t == XD) /* a dict's values may be a dict: no recursion over that depth */
        x = DICT_VALS(x);
    if (x->t < 0 || x->t >= KLAMBDA)
        return r1(x);
    if (x->t == XT) {
        K idx = kj(i);
        return eval_index(r1(x), idx);
    }
    return prim_item(x, i);
}

static bool is_list(const K x) { return x->t >= 0 && x->t < KLAMBDA; }

static K fail(K *items, J made, K *args, int n, K f) {
    for (J i = 0; i < made; i++)
        r0(items[i]);
    mem_raw_free(items);
    for (int i = 0; i < n; i++)
        r0(args[i]);
    r0(f);
    return NULL;
}

/* f': x with \s < 0 (basics/peach.md, "Processes"): each item as the message (f;item) to the
 * processes whose handles .z.pd holds (or returns, when it is a function), replies in order;
 * a dict keeps its keys.  x has more than one item (one runs here, as in kdb+). */
static K peach_processes(K f, K x) {
    K pd = env_get(sym_intern(".z.pd", 5));
    if (pd && pd->t >= KLAMBDA)
        pd = eval_apply(pd, (K[]){obj_identity()}, 1);
    if (!pd || (pd->t != KI && pd->t != KJ)) {
        bool failed = pd == NULL && kerr_msg();
        r0(pd);
        r0(f);
        r0(x);
        return failed ? NULL : kerr(".z.pd");
    }
    K keys = x->t == XD ? r1(DICT_KEYS(x)) : NULL;
    J len = obj_count(x);
    K msgs = ktn(0, len);
    for (J i = 0; msgs && i < len; i++)
        kK(msgs)[i] = NULL;
    for (J i = 0; msgs && i < len; i++) {
        K m = ktn(0, 2);
        if (!m) {
            r0(msgs);
            msgs = NULL;
            break;
        }
        kK(m)[0] = r1(f);
        kK(m)[1] = arg_item(x, i);
        kK(msgs)[i] = m;
    }
    r0(f);
    r0(x);
    K r = msgs ? RT->svc.peach(pd, msgs) : kerr("wsfull");
    r0(pd);
    if (r) {
        K c = prim_collect(kK(r), r->n);
        r->n = 0; /* its items moved into c */
        r0(r);
        r = c;
    }
    if (keys)
        return r ? xD(keys, r) : (r0(keys), NULL);
    return r;
}

/* x f' y of two dictionaries (keyed tables included) with different keys: over the union of
 * their keys, as the atomic dyads align dictionaries (basics/dictsandtables.md); f applies
 * where both have the key, the one value stands where one has it (KX's tick/c.q keeps
 * running lists per sym by .[`.u.t;();,'';kt]) */
static K each_aligned(K f, K x, K y) {
    K kx = DICT_KEYS(x), ky = DICT_KEYS(y);
    K keys = prim_union(r1(kx), r1(ky));
    K ix = keys ? prim_find(r1(kx), r1(keys)) : NULL;
    K iy = ix ? prim_find(r1(ky), r1(keys)) : NULL;
    J len = keys ? obj_count(keys) : 0;
    K *out = iy ? mem_raw_alloc((size_t)(len ? len : 1) * sizeof(K)) : NULL;
    J made = 0;
    bool ok = out != NULL;
    for (; ok && made < len; made++) {
        J a = kJ(ix)[made], b = kJ(iy)[made];
        bool inx = a < obj_count(kx), iny = b < obj_count(ky);
        K va = inx ? arg_item(x, a) : NULL, vb = iny ? arg_item(y, b) : NULL;
        out[made] = inx && iny ? eval_apply(r1(f), (K[]){va, vb}, 2) : inx ? va : vb;
        ok = out[made] != NULL;
    }
    K r = ok ? prim_collect(out, len) : NULL;
    for (J k = 0; !ok && k + 1 < made; k++)
        r0(out[k]);
    mem_raw_free(out);
    r0(ix);
    r0(iy);
    r0(f);
    r0(x);
    r0(y);
    if (!r) {
        r0(keys);
        return kerr_msg() ? NULL : kerr("wsfull");
    }
    return xD(keys, r);
}

/* f' applied to n args: map over the list arguments in lockstep */
static K each(K f, K *args, int n) {
    if (n == 2 && args[0]->t == XD && args[1]->t == XD &&
        !prim_match_exact(DICT_KEYS(args[0]), DICT_KEYS(args[1])))
        return each_aligned(f, args[0], args[1]);
    J len = -1;
    K keys = NULL;
    for (int i = 0; i < n; i++) {
        if (!is_list(args[i]))
            continue;
        J c = obj_count(args[i]);
        if (len >= 0 && c != len) {
            for (int k = 0; k < n; k++)
                r0(args[k]);
            r0(f);
            return kerr("length");
        }
        len = c;
        if (args[i]->t == XD && !keys)
            keys = r1(DICT_KEYS(args[i]));
    }
    if (len < 0) { /* all atoms: apply once */
        return eval_apply(f, args, n);
    }
    K *out = mem_raw_alloc((size_t)(len ? len : 1) * sizeof(K));
    if (!out) {
        r0(keys);
        kerr("wsfull");
        return fail(NULL, 0, args, n, f);
    }
    for (J k = 0; k < len; k++) {
        K av[8];
        for (int i = 0; i < n; i++)
            av[i] = arg_item(args[i], k);
        out[k] = eval_apply(r1(f), av, n);
        if (!out[k]) {
            r0(keys);
            return fail(out, k, args, n, f);
        }
    }
    bool table_rows = n == 1 && args[0]->t == XT;
    for (int i = 0; i < n; i++)
        r0(args[i]);
    r0(f);
    K r = prim_collect(out, len);
    mem_raw_free(out);
    if (table_rows && r && r->t == 0 && len > 0 && kK(r)[0]->t == XD) {
        /* rows that are dicts with the same keys form a table again: leave as list */
    }
    if (keys)
        return xD(keys, r);
    return r;
}


/* over/scan: fold or converge; keep every step when scan */
/* the rank of a value an accumulator iterates: a list or dictionary is a finite-state
 * machine (basics/glossary.md), binary when its items are lists (m[state;input], as in
 * 7 m\c of ref/accumulators.md), else unary */
static int iterated_rank(const K f) {
    if (f->t >= KLAMBDA)
        return func_valence(f);
    const K items = f->t == XD ? DICT_VALS(f) : f;
    return items->t == 0 || items->t == XT ? 2 : 1;
}

/* a b\c for a float atom a and float vectors b and c: Scan's built-in {z+x*y}\[a;b;c]
 * (ref/accumulators.md, "Alternative syntax"), all consumed */
static K float_recurrence(K b, K a, K c) {
    K r = NULL;
    if (c->t != KF)
        r = kerr("type");
    else if (c->n != b->n)
        r = kerr("length");
    else if ((r = ktn(KF, b->n)) != NULL) {
        F v = a->f;
        for (J i = 0; i < b->n; i++)
            kF(r)[i] = v = kF(c)[i] + v * kF(b)[i];
    }
    r0(a);
    r0(b);
    r0(c);
    return r;
}

static K fold(K f, K *args, int n, bool scan) {
    if (scan && n == 2 && f->t == KF && args[0]->t == -KF)
        return float_recurrence(f, args[0], args[1]);
    int valence = iterated_rank(f);
    /* a derived f/ or f\ is variadic: iterated with one argument it is unary, so
     * (,/) over x converges, as raze over x does (basics/syntax.md) */
    if (n == 1 && (valence == 1 || f->t == KUNARY || f->t == KOVER || f->t == KSCAN)) {
        /* converge: apply until the result repeats */
        K x = args[0];
        K steps = scan ? ktn(0, 0) : NULL;
        if (scan)
            jk(&steps, r1(x));
        K first = r1(x);
        for (long iter = 0;; iter++) {
            K y = eval_past_deadline() ? NULL : eval_apply(r1(f), (K[]){r1(x)}, 1);
            if (!y) {
                r0(x);
                r0(first);
                r0(steps);
                r0(f);
                return NULL;
            }
            /* the result is the last value of the scan: a cycle back to the first value
             * ends on the value before it ((neg/)1 is -1) */
            if (prim_match_borrow(y, x) || prim_match_borrow(y, first)) {
                r0(y);
                break;
            }
            r0(x);
            x = y;
            if (scan)
                jk(&steps, r1(x));
        }
        r0(first);
        r0(f);
        if (scan) {
            r0(x);
            K r = prim_collect(kK(steps), steps->n);
            steps->n = 0;
            r0(steps);
            return r;
        }
        return x;
    }
    /* so is it with an integer or a function on its left: n (f/)/ x applies f/ n times
     * (KX's e/huff.q builds its tree by (n-1) f//(w;...)) */
    bool variadic_ctl = n == 2 && (f->t == KOVER || f->t == KSCAN) &&
                        ((args[0]->t < 0 && args[0]->t >= -KJ && args[0]->t != -KB && args[0]->t != -KG) ||
                         args[0]->t >= KLAMBDA);
    if (n == 2 && (valence == 1 || variadic_ctl)) {
        /* do (n f/x) or while (cond f/x) */
        K ctl = args[0], x = args[1];
        K steps = scan ? ktn(0, 0) : NULL;
        if (scan)
            jk(&steps, r1(x));
        bool is_count = ctl->t < 0 && ctl->t >= -KJ && ctl->t != -KS && ctl->t != -KF && ctl->t != -KE;
        J count = 0;
        if (is_count)
            count = ctl->t == -KJ ? ctl->j : ctl->t == -KI ? ctl->i : ctl->t == -KH ? ctl->h : ctl->g;
        for (J k = 0; is_count ? k < count : true; k++) {
            if (eval_past_deadline()) {
                r0(x);
                goto fail_ctl;
            }
            if (!is_count) {
                K c = eval_apply(r1(ctl), (K[]){r1(x)}, 1);
                if (!c) {
                    r0(x);
                    goto fail_ctl;
                }
                bool go = c->t < 0 && (c->t == -KB ? c->g : c->t == -KJ ? c->j != 0 : c->t == -KI ? c->i != 0 : 1);
                r0(c);
                if (!go)
                    break;
            }
            K y = eval_apply(r1(f), (K[]){x}, 1);
            x = y;
            if (!x)
                goto fail_ctl;
            if (scan)
                jk(&steps, r1(x));
        }
        r0(ctl);
        r0(f);
        if (scan) {
            r0(x);
            K r = prim_collect(kK(steps), steps->n);
            steps->n = 0;
            r0(steps);
            return r;
        }
        return x;
    fail_ctl:
        r0(ctl);
        r0(steps);
        r0(f);
        return NULL;
    }
    /* reduce: x f/ y, or f/ y starting from the first item */
    K acc;
    int first_list;
    if (n == 1) {
        K y = args[0];
        J len = obj_count(y);
        if (!is_list(y)) {
            r0(f);
            return y;
        }
        if (len == 0) {
            /* the value is not evaluated: + * | & give their identity (as sum prd max min),
             * a primitive's scan gives the list back, anything else the generic empty list */
            bool prim = f->t == KBINARY;
            int id = prim ? f->g : -1;
            r0(f);
            if (scan && prim)
                return y;
            if (!scan && id == P_PLUS)
                return prim_sum(y);
            if (!scan && id == P_STAR)
                return prim_prd(y);
            if (!scan && id == P_PIPE)
                return prim_max(y);
            if (!scan && id == P_AMP)
                return prim_min(y);
            if (!scan && id == P_COMMA)
                return y;
            r0(y);
            return ktn(0, 0);
        }
        /* sum prd max min are over with + * | & (sums prds maxs mins the scans: q.k, ref/sum.md
         * prd.md max.md min.md): the keywords' loops, one answer for both (their nulls too) */
        if (f->t == KBINARY && (f->g == P_PLUS || f->g == P_STAR || f->g == P_PIPE || f->g == P_AMP)) {
            int id = f->g;
            r0(f);
            if (scan)
                return id == P_PLUS ? prim_sums(y) : id == P_STAR ? prim_prds(y) : id == P_PIPE ? prim_maxs(y) : prim_mins(y);
            return id == P_PLUS ? prim_sum(y) : id == P_STAR ? prim_prd(y) : id == P_PIPE ? prim_max(y) : prim_min(y);
        }
        acc = arg_item(y, 0);
        /* , joins onto its identity (): the first item of (,\)2 3 4 is ,2 */
        if (f->t == KBINARY && f->g == P_COMMA && acc->t < 0)
            acc = prim_enlist(acc);
        K *out = scan ? mem_raw_alloc((size_t)len * sizeof(K)) : NULL;
        if (scan && !out) {
            r0(acc);
            r0(y);
            r0(f);
            return kerr("wsfull");
        }
        if (scan)
            out[0] = r1(acc);
        for (J k = 1; k < len; k++) {
            acc = eval_apply(r1(f), (K[]){acc, arg_item(y, k)}, 2);
            if (!acc) {
                if (scan)
                    for (J m = 0; m < k; m++)
                        r0(out[m]);
                mem_raw_free(out);
                r0(y);
                r0(f);
                return NULL;
            }
            if (scan)
                out[k] = r1(acc);
        }
        K keys = y->t == XD ? r1(DICT_KEYS(y)) : NULL;
        r0(y);
        r0(f);
        if (scan) {
            r0(acc);
            K r = prim_collect(out, len);
            mem_raw_free(out);
            return keys ? xD(keys, r) : r;
        }
        r0(keys);
        return acc;
    }
    /* n >= 2: the first argument is the seed, the others are walked in lockstep */
    acc = args[0];
    first_list = 1;
    J len = -1;
    for (int i = first_list; i < n; i++)
        if (is_list(args[i])) {
            J c = obj_count(args[i]);
            if (len >= 0 && c != len) {
                for (int k = 0; k < n; k++)
                    r0(args[k]);
                r0(f);
                return kerr("length");
            }
            len = c;
        }
    if (len < 0)
        len = 1;
    K *out = scan ? mem_raw_alloc((size_t)(len ? len : 1) * sizeof(K)) : NULL;
    if (scan && !out) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        r0(f);
        return kerr("wsfull");
    }
    for (J k = 0; k < len; k++) {
        K av[8];
        av[0] = acc;
        for (int i = 1; i < n; i++)
            av[i] = arg_item(args[i], k);
        acc = eval_apply(r1(f), av, n);
        if (!acc) {
            if (scan)
                for (J m = 0; m < k; m++)
                    r0(out[m]);
            mem_raw_free(out);
            for (int i = 1; i < n; i++)
                r0(args[i]);
            r0(f);
            return NULL;
        }
        if (scan)
            out[k] = r1(acc);
    }
    for (int i = 1; i < n; i++)
        r0(args[i]);
    r0(f);
    if (scan) {
        r0(acc);
        K r = prim_collect(out, len);
        mem_raw_free(out);
        return r;
    }
    return acc;
}

static K prior(K f, K *args, int n) {
    K x = args[n - 1];
    K seed = n == 2 ? args[0] : NULL;
    if (x->t == XD) { /* a dictionary: its values, keys kept */
        K keys = r1(DICT_KEYS(x));
        args[n - 1] = r1(DICT_VALS(x));
        r0(x);
        K r = prior(f, args, n);
        return r ? xD(keys, r) : (r0(keys), NULL);
    }
    if (!is_list(x)) {
        K r = eval_apply(f, (K[]){x, seed ? seed : r1(x)}, 2);
        return r;
    }
    /* deltas is -': and ratios %': (q.k): the keywords' own loops, one answer for both */
    bool simple = x->t > 0 && x->t < KENUM;
    if (f->t == KBINARY && ((f->g == P_MINUS && (!seed || simple)) || (f->g == P_PERCENT && !seed))) {
        K r = f->g == P_PERCENT ? prim_ratios(x) : seed ? prim_deltas2(seed, x) : prim_deltas(x);
        r0(f);
        return r;
    }
    J len = obj_count(x);
    K *out = mem_raw_alloc((size_t)(len ? len : 1) * sizeof(K));
    if (!out) {
        r0(x);
        r0(seed);
        r0(f);
        return kerr("wsfull");
    }
    for (J k = 0; k < len; k++) {
        K cur = arg_item(x, k);
        if (k == 0 && !seed) {
            /* the first item has no predecessor: an operator with an identity element I
             * takes I as the seed (ref/maps.md): + - * and , leave the item as it is, % by 1 */
            out[k] = cur;
            if (f->t == KBINARY && (f->g == P_MINUS || f->g == P_PLUS || f->g == P_STAR || f->g == P_COMMA))
                continue;
            if (f->t == KBINARY && f->g == P_PERCENT) {
                out[k] = eval_apply(r1(f), (K[]){cur, kj(1)}, 2);
                if (!out[k]) {
                    kerr_clear();
                    out[k] = arg_item(x, k);
                }
                continue;
            }
            /* other functions see the typed null of the list (of a general list's first
             * atom: basics/comparison.md, (>=) prior of mixed infinities) as the first prior */
            K first_null = x->t > 0 && x->t < KENUM ? prim_null_of(x->t)
                           : x->t == 0 && cur->t < 0 && cur->t > -KENUM ? prim_null_of(-cur->t)
                           : obj_identity();
            out[k] = eval_apply(r1(f), (K[]){cur, first_null}, 2);
            if (!out[k]) {
                kerr_clear();
                out[k] = arg_item(x, k);
            }
            continue;
        }
        K prev = k == 0 ? r1(seed) : arg_item(x, k - 1);
        out[k] = eval_apply(r1(f), (K[]){cur, prev}, 2);
        if (!out[k]) {
            for (J m = 0; m < k; m++)
                r0(out[m]);
            mem_raw_free(out);
            r0(x);
            r0(seed);
            r0(f);
            return NULL;
        }
    }
    r0(x);
    r0(seed);
    r0(f);
    K r = prim_collect(out, len);
    mem_raw_free(out);
    return r;
}

/* x f/: y (each right) and x f\: y (each left) */
static K each_side(K f, K *args, int n, bool right) {
    if (n != 2) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        r0(f);
        return kerr("rank");
    }
    K walk = right ? args[1] : args[0];
    K fixed = right ? args[0] : args[1];
    if (!is_list(walk)) {
        K r = eval_apply(f, right ? (K[]){fixed, walk} : (K[]){walk, fixed}, 2);
        return r;
    }
    J len = obj_count(walk);
    K *out = mem_raw_alloc((size_t)(len ? len : 1) * sizeof(K));
    if (!out) {
        r0(walk);
        r0(fixed);
        r0(f);
        return kerr("wsfull");
    }
    for (J k = 0; k < len; k++) {
        K item = arg_item(walk, k);
        K av[2] = {right ? r1(fixed) : item, right ? item : r1(fixed)};
        out[k] = eval_apply(r1(f), av, 2);
        if (!out[k]) {
            for (J m = 0; m < k; m++)
                r0(out[m]);
            mem_raw_free(out);
            r0(walk);
            r0(fixed);
            r0(f);
            return NULL;
        }
    }
    K keys = walk->t == XD ? r1(DICT_KEYS(walk)) : NULL;
    r0(walk);
    r0(fixed);
    r0(f);
    K r = prim_collect(out, len);
    mem_raw_free(out);
    return keys ? xD(keys, r) : r;
}

/* case: i'[a;b;...] picks item k from argument i[k] (an atom argument is its own item) */
static K case_pick(K f, K *args, int n) {
    J len = obj_count(f);
    /* every list argument has len items, and dicts share the first dict's keys (ref/maps.md) */
    K keys = NULL;
    const char *err = NULL;
    for (int i = 0; i < n && !err; i++) {
        if (is_list(args[i]) && obj_count(args[i]) != len)
            err = "length";
        else if (args[i]->t == XD && !keys)
            keys = DICT_KEYS(args[i]);
        else if (args[i]->t == XD && !prim_match_exact(keys, DICT_KEYS(args[i])))
            err = "domain";
    }
    if (err) {
        for (int i = 0; i < n; i++)
            r0(args[i]);
        r0(f);
        return kerr(err);
    }
    K *out = mem_raw_alloc((size_t)(len ? len : 1) * sizeof(K));
    bool bad = !out;
    for (J k = 0; !bad && k < len; k++) {
        J i = f->t == KJ ? kJ(f)[k] : f->t == KI ? kI(f)[k] : kH(f)[k];
        if (i < 0 || i >= n || (is_list(args[i]) && obj_count(args[i]) != len)) {
            for (J m = 0; m < k; m++)
                r0(out[m]);
            bad = true;
            kerr(i < 0 || i >= n ? "index" : "length");
            break;
        }
        out[k] = arg_item(args[i], k);
    }
    for (int i = 0; i < n; i++)
        r0(args[i]);
    r0(f);
    if (bad) {
        mem_raw_free(out);
        return kerr_msg() ? NULL : kerr("wsfull");
    }
    K r = prim_collect(out, len);
    mem_raw_free(out);
    return r;
}

K iter_apply(K derived, K *args, int n) {
    K f = r1(kK(derived)[0]);
    int t = derived->t;
    r0(derived);
    /* an atom is no map: it cannot be the value of an iterator (basics/application.md,
     * 1000/[+] is 'type), however many arguments the derived function gets -- but an atom
     * with /: or \: is sv or vs (10/:x, ","/:x, `\:x) */
    if (f->t < 0 && t != KEACHR && t != KEACHL) {
        r0(f);
        for (int i = 0; i < n; i++)
            r0(args[i]);
        return kerr("type");
    }
    /* a derived function given too few arguments projects */
    switch (t) {
    case KEACH:
        if ((f->t == KJ || f->t == KI || f->t == KH) && n >= 2)
            return case_pick(f, args, n);
        return each(f, args, n);
    case KOVER:
        return fold(f, args, n, false);
    case KSCAN:
        return fold(f, args, n, true);
    case KPRIOR: /* ': of a unary function, or of one derived by / or \ (variadic), applied to
                  * one argument is Each Parallel (ref/maps.md): each on the main thread, or
                  * over the processes of .z.pd with \s < 0 */
        if (n == 1 && f->t >= KLAMBDA &&
            (func_valence(f) == 1 || f->t == KOVER || f->t == KSCAN)) {
            if (pool_setting() < 0 && RT->svc.peach && is_list(args[0]) && args[0]->t != XT &&
                obj_count(args[0]) > 1)
                return peach_processes(f, args[0]);
            /* with -s N, kdb+ runs the items on secondary threads (one item: the main thread)
             * and refuses their stores into globals; here they run on this thread, the same
             * stores refused */
            bool threaded = pool_threads() > 0 && is_list(args[0]) && obj_count(args[0]) > 1;
            RT->lang.peach_depth += threaded;
            K r = each(f, args, n);
            RT->lang.peach_depth -= threaded;
            return r;
        }
        return prior(f, args, n);
    case KEACHR: /* x/: of data x is sv, x\: vs (k's forms of them, ref/sv.md, ref/vs.md) */
        if (n == 1 && f->t < KLAMBDA)
            return prim_sv(f, args[0]);
        return each_side(f, args, n, true);
    case KEACHL:
        if (n == 1 && f->t < KLAMBDA)
            return prim_vs(f, args[0]);
        return each_side(f, args, n, false);
    }
    r0(f);
    for (int i = 0; i < n; i++)
        r0(args[i]);
    return kerr("nyi");
}
