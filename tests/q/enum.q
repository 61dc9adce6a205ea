/ enumerations: `dom$syms, display, value, comparison, table cells
/ enumerations (ref/enumerate.md, ref/join.md, ref/key.md, ref/null.md, kb/linking-columns.md)
/ an enumeration stays backed by indices when its domain changes; key gives the domain's name;
/ enumerations are never null; joining an enumeration with a symbol or another domain: two
/ atoms make a general list, a list de-enumerates both; key of a vector names its type; key of
/ a name: the name when defined, () when not; `kt$ enumerates against a keyed table's key of
/ any type; `t!i links to rows of table t (meta: j, f t), followed with dot notation.
q)ee:`a`b`c
q)vv:`ee$`a`a`b
q)vv
`ee$`a`a`b
q)value vv
`a`a`b
q)vv=`a
110b
q)first vv
`ee$`a
q)`ee$`z
'cast
q)t:([]s:`ee$`a`b;v:1 2)
q)t
s v
---
a 1
b 2
q)sym:`a`b
q)e:`sym$`b
q)3#e
`sym$`b`b`b
q)(type enlist e)=neg type e
1b
q)3#0#e
`sym$```
q)-9!-8!`sym$`b`a
`b`a
q)-9!-8!(e;1)
`b
1
q)`:esym?`x`y`x
`esym$`x`y`x
q)(esym;get `:esym)
x y
x y
q)`:esym?`z
`esym$`z
q)get `:esym
`x`y`z
q)d:`a`b`c
q)y:`a`b`c`b`a`b`c`c`c`c`c`c`c
q)show e:`d$y;
`d$`a`b`c`b`a`b`c`c`c`c`c`c`c
q)"i"$e
0 1 2 1 0 1 2 2 2 2 2 2 2i
q)d[0]:`o
q)e
`d$`o`b`c`b`o`b`c`c`c`c`c`c`c
q)"i"$e
0 1 2 1 0 1 2 2 2 2 2 2 2i
q)key e
`d
q)value e
`o`b`c`b`o`b`c`c`c`c`c`c`c
q)x:`a`b
q)`x$y
'cast
q)a:``a
q)`=`a$`
1b
q)null`
1b
q)null`a$`
0b
q)null `a$``a
00b
q)sym:`a`b
q)sym2:`c`d
q)(`sym$`b),`sym2$`c
`sym$`b
`sym2$`c
q)(`sym$`b),`b
`sym$`b
`b
q)`b,(`sym$`b)
`b
`sym$`b
q)(`sym$`a`b),`sym2$`c`d
`a`b`c`d
q)(`sym$`a),`c`d
`a`c`d
q)(`sym$`a`b),`c
`a`b`c
q)`a,`sym2$`c`d
`a`c`d
q)`a`b,`sym2$`c
`a`b`c
q)(`sym$`a`b),`sym$`b
`sym$`a`b`b
q)key each ("abc";101b;1 2 3h;1 2 3i;1 2 3;1 2 3f)
`char`boolean`short`int`long`float
q)key 0#5
`long
q)()~key`zz
1b
q)zz:1
q)key`zz
`zz
q)key`..zz
`..zz
q)key 3
0 1 2
q)f:([f:1 2 3]v:`a`b`c)
q)fk:`f$3 2
q)fk
`f$3 2
q)key fk
`f
q)value fk
3 2
q)`f$4
'cast
q)g:([]k:`f$3 2 1;w:7 8 9)
q)g
k w
---
3 7
2 8
1 9
q)meta g
c| t f a
-| -----
k| j f
w| j
q)select k.v from g
v
-
c
b
a
q)t:([] id:101 102 103 104; v:1.1 2.2 3.3 4.4)
q)update parent:`t!id?101 101 102 102 from `t
`t
q)t
id  v   parent
--------------
101 1.1 0
102 2.2 0
103 3.3 1
104 4.4 1
q)meta t
c     | t f a
------| -----
id    | j
v     | f
parent| j t
q)select id, parentid:parent.id from t
id  parentid
------------
101 101
102 101
103 102
104 102
q)`t!0 1
`t!0 1
q)/ ref/enum-extend.md: ? preserves the attribute of its right argument, $ does not
q)foo:`a`b
q)y:`a`b`c`b`a`b`c`c`c`c`c`c`c
q)`foo?`g#y
`g#`foo$`g#`a`b`c`b`a`b`c`c`c`c`c`c`c
q)`foo$`g#y
`foo$`a`b`c`b`a`b`c`c`c`c`c`c`c
q)/ a u# domain extended stays u# (wp/symfiles.md)
q)x:`u#`AAPL`GE`IBM`GOOG
q)e:`x?`AAPL`FB
q)x
`u#`AAPL`GE`IBM`GOOG`FB
q)/ basics/joins.md: dot notation follows foreign keys in a chain, s.eid.currency
q)e:([eid:1 2]currency:`gbp`usd)
q)s:([s:`s1`s2]name:`smith`jones;eid:`e$1 2)
q)sp:([]s:`s$`s1`s2`s1;qty:1 2 3)
q)select s.name, qty, s.eid.currency from sp
name  qty currency
------------------
smith 1   gbp
jones 2   usd
smith 3   gbp
q)sp.s.name
`smith`jones`smith
q)tt:([]d:2020.01.01 2021.05.05)
q)tt.d.year
2020 2021i
q)/ ref/enumerate.md: an enumeration compares as its symbols: = of two over one domain, or with a symbol
q)sym:`a`b`c
q)e:`sym$`a`b`c`a`c
q)(e=`sym$`a;e=`a;`c=e;e=`z;e=`;e=reverse e)
10010b
10010b
00101b
00000b
00000b
00100b
q)(`sym$`b)=`b
1b
q)sym2:`a`b
q)(`sym$`a`b)=`sym2$`a`b
11b
q)exec v from ([]s:e;v:til 5) where s=`a
0 3
q)/ ref/in.md over an enumeration: its symbols in y's; a null in the domain is the null symbol
q)sym:`a`b`c`
q)e:`sym$`a`b`c`a`c``
q)(e in `sym$`a`c;e in `a`z;e in `;e in `sym$`;e in `symbol$())
1011100b
1001000b
0000011b
0000011b
0000000b
q)(`sym$`a) in `a`b
1b
q)e=`sym$`
0000011b
q)/ Find (ref/find.md, Implicit Find: as `in` does): an enumeration among symbols or another
q)/ domain's items is found by its symbols; one domain by its indices
q)fd:`a`b`c;c3:`fd$`a`b`a`c
q)`c`b`a?c3
2 1 2 0
q)`c`b`a?first c3
2
q)(c3?`a;c3?`z)
0 4
q)c3?`a`c`z
0 3 4
q)c3?`fd$`c`b
3 1
q)fe:`c`a;(`fe$`c`a)?c3
1 2 1 0
q)c3?(`a;`fd$`c)
0 3
q)/ a link column to a table's rows made by Find on an enumerated key (kb/linking-columns.md)
q)t1:([] c1:`c`b`a; c2: 10 20 30)
q)t2:([] c3:`fd$`a`b`a`c; c4: 1 2 3 4.)
q)update t1link:`t1!t1.c1?c3 from `t2
`t2
q)select t1link.c2, c3 from t2
c2 c3
-----
30 a
20 b
30 a
10 c
