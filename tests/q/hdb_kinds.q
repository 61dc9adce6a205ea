/ partitions by month, year and int; a segmented database (par.txt); .Q.hdpf with no HDB to
/ tell; a database with a splayed table at its top
q)t:([]s:`x`y`x;v:1 2 3)
q).Q.dpft[`:mdb;2024.02m;`s;`t]
`t
q)t:([]s:`y`z;v:4 5)
q).Q.dpft[`:mdb;2024.03m;`s;`t]
`t
q)key `:mdb
`2024.02`2024.03`sym
q).Q.par[`:mdb;2024.03m;`t]
`:mdb/2024.03/t
q)t:([]s:`a`b;v:10 20)
q)`:idb/sym set `symbol$()
`:idb/sym
q){[p] .Q.dpft[`:idb;p;`s;`t]} each 3 11
`t`t
q)key `:idb
`11`3`sym
q)t:([]s:`a`b;v:1 2)
q).Q.hdpf[0N;`:ydb;2023;`s]
q)t
s v
---
q)\l mdb
q).Q.pf
`month
q)month
2024.02 2024.03m
q)select from t
month   s v
-----------
2024.02 x 1
2024.02 x 3
2024.02 y 2
2024.03 y 4
2024.03 z 5
q)select sum v by s from t where month=2024.03m
s| v
-| -
y| 4
z| 5
q)\l ../idb
q).Q.pf
`int
q)int
3 11i
q)select sum v by int from t
int| v
---| --
3  | 30
11 | 30
q)\l ../ydb
q).Q.pf
`year
q)(.Q.qp t;.Q.qp ([]a:1 2);.Q.qp 1)
1b
0b
0
q)select from t
year s v
--------
2023 a 1
2023 b 2
q)`:../seg1/2024.01.01/t/ set ([]v:1 2)
`:../seg1/2024.01.01/t/
q)`:../seg2/2024.01.02/t/ set ([]v:3 4 5)
`:../seg2/2024.01.02/t/
q)`:../segdb/par.txt 0: ("../seg1";"../seg2")
`:../segdb/par.txt
q)\l ../segdb
q).Q.pv
2024.01.01 2024.01.02
q){last "/" vs string x} each .Q.PD
"seg1"
"seg2"
q)select sum v by date from t
date      | v
----------| --
2024.01.01| 3
2024.01.02| 12
q)\l ..
