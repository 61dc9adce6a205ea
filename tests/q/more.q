/ more: divergences from the kdb+ reference fixed one by one (code.kx.com/q/ref examples)
q)string (2 3;"abc")
(,"2";,"3")
(,"a";,"b";,"c")
q)(2; 3 4) + ((5 6; 7 8 9); (10; 11 12))
7 8 9 10 11
13  15 16
q)d:`a`b!(1 2 3;"xyz")
q)reverse each d
a| 3 2 1
b| "zyx"
