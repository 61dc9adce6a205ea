/ , Join and ,: Append (KxSystems/docs ref/join.md): each case a rule of the page
q)t:([]a:1 2;b:3 4)
q)t,:5 6
q)t,:(7 8;9 10)
q)t
a b
----
1 3
2 4
5 6
7 8
9 10
q)t:([]a:1 2;b:3 4)
q)t,:([a:5])
q)t,:([]b:6 7)
q)t
a b
---
1 3
2 4
5
  6
  7
q)t:([k:`a`b]a:1 2;b:3 4)
q)t,:((`c;5;6);(`d;7;8))
q)t,:([k:`e;a:1;b:3])
q)t
k| a b
-| ---
a| 1 3
b| 2 4
c| 5 6
d| 7 8
e| 1 3
q)t,:([k:`c`d`f]a:10 11 12)
q)t
k| a  b
-| ----
a| 1  3
b| 2  4
c| 10 6
d| 11 8
e| 1  3
f| 12
q)s:1 2 3
q)s,:4
q)s
1 2 3 4
q)s,:5f
'type
  [0]  s,:5f
        ^
q)s:([a:1;b:2])
q)s,:([a:3;c:4])
q)s
a| 3
b| 2
c| 4
q)s,:([d:5f])
'type
  [0]  s,:([d:5f])
        ^
q)t:([]a:1 2i;b:3 4f)
q)t,:([]a:5 6i;b:7 8f)
q)t
a b
---
1 3
2 4
5 7
6 8
q)t,:([]a:5 6f;b:7 8i)
'type
  [0]  t,:([]a:5 6f;b:7 8i)
        ^
q)s:(::;3;4)
q)s,:5f
q)s
::
3
4
5f
q)s:enlist 1 2 3
q)s,4 5 6
1 2 3
4
5
6
q)s,:4 5 6
q)s
1 2 3
4 5 6
q)sym:`a`b
q)e:`sym$`a`b
q)e,:`b
q)e
`sym$`a`b`b
q)e,:`c
'cast
  [0]  e,:`c
        ^
q)s:`a`c
q)s,:`sym$`b
q)s
`a`c`b
q)(`sym$`b),`b
`sym$`b
`b
q)(`sym$`a`b),`c
`a`b`c
q)(1 2;3 4),5
1 2
3 4
5
q)/ ref/joins.md: t1,t2 is t1 upsert t2 -- the same columns in any order, the result in x's order
q)([]a:1 2;b:3 4),([]b:5;a:6)
a b
---
1 3
2 4
6 5
q)([]a:1 2;b:3 4),([]b:5;c:6)
'mismatch
q)([]a:1 2;b:3 4),([]b:5)
'mismatch
q)/ ref/join.md: () joins as an identity: (),x of a vector or table is x, and x,() is x
q)type (),""
10h
q)(),0#0
`long$()
q)"ab",()
"ab"
q)(),"a"
,"a"
q)(),`a`b
`a`b
q)/ ref/aj.md: aj on one key column searched from where the group's last search ended: trades out of order,
q)/ no quote before the trade (null), the first quote after it, a sym not in the quotes, empty tables; against a select per row
q)q:([]sym:`a`b`a`b`a`c;time:1 2 3 4 5 9;bid:10 20 30 40 50 90f)
q)t:([]sym:`a`a`b`d`a`c`a`b;time:0 3 1 5 100 8 4 2)
q)aj[`sym`time;t;q]
sym time bid
------------
a   0
a   3    30
b   1
d   5
a   100  50
c   8
a   4    30
b   2    20
q)aj[`sym`time;reverse t;q]~reverse aj[`sym`time;t;q]
1b
q)aj[`sym`time;0#t;q]
sym time bid
------------
q)aj[`sym`time;t;0#q]
sym time bid
------------
a   0
a   3
b   1
d   5
a   100
c   8
a   4
b   2
q)n:20000;Q:`sym`time xasc ([]sym:n?`x`y`z;time:n?1000;v:til n);T:([]sym:(n div 10)?`x`y`z`w;time:(n div 10)?1100)
q)r:aj[`sym`time;T;Q];f:{[s;t] w:exec last v from Q where sym=s,time<=t;$[null w;0N;w]};(r`v)~f'[T`sym;T`time]
1b
q)r2:aj[`sym`time;`time xasc T;Q];(r2`v)~f'[r2`sym;r2`time]
1b
q)/ ref/aj.md: with the times of both tables ascending, aj sweeps the quotes in time order alongside the trades:
q)/ equal times (the sym's last quote at the trade's time), no quote before, a sym not in the quotes, null times first
q)q:([]sym:`a`b`a`a`b`c;time:1 2 2 2 3 9;bid:10 20 30 31 40 90f)
q)t:([]sym:`a`b`d`a`b`c`a;time:0 1 2 2 3 8 10)
q)aj[`sym`time;t;q]
sym time bid
------------
a   0
b   1
d   2
a   2    31
b   3    40
c   8
a   10   31
q)aj[`sym`time;t;0#q]
sym time bid
------------
a   0
b   1
d   2
a   2
b   3
c   8
a   10
q)aj[`sym`time;0#t;q]
sym time bid
------------
q)aj[`sym`time;1#t;1#q]
sym time bid
------------
a   0
q)aj[`sym`time;([]sym:`a`a;time:0N 5);([]sym:`a`a`a;time:0N 0N 3;v:1 2 3)]
sym time v
----------
a        2
a   5    3
q)n:20000;Q:`time xasc ([]sym:n?`x`y`z;time:n?1000;v:til n);T:`time xasc ([]sym:(n div 10)?`x`y`z`w;time:(n div 10)?1100)
q)f:{[s;t] w:exec last v from Q where sym=s,time<=t;$[null w;0N;w]}
q)r:aj[`sym`time;T;Q];((r`v)~f'[T`sym;T`time]),r~aj[`sym`time;T;`sym`time xasc Q]
11b
q)Q:update time:`time$time from Q;T:update time:`time$time from T;(aj[`sym`time;T;Q]`v)~r`v
1b
q)Q:update time:2000.01.01D+time from Q;T:update time:2000.01.01D+time from T;(aj[`sym`time;T;Q]`v)~r`v
1b
q)/ () is uj's identity (q.k's uj begins with it): (uj/) over a list of tables from ()
q)t:([]a:`x`y;b:1 2);u:([]a:`p;e:3)
q)(() uj t)~t
1b
q)(t uj ())~t
1b
q)() uj/ (t;u)
a b e
-----
x 1
y 2
p   3
q)/ lj and ljf (ref/lj.md): y () answers x; x a table's name is updated in place, the name answered
q)t:([]a:`x`y;b:1 2);kt:([a:`x]c:5)
q)(t lj ())~t
1b
q)(t ljf ())~t
1b
q)`t lj kt
`t
q)t
a b c
-----
x 1 5
y 2
q)/ pj, aj and wj take a table's name too, update it in place and answer the name (since 4.1t)
q)t:([]a:`x`y;b:1 2);kt:([a:`x]b:5)
q)`t pj kt
`t
q)t
a b
---
x 6
y 2
q)tr:([]sym:`a`b;time:10:00 10:05);qu:([]sym:`a`a`b;time:09:59 10:01 10:03;bid:1 2 3)
q)aj[`sym`time;`tr;qu]
`tr
q)tr
sym time  bid
-------------
a   10:00 1
b   10:05 3
q)tr2:([]sym:`a`b;time:10:00 10:05)
q)wj[-1 1+\:tr2`time;`sym`time;`tr2;(qu;(max;`bid))]
`tr2
q)tr2
sym time  bid
-------------
a   10:00 2
b   10:05 3
