/ bin on tables and keyed tables (ref/bin.md "Tables"): the last row whose first n-1 columns
/ match and whose last column is not above y's; 0N when none; a keyed table gives key rows.
/ bin on lists (ref/bin.md): the last item <= y, -1 below the first; binr the first >= y.
q)0 2 4 6 8 10 bin 5
2
q)0 2 4 6 8 10 bin -10 0 4 5 6 20
-1 0 2 2 3 5
q)0 1 1 2 bin 0 1 2
0 2 3
q)0 1 1 2 binr 0 1 2
0 1 3
q)(`a`b`c!0 2 4) bin -1 3
``b
q)("apple";"banana";"coffee") bin ("anise";"berry";"curry")
-1 1 2
q)t:([]a:`p`p`p`q`q`q;b:0 2 4 0 2 4)
q)t bin `a`b!(`p;3)
1
q)t bin ([]a:`q;b:-1 1 3 5)
0N 3 4 5
q)t bin `a`b!(`r;2)
0N
q)t bin (`p;5)
2
q)kt:([k:`c`d`e`f`g`h`j`l]a:`p`p`q`q`p`p`q`q;b:0 1 0 1 0 1 0 1;c:3 3 3 3 7 7 7 7)
q)(kt bin ([]a:`p`q`q`r;b:1;c:4 8 2 4))`k
`d`l``
q)([]x:1 3 5) bin ([]x:0 3 4)
0N 1 1
