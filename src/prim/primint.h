/* primint.h -- helpers shared by the primitive families (and the evaluator). */
#ifndef OPENQ_PRIMINT_H
#define OPENQ_PRIMINT_H

#include "../obj/obj.h"

/* the typed null of type t (atom or vector type) */
K prim_null_of(int t);
/* item i of list v as an atom, or the item of a general list (borrows v) */
K prim_item(const K v, J i);
/* n results (consumed) as a simple vector when they are atoms of one type, else a list */
K prim_collect(K *items, J n);
/* q's match (~), borrowing both */
bool prim_match_borrow(const K a, const K b);
/* an enumeration (vector or atom) as its symbols; anything else unchanged (consumes x) */
K prim_unenum(K x);
/* timestamp, month, date, datetime, timespan, minute, second, time */
bool prim_is_temporal(int t);

#endif
