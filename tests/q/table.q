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
