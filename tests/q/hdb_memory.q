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
q)/ column files are mapped, not read: a query over twenty partitions needs heap for one
q)/ partition's working set and the result, and its resident peak stays far below the table
q)hwm:{"J"$x where (x:first l where (l:read0 `:/proc/self/status) like "VmHWM*") in .Q.n}
q)\cd ..
q)n:50000
q){[d] t::([]sym:n?`a`b`c`d`e;v:n?1f;w:n?100;a:n?1f;b:n?1f); .Q.dpft[`:db20;d;`sym;`t]} each 2024.03.01+til 20;
q)delete t from `.;
q)\l db20
q)bytes:sum hcount each raze {` sv/: x,/:key x} each ` sv/: `:.,/:(`$string date),\:`t
q)bytes>40000000
1b
q)before:hwm[]
q)r:system "ts s:select sum v by sym from t where date within 2024.03.01 2024.03.20"
q)last[r]<bytes div 10
1b
q)(hwm[]-before)<bytes div 4096
1b
q)s2:select sum v by sym from raze {select sym, v from t where date=x} each date
q)((key s)~key s2) and all 1e-6>abs (exec v from s)-exec v from s2
1b
q)/ a mapped vector is shared: amending a copy never reaches the file, and the file can be
q)/ rewritten while the vector is alive
q)x:get `:2024.03.01/t/v
q)0<.Q.w[]`mmap
1b
q)y:x; y[0]:-1f; (y 0;x[0]=first get `:2024.03.01/t/v)
-1f
1b
q)`:2024.03.01/t/v set 10#0f
`:2024.03.01/t/v
q)(count x;count get `:2024.03.01/t/v;x[0]>=0)
50000
10
1b
q)z:x,1f; count z
50001
q)delete x, y, z from `.;
