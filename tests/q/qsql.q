/ qSQL: select, exec, update, delete and their functional forms
q)t:([]a:1 2 3 4;b:`x`y`x`y;c:10 20 30 40f)
q)select a,c from t where a>1
a c
----
2 20
3 30
4 40
q)select sum c by b from t
b| c
-| --
x| 40
y| 60
q)select n:count i, avg c by b from t where a<4
b| n c
-| ----
x| 2 20
y| 1 20
q)exec a from t
1 2 3 4
q)exec a,b from t where a>2
a| 3 4
b| x y
q)exec sum a by b from t
x| 4
y| 6
q)update d:a*2 from t where b=`x
a b c  d
--------
1 x 10 2
2 y 20
3 x 30 6
4 y 40
q)update c:0f from t where b=`y
a b c
------
1 x 10
2 y 0
3 x 30
4 y 0
q)/ ref/update.md: a column amended with no where clause takes an atom or a list of count t, new
q)/ or replaced alike; another count is 'length and the table is left as it was
q)update c:5 6 7 from t
'length
q)update c:5 6 7 from `t
'length
q)update c:-1 from t
a b c
------
1 x -1
2 y -1
3 x -1
4 y -1
q)t
a b c
------
1 x 10
2 y 20
3 x 30
4 y 40
q)/ ref/update.md: a new column gets nulls outside the Where phrase's rows; a column of lists,
q)/ the null its first item's prototype gives (basics/application.md, indexing out of bounds)
q)w:([]a:1 2 3)
q)update s:("ab";"cd") from w where a>1
a s
------
1 "  "
2 "ab"
3 "cd"
q)update v:(1 2;3 4) from w where a<3
a v
-----
1 1 2
2 3 4
3
q)/ (a matrix of cells: the null row shows blank; its items are nulls)
q)-3!exec v from update v:(1 2;3 4) from w where a<3
"(1 2;3 4;0N 0N)"
q)/ basics/qsql.md: a where phrase of f each over no rows is () and keeps no rows
q)select from w where a>5,{x>1}each a
a
-
q)count select from w where 0b,{1b}each a
0
q)delete from t where a>2
a b c
------
1 x 10
2 y 20
q)/ without a where clause every row goes (ref/delete.md), the columns stay
q)count delete from t
0
q)cols ![t;();0b;`symbol$()]
`a`b`c
q)/ the constraints may be a simple list: enlist `c is the rows where boolean column c is true
q)bt:([]a:1 2 3;b:011b)
q)?[bt;enlist `b;0b;()]
a b
---
2 1
3 1
q)![bt;enlist `b;0b;`symbol$()]
a b
---
1 0
q)/ parse trees: (`f;`x) is the symbol list `f`x and still f applied to x; ,`s the constant `s
q)myneg:{neg x}
q)?[bt;();0b;`a`c!((`myneg;`a);enlist `s)]
a  c
----
-1 s
-2 s
-3 s
q)eval parse "myneg 4"
-4
q)delete c from t
a b
---
1 x
2 y
3 x
4 y
q)select max a from t
a
-
4
q)?[t;enlist (>;`a;2);0b;(enlist `a)!enlist `a]
a
-
3
4
q)select from t where b=`z
a b c
-----
q)count select from t
4
q)u:([]s:`a`b`a`b;p:1 5 3 2)
q)select from u where p=(max;p) fby s
s p
---
b 5
a 3
q)(sum;1 2 3 4) fby `a`b`a`b
4 6 4 6
q)w:([]a:3 1 2 1;b:`x`y`z`y)
q)select[2] from w
a b
---
3 x
1 y
q)select[>a] from w
a b
---
3 x
2 z
1 y
1 y
q)select[<a] from w
a b
---
1 y
1 y
2 z
3 x
q)type parse"select[<a] from w"
0h
q)select[1;<b] from w
a b
---
3 x
q)select[-2;>a] from w
a b
---
1 y
1 y
q)select distinct from w
a b
---
3 x
1 y
2 z
q)t2:([]g:`a`b`a`c;v:1 0N 3 4;f:1 2 0n 4f)
q)select sum v, avg v, max v, min f, first v, last f, count i by g from t2
g| v v1 v2  f v3 f1 x
-| ------------------
a| 4 2  3   1 1     2
b| 0    -0W 2    2  1
c| 4 4  4   4 4  4  1
q)select sum v by g, f>1 from t2
g f| v
---| -
a 0| 4
b 1| 0
c 1| 4
q)select count v by g from t2 where v>1
g| v
-| -
a| 1
c| 1
q)select sum v by g from ([]g:5 3 5 3 9;v:1 2 3 4 5)
g| v
-| -
3| 6
5| 4
9| 5
q)/ parse of qSQL as q shows it (basics/funsql.md, basics/internal.md -5!): no constraints is
q)/ (), a dict of columns is the dict itself, its names-only values one symbol vector
q)-5!"select this from that"
?
`that
()
0b
(,`this)!,`this
q)parse "select sym,price,size from trade where price>50"
?
`trade
,,(>;`price;50)
0b
`sym`price`size!`sym`price`size
q)parse "select from t"
?
`t
()
0b
()
q)parse "select n:count i by s from t where a>1,b<2"
?
`t
,((>;`a;1);(<;`b;2))
(,`s)!,`s
(,`n)!,(#:;`i)
q)parse "exec a by b from t"
?
`t
()
,`b
,`a
q)parse "exec a,b from t"
?
`t
()
()
`a`b!`a`b
q)eval parse "select sum c by b from t where a>1"
b| c
-| --
x| 30
y| 60
q)eval parse "exec a,c from t"
a| 1  2  3  4
c| 10 20 30 40
q)/ functional exec by basics/funsql.md "? Exec": b () or a column or a dict; a (), a name or a dict
q)t:([] c1:`a`b`c`c`a`a; c2:10 20 30 30 40 40; c3: 1.1 2.2 3.3 3.3 4.4 3.14159; c4:`cow`sheep`cat`dog`cow`dog)
q)?[t; (); (); ()]
c1| `a
c2| 40
c3| 3.14159
c4| `dog
q)?[t; (); (); `c1]
`a`b`c`c`a`a
q)?[t; (); (); `one`two!`c1`c2]
one| a  b  c  c  a  a
two| 10 20 30 30 40 40
q)?[t; (); (); `one`two!(`c1;(sum;`c2))]
one| `a`b`c`c`a`a
two| 170
q)?[t; (); `c1; `c2]
a| 10 40 40
b| ,20
c| 30 30
q)?[t; (); `c1; enlist[`c2]!enlist`c2]
 | c2
-| --------
a| 10 40 40
b| ,20
c| 30 30
q)?[t; (); `c1; `two`three!`c2`c3]
 | two      three
-| ------------------------
a| 10 40 40 1.1 4.4 3.14159
b| ,20      ,2.2
c| 30 30    3.3 3.3
q)?[t; (); `one`two!`c1`c2; ()]
one two| c1 c2 c3      c4
-------| -------------------
a   10 | a  10 1.1     cow
a   40 | a  40 3.14159 dog
b   20 | b  20 2.2     sheep
c   30 | c  30 3.3     dog
q)?[t; (); enlist[`one]!enlist(string;`c1); ()]
one | c1 c2 c3      c4
----| -------------------
,"a"| a  40 3.14159 dog
,"b"| b  20 2.2     sheep
,"c"| c  30 3.3     dog
q)?[t; (); enlist[`one]!enlist `c1; `c2]
one|
---| --------
a  | 10 40 40
b  | ,20
c  | 30 30
q)exec c2 by one:c1 from t
one|
---| --------
a  | 10 40 40
b  | ,20
c  | 30 30
q)exec m:max c2 by c1 from t
 | m
-| --
a| 40
b| 20
c| 30
q)exec from t where c2>100
c1| `
c2| 0N
c3| 0n
c4| `
q)([]a:1 2)!3 4
a|
-| -
1| 3
2| 4
q)/ x y z inside select, by and where phrases are no implicit parameters; the from phrase is not
q)/ masked (basics/qsql.md)
q)args:{(value x)1}
q)args{select from y where a=x,b=z}
`x`y
q)args{[x;y;z]select from y where a=x,b=z}
`x`y`z
q){select from ([]a:0 1;b:2 3) where a=x,b=y}[0;2]
'rank
  [0]  {select from ([]a:0 1;b:2 3) where a=x,b=y}[0;2]
       ^
q){[x;y]select from ([]a:0 1;b:2 3) where a=x,b=y}[0;2]
a b
---
0 2
q)args{select from t where a in {y} 1}
,`x
q)/ d.f fields of a column inside a lambda's query (the column scope, then the lambda's)
q)tt:([]time:2024.01.01D00:03:00 2024.01.01D00:07:30 2024.01.01D00:09:59;s:1 2 3)
q){select n:count i by 5 xbar time.minute from tt}[]
minute| n
------| -
00:00 | 1
00:05 | 2
q){[x]select from tt where time.minute>x}00:05
time                          s
-------------------------------
2024.01.01D00:07:30.000000000 2
2024.01.01D00:09:59.000000000 3
q)/ qSQL's fast paths (issue #16): grouping by several keys in vector passes, aggregates in one
q)/ pass over group ids (count i, wavg, wsum, first, last), where clauses on the columns they
q)/ read; nulls in keys, empty and one-row tables, general and all-null key columns
q)t:([]a:`b`a`b`c`a`b;d:2024.01.02 2024.01.01 2024.01.02 2024.01.01 0Nd 2024.01.01;p:1.5 0n 2.5 -1 3 0w;s:3 0N 1 4 5 6;w:1 2 0N 1 1 0)
q)select cnt:count i, avg p, max p, min p, sum s, first p, last s by a, d from t
a d         | cnt p  p1  p2  s p3  s1
------------| -----------------------
a           | 1   3  3   3   5 3   5
a 2024.01.01| 1      -0w 0w  0
b 2024.01.01| 1   0w 0w  0w  6 0w  6
b 2024.01.02| 2   2  2.5 1.5 4 1.5 1
c 2024.01.01| 1   -1 -1  -1  4 -1  4
q)select cnt:count i, avg p, max p, sum s by d, a from t
d          a| cnt p  p1  s
------------| ------------
           a| 1   3  3   5
2024.01.01 a| 1      -0w 0
2024.01.01 b| 1   0w 0w  6
2024.01.01 c| 1   -1 -1  4
2024.01.02 b| 2   2  2.5 4
q)select v:w wavg p, ws:w wsum p, v2:s wavg s, v3:p wavg s by a from t
a| v   ws  v2  v3
-| --------------
a| 3   3   5   5
b| 1.5 1.5 4.6
c| -1  -1  4   4
q)select v:w wavg p by a, d from t
a d         | v
------------| ---
a           | 3
a 2024.01.01|
b 2024.01.01|
b 2024.01.02| 1.5
c 2024.01.01| -1
q)select count i by a, d from t where p > 1
a d         | x
------------| -
a           | 1
b 2024.01.01| 1
b 2024.01.02| 2
q)select sum s by a, d from t where p > 100
a d         | s
------------| -
b 2024.01.01| 6
q)select sum s by a, d from 0#t
a d| s
---| -
q)select sum s, count i by a, d from 1#t
a d         | s x
------------| ---
b 2024.01.02| 3 1
q)select count i by d, s from t
d          s| x
------------| -
           5| 1
2024.01.01  | 1
2024.01.01 4| 1
2024.01.01 6| 1
2024.01.02 1| 1
2024.01.02 3| 1
q)select n:count i by a, p from t
a p  | n
-----| -
a    | 1
a 3  | 1
b 1.5| 1
b 2.5| 1
b 0w | 1
c -1 | 1
q)select n:count i, sum s by x:s mod 2, a from t
x a| n s
---| ---
  a| 1 0
0 b| 1 6
0 c| 1 4
1 a| 1 5
1 b| 2 4
q)select n:count i by a, `int$s from t
a s| n
---| -
a  | 1
a 5| 1
b 1| 1
b 3| 1
b 6| 1
c 4| 1
q)select n:count i by a, b:d.month from t
a b      | n
---------| -
a        | 1
a 2024.01| 1
b 2024.01| 3
c 2024.01| 1
q)n:([]k:(`a;1;`a;1;2);v:1 2 3 4 5)
q)select sum v by k from n
k | v
--| -
1 | 6
2 | 5
`a| 4
q)select s:sum v by k, v>2 from n
k  v| s
----| -
1  0| 2
1  1| 4
2  1| 5
`a 0| 1
`a 1| 3
q)u:([]a:`x`y`x`y;b:(1 2;3 4;1 2;5 6);v:1 2 3 4)
q)select sum v by a, b from u
a b  | v
-----| -
x 1 2| 4
y 3 4| 2
y 5 6| 4
q)z:([]a:4#`;b:4#0N;v:1 2 3 4)
q)select sum v by a, b from z
a b| v
---| --
   | 10
q)select count i, sum v by b from z
b| x v
-| ----
 | 4 10
q)select avg v by a from z
a| v
-| ---
 | 2.5
q)select sum s from t where p > 1, a in `b`c
s
--
10
q)select sum s from t where p > 1
s
--
15
q)select sum s from t where a in `b
s
--
10
q)select from t where p > 1.5
a d          p   s w
--------------------
b 2024.01.02 2.5 1
a            3   5 1
b 2024.01.01 0w  6 0
q)select from t where p >= 1.5, s < 5
a d          p   s w
--------------------
b 2024.01.02 1.5 3 1
b 2024.01.02 2.5 1
q)select i from t where s > 1
x
-
0
3
4
5
q)select a, i from t where p < 3, i > 1
a x
---
b 2
c 3
q)exec a from t where s > 3
`c`a`b
q)exec last a from t
`b
q)select from t where 0b
a d p s w
---------
q)select from t where 1b
a d          p   s w
--------------------
b 2024.01.02 1.5 3 1
a 2024.01.01       2
b 2024.01.02 2.5 1
c 2024.01.01 -1  4 1
a            3   5 1
b 2024.01.01 0w  6 0
q)select count i from t where 1b, s > 3
x
-
3
q)update c:sum s by a, d from t
a d          p   s w c
----------------------
b 2024.01.02 1.5 3 1 4
a 2024.01.01       2 0
b 2024.01.02 2.5 1   4
c 2024.01.01 -1  4 1 4
a            3   5 1 5
b 2024.01.01 0w  6 0 6
q)update c:count i by a from t where p > 0
a d          p   s w c
----------------------
b 2024.01.02 1.5 3 1 3
a 2024.01.01       2
b 2024.01.02 2.5 1   3
c 2024.01.01 -1  4 1
a            3   5 1 1
b 2024.01.01 0w  6 0 3
q)/ basics/qsql.md Where phrase on an s# column: = within in found by binary search, the same
q)/ rows in the same order as testing each row (ref/set-attribute.md: s# promises the order)
q)st:([]d:`s#2000.01.01+0 0 1 1 1 2 4 4;p:1 2 3 4 5 6 7 8)
q)exec p from st where d=2000.01.02
3 4 5
q)exec p from st where d=first d
1 2
q)exec p from st where d=2000.01.04
`long$()
q)exec p from st where d within 2000.01.02 2000.01.05
3 4 5 6 7 8
q)exec p from st where d within 2000.01.05 2000.01.02
`long$()
q)exec p from st where d in 2000.01.05 2000.01.01 2000.01.05
1 2 7 8
q)exec p from st where d=2000.01.02, p>3
4 5
q)exec p from st where d=0Nd
`long$()
q)exec p from st where d=2000.01.02T00:00
3 4 5
q)exec p from ([]s:`s#`a`a`b`c`c;p:til 5) where s in `a`c`z
0 1 3 4
q)exec p from ([]j:`s#0N 1 1 5;p:til 4) where j in 0N 5
0 3
q)/ ref/update.md By phrase: a uniform function runs along each group in place, an aggregate's
q)/ value fills its group; groups giving different types make a general column
q)ub:([]s:`a`b`a`c`b;p:1 2 4 8 16f)
q)update deltas p, n:count i by s from ub
s p  n
------
a 1  2
b 2  2
a 3  2
c 8  1
b 14 2
q)update d:{$[`a=first x;x;count[x]#`x]} s by s from ub
s p  d
------
a 1  a
b 2  x
a 4  a
c 8  x
b 16 x
q)update d:{$[`a=first x;count[x]#0x01;count[x]#1]} s by s from ub
s p  d
---------
a 1  0x01
b 2  1
a 4  0x01
c 8  1
b 16 1
q)type exec d from update d:{$[`a=first x;count[x]#0x01;count[x]#1]} s by s from ub
0h
q)delete from t where a = `b, s > 2
a d          p   s w
--------------------
a 2024.01.01       2
b 2024.01.02 2.5 1
c 2024.01.01 -1  4 1
a            3   5 1
q)select max s by a from t where d = 2024.01.01
a| s
-| ---
a| -0W
b| 6
c| 4
q)tm:([]time:2024.01.01D00:03:00 2024.01.01D00:07:30 0Np 2024.01.01D00:09:59 2023.12.31D23:59:59;sym:`a`a`b`a`b;p:1 2 3 4 5f;s:10 20 30 40 50)
q)select vwap:s wavg p by sym, 5 xbar time.minute from tm
sym minute| vwap
----------| --------
a   00:00 | 1
a   00:05 | 3.333333
b         | 3
b   23:55 | 5
q)select vwap:s wavg p by sym, time.date from tm
sym date      | vwap
--------------| ----
a   2024.01.01| 3
b             | 3
b   2023.12.31| 5
q)select n:count i by time.minute, time.second from tm
minute second  | n
---------------| -
               | 1
00:03  00:03:00| 1
00:07  00:07:30| 1
00:09  00:09:59| 1
23:59  23:59:59| 1
q)`minute$tm`time
00:03 00:07 0N 00:09 23:59
q)`second$tm`time
00:03:00 00:07:30 0N 00:09:59 23:59:59
q)`time$tm`time
00:03:00.000 00:07:30.000 0N 00:09:59.000 23:59:59.000
q)`date$tm`time
2024.01.01 2024.01.01 0N 2024.01.01 2023.12.31
q)`timespan$tm`time
0D00:03:00.000000000 0D00:07:30.000000000 0N 0D00:09:59.000000000 0D23:59:59...
q)`minute$0Wp,-0Wp
23:47 00:12
q)`date$0Wp,-0Wp
2292.04.10 1707.09.22
q)select cnt:count i, avg p by a, d, s from t
a d          s| cnt p
--------------| -------
a            5| 1   3
a 2024.01.01  | 1
b 2024.01.01 6| 1   0w
b 2024.01.02 1| 1   2.5
b 2024.01.02 3| 1   1.5
c 2024.01.01 4| 1   -1
q)k:([]a:`s#`a`a`b`b;b:1 2 1 2;v:1 2 3 4)
q)select sum v by a, b from k
a b| v
---| -
a 1| 1
a 2| 2
b 1| 3
b 2| 4
q)meta select from k
c| t f a
-| -----
a| s   s
b| j
v| j
q)meta select a from k
c| t f a
-| -----
a| s   s
q)select sum v by a, b from k where v > 10
a b| v
---| -
q)F:{select n:count i by a, d from t where p > x}
q)F 0
a d         | n
------------| -
a           | 1
b 2024.01.01| 1
b 2024.01.02| 2
q)g:{[x] select from t where s > x}
q)g 3
a d          p  s w
-------------------
c 2024.01.01 -1 4 1
a            3  5 1
b 2024.01.01 0w 6 0
q)/ basics/qsql.md: the from phrase is an expression up to where: commas in it join
q)t:([]a:1 2 3;b:4 5 6)
q)select from t,t where a>2
a b
---
3 6
3 6
q)select max b by a from (0!select by a from t),select a,b:10*b from t
a| b
-| --
1| 40
2| 50
3| 60
q)/ a from phrase inside a where phrase ends at the where phrase's comma
q)u:([]b:5 6)
q)select from t where b in exec b from u, a>2
a b
---
3 6
q)/ basics/qsql.md: an unnamed column is named by its leftmost term, else x; a cast names by
q)/ what it casts (kb/programming-idioms.md); a keyword's right argument names it when it
q)/ has a name (ref/avg.md: size wavg price is price)
q)t:([] c1:`a`b`c; c2:10 20 30; c3:1.1 2.2 3.3)
q)/ ref/exec.md: by s is a dict by key, by s:s names the key (table!list), and q:... by s:s a keyed table; groups sorted by key (ref/select.md)
q)s:([s:`s1`s2`s3`s4`s5]name:`smith`jones`blake`clark`adams)
q)sp:([]s:`s$`s1`s1`s1`s1`s4`s1`s2`s2`s3`s4`s4`s1;p:`p1`p2`p3`p4`p5`p6`p1`p2`p2`p2`p4`p5;qty:300 200 400 200 100 100 300 400 200 200 300 400)
q)exec sum qty by s from sp
s1| 1600
s2| 700
s3| 200
s4| 600
q)exec q:sum qty by s from sp
  | q
--| ----
s1| 1600
s2| 700
s3| 200
s4| 600
q)exec sum qty by s:s from sp
s |
--| ----
s1| 1600
s2| 700
s3| 200
s4| 600
q)exec q:sum qty by s:s from sp
s | q
--| ----
s1| 1600
s2| 700
s3| 200
s4| 600
q)parse "exec sum qty by s:s from sp"
?
`sp
()
(,`s)!,`s
,(sum;`qty)
q)select s by p from sp where p in`p3`p4
p | s
--| ---------
p3| `s$,`s1
p4| `s$`s1`s4
q)/ basics/qsql.md: a column is named "if possible as the leftmost term in the column expression, else x"
q)t:([]c1:`a`b`c;c2:10 20 30;c3:1.1 2.2 3.3)
q)select c1, c1, 2*c2, c2+c3, string c3 from t
c1 c11 x  c2   c3
--------------------
a  a   20 11.1 "1.1"
b  b   40 22.2 "2.2"
c  c   60 33.3 "3.3"
q)cols select c2 wavg c3, 2 xbar c2, `float$c3, c2 mod 3 from t
`c3`c2`c31`c21
q)/ a derived function names by its last argument alone: kb/programming-idioms.md (-3#'time is
q)/ time), wp/iterators/index.md (rng'[price] price, rng'[price@'inx] inx), basics/qsql.md ((id,'4) x)
q)tab:([]sym:`a`b;price:(1 2 3;4 5 6);inx:(0 1;2 0))
q)rng:{max[x]-min x}
q)select sym,-2#'price,rng'[price],rng'[price@'inx] from tab
sym price price1 inx
--------------------
a   2 3   2      1
b   5 6   2      2
q)cols select (sym,'`z),(price,'1) from tab
`x`x1
q)/ chains of foreign keys: s.n.r reads on through each key, o.d.year through a date
q)r:([r:`EU`AS] name:("Europe";"Asia"))
q)n:([n:`FR`DE`JP] r:`r$`EU`EU`AS)
q)s:([s:til 3] n:`n$`FR`JP`DE)
q)l:([] s:`s$0 1 2 2; q:1 2 3 4)
q)select sum q by s.n.r from l
r | q
--| -
EU| 8
AS| 2
q)select s.n.r.name from l
name
--------
"Europe"
"Asia"
"Europe"
"Europe"
q)/ select from a foreign key: the rows of its keyed table
q)select count i by r from distinct exec s.n from l
r | x
--| -
EU| 2
AS| 1
q)tbl:([]id:1 1 2 2 2;val:100 200 300 400 500)
q)select (id,'4),val from tbl
x   val
-------
1 4 100
1 4 200
2 4 300
2 4 400
2 4 500
q)/ a column named as a group is no auto-alias (since V4.0): 'dup names for cols/groups
q)parse"select b by b from t"
'dup names for cols/groups b
q)select c1 by c1:c2 from t
'dup names for cols/groups c1
q)select last c2,last c2 by c1 from t
c1| c2 c21
--| ------
a | 10 10
b | 20 20
c | 30 30
q)/ basics/funsql.md: b 1b is select distinct; rank 5 limits rows (0W all, no repeats); rank 6 sorts by a grade of a column first
q)t:([] c1:`a`b`a`c`b`c; c2:1 1 1 2 2 2; c3:10 20 30 40 50 60)
q)?[t;(); 1b; `c1`c2!`c1`c2]
c1 c2
-----
a  1
b  1
c  2
b  2
q)t:([] c1:`a`b`c`a; c2:10 20 30 40)
q)?[t;();0b;();-2]
c1 c2
-----
c  30
a  40
q)?[t;();0b;();1 2]
c1 c2
-----
b  20
c  30
q)?[t;();0b;();10]
c1 c2
-----
a  10
b  20
c  30
a  40
q)?[t; (); 0b; `c1`c2!`c1`c2; 0W; (idesc;`c1)]
c1 c2
-----
c  30
b  20
a  10
a  40
q)/ the parse of select[n;>c] and select distinct is that functional form
q)parse"select[10;<price] from trade"
?
`trade
()
0b
()
10
,(<:;`price)
q)parse"select distinct c1 from t"
?
`t
()
1b
(,`c1)!,`c1
q)select[2;>c2] from t
c1 c2
-----
a  40
c  30
q)select[2;<c1] sum c2 by c1 from t
c1| c2
--| --
a | 50
b | 20
q)/ select from a keyed table keeps its key (learn/startingkdb/language.md, ref/in.md)
q)kp:([p:`p1`p2`p3] w:12 17 17)
q)select from kp where w=17
p | w
--| --
p2| 17
p3| 17
q)select from kp
p | w
--| --
p1| 12
p2| 17
p3| 17
q)/ basics/funsql.md, exec grouped by a list of column names: one key, the empty symbol, to a over all rows
q)t:([] c1:`a`b`c`c`a`a; c2:10 20 30 30 40 40; c3: 1.1 2.2 3.3 3.3 4.4 3.14159; c4:`cow`sheep`cat`dog`cow`dog)
q)?[t; (); `c1`c2; `c3]
| 1.1 2.2 3.3 3.3 4.4 3.14159
q)?[t; (); `c1`c2; `c3`c4!((max;`c3);(last;`c4))]
| c3  c4
| -------
| 4.4 dog
q)?[t; enlist(>;`c2;20); `c1`c2; `c3]
| 3.3 3.3 4.4 3.14159
q)/ Cond is not supported inside qSQL expressions; inside a lambda there it is (basics/qsql.md "Cond")
q)u:([]a:raze ("ref/";"kb/"),\:/:"abc"; b:til 6)
q)select from u where a like $[1b;"ref/*";"kb/*"]
'rank
  [0]  select from u where a like $[1b;"ref/*";"kb/*"]
                                  ^
q)select from u where a like {$[x;"ref/*";"kb/*"]}1b
a       b
---------
"ref/a" 0
"ref/b" 2
"ref/c" 4
q)parse "select from u where $[a;b;c]"
?
`u
,,($;`a;`b;`c)
0b
()
q)$[1b;2;3]
2
q)/ where clauses col op v (v reads no column) test the column's rows in place, each on the
q)/ survivors of the ones before; the answers are those of the primitives: nulls below every
q)/ value, floats compared with tolerance, ints and temporals of one type as numbers
q)wt:([]s:`a`b`c`a`d`e`f`g`h`i`j`a;p:1 0n 0w -0w 2.5 1e-300 -3 4 1 1.00000000000001 7 8;q:3 0N 0W -0W 5 6 7 8 9 10 11 12;d:2024.01.01+til 12)
q)select i from wt where p > 1
x
--
2
4
7
10
11
q)exec i from wt where p = 1
0 8 9
q)exec i from wt where p <> 1
1 2 3 4 5 6 7 10 11
q)exec i from wt where p <= 1
0 1 3 5 6 8 9
q)exec i from wt where p >= 1, p < 5
0 4 7 8 9
q)exec i from wt where 1 < p
2 4 7 10 11
q)exec i from wt where p < 0n
`long$()
q)exec i from wt where p > 0n
0 2 3 4 5 6 7 8 9 10 11
q)exec i from wt where p < -0w
,1
q)exec i from wt where p > 2
2 4 7 10 11
q)exec i from wt where q > 5
2 5 6 7 8 9 10 11
q)exec i from wt where q < 5
0 1 3
q)exec i from wt where q = 0N
,1
q)exec i from wt where q > 5.5
2 5 6 7 8 9 10 11
q)exec i from wt where d > 2024.01.10
10 11
q)exec i from wt where s in `a`e
0 3 5 11
q)exec i from wt where s in `a
0 3 11
q)exec i from wt where s = `a, p > 1
,11
q)exec i from wt where s <> `a, q > 8
2 8 9 10
q)exec i from wt where s in `a`b`c`d`e`f`g`h`x`y, q > 4
2 4 5 6 7 8 11
q)exec i from wt where not s in `a`b`c`d`e`f`g`h`x`y
9 10
q)exec i from wt where q > 4, i < 8, s in `e`f`g`h`i
5 6 7
q)f:{[x] exec i from wt where q > x, p < 5}
q)f 6
6 7 8 9
q)exec i from wt where s in `a`e, p > 1
,11
q)exec i from 0#wt where p > 1, s in `a
`long$()
q)exec i from 1#wt where p >= 1, s in `a
,0
q)select from wt where p > 1 2
'length
q)select from wt where p > nosuch
'nosuch
q)select from wt where s > 1
'type
q)count select from wt where p > 1, 0b
0
q)wn:([]s:10000?`3;p:10000?1.0;q:-5000+10000?10000)
q)k:{(eval x)~eval @[x;2;{enlist {(not;(not;x))} each first x}]}
q)k each (parse "select from wn where p > 0.5, s in 10#s";parse "select from wn where q <= 0, p > 0.25";parse "select from wn where s = first s, q <> 0";parse "select from wn where p < 0.5, q > -100, q < 100")
1111b
q)/ an enumeration's in, = and <> test a mark per domain item: a symbol outside the domain is in
q)/ no row, the null symbol (a domain item here) is the null rows' (ref/in.md, ref/enumerate.md)
q)dom:``a`b`c`d`e`f`g`h
q)we:([]s:`dom$`a`b``c`a`d`e`f``g`h`a;p:1 0n 0w -0w 2.5 1e-300 -3 4 1 1.00000000000001 7 8)
q)exec i from we where s in `a`e
0 4 6 11
q)exec i from we where s in `a`zz
0 4 11
q)exec i from we where s in `zz
`long$()
q)exec i from we where s in `
2 8
q)exec i from we where s in ``a
0 2 4 8 11
q)exec i from we where s = `a
0 4 11
q)exec i from we where `a = s
0 4 11
q)exec i from we where s = `zz
`long$()
q)exec i from we where s <> `
0 1 3 4 5 6 7 9 10 11
q)exec i from we where s in `dom$`a`e
0 4 6 11
q)exec i from we where s in 0#`
`long$()
q)exec i from we where p > 1, s in `a`b`f`zz
4 7 11
q)ws:([]s:`a`b``c`a`d`e`f``g`h`a;p:1 0n 0w -0w 2.5 1e-300 -3 4 1 1.00000000000001 7 8)
q)exec i from ws where s in `a`zz
0 4 11
q)exec i from ws where s in ``a
0 2 4 8 11
q)exec i from ws where s in 0#`
`long$()
q)exec i from ws where s <> `
0 1 3 4 5 6 7 9 10 11
q)/ from 8192 rows the clause keeping the fewest of a sample runs first: the rows kept are the same
q)wm:([]s:`dom$40000#dom:`x`y`z`w,(reverse 20#distinct 100?`3),`;p:0n,39999?100.;q:40000?0 0N 1 2 3)
q)k each (parse "select from wm where p > 50, s in `x`w`nosuch";parse "select from wm where s in `x`w`nosuch, p > 50";parse "select from wm where q = 0N, s <> `y, p < 10";parse "select from wm where s = `";parse "select from wm where i > 100, p > 5, s in `x`y")
11111b
q)(select from wm where p > 50, s in `x`w)~select from wm where s in `x`w, p > 50
1b
q)(select from wm where p > 50, s in `x`w)~select from wm where (p > 50) & s in `x`w
1b
q)s3:3#wn`s
q)(select from wn where p > 0.9, s in s3)~select from wn where s in s3, p > 0.9
1b
q)/ by one integral key of a small span: groups by the key's offset, in key order, a null first
q)bt:([]g:3 1 3 0N 2 -1;h:3 1 3 0N 2 -1h;d:2024.01.03 2024.01.01 2024.01.03 0Nd 2024.01.02 2023.12.31;v:1 2 3 4 5 6.)
q)select sum v, count i by g from bt
g | v x
--| ---
  | 4 1
-1| 6 1
1 | 2 1
2 | 5 1
3 | 4 2
q)select sum v by h from bt where v > 1
h | v
--| -
  | 4
-1| 6
1 | 2
2 | 5
3 | 3
q)select first v by d from bt
d         | v
----------| -
          | 4
2023.12.31| 6
2024.01.01| 2
2024.01.02| 5
2024.01.03| 1
q)select sum v by g from 0#bt
g| v
-| -
q)select v by g from bt where g > 0
g| v
-| ----
1| ,2f
2| ,5f
3| 1 3f
q)bn:([]g:(100000?1000),0N;h:(`short$100000?1000),0Nh;v:(100000?1.0),0n)
q)((select sum v, count i by g from bn)~select sum v, count i by g from update `g#g from bn),(select max v by h from bn)~select max v by h from update `g#h from bn
11b
q)/ basics/qsql.md: the phrases come in the order select, by, from, where, so before from the
q)/ word where is the keyword (KX's NYSE TAQ benchmark: seq where (<) prior seq by sym)
q)t:([]sym:`a`a`b`b`a;seq:1 3 2 1 0)
q)select d:seq where (<) prior seq by sym from t
sym| d
---| -
a  | 0
b  | 1
q)exec d from select d:seq where (<) prior seq by sym from t
0
1
q)exec seq where seq>1 from t
3 2
q)select from t where seq in where 1 0 1 1
sym seq
-------
a   3
b   2
a   0
q)/ every offset a group (the offsets are the groups) or not (renumbered), negative keys; sum, avg,
q)/ min and max skip nulls (ref/sum.md, ref/avg.md, ref/max.md: an all-null group's sum is 0, avg
q)/ null, max -0w, min 0W)
q)bd:([]g:-2 -1 0 1 2 -2 0;k:-2 -1 0 1 2 -2 0i;v:1 2 3 0n 5 6 7.;w:1 0N 3 4 5 6 7)
q)select sum v, sum w, avg v, max v, min w by g from bd
g | v  w  v1  v2  w1
--| ----------------
-2| 7  7  3.5 6   1
-1| 2  0  2   2   0W
0 | 10 10 5   7   3
1 | 0  4      -0w 4
2 | 5  5  5   5   5
q)select sum v, sum w by k from bd
k | v  w
--| -----
-2| 7  7
-1| 2  0
0 | 10 10
1 | 0  4
2 | 5  5
q)select sum v by g from bd where v > 2
g | v
--| --
-2| 6
0 | 10
2 | 5
q)select sum v by g from bd where v > 100
g| v
-| -
q)select sum v by g from ([]g:10 12 10;v:1 -0.0 2.)
g | v
--| -
10| 3
12| 0
q)select sum v by g from ([]g:5 5 5;v:1 2 3.)
g| v
-| -
5| 6
q)bm:([]g:100000?1000;v:100000?1.0;w:100000?100)
q)(select sum v, sum w by g from bm)~select sum v, sum w by g from update `g#g from bm
1b
q)(select sum v, sum w by g from bm where w > 50)~select sum v, sum w by g from (update `g#g from bm) where w > 50
1b
q)/ the where and by fast paths on empty tables, nulls in p (below every number: ref/less-than.md),
q)/ plain and enumerated symbols outside the in list's column, null and negative keys of int, long, symbol
q)e:([]s:0#`;p:0#0.;q:0#0)
q)select sum p from e where p > 50, s in `a`b
p
-
0
q)select sum p by q from e
q| p
-| -
q)select sum p by q from e where p > 1
q| p
-| -
q)dom:`a`b
q)ee:([]s:`dom$0#`;p:0#0.)
q)select sum p from ee where p > 50, s in `a`zz
p
-
0
q)bs:([]g:`b`a`b``a;v:1 2 3 4 5.)
q)select sum v by g from bs
g| v
-| -
 | 4
a| 7
b| 4
q)bz:([]g:0N 1 2 0N 3;v:1 2 3 4 5.)
q)select sum v, count i by g from bz
g| v x
-| ---
 | 5 2
1| 2 1
2| 3 1
3| 5 1
q)bi:([]g:0N 1 2 0N 3i;v:1 2 3 4 5.)
q)select sum v by g from bi
g| v
-| -
 | 5
1| 2
2| 3
3| 5
q)select sum v by g from ([]g:-3 -1 -2 -3;v:1 2 3 4.)
g | v
--| -
-3| 5
-2| 3
-1| 2
q)wn2:([]p:0n 60 70 0n 40;s:`a`b`c`a`b)
q)select sum p from wn2 where p > 50, s in `b`c`zz
p
---
130
q)select sum p from wn2 where p < 50, s in `a`b
p
--
40
