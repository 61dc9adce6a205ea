/ partitioned databases: .Q.dpft writes date partitions, \l reads them, and queries over the
/ partitioned table (pruned by date, mapped and reduced across partitions) agree with the same
/ query on the table in memory
q)m0:([]date:raze 400#/:2024.01.01+til 5;sym:2000?`ibm`msft`aapl`goog;v:2000?100f;q:2000?1000;s:string 2000?1000)
q)m:(,/) {`date`sym xcols `sym xasc select from m0 where date=x} each 2024.01.01+til 5
q){[d] t::delete date from select from m where date=d; .Q.dpft[`:db;d;`sym;`t]} each 2024.01.01+til 5
`t`t`t`t`t
q)key `:db
`2024.01.01`2024.01.02`2024.01.03`2024.01.04`2024.01.05`sym
q)key `:db/2024.01.03/t
`.d`q`s`s#`sym`v
q)get `:db/2024.01.03/t/.d
`sym`v`q`s
q)attr get `:db/2024.01.03/t/sym
`p
q)(get `:db/2024.01.03/t/s)~exec s from m where date=2024.01.03
1b
q)\l db
q)m:.Q.en[`:.] m
q)near:{((key x)~key y) and all raze 1e-9>abs ((value flip value x)-v)%1|abs v:value flip value y}
q).Q.pf
`date
q).Q.pv
2024.01.01 2024.01.02 2024.01.03 2024.01.04 2024.01.05
q).Q.pt
,`t
q).Q.PD
`:.`:.`:.`:.`:.
q)date
2024.01.01 2024.01.02 2024.01.03 2024.01.04 2024.01.05
q)count t
2000
q)cols t
`date`sym`v`q`s
q)meta t
c   | t f a
----| -----
date| d
sym | s   p
v   | f
q   | j
s   |
q)(select from t)~m
1b
q)(select from t where date=2024.01.02)~select from m where date=2024.01.02
1b
q)(select from t where date within 2024.01.02 2024.01.03, q>500)~select from m where date within 2024.01.02 2024.01.03, q>500
1b
q)(select from t where date in 2024.01.01 2024.01.05, sym=`ibm)~select from m where date in 2024.01.01 2024.01.05, sym=`ibm
1b
q)near[select sum v, avg q, count i, max q, min v by sym from t;select sum v, avg q, count i, max q, min v by sym from m]
1b
q)(select sum q by date, sym from t where date>2024.01.02)~select sum q by date, sym from m where date>2024.01.02
1b
q)near[select first v, last q, wavg[q;v], q wsum v by sym from t;select first v, last q, wavg[q;v], q wsum v by sym from m]
1b
q)(exec sum q from t where date=2024.01.04)~exec sum q from m where date=2024.01.04
1b
q)(exec sum q, max v from t where date<2024.01.03)~exec sum q, max v from m where date<2024.01.03
1b
q)(select med v, dev q by sym from t)~select med v, dev q by sym from m
1b
q)(select v by sym from t where date=2024.01.01)~select v by sym from m where date=2024.01.01
1b
q)(select sum q from t)~select sum q from m
1b
q)(exec count i by sym from t)~exec count i by sym from m
1b
q)(select count i by date from t)~select count i by date from m
1b
q)(select from t where date=2024.02.01)~select from m where date=2024.02.01
1b
q)(select sum q by sym from t where date=2024.02.01)~select sum q by sym from m where date=2024.02.01
1b
q)select max i from t
x
---
399
q)(select count i by 100 xbar q from t where date=2024.01.01, q<300)~select count i by 100 xbar q from m where date=2024.01.01, q<300
1b
q).Q.cn t
400 400 400 400 400
q).Q.pn
t| 400 400 400 400 400
q).Q.ind[t;0 1 399 400 1999]~m 0 1 399 400 1999
1b
q)/ n#t of a partitioned table: its first (last) n rows across the partitions, as .Q.ind gives
q)(3#t)~.Q.ind[t;0 1 2]
1b
q)(3#t)~select[3] from t
1b
q)(-2#t)~.Q.ind[t;(count t)-2 1]
1b
q)(-2#t)~select[-2] from t
1b
q)count 0#t
0
q)(405#t)~.Q.ind[t;til 405]
1b
q)update v:0 from t
'par
q)/ a column read through a field (time.minute, time.hh) in a query over partitions
q)tt0:([]time:09:30:00.000+20000*til 6;p:til 6)
q){[d] tq::tt0; .Q.dpft[`:../db2;d;`p;`tq]} each 2024.01.01 2024.01.02;
q)\l ../db2
q)select count i by date, time.minute from tq
date       minute| x
-----------------| -
2024.01.01 09:30 | 3
2024.01.01 09:31 | 3
2024.01.02 09:30 | 3
2024.01.02 09:31 | 3
q)select last p by time.hh from tq
hh| p
--| -
9 | 5
