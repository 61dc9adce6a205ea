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
