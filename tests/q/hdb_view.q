/ .Q.view, .Q.bv/.Q.bvi/.Q.vp, .Q.chk, .Q.li and .Q.lo as ref/dotq.md shows them: a view
/ restricts every query to some partitions; a table missing from partitions is an error until
/ .Q.bv gives it a prototype; .Q.chk writes the missing tables empty; .Q.li adds partitions;
/ .Q.lo loads without changing directory or running the database's scripts
q)n:100
q)t:([]time:10:00:00.000+til n;sym:n#`ab`cd`ef`gh;num:til n)
q).Q.dpft[`:.;;`sym;`t]each 2010.01.01+til 5
`t`t`t`t`t
q)tt:t
q).Q.dpft[`:.;;`sym;`tt]last 2010.01.01+til 5
`tt
q)\l .
q)cols tt
`date`sym`time`num
q)@[get;"select from tt";{x}]
"./2010.01.01/tt/sym. OS reports: No such file or directory"
q)@[get;"select sum num by date from tt";{x}]
"./2010.01.01/tt/num. OS reports: No such file or directory"
q)count tt
100
q).Q.bv[]
q)key .Q.vp
,`tt
q)meta .Q.vp`tt
c   | t f a
----| -----
date| d
sym | s
time| t
num | j
q)select count i by date from tt
date      | x
----------| ---
2010.01.05| 100
q)(select from tt)~select from t where date=2010.01.05
1b
q)select count i by date from tt where date<2010.01.05
date| x
----| -
q)/ .Q.pn is emptied by .Q.view and conformant to .Q.pv
q).Q.pn
t |
tt|
q).Q.cn t
100 100 100 100 100
q).Q.pn`t
100 100 100 100 100
q).Q.view 2#date
q)-3!.Q.pn`t
"()"
q).Q.cn t
100 100
q).Q.pv!.Q.pn`t
2010.01.01| 100
2010.01.02| 100
q).Q.pv
2010.01.01 2010.01.02
q).Q.pd
`:.`:.
q)date
2010.01.01 2010.01.02
q).Q.PV
2010.01.01 2010.01.02 2010.01.03 2010.01.04 2010.01.05
q)count t
200
q)select count i by date from t
date      | x
----------| ---
2010.01.01| 100
2010.01.02| 100
q)select sum num from t where date>2010.01.01
num
----
4950
q)exec count i from t where date=2010.01.05
0
q).Q.view 2010.01.03 2010.01.05 2011.01.01
q)date
2010.01.03 2010.01.05
q)select count i by date from tt
date      | x
----------| ---
2010.01.05| 100
q).Q.view 2020.01.01
'invalid partition filter
q)date
2010.01.03 2010.01.05
q).Q.view[]
q)date
2010.01.01 2010.01.02 2010.01.03 2010.01.04 2010.01.05
q)count t
500
q)/ .Q.chk fills the partitions lacking a table from the most recent one holding it; the
q)/ most recent partition first
q)u:([]sym:`x`y;w:1.5 2.5;s:("ab";"cde"))
q).Q.dpft[`:hdb;2009.01.01;`sym;`u]
`u
q)v:([]sym:`p`q;k:1 2)
q){.Q.dpft[`:hdb;x;`sym;`v]} each 2009.01.02 2009.01.05
`v`v
q).Q.dpft[`:hdb;;`sym;`u] each 2009.01.03 2009.01.05
`u`u
q).Q.dpft[`:hdb;2009.01.04;`sym;`v]
`v
q).Q.chk`:hdb
()
,`:hdb/2009.01.04
,`:hdb/2009.01.03
,`:hdb/2009.01.02
,`:hdb/2009.01.01
q)-3!.Q.chk`:hdb
"(();();();();())"
q)key `:hdb/2009.01.01
`u`v
q)get `:hdb/2009.01.01/v/.d
`sym`k
q)(type get `:hdb/2009.01.01/v/k;count get `:hdb/2009.01.01/v/sym;type get `:hdb/2009.01.01/v/sym)
7h
0
20h
q)\l hdb
q)select count i by date from u
date      | x
----------| -
2009.01.01| 2
2009.01.03| 2
2009.01.05| 2
q)meta u
c   | t f a
----| -----
date| d
sym | s   p
w   | f
s   |
q)select s from u where date=2009.01.02
s
-
q)select sum k by date from v
date      | k
----------| -
2009.01.02| 3
2009.01.04| 3
2009.01.05| 3
q)\cd ..
q)/ .Q.li adds the partitions on disk that are named and not loaded yet
q)`:db/2001.01.01/t/ set tt:.Q.en[`:db]([]sym:10#`A`B`C;price:til 10)
`:db/2001.01.01/t/
q)\l db
q)`:2001.01.02/t/`:2001.01.03/t/ set\:tt
`:2001.01.02/t/`:2001.01.03/t/
q)date
,2001.01.01
q).Q.li[2001.01.02];date
2001.01.01 2001.01.02
q).Q.li[2001.01.02 2001.01.03];select count i by date from t
date      | x
----------| --
2001.01.01| 10
2001.01.02| 10
2001.01.03| 10
q).Q.li 2001.01.09
q)count t
30
q).Q.view 2001.01.02
q)`:2001.01.04/t/ set tt
`:2001.01.04/t/
q).Q.li 2001.01.04
q)date
2001.01.02 2001.01.04
q).Q.PV
2001.01.01 2001.01.02 2001.01.03 2001.01.04
q)/ .Q.bvi looks only at partitions it has not seen
q)`:2001.01.05/w/ set .Q.en[`:.] ([]sym:`A`B;z:1 2)
`:2001.01.05/w/
q).Q.bv[]
q)key .Q.vp
`symbol$()
q).Q.li 2001.01.05
q).Q.bvi[]
q)key .Q.vp
`t`w
q).Q.pt
`t`w
q).Q.view[]
q)select count i by date from w
date      | x
----------| -
2001.01.05| 2
q)select count i by date from t
date      | x
----------| --
2001.01.01| 10
2001.01.02| 10
2001.01.03| 10
2001.01.04| 10
q)\cd ..
q)/ .Q.lo[db;cd;scripts]: \l changes into the database and runs its scripts; \l . only
q)/ reloads data
q)`:db/init.q 0: enlist "ran:1+til 3"
`:db/init.q
q).Q.lo[`:db;0;0]
q)(last "/" vs system "cd")~last "/" vs first system "pwd"
1b
q)@[get;"ran";{x}]
"ran"
q).Q.PD
`:db`:db`:db`:db`:db
q)/ the tables are those of the last partition
q).Q.pt
,`w
q)select sum z by date from w
'db/2001.01.01/w/z. OS reports: No such file or directory
q).Q.bv[]; select sum z by date from w
date      | z
----------| -
2001.01.05| 3
q).Q.lo[`:db;0;1]
q)ran
1 2 3
q)delete ran from `.;
q)\l db
q)ran
1 2 3
q).Q.PD
`:.`:.`:.`:.`:.
q)delete ran from `.;
q)\l .
q)@[get;"ran";{x}]
"ran"
q).Q.lo[`:.;1;1]
q)ran
1 2 3
