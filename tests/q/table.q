/ table keywords and joins: xkey xcols xcol xdesc meta lj ij insert uj upsert aj cross
/ keywords applied to dictionaries, tables and keyed tables (ref/next.md, ref/deltas.md,
/ ref/fills.md, ref/cast.md, ref/find.md "Searching tables", ref/differ.md): uniform keywords
/ run on a dictionary's values, a table's columns, a keyed table's value table; Find on a
/ table takes a table (each row's position) or a record (a dictionary or a list); differ
/ compares rows.
q)t:([]a:1 2 3;b:`x`y`z;c:10 20 30)
q)`a xkey t
a| b c
-| ----
1| x 10
2| y 20
3| z 30
q)`c`a xcols t
c  a b
------
10 1 x
20 2 y
30 3 z
q)`d`e xcol t
d e c
------
1 x 10
2 y 20
3 z 30
q)`b xdesc t
a b c
------
3 z 30
2 y 20
1 x 10
q)meta t
c| t f a
-| -----
a| j
b| s
c| j
q)k:([a:1 2]v:100 200)
q)t lj k
a b c  v
----------
1 x 10 100
2 y 20 200
3 z 30
q)t ij k
a b c  v
----------
1 x 10 100
2 y 20 200
q)`t insert (4;`w;40)
,3
q)t
a b c
------
1 x 10
2 y 20
3 z 30
4 w 40
q)([]a:1 2) uj ([]b:3 4)
a b
---
1
2
  3
  4
q)upsert[k;([a:2 3]v:7 8)]
a| v
-| ---
1| 100
2| 7
3| 8
q)tr:([]sym:`a`b`a;time:10 20 30)
q)q:([]sym:`a`a`b;time:5 25 15;px:1 2 3)
q)aj[`sym`time;tr;q]
sym time px
-----------
a   10   1
b   20   3
a   30   2
q)1 2 cross 3 4
1 3
1 4
2 3
2 4
q)tg:([]k:`a`b`a;v:1 2 3;w:10 20 30)
q)g:`k xgroup tg
q)g
k| v   w
-| ---------
a| 1 3 10 30
b| ,2  ,20
q)ungroup g
k v w
------
a 1 10
a 3 30
b 2 20
q)t:([]time:10:01:01 10:01:03 10:01:04;sym:`msft`ibm`ge;qty:100 200 150)
q)q:([]time:10:01:00 10:01:00 10:01:00 10:01:02;sym:`ibm`msft`msft`ibm;px:100 99 101 98)
q)aj[`sym`time;t;q]
time     sym  qty px
---------------------
10:01:01 msft 100 101
10:01:03 ibm  200 98
10:01:04 ge   150
q)aj0[`sym`time;t;q]
time     sym  qty px
---------------------
10:01:00 msft 100 101
10:01:02 ibm  200 98
         ge   150
q)aj[`time;t;q]
time     sym  qty px
---------------------
10:01:01 msft 100 101
10:01:03 ibm  200 98
10:01:04 ibm  150 98
q)/ one key column of a simple type: q's rows grouped by their key's values, searched by time
q)/ in group order; nulls are the smallest times; t's keys missing from q match nothing
q)aj[`sym`time;([]sym:`a`b`c`a;time:1 0N 5 3);([]sym:`a`a`b`b;time:0N 2 0N 1;v:1 2 3 4)]
sym time v
----------
a   1    1
b        3
c   5
a   3    2
q)aj[`k`time;([]k:1 2 3;time:1 2 3);([]k:3 1 1;time:0 0 2;v:1 2 3)]
k time v
--------
1 1    2
2 2
3 3    1
q)aj[`sym`time;([]sym:`a`b;time:1 2);([]sym:0#`;time:0#0;v:0#0)]
sym time v
----------
a   1
b   2
q)ed:`a`b;aj[`sym`time;([]sym:`a`b`a;time:1 2 3);([]sym:`ed$`a`b`a;time:0 1 3;v:1 2 3)]
sym time v
----------
a   1    1
b   2    2
a   3    3
q)aj[`sym`time;([]sym:`a`b;time:00:00:01 00:00:02);([]sym:`a`b;time:00:00:00 00:00:03;v:1 2)]
sym time     v
--------------
a   00:00:01 1
b   00:00:02
q)rq:([]sym:10000?`3;c:1;time:asc 10000?100000;v:til 10000);rt:([]sym:(1000?rq`sym),`zz;c:1;time:(1000?110000),5)
q)(aj[`sym`time;rt;rq]`v)~aj[`sym`c`time;rt;rq]`v
1b
q)(aj0[`sym`time;rt;rq]`time)~aj0[`sym`c`time;rt;rq]`time
1b
q)t0:([]time:2#00:00:01;sym:`a`b;p:1 1;n:`r`s)
q)t1:([]time:2#00:00:01;sym:`a`b;p:0 1)
q)t2:([]time:2#00:00:00;sym:`a`b;p:1 0N;n:`r`s)
q)t0~ajf[`sym`time;t1;t2]
1b
q)t asof `sym`time!(`ibm;10:01:02)
qty|
q)q asof `sym`time!(`ibm;10:01:02)
px| 98
q)t1:([] k:1 2 3 4; c:10 20 30 40)
q)t2:([] k:2 2 3 4 5; c:200 222 300 400 500; v:2.2 22.22 3.3 4.4 5.5)
q)ej[`k;t1;t2]
k c   v
-----------
2 200 2.2
2 222 22.22
3 300 3.3
4 400 4.4
q)t:([]sym:3#`ibm;time:10:01:01 10:01:04 10:01:08;price:100 101 105)
q)q:([]sym:`ibm; time:10:01:01+til 9; ask:101 103 103 104 104 107 108 107 108; bid:98 99 102 103 103 104 106 106 107)
q)w:-2 1+\:t.time
q)wj[w;`sym`time;t;(q;(max;`ask);(min;`bid))]
sym time     price ask bid
--------------------------
ibm 10:01:01 100   103 98
ibm 10:01:04 101   104 99
ibm 10:01:08 105   108 104
q)q2:([]sym:`ibm;time:10:01:01 10:01:05;bid:1 2)
q)t2:([]sym:enlist`ibm;time:enlist 10:01:04)
q)wj[(enlist 10:01:03;enlist 10:01:06);`sym`time;t2;(q2;(min;`bid))]
sym time     bid
----------------
ibm 10:01:04 1
q)wj1[(enlist 10:01:03;enlist 10:01:06);`sym`time;t2;(q2;(min;`bid))]
sym time     bid
----------------
ibm 10:01:04 2
q)wj[w;`sym`time;t;(q;(::;`ask);(::;`bid))]
sym time     price ask             bid
--------------------------------------------------
ibm 10:01:01 100   101 103         98 99
ibm 10:01:04 101   103 103 104 104 99 102 103 103
ibm 10:01:08 105   107 108 107 108 104 106 106 107
q)/ an aggregate of several columns: f of each window's slices, named by the first
q)wj[w;`sym`time;t;(q;({max[x]-min y};`ask;`bid))]
sym time     price ask
----------------------
ibm 10:01:01 100   5
ibm 10:01:04 101   5
ibm 10:01:08 105   4
q)x:([]a:1 2 3;b:`x`y`z;c:10 20 30)
q)x pj ([a:1 3;b:`x`z]c:1 2;d:10 20)
a b c  d
---------
1 x 11 10
2 y 20 0
3 z 32 20
q)([a:1 2]b:`x`y;c:10 20) uj ([a:2 3]b:`z`w;d:1 2)
a| b c  d
-| ------
1| x 10
2| z 20 1
3| w    2
q)(`a`b!1 2;`a`b!3 4)
a b
---
1 2
3 4
q)([]price:10 20f;qty:200 150)*\:1.15 1
price qty
---------
11.5  200
23    150
q)0!([a:1 2]b:3 4)
a b
---
1 3
2 4
q)t1:([]a:1 2;b:3 4)
q)1!`t1
`t1
q)keys t1
,`a
q)0!`t1
`t1
q)update a:neg a from `t1
`t1
q)t1
a  b
----
-1 3
-2 4
q)t:([]c1:`a`b`c`a;c2:10 20 30 40)
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
q)?[t;0 1 2;`c2]
10 20 30
q)?[t;0 1;(last;`c2)]
20
q)([]til 2)
x
-
0
1
q)x:([a:`x`y]b:10 20)
q)`x insert (`z;30)
,2
q)`x insert (`z;40)
'insert
q)tb:([stock:`symbol$()]price:())
q)insert[`tb; (`intel; enlist (123.2; 120.4; 131.0))]
,0
q)tb
stock| price
-----| ---------------
intel| 123.2 120.4 131
q)t:([]name:`tom`dick;age:28 29;sex:`M`M)
q)t upsert((`dick;49;`M);(`jane;23;`F))
name age sex
------------
tom  28  M
dick 29  M
dick 49  M
jane 23  F
q)t upsert ([]age:49 23;name:`dick`jane)
name age sex
------------
tom  28  M
dick 29  M
dick 49
jane 23
q)x:([]a:`x`y`z`t;b:10 20 30 40)
q)y:([]a:`y`t`x;b:50 40 10)
q)x inter y
a b
----
x 10
t 40
q)x except y
a b
----
y 20
z 30
q)`a`b _ ([]a:1 2;b:3 4;c:`d`e)
c
-
d
e
q)10 20 30 40 50 group `a`b`a`b`c
a| 10 30
b| 20 40
c| ,50
q)t:([]sym:`G`A`G`A;price:51 54 53 50)
q)update diff:deltas price by sym from t
sym price diff
--------------
G   51    51
A   54    54
G   53    2
A   50    -4
q)update s:sums price by sym from t where price>50
sym price s
-------------
G   51    51
A   54    54
G   53    104
A   50
q)k:([k:`abc`def]a:10 21;b:4 5)
q)k*k
k  | a   b
---| ------
abc| 100 16
def| 441 25
q)kt1:([k:1 2 3]c1:10 20 0N;c2:`a`b`)
q)kt2:([k:3 4 5]c1:30 40 50;c2:`c`d`e)
q)kt1^kt2
k| c1 c2
-| -----
1| 10 a
2| 20 b
3| 30 c
4| 40 d
5| 50 e
q)(kt1^kt2)~kt1,kt2
1b
q)(`a`b!(10 -21 3;4 5 -6))&`b`c!(10 20 30;1000*1 2 3)
a| 10   -21  3
b| 4    5    -6
c| 1000 2000 3000
q)(`a`b!1 2)+`b`c!3 4
a| 1
b| 5
c| 4
q)(`s#1 2 3 5)?4 5 0
4 3 4
q)(`s#`a`b`d)?`b`c`d
1 3 2
q)(`s#1.5 2.5)?2.5 3.0
1 2
q)(`u#`b`a`c)?`a`d
1 3
q)g:`g#3 1 3 2
q)g?3 2 7
0 3 4
q)g[0]:2
q)attr g
`g
q)g?2 3
0 2
q)s:`s#1 2 3
q)s[0]:5
q)attr s
`
q)s?5
0
q)x:([]a:1 2 3;b:`x`y`z;c:10 20 30)
q)y:([a:1 3]c:0N 2)
q)x lj y
a b c
------
1 x
2 y 20
3 z 2
q)x ljf y
a b c
------
1 x 10
2 y 20
3 z 2
q)x ijf y
a b c
------
1 x 10
3 z 2
q)t0:([]time:2#00:00:01;sym:`a`b;p:1 1;n:`r`s)
q)t1:([]time:2#00:00:01;sym:`a`b;p:0 1)
q)t2:([]time:2#00:00:00;sym:`a`b;p:1 0N;n:`r`s)
q)ajf0[`sym`time;t1;t2]
time     sym p n
----------------
00:00:00 a   1 r
00:00:00 b   1 s
q)([a:1 2]b:`x`y;c:10 20) ujf ([a:1 2]b:``z;c:1 0N)
a| b c
-| ----
1| x 1
2| z 20
q)([a:1 2]b:`x`y;c:10 20) ujf ([a:2 3]b:``w;d:1 2)
a| b c  d
-| ------
1| x 10
2| y 20 1
3| w    2
q)ti:([]a:1 2;b:3 4)
q)`ti insert (7;8)
,2
q)`ti upsert 9 10
`ti
q)ti
a b
----
1 3
2 4
7 8
9 10
q)tk:([a:1 2]b:3 4)
q)`tk upsert 1 9
`tk
q)tk
a| b
-| -
1| 9
2| 4
q)t:([]a:2 3 5 7;b:4 3 0 2)
q)exec a cov b from t
-1.8125
q)exec a scov b from t
-2.416667
q)meta asc ([]a:3 4 1;b:`a`d`s)
c| t f a
-| -----
a| j   p
b| s
q)meta asc([]a:3 4 1)
c| t f a
-| -----
a| j   s
q)meta asc ([c1:`a`b] c2:2 1; c3:01b)
c | t f a
--| -----
c1| s
c2| j   p
c3| b
q)select count i from ([]a:1 2 3)
x
-
3
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
q)/ xcol with a dict renames the columns its keys name; a name not there is 'length (ref/cols.md)
q)tx:([]a:3 4 5; b:6 7 8; c:`z`u`i)
q)`d`e xcol tx
d e c
-----
3 6 z
4 7 u
5 8 i
q)([a:`A;c:`C]) xcol tx
A b C
-----
3 6 z
4 7 u
5 8 i
q)([q:`r]) xcol tx
'length
  [0]  ([q:`r]) xcol tx
                ^
q)/ a symbol vector no longer than the columns renames the first count x of them; a longer one
q)/ is 'length, of a keyed table too (its key columns count)
q)`x`y`z xcol tx
x y z
-----
3 6 z
4 7 u
5 8 i
q)`a`b`c`d xcol tx
'length
q)`d`e`f`g xcol `a xkey tx
'length
q)`d xcol `a xkey tx
d| b c
-| ---
3| 6 z
4| 7 u
5| 8 i
q)/ ref/xgroup.md: grouped by several columns
q)`a`b xgroup ([]a:0 0 1 1 2;b:`a`a`c`d`e;c:til 5)
a b| c
---| ---
0 a| 0 1
1 c| ,2
1 d| ,3
2 e| ,4
q)`a`z xgroup ([]a:0 1 0;b:`x`y`x)
'z
q)/ a keyed table's enumerated key column stays enumerated when rows are added
q)sym:`a`b`c
q)meta ([s:`sym$`a`b] v:1 2),([s:`sym$`c`a] v:3 4)
c| t f a
-| -----
s| s
v| j
q)/ t[;cols]: each row's values of those columns, as t[rows;cols]
q)t:([]row:0 1 1;col:0 0 1;val:2 3 4.)
q)t[;`row`col]
0 0
1 0
1 1
q)t[;`row]
0 1 1
q)/ insert and ,: append in place when nothing else refers to the table or list; a copy
q)/ taken before keeps its rows
q)t:([]a:0#0;s:`g#0#`;c:())
q)do[3;`t insert (1;`a;enlist "xy")]
q)u:t
q)`t insert ([]a:1#2;s:1#`b;c:enlist enlist "z")
,3
q)count each (t;u)
4 3
q)t
a s c
--------
1 a "xy"
1 a "xy"
1 a "xy"
2 b ,"z"
q)meta t
c| t f a
-| -----
a| j
s| s   g
c| C
q)t[`s]?`b
3
q)v:1 2 3
q)w:v
q)v,:4 5
q)(v;w)
1 2 3 4 5
1 2 3
q)do[1000;v,:6]
q)count v
1005
q)v,:1.5
'type
q)count v
1005
q)f:{l:();do[5;l,:1];l}
q)f[]
1 1 1 1 1
q)/ ref/tables.md: tables of a namespace given by name
q)\d .work
q)tab:([]a:1 2)
q)\d .
q)tables `.work
,`tab
q)/ a table inserted into a global that is the empty list () becomes it (KX's csvguess.q loaders: DATA:())
q)D:()
q)`D insert ([]a:1 2;b:`x`y)
0 1
q)`D insert ([]a:3;b:`z)
,2
q)D
a b
---
1 x
2 y
3 z
q)/ ref/join.md, ref/assign.md: t,:y appends y's rows to t (a row of values, a record, a table whose
q)/ missing columns are null), each column keeping its type; another name for t keeps the old rows
q)t1:([]s:`a`b;q:1 2)
q)a1:t1
q)t1,:(`c;3)
q)t1,:`s`q!(`d;4)
q)t1,:([]q:enlist 5)
q)t1
s q
---
a 1
b 2
c 3
d 4
  5
q)count a1
2
q)t1,:(`e;`f)
'type
q)t1,:(`e;1;2)
'length
q)t1,:`s`z!(`e;1)
'mismatch
q)count t1
5
q)/ basics/dictsandtables.md: a table amended at rows and columns, t[i;c]:y, each row taking
q)/ its item of y; a row past the end is 'length
q)t:([]a:til 6;b:10*til 6)
q)t[j+1;`a]:t[j:0 2 4;`a]
q)t`a
0 0 2 2 4 4
q)t[1 3;`a`b]:(100 200;1 2)
q)t 1 3
a   b
-------
100 200
1   2
q)t[0 1;`a]:5
q)t`a
5 5 2 1 4 4
q)t[7 8;`a]:1 2
'length
q).[t;(7;`a);:;1]
'length
q)t[-1;`a]:5
'length
q)count t
6
q)/ ref/keys.md, xkey: () as the keys is no key (KX's pivot: () xkey .Q.v t)
q)() xkey ([k:1 2]v:3 4)
k v
---
1 3
2 4
q)/ distinct and group of a table hash its rows (a table of 1100 syms and 17 exchanges)
q)n:50000;t:([]sym:n?`$string til 1100;ex:n?"ABCDEFGHIJKLMNOPQ")
q)(count distinct t)~count distinct flip value flip t
1b
q)(distinct t)~flip`sym`ex!flip distinct flip value flip t
1b
q)(count group t)~count distinct t
1b
q)distinct (`a`b!1 2;`a`b!1 2;`a`b!1 3)
a b
---
1 2
1 3
q)/ cross of dicts crosses the keys and the values (q.k), keyed tables included
q)(`a`b!1 2) cross `c`d!3 4
a c| 1 3
a d| 1 4
b c| 2 3
b d| 2 4
q)([a:1 2]b:`x`y) cross ([c:`p`q]d:10 20)
a c| b d
---| ----
1 p| x 10
1 q| x 20
2 p| y 10
2 q| y 20
