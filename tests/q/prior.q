/ Each Prior (ref/maps.md): an operator with an identity element seeds the first item with it
/ (+ - * and , leave it, % divides it by 1); another function sees the typed null; a binary
/ application's left argument is the seed; a dictionary keeps its keys.
q)(-':)1 1 2 3 5 8 13
1 0 1 1 2 3 5
q)(*':)2 3 4
2 6 12
q)(,':)2 3 4
2
3 2
4 3
q)(%':)2 4 8
2 2 2f
q){x+2*y}':[2 3 4]
0N 7 10
q)1950 -': `S`J`C!1952 1954 1960
S| 2
J| 2
C| 6
q)(-':) `S`J`C!1952 1954 1960
S| 1952
J| 2
C| 6
q)deltas `a`b!1 5
a| 1
b| 4
q)/ Case (ref/maps.md): every list argument has as many items as the selector, dicts the same keys
q)0 1 0'["abc";"xyz"]
"ayc"
q)ce:`one`two`three`four`five
q)cf:`un`deux`trois`quatre`cinq
q)cg:`eins`zwei`drei`vier`funf
q)cl:`English`French`German
q)cl?`German`English`French`French`German
2 0 1 1 2
q)(cl?`German`English`French`French`German)'[ce;cf;cg]
`eins`two`trois`quatre`funf
q)0 2 0'["abc";"xyz";"123";"789"]
"a2c"
q)0 1 0'["a";"xyz"]
"aya"
q)0 2 0'[`a`b`c!"abc";"xyz";"123";`a`b`c!"789"]
"a2c"
q)0 2 0'[`a`b`c!"abc";"xyz";"123";`a`b!"78"]
'length
  [0]  0 2 0'[`a`b`c!"abc";"xyz";"123";`a`b!"78"]
       ^
q)0 2 0'[`a`b`c!"abc";"xyz";"123";`b`a`c!"789"]
'domain
  [0]  0 2 0'[`a`b`c!"abc";"xyz";"123";`b`a`c!"789"]
       ^
q)/ a general list's first item sees the typed null of its own type (basics/comparison.md)
q)inf:(0Wh;0Wi;0W;0We;0w)
q)(>=) prior inf
11111b
q)(>=) prior reverse neg inf
11111b
