/ keyed-table lookup (basics/dictsandtables.md, basics/application.md) and step dicts and step joins (kb/temporal-data.md)
q)kt:([name:`Tom`Jo;city:`NYC`LA]eye:`green`blue;sex:`m`f)
q)kt `Tom`NYC
eye| green
sex| m
q)kt (`Tom`NYC;`Jo`LA)
eye   sex
---------
green m
blue  f
q)kt ([]name:`Jo`Tom;city:`LA`NYC)
eye   sex
---------
blue  f
green m
q)kt `name`city!`Jo`LA
eye| blue
sex| f
q)kt `Jack`London
eye|
sex|
q)kt[`Jo`LA;`eye]
`blue
q)k1:([k:`a`b`c]v:1 2 3)
q)k1 `b
v| 2
q)k1 `c`a
v
-
3
1
q)k1 `z
v|
q)d:(10*til 10)!til 10
q)d 5 10 15
0N 1 0N
q)s:`s#d
q)s 5 10 15
0 1 1
q)s -1
0N
q)ph:([name:`Bill`John`John;date:2000.01.01 2000.01.01 2000.06.10]phone:4444 5555 4444)
q)ph:`s#ph
q)ph ((`John;2000.01.01);(`John;2000.03.01);(`John;2000.06.10))
phone
-----
5555
5555
4444
q)ph (`John;2000.03.01)
phone| 5555
q)x:([name:5#`John;date:2000.06.08+til 5]x:til 5)
q)x lj ph
name date      | x phone
---------------| -------
John 2000.06.08| 0 5555
John 2000.06.09| 1 5555
John 2000.06.10| 2 4444
John 2000.06.11| 3 4444
John 2000.06.12| 4 4444
q)sd:`s#`a`b!1 2
q)sd `b
2
q)sd `c
2
q)`sd upsert `c`d!3 4
'step
  [0]  `sd upsert `c`d!3 4
           ^
q)du:`a`b!1 2
q)`du upsert `c`d!3 4
`du
q)du
a| 1
b| 2
c| 3
d| 4
q)/ ref/amend.md: a keyed table amended at keys given as a table: each row's record, through f
q)tr:([sym:`a`b] price:(1 3f;enlist 2f))
q)@[tr;([]sym:`a`b`a);,';([]price:5 6 7f)]
sym| price
---| --------
a  | 1 3 5 7f
b  | 2 6f
q)/ ref/amend.md on a keyed table: an atom key of a one-column key is its record; a new key
q)/ starts from the null record; a table's row by position takes a record through f
q)ka:([k:`a`b]v:1 2)
q)ka[`a]+:10
q)ka[`c]+:1
q)ka
k| v
-| --
a| 11
b| 2
c|
q)ta:([]a:1 2;b:3 4)
q)ta[0]+:`a`b!10 20
q)ta
a  b
-----
11 23
2  4
q)/ ref/amend.md at a table of keys: a key given twice sees its first amend; keys the table
q)/ lacks are added once, from a null record; a simple column takes atoms of its type only,
q)/ and a record with a column the values lack is 'mismatch
q)kr:([k:`a`b]v:1 2)
q)@[kr;([]k:`a`c`a`c);+;([]v:10 20 30 40)]
k| v
-| --
a| 41
b| 2
c|
q)@[kr;([]k:`a`c);:;([]v:7 8)]
k| v
-| -
a| 7
b| 2
c| 8
q)@[kr;([]k:`a`b);neg]
k| v
-| --
a| -1
b| -2
q)@[kr;([]k:`a`c);+;([]v:1.5 2.5)]
'type
q)@[kr;([]k:`a);+;([]w:1)]
'mismatch
q)/ a list of keys of a one-column key is as the table of them
q)kl:([k:`a`b]v:1 2)
q)kl[`a`c]+:1
q)kl
k| v
-| -
a| 2
b| 2
c|
q)kr[([]k:`b`d)]:([]v:5 6)
q)kr
k| v
-| -
a| 1
b| 5
d| 6
q)/ KX's tick c.q "nest": a keyed table of lists grows by ,' at new rows' keys
q)k:enlist`sym
q)upd:{[t;x]$[type key t;@[t;k#x;,';k _ x];.[t;();:;k xgroup x]]}
q)upd[`nt;([]sym:`a`b`a;p:1 2 3f)]
`nt
q)upd[`nt;([]sym:`b`a;p:4 5f)]
`nt
q)nt
sym| p
---| ------
a  | 1 3 5f
b  | 2 4f
q)/ .[`v;();,'';y] of an undefined v makes v y
q).[`ut;();,'';([s:`a`b]p:(1 2;3 4))]
`ut
q).[`ut;();,'';([s:`a`b]p:(5;6))]
`ut
q)ut
s| p
-| -----
a| 1 2 5
b| 3 4 6
q)/ basics/application.md, indexing out of bounds: a null of the type of the first item/s
q)("abc";"de") 5
"   "
q)(1 2;3 4) 5
0N 0N
q)(`a`b!1 2;3) 5
a|
b|
q)/ a dictionary whose values are a table: a key gives its row
q)d:`a`b!(`x`y!1 2;`x`y!3 4)
q)d[`a;`x]
1
q)d[`a`b;`y]
2 4
q)/ amend at depth through a new key starts from that null (wp/intraday-writedown)
q)M:enlist[`]!enlist(0#`)!0#0N
q)M[`quote;`eurgbp]:75000;M[`quote;`eurusd]:100000
q)M[`trade;`eurgbp]:40000
q)M[`quote;`eurgbp`eurusd]
75000 100000
q)M[`trade;`eurgbp]
40000
q)/ an index or key a general list or dict lacks gives the prototype of its first item: the
q)/ item with its atoms made nulls, of the same shape (basics/dictsandtables.md, ref/apply.md)
q)(1 2;3 4) 5
0N 0N
q)("ab";"c") 3
"  "
q)(`a`b!1 2;3) 5
a|
b|
q)(`a`b!(1 2;3 4))`c
0N 0N
q)/ so a deep amend of a missing key starts from that prototype (wp/intraday-writedown)
q)m:enlist[`]!enlist(0#`)!0#0N
q)-3!m`zz
"(`symbol$())!`long$()"
q)m[`quote;`eurgbp]:75000;m[`quote;`eurusd]:100000
q)m[`trade;`eurgbp]:40000
q)m
     | (`symbol$())!`long$()
quote| `eurgbp`eurusd!75000 100000
trade| (,`eurgbp)!,40000
q)m[`quote;`eurgbp`eurusd]
75000 100000
q)e:`a`b!(1 2;3 4)
q)e[`c;0]:5
q)e`c
5 0N
q)/ a dict of records (its values a table): shown as a keyed table with an unnamed key;
q)/ a key gives its record, a key it lacks a record of nulls, a list of keys a table
q)d:`a`b!(`x`y!1 2;`x`y!3 4)
q)d
 | x y
-| ---
a| 1 2
b| 3 4
q)d`b
x| 3
y| 4
q)d`c
x|
y|
q)d`b`a
x y
---
3 4
1 2
q)d[`a;`y]:7
q)d[`c;`x]:5
q)d
 | x y
-| ---
a| 1 7
b| 3 4
c| 5
q)/ basics/dictsandtables.md, upsert semantics of indexed assignment: a key of several columns
q)/ given as a tuple finds its row, so it amends that row and adds none
q)k2:([a:1 2;b:`x`y]v:10 20)
q)k2[(2;`y)]:30
q)k2[(3;`z)]:40
q)k2
a b| v
---| --
1 x| 10
2 y| 30
3 z| 40
q)k2[(1;`x);`v]:11
q)k2 (1;`x)
v| 11
q)k3:([k:`a`b]v:1 2;w:3 4)
q)k3[`a]:(5;6)
q)k3[`c]:`v`w!7 8
q)k3
k| v w
-| ---
a| 5 6
b| 2 4
c| 7 8
q)k3[`d]:(1;2;3)
'type
q)/ a dict keyed by a table whose values are a general list (KX's taq/bucket.q caches a table
q)/ per key): a tuple key is added once, and a key not there gives () while the first value is
q)/ a table or keyed table
q)c:([]date:"d"$();sym:"s"$())!()
q)x:(2000.10.02;`GE)
q)type c x
0h
q)c[x]:([]a:1 2)
q)c[x]:([]a:5)
q)count c
1
q)c x
a
-
5
q)type c (2000.10.03;`IBM)
0h
q)(([]a:1 2);3) 5
q)type (([k:1 2]v:3 4);3) 5
0h
q)type ()0
0h
