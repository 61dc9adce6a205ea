/* test_obj.c -- the value model: constructors, refcounts, growth, symbols, dates, tables. */
#include "unit.h"

TEST(atoms_have_their_types_and_values) {
    K b = kb(1), j = kj(-7), f = kf(1.5), s = ks("abc");
    CHECK(b->t == -KB && b->g == 1);
    CHECK(j->t == -KJ && j->j == -7);
    CHECK(f->t == -KF && f->f == 1.5);
    CHECK(s->t == -KS && strcmp(s->s, "abc") == 0);
    r0(b); r0(j); r0(f); r0(s);
}

TEST(symbols_are_interned) {
    S a = ss("hello"), b = sn("hello world", 5);
    CHECK(a == b);
    CHECK(ss("") == sym_null);
    CHECK(ss("x") != ss("y"));
}

TEST(refcount_follows_kdb_convention) {
    K x = ktn(KJ, 3);
    CHECK(x->r == 0);
    r1(x);
    CHECK(x->r == 1);
    r0(x);
    CHECK(x->r == 0);
    r0(x);
}

TEST(append_grows_in_place_then_moves) {
    K x = ktn(KJ, 0);
    for (J i = 0; i < 1000; i++)
        ja(&x, &i);
    CHECK(x->n == 1000);
    CHECK(kJ(x)[999] == 999);
    K y = ktn(KJ, 2);
    kJ(y)[0] = 5; kJ(y)[1] = 6;
    jv(&x, y);
    CHECK(x->n == 1002 && kJ(x)[1001] == 6);
    r0(x);
}

TEST(append_to_shared_copies) {
    K x = ktn(KJ, 1);
    kJ(x)[0] = 1;
    K alias = r1(x);
    J v = 2;
    ja(&x, &v);
    CHECK(x != alias && x->n == 2 && alias->n == 1);
    r0(x); r0(alias);
}

TEST(general_lists_own_their_items) {
    K l = knk(3, kj(1), ks("a"), kp("str"));
    CHECK(l->t == 0 && l->n == 3 && kK(l)[2]->t == KC && kK(l)[2]->n == 3);
    jk(&l, kf(2.0));
    CHECK(l->n == 4);
    r0(l);
}

TEST(dates_round_trip) {
    CHECK(ymd(2000, 1, 1) == 0);
    CHECK(ymd(2001, 1, 1) == 366);
    CHECK(dj(0) == 20000101);
    CHECK(dj(ymd(1999, 12, 31)) == 19991231);
    CHECK(dj(ymd(2024, 2, 29)) == 20240229);
    for (I d = -800000; d < 800000; d += 997) {
        I y, m, dd;
        date_to_ymd(d, &y, &m, &dd);
        CHECK(ymd(y, m, dd) == d);
    }
}

TEST(tables_and_keyed_tables) {
    K names = ktn(KS, 2);
    kS(names)[0] = ss("a");
    kS(names)[1] = ss("b");
    K a = ktn(KJ, 2), b = ktn(KF, 2);
    kJ(a)[0] = 1; kJ(a)[1] = 2; kF(b)[0] = 0.5; kF(b)[1] = 1.5;
    K t = xT(xD(names, knk(2, a, b)));
    CHECK(t && t->t == XT && obj_count(t) == 2);
    r0(t);
    K bad = xT(xD(ktn(KS, 1), knk(1, kj(1))));
    CHECK(bad == NULL && strcmp(kerr_msg(), "type") == 0);
    kerr_clear();
}

TEST(dict_length_mismatch_is_an_error) {
    K d = xD(ktn(KS, 2), ktn(KJ, 3));
    CHECK(d == NULL && strcmp(kerr_msg(), "length") == 0);
    kerr_clear();
}

TEST(nulls) {
    K h = kh(nh), f = kf(nf), s = ks(""), c = kc(' ');
    CHECK(obj_is_null_at(h, 0) && obj_is_null_at(f, 0) && obj_is_null_at(s, 0) && obj_is_null_at(c, 0));
    K j = kj(0);
    CHECK(!obj_is_null_at(j, 0));
    r0(h); r0(f); r0(s); r0(c); r0(j);
}

TEST(allocation_failure_is_reported) {
    mem_fail_after(1);
    K x = ktn(KJ, 10);
    CHECK(x == NULL && strcmp(kerr_msg(), "wsfull") == 0);
    kerr_clear();
    mem_fail_after(0);
}

TEST(large_vectors_reuse_blocks) {
    K x = ktn(KF, 1 << 20);
    for (J i = 0; i < x->n; i++)
        kF(x)[i] = (F)i;
    CHECK(kF(x)[12345] == 12345.0);
    r0(x);
    CHECK(mem_stats().live_bytes < (1 << 20));
}

TEST(raw_buffers_are_counted_limited_and_injectable) {
    MemStats before = mem_stats();
    char *p = mem_raw_alloc(100);
    CHECK(p && mem_stats().live_blocks == before.live_blocks + 1);
    memset(p, 'a', 100);
    p = mem_raw_realloc(p, 5000); /* moves to a bigger block, contents kept */
    CHECK(p && p[0] == 'a' && p[99] == 'a');
    char *d = mem_raw_strndup("abc", 2);
    CHECK(d && strcmp(d, "ab") == 0);
    J *z = mem_raw_calloc(10, sizeof(J));
    CHECK(z && z[0] == 0 && z[9] == 0);
    CHECK(!mem_raw_calloc((size_t)1 << 62, 16)); /* count * size overflows */
    mem_raw_free(z);
    mem_raw_free(d);
    mem_raw_free(p);
    mem_raw_free(NULL);
    CHECK(mem_stats().live_blocks == before.live_blocks);
    mem_fail_after(1);
    CHECK(!mem_raw_alloc(8));
    mem_fail_after(0);
    mem_set_limit(mem_stats().live_bytes + 4096); /* -w: a bigger buffer is refused */
    CHECK(!mem_raw_alloc(1 << 20));
    mem_set_limit(0);
}

TEST(raw_buffers_grow_by_doubling_and_fail_whole) {
    size_t cap = 0;
    J *v = mem_raw_grow(NULL, &cap, 1, sizeof(J), 4);
    CHECK(v && cap == 4);
    CHECK(mem_raw_grow(v, &cap, 4, sizeof(J), 4) == v && cap == 4); /* room already */
    v[3] = 42;
    v = mem_raw_grow(v, &cap, 9, sizeof(J), 4);
    CHECK(v && cap == 16 && v[3] == 42);
    mem_fail_after(1);
    CHECK(!mem_raw_grow(v, &cap, 17, sizeof(J), 4) && cap == 16 && v[3] == 42); /* p kept */
    mem_fail_after(0);
    CHECK(!mem_raw_grow(v, &cap, SIZE_MAX / 2, sizeof(J), 4) && cap == 16); /* overflows */
    CHECK(!mem_raw_grow(v, &cap, SIZE_MAX, 1, 4) && cap == 16);
    mem_raw_free(v);
}

TEST(lists_build_item_by_item) {
    K x = ktn(0, 0);
    for (J i = 0; i < 100; i++)
        x = obj_push(x, kj(i));
    CHECK(x && x->n == 100 && kK(x)[99]->j == 99);
    r0(x);
    K s = ktn(KC, 0);
    s = obj_push_items(s, "hello", 5);
    s = obj_push_atom(s, "!");
    CHECK(s && s->n == 6 && memcmp(kC(s), "hello!", 6) == 0);
    r0(s);
    CHECK(obj_push(NULL, kj(1)) == NULL); /* a failed step: the item is released */
    CHECK(obj_push(ktn(0, 0), NULL) == NULL);
    CHECK(obj_push_items(NULL, "a", 1) == NULL);
}

TEST(list_builder_failure_releases_everything) {
    K x = ktn(0, 0);
    x = obj_push(x, kj(1)); /* capacity for a few items: fill it so the next push grows */
    while (x && x->n < obj_capacity(x))
        x = obj_push(x, kj(2));
    mem_fail_after(2); /* the item's atom succeeds, the list's growth fails */
    x = obj_push(x, kj(3));
    mem_fail_after(0);
    CHECK(x == NULL && kerr_msg() && strcmp(kerr_msg(), "wsfull") == 0);
    kerr_clear();
}
