/ table keywords and joins: xkey xcols xcol xdesc meta lj ij insert uj upsert aj cross
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
