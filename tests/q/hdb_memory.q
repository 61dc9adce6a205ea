/ a query over a partitioned table needs memory for one partition's named columns and the
/ result, not for the table: the peak of a map-reduced select over ten partitions is that of
/ one partition, and below the size of the columns it reads
q)n:100000
q){[d] t::([]sym:n?`a`b`c`d`e;v:n?1f;w:n?100;a:n?1f;b:n?1f); .Q.dpft[`:db;d;`sym;`t]} each 2024.01.01+til 10
`t`t`t`t`t`t`t`t`t`t
q)\l db
q)count t
1000000
q)one:last system "ts select sum v by sym from t where date=2024.01.01"
q)ten:last system "ts select sum v, avg w by sym from t"
q)eight:last system "ts select sum v by sym from t where date within 2024.01.02 2024.01.09, w>50"
q)ten<1.5*one
1b
q)eight<1.5*one
1b
q)ten<8*3*count t
1b
q)(exec sum w from t)=sum {exec sum w from t where date=x} each date
1b
