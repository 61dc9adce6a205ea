/ keywords applied to dictionaries, tables and keyed tables (ref/next.md, ref/deltas.md,
/ ref/fills.md, ref/cast.md, ref/find.md "Searching tables", ref/differ.md): uniform keywords
/ run on a dictionary's values, a table's columns, a keyed table's value table; Find on a
/ table takes a table (each row's position) or a record (a dictionary or a list); differ
/ compares rows.
q)t:([]a:1 2 3;b:4 5 6)
q)k:([k:`x`y`z]a:1 2 3;b:4 5 6)
q)d:`x`y`z!1 2 3
q)next t
a b
---
2 5
3 6
q)prev t
a b
---

1 4
2 5
q)prev d
x|
y| 1
z| 2
q)next k
k| a b
-| ---
x| 2 5
y| 3 6
z|
q)fills `a`b`c!1 0N 3
a| 1
b| 1
c| 3
q)fills ([]a:1 0N 3;b:0N 2 0N)
a b
---
1
1 2
3 2
q)deltas t
a b
---
1 4
1 1
1 1
q)deltas d
x| 1
y| 1
z| 1
q)t?([]a:2 3 9;b:5 6 9)
1 2 3
q)t?(2;5)
1
q)t?`a`b!(3;6)
2
q)t?`b`a!(6;3)
2
q)t?`a`b!(9;9)
3
q)meta `float$t
c| t f a
-| -----
a| f
b| f
q)type value `float$d
9h
q)meta value `int$k
c| t f a
-| -----
a| i
b| i
q)differ ([]a:1 1 2;b:3 3 3)
101b
q)reverse k
k| a b
-| ---
z| 3 6
y| 2 5
x| 1 4
q)-2#d
y| 2
z| 3
q)1_k
k| a b
-| ---
y| 2 5
z| 3 6
q)sum k
a| 6
b| 15
q)max t
a| 3
b| 6
