/ Roll, Deal, Permute (ref/deal.md): each domain's type and range, Deal's distinctness and
/ its errors, and \S repeating the draws
q)type 2?0Ng
2h
q)count distinct -1000?0Ng
1000
q)type 5?4.5
9h
q)all (1000?4.5) within 0 4.5
1b
q)type 5?2.5e
8h
q)type 4?2012.09m
13h
q)all (100?2012.09m) < 2012.09m
1b
q)type 3?2012.01.01
14h
q)type 3?12:00:00.000
19h
q)type 3?1D
16h
q)all (30?" ") in .Q.a
1b
q)type 16?0x0
4h
q)type 20?0b
1h
q)all 3=count each string 10?`3
1b
q)all (raze string 100?`4) in "abcdefghijklmnop"
1b
q)type rand `6
-11h
q)count distinct -256?`2
256
q)-257?`2
'length
q)3?`abc
'type
q)asc 0N?10
`s#0 1 2 3 4 5 6 7 8 9
q)asc 0N?"abc"
`s#"abc"
q)0N?0
`long$()
q)type 3?0i
6h
q)type 3?0
7h
q)count distinct -3?0
3
q)type 3?10i
6h
q)asc -10?10h
`s#0 1 2 3 4 5 6 7 8 9h
q)asc -5?5
`s#0 1 2 3 4
q)count distinct -100?1000000000
100
q)all (1000?7) within 0 6
1b
q)count 2?("a";0101b;`abc)
2
q)asc -3?`a`b`c
`s#`a`b`c
q)-3?2
'length
q)-3?4.5
'type
q)-3?0b
'type
q)3?-1
'domain
q)\S 42
q)a:10?100
q)\S 42
q)a~10?100
1b
q)\S 7
q)\S
7
q)/ ref/deal.md: y a list -- a table is its rows: roll, deal and permute pick rows
q)t:([]a:til 5;b:`a`b`c`d`e)
q)asc (0N?t)`a
`s#0 1 2 3 4
q)count 10?t
10
q)cols -2?t
`a`b
q)r:-5?t
q)t~`a xasc r
1b
