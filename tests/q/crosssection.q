/ Index at depth with a nested first index (ref/apply.md "Cross sections"): a path for each
/ atom of i[0], the result in i[0]'s shape (a general list or a dict, keys kept); a table
/ indexed by a dict gives the dict's keys over the rows (kdb's taq/daily.q: x[group e;`bid]).
q)l:(1 2 3;4 5 6)
q)l[(0;1 0);1]
2
5 2
q)l[`a`b!(0;1 0);1]
a| 2
b| 5 2
q)l[(0;(1;0 1));2]
3
(6;3 6)
q)l[();1]
q)l[(0;1 0);5]
0N
0N 0N
q)t:([]a:1 2 3;b:4 5 6)
q)t[(0;1 0);`a]
1
2 1
q)t[`x`y!(0;1 0);`a]
x| 1
y| 2 1
q)t `x`y!(0 2;1 0)
x| +`a`b!(1 3;4 6)
y| +`a`b!(2 1;5 4)
q)t `x`y!0 1
 | a b
-| ---
x| 1 4
y| 2 5
q)e:"NCNP"
q)(1 2 3 4f) group e
N| 1 3f
C| ,2f
P| ,4f
q)t[`x`y!(0;1 0);`c]
'c
